// Softmax and log-softmax backward from the forward's output.
#include <cmath>

#include "initlab/kernels.hpp"
#include "simd.hpp"

namespace initlab::kernels {

void softmax_backward(bool log, int64_t outer, int64_t dim, int64_t inner, const float* y,
                      const float* dy, float* dx) {
  if (inner != 1) return softmax_backward_ref(log, outer, dim, inner, y, dy, dx);
  // The common case: the reduced dim is the last one and contiguous.
  for (int64_t o = 0; o < outer; ++o) {
    const float* yr = y + o * dim;
    const float* g = dy + o * dim;
    float* d = dx + o * dim;
    fbatch acc(0.0f);
    int64_t i = 0;
    for (; i + W <= dim; i += W) {
      const fbatch gv = fbatch::load_unaligned(g + i);
      acc += log ? gv : gv * fbatch::load_unaligned(yr + i);
    }
    float sum = xsimd::hadd(acc);
    for (; i < dim; ++i) sum += log ? g[i] : g[i] * yr[i];
    const fbatch s(sum);
    i = 0;
    for (; i + W <= dim; i += W) {
      const fbatch gv = fbatch::load_unaligned(g + i), yv = fbatch::load_unaligned(yr + i);
      (log ? gv - xsimd::exp(yv) * s : yv * (gv - s)).store_unaligned(d + i);
    }
    for (; i < dim; ++i) d[i] = log ? g[i] - std::exp(yr[i]) * sum : yr[i] * (g[i] - sum);
  }
}

void softmax_backward_ref(bool log, int64_t outer, int64_t dim, int64_t inner, const float* y,
                          const float* dy, float* dx) {
  for (int64_t o = 0; o < outer; ++o) {
    for (int64_t j = 0; j < inner; ++j) {
      const int64_t base = o * dim * inner + j;
      float sum = 0.0f;
      for (int64_t i = 0; i < dim; ++i) {
        const int64_t k = base + i * inner;
        sum += log ? dy[k] : dy[k] * y[k];
      }
      for (int64_t i = 0; i < dim; ++i) {
        const int64_t k = base + i * inner;
        dx[k] = log ? dy[k] - std::exp(y[k]) * sum : y[k] * (dy[k] - sum);
      }
    }
  }
}

}  // namespace initlab::kernels
