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
  // Two independent chains per quantity: one add chain is latency-bound, two keep the adder
  // busy (the probe reads every output of a forward pass, so this loop is the probe's cost).
  // Each float lane sums at most 256 / (2 W) values before the block's total moves to double,
  // which bounds the error by 32 float roundings of sum |x|.
  constexpr int64_t kBlock = 256;
  int64_t i = 0;
  for (; i + kBlock <= n; i += kBlock) {
    fbatch acc0(0.0f), acc1(0.0f), zc0(0.0f), zc1(0.0f);  // counts ride in float lanes (exact below 2^24)
    for (int64_t k = i; k < i + kBlock; k += 2 * W) {
      const fbatch a = fbatch::load_unaligned(x + k), b = fbatch::load_unaligned(x + k + W);
      acc0 += a;
      acc1 += b;
      vmin = xsimd::min(vmin, xsimd::min(a, b));
      vmax = xsimd::max(vmax, xsimd::max(a, b));
      zc0 += xsimd::select(a == zero, one, zero);
      zc1 += xsimd::select(b == zero, one, zero);
    }
    sum += static_cast<double>(xsimd::hadd(acc0 + acc1));
    zeros += static_cast<int64_t>(xsimd::hadd(zc0 + zc1));
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
    fbatch acc0(0.0f), acc1(0.0f);  // two chains, as in summarize()
    for (int64_t k = i; k < i + kBlock; k += 2 * W) {
      const fbatch a = fbatch::load_unaligned(x + k), b = fbatch::load_unaligned(x + k + W);
      const fbatch da = xsimd::select(xsimd::abs(a) < inf, a - m, zero);
      const fbatch db = xsimd::select(xsimd::abs(b) < inf, b - m, zero);
      acc0 = xsimd::fma(da, da, acc0);
      acc1 = xsimd::fma(db, db, acc1);
    }
    total += static_cast<double>(xsimd::hadd(acc0 + acc1));
  }
  // Squares past float's range (|x - mean| > 1.8e19) overflow the float lanes: redo in double.
  if (!std::isfinite(total)) return sum_sq_dev_ref(n, x, mean);
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
