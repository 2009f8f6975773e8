// im2col: each output pixel's receptive field becomes a column, so convolution is one GEMM.
#include <algorithm>
#include <cstring>

#include "initlab/kernels.hpp"

namespace initlab::kernels {

void im2col(const Conv2dGeometry& g, const float* image, float* cols) {
  im2col_strided(g, image, cols, g.out_h * g.out_w);
}

void im2col_strided(const Conv2dGeometry& g, const float* image, float* cols, int64_t P) {
  for (int64_t c = 0; c < g.channels; ++c) {
    const float* plane = image + c * g.height * g.width;
    for (int64_t kh = 0; kh < g.kernel_h; ++kh) {
      for (int64_t kw = 0; kw < g.kernel_w; ++kw) {
        float* row = cols + ((c * g.kernel_h + kh) * g.kernel_w + kw) * P;
        const int64_t dx = kw * g.dilation_w - g.pad_left;
        // The output columns whose input column x = ox*stride + dx lies inside the image.
        int64_t ox_lo = 0, ox_hi = g.out_w;
        while (ox_lo < g.out_w && ox_lo * g.stride_w + dx < 0) ++ox_lo;
        while (ox_hi > ox_lo && (ox_hi - 1) * g.stride_w + dx >= g.width) --ox_hi;
        for (int64_t oy = 0; oy < g.out_h; ++oy) {
          float* out = row + oy * g.out_w;
          const int64_t y = oy * g.stride_h + kh * g.dilation_h - g.pad_top;
          if (y < 0 || y >= g.height) {
            std::fill(out, out + g.out_w, 0.0f);
            continue;
          }
          const float* in = plane + y * g.width;
          std::fill(out, out + ox_lo, 0.0f);
          if (g.stride_w == 1) {
            std::memcpy(out + ox_lo, in + ox_lo + dx,
                        static_cast<std::size_t>(ox_hi - ox_lo) * sizeof(float));
          } else {
            for (int64_t ox = ox_lo; ox < ox_hi; ++ox) out[ox] = in[ox * g.stride_w + dx];
          }
          std::fill(out + ox_hi, out + g.out_w, 0.0f);
        }
      }
    }
  }
}

void im2col_ref(const Conv2dGeometry& g, const float* image, float* cols) {
  const int64_t P = g.out_h * g.out_w;
  for (int64_t c = 0; c < g.channels; ++c)
    for (int64_t kh = 0; kh < g.kernel_h; ++kh)
      for (int64_t kw = 0; kw < g.kernel_w; ++kw)
        for (int64_t oy = 0; oy < g.out_h; ++oy)
          for (int64_t ox = 0; ox < g.out_w; ++ox) {
            const int64_t y = oy * g.stride_h + kh * g.dilation_h - g.pad_top;
            const int64_t x = ox * g.stride_w + kw * g.dilation_w - g.pad_left;
            const bool inside = y >= 0 && y < g.height && x >= 0 && x < g.width;
            cols[((c * g.kernel_h + kh) * g.kernel_w + kw) * P + oy * g.out_w + ox] =
                inside ? image[(c * g.height + y) * g.width + x] : 0.0f;
          }
}

}  // namespace initlab::kernels
