// Softmax and log-softmax with the max subtracted first, as PyTorch computes them.
#include <cmath>
#include <limits>

#include <algorithm>

#include "initlab/kernels.hpp"
#include "simd.hpp"

namespace initlab::kernels {

void softmax(bool log, int64_t outer, int64_t dim, int64_t inner, const float* in, float* out) {
  if (inner != 1) return softmax_ref(log, outer, dim, inner, in, out);
  // The common case: the reduced dim is the last one and contiguous.
  for (int64_t o = 0; o < outer; ++o) {
    const float* x = in + o * dim;
    float* y = out + o * dim;
    float mx = -std::numeric_limits<float>::infinity();
    for (int64_t i = 0; i < dim; ++i) mx = std::max(mx, x[i]);
    const fbatch m(mx);
    fbatch acc(0.0f);
    int64_t i = 0;
    for (; i + W <= dim; i += W) {
      const fbatch d = fbatch::load_unaligned(x + i) - m;
      // xsimd's exp flushes results below FLT_MIN to 0; libm (and PyTorch) return
      // subnormals there, which decide whether a probability is exactly zero.
      if (xsimd::any(d < fbatch(-87.0f))) break;
      const fbatch e = xsimd::exp(d);
      if (!log) e.store_unaligned(y + i);
      acc += e;
    }
    float sum = xsimd::hadd(acc);
    for (; i < dim; ++i) {
      const float e = std::exp(x[i] - mx);
      if (!log) y[i] = e;
      sum += e;
    }
    if (log) {
      const float lse = std::log(sum);
      for (int64_t k = 0; k < dim; ++k) y[k] = x[k] - mx - lse;
    } else {
      const float inv = 1.0f / sum;
      for (int64_t k = 0; k < dim; ++k) y[k] *= inv;
    }
  }
}

void softmax_ref(bool log, int64_t outer, int64_t dim, int64_t inner, const float* in,
                 float* out) {
  for (int64_t o = 0; o < outer; ++o) {
    for (int64_t j = 0; j < inner; ++j) {
      const float* x = in + o * dim * inner + j;
      float* y = out + o * dim * inner + j;
      float mx = -std::numeric_limits<float>::infinity();
      for (int64_t i = 0; i < dim; ++i) mx = std::max(mx, x[i * inner]);
      float sum = 0.0f;
      for (int64_t i = 0; i < dim; ++i) sum += std::exp(x[i * inner] - mx);
      for (int64_t i = 0; i < dim; ++i) {
        y[i * inner] = log ? x[i * inner] - mx - std::log(sum) : std::exp(x[i * inner] - mx) / sum;
      }
    }
  }
}

}  // namespace initlab::kernels
