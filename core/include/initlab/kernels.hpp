// Compute kernels on raw float buffers. Each has one entry point (xsimd, the host's vectors
// natively, SIMD128 in wasm) and a plain scalar reference `*_ref` beside it, which the tests
// compare it with. Shapes are stated in comments; buffers are row-major and contiguous unless
// a leading dimension says otherwise.
#pragma once

#include <algorithm>
#include <cstdint>

namespace initlab::kernels {

// Floats per SIMD register in this build (4 in wasm, 8 with AVX2, 16 with AVX-512).
int simd_width();
// The instruction set xsimd chose ("sse4.2" in wasm).
const char* simd_arch_name();

// ---- GEMM -------------------------------------------------------------------------------
// After the product, each element becomes act(c * scale + shift), with scale and shift
// indexed by row (per_row) or by column; either may be null (1 and 0).
struct Epilogue {
  const float* scale = nullptr;
  const float* shift = nullptr;
  bool per_row = false;
  bool relu = false;
};

// C (M x N, leading dim ldc) = A (M x K, lda) * B, where B is (K x N, ldb) or, when b_trans,
// B^T is given as (N x K, ldb). Packed panels, 4 x 2W register tile.
void gemm(int64_t M, int64_t N, int64_t K, const float* A, int64_t lda, const float* B,
          int64_t ldb, bool b_trans, float* C, int64_t ldc, const Epilogue& ep = {});
void gemm_ref(int64_t M, int64_t N, int64_t K, const float* A, int64_t lda, const float* B,
              int64_t ldb, bool b_trans, float* C, int64_t ldc, const Epilogue& ep = {});

// GEMM whose B is never materialized: `pack` writes B[k0:k0+kc, j0:j0+nc] straight into
// the kernel's panel layout (panels of gemm_panel_width() columns, k-major, zero-padded to
// full panels). Convolution packs its im2col columns this way, from the images themselves.
using PackB = void (*)(const void* context, int64_t k0, int64_t kc, int64_t j0, int64_t nc,
                       float* panels);
// rows_padded: C has writable rows up to M rounded up to the register tile's 4 rows, so a
// last partial row tile is stored directly (its extra rows get unspecified values).
void gemm_custom_b(int64_t M, int64_t N, int64_t K, const float* A, int64_t lda, PackB pack,
                   const void* context, float* C, int64_t ldc, const Epilogue& ep = {},
                   bool rows_padded = false);
constexpr int64_t kGemmRowTile = 4;
int64_t gemm_panel_width();

// ---- convolution lowering ----------------------------------------------------------------
struct Conv2dGeometry {
  int64_t channels, height, width;          // input, one image
  int64_t kernel_h, kernel_w;
  int64_t stride_h, stride_w;
  int64_t pad_top, pad_left;                // 'same' may pad unevenly: bottom/right follow
  int64_t dilation_h, dilation_w;
  int64_t out_h, out_w;
};

// cols (C*KH*KW x OH*OW) from one image (C x H x W); zero where the window leaves the image.
void im2col(const Conv2dGeometry& g, const float* image, float* cols);
void im2col_ref(const Conv2dGeometry& g, const float* image, float* cols);
// The same columns written into a wider matrix: row r starts at cols + r * ld (ld >= OH*OW),
// so the columns of a whole batch can sit side by side for one GEMM.
void im2col_strided(const Conv2dGeometry& g, const float* image, float* cols, int64_t ld);

// The im2col matrix of a batch (K = C*KH*KW rows, images*OH*OW columns, image n's columns
// after image n-1's), packed for gemm_custom_b without writing the matrix out.
struct Im2colBatch {
  Conv2dGeometry geometry;
  const float* images;     // images[n * image_stride + c * H * W + y * W + x]
  int64_t image_stride;
  int64_t images_count;
};
void pack_im2col(const void* batch /* Im2colBatch */, int64_t k0, int64_t kc, int64_t j0,
                 int64_t nc, float* panels);

// The adjoint of im2col: image += col2im(cols), every column entry added back to the pixel
// it was read from (padding taps are dropped). cols is (C*KH*KW x OH*OW) with row stride ld
// (>= OH*OW); image is (C x H x W). The backward of convolution with respect to its input.
void col2im_strided(const Conv2dGeometry& g, const float* cols, int64_t ld, float* image);
void col2im_ref(const Conv2dGeometry& g, const float* cols, float* image);

// ---- pooling (one image plane at a time: H x W -> OH x OW) --------------------------------
struct Pool2dGeometry {
  int64_t height, width;
  int64_t kernel_h, kernel_w;
  int64_t stride_h, stride_w;
  int64_t pad_h, pad_w;
  int64_t out_h, out_w;
  bool count_include_pad = true;  // avg only
  // The 2x2, stride-2, unpadded window of every CNN tutorial: forward and backward kernels
  // take a vector path for it.
  bool is_2x2_stride2() const {
    return kernel_h == 2 && kernel_w == 2 && stride_h == 2 && stride_w == 2 && pad_h == 0 && pad_w == 0;
  }
  // The input rows [y0, y1) and columns [x0, x1) that output (oy, ox) covers, clipped to the
  // input (empty when the window lies in the padding), and avg pooling's divisor: PyTorch's
  // window size counted up to the padded edge, or only the inside with count_include_pad off.
  struct Window {
    int64_t y0, y1, x0, x1, divisor;
  };
  Window window(int64_t oy, int64_t ox) const {
    const int64_t ys = oy * stride_h - pad_h, xs = ox * stride_w - pad_w;
    const int64_t ye = std::min(ys + kernel_h, height + pad_h), xe = std::min(xs + kernel_w, width + pad_w);
    Window w{std::max<int64_t>(ys, 0), std::min(ye, height), std::max<int64_t>(xs, 0), std::min(xe, width), 0};
    w.divisor = count_include_pad ? (ye - ys) * (xe - xs) : (w.y1 - w.y0) * (w.x1 - w.x0);
    return w;
  }
};
// planes: count of (H x W) planes; in: planes x H x W; out: planes x OH x OW.
void max_pool2d(const Pool2dGeometry& g, int64_t planes, const float* in, float* out);
void max_pool2d_ref(const Pool2dGeometry& g, int64_t planes, const float* in, float* out);
void avg_pool2d(const Pool2dGeometry& g, int64_t planes, const float* in, float* out);
void avg_pool2d_ref(const Pool2dGeometry& g, int64_t planes, const float* in, float* out);
// PyTorch's adaptive bins: start = floor(i*H/OH), end = ceil((i+1)*H/OH).
void adaptive_avg_pool2d(int64_t planes, int64_t h, int64_t w, int64_t oh, int64_t ow,
                         const float* in, float* out);
void adaptive_avg_pool2d_ref(int64_t planes, int64_t h, int64_t w, int64_t oh, int64_t ow,
                             const float* in, float* out);

// Backward of the pools, one plane at a time like the forward (planes x OH x OW -> planes x
// H x W). dx is overwritten. Max routes each dy to the first maximum of its window (NaN wins),
// as PyTorch's CPU kernel picks it, recomputed from the input x; avg spreads dy / divisor.
// Scalar: the 2x2 stride-2 window has its own path, the general loop is the reference.
void max_pool2d_backward(const Pool2dGeometry& g, int64_t planes, const float* x,
                         const float* dy, float* dx);
void max_pool2d_backward_ref(const Pool2dGeometry& g, int64_t planes, const float* x,
                             const float* dy, float* dx);
void avg_pool2d_backward(const Pool2dGeometry& g, int64_t planes, const float* dy, float* dx);
void avg_pool2d_backward_ref(const Pool2dGeometry& g, int64_t planes, const float* dy, float* dx);
void adaptive_avg_pool2d_backward(int64_t planes, int64_t h, int64_t w, int64_t oh, int64_t ow,
                                  const float* dy, float* dx);

// ---- normalization -----------------------------------------------------------------------
// Per-channel affine over an (outer x C x inner) tensor: y = (x - center[c]) * scale[c] +
// shift[c]; center may be null (0). Centering first keeps outputs near zero exact when the
// mean is large against the spread.
void channel_affine(int64_t outer, int64_t channels, int64_t inner, const float* x,
                    const float* center, const float* scale, const float* shift, float* y);
void channel_affine_ref(int64_t outer, int64_t channels, int64_t inner, const float* x,
                        const float* center, const float* scale, const float* shift, float* y);
// Per-channel mean and biased variance of an (outer x C x inner) tensor, accumulated in
// double (BatchNorm's batch statistics).
void channel_moments(int64_t outer, int64_t channels, int64_t inner, const float* x,
                     double* mean, double* var);
void channel_moments_ref(int64_t outer, int64_t channels, int64_t inner, const float* x,
                         double* mean, double* var);
// BatchNorm's batch statistics as PyTorch's CPU kernel forms them: mean[c] = float(double sum
// / n); var_sum[c] = float(double sum of float (x - mean[c])^2). x is (outer x C x inner).
void batch_norm_stats(int64_t outer, int64_t channels, int64_t inner, const float* x,
                      float* mean, float* var_sum);
void batch_norm_stats_ref(int64_t outer, int64_t channels, int64_t inner, const float* x,
                          float* mean, float* var_sum);
// BatchNorm backward over an (outer x C x inner) tensor. The per-channel sums of dy and of
// dy * (x - mean[c]), carried in double (float vectors over each contiguous run):
void batch_norm_backward_reduce(int64_t outer, int64_t channels, int64_t inner, const float* x,
                                const float* dy, const float* mean, double* sum_dy,
                                double* sum_dy_xmu);
void batch_norm_backward_reduce_ref(int64_t outer, int64_t channels, int64_t inner,
                                    const float* x, const float* dy, const float* mean,
                                    double* sum_dy, double* sum_dy_xmu);
// then dx = (dy - a[c] - (x - mean[c]) * b[c]) * s[c] (a = b = 0 with running statistics).
// inner == 1 (BatchNorm1d after Linear) runs its vectors across the channels.
void batch_norm_backward_input(int64_t outer, int64_t channels, int64_t inner, const float* x,
                               const float* dy, const float* mean, const float* a,
                               const float* b, const float* s, float* dx);
void batch_norm_backward_input_ref(int64_t outer, int64_t channels, int64_t inner,
                                   const float* x, const float* dy, const float* mean,
                                   const float* a, const float* b, const float* s, float* dx);
// Mean and biased variance of each of `rows` contiguous rows of length n (LayerNorm,
// GroupNorm's groups).
void row_moments(int64_t rows, int64_t n, const float* x, double* mean, double* var);
void row_moments_ref(int64_t rows, int64_t n, const float* x, double* mean, double* var);

// ---- activations (n elements, in may equal out) -------------------------------------------
enum class Activation {
  relu, leaky_relu, elu, selu, gelu, gelu_tanh, silu, tanh, sigmoid, softplus,
  hardtanh, hardswish, hardsigmoid, mish, logsigmoid, softsign, celu, tanhshrink, threshold,
};
struct ActivationParams {
  float alpha = 0.0f;      // leaky_relu: negative slope; elu, celu: alpha; hardtanh: min_val;
                           // threshold: the value below the threshold
  float beta = 1.0f;       // softplus; hardtanh: max_val
  float threshold = 20.0f; // softplus, threshold
};
void activation(Activation a, const ActivationParams& p, int64_t n, const float* in, float* out);
void activation_ref(Activation a, const ActivationParams& p, int64_t n, const float* in,
                    float* out);

// dx = dy * act'(x), n elements; y = act(x) is passed too (tanh, sigmoid, ELU and SELU use
// it). PyTorch's derivative formulas (relu: dy where y > 0; softplus: dy * sigmoid(beta x)
// below the threshold, dy above it).
void activation_backward(Activation a, const ActivationParams& p, int64_t n, const float* x,
                         const float* y, const float* dy, float* dx);
void activation_backward_ref(Activation a, const ActivationParams& p, int64_t n, const float* x,
                             const float* y, const float* dy, float* dx);

// Softmax / log-softmax over the middle dim of an (outer x dim x inner) tensor.
void softmax(bool log, int64_t outer, int64_t dim, int64_t inner, const float* in, float* out);
void softmax_ref(bool log, int64_t outer, int64_t dim, int64_t inner, const float* in,
                 float* out);

// Their backward from the output y: softmax dx = y * (dy - sum(dy * y)); log-softmax
// dx = dy - exp(y) * sum(dy), the sums over the middle dim.
void softmax_backward(bool log, int64_t outer, int64_t dim, int64_t inner, const float* y,
                      const float* dy, float* dx);
void softmax_backward_ref(bool log, int64_t outer, int64_t dim, int64_t inner, const float* y,
                          const float* dy, float* dx);

// ---- element-wise binary ops on equal-length buffers, or with a scalar ----------------
enum class BinaryOp { add, sub, mul, div };
void binary(BinaryOp op, int64_t n, const float* a, const float* b, float* out);
void binary_ref(BinaryOp op, int64_t n, const float* a, const float* b, float* out);
// out = a op s (scalar on the right) or s op a (scalar_left).
void binary_scalar(BinaryOp op, int64_t n, const float* a, float s, bool scalar_left, float* out);

// ---- reductions (the probe's statistics) ---------------------------------------------------
struct Summary {
  double sum = 0, min = 0, max = 0;  // over finite values; min/max NaN-free
  int64_t zeros = 0, nans = 0, infs = 0, finite = 0;
};
Summary summarize(int64_t n, const float* x);
Summary summarize_ref(int64_t n, const float* x);
// How many x are < lo or > hi (the probe's saturation counts).
int64_t count_outside(int64_t n, const float* x, float lo, float hi);
int64_t count_outside_ref(int64_t n, const float* x, float lo, float hi);
// Sum of (x - mean)^2 over the finite values, in double.
double sum_sq_dev(int64_t n, const float* x, double mean);
double sum_sq_dev_ref(int64_t n, const float* x, double mean);

}  // namespace initlab::kernels
