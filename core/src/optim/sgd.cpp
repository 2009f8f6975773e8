// torch.optim.SGD (PyTorch 1.13, _single_tensor_sgd). Scalars are cast to float where
// PyTorch's tensor ops cast them; a + alpha * b is one fused multiply-add, as the AVX2
// kernel of Tensor.add(other, alpha=) computes it.
#include <cmath>
#include <string>

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
    Tensor d = gc.clone();
    float* dp = d.data();
    if (o_.weight_decay != 0)
      for (int64_t j = 0; j < n; ++j) dp[j] = std::fma(w[j], wd, dp[j]);
    if (o_.momentum != 0) {
      Tensor& buf = momentum_buffer_[i];
      if (!buf.defined()) {
        buf = d.clone();
      } else {
        float* b = buf.data();
        for (int64_t j = 0; j < n; ++j) b[j] = std::fma(dp[j], keep, b[j] * momentum);
      }
      const float* b = buf.data();
      if (o_.nesterov) {
        for (int64_t j = 0; j < n; ++j) dp[j] = std::fma(b[j], momentum, dp[j]);
      } else {
        for (int64_t j = 0; j < n; ++j) dp[j] = b[j];
      }
    }
    for (int64_t j = 0; j < n; ++j) w[j] = std::fma(dp[j], neg_lr, w[j]);
  }
}

}  // namespace initlab::optim
