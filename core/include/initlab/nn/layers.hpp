// The layers of torch.nn that initlab supports, with PyTorch's class names, constructor
// arguments and defaults, parameter and buffer names, default initialization (drawn from the
// generator in PyTorch's order) and repr text.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "initlab/generator.hpp"
#include "initlab/kernels.hpp"
#include "initlab/nn/module.hpp"
#include "initlab/nn/ops.hpp"
#include "initlab/pyformat.hpp"

namespace initlab::nn {

// An int or a tuple of ints, remembered as written: repr prints `2` or `(2, 2)` accordingly.
struct IntOrTuple {
  std::vector<int64_t> values;
  bool is_tuple = false;
  IntOrTuple() = default;
  IntOrTuple(int64_t v) : values{v} {}  // NOLINT: an int converts as in Python
  static IntOrTuple tuple(std::vector<int64_t> v) { return {std::move(v), true}; }
  // The value per spatial dim (an int repeats).
  std::vector<int64_t> expand(std::size_t dims) const;
  std::string repr() const;

 private:
  IntOrTuple(std::vector<int64_t> v, bool t) : values(std::move(v)), is_tuple(t) {}
};

class Linear : public Module {
 public:
  Linear(int64_t in_features, int64_t out_features, bool bias = true,
         Generator& gen = default_generator());
  Tensor forward(const Tensor& x) override;
  // forward with a following BatchNorm/ReLU fused into the GEMM (see nn/fusion.hpp).
  Tensor forward_fused(const Tensor& x, const ops::PostOp& post);
  std::string extra_repr() const override;
  // PyTorch's reset_parameters: kaiming_uniform_(a=sqrt(5)), bias U(-1/sqrt(fan_in), ...).
  void reset_parameters(Generator& gen);
  Tensor& weight() { return *parameter("weight"); }
  Tensor& bias() { return *parameter("bias"); }
  int64_t in_features, out_features;
};

struct ConvOptions {
  int64_t in_channels = 0, out_channels = 0;
  IntOrTuple kernel_size;
  IntOrTuple stride = 1;
  IntOrTuple padding = 0;
  std::string padding_string;  // "same" or "valid" when padding was given as a string
  IntOrTuple dilation = 1;
  int64_t groups = 1;
  bool bias = true;
  std::string padding_mode = "zeros";
};

// Conv1d and Conv2d (PyTorch's _ConvNd).
class ConvNd : public Module {
 public:
  ConvNd(const char* type, int dims, const ConvOptions& options, Generator& gen);
  Tensor forward(const Tensor& x) override;
  Tensor forward_fused(const Tensor& x, const ops::PostOp& post);
  std::string extra_repr() const override;
  void reset_parameters(Generator& gen);
  Tensor& weight() { return *parameter("weight"); }
  Tensor& bias() { return *parameter("bias"); }
  const ConvOptions& options() const { return options_; }

 private:
  int dims_;
  ConvOptions options_;
  std::vector<int64_t> kernel_, stride_, dilation_, padding_;  // expanded per dim
};

class Conv1d : public ConvNd {
 public:
  explicit Conv1d(const ConvOptions& o, Generator& gen = default_generator())
      : ConvNd("Conv1d", 1, o, gen) {}
};
class Conv2d : public ConvNd {
 public:
  explicit Conv2d(const ConvOptions& o, Generator& gen = default_generator())
      : ConvNd("Conv2d", 2, o, gen) {}
};

struct BatchNormOptions {
  int64_t num_features = 0;
  py::Number eps = py::Number::of(1e-5);
  std::optional<py::Number> momentum = py::Number::of(0.1);  // nullopt: PyTorch's None
  bool affine = true;
  bool track_running_stats = true;
};

// BatchNorm1d (2-D or 3-D input) and BatchNorm2d (4-D input).
class BatchNorm : public Module {
 public:
  BatchNorm(const char* type, const BatchNormOptions& o);
  Tensor forward(const Tensor& x) override;
  // In eval mode with running statistics, BatchNorm is a fixed per-channel affine: its
  // alpha and beta. False when it normalizes with batch statistics.
  bool eval_affine(std::vector<float>& alpha, std::vector<float>& beta);
  std::string extra_repr() const override;
  const BatchNormOptions& options() const { return options_; }

 private:
  BatchNormOptions options_;
};
class BatchNorm1d : public BatchNorm {
 public:
  explicit BatchNorm1d(const BatchNormOptions& o) : BatchNorm("BatchNorm1d", o) {}
};
class BatchNorm2d : public BatchNorm {
 public:
  explicit BatchNorm2d(const BatchNormOptions& o) : BatchNorm("BatchNorm2d", o) {}
};

class LayerNorm : public Module {
 public:
  LayerNorm(std::vector<int64_t> normalized_shape, py::Number eps = py::Number::of(1e-5),
            bool elementwise_affine = true);
  Tensor forward(const Tensor& x) override;
  std::string extra_repr() const override;
  const std::vector<int64_t>& normalized_shape() const { return shape_; }
  double eps() const { return eps_.value; }
  bool elementwise_affine() const { return affine_; }

 private:
  std::vector<int64_t> shape_;
  py::Number eps_;
  bool affine_;
};

class GroupNorm : public Module {
 public:
  GroupNorm(int64_t num_groups, int64_t num_channels, py::Number eps = py::Number::of(1e-5),
            bool affine = true);
  Tensor forward(const Tensor& x) override;
  std::string extra_repr() const override;
  int64_t num_groups() const { return groups_; }
  int64_t num_channels() const { return channels_; }
  double eps() const { return eps_.value; }
  bool affine() const { return affine_; }

 private:
  int64_t groups_, channels_;
  py::Number eps_;
  bool affine_;
};

struct PoolOptions {
  IntOrTuple kernel_size;
  std::optional<IntOrTuple> stride;  // None: kernel_size
  IntOrTuple padding = 0;
  IntOrTuple dilation = 1;           // MaxPool2d only
  bool ceil_mode = false;
  bool count_include_pad = true;     // AvgPool2d only
};

class MaxPool2d : public Module {
 public:
  explicit MaxPool2d(const PoolOptions& o);
  Tensor forward(const Tensor& x) override;
  std::string extra_repr() const override;

 private:
  PoolOptions o_;
};

class AvgPool2d : public Module {
 public:
  explicit AvgPool2d(const PoolOptions& o);
  Tensor forward(const Tensor& x) override;
  std::string extra_repr() const override;

 private:
  PoolOptions o_;
};

class AdaptiveAvgPool2d : public Module {
 public:
  explicit AdaptiveAvgPool2d(IntOrTuple output_size);
  Tensor forward(const Tensor& x) override;
  std::string extra_repr() const override;

 private:
  IntOrTuple size_;
};

// nn.Dropout, Dropout1d, Dropout2d, Dropout3d, AlphaDropout, FeatureAlphaDropout: identity in
// eval mode; in train mode PyTorch's mask from the default generator (ops::dropout and
// siblings). `inplace` is kept for the repr; the output is a new tensor.
class Dropout : public Module {
 public:
  enum class Kind { plain, d1, d2, d3, alpha, feature_alpha };
  explicit Dropout(py::Number p = py::Number::of(0.5), bool inplace = false,
                   Kind kind = Kind::plain);
  Tensor forward(const Tensor& x) override;
  std::string extra_repr() const override;
  // "Dropout", "Dropout2d", "AlphaDropout", ...
  static const char* class_name(Kind kind);
  double p() const { return p_.value; }
  Kind kind() const { return kind_; }

 private:
  py::Number p_;
  bool inplace_;
  Kind kind_;
};

class Identity : public Module {
 public:
  Identity() : Module("Identity") {}
  Tensor forward(const Tensor& x) override { return x; }
};

class Flatten : public Module {
 public:
  explicit Flatten(int64_t start_dim = 1, int64_t end_dim = -1);
  Tensor forward(const Tensor& x) override;
  std::string extra_repr() const override;

 private:
  int64_t start_, end_;
};

// The element-wise activation modules: ReLU, LeakyReLU, ELU, SELU, GELU, SiLU, Tanh,
// Sigmoid, Softplus. Each is one kernel activation with its repr.
class ActivationModule : public Module {
 public:
  ActivationModule(const char* type, kernels::Activation a, kernels::ActivationParams p,
                   std::string extra);
  Tensor forward(const Tensor& x) override;
  std::string extra_repr() const override { return extra_; }
  kernels::Activation activation() const { return activation_; }
  const kernels::ActivationParams& params() const { return params_; }

 private:
  kernels::Activation activation_;
  kernels::ActivationParams params_;
  std::string extra_;
};

ModulePtr make_relu(bool inplace = false);
ModulePtr make_leaky_relu(py::Number negative_slope = py::Number::of(0.01), bool inplace = false);
ModulePtr make_elu(py::Number alpha = py::Number::of(1.0), bool inplace = false);
ModulePtr make_selu(bool inplace = false);
ModulePtr make_gelu(const std::string& approximate = "none");
ModulePtr make_silu(bool inplace = false);
ModulePtr make_tanh();
ModulePtr make_sigmoid();
ModulePtr make_softplus(py::Number beta = py::Number::of_int(1),
                        py::Number threshold = py::Number::of_int(20));

// Softmax / LogSoftmax over `dim` (None: PyTorch's implicit choice, with its warning).
class SoftmaxModule : public Module {
 public:
  SoftmaxModule(bool log, std::optional<int64_t> dim);
  Tensor forward(const Tensor& x) override;
  std::string extra_repr() const override;

 private:
  bool log_;
  std::optional<int64_t> dim_;
};

}  // namespace initlab::nn

#include "initlab/nn/vision_layers.hpp"
