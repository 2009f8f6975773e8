// Statistics and the per-channel affine behind BatchNorm, LayerNorm and GroupNorm. Sums run
// in float vectors over short blocks and are carried in double, so long channels stay accurate.
#include <algorithm>

#include "initlab/kernels.hpp"
#include "simd.hpp"

namespace initlab::kernels {

namespace {

constexpr int64_t kBlock = 1024;

// Sum and sum of squared deviations from `shift` of x[0..n), block-wise in double.
void block_sums(int64_t n, const float* x, double shift, double* sum, double* sq) {
  const fbatch s(static_cast<float>(shift));
  for (int64_t b = 0; b < n; b += kBlock) {
    const int64_t e = std::min(n, b + kBlock);
    fbatch acc(0.0f), acc2(0.0f);
    int64_t i = b;
    for (; i + W <= e; i += W) {
      const fbatch d = fbatch::load_unaligned(x + i) - s;
      acc += d;
      acc2 = xsimd::fma(d, d, acc2);
    }
    double bs = static_cast<double>(xsimd::hadd(acc)), bq = static_cast<double>(xsimd::hadd(acc2));
    for (; i < e; ++i) {
      const double d = static_cast<double>(x[i]) - shift;
      bs += d;
      bq += d * d;
    }
    *sum += bs;
    *sq += bq;
  }
}

}  // namespace

void channel_affine(int64_t outer, int64_t channels, int64_t inner, const float* x,
                    const float* center, const float* scale, const float* shift, float* y) {
  for (int64_t o = 0; o < outer; ++o) {
    for (int64_t c = 0; c < channels; ++c) {
      const float* xi = x + (o * channels + c) * inner;
      float* yi = y + (o * channels + c) * inner;
      const float m = center ? center[c] : 0.0f;
      const fbatch mv(m), s(scale[c]), t(shift[c]);
      int64_t i = 0;
      for (; i + W <= inner; i += W)
        xsimd::fma(fbatch::load_unaligned(xi + i) - mv, s, t).store_unaligned(yi + i);
      for (; i < inner; ++i) yi[i] = (xi[i] - m) * scale[c] + shift[c];
    }
  }
}

void channel_affine_ref(int64_t outer, int64_t channels, int64_t inner, const float* x,
                        const float* center, const float* scale, const float* shift, float* y) {
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t c = 0; c < channels; ++c)
      for (int64_t i = 0; i < inner; ++i) {
        const int64_t k = (o * channels + c) * inner + i;
        y[k] = (x[k] - (center ? center[c] : 0.0f)) * scale[c] + shift[c];
      }
}

void channel_moments(int64_t outer, int64_t channels, int64_t inner, const float* x,
                     double* mean, double* var) {
  // Two passes: the mean first, then squared deviations from it, so no cancellation.
  const double n = static_cast<double>(outer * inner);
  for (int64_t c = 0; c < channels; ++c) {
    double sum = 0, unused = 0;
    for (int64_t o = 0; o < outer; ++o) block_sums(inner, x + (o * channels + c) * inner, 0.0, &sum, &unused);
    const double m = sum / n;
    double sq = 0, dev = 0;
    for (int64_t o = 0; o < outer; ++o) block_sums(inner, x + (o * channels + c) * inner, m, &dev, &sq);
    mean[c] = m;
    // dev/n is the rounding of m against the data; removing it makes sq exact to first order.
    var[c] = std::max(sq / n - (dev / n) * (dev / n), 0.0);
  }
}

void channel_moments_ref(int64_t outer, int64_t channels, int64_t inner, const float* x,
                         double* mean, double* var) {
  const double n = static_cast<double>(outer * inner);
  for (int64_t c = 0; c < channels; ++c) {
    double s = 0;
    for (int64_t o = 0; o < outer; ++o)
      for (int64_t i = 0; i < inner; ++i) s += static_cast<double>(x[(o * channels + c) * inner + i]);
    const double m = s / n;
    double q = 0;
    for (int64_t o = 0; o < outer; ++o)
      for (int64_t i = 0; i < inner; ++i) {
        const double d = static_cast<double>(x[(o * channels + c) * inner + i]) - m;
        q += d * d;
      }
    mean[c] = m;
    var[c] = q / n;
  }
}

void batch_norm_stats(int64_t outer, int64_t channels, int64_t inner, const float* x,
                      float* mean, float* var_sum) {
  // Float lanes over short blocks, carried in double: the same value as PyTorch's serial
  // double sum except in the last bits of the double, which float rounding then hides.
  const double n = static_cast<double>(outer * inner);
  for (int64_t c = 0; c < channels; ++c) {
    double sum = 0;
    for (int64_t o = 0; o < outer; ++o) {
      const float* xi = x + (o * channels + c) * inner;
      for (int64_t b = 0; b < inner; b += kBlock) {
        const int64_t e = std::min(inner, b + kBlock);
        double part = 0;
        for (int64_t i = b; i < e; ++i) part += static_cast<double>(xi[i]);
        sum += part;
      }
    }
    const auto m = static_cast<float>(sum / n);
    mean[c] = m;
    double sq = 0;
    for (int64_t o = 0; o < outer; ++o) {
      const float* xi = x + (o * channels + c) * inner;
      int64_t i = 0;
      const fbatch mv(m);
      for (; i + W <= inner; i += W) {
        const fbatch d = fbatch::load_unaligned(xi + i) - mv;
        alignas(64) float sqf[64];
        (d * d).store_unaligned(sqf);
        for (int64_t k = 0; k < W; ++k) sq += static_cast<double>(sqf[k]);
      }
      for (; i < inner; ++i) {
        const float d = xi[i] - m;
        sq += static_cast<double>(d * d);
      }
    }
    var_sum[c] = static_cast<float>(sq);
  }
}

void batch_norm_stats_ref(int64_t outer, int64_t channels, int64_t inner, const float* x,
                          float* mean, float* var_sum) {
  const double n = static_cast<double>(outer * inner);
  for (int64_t c = 0; c < channels; ++c) {
    double sum = 0;
    for (int64_t o = 0; o < outer; ++o)
      for (int64_t i = 0; i < inner; ++i) sum += static_cast<double>(x[(o * channels + c) * inner + i]);
    const auto m = static_cast<float>(sum / n);
    double sq = 0;
    for (int64_t o = 0; o < outer; ++o)
      for (int64_t i = 0; i < inner; ++i) {
        const float d = x[(o * channels + c) * inner + i] - m;
        sq += static_cast<double>(d * d);
      }
    mean[c] = m;
    var_sum[c] = static_cast<float>(sq);
  }
}

void row_moments(int64_t rows, int64_t n, const float* x, double* mean, double* var) {
  channel_moments(1, rows, n, x, mean, var);
}

void row_moments_ref(int64_t rows, int64_t n, const float* x, double* mean, double* var) {
  channel_moments_ref(1, rows, n, x, mean, var);
}

}  // namespace initlab::kernels
