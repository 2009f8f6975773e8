// im2col: each output pixel's receptive field becomes a column, so convolution is one GEMM.
#include <algorithm>
#include <cstring>
#include <vector>

#include "initlab/kernels.hpp"
#include "simd.hpp"

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

void pack_im2col(const void* context, int64_t k0, int64_t kc, int64_t j0, int64_t nc,
                 float* panels) {
  const auto& batch = *static_cast<const Im2colBatch*>(context);
  const Conv2dGeometry& g = batch.geometry;
  const int64_t nr = gemm_panel_width();
  const int64_t P = g.out_h * g.out_w, plane = g.height * g.width;
  // Runs of consecutive output pixels of one row inside one panel: for stride 1 each k row of
  // a run is a contiguous piece of an input row. Found once per block, then every k row is
  // a loop over runs with one bounds check each.
  struct Run {
    int64_t dst;     // offset of the run's first column in its panel's k = 0 row
    int64_t length;
    int64_t src;     // image offset of the first column's top-left tap (may be negative)
    int64_t y, x;    // its top-left input coordinates
  };
  thread_local std::vector<Run> runs;
  runs.clear();
  for (int64_t jp = 0; jp < nc; jp += nr) {
    const int64_t cols = std::min(nr, nc - jp);
    const int64_t panel_base = (jp / nr) * kc * nr;
    for (int64_t j = 0; j < cols;) {
      const int64_t col = j0 + jp + j, n = col / P, p = col % P;
      const int64_t oy = p / g.out_w, ox = p % g.out_w;
      int64_t length = 1;
      if (g.stride_w == 1) length = std::min(cols - j, g.out_w - ox);  // rest of the row
      const int64_t y = oy * g.stride_h - g.pad_top, x = ox * g.stride_w - g.pad_left;
      runs.push_back({panel_base + j, length, n * batch.image_stride + y * g.width + x, y, x});
      j += length;
    }
  }
  for (int64_t k = 0; k < kc; ++k) {
    const int64_t r = k0 + k;
    const int64_t c = r / (g.kernel_h * g.kernel_w), kh = (r / g.kernel_w) % g.kernel_h,
                  kw = r % g.kernel_w;
    const int64_t dy = kh * g.dilation_h, dx = kw * g.dilation_w;
    const int64_t shift = c * plane + dy * g.width + dx;
    float* row = panels + k * nr;
    for (const Run& run : runs) {
      float* d = row + run.dst;
      const int64_t y = run.y + dy, x0 = run.x + dx;
      const float* src = batch.images + run.src + shift;
      if (y >= 0 && y < g.height && x0 >= 0 && x0 + (run.length - 1) * g.stride_w < g.width) {
        if (g.stride_w == 1) {
          int64_t j = 0;
          for (; j + W <= run.length; j += W) fbatch::load_unaligned(src + j).store_unaligned(d + j);
          for (; j < run.length; ++j) d[j] = src[j];
        } else {
          d[0] = src[0];
        }
        continue;
      }
      for (int64_t j = 0; j < run.length; ++j) {
        const int64_t x = x0 + j * g.stride_w;
        d[j] = (y >= 0 && y < g.height && x >= 0 && x < g.width) ? src[j * g.stride_w] : 0.0f;
      }
    }
  }
  // Columns past the end of a short last panel.
  const int64_t tail = nc % nr;
  if (tail != 0) {
    float* last = panels + (nc / nr) * kc * nr;
    for (int64_t k = 0; k < kc; ++k)
      for (int64_t j = tail; j < nr; ++j) last[k * nr + j] = 0.0f;
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
