// The probe's statistics of what recurrent and attention layers compute inside (probe.hpp:
// GateStats, HiddenStats, AttentionStats), from the tensors the layers hand over.
#include <algorithm>
#include <cmath>
#include <limits>

#include "initlab/probe.hpp"

namespace initlab::probe {

GateStats gate_stats(const nn::InnerTensor& inner, const Options& options) {
  GateStats g;
  g.layer = inner.layer;
  g.reverse = inner.reverse;
  g.gate = inner.gate;
  g.activation = inner.activation;
  const Tensor x = inner.tensor.contiguous();
  g.pre_activation = compute_stats(x, Saturation::none, options);
  const int64_t n = x.numel();
  const float* p = n > 0 ? x.data() : nullptr;
  int64_t count = 0;
  for (int64_t i = 0; i < n; ++i) {
    const double v = static_cast<double>(p[i]);
    if (inner.activation == "sigmoid") {
      const double y = 1.0 / (1.0 + std::exp(-v));
      count += (y < 0.01 || y > 0.99) ? 1 : 0;
    } else if (inner.activation == "tanh") {
      count += std::fabs(std::tanh(v)) > 0.99 ? 1 : 0;
    } else {
      count += v <= 0 ? 1 : 0;
    }
  }
  g.saturated = n > 0 ? static_cast<double>(count) / static_cast<double>(n) : std::numeric_limits<double>::quiet_NaN();
  return g;
}

HiddenStats hidden_stats(const nn::InnerTensor& inner) {
  HiddenStats h;
  h.layer = inner.layer;
  h.reverse = inner.reverse;
  const Tensor x = inner.tensor.contiguous();
  if (x.dim() < 1 || x.numel() == 0) return h;
  const int64_t steps = x.shape()[0];
  const int64_t per = x.numel() / steps;
  const float* p = x.data();
  for (int64_t t = 0; t < steps; ++t) {
    // Unbiased, as Stats::std (two passes in double).
    double mean = 0;
    for (int64_t i = 0; i < per; ++i) mean += static_cast<double>(p[t * per + i]);
    mean /= static_cast<double>(per);
    double ss = 0;
    for (int64_t i = 0; i < per; ++i) {
      const double d = static_cast<double>(p[t * per + i]) - mean;
      ss += d * d;
    }
    h.std_per_step.push_back(per > 1 ? std::sqrt(ss / static_cast<double>(per - 1))
                                     : std::numeric_limits<double>::quiet_NaN());
  }
  return h;
}

AttentionStats attention_stats(const Tensor& logits_in, const Options& options) {
  AttentionStats a;
  const Tensor x = logits_in.contiguous();
  a.logits = compute_stats(x, Saturation::none, options);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  a.entropy = a.entropy_min = nan;
  if (x.dim() < 1 || x.numel() == 0) return a;
  const int64_t keys = x.shape()[x.dim() - 1];
  const int64_t rows = x.numel() / keys;
  const float* p = x.data();
  double total = 0, lowest = std::numeric_limits<double>::infinity();
  for (int64_t r = 0; r < rows; ++r) {
    const float* row = p + r * keys;
    // The row's softmax in double over its finite logits (masked keys are -inf).
    double top = -std::numeric_limits<double>::infinity();
    int64_t n = 0;
    for (int64_t k = 0; k < keys; ++k)
      if (std::isfinite(row[k])) {
        top = std::max(top, static_cast<double>(row[k]));
        ++n;
      }
    if (n < 2) continue;
    double z = 0;
    for (int64_t k = 0; k < keys; ++k)
      if (std::isfinite(row[k])) z += std::exp(static_cast<double>(row[k]) - top);
    double h = 0;
    for (int64_t k = 0; k < keys; ++k) {
      if (!std::isfinite(row[k])) continue;
      const double q = std::exp(static_cast<double>(row[k]) - top) / z;
      if (q > 0) h -= q * std::log(q);
    }
    const double relative = h / std::log(static_cast<double>(n));
    total += relative;
    lowest = std::min(lowest, relative);
    ++a.rows;
  }
  if (a.rows > 0) {
    a.entropy = total / static_cast<double>(a.rows);
    a.entropy_min = lowest;
  }
  return a;
}

}  // namespace initlab::probe
