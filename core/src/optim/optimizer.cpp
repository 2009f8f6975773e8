#include <string>

#include "initlab/error.hpp"
#include "initlab/optim.hpp"
#include "initlab/pyformat.hpp"

namespace initlab::optim {

Optimizer::Optimizer(std::vector<Tensor> params) : params_(std::move(params)) {
  if (params_.empty()) raise(ErrorKind::ValueError, "optimizer got an empty parameter list");
}

void Optimizer::zero_grad(bool set_to_none) {
  for (Tensor& p : params_) {
    Tensor g = p.grad();
    if (!g.defined()) continue;
    if (set_to_none) p.set_grad(Tensor());
    else g.zero_();
  }
}

}  // namespace initlab::optim
