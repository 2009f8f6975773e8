// linear and convolution: shape checks, then one GEMM (per image and group for convolution).
#include <algorithm>
#include <string>
#include <vector>

#include "initlab/error.hpp"
#include "initlab/nn/ops.hpp"
#include "backward.hpp"

namespace initlab::ops {

namespace {

// The fused epilogues exist for inference only: nn/fusion.cpp never fuses while recording.
void check_not_fused(const PostOp* post) {
  if (post != nullptr) raise(ErrorKind::RuntimeError, "internal: a fused op cannot be recorded for autograd");
}

// Folds bias and a PostOp into one epilogue: act((acc + b) * s + t) = act(acc * s + (b*s + t)).
struct FusedEpilogue {
  std::vector<float> scale, shift;
  kernels::Epilogue ep;
  FusedEpilogue(const Tensor& bias, const PostOp* post, int64_t channels, bool per_row) {
    ep.per_row = per_row;
    if (post == nullptr) {
      if (bias.defined()) {
        shift.assign(bias.data(), bias.data() + channels);
        ep.shift = shift.data();
      }
      return;
    }
    scale = post->scale.empty() ? std::vector<float>(static_cast<std::size_t>(channels), 1.0f) : post->scale;
    shift.resize(static_cast<std::size_t>(channels));
    for (int64_t c = 0; c < channels; ++c) {
      const auto i = static_cast<std::size_t>(c);
      const float b = bias.defined() ? bias.data()[c] : 0.0f;
      shift[i] = b * scale[i] + (post->shift.empty() ? 0.0f : post->shift[i]);
    }
    ep.scale = scale.data();
    ep.shift = shift.data();
    ep.relu = post->relu;
  }
};

// A bias replaced by hand (`layer.bias = nn.Parameter(...)`) may have any shape: PyTorch's
// checks, before any kernel reads it.
void check_conv_bias(const Tensor& w, const Tensor& b) {
  if (!b.defined() || (b.dim() == 1 && b.size(0) == w.size(0))) return;
  raise(ErrorKind::RuntimeError, "Given weight of size " + w.shape().to_string() +
                                     ", expected bias to be 1-dimensional with " + std::to_string(w.size(0)) +
                                     " elements, but got bias of size " + b.shape().to_string() + " instead");
}

}  // namespace

Tensor linear(const Tensor& x_in, const Tensor& w, const Tensor& b, const PostOp* post) {
  if (x_in.dim() == 0) raise(ErrorKind::RuntimeError, "both arguments to linear need to be at least 1D, but they are 0D and 2D");
  const Tensor x = x_in.contiguous();
  const int64_t in = w.size(1), out = w.size(0);
  const int64_t k = x.size(-1);
  const int64_t m = k == 0 ? 0 : x.numel() / k;
  if (k != in) {
    raise(ErrorKind::RuntimeError, "mat1 and mat2 shapes cannot be multiplied (" +
                                       std::to_string(m) + "x" + std::to_string(k) + " and " +
                                       std::to_string(in) + "x" + std::to_string(out) + ")");
  }
  if (b.defined() && !(b.dim() == 1 && b.size(0) == out)) {
    // addmm broadcasts a one-element bias; any other shape must be out_features values.
    if (b.numel() == 1 && out != 1) {
      if (autograd::should_record({&x_in, &w, &b})) return binary(linear(x_in, w, Tensor(), nullptr), b, kernels::BinaryOp::add);
      return linear(x_in, w, Tensor::full(Shape{out}, b.contiguous().data()[0]), post);
    }
    if (b.dim() != 1) {
      raise(ErrorKind::NotImplementedError, "not supported in initlab: a linear bias of size " + b.shape().to_string() +
                                                " (give it out_features = " + std::to_string(out) + " values, 1-D)");
    }
    raise(ErrorKind::RuntimeError, "The expanded size of the tensor (" + std::to_string(out) +
                                       ") must match the existing size (" + std::to_string(b.size(0)) +
                                       ") at non-singleton dimension 1.  Target sizes: [" + std::to_string(m) +
                                       ", " + std::to_string(out) + "].  Tensor sizes: " + b.shape().to_string());
  }
  Shape shape = x.shape();
  shape[shape.size() - 1] = out;
  Tensor y = Tensor::uninitialized(shape);
  const Tensor wc = w.contiguous();
  const FusedEpilogue fused(b.defined() ? b.contiguous() : Tensor(), post, out, /*per_row=*/false);
  kernels::gemm(m, out, in, x.data(), in, wc.data(), in, /*b_trans=*/true, y.data(), out, fused.ep);
  if (autograd::should_record({&x_in, &w, &b})) {
    check_not_fused(post);
    return detail::record_linear(y, x_in, w, b);
  }
  return y;
}

Tensor conv2d(const Tensor& x_in, const Tensor& w_in, const Tensor& b, const ConvParams& p,
              const PostOp* post) {
  const bool unbatched = x_in.dim() == 3;
  check_conv_bias(w_in, b);
  if (x_in.dim() != 3 && x_in.dim() != 4) {
    raise(ErrorKind::RuntimeError,
          "Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: " +
              x_in.shape().to_string());
  }
  const Tensor x = unbatched ? x_in.contiguous().view(Shape{1, x_in.size(0), x_in.size(1), x_in.size(2)})
                             : x_in.contiguous();
  const Tensor w = w_in.contiguous();
  const int64_t N = x.size(0), C = x.size(1), H = x.size(2), Wd = x.size(3);
  const int64_t OC = w.size(0), Cg = w.size(1), KH = w.size(2), KW = w.size(3);
  const int64_t G = p.groups;
  // PyTorch's order of checks (check_shape_forward, then the kernel's own shape check).
  const auto pair = [](int64_t first, int64_t second) { return "[" + std::to_string(first) + ", " + std::to_string(second) + "]"; };
  for (int64_t pad : p.padding) {
    if (pad < 0) raise(ErrorKind::RuntimeError, "negative padding is not supported");
  }
  if (p.stride[0] <= 0 || p.stride[1] <= 0) raise(ErrorKind::RuntimeError, "non-positive stride is not supported");
  if (p.dilation[0] <= 0 || p.dilation[1] <= 0) {
    if (KH <= 0 || KW <= 0) raise(ErrorKind::RuntimeError, "kernel size should be greater than zero, but got " + pair(KH, KW));
    raise(ErrorKind::RuntimeError, "dilation should be greater than zero, but got " + pair(p.dilation[0], p.dilation[1]));
  }
  if (KH <= 0 || KW <= 0) {
    raise(ErrorKind::RuntimeError, "kernel size should be greater than zero, but got kernel_height: " +
                                       std::to_string(KH) + " kernel_width: " + std::to_string(KW));
  }
  if (C != Cg * G) {
    raise(ErrorKind::RuntimeError,
          "Given groups=" + std::to_string(G) + ", weight of size " + w.shape().to_string() +
              ", expected input" + x_in.shape().to_string() + " to have " +
              std::to_string(Cg * G) + " channels, but got " + std::to_string(C) +
              " channels instead");
  }
  kernels::Conv2dGeometry g{};
  g.channels = Cg;
  g.height = H;
  g.width = Wd;
  g.kernel_h = KH;
  g.kernel_w = KW;
  g.stride_h = p.stride[0];
  g.stride_w = p.stride[1];
  g.pad_top = p.padding[0];
  g.pad_left = p.padding[1];
  g.dilation_h = p.dilation[0];
  g.dilation_w = p.dilation[1];
  const int64_t eff_h = p.dilation[0] * (KH - 1) + 1, eff_w = p.dilation[1] * (KW - 1) + 1;
  const int64_t padded_h = H + p.padding[0] + p.padding[2], padded_w = Wd + p.padding[1] + p.padding[3];
  if (padded_h < eff_h || padded_w < eff_w) {
    raise(ErrorKind::RuntimeError,
          "Calculated padded input size per channel: (" + std::to_string(padded_h) + " x " +
              std::to_string(padded_w) + "). Kernel size: (" + std::to_string(eff_h) + " x " +
              std::to_string(eff_w) + "). Kernel size can't be greater than actual input size");
  }
  g.out_h = (padded_h - eff_h) / p.stride[0] + 1;
  g.out_w = (padded_w - eff_w) / p.stride[1] + 1;
  const int64_t P = g.out_h * g.out_w, K = Cg * KH * KW, OCg = OC / G;

  // One GEMM per group over the whole batch: W_g (OCg x K) times the im2col columns of every
  // image side by side (K x N*P), packed straight from the images, then a copy into NCHW.
  // (Small per-image GEMMs, M = 10..20 channels by N = 64 pixels, spent their time packing;
  // a materialized im2col matrix cost as much as the GEMM in memory traffic.)
  Tensor y = Tensor::uninitialized(Shape{N, OC, g.out_h, g.out_w});
  thread_local std::vector<float> out;
  const int64_t rows = (OCg + kernels::kGemmRowTile - 1) / kernels::kGemmRowTile * kernels::kGemmRowTile;
  out.resize(static_cast<std::size_t>(rows * N * P));
  const FusedEpilogue fused(b.defined() ? b.contiguous() : Tensor(), post, OC, /*per_row=*/true);
  for (int64_t gi = 0; gi < G; ++gi) {
    const kernels::Im2colBatch batch{g, x.data() + gi * Cg * H * Wd, C * H * Wd, N};
    kernels::Epilogue ep = fused.ep;
    if (ep.scale) ep.scale += gi * OCg;
    if (ep.shift) ep.shift += gi * OCg;
    kernels::gemm_custom_b(OCg, N * P, K, w.data() + gi * OCg * K, K, kernels::pack_im2col,
                           &batch, out.data(), N * P, ep, /*rows_padded=*/true);
    for (int64_t n = 0; n < N; ++n)
      for (int64_t oc = 0; oc < OCg; ++oc)
        std::copy_n(out.data() + oc * N * P + n * P, P, y.data() + (n * OC + gi * OCg + oc) * P);
  }
  Tensor result = unbatched ? y.view(Shape{OC, g.out_h, g.out_w}) : y;
  if (autograd::should_record({&x_in, &w_in, &b})) {
    check_not_fused(post);
    return detail::record_conv2d(result, x_in, w_in, b, g, G);
  }
  return result;
}

Tensor conv1d(const Tensor& x, const Tensor& w, const Tensor& b, const ConvParams& p,
              const PostOp* post) {
  if (x.dim() != 2 && x.dim() != 3) {
    raise(ErrorKind::RuntimeError,
          "Expected 2D (unbatched) or 3D (batched) input to conv1d, but got input of size: " +
              x.shape().to_string());
  }
  const bool unbatched = x.dim() == 2;
  check_conv_bias(w, b);
  // reshape() records itself, so the gradient flows through conv2d's.
  const Tensor x3 = unbatched ? reshape(x, Shape{1, x.size(0), x.size(1)}) : x;
  const Tensor x4 = reshape(x3, Shape{x3.size(0), x3.size(1), 1, x3.size(2)});
  const Tensor w4 = reshape(w, Shape{w.size(0), w.size(1), 1, w.size(2)});
  Tensor y = conv2d(x4, w4, b, p, post);
  const Shape out = unbatched ? Shape{y.size(1), y.size(3)} : Shape{y.size(0), y.size(1), y.size(3)};
  return reshape(y, out);
}

}  // namespace initlab::ops
