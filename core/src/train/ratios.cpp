// Per step and weight: the applied update's and the gradient's std relative to the weight's.
#include "ratios.hpp"

#include <cmath>

namespace initlab::train {

namespace {

// Unbiased std as torch.std, summed in double; f(i) gives element i.
template <class F>
double std_of(int64_t n, F f) {
  if (n < 2) return 0;
  double sum = 0, sq = 0;
  for (int64_t i = 0; i < n; ++i) {
    const double v = f(i);
    sum += v;
    sq += v * v;
  }
  const double mean = sum / static_cast<double>(n);
  return std::sqrt(std::max(0.0, (sq - mean * sum) / static_cast<double>(n - 1)));
}

double log_ratio(double num, double den) { return std::log10(num / den); }

}  // namespace

RatioMeter::RatioMeter(const std::vector<std::pair<std::string, Tensor>>& parameters) {
  for (const auto& [name, p] : parameters) {
    if (p.dim() < 2) continue;
    weights_.push_back({p, {}, 0});
    out_.push_back({name, {}, {}});
  }
}

void RatioMeter::before_step() {
  for (size_t k = 0; k < weights_.size(); ++k) {
    Weight& w = weights_[k];
    const Tensor c = w.param.contiguous();
    const float* d = c.data();
    const int64_t n = c.numel();
    w.before.assign(d, d + n);
    w.std_before = std_of(n, [&](int64_t i) { return static_cast<double>(d[i]); });
    const Tensor g = w.param.grad();
    double gs = 0;
    if (g.defined()) {
      const Tensor gc = g.contiguous();
      const float* gd = gc.data();
      gs = std_of(gc.numel(), [&](int64_t i) { return static_cast<double>(gd[i]); });
    }
    out_[k].grad.push_back(log_ratio(gs, w.std_before));
  }
}

void RatioMeter::after_step() {
  for (size_t k = 0; k < weights_.size(); ++k) {
    Weight& w = weights_[k];
    const Tensor c = w.param.contiguous();
    const float* d = c.data();
    const double s = std_of(c.numel(), [&](int64_t i) {
      return static_cast<double>(d[i]) - static_cast<double>(w.before[static_cast<size_t>(i)]);
    });
    out_[k].update.push_back(log_ratio(s, w.std_before));
  }
}

}  // namespace initlab::train
