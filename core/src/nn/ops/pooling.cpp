// 2-D pooling ops: PyTorch's output-size rule (floor or ceil mode) and its error messages.
#include <string>

#include "initlab/error.hpp"
#include "initlab/nn/ops.hpp"
#include "backward.hpp"

namespace initlab::ops {

namespace {

int64_t pooled_size(int64_t in, int64_t k, int64_t pad, int64_t stride, int64_t dilation,
                    bool ceil_mode) {
  const int64_t span = in + 2 * pad - dilation * (k - 1) - 1;
  int64_t out = (ceil_mode ? (span + stride - 1) / stride : span / stride) + 1;
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
  const char* name = is_max ? "max_pool2d" : "avg_pool2d";
  Planes in = as_planes(x_in, name);
  // PyTorch's pool2d_shape_check order: kernel, stride, dilation, then padding.
  if (p.kernel[0] <= 0 || p.kernel[1] <= 0) {
    raise(ErrorKind::RuntimeError, "kernel size should be greater than zero, but got kH: " +
                                       std::to_string(p.kernel[0]) + " kW: " + std::to_string(p.kernel[1]));
  }
  if (p.stride[0] == 0 || p.stride[1] == 0) raise(ErrorKind::RuntimeError, "stride should not be zero");
  if (p.stride[0] < 0 || p.stride[1] < 0) {
    raise(ErrorKind::RuntimeError, "stride should be greater than zero, but got dH: " +
                                       std::to_string(p.stride[0]) + " dW: " + std::to_string(p.stride[1]));
  }
  if (p.dilation[0] <= 0 || p.dilation[1] <= 0) {
    raise(ErrorKind::RuntimeError, "dilation should be greater than zero, but got dilationH: " +
                                       std::to_string(p.dilation[0]) + " dilationW: " + std::to_string(p.dilation[1]));
  }
  for (int d = 0; d < 2; ++d) {
    if (p.padding[d] < 0) {
      raise(ErrorKind::RuntimeError, "pad must be non-negative, but got pad: " + std::to_string(p.padding[d]));
    }
  }
  for (int d = 0; d < 2; ++d) {
    if (p.padding[d] * 2 > p.kernel[d]) {
      raise(ErrorKind::RuntimeError,
            is_max ? "pad should be at most half of effective kernel size, but got pad=" +
                         std::to_string(p.padding[d]) + ", kernel_size=" + std::to_string(p.kernel[d]) +
                         " and dilation=" + std::to_string(p.dilation[d])
                   : "pad should be smaller than or equal to half of kernel size, but got padH = " +
                         std::to_string(p.padding[0]) + ", padW = " + std::to_string(p.padding[1]) +
                         ", kH = " + std::to_string(p.kernel[0]) + ", kW = " + std::to_string(p.kernel[1]));
    }
  }
  if (p.dilation[0] != 1 || p.dilation[1] != 1) {
    raise(ErrorKind::NotImplementedError, "not supported in initlab: max_pool2d with dilation != 1");
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
