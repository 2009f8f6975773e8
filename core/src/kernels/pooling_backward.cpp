// Backward of the 2-D pools: the window geometry of pooling.cpp, gradients routed back; the
// 2x2 stride-2 case on its own path, the general loops as the references.
#include <algorithm>
#include <cmath>
#include <limits>

#include "initlab/kernels.hpp"

namespace initlab::kernels {

namespace {

// The 2x2, stride-2 window without padding (every CNN tutorial): each input pixel belongs to
// at most one window, so dx is written once, with no bounds to clip. Rows and columns past
// the last window (odd sizes) get 0.
template <bool kMax>
void pool_2x2_backward(const Pool2dGeometry& g, int64_t planes, const float* x, const float* dy,
                       float* dx) {
  const int64_t H = g.height, Wd = g.width;
  for (int64_t p = 0; p < planes; ++p) {
    const float* plane = kMax ? x + p * H * Wd : nullptr;
    float* d = dx + p * H * Wd;
    const float* gp = dy + p * g.out_h * g.out_w;
    for (int64_t oy = 0; oy < g.out_h; ++oy) {
      float* d0 = d + 2 * oy * Wd;
      float* d1 = d0 + Wd;
      for (int64_t ox = 0; ox < g.out_w; ++ox) {
        const float gv = gp[oy * g.out_w + ox];
        const int64_t c = 2 * ox;
        if (kMax) {
          // PyTorch's scan order: (0,0), (0,1), (1,0), (1,1); strictly larger or NaN wins.
          const float* r0 = plane + 2 * oy * Wd;
          const float* r1 = r0 + Wd;
          const float v[4] = {r0[c], r0[c + 1], r1[c], r1[c + 1]};
          int best = 0;
          float mx = v[0];
          for (int k = 1; k < 4; ++k) {
            if (v[k] > mx || std::isnan(v[k])) {
              mx = v[k];
              best = k;
            }
          }
          d0[c] = best == 0 ? gv : 0.0f;
          d0[c + 1] = best == 1 ? gv : 0.0f;
          d1[c] = best == 2 ? gv : 0.0f;
          d1[c + 1] = best == 3 ? gv : 0.0f;
        } else {
          const float q = gv * 0.25f;
          d0[c] = d0[c + 1] = d1[c] = d1[c + 1] = q;
        }
      }
      for (int64_t c = 2 * g.out_w; c < Wd; ++c) d0[c] = d1[c] = 0.0f;
    }
    std::fill(d + 2 * g.out_h * Wd, d + H * Wd, 0.0f);
  }
}

}  // namespace

void max_pool2d_backward(const Pool2dGeometry& g, int64_t planes, const float* x,
                         const float* dy, float* dx) {
  if (g.is_2x2_stride2()) return pool_2x2_backward<true>(g, planes, x, dy, dx);
  max_pool2d_backward_ref(g, planes, x, dy, dx);
}

void avg_pool2d_backward(const Pool2dGeometry& g, int64_t planes, const float* dy, float* dx) {
  if (g.is_2x2_stride2()) return pool_2x2_backward<false>(g, planes, nullptr, dy, dx);
  avg_pool2d_backward_ref(g, planes, dy, dx);
}

void max_pool2d_backward_ref(const Pool2dGeometry& g, int64_t planes, const float* x,
                             const float* dy, float* dx) {
  std::fill(dx, dx + planes * g.height * g.width, 0.0f);
  for (int64_t p = 0; p < planes; ++p) {
    const float* plane = x + p * g.height * g.width;
    float* dplane = dx + p * g.height * g.width;
    for (int64_t oy = 0; oy < g.out_h; ++oy) {
      for (int64_t ox = 0; ox < g.out_w; ++ox) {
        const auto w = g.window(oy, ox);
        const int64_t y0 = w.y0, y1 = w.y1, x0 = w.x0, x1 = w.x1;
        // PyTorch's scan: the window's first element unless a later one is strictly larger
        // or NaN (a NaN is never beaten, but a later NaN takes over).
        if (y0 >= y1 || x0 >= x1) continue;
        int64_t best = y0 * g.width + x0;
        float mx = -std::numeric_limits<float>::infinity();
        for (int64_t y = y0; y < y1; ++y)
          for (int64_t xx = x0; xx < x1; ++xx) {
            const float v = plane[y * g.width + xx];
            if (v > mx || std::isnan(v)) {
              mx = v;
              best = y * g.width + xx;
            }
          }
        dplane[best] += dy[(p * g.out_h + oy) * g.out_w + ox];
      }
    }
  }
}

void avg_pool2d_backward_ref(const Pool2dGeometry& g, int64_t planes, const float* dy, float* dx) {
  std::fill(dx, dx + planes * g.height * g.width, 0.0f);
  for (int64_t p = 0; p < planes; ++p) {
    float* dplane = dx + p * g.height * g.width;
    for (int64_t oy = 0; oy < g.out_h; ++oy) {
      for (int64_t ox = 0; ox < g.out_w; ++ox) {
        const auto w = g.window(oy, ox);
        const float d = dy[(p * g.out_h + oy) * g.out_w + ox] / static_cast<float>(w.divisor);
        for (int64_t y = w.y0; y < w.y1; ++y)
          for (int64_t xx = w.x0; xx < w.x1; ++xx) dplane[y * g.width + xx] += d;
      }
    }
  }
}

void adaptive_avg_pool2d_backward(int64_t planes, int64_t h, int64_t w, int64_t oh, int64_t ow,
                                  const float* dy, float* dx) {
  std::fill(dx, dx + planes * h * w, 0.0f);
  for (int64_t p = 0; p < planes; ++p) {
    for (int64_t i = 0; i < oh; ++i) {
      const int64_t y0 = i * h / oh, y1 = ((i + 1) * h + oh - 1) / oh;
      for (int64_t j = 0; j < ow; ++j) {
        const int64_t x0 = j * w / ow, x1 = ((j + 1) * w + ow - 1) / ow;
        const float d = dy[(p * oh + i) * ow + j] / static_cast<float>((y1 - y0) * (x1 - x0));
        for (int64_t y = y0; y < y1; ++y)
          for (int64_t x = x0; x < x1; ++x) dx[(p * h + y) * w + x] += d;
      }
    }
  }
}

}  // namespace initlab::kernels
