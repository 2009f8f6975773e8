// col2im: the adjoint of im2col (convolution's input gradient after one GEMM).
#include <algorithm>

#include "initlab/kernels.hpp"
#include "simd.hpp"

namespace initlab::kernels {

void col2im_strided(const Conv2dGeometry& g, const float* cols, int64_t ld, float* image) {
  for (int64_t c = 0; c < g.channels; ++c) {
    float* plane = image + c * g.height * g.width;
    for (int64_t kh = 0; kh < g.kernel_h; ++kh) {
      for (int64_t kw = 0; kw < g.kernel_w; ++kw) {
        const float* row = cols + ((c * g.kernel_h + kh) * g.kernel_w + kw) * ld;
        const int64_t dx = kw * g.dilation_w - g.pad_left;
        // The output columns whose input column x = ox*stride + dx lies inside the image.
        int64_t ox_lo = 0, ox_hi = g.out_w;
        while (ox_lo < g.out_w && ox_lo * g.stride_w + dx < 0) ++ox_lo;
        while (ox_hi > ox_lo && (ox_hi - 1) * g.stride_w + dx >= g.width) --ox_hi;
        for (int64_t oy = 0; oy < g.out_h; ++oy) {
          const int64_t y = oy * g.stride_h + kh * g.dilation_h - g.pad_top;
          if (y < 0 || y >= g.height) continue;
          const float* in = row + oy * g.out_w;
          float* out = plane + y * g.width;
          if (g.stride_w == 1) {
            // out[ox + dx] += in[ox] over a contiguous run: the vector loop and its tail.
            float* o = out + dx;
            int64_t ox = ox_lo;
            for (; ox + W <= ox_hi; ox += W) {
              (fbatch::load_unaligned(o + ox) + fbatch::load_unaligned(in + ox)).store_unaligned(o + ox);
            }
            for (; ox < ox_hi; ++ox) o[ox] += in[ox];
          } else {
            for (int64_t ox = ox_lo; ox < ox_hi; ++ox) out[ox * g.stride_w + dx] += in[ox];
          }
        }
      }
    }
  }
}

void col2im_ref(const Conv2dGeometry& g, const float* cols, float* image) {
  const int64_t P = g.out_h * g.out_w;
  for (int64_t c = 0; c < g.channels; ++c)
    for (int64_t kh = 0; kh < g.kernel_h; ++kh)
      for (int64_t kw = 0; kw < g.kernel_w; ++kw)
        for (int64_t oy = 0; oy < g.out_h; ++oy)
          for (int64_t ox = 0; ox < g.out_w; ++ox) {
            const int64_t y = oy * g.stride_h + kh * g.dilation_h - g.pad_top;
            const int64_t x = ox * g.stride_w + kw * g.dilation_w - g.pad_left;
            if (y < 0 || y >= g.height || x < 0 || x >= g.width) continue;
            image[(c * g.height + y) * g.width + x] +=
                cols[((c * g.kernel_h + kh) * g.kernel_w + kw) * P + oy * g.out_w + ox];
          }
}

}  // namespace initlab::kernels
