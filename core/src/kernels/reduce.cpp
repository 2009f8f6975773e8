// The probe's one-pass summary (sum, min, max, zero/NaN/Inf counts) and the deviation pass.
#include <cmath>
#include <limits>

#include "initlab/kernels.hpp"
#include "simd.hpp"

namespace initlab::kernels {

int simd_width() { return static_cast<int>(W); }
const char* simd_arch_name() { return xsimd::default_arch::name(); }

Summary summarize(int64_t n, const float* x) {
  // Fast path: plain sums, min, max and a zero count. A NaN or Inf anywhere makes the sum
  // non-finite, and only then is the tensor summarized again with per-element checks.
  const fbatch zero(0.0f), one(1.0f), inf(std::numeric_limits<float>::infinity());
  fbatch vmin(inf), vmax(-inf);
  double sum = 0.0;
  int64_t zeros = 0;
  constexpr int64_t kBlock = 1024;
  int64_t i = 0;
  for (; i + kBlock <= n; i += kBlock) {
    fbatch acc(0.0f), zc(0.0f);  // counts ride in float lanes (exact below 2^24) per block
    for (int64_t k = i; k < i + kBlock; k += W) {
      const fbatch v = fbatch::load_unaligned(x + k);
      acc += v;
      vmin = xsimd::min(vmin, v);
      vmax = xsimd::max(vmax, v);
      zc += xsimd::select(v == zero, one, zero);
    }
    sum += static_cast<double>(xsimd::hadd(acc));
    zeros += static_cast<int64_t>(xsimd::hadd(zc));
  }
  alignas(64) float lanes[64];
  float mn = std::numeric_limits<float>::infinity(), mx = -mn;
  vmin.store_unaligned(lanes);
  for (int64_t k = 0; k < W; ++k) mn = std::min(mn, lanes[k]);
  vmax.store_unaligned(lanes);
  for (int64_t k = 0; k < W; ++k) mx = std::max(mx, lanes[k]);
  for (; i < n; ++i) {
    const float v = x[i];
    zeros += v == 0.0f;
    sum += static_cast<double>(v);
    mn = std::min(mn, v);
    mx = std::max(mx, v);
  }
  if (!std::isfinite(sum) || !std::isfinite(mn) || !std::isfinite(mx)) return summarize_ref(n, x);
  Summary s;
  s.sum = sum;
  s.zeros = zeros;
  s.finite = n;
  s.min = n > 0 ? static_cast<double>(mn) : std::nan("");
  s.max = n > 0 ? static_cast<double>(mx) : std::nan("");
  return s;
}

Summary summarize_ref(int64_t n, const float* x) {
  Summary s;
  double mn = std::numeric_limits<double>::infinity(), mx = -mn;
  for (int64_t i = 0; i < n; ++i) {
    const float v = x[i];
    if (v == 0.0f) ++s.zeros;
    if (std::isnan(v)) {
      ++s.nans;
    } else if (std::isinf(v)) {
      ++s.infs;
    } else {
      ++s.finite;
      s.sum += static_cast<double>(v);
      mn = std::min(mn, static_cast<double>(v));
      mx = std::max(mx, static_cast<double>(v));
    }
  }
  s.min = s.finite > 0 ? mn : std::nan("");
  s.max = s.finite > 0 ? mx : std::nan("");
  return s;
}

int64_t count_outside(int64_t n, const float* x, float lo, float hi) {
  const fbatch l(lo), h(hi), one(1.0f), zero(0.0f);
  int64_t total = 0;
  constexpr int64_t kBlock = 1024;
  int64_t i = 0;
  for (; i + kBlock <= n; i += kBlock) {
    fbatch c(0.0f);
    for (int64_t k = i; k < i + kBlock; k += W) {
      const fbatch v = fbatch::load_unaligned(x + k);
      c += xsimd::select((v < l) | (v > h), one, zero);
    }
    total += static_cast<int64_t>(xsimd::hadd(c));
  }
  for (; i < n; ++i) total += (x[i] < lo || x[i] > hi);
  return total;
}

int64_t count_outside_ref(int64_t n, const float* x, float lo, float hi) {
  int64_t total = 0;
  for (int64_t i = 0; i < n; ++i) total += (x[i] < lo || x[i] > hi);
  return total;
}

double sum_sq_dev(int64_t n, const float* x, double mean) {
  const fbatch m(static_cast<float>(mean)), inf(std::numeric_limits<float>::infinity());
  const fbatch zero(0.0f);
  double total = 0.0;
  constexpr int64_t kBlock = 1024;
  int64_t i = 0;
  for (; i + kBlock <= n; i += kBlock) {
    fbatch acc(0.0f);
    for (int64_t k = i; k < i + kBlock; k += W) {
      const fbatch v = fbatch::load_unaligned(x + k);
      const fbatch d = xsimd::select(xsimd::abs(v) < inf, v - m, zero);
      acc = xsimd::fma(d, d, acc);
    }
    total += static_cast<double>(xsimd::hadd(acc));
  }
  // The float mean's rounding error shifts every deviation equally; correct for it exactly.
  for (; i < n; ++i) {
    if (std::isfinite(x[i])) {
      const double d = static_cast<double>(x[i]) - static_cast<double>(static_cast<float>(mean));
      total += d * d;
    }
  }
  return total;
}

double sum_sq_dev_ref(int64_t n, const float* x, double mean) {
  double total = 0.0;
  for (int64_t i = 0; i < n; ++i)
    if (std::isfinite(x[i])) total += (static_cast<double>(x[i]) - mean) * (static_cast<double>(x[i]) - mean);
  return total;
}

}  // namespace initlab::kernels
