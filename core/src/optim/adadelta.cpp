// torch.optim.Adadelta (PyTorch 1.13, _single_tensor_adadelta): each tensor op of PyTorch's
// loop is one rounding here, in its order, the scalars cast to float as its kernels take them.
#include <cmath>
#include <string>

#include "../math/fused.hpp"
#include "initlab/error.hpp"
#include "initlab/optim.hpp"
#include "initlab/pyformat.hpp"

namespace initlab::optim {

Adadelta::Adadelta(std::vector<Tensor> params, const AdadeltaOptions& o) : Optimizer(std::move(params)), o_(o) {
  if (o.lr < 0) raise(ErrorKind::ValueError, "Invalid learning rate: " + py::repr(o.lr));
  if (o.rho < 0 || o.rho > 1) raise(ErrorKind::ValueError, "Invalid rho value: " + py::repr(o.rho));
  if (o.eps < 0) raise(ErrorKind::ValueError, "Invalid epsilon value: " + py::repr(o.eps));
  if (o.weight_decay < 0) raise(ErrorKind::ValueError, "Invalid weight_decay value: " + py::repr(o.weight_decay));
  state_.resize(params_.size());
}

void Adadelta::step() {
  const auto wd = static_cast<float>(o_.weight_decay);
  const auto rho = static_cast<float>(o_.rho);
  const auto one_minus_rho = static_cast<float>(1 - o_.rho);
  const auto eps = static_cast<float>(o_.eps);
  const auto neg_lr = static_cast<float>(-o_.lr);
  for (std::size_t i = 0; i < params_.size(); ++i) {
    Tensor& p = params_[i];
    const Tensor g_in = p.grad();
    if (!g_in.defined()) continue;
    State& s = state_[i];
    if (!s.square_avg.defined()) {
      s.square_avg = Tensor(p.shape());
      s.acc_delta = Tensor(p.shape());
    }
    const int64_t n = p.numel();
    // grad.add(param, alpha=weight_decay) is a new tensor: .grad stays as backward left it.
    Tensor g = o_.weight_decay != 0 ? g_in.contiguous().clone() : g_in.contiguous();
    float* gd = g.data();
    float* w = p.data();
    if (o_.weight_decay != 0) math::fma_scaled(n, w, wd, gd, 1.0f, gd);
    float* v = s.square_avg.data();
    float* u = s.acc_delta.data();
    Tensor delta(p.shape());
    float* d = delta.data();
    for (int64_t j = 0; j < n; ++j) {
      // square_avg.mul_(rho).addcmul_(grad, grad, value=1 - rho)
      const float scaled = v[j] * rho;
      v[j] = scaled + one_minus_rho * gd[j] * gd[j];
      // std = square_avg.add(eps).sqrt_(); delta = acc_delta.add(eps).sqrt_().div_(std).mul_(grad)
      const float sd = std::sqrt(v[j] + eps);
      d[j] = std::sqrt(u[j] + eps) / sd * gd[j];
      // acc_delta.mul_(rho).addcmul_(delta, delta, value=1 - rho)
      const float kept = u[j] * rho;
      u[j] = kept + one_minus_rho * d[j] * d[j];
    }
    // param.add_(delta, alpha=-lr)
    math::fma_scaled(n, d, neg_lr, w, 1.0f, w);
  }
}

}  // namespace initlab::optim
