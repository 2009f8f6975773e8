// The tensor ops behind the vision and generative layers (transposed convolution, resampling,
// padding, pixel and channel shuffles, pooling with indices and unpooling). Like ops.hpp:
// shape checks in PyTorch's words, each op differentiable, its backward beside it
// (src/nn/ops/<stem>_backward.cpp). Included by ops.hpp.
#pragma once

#include <array>
#include <optional>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "initlab/nn/ops.hpp"
#include "initlab/tensor.hpp"

namespace initlab::ops {

struct ConvTransposeParams {
  std::array<int64_t, 2> stride{1, 1};
  std::array<int64_t, 2> padding{0, 0};
  std::array<int64_t, 2> output_padding{0, 0};
  std::array<int64_t, 2> dilation{1, 1};
  int64_t groups = 1;
};
// x (N, C, H, W) or (C, H, W); w (C, OC/groups, KH, KW); b (OC) or undefined. Output size
// (H - 1) * stride - 2 * padding + dilation * (KH - 1) + output_padding + 1: the input-gradient
// of the convolution with the same parameters (GEMM, then col2im).
Tensor conv_transpose2d(const Tensor& x, const Tensor& w, const Tensor& b, const ConvTransposeParams& p);
// x (N, C, L) or (C, L); w (C, OC/groups, K): conv_transpose2d on a height-1 image.
Tensor conv_transpose1d(const Tensor& x, const Tensor& w, const Tensor& b, const ConvTransposeParams& p);

// One axis of a separable resampling: output index o reads `taps` input indices
// index[o * taps + t] with weights weight[o * taps + t]; index -1 stands outside the input.
struct AxisTaps {
  int64_t taps = 1;
  std::vector<int64_t> index;
  std::vector<float> weight;
  int64_t size() const { return taps == 0 ? 0 : static_cast<int64_t>(index.size()) / taps; }
};
// x (*, H, W) -> (*, OH, OW) over its last two dims (spatial = 2) or x (*, L) -> (*, OL) over its
// last (spatial = 1, rows unused): y = sum_a rw_a * (sum_b cw_b * x[ri_a, ci_b]), summed in tap
// order as PyTorch's upsample kernels do; `fill` where a tap is outside. Upsampling (nearest,
// linear, bilinear, bicubic) and padding (constant, reflect, replicate) are all this op;
// grad_name is the grad_fn PyTorch gives the op it stands for (with its overload digit when
// PyTorch prints one: F.interpolate calls the .vec overloads, UpsampleNearest2DBackward1).
Tensor resample(const Tensor& x, int spatial, const AxisTaps& rows, const AxisTaps& cols,
                float fill, const char* grad_name);

// y.flat[i] = src[i] < 0 ? 0 : x.flat[src[i]], y of `shape`: the pixel and channel shuffles,
// max pooling's selection and unpooling. Backward adds dy back to the sources.
Tensor gather_flat(const Tensor& x, const Shape& shape, std::vector<int64_t> src, const char* grad_name);

// F.pad's modes on the last one or two dims: pad = (left, right[, top, bottom]).
Tensor pad(const Tensor& x, const std::vector<int64_t>& pad, const std::string& mode, double value);

// F.interpolate's arguments as PyTorch 1.13 reads them (its errors included): size or
// scale_factor (an empty vector is None; a single value applies to every spatial dim unless
// given as a sequence), mode "nearest", "linear" (3-D x), "bilinear" or "bicubic" (4-D x).
struct InterpolateOptions {
  std::vector<int64_t> size;
  bool size_is_sequence = false;
  std::vector<double> scale_factor;
  bool scale_is_sequence = false;
  std::string mode = "nearest";
  std::optional<bool> align_corners;
  std::optional<bool> recompute_scale_factor;
  std::string scale_text;  // the scale_factor as the user wrote it, for messages
};
Tensor interpolate(const Tensor& x, const InterpolateOptions& o);

// (N, C*r*r, H, W) -> (N, C, H*r, W*r), and back.
Tensor pixel_shuffle(const Tensor& x, int64_t upscale_factor);
Tensor pixel_unshuffle(const Tensor& x, int64_t downscale_factor);
// (N, g*k, *) -> channels regrouped as (k, g) : PyTorch's channel_shuffle.
Tensor channel_shuffle(const Tensor& x, int64_t groups);

// Max pooling's argument checks in PyTorch 1.13's order and words, and its output shape
// (dilation counted; floor or ceil mode).
Shape max_pool2d_output_shape(const Tensor& x, const PoolParams& p);
// Max pooling that also returns, per output, the flat index (h * W + w) of its input in the
// plane (an int64 tensor), as max_pool2d_with_indices does; any dilation.
std::pair<Tensor, Tensor> max_pool2d_with_indices(const Tensor& x, const PoolParams& p);
// x and indices (N, C, H, W) or (C, H, W) -> (N, C, OH, OW): x placed at its index.
Tensor max_unpool2d(const Tensor& x, const Tensor& indices, std::array<int64_t, 2> output_size);

// F.max_pool1d's arguments as given (each a list of one int when valid; stride empty means
// kernel_size), so the size checks can say what PyTorch says.
struct MaxPool1dArgs {
  std::vector<int64_t> kernel, stride, padding, dilation;
  bool ceil_mode = false;
};
// torch.max_pool1d: without grad to record, its own checks (max_pool1d() ... messages, an
// empty output allowed); with one, max_pool1d_with_indices' path.
Tensor max_pool1d(const Tensor& x, const MaxPool1dArgs& a);
// torch.max_pool1d_with_indices: max_pool2d_with_indices on the (N, C, 1, L) view.
std::pair<Tensor, Tensor> max_pool1d_with_indices(const Tensor& x, const MaxPool1dArgs& a);
// F.max_unpool1d after its output size is known: max_unpool2d on the (N, C, L, 1) view.
Tensor max_unpool1d(const Tensor& x, const Tensor& indices, int64_t output_size);

// y = x where x > 0, else weight[c] * x (weight of 1 value or one per channel, dim 1).
Tensor prelu(const Tensor& x, const Tensor& weight);

}  // namespace initlab::ops

namespace initlab::ops {

// F.glu: the halves a, b of x along dim (its size even), a * sigmoid(b).
Tensor glu(const Tensor& x, int64_t dim);
// x (N, C, H, W) or (C, H, W) -> (.., OH, OW): the max of each adaptive bin (PyTorch's
// floor / ceil bin edges; the first maximum, any NaN wins), and its flat index in the plane.
std::pair<Tensor, Tensor> adaptive_max_pool2d(const Tensor& x, std::array<int64_t, 2> output_size);
// x.unflatten(dim, sizes): one -1 in sizes is inferred.
Tensor unflatten(const Tensor& x, int64_t dim, const std::vector<int64_t>& sizes);

}  // namespace initlab::ops
