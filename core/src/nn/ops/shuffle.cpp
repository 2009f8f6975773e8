// Ops that move elements without arithmetic, all one gather (y.flat[i] = x.flat[src[i]]):
// pixel (un)shuffle, channel shuffle, max pooling's selection by index and max unpooling;
// and PReLU, composed of recorded ops.
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "initlab/autograd.hpp"
#include "initlab/error.hpp"
#include "initlab/nn/vision_ops.hpp"
#include "initlab/pyformat.hpp"
#include "vision_backward.hpp"

namespace initlab::ops {

Tensor gather_flat(const Tensor& x_in, const Shape& shape, std::vector<int64_t> src, const char* grad_name) {
  const Tensor x = x_in.contiguous();
  Tensor y = Tensor::uninitialized(shape);
  float* out = y.data();
  const float* in = x.data();
  for (std::size_t i = 0; i < src.size(); ++i) out[i] = src[i] < 0 ? 0.0f : in[src[i]];
  if (autograd::should_record({&x_in})) return detail::record_gather_flat(y, x_in, std::move(src), grad_name);
  return y;
}

namespace {

// x (*, C, H, W) <-> y (*, C / r^2, H * r, W * r): the source of each element of the
// shuffled tensor in the unshuffled one (index of the shuffled element -> index).
std::vector<int64_t> shuffle_map(int64_t outer, int64_t c, int64_t h, int64_t w, int64_t r) {
  // c, h, w: the shuffled (big) tensor's channels and spatial size; the small one has c*r*r
  // channels of (h/r x w/r).
  std::vector<int64_t> map(static_cast<std::size_t>(outer * c * h * w));
  const int64_t sh = h / r, sw = w / r;
  std::size_t k = 0;
  for (int64_t n = 0; n < outer; ++n)
    for (int64_t ci = 0; ci < c; ++ci)
      for (int64_t y = 0; y < h; ++y)
        for (int64_t x = 0; x < w; ++x) {
          const int64_t sc = ci * r * r + (y % r) * r + (x % r);
          map[k++] = ((n * c * r * r + sc) * sh + y / r) * sw + x / r;
        }
  return map;
}

}  // namespace

Tensor pixel_shuffle(const Tensor& x, int64_t r) {
  if (x.dim() < 3) {
    raise(ErrorKind::RuntimeError, "pixel_shuffle expects input to have at least 3 dimensions, but got input with " +
                                       std::to_string(x.dim()) + " dimension(s)");
  }
  if (r <= 0) raise(ErrorKind::RuntimeError, "pixel_shuffle expects a positive upscale_factor, but got " + std::to_string(r));
  const int64_t c = x.size(-3), h = x.size(-2), w = x.size(-1);
  if (c % (r * r) != 0) {
    raise(ErrorKind::RuntimeError, "pixel_shuffle expects its input's 'channel' dimension to be divisible by the square of upscale_factor, but input.size(-3)=" +
                                       std::to_string(c) + " is not divisible by " + std::to_string(r * r));
  }
  const int64_t outer = c * h * w == 0 ? 0 : x.numel() / (c * h * w);
  Shape shape = x.shape();
  const std::size_t n = shape.size();
  shape[n - 3] = c / (r * r);
  shape[n - 2] = h * r;
  shape[n - 1] = w * r;
  return gather_flat(x, shape, shuffle_map(outer, c / (r * r), h * r, w * r, r), "PixelShuffleBackward");
}

Tensor pixel_unshuffle(const Tensor& x, int64_t r) {
  if (x.dim() < 3) {
    raise(ErrorKind::RuntimeError, "pixel_unshuffle expects input to have at least 3 dimensions, but got input with " +
                                       std::to_string(x.dim()) + " dimension(s)");
  }
  if (r <= 0) raise(ErrorKind::RuntimeError, "pixel_unshuffle expects a positive downscale_factor, but got " + std::to_string(r));
  const int64_t c = x.size(-3), h = x.size(-2), w = x.size(-1);
  if (h % r != 0) {
    raise(ErrorKind::RuntimeError, "pixel_unshuffle expects height to be divisible by downscale_factor, but input.size(-2)=" +
                                       std::to_string(h) + " is not divisible by " + std::to_string(r));
  }
  if (w % r != 0) {
    raise(ErrorKind::RuntimeError, "pixel_unshuffle expects width to be divisible by downscale_factor, but input.size(-1)=" +
                                       std::to_string(w) + " is not divisible by " + std::to_string(r));
  }
  const int64_t outer = c * h * w == 0 ? 0 : x.numel() / (c * h * w);
  // The inverse permutation of the shuffle from (c*r*r, h/r, w/r) to (c, h, w).
  const std::vector<int64_t> fwd = shuffle_map(outer, c, h, w, r);
  std::vector<int64_t> map(fwd.size());
  for (std::size_t i = 0; i < fwd.size(); ++i) map[static_cast<std::size_t>(fwd[i])] = static_cast<int64_t>(i);
  Shape shape = x.shape();
  const std::size_t n = shape.size();
  shape[n - 3] = c * r * r;
  shape[n - 2] = h / r;
  shape[n - 1] = w / r;
  return gather_flat(x, shape, std::move(map), "PixelUnshuffleBackward");
}

Tensor channel_shuffle(const Tensor& x, int64_t groups) {
  if (groups <= 0) {
    raise(ErrorKind::RuntimeError, "Number of groups to divide channels in must be positive. Value of groups:" + std::to_string(groups));
  }
  if (x.dim() <= 2) {
    raise(ErrorKind::RuntimeError, "channel_shuffle expects input to have at least 3 dimensions, but got input with " +
                                       std::to_string(x.dim()) + " dimension(s)");
  }
  const int64_t n = x.size(0), c = x.size(1);
  if (c % groups != 0) {
    raise(ErrorKind::RuntimeError, "Number of channels must be divisible by groups. Got " + std::to_string(c) +
                                       " channels and " + std::to_string(groups) + " groups.");
  }
  const int64_t inner = n * c == 0 ? 0 : x.numel() / (n * c), k = c / groups;
  std::vector<int64_t> map(static_cast<std::size_t>(x.numel()));
  std::size_t idx = 0;
  for (int64_t b = 0; b < n; ++b)
    for (int64_t oc = 0; oc < c; ++oc) {
      // output channel oc = kk * groups + gi reads input channel gi * k + kk
      const int64_t ic = (oc % groups) * k + oc / groups;
      for (int64_t i = 0; i < inner; ++i) map[idx++] = (b * c + ic) * inner + i;
    }
  return gather_flat(x, x.shape(), std::move(map), "ChannelShuffleBackward");
}

std::pair<Tensor, Tensor> max_pool2d_with_indices(const Tensor& x, const PoolParams& p) {
  const Shape out_shape = max_pool2d_output_shape(x, p);
  const Tensor xc = x.contiguous();
  const int64_t H = x.size(-2), W = x.size(-1), OH = out_shape[out_shape.size() - 2], OW = out_shape[out_shape.size() - 1];
  const int64_t numel = out_shape.numel();
  const int64_t planes = OH * OW == 0 ? 0 : numel / (OH * OW);
  const int64_t dh = p.dilation[0], dw = p.dilation[1];
  std::vector<int64_t> src(static_cast<std::size_t>(numel));
  Tensor indices = Tensor::uninitialized(out_shape);
  indices.set_dtype(DType::int64);
  std::size_t k = 0;
  for (int64_t pl = 0; pl < planes; ++pl) {
    const float* in = xc.data() + pl * H * W;
    for (int64_t oy = 0; oy < OH; ++oy)
      for (int64_t ox = 0; ox < OW; ++ox) {
        // PyTorch's CPU loop: the window's taps clipped to the input (the first tap moved
        // in by whole dilations), its first position the start, replaced by any larger value
        // or any NaN.
        int64_t y0 = oy * p.stride[0] - p.padding[0], x0 = ox * p.stride[1] - p.padding[1];
        const int64_t y1 = std::min(y0 + (p.kernel[0] - 1) * dh + 1, H), x1 = std::min(x0 + (p.kernel[1] - 1) * dw + 1, W);
        while (y0 < 0) y0 += dh;
        while (x0 < 0) x0 += dw;
        int64_t best = y0 * W + x0;
        float maxval = -std::numeric_limits<float>::infinity();
        for (int64_t y = y0; y < y1; y += dh)
          for (int64_t xx = x0; xx < x1; xx += dw) {
            const float v = in[y * W + xx];
            if (v > maxval || std::isnan(v)) {
              maxval = v;
              best = y * W + xx;
            }
          }
        indices.data()[k] = static_cast<float>(best);
        src[k++] = pl * H * W + best;
      }
  }
  return {gather_flat(x, out_shape, std::move(src), "MaxPool2DWithIndicesBackward"), indices};
}

Tensor max_unpool2d(const Tensor& x, const Tensor& indices, std::array<int64_t, 2> size) {
  if (indices.dtype() != DType::int64) {
    raise(ErrorKind::RuntimeError, std::string("elements in indices should be type int64 but got: ") + scalar_type_name(indices.dtype()));
  }
  if (x.dim() != 3 && x.dim() != 4) {
    raise(ErrorKind::RuntimeError, "Input to max_unpooling2d should be a 3d or 4d Tensor, but got a tensor with " +
                                       std::to_string(x.dim()) + " dimensions.");
  }
  if (x.shape() != indices.shape()) {
    raise(ErrorKind::RuntimeError, "Expected shape of indices to be same as that of the input tensor (" +
                                       x.shape().to_string() + ") but got indices tensor with shape: " +
                                       indices.shape().to_string());
  }
  for (int d = 0; d < 2; ++d) {
    if (size[static_cast<std::size_t>(d)] <= 0) {
      raise(ErrorKind::RuntimeError, "max_unpooling2d(): Expected output_size to be positive");
    }
  }
  const int64_t H = x.size(-2), W = x.size(-1), OH = size[0], OW = size[1];
  const int64_t planes = H * W == 0 ? 0 : x.numel() / (H * W);
  Shape shape = x.shape();
  shape[shape.size() - 2] = OH;
  shape[shape.size() - 1] = OW;
  std::vector<int64_t> src(static_cast<std::size_t>(planes * OH * OW), -1), dst(static_cast<std::size_t>(x.numel()));
  const Tensor ind = indices.contiguous();
  // PyTorch's CPU kernel goes on past a bad index and names the last one it met.
  std::optional<int64_t> bad;
  for (int64_t pl = 0; pl < planes; ++pl)
    for (int64_t i = 0; i < H * W; ++i) {
      const auto idx = static_cast<int64_t>(ind.data()[pl * H * W + i]);
      if (idx < 0 || idx >= OH * OW) {
        bad = idx;
        continue;
      }
      src[static_cast<std::size_t>(pl * OH * OW + idx)] = pl * H * W + i;  // the last write wins
      dst[static_cast<std::size_t>(pl * H * W + i)] = pl * OH * OW + idx;
    }
  if (bad) {
    raise(ErrorKind::RuntimeError, "Found an invalid max index: " + std::to_string(*bad) + " (output volumes are of size " +
                                       std::to_string(OH) + "x" + std::to_string(OW));
  }
  Tensor y;
  {
    autograd::NoGrad no_grad;
    y = gather_flat(x.detach(), shape, std::move(src), "MaxUnpool2DBackward");
  }
  if (autograd::should_record({&x})) return detail::record_scatter_flat(y, x, std::move(dst), "MaxUnpool2DBackward");
  return y;
}

Tensor prelu(const Tensor& x, const Tensor& weight) {
  const int64_t params = weight.numel();
  const int64_t channels = x.dim() >= 2 ? x.size(1) : 1;
  if (params != 1) {
    if (x.dim() == 0) raise(ErrorKind::RuntimeError, "Not allow zero-dim input tensor.");
    if (params != channels) {
      raise(ErrorKind::RuntimeError, "Mismatch of parameter numbers and input channel size. Found parameter numbers = " +
                                         std::to_string(params) + " and channel size = " + std::to_string(channels) + ".");
    }
  }
  // relu(x) + w * (x - relu(x)): x where x > 0 (x + w * 0), w * x elsewhere (0 + w * x),
  // each rounded once like PyTorch's x > 0 ? x : w * x; the gradient at 0 is w's, as there.
  Shape wshape{params};
  if (params != 1 && x.dim() >= 2)
    for (int64_t d = 2; d < x.dim(); ++d) wshape.push_back(1);
  const Tensor w = reshape(weight, wshape);
  const Tensor pos = activation(x, kernels::Activation::relu);
  const Tensor neg = binary(x, pos, kernels::BinaryOp::sub);
  return binary(pos, binary(neg, w, kernels::BinaryOp::mul), kernels::BinaryOp::add);
}

}  // namespace initlab::ops

namespace initlab::ops {

Tensor glu(const Tensor& x, int64_t dim_in) {
  if (x.dim() == 0) raise(ErrorKind::RuntimeError, "glu does not support scalars because halving size must be even");
  const int64_t dim = wrap_dim(dim_in, x.dim());
  const int64_t n = x.size(dim);
  if (n % 2 != 0) {
    raise(ErrorKind::RuntimeError, "Halving dimension must be even, but dimension " + std::to_string(dim) + " is size " +
                                       std::to_string(n));
  }
  int64_t outer = 1, inner = 1;
  for (int64_t d = 0; d < dim; ++d) outer *= x.size(d);
  for (int64_t d = dim + 1; d < x.dim(); ++d) inner *= x.size(d);
  std::vector<int64_t> dims = x.shape().to_vector();
  dims[static_cast<std::size_t>(dim)] = n / 2;
  const Shape half(dims);
  // The two halves as gathers (their backward puts the gradient back in place).
  std::vector<int64_t> first, second;
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t i = 0; i < n / 2; ++i)
      for (int64_t k = 0; k < inner; ++k) {
        first.push_back((o * n + i) * inner + k);
        second.push_back((o * n + i + n / 2) * inner + k);
      }
  const Tensor a = gather_flat(x, half, std::move(first), "SplitBackward");
  const Tensor b = gather_flat(x, half, std::move(second), "SplitBackward");
  return binary(a, activation(b, kernels::Activation::sigmoid), kernels::BinaryOp::mul);
}

std::pair<Tensor, Tensor> adaptive_max_pool2d(const Tensor& x, std::array<int64_t, 2> size) {
  if (x.dim() != 3 && x.dim() != 4) {
    raise(ErrorKind::RuntimeError, "adaptive_max_pool2d(): Expected 3D or 4D tensor, but got: " + x.shape().to_string());
  }
  const int64_t H = x.size(-2), W = x.size(-1), OH = size[0], OW = size[1];
  if (OH <= 0 || OW <= 0) {
    raise(ErrorKind::RuntimeError, "adaptive_max_pool2d(): Expected positive output size, but got {" + std::to_string(OH) + ", " +
                                       std::to_string(OW) + "}");
  }
  const int64_t planes = H * W == 0 ? 0 : x.numel() / (H * W);
  std::vector<int64_t> dims = x.shape().to_vector();
  dims[dims.size() - 2] = OH;
  dims[dims.size() - 1] = OW;
  const Shape shape(dims);
  const Tensor xc = x.contiguous();
  Tensor indices = Tensor::uninitialized(shape);
  indices.set_dtype(DType::int64);
  std::vector<int64_t> src(static_cast<std::size_t>(planes * OH * OW));
  std::size_t k = 0;
  for (int64_t pl = 0; pl < planes; ++pl) {
    const float* in = xc.data() + pl * H * W;
    for (int64_t oy = 0; oy < OH; ++oy) {
      const int64_t y0 = oy * H / OH, y1 = ((oy + 1) * H + OH - 1) / OH;
      for (int64_t ox = 0; ox < OW; ++ox) {
        const int64_t x0 = ox * W / OW, x1 = ((ox + 1) * W + OW - 1) / OW;
        int64_t best = y0 * W + x0;
        float maxval = -std::numeric_limits<float>::infinity();
        for (int64_t y = y0; y < y1; ++y)
          for (int64_t xx = x0; xx < x1; ++xx) {
            const float v = in[y * W + xx];
            if (v > maxval || std::isnan(v)) {
              maxval = v;
              best = y * W + xx;
            }
          }
        indices.data()[k] = static_cast<float>(best);
        src[k++] = pl * H * W + best;
      }
    }
  }
  return {gather_flat(x, shape, std::move(src), "AdaptiveMaxPool2DBackward"), indices};
}

Tensor unflatten(const Tensor& x, int64_t dim_in, const std::vector<int64_t>& sizes) {
  const int64_t dim = wrap_dim(dim_in, x.dim());
  std::vector<int64_t> s = sizes;
  int64_t known = 1, infer = -1;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == -1) infer = static_cast<int64_t>(i);
    else known *= s[i];
  }
  if (infer >= 0 && known != 0) s[static_cast<std::size_t>(infer)] = x.size(dim) / known;
  int64_t prod = 1;
  for (int64_t v : s) prod *= v;
  if (prod != x.size(dim)) {
    raise(ErrorKind::RuntimeError, "unflatten: Provided sizes " + py::tuple(sizes) + " don't multiply up to the size of dim " +
                                       std::to_string(dim_in) + " (" + std::to_string(x.size(dim)) + ") in the input tensor");
  }
  std::vector<int64_t> dims = x.shape().to_vector();
  dims.erase(dims.begin() + dim);
  dims.insert(dims.begin() + dim, s.begin(), s.end());
  // Tensor.unflatten is a view (ViewBackward0) of a contiguous tensor.
  return x.is_contiguous() ? view(x, Shape(dims)) : reshape(x, Shape(dims));
}

}  // namespace initlab::ops
