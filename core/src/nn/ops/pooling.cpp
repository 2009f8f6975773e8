// 2-D pooling ops: PyTorch's output-size rule (floor or ceil mode) and its error messages.
#include <string>

#include "initlab/error.hpp"
#include "initlab/nn/ops.hpp"
#include "initlab/nn/vision_ops.hpp"
#include "backward.hpp"

namespace initlab::ops {

namespace {

// PyTorch 1.13's size rule (pooling_output_shape) divides with floor, also a negative span.
int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0); }

int64_t pooled_size(int64_t in, int64_t k, int64_t pad, int64_t stride, int64_t dilation,
                    bool ceil_mode) {
  const int64_t span = in + 2 * pad - dilation * (k - 1) - 1;
  int64_t out = floor_div(ceil_mode ? span + stride - 1 : span, stride) + 1;
  // The last window must start inside the input or the left padding.
  if (ceil_mode && (out - 1) * stride >= in + pad) --out;
  return out;
}

struct Planes {
  Tensor x;  // contiguous (planes, H, W)
  Shape out_prefix;
  int64_t planes, h, w;
};

Planes as_planes(const Tensor& x_in, const char* name) {
  if (x_in.dim() != 3 && x_in.dim() != 4) {
    raise(ErrorKind::RuntimeError, std::string(name) +
                                       ": Expected 3D or 4D (batch mode) tensor for input, but got: " +
                                       x_in.shape().to_string());
  }
  Planes p{x_in.contiguous(), {}, 0, x_in.size(-2), x_in.size(-1)};
  for (int i = 0; i + 2 < x_in.dim(); ++i) p.out_prefix.push_back(x_in.shape()[i]);
  p.planes = p.out_prefix.numel();
  return p;
}

Shape with_spatial(const Shape& prefix, int64_t h, int64_t w) {
  Shape s = prefix;
  s.push_back(h);
  s.push_back(w);
  return s;
}

Tensor pool(const Tensor& x_in, const PoolParams& p, bool is_max) {
  if (is_max) {
    max_pool2d_output_shape(x_in, p);  // PyTorch's checks and messages, in its order
    // Dilated windows: the loop of max_pool2d_with_indices (no vector kernel for them).
    if (p.dilation[0] != 1 || p.dilation[1] != 1) return max_pool2d_with_indices(x_in, p).first;
  }
  Planes in = as_planes(x_in, is_max ? "max_pool2d" : "avg_pool2d");
  // avg_pool2d's order: kernel, stride, padding (max's were checked above).
  if (p.kernel[0] <= 0 || p.kernel[1] <= 0) {
    raise(ErrorKind::RuntimeError, "kernel size should be greater than zero, but got kH: " +
                                       std::to_string(p.kernel[0]) + " kW: " + std::to_string(p.kernel[1]));
  }
  if (p.stride[0] == 0 || p.stride[1] == 0) raise(ErrorKind::RuntimeError, "stride should not be zero");
  if (p.stride[0] < 0 || p.stride[1] < 0) {
    raise(ErrorKind::RuntimeError, "stride should be greater than zero, but got dH: " +
                                       std::to_string(p.stride[0]) + " dW: " + std::to_string(p.stride[1]));
  }
  for (int d = 0; d < 2; ++d) {
    if (p.padding[d] < 0) {
      raise(ErrorKind::RuntimeError, "pad must be non-negative, but got pad: " + std::to_string(p.padding[d]));
    }
  }
  for (int d = 0; d < 2; ++d) {
    if (p.padding[d] * 2 > p.kernel[d]) {
      raise(ErrorKind::RuntimeError, "pad should be smaller than or equal to half of kernel size, but got padH = " +
                                         std::to_string(p.padding[0]) + ", padW = " + std::to_string(p.padding[1]) +
                                         ", kH = " + std::to_string(p.kernel[0]) + ", kW = " + std::to_string(p.kernel[1]));
    }
  }
  const int64_t oh = pooled_size(in.h, p.kernel[0], p.padding[0], p.stride[0], 1, p.ceil_mode);
  const int64_t ow = pooled_size(in.w, p.kernel[1], p.padding[1], p.stride[1], 1, p.ceil_mode);
  if (oh <= 0 || ow <= 0) {
    const int64_t c = x_in.dim() == 4 ? x_in.size(1) : x_in.size(0);
    raise(ErrorKind::RuntimeError,
          "Given input size: (" + std::to_string(c) + "x" + std::to_string(in.h) + "x" +
              std::to_string(in.w) + "). Calculated output size: (" + std::to_string(c) + "x" +
              std::to_string(oh) + "x" + std::to_string(ow) + "). Output size is too small");
  }
  kernels::Pool2dGeometry g{in.h, in.w, p.kernel[0], p.kernel[1], p.stride[0], p.stride[1],
                            p.padding[0], p.padding[1], oh, ow, p.count_include_pad};
  Tensor y = Tensor::uninitialized(with_spatial(in.out_prefix, oh, ow));
  if (is_max) {
    kernels::max_pool2d(g, in.planes, in.x.data(), y.data());
  } else {
    kernels::avg_pool2d(g, in.planes, in.x.data(), y.data());
  }
  if (autograd::should_record({&x_in})) return detail::record_pool(is_max, y, x_in, g);
  return y;
}

}  // namespace

Shape max_pool2d_output_shape(const Tensor& x, const PoolParams& p) {
  // PyTorch 1.13's max_pool2d_with_indices: the rank, then per dimension (height, width)
  // pooling_output_shape's stride / padding checks, then pool2d_shape_check's.
  const int64_t n = x.dim();
  if (n != 3 && n != 4) raise(ErrorKind::RuntimeError, "non-empty 3D or 4D (batch mode) tensor expected for input");
  const int64_t H = x.size(-2), W = x.size(-1);
  for (int d = 0; d < 2; ++d) {
    if (p.stride[d] == 0) raise(ErrorKind::RuntimeError, "stride should not be zero");
    if (p.padding[d] < 0) raise(ErrorKind::RuntimeError, "pad must be non-negative, but got pad: " + std::to_string(p.padding[d]));
    if (p.padding[d] > p.kernel[d] / 2) {
      raise(ErrorKind::RuntimeError, "pad should be at most half of kernel size, but got pad=" + std::to_string(p.padding[d]) +
                                         " and kernel_size=" + std::to_string(p.kernel[d]));
    }
  }
  const int64_t oh = pooled_size(H, p.kernel[0], p.padding[0], p.stride[0], p.dilation[0], p.ceil_mode);
  const int64_t ow = pooled_size(W, p.kernel[1], p.padding[1], p.stride[1], p.dilation[1], p.ceil_mode);
  if (p.kernel[0] <= 0 || p.kernel[1] <= 0) {
    raise(ErrorKind::RuntimeError, "kernel size should be greater than zero, but got kH: " +
                                       std::to_string(p.kernel[0]) + " kW: " + std::to_string(p.kernel[1]));
  }
  if (p.stride[0] < 0 || p.stride[1] < 0) {
    raise(ErrorKind::RuntimeError, "stride should be greater than zero, but got dH: " +
                                       std::to_string(p.stride[0]) + " dW: " + std::to_string(p.stride[1]));
  }
  if (p.dilation[0] <= 0 || p.dilation[1] <= 0) {
    raise(ErrorKind::RuntimeError, "dilation should be greater than zero, but got dilationH: " +
                                       std::to_string(p.dilation[0]) + " dilationW: " + std::to_string(p.dilation[1]));
  }
  const bool nonempty = n == 3 ? x.size(0) != 0 && H != 0 && W != 0 : x.size(1) != 0 && H != 0 && W != 0;
  if (!nonempty) {
    raise(ErrorKind::RuntimeError, "Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got:" +
                                       x.shape().to_string());
  }
  const int64_t c = x.size(n - 3);
  if (oh < 1 || ow < 1) {
    raise(ErrorKind::RuntimeError, "Given input size: (" + std::to_string(c) + "x" + std::to_string(H) + "x" +
                                       std::to_string(W) + "). Calculated output size: (" + std::to_string(c) + "x" +
                                       std::to_string(oh) + "x" + std::to_string(ow) + "). Output size is too small");
  }
  Shape out;
  for (int64_t i = 0; i + 2 < n; ++i) out.push_back(x.shape()[static_cast<int>(i)]);
  out.push_back(oh);
  out.push_back(ow);
  return out;
}

Tensor max_pool2d(const Tensor& x, const PoolParams& p) { return pool(x, p, true); }
Tensor avg_pool2d(const Tensor& x, const PoolParams& p) { return pool(x, p, false); }

Tensor adaptive_avg_pool2d(const Tensor& x_in, std::array<int64_t, 2> size) {
  Planes in = as_planes(x_in, "adaptive_avg_pool2d");
  if (size[0] < 0 || size[1] < 0) {
    raise(ErrorKind::RuntimeError,
          "adaptive_avg_pool2d: elements of output_size must be greater than or equal to 0 but received {" +
              std::to_string(size[0]) + ", " + std::to_string(size[1]) + "}");
  }
  const int64_t oh = size[0], ow = size[1];
  Tensor y = Tensor::uninitialized(with_spatial(in.out_prefix, oh, ow));
  kernels::adaptive_avg_pool2d(in.planes, in.h, in.w, oh, ow, in.x.data(), y.data());
  if (autograd::should_record({&x_in})) return detail::record_adaptive_avg_pool2d(y, x_in);
  return y;
}

}  // namespace initlab::ops
