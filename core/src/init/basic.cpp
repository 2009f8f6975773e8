// The initializers that need no fans: fills, plain distributions, identities.
#include <cmath>
#include <string>

#include "../math/special_float.hpp"
#include "fans.hpp"
#include "initlab/error.hpp"
#include "initlab/init.hpp"
#include "initlab/init_trace.hpp"
#include "initlab/sampling.hpp"
#include "initlab/warnings.hpp"

namespace initlab::init {

Tensor& uniform_(Tensor& t, double a, double b, Generator& gen) {
  const InitCall call("uniform_");
  if (const double s = call.scale(); s != 1.0) {
    const double mid = (a + b) / 2;
    a = mid - s * (mid - a);
    b = mid + s * (b - mid);
  }
  initlab::uniform_(t, a, b, gen);
  call.record(t, Distribution::uniform(a, b));
  return t;
}

Tensor& normal_(Tensor& t, double mean, double std, Generator& gen) {
  const InitCall call("normal_");
  std *= call.scale();
  initlab::normal_(t, mean, std, gen);
  call.record(t, Distribution::normal(mean, std));
  return t;
}

Tensor& trunc_normal_(Tensor& t, double mean, double std, double a, double b, Generator& gen) {
  const InitCall call("trunc_normal_");
  if (const double s = call.scale(); s != 1.0) {
    std *= s;
    a = mean - s * (mean - a);
    b = mean + s * (b - mean);
  }
  if (mean < a - 2 * std || mean > b + 2 * std) {
    warn("mean is more than 2 std from [a, b] in nn.init.trunc_normal_. The distribution of "
         "values may be incorrect.");
  }
  const auto norm_cdf = [](double x) { return (1. + std::erf(x / std::sqrt(2.))) / 2.; };
  const double l = norm_cdf(detail::py_div(a - mean, std));
  const double u = norm_cdf(detail::py_div(b - mean, std));
  initlab::uniform_(t, 2 * l - 1, 2 * u - 1, gen);
  // PyTorch then runs erfinv_, mul_, add_ and clamp_ as float tensor ops.
  const float scale = static_cast<float>(std * std::sqrt(2.));
  const float shift = static_cast<float>(mean);
  const float lo = static_cast<float>(a), hi = static_cast<float>(b);
  t.for_each_in_memory_order([&](float& x) {
    const float v = special::erfinv(x) * scale + shift;
    x = std::isnan(v) ? v : std::fmin(std::fmax(v, lo), hi);
  });
  call.record(t, Distribution::trunc_normal(mean, std, a, b));
  return t;
}

namespace {

Tensor& fill(const char* initializer, Tensor& t, double val) {
  const InitCall call(initializer);
  t.fill_(static_cast<float>(val));
  call.record(t, Distribution::constant(static_cast<double>(static_cast<float>(val))));
  return t;
}

}  // namespace

Tensor& constant_(Tensor& t, double val) { return fill("constant_", t, val); }

Tensor& ones_(Tensor& t) { return fill("ones_", t, 1.0); }

Tensor& zeros_(Tensor& t) { return fill("zeros_", t, 0.0); }

Tensor& eye_(Tensor& t) {
  const InitCall call("eye_");
  if (t.dim() != 2) raise(ErrorKind::ValueError, "Only tensors with 2 dimensions are supported");
  t.zero_();
  const int64_t n = std::min(t.size(0), t.size(1));
  for (int64_t i = 0; i < n; ++i) t.at({i, i}) = 1.0f;
  call.record(t, Distribution::none());
  return t;
}

Tensor& dirac_(Tensor& t, int64_t groups) {
  const InitCall call("dirac_");
  const int64_t dims = t.dim();
  if (dims < 3 || dims > 5) {
    raise(ErrorKind::ValueError, "Only tensors with 3, 4, or 5 dimensions are supported");
  }
  if (groups <= 0 || t.size(0) % groups != 0) {
    raise(ErrorKind::ValueError, "dim 0 must be divisible by groups");
  }
  const int64_t out_per_group = t.size(0) / groups;
  const int64_t min_dim = std::min(out_per_group, t.size(1));
  t.zero_();
  for (int64_t g = 0; g < groups; ++g) {
    for (int64_t d = 0; d < min_dim; ++d) {
      Tensor kernel = t.select(0, g * out_per_group + d).select(0, d);
      while (kernel.dim() > 0) kernel = kernel.select(0, kernel.size(0) / 2);
      kernel.fill_(1.0f);
    }
  }
  call.record(t, Distribution::none());
  return t;
}

}  // namespace initlab::init
