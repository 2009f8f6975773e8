// The vision and generative layers of torch.nn (transposed convolutions, upsampling, padding,
// pixel and channel shuffles, instance norm, PReLU, pooling with indices and unpooling), with
// PyTorch's class names, arguments, parameter order, default init and repr. Included by
// layers.hpp.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "initlab/generator.hpp"
#include "initlab/nn/module.hpp"
#include "initlab/nn/vision_ops.hpp"
#include "initlab/pyformat.hpp"

namespace initlab::nn {

struct ConvOptions;
struct IntOrTuple;

// ConvTranspose1d and ConvTranspose2d (PyTorch's _ConvTransposeNd): weight (in, out/groups,
// k...), reset_parameters as _ConvNd's (kaiming_uniform_(a=sqrt(5)), bias from the weight's
// fan_in, which is (out/groups) * prod(k) for this layout).
class ConvTransposeNd : public Module {
 public:
  ConvTransposeNd(const char* type, int dims, const ConvOptions& options,
                  const std::vector<int64_t>& output_padding, Generator& gen);
  Tensor forward(const Tensor& x) override { return forward_sized(x, {}); }
  // output_size (the spatial sizes, or the full shape) chooses output_padding as
  // PyTorch's _output_padding does; empty: the constructor's output_padding.
  Tensor forward_sized(const Tensor& x, const std::vector<int64_t>& output_size);
  std::string extra_repr() const override;
  void reset_parameters(Generator& gen);
  Tensor& weight() { return *parameter("weight"); }
  Tensor& bias() { return *parameter("bias"); }

 private:
  int dims_;
  int64_t in_, out_, groups_;
  bool bias_;
  std::vector<int64_t> kernel_, stride_, padding_, output_padding_, dilation_;
};

// nn.Upsample (UpsamplingNearest2d, UpsamplingBilinear2d): F.interpolate with the module's size or scale_factor.
class Upsample : public Module {
 public:
  // size_text / scale_text: str() of what the user gave, for the repr.
  Upsample(const char* type, ops::InterpolateOptions o, std::string size_text, std::string scale_text);
  Tensor forward(const Tensor& x) override { return ops::interpolate(x, o_); }
  std::string extra_repr() const override;

 private:
  ops::InterpolateOptions o_;
  std::string size_text_, scale_text_;
};

// ZeroPad2d, ConstantPad1d/2d, ReflectionPad1d/2d, ReplicationPad1d/2d: F.pad with the
// module's padding (left, right[, top, bottom]).
class PadModule : public Module {
 public:
  PadModule(const char* type, std::vector<int64_t> padding, std::string mode, std::optional<py::Number> value);
  Tensor forward(const Tensor& x) override;
  std::string extra_repr() const override;

 private:
  std::vector<int64_t> padding_;
  std::string mode_;
  std::optional<py::Number> value_;  // ConstantPadNd's (ZeroPad2d prints no value)
};

// PixelShuffle, PixelUnshuffle, ChannelShuffle: one integer each.
class ShuffleModule : public Module {
 public:
  enum class Kind { pixel_shuffle, pixel_unshuffle, channel_shuffle };
  ShuffleModule(Kind kind, int64_t factor);
  Tensor forward(const Tensor& x) override;
  std::string extra_repr() const override;

 private:
  Kind kind_;
  int64_t factor_;
};

// InstanceNorm1d / InstanceNorm2d (affine and track_running_stats off by default): PyTorch's
// instance_norm, a batch norm over the (1, N*C, *) view with the statistics repeated per image.
class InstanceNorm : public Module {
 public:
  InstanceNorm(const char* type, int spatial, int64_t num_features, py::Number eps,
               std::optional<py::Number> momentum, bool affine, bool track_running_stats);
  Tensor forward(const Tensor& x) override;
  std::string extra_repr() const override;

 private:
  int spatial_;
  int64_t features_;
  py::Number eps_;
  std::optional<py::Number> momentum_;
  bool affine_, track_;
};

// nn.PReLU(num_parameters=1, init=0.25): weight (num_parameters) filled with init.
class PReLU : public Module {
 public:
  PReLU(int64_t num_parameters, double init);
  Tensor forward(const Tensor& x) override { return ops::prelu(x, *parameter("weight")); }
  std::string extra_repr() const override { return "num_parameters=" + std::to_string(params_); }

 private:
  int64_t params_;
};

// MaxPool2d(return_indices=True): forward_with_indices gives (output, indices); MaxUnpool2d
// takes them back.
class MaxPool2dIndices : public Module {
 public:
  MaxPool2dIndices(ops::PoolParams p, std::string repr);
  Tensor forward(const Tensor& x) override { return forward_with_indices(x).first; }
  std::pair<Tensor, Tensor> forward_with_indices(const Tensor& x) { return ops::max_pool2d_with_indices(x, p_); }
  std::string extra_repr() const override { return repr_; }

 private:
  ops::PoolParams p_;
  std::string repr_;
};

class MaxUnpool2d : public Module {
 public:
  MaxUnpool2d(std::array<int64_t, 2> kernel, std::array<int64_t, 2> stride, std::array<int64_t, 2> padding,
              std::string repr);
  // output_size: empty for the default, else its last two entries (PyTorch's _unpool_output_size).
  Tensor unpool(const Tensor& x, const Tensor& indices, const std::vector<int64_t>& output_size);
  std::string extra_repr() const override { return repr_; }

 private:
  std::array<int64_t, 2> kernel_, stride_, padding_;
  std::string repr_;
};

// F.max_unpool2d's output size rule and errors.
std::array<int64_t, 2> unpool_output_size(const Tensor& x, std::array<int64_t, 2> kernel, std::array<int64_t, 2> stride,
                                          std::array<int64_t, 2> padding, const std::vector<int64_t>& output_size);

// The activations added for vision models (one kernel activation each, ActivationModule).
ModulePtr make_hardtanh(py::Number min_val, py::Number max_val, bool inplace);
ModulePtr make_relu6(bool inplace);
ModulePtr make_hardswish(bool inplace);
ModulePtr make_hardsigmoid(bool inplace);
ModulePtr make_mish(bool inplace);
ModulePtr make_logsigmoid();
ModulePtr make_softsign();
ModulePtr make_celu(py::Number alpha, bool inplace);
ModulePtr make_tanhshrink();
ModulePtr make_threshold(py::Number threshold, py::Number value, bool inplace);

}  // namespace initlab::nn

namespace initlab::nn {

// MaxPool1d, AvgPool1d, AdaptiveAvgPool1d: the 2-D ops on the (N, C, 1, L) view.
class Pool1dModule : public Module {
 public:
  enum class Kind { max, avg, adaptive_avg };
  Pool1dModule(Kind kind, ops::PoolParams p, int64_t output_size, std::string repr);
  // MaxPool1d: torch.max_pool1d's arguments as given; return_indices for forward_with_indices.
  Pool1dModule(ops::MaxPool1dArgs max_args, bool return_indices, std::string repr);
  Tensor forward(const Tensor& x) override;
  std::pair<Tensor, Tensor> forward_with_indices(const Tensor& x) { return ops::max_pool1d_with_indices(x, max_args_); }
  bool return_indices() const { return return_indices_; }
  std::string extra_repr() const override { return repr_; }

 private:
  Kind kind_;
  ops::PoolParams p_;  // kernel, stride, padding as (1, k), ...
  ops::MaxPool1dArgs max_args_;
  bool return_indices_ = false;
  int64_t output_size_;
  std::string repr_;
};

// MaxUnpool1d (kernel_size, stride, padding as _single keeps them).
class MaxUnpool1d : public Module {
 public:
  MaxUnpool1d(int64_t kernel, int64_t stride, int64_t padding);
  // output_size: empty for the default, else 1 or 3 entries (PyTorch's _unpool_output_size;
  // size_is_tuple: how its message prints the size).
  Tensor unpool(const Tensor& x, const Tensor& indices, const std::vector<int64_t>& output_size, bool size_is_tuple);
  std::string extra_repr() const override;

 private:
  int64_t kernel_, stride_, padding_;
};

// F.max_unpool1d's output length (its default or output_size checked as PyTorch does).
int64_t unpool1d_output_size(const Tensor& x, int64_t kernel, int64_t stride, int64_t padding, const std::vector<int64_t>& output_size,
                             bool size_is_tuple);

// AdaptiveMaxPool1d / AdaptiveMaxPool2d (return_indices: forward_with_indices, as MaxPool2dIndices).
class AdaptiveMaxPool : public Module {
 public:
  AdaptiveMaxPool(int spatial, std::array<int64_t, 2> size, bool return_indices, std::string repr)
      : Module(spatial == 1 ? "AdaptiveMaxPool1d" : "AdaptiveMaxPool2d"), spatial_(spatial), size_(size),
        return_indices_(return_indices), repr_(std::move(repr)) {}
  Tensor forward(const Tensor& x) override { return forward_with_indices(x).first; }
  std::pair<Tensor, Tensor> forward_with_indices(const Tensor& x);
  bool return_indices() const { return return_indices_; }
  std::string extra_repr() const override { return repr_; }

 private:
  int spatial_;
  std::array<int64_t, 2> size_;
  bool return_indices_;
  std::string repr_;
};

// nn.GLU(dim=-1): a * sigmoid(b) of the two halves along dim.
class GLU : public Module {
 public:
  explicit GLU(int64_t dim) : Module("GLU"), dim_(dim) {}
  Tensor forward(const Tensor& x) override;
  std::string extra_repr() const override { return "dim=" + std::to_string(dim_); }

 private:
  int64_t dim_;
};

// nn.Softmin(dim=None): softmax(-x, dim).
class Softmin : public Module {
 public:
  explicit Softmin(std::optional<int64_t> dim) : Module("Softmin"), dim_(dim) {}
  Tensor forward(const Tensor& x) override;
  std::string extra_repr() const override { return "dim=" + (dim_ ? std::to_string(*dim_) : std::string("None")); }

 private:
  std::optional<int64_t> dim_;
};

// nn.Unflatten(dim, unflattened_size).
class Unflatten : public Module {
 public:
  Unflatten(int64_t dim, std::vector<int64_t> sizes, std::string sizes_text)
      : Module("Unflatten"), dim_(dim), sizes_(std::move(sizes)), text_(std::move(sizes_text)) {}
  Tensor forward(const Tensor& x) override;
  std::string extra_repr() const override { return "dim=" + std::to_string(dim_) + ", unflattened_size=" + text_; }

 private:
  int64_t dim_;
  std::vector<int64_t> sizes_;
  std::string text_;
};

}  // namespace initlab::nn
