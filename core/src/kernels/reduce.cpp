// The probe's one-pass summary (sum, min, max, zero/NaN/Inf counts) and the deviation pass.
#include <cmath>
#include <limits>

#include "initlab/kernels.hpp"
#include "simd.hpp"

namespace initlab::kernels {

int simd_width() { return static_cast<int>(W); }
const char* simd_arch_name() { return xsimd::default_arch::name(); }

Summary summarize(int64_t n, const float* x) {
  Summary s;
  const fbatch zero(0.0f), inf(std::numeric_limits<float>::infinity());
  fbatch vmin(inf), vmax(-inf);
  double sum = 0.0;
  int64_t zeros = 0, nonfinite = 0;
  constexpr int64_t kBlock = 1024;
  int64_t i = 0;
  for (; i + kBlock <= n; i += kBlock) {
    fbatch acc(0.0f);
    // Counts ride in float lanes (exact below 2^24) and are added per block.
    fbatch zc(0.0f), nf(0.0f);
    for (int64_t k = i; k < i + kBlock; k += W) {
      const fbatch v = fbatch::load_unaligned(x + k);
      const auto finite = xsimd::abs(v) < inf;  // false for NaN and +-Inf
      const fbatch fv = xsimd::select(finite, v, zero);
      acc += fv;
      vmin = xsimd::select(finite, xsimd::min(vmin, v), vmin);
      vmax = xsimd::select(finite, xsimd::max(vmax, v), vmax);
      zc += xsimd::select(v == zero, fbatch(1.0f), zero);
      nf += xsimd::select(finite, zero, fbatch(1.0f));
    }
    sum += static_cast<double>(xsimd::hadd(acc));
    zeros += static_cast<int64_t>(xsimd::hadd(zc));
    nonfinite += static_cast<int64_t>(xsimd::hadd(nf));
  }
  float mn = std::numeric_limits<float>::infinity(), mx = -mn;
  alignas(64) float lanes[64];
  vmin.store_unaligned(lanes);
  for (int64_t k = 0; k < W; ++k) mn = std::min(mn, lanes[k]);
  vmax.store_unaligned(lanes);
  for (int64_t k = 0; k < W; ++k) mx = std::max(mx, lanes[k]);
  // The tail, and NaN vs Inf for the non-finite ones (rare: counted again exactly).
  for (; i < n; ++i) {
    const float v = x[i];
    if (v == 0.0f) ++zeros;
    if (std::isfinite(v)) {
      sum += static_cast<double>(v);
      mn = std::min(mn, v);
      mx = std::max(mx, v);
    } else {
      ++nonfinite;
    }
  }
  if (nonfinite > 0) {
    for (int64_t k = 0; k < n; ++k) {
      if (std::isnan(x[k])) ++s.nans;
      else if (std::isinf(x[k])) ++s.infs;
    }
  }
  s.sum = sum;
  s.zeros = zeros;
  s.finite = n - nonfinite;
  s.min = s.finite > 0 ? static_cast<double>(mn) : std::nan("");
  s.max = s.finite > 0 ? static_cast<double>(mx) : std::nan("");
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
