// 2-D pooling over planes. Windows are clipped to the (padded) image the way PyTorch clips
// them; max ignores padding, avg divides by the window size PyTorch uses.
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "initlab/kernels.hpp"
#include "simd.hpp"

namespace initlab::kernels {

namespace {

// The 2x2, stride-2 window (Pool2dGeometry::is_2x2_stride2): rows are combined with vector
// max/add first, then neighbouring columns pairwise.
template <bool kMax>
void pool_2x2(const Pool2dGeometry& g, int64_t planes, const float* in, float* out) {
  thread_local std::vector<float> rowbuf;
  rowbuf.resize(static_cast<std::size_t>(g.width));
  float* r = rowbuf.data();
  for (int64_t p = 0; p < planes; ++p) {
    const float* plane = in + p * g.height * g.width;
    float* o = out + p * g.out_h * g.out_w;
    for (int64_t oy = 0; oy < g.out_h; ++oy) {
      const float* r0 = plane + 2 * oy * g.width;
      const float* r1 = r0 + g.width;
      int64_t x = 0;
      for (; x + W <= g.width; x += W) {
        const fbatch a = fbatch::load_unaligned(r0 + x), b = fbatch::load_unaligned(r1 + x);
        (kMax ? xsimd::max(a, b) : a + b).store_unaligned(r + x);
      }
      for (; x < g.width; ++x) r[x] = kMax ? std::max(r0[x], r1[x]) : r0[x] + r1[x];
      for (int64_t ox = 0; ox < g.out_w; ++ox) {
        const float a = r[2 * ox], b = r[2 * ox + 1];
        o[oy * g.out_w + ox] = kMax ? std::max(a, b) : (a + b) * 0.25f;
      }
    }
  }
}

// NaN wins a max, as in PyTorch.
inline float max_nan(float a, float b) { return (b > a || std::isnan(b)) ? b : a; }

template <bool kMax>
void pool_generic(const Pool2dGeometry& g, int64_t planes, const float* in, float* out) {
  for (int64_t p = 0; p < planes; ++p) {
    const float* plane = in + p * g.height * g.width;
    for (int64_t oy = 0; oy < g.out_h; ++oy) {
      for (int64_t ox = 0; ox < g.out_w; ++ox) {
        const auto w = g.window(oy, ox);
        float acc = kMax ? -std::numeric_limits<float>::infinity() : 0.0f;
        for (int64_t y = w.y0; y < w.y1; ++y)
          for (int64_t x = w.x0; x < w.x1; ++x) {
            const float v = plane[y * g.width + x];
            acc = kMax ? max_nan(acc, v) : acc + v;
          }
        if (!kMax) acc /= static_cast<float>(w.divisor);
        out[(p * g.out_h + oy) * g.out_w + ox] = acc;
      }
    }
  }
}

}  // namespace

void max_pool2d(const Pool2dGeometry& g, int64_t planes, const float* in, float* out) {
  if (g.is_2x2_stride2()) return pool_2x2<true>(g, planes, in, out);
  pool_generic<true>(g, planes, in, out);
}

void max_pool2d_ref(const Pool2dGeometry& g, int64_t planes, const float* in, float* out) {
  pool_generic<true>(g, planes, in, out);
}

void avg_pool2d(const Pool2dGeometry& g, int64_t planes, const float* in, float* out) {
  if (g.is_2x2_stride2()) return pool_2x2<false>(g, planes, in, out);
  pool_generic<false>(g, planes, in, out);
}

void avg_pool2d_ref(const Pool2dGeometry& g, int64_t planes, const float* in, float* out) {
  pool_generic<false>(g, planes, in, out);
}

void adaptive_avg_pool2d(int64_t planes, int64_t h, int64_t w, int64_t oh, int64_t ow,
                         const float* in, float* out) {
  // Global pooling (output 1x1) is one contiguous sum per plane.
  if (oh == 1 && ow == 1) {
    const int64_t n = h * w;
    for (int64_t p = 0; p < planes; ++p) {
      const float* x = in + p * n;
      fbatch acc(0.0f);
      int64_t i = 0;
      for (; i + W <= n; i += W) acc += fbatch::load_unaligned(x + i);
      float s = xsimd::hadd(acc);
      for (; i < n; ++i) s += x[i];
      out[p] = s / static_cast<float>(n);
    }
    return;
  }
  adaptive_avg_pool2d_ref(planes, h, w, oh, ow, in, out);
}

void adaptive_avg_pool2d_ref(int64_t planes, int64_t h, int64_t w, int64_t oh, int64_t ow,
                             const float* in, float* out) {
  for (int64_t p = 0; p < planes; ++p) {
    for (int64_t i = 0; i < oh; ++i) {
      const int64_t y0 = i * h / oh, y1 = ((i + 1) * h + oh - 1) / oh;
      for (int64_t j = 0; j < ow; ++j) {
        const int64_t x0 = j * w / ow, x1 = ((j + 1) * w + ow - 1) / ow;
        float s = 0.0f;
        for (int64_t y = y0; y < y1; ++y)
          for (int64_t x = x0; x < x1; ++x) s += in[(p * h + y) * w + x];
        out[(p * oh + i) * ow + j] = s / static_cast<float>((y1 - y0) * (x1 - x0));
      }
    }
  }
}

}  // namespace initlab::kernels
