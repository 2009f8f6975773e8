// torch.optim.SGD (PyTorch 1.13, _single_tensor_sgd). Scalars are cast to float where
// PyTorch's tensor ops cast them; a + alpha * b is one fused multiply-add, as the AVX2
// kernel of Tensor.add(other, alpha=) computes it.
#include <cmath>
#include <string>

#include "../math/fused.hpp"
#include "initlab/error.hpp"
#include "initlab/optim.hpp"
#include "initlab/pyformat.hpp"

namespace initlab::optim {

SGD::SGD(std::vector<Tensor> params, const SGDOptions& o) : Optimizer(std::move(params)), o_(o) {
  if (o.lr < 0) raise(ErrorKind::ValueError, "Invalid learning rate: " + py::repr(o.lr));
  if (o.momentum < 0) raise(ErrorKind::ValueError, "Invalid momentum value: " + py::repr(o.momentum));
  if (o.weight_decay < 0) raise(ErrorKind::ValueError, "Invalid weight_decay value: " + py::repr(o.weight_decay));
  if (o.nesterov && (o.momentum <= 0 || o.dampening != 0)) {
    raise(ErrorKind::ValueError, "Nesterov momentum requires a momentum and zero dampening");
  }
  momentum_buffer_.resize(params_.size());
}

void SGD::step() {
  const auto wd = static_cast<float>(o_.weight_decay), momentum = static_cast<float>(o_.momentum);
  const auto keep = static_cast<float>(1 - o_.dampening), neg_lr = static_cast<float>(-o_.lr);
  for (std::size_t i = 0; i < params_.size(); ++i) {
    Tensor& p = params_[i];
    const Tensor g = p.grad();
    if (!g.defined()) continue;
    const Tensor gc = g.contiguous();
    const int64_t n = p.numel();
    float* w = p.data();
    // d = g, copied only when it changes (weight decay, nesterov): PyTorch's d_p.
    Tensor d = (o_.weight_decay != 0 || o_.nesterov) ? gc.clone() : gc;
    float* dp = d.data();
    if (o_.weight_decay != 0) math::fma_scaled(n, w, wd, dp, 1.0f, dp);  // d = w * wd + d
    const float* step = dp;
    if (o_.momentum != 0) {
      Tensor& buf = momentum_buffer_[i];
      if (!buf.defined()) {
        buf = d.clone();
      } else {
        math::fma_scaled(n, dp, keep, buf.data(), momentum, buf.data());  // buf = d * keep + buf * momentum
      }
      if (o_.nesterov) {
        math::fma_scaled(n, buf.data(), momentum, dp, 1.0f, dp);  // d = buf * momentum + d
      } else {
        step = buf.data();  // d = buf
      }
    }
    math::fma_scaled(n, step, neg_lr, w, 1.0f, w);  // w = d * -lr + w
  }
}

}  // namespace initlab::optim
