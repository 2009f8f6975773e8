// torch.optim.Adam (PyTorch 1.13, _single_tensor_adam): bias corrections in double (Python
// floats), the tensor arithmetic in float with the scalars cast to float.
#include <algorithm>
#include <cmath>
#include <string>

#include "../math/fused.hpp"
#include "initlab/error.hpp"
#include "initlab/optim.hpp"
#include "initlab/pyformat.hpp"

namespace initlab::optim {

Adam::Adam(std::vector<Tensor> params, const AdamOptions& o) : Optimizer(std::move(params)), o_(o) {
  if (o.lr < 0) raise(ErrorKind::ValueError, "Invalid learning rate: " + py::repr(o.lr));
  if (o.eps < 0) raise(ErrorKind::ValueError, "Invalid epsilon value: " + py::repr(o.eps));
  if (o.beta1 < 0 || o.beta1 >= 1) raise(ErrorKind::ValueError, "Invalid beta parameter at index 0: " + py::repr(o.beta1));
  if (o.beta2 < 0 || o.beta2 >= 1) raise(ErrorKind::ValueError, "Invalid beta parameter at index 1: " + py::repr(o.beta2));
  if (o.weight_decay < 0) raise(ErrorKind::ValueError, "Invalid weight_decay value: " + py::repr(o.weight_decay));
  state_.resize(params_.size());
}

void Adam::step() {
  const auto wd = static_cast<float>(o_.weight_decay);
  const auto b1 = static_cast<float>(o_.beta1), b2 = static_cast<float>(o_.beta2);
  const auto one_minus_b1 = static_cast<float>(1 - o_.beta1), one_minus_b2 = static_cast<float>(1 - o_.beta2);
  const auto eps = static_cast<float>(o_.eps);
  for (std::size_t i = 0; i < params_.size(); ++i) {
    Tensor& p = params_[i];
    const Tensor g_in = p.grad();
    if (!g_in.defined()) continue;
    State& s = state_[i];
    if (s.step == 0) {
      s.exp_avg = Tensor(p.shape());
      s.exp_avg_sq = Tensor(p.shape());
      if (o_.amsgrad) s.max_exp_avg_sq = Tensor(p.shape());
    }
    ++s.step;
    const Tensor gc = g_in.contiguous();
    const int64_t n = p.numel();
    float* w = p.data();
    float* m = s.exp_avg.data();
    float* v = s.exp_avg_sq.data();
    float* vmax = o_.amsgrad ? s.max_exp_avg_sq.data() : nullptr;
    const auto t = static_cast<double>(s.step);
    const double bias_correction1 = 1 - std::pow(o_.beta1, t);
    const double bias_correction2 = 1 - std::pow(o_.beta2, t);
    const auto neg_step_size = static_cast<float>(-(o_.lr / bias_correction1));
    const auto bc2_sqrt = static_cast<float>(std::sqrt(bias_correction2));
    // g = w * wd + g (a copy: .grad stays as backward left it), m = g * (1 - beta1) + m * beta1
    Tensor decayed = o_.weight_decay != 0 ? gc.clone() : gc;
    float* gd = decayed.data();
    if (o_.weight_decay != 0) math::fma_scaled(n, w, wd, gd, 1.0f, gd);
    math::fma_scaled(n, gd, one_minus_b1, m, b1, m);
    for (int64_t j = 0; j < n; ++j) {
      const float g = gd[j];
      v[j] = v[j] * b2 + one_minus_b2 * g * g;
      float second = v[j];
      if (vmax != nullptr) second = vmax[j] = std::max(vmax[j], v[j]);
      const float denom = std::sqrt(second) / bc2_sqrt + eps;
      w[j] = w[j] + neg_step_size * (m[j] / denom);
    }
  }
}

}  // namespace initlab::optim
