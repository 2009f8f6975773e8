#include <cmath>
#include <string>

#include "initlab/autograd.hpp"
#include "initlab/error.hpp"
#include "initlab/init.hpp"
#include "initlab/warnings.hpp"
#include "initlab/nn/layers.hpp"
#include "initlab/nn/instance_norm.hpp"

namespace initlab::nn {

namespace {

bool all_equal(const std::vector<int64_t>& v, int64_t x) {
  for (int64_t e : v)
    if (e != x) return false;
  return true;
}

// PyTorch's 1-D layers run here as 2-D ones on a height-1 image: (1, v) for a 1-entry v.
std::array<int64_t, 2> as_pair(const std::vector<int64_t>& v, int64_t fill) {
  return v.size() == 1 ? std::array<int64_t, 2>{fill, v[0]} : std::array<int64_t, 2>{v[0], v[1]};
}

}  // namespace

// ---- ConvTranspose1d / 2d ------------------------------------------------------------------

ConvTransposeNd::ConvTransposeNd(const char* type, int dims, const ConvOptions& o,
                                 const std::vector<int64_t>& output_padding, Generator& gen)
    : Module(type), dims_(dims), in_(o.in_channels), out_(o.out_channels), groups_(o.groups), bias_(o.bias) {
  const auto n = static_cast<std::size_t>(dims);
  // The argument checks with PyTorch's messages are the script layer's (nn_api_vision.cpp).
  if (o.groups <= 0 || o.in_channels % o.groups != 0 || o.out_channels % o.groups != 0 || !o.padding_string.empty() ||
      o.padding_mode != "zeros") {
    raise(ErrorKind::ValueError, "invalid ConvTranspose options");
  }
  kernel_ = o.kernel_size.expand(n);
  stride_ = o.stride.expand(n);
  padding_ = o.padding.expand(n);
  dilation_ = o.dilation.expand(n);
  output_padding_ = output_padding;
  Shape wshape{o.in_channels, o.out_channels / o.groups};
  for (int64_t k : kernel_) wshape.push_back(k);
  register_parameter("weight", Tensor(wshape));
  register_parameter("bias", o.bias ? Tensor(Shape{o.out_channels}) : Tensor());
  reset_parameters(gen);
}

void ConvTransposeNd::reset_parameters(Generator& gen) {
  init::kaiming_uniform_(weight(), std::sqrt(5.0), "fan_in", "leaky_relu", gen);
  if (bias().defined()) {
    // _calculate_fan_in_and_fan_out on the (in, out/groups, k...) weight: its size(1) is the
    // fan_in, as PyTorch computes it.
    const auto fans = init::calculate_fan_in_and_fan_out(weight());
    const double bound = fans.fan_in > 0 ? 1 / std::sqrt(static_cast<double>(fans.fan_in)) : 0;
    init::uniform_(bias(), -bound, bound, gen);
  }
}

Tensor ConvTransposeNd::forward_sized(const Tensor& x, const std::vector<int64_t>& output_size_in) {
  std::vector<int64_t> op = output_padding_;
  if (!output_size_in.empty()) {
    // PyTorch's _output_padding.
    const int64_t nsd = dims_;
    const bool batched = x.dim() == nsd + 2;
    const int64_t non_spatial = batched ? 2 : 1;
    std::vector<int64_t> output_size = output_size_in;
    if (static_cast<int64_t>(output_size.size()) == non_spatial + nsd) output_size.erase(output_size.begin(), output_size.begin() + non_spatial);
    if (static_cast<int64_t>(output_size.size()) != nsd) {
      raise(ErrorKind::ValueError, "ConvTranspose" + std::to_string(nsd) + "D: for " + std::to_string(x.dim()) +
                                       "D input, output_size must have " + std::to_string(nsd) + " or " +
                                       std::to_string(non_spatial + nsd) + " elements (got " +
                                       std::to_string(output_size.size()) + ")");
    }
    std::vector<int64_t> mins, maxs;
    for (int64_t d = 0; d < nsd; ++d) {
      const auto i = static_cast<std::size_t>(d);
      mins.push_back((x.size(d + non_spatial) - 1) * stride_[i] - 2 * padding_[i] + dilation_[i] * (kernel_[i] - 1) + 1);
      maxs.push_back(mins[i] + stride_[i] - 1);
    }
    for (std::size_t i = 0; i < output_size.size(); ++i) {
      if (output_size[i] < mins[i] || output_size[i] > maxs[i]) {
        const auto list = [](const std::vector<int64_t>& v) {
          std::string s = "[";
          for (std::size_t k = 0; k < v.size(); ++k) s += (k ? ", " : "") + std::to_string(v[k]);
          return s + "]";
        };
        Shape spatial;
        for (int64_t d = 2; d < x.dim(); ++d) spatial.push_back(x.size(d));
        raise(ErrorKind::ValueError, "requested an output size of " + list(output_size) + ", but valid sizes range from " +
                                         list(mins) + " to " + list(maxs) + " (for an input of torch.Size(" +
                                         spatial.to_string() + "))");
      }
    }
    for (std::size_t i = 0; i < output_size.size(); ++i) op[i] = output_size[i] - mins[i];
  }
  ops::ConvTransposeParams p;
  p.stride = as_pair(stride_, 1);
  p.padding = as_pair(padding_, 0);
  p.dilation = as_pair(dilation_, 1);
  p.output_padding = as_pair(op, 0);
  p.groups = groups_;
  return dims_ == 2 ? ops::conv_transpose2d(x, weight(), bias(), p) : ops::conv_transpose1d(x, weight(), bias(), p);
}

std::string ConvTransposeNd::extra_repr() const {
  std::string s = std::to_string(in_) + ", " + std::to_string(out_) + ", kernel_size=" + py::tuple(kernel_) +
                  ", stride=" + py::tuple(stride_);
  if (!all_equal(padding_, 0)) s += ", padding=" + py::tuple(padding_);
  if (!all_equal(dilation_, 1)) s += ", dilation=" + py::tuple(dilation_);
  if (!all_equal(output_padding_, 0)) s += ", output_padding=" + py::tuple(output_padding_);
  if (groups_ != 1) s += ", groups=" + std::to_string(groups_);
  if (!bias_) s += ", bias=False";
  return s;
}

// ---- Upsample, padding, shuffles -------------------------------------------------------------

Upsample::Upsample(const char* type, ops::InterpolateOptions o, std::string size_text, std::string scale_text)
    : Module(type), o_(std::move(o)), size_text_(std::move(size_text)), scale_text_(std::move(scale_text)) {}

std::string Upsample::extra_repr() const {
  return (o_.scale_factor.empty() ? "size=" + size_text_ : "scale_factor=" + scale_text_) + ", mode=" + o_.mode;
}

PadModule::PadModule(const char* type, std::vector<int64_t> padding, std::string mode, std::optional<py::Number> value)
    : Module(type), padding_(std::move(padding)), mode_(std::move(mode)), value_(value) {}

Tensor PadModule::forward(const Tensor& x) {
  return ops::pad(x, padding_, mode_, value_ ? value_->value : 0.0);
}

std::string PadModule::extra_repr() const {
  if (value_ && type_name() != "ZeroPad2d") return "padding=" + py::tuple(padding_) + ", value=" + value_->repr();
  return py::tuple(padding_);
}

ShuffleModule::ShuffleModule(Kind kind, int64_t factor)
    : Module(kind == Kind::pixel_shuffle ? "PixelShuffle" : kind == Kind::pixel_unshuffle ? "PixelUnshuffle" : "ChannelShuffle"),
      kind_(kind), factor_(factor) {}

Tensor ShuffleModule::forward(const Tensor& x) {
  switch (kind_) {
    case Kind::pixel_shuffle: return ops::pixel_shuffle(x, factor_);
    case Kind::pixel_unshuffle: return ops::pixel_unshuffle(x, factor_);
    case Kind::channel_shuffle: return ops::channel_shuffle(x, factor_);
  }
  return x;
}

std::string ShuffleModule::extra_repr() const {
  const char* name = kind_ == Kind::pixel_shuffle ? "upscale_factor=" : kind_ == Kind::pixel_unshuffle ? "downscale_factor=" : "groups=";
  return name + std::to_string(factor_);
}

// ---- InstanceNorm ------------------------------------------------------------------------------

InstanceNorm::InstanceNorm(const char* type, int spatial, int64_t num_features, py::Number eps,
                           std::optional<py::Number> momentum, bool affine, bool track_running_stats)
    : Module(type), spatial_(spatial), features_(num_features), eps_(eps), momentum_(momentum), affine_(affine), track_(track_running_stats) {
  const Shape c{num_features};
  Tensor w, b;
  if (affine) {
    w = Tensor(c);
    init::ones_(w);
    b = Tensor(c);
    init::zeros_(b);
  }
  register_parameter("weight", w);
  register_parameter("bias", b);
  register_buffer("running_mean", track_running_stats ? Tensor(c) : Tensor());
  register_buffer("running_var", track_running_stats ? Tensor::full(c, 1.0f) : Tensor());
  register_buffer("num_batches_tracked", track_running_stats ? Tensor(Shape{}).set_dtype(DType::int64) : Tensor());
}

Tensor InstanceNorm::forward(const Tensor& x_in) {
  const int64_t lo = spatial_ + 1, hi = spatial_ + 2;
  if (x_in.dim() != lo && x_in.dim() != hi) {
    raise(ErrorKind::ValueError, "expected " + std::to_string(lo) + "D or " + std::to_string(hi) + "D input (got " +
                                     std::to_string(x_in.dim()) + "D input)");
  }
  const bool unbatched = x_in.dim() == lo;
  std::vector<int64_t> dims = x_in.shape().to_vector();
  if (unbatched) dims.insert(dims.begin(), 1);
  const Shape batched_shape(dims);
  const Tensor x = unbatched ? ops::reshape(x_in, batched_shape) : x_in;
  const int64_t N = x.size(0), C = x.size(1);
  Tensor* rm = buffer("running_mean");
  const bool tracking = rm != nullptr && rm->defined();
  // PyTorch 1.13 checks no num_features here: batch_norm finds the repeated statistics or
  // weight of the wrong length.
  if (C != features_ && (tracking || affine_)) {
    raise(ErrorKind::RuntimeError, std::string(tracking ? "running_mean" : "weight") + " should contain " +
                                       std::to_string(N * C) + " elements not " + std::to_string(N * features_));
  }
  const bool use_input_stats = is_training() || !tracking;
  const double momentum = momentum_ ? momentum_->value : 0.1;
  return ops::reshape(ops::instance_norm(x, tracking ? rm : nullptr, tracking ? buffer("running_var") : nullptr,
                                         *parameter("weight"), *parameter("bias"), use_input_stats, momentum, eps_.value),
                      x_in.shape());
}

std::string InstanceNorm::extra_repr() const {
  return std::to_string(features_) + ", eps=" + eps_.repr() + ", momentum=" + (momentum_ ? momentum_->repr() : "None") +
         ", affine=" + py::repr(affine_) + ", track_running_stats=" + py::repr(track_);
}

// ---- PReLU, pooling with indices, unpooling ------------------------------------------------

PReLU::PReLU(int64_t num_parameters, double init_value) : Module("PReLU"), params_(num_parameters) {
  register_parameter("weight", Tensor::full(Shape{num_parameters}, static_cast<float>(init_value)));
}

MaxPool2dIndices::MaxPool2dIndices(ops::PoolParams p, std::string repr)
    : Module("MaxPool2d"), p_(p), repr_(std::move(repr)) {}

MaxUnpool2d::MaxUnpool2d(std::array<int64_t, 2> kernel, std::array<int64_t, 2> stride, std::array<int64_t, 2> padding,
                         std::string repr)
    : Module("MaxUnpool2d"), kernel_(kernel), stride_(stride), padding_(padding), repr_(std::move(repr)) {}

std::array<int64_t, 2> unpool_output_size(const Tensor& x, std::array<int64_t, 2> kernel, std::array<int64_t, 2> stride,
                                          std::array<int64_t, 2> padding, const std::vector<int64_t>& output_size) {
  const int64_t n = x.dim();
  std::array<int64_t, 2> def{};
  for (int d = 0; d < 2; ++d) {
    const auto i = static_cast<std::size_t>(d);
    def[i] = (x.size(n - 2 + d) - 1) * stride[i] + kernel[i] - 2 * padding[i];
  }
  if (output_size.empty()) return def;
  std::vector<int64_t> size = output_size;
  if (size.size() == 4) size.erase(size.begin(), size.begin() + 2);  // with batch and channel dims
  if (size.size() != 2) {
    raise(ErrorKind::ValueError, "output_size should be a sequence containing 2 or 4 elements, but it has a length of '" +
                                     std::to_string(size.size()) + "'");
  }
  for (int d = 0; d < 2; ++d) {
    const auto i = static_cast<std::size_t>(d);
    const int64_t lo = def[i] - stride[i], hi = def[i] + stride[i];
    if (!(lo < size[i] && size[i] < hi)) {
      raise(ErrorKind::ValueError, "invalid output_size \"" + py::tuple(size) + "\" (dim " + std::to_string(d) +
                                       " must be between " + std::to_string(lo) + " and " + std::to_string(hi) + ")");
    }
  }
  return {size[0], size[1]};
}

Tensor MaxUnpool2d::unpool(const Tensor& x, const Tensor& indices, const std::vector<int64_t>& output_size) {
  return ops::max_unpool2d(x, indices, unpool_output_size(x, kernel_, stride_, padding_, output_size));
}

// ---- activations ----------------------------------------------------------------------------

namespace {

ModulePtr act(const char* type, kernels::Activation a, kernels::ActivationParams p, std::string extra) {
  return std::make_shared<ActivationModule>(type, a, p, std::move(extra));
}
std::string inplace_only(bool inplace) { return inplace ? "inplace=True" : ""; }
std::string inplace_suffix(bool inplace) { return inplace ? ", inplace=True" : ""; }

}  // namespace

ModulePtr make_hardtanh(py::Number min_val, py::Number max_val, bool inplace) {
  kernels::ActivationParams p;
  p.alpha = static_cast<float>(min_val.value);
  p.beta = static_cast<float>(max_val.value);
  return act("Hardtanh", kernels::Activation::hardtanh, p,
             "min_val=" + min_val.repr() + ", max_val=" + max_val.repr() + inplace_suffix(inplace));
}

ModulePtr make_relu6(bool inplace) {
  kernels::ActivationParams p;
  p.alpha = 0.0f;
  p.beta = 6.0f;
  return act("ReLU6", kernels::Activation::hardtanh, p, inplace_only(inplace));
}

ModulePtr make_hardswish(bool) { return act("Hardswish", kernels::Activation::hardswish, {}, ""); }
ModulePtr make_hardsigmoid(bool) { return act("Hardsigmoid", kernels::Activation::hardsigmoid, {}, ""); }
ModulePtr make_mish(bool inplace) { return act("Mish", kernels::Activation::mish, {}, inplace_only(inplace)); }
ModulePtr make_logsigmoid() { return act("LogSigmoid", kernels::Activation::logsigmoid, {}, ""); }
ModulePtr make_softsign() { return act("Softsign", kernels::Activation::softsign, {}, ""); }
ModulePtr make_tanhshrink() { return act("Tanhshrink", kernels::Activation::tanhshrink, {}, ""); }

ModulePtr make_celu(py::Number alpha, bool inplace) {
  kernels::ActivationParams p;
  p.alpha = static_cast<float>(alpha.value);
  return act("CELU", kernels::Activation::celu, p, "alpha=" + alpha.repr() + inplace_suffix(inplace));
}

ModulePtr make_threshold(py::Number threshold, py::Number value, bool inplace) {
  kernels::ActivationParams p;
  p.threshold = static_cast<float>(threshold.value);
  p.alpha = static_cast<float>(value.value);
  return act("Threshold", kernels::Activation::threshold, p,
             "threshold=" + threshold.repr() + ", value=" + value.repr() + inplace_suffix(inplace));
}

// ---- 1-D pools, GLU, Softmin, Unflatten ------------------------------------------------------

Pool1dModule::Pool1dModule(Kind kind, ops::PoolParams p, int64_t output_size, std::string repr)
    : Module(kind == Kind::max ? "MaxPool1d" : kind == Kind::avg ? "AvgPool1d" : "AdaptiveAvgPool1d"),
      kind_(kind), p_(p), output_size_(output_size), repr_(std::move(repr)) {}

Pool1dModule::Pool1dModule(ops::MaxPool1dArgs max_args, bool return_indices, std::string repr)
    : Module("MaxPool1d"), kind_(Kind::max), max_args_(std::move(max_args)), return_indices_(return_indices),
      output_size_(0), repr_(std::move(repr)) {}

MaxUnpool1d::MaxUnpool1d(int64_t kernel, int64_t stride, int64_t padding)
    : Module("MaxUnpool1d"), kernel_(kernel), stride_(stride), padding_(padding) {}

std::string MaxUnpool1d::extra_repr() const {
  const auto one = [](int64_t v) { return "(" + std::to_string(v) + ",)"; };
  return "kernel_size=" + one(kernel_) + ", stride=" + one(stride_) + ", padding=" + one(padding_);
}

int64_t unpool1d_output_size(const Tensor& x, int64_t kernel, int64_t stride, int64_t padding, const std::vector<int64_t>& output_size,
                             bool size_is_tuple) {
  const int64_t def = (x.size(-1) - 1) * stride + kernel - 2 * padding;
  if (output_size.empty()) return def;
  std::vector<int64_t> size = output_size;
  if (size.size() == 3) size.erase(size.begin(), size.begin() + 2);  // with batch and channel dims
  if (size.size() != 1) {
    raise(ErrorKind::ValueError, "output_size should be a sequence containing 1 or 3 elements, but it has a length of '" +
                                     std::to_string(size.size()) + "'");
  }
  if (!(def - stride < size[0] && size[0] < def + stride)) {
    const std::string text = size_is_tuple ? "(" + std::to_string(size[0]) + ",)" : "[" + std::to_string(size[0]) + "]";
    raise(ErrorKind::ValueError, "invalid output_size \"" + text + "\" (dim 0 must be between " +
                                     std::to_string(def - stride) + " and " + std::to_string(def + stride) + ")");
  }
  return size[0];
}

Tensor MaxUnpool1d::unpool(const Tensor& x, const Tensor& indices, const std::vector<int64_t>& output_size, bool size_is_tuple) {
  return ops::max_unpool1d(x, indices, unpool1d_output_size(x, kernel_, stride_, padding_, output_size, size_is_tuple));
}

Tensor Pool1dModule::forward(const Tensor& x) {
  if (kind_ == Kind::max) return ops::max_pool1d(x, max_args_);
  const char* fn = kind_ == Kind::max ? "max_pool1d" : kind_ == Kind::avg ? "avg_pool1d" : "adaptive_avg_pool1d";
  if (x.dim() != 2 && x.dim() != 3) {
    raise(ErrorKind::RuntimeError, std::string(fn) + ": Expected 2D or 3D (batch mode) tensor for input, but got: " +
                                       x.shape().to_string());
  }
  std::vector<int64_t> dims = x.shape().to_vector();
  dims.insert(dims.end() - 1, 1);
  const Tensor x4 = ops::reshape(x, Shape(dims));
  Tensor y = kind_ == Kind::max ? ops::max_pool2d(x4, p_)
           : kind_ == Kind::avg ? ops::avg_pool2d(x4, p_)
                                : ops::adaptive_avg_pool2d(x4, {1, output_size_});
  std::vector<int64_t> out = x.shape().to_vector();
  out.back() = y.size(-1);
  return ops::reshape(y, Shape(out));
}

std::pair<Tensor, Tensor> AdaptiveMaxPool::forward_with_indices(const Tensor& x) {
  if (spatial_ == 2) return ops::adaptive_max_pool2d(x, size_);
  if (x.dim() != 2 && x.dim() != 3) {
    raise(ErrorKind::RuntimeError, "adaptive_max_pool1d(): Expected 2D or 3D tensor, but got: " + x.shape().to_string());
  }
  std::vector<int64_t> dims = x.shape().to_vector();
  dims.insert(dims.end() - 1, 1);
  auto [y, idx] = ops::adaptive_max_pool2d(ops::reshape(x, Shape(dims)), {1, size_[1]});
  std::vector<int64_t> out = x.shape().to_vector();
  out.back() = size_[1];
  return {ops::reshape(y, Shape(out)), idx.view(Shape(out))};
}

Tensor GLU::forward(const Tensor& x) { return ops::glu(x, dim_); }

Tensor Softmin::forward(const Tensor& x) {
  int64_t dim;
  if (dim_) {
    dim = *dim_;
  } else {
    dim = (x.dim() == 0 || x.dim() == 1 || x.dim() == 3) ? 0 : 1;
    warn("Implicit dimension choice for softmin has been deprecated. Change the call to include dim=X as an argument.");
  }
  return ops::softmax(ops::binary(x, -1.0, kernels::BinaryOp::mul), dim, false);
}

Tensor Unflatten::forward(const Tensor& x) { return ops::unflatten(x, dim_, sizes_); }

}  // namespace initlab::nn
