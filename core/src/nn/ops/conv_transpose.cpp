// Transposed convolution: the input-gradient of a convolution, one GEMM per group over the
// batch (W_g^T times the input's pixels) and col2im into the output.
#include <algorithm>
#include <string>
#include <vector>

#include "initlab/error.hpp"
#include "initlab/nn/vision_ops.hpp"
#include "vision_backward.hpp"

namespace initlab::ops {

namespace {

// out (cols x rows) = a (rows x cols)^T.
void transpose(const float* a, int64_t rows, int64_t cols, float* out) {
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t c = 0; c < cols; ++c) out[c * rows + r] = a[r * cols + c];
}

}  // namespace

Tensor conv_transpose2d(const Tensor& x_in, const Tensor& w_in, const Tensor& b, const ConvTransposeParams& p) {
  if (x_in.dim() != 3 && x_in.dim() != 4) {
    raise(ErrorKind::RuntimeError,
          "Expected 3D (unbatched) or 4D (batched) input to conv_transpose2d, but got input of size: " +
              x_in.shape().to_string());
  }
  const bool unbatched = x_in.dim() == 3;
  const Tensor x = unbatched ? x_in.contiguous().view(Shape{1, x_in.size(0), x_in.size(1), x_in.size(2)})
                             : x_in.contiguous();
  const Tensor w = w_in.contiguous();
  const int64_t N = x.size(0), C = x.size(1), H = x.size(2), Wd = x.size(3);
  const int64_t G = p.groups, Cg = C / std::max<int64_t>(G, 1);
  if (w.dim() != 4) {
    raise(ErrorKind::RuntimeError, "weight should have at least three dimensions");
  }
  const int64_t OCg = w.size(1), KH = w.size(2), KW = w.size(3), OC = OCg * G;
  for (int d = 0; d < 2; ++d) {
    if (p.padding[d] < 0) raise(ErrorKind::RuntimeError, "negative padding is not supported");
    if (p.output_padding[d] < 0) raise(ErrorKind::RuntimeError, "negative output_padding is not supported");
    if (p.stride[d] <= 0) raise(ErrorKind::RuntimeError, "non-positive stride is not supported");
  }
  if (C != w.size(0)) {
    raise(ErrorKind::RuntimeError, "Given transposed=1, weight of size " + w.shape().to_string() +
                                       ", expected input" + x_in.shape().to_string() + " to have " +
                                       std::to_string(w.size(0)) + " channels, but got " + std::to_string(C) +
                                       " channels instead");
  }
  if (b.defined() && !(b.dim() == 1 && b.size(0) == OC)) {
    raise(ErrorKind::RuntimeError, "Given transposed=1, weight of size " + w.shape().to_string() +
                                       ", expected bias to be 1-dimensional with " + std::to_string(OC) +
                                       " elements, but got bias of size " + b.shape().to_string() + " instead");
  }
  for (int d = 0; d < 2; ++d) {
    if (p.output_padding[d] >= p.stride[d] && p.output_padding[d] >= p.dilation[d]) {
      raise(ErrorKind::RuntimeError,
            "output padding must be smaller than either stride or dilation, but got output_padding_height: " +
                std::to_string(p.output_padding[0]) + " output_padding_width: " + std::to_string(p.output_padding[1]) +
                " stride_height: " + std::to_string(p.stride[0]) + " stride_width: " + std::to_string(p.stride[1]) +
                " dilation_height: " + std::to_string(p.dilation[0]) + " dilation_width: " + std::to_string(p.dilation[1]));
    }
  }
  const int64_t OH = (H - 1) * p.stride[0] - 2 * p.padding[0] + p.dilation[0] * (KH - 1) + p.output_padding[0] + 1;
  const int64_t OW = (Wd - 1) * p.stride[1] - 2 * p.padding[1] + p.dilation[1] * (KW - 1) + p.output_padding[1] + 1;
  if (OH < 1 || OW < 1) {
    raise(ErrorKind::RuntimeError, "Given input size per channel: (" + std::to_string(H) + " x " + std::to_string(Wd) +
                                       "). Calculated output size per channel: (" + std::to_string(OH) + " x " +
                                       std::to_string(OW) + "). Output size is too small");
  }
  kernels::Conv2dGeometry g{};
  g.channels = OCg;
  g.height = OH;
  g.width = OW;
  g.kernel_h = KH;
  g.kernel_w = KW;
  g.stride_h = p.stride[0];
  g.stride_w = p.stride[1];
  g.pad_top = p.padding[0];
  g.pad_left = p.padding[1];
  g.dilation_h = p.dilation[0];
  g.dilation_w = p.dilation[1];
  g.out_h = H;
  g.out_w = Wd;
  const int64_t P = H * Wd, NP = N * P, K = OCg * KH * KW, OP = OH * OW;
  Tensor y(Shape{N, OC, OH, OW});  // zeroed: col2im adds into it
  thread_local std::vector<float> xg, wt, cols;
  xg.resize(static_cast<std::size_t>(Cg * NP));
  wt.resize(static_cast<std::size_t>(K * Cg));
  cols.resize(static_cast<std::size_t>(K * NP));
  for (int64_t gi = 0; gi < G; ++gi) {
    // This group's input channels as one (Cg x N*P) matrix, images side by side.
    for (int64_t c = 0; c < Cg; ++c)
      for (int64_t n = 0; n < N; ++n)
        std::copy_n(x.data() + (n * C + gi * Cg + c) * P, P, xg.data() + c * NP + n * P);
    // cols (K x NP) = W_g^T (K x Cg) . X_g (Cg x NP), W_g the group's (Cg x K) rows of w.
    transpose(w.data() + gi * Cg * K, Cg, K, wt.data());
    kernels::gemm(K, NP, Cg, wt.data(), Cg, xg.data(), NP, false, cols.data(), NP);
    for (int64_t n = 0; n < N; ++n)
      kernels::col2im_strided(g, cols.data() + n * P, NP, y.data() + (n * OC + gi * OCg) * OP);
  }
  if (b.defined()) {
    const Tensor bc = b.contiguous();
    for (int64_t n = 0; n < N; ++n)
      for (int64_t oc = 0; oc < OC; ++oc) {
        float* row = y.data() + (n * OC + oc) * OP;
        const float v = bc.data()[oc];
        for (int64_t i = 0; i < OP; ++i) row[i] += v;
      }
  }
  Tensor result = unbatched ? y.view(Shape{OC, OH, OW}) : y;
  if (autograd::should_record({&x_in, &w_in, &b})) return detail::record_conv_transpose2d(result, x_in, w_in, b, g, G, N);
  return result;
}

Tensor conv_transpose1d(const Tensor& x, const Tensor& w, const Tensor& b, const ConvTransposeParams& p) {
  if (x.dim() != 2 && x.dim() != 3) {
    raise(ErrorKind::RuntimeError,
          "Expected 2D (unbatched) or 3D (batched) input to conv_transpose1d, but got input of size: " +
              x.shape().to_string());
  }
  if (w.dim() != 3) raise(ErrorKind::RuntimeError, "weight should have at least three dimensions");
  const bool unbatched = x.dim() == 2;
  // reshape() records itself, so the gradient flows through conv_transpose2d's.
  const Tensor x3 = unbatched ? reshape(x, Shape{1, x.size(0), x.size(1)}) : x;
  const Tensor x4 = reshape(x3, Shape{x3.size(0), x3.size(1), 1, x3.size(2)});
  const Tensor w4 = reshape(w, Shape{w.size(0), w.size(1), 1, w.size(2)});
  ConvTransposeParams p2 = p;
  p2.stride[0] = p2.dilation[0] = 1;
  p2.padding[0] = p2.output_padding[0] = 0;
  if (x.size(-2) != w.size(0)) {
    raise(ErrorKind::RuntimeError, "Given transposed=1, weight of size " + w.shape().to_string() +
                                       ", expected input" + x.shape().to_string() + " to have " +
                                       std::to_string(w.size(0)) + " channels, but got " +
                                       std::to_string(x.size(-2)) + " channels instead");
  }
  Tensor y = conv_transpose2d(x4, w4, b, p2);
  const Shape out = unbatched ? Shape{y.size(1), y.size(3)} : Shape{y.size(0), y.size(1), y.size(3)};
  return reshape(y, out);
}

}  // namespace initlab::ops
