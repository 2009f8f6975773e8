// BatchNorm backward: per-channel reductions and the input gradient, vector loop over each
// contiguous run (or across channels when the run is a single element) and scalar tail.
#include <algorithm>
#include <vector>

#include "initlab/kernels.hpp"
#include "simd.hpp"

namespace initlab::kernels {

void batch_norm_backward_reduce(int64_t outer, int64_t channels, int64_t inner, const float* x,
                                const float* dy, const float* mean, double* sum_dy,
                                double* sum_dy_xmu) {
  std::fill(sum_dy, sum_dy + channels, 0.0);
  std::fill(sum_dy_xmu, sum_dy_xmu + channels, 0.0);
  if (inner == 1) {
    // (outer x C): float vectors across the channels, one row at a time, flushed to double
    // every 256 rows.
    thread_local std::vector<float> acc_dy, acc_dxm;
    acc_dy.assign(static_cast<std::size_t>(channels), 0.0f);
    acc_dxm.assign(static_cast<std::size_t>(channels), 0.0f);
    float* ad = acc_dy.data();
    float* am = acc_dxm.data();
    for (int64_t o = 0; o < outer; ++o) {
      const float* xr = x + o * channels;
      const float* gr = dy + o * channels;
      int64_t c = 0;
      for (; c + W <= channels; c += W) {
        const fbatch g = fbatch::load_unaligned(gr + c);
        const fbatch d = fbatch::load_unaligned(xr + c) - fbatch::load_unaligned(mean + c);
        (fbatch::load_unaligned(ad + c) + g).store_unaligned(ad + c);
        xsimd::fma(g, d, fbatch::load_unaligned(am + c)).store_unaligned(am + c);
      }
      for (; c < channels; ++c) {
        ad[c] += gr[c];
        am[c] += gr[c] * (xr[c] - mean[c]);
      }
      if ((o + 1) % 256 == 0 || o + 1 == outer) {
        for (int64_t k = 0; k < channels; ++k) {
          sum_dy[k] += static_cast<double>(ad[k]);
          sum_dy_xmu[k] += static_cast<double>(am[k]);
        }
        std::fill(ad, ad + channels, 0.0f);
        std::fill(am, am + channels, 0.0f);
      }
    }
    return;
  }
  for (int64_t o = 0; o < outer; ++o) {
    for (int64_t c = 0; c < channels; ++c) {
      const float* xr = x + (o * channels + c) * inner;
      const float* gr = dy + (o * channels + c) * inner;
      const fbatch m(mean[c]);
      fbatch acc(0.0f), acc2(0.0f);
      int64_t i = 0;
      for (; i + W <= inner; i += W) {
        const fbatch g = fbatch::load_unaligned(gr + i);
        acc += g;
        acc2 = xsimd::fma(g, fbatch::load_unaligned(xr + i) - m, acc2);
      }
      double s = static_cast<double>(xsimd::hadd(acc)), s2 = static_cast<double>(xsimd::hadd(acc2));
      for (; i < inner; ++i) {
        s += static_cast<double>(gr[i]);
        s2 += static_cast<double>(gr[i]) * static_cast<double>(xr[i] - mean[c]);
      }
      sum_dy[c] += s;
      sum_dy_xmu[c] += s2;
    }
  }
}

void batch_norm_backward_reduce_ref(int64_t outer, int64_t channels, int64_t inner,
                                    const float* x, const float* dy, const float* mean,
                                    double* sum_dy, double* sum_dy_xmu) {
  for (int64_t c = 0; c < channels; ++c) {
    double s = 0, s2 = 0;
    for (int64_t o = 0; o < outer; ++o)
      for (int64_t i = 0; i < inner; ++i) {
        const int64_t k = (o * channels + c) * inner + i;
        s += static_cast<double>(dy[k]);
        s2 += static_cast<double>(dy[k]) * (static_cast<double>(x[k]) - static_cast<double>(mean[c]));
      }
    sum_dy[c] = s;
    sum_dy_xmu[c] = s2;
  }
}

void batch_norm_backward_input(int64_t outer, int64_t channels, int64_t inner, const float* x,
                               const float* dy, const float* mean, const float* a,
                               const float* b, const float* s, float* dx) {
  if (inner == 1) {
    for (int64_t o = 0; o < outer; ++o) {
      const float* xr = x + o * channels;
      const float* gr = dy + o * channels;
      float* dr = dx + o * channels;
      int64_t c = 0;
      for (; c + W <= channels; c += W) {
        const fbatch d = fbatch::load_unaligned(xr + c) - fbatch::load_unaligned(mean + c);
        const fbatch v = fbatch::load_unaligned(gr + c) - fbatch::load_unaligned(a + c) - d * fbatch::load_unaligned(b + c);
        (v * fbatch::load_unaligned(s + c)).store_unaligned(dr + c);
      }
      for (; c < channels; ++c) dr[c] = (gr[c] - a[c] - (xr[c] - mean[c]) * b[c]) * s[c];
    }
    return;
  }
  for (int64_t o = 0; o < outer; ++o) {
    for (int64_t c = 0; c < channels; ++c) {
      const float* xr = x + (o * channels + c) * inner;
      const float* gr = dy + (o * channels + c) * inner;
      float* dr = dx + (o * channels + c) * inner;
      const fbatch m(mean[c]), av(a[c]), bv(b[c]), sv(s[c]);
      int64_t i = 0;
      for (; i + W <= inner; i += W) {
        const fbatch d = fbatch::load_unaligned(xr + i) - m;
        ((fbatch::load_unaligned(gr + i) - av - d * bv) * sv).store_unaligned(dr + i);
      }
      for (; i < inner; ++i) dr[i] = (gr[i] - a[c] - (xr[i] - mean[c]) * b[c]) * s[c];
    }
  }
}

void batch_norm_backward_input_ref(int64_t outer, int64_t channels, int64_t inner,
                                   const float* x, const float* dy, const float* mean,
                                   const float* a, const float* b, const float* s, float* dx) {
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t c = 0; c < channels; ++c)
      for (int64_t i = 0; i < inner; ++i) {
        const int64_t k = (o * channels + c) * inner + i;
        dx[k] = (dy[k] - a[c] - (x[k] - mean[c]) * b[c]) * s[c];
      }
}

}  // namespace initlab::kernels
