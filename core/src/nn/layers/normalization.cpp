#include <string>

#include "initlab/error.hpp"
#include "initlab/init.hpp"
#include "initlab/nn/layers.hpp"
#include "initlab/nn/ops.hpp"

namespace initlab::nn {

namespace {

// PyTorch's reset_parameters for the norms: init.ones_(weight), init.zeros_(bias), through
// nn.init like any initialization (so the page knows where the values came from).
Tensor initialized(const Shape& shape, Tensor& (*fill)(Tensor&)) {
  Tensor t(shape);
  fill(t);
  return t;
}

}  // namespace

BatchNorm::BatchNorm(const char* type, const BatchNormOptions& o) : Module(type), options_(o) {
  const Shape c{o.num_features};
  register_parameter("weight", o.affine ? initialized(c, init::ones_) : Tensor());
  register_parameter("bias", o.affine ? initialized(c, init::zeros_) : Tensor());
  register_buffer("running_mean", o.track_running_stats ? Tensor(c) : Tensor());
  register_buffer("running_var", o.track_running_stats ? Tensor::full(c, 1.0f) : Tensor());
  register_buffer("num_batches_tracked",
                  o.track_running_stats ? Tensor(Shape{}).set_dtype(DType::int64) : Tensor());
}

Tensor BatchNorm::forward(const Tensor& x) {
  const bool one_d = type_name() == "BatchNorm1d";
  if (one_d ? (x.dim() != 2 && x.dim() != 3) : x.dim() != 4) {
    raise(ErrorKind::ValueError, std::string("expected ") + (one_d ? "2D or 3D" : "4D") +
                                     " input (got " + std::to_string(x.dim()) + "D input)");
  }
  Tensor* rm = buffer("running_mean");
  const bool tracking = rm != nullptr && rm->defined();
  if (x.size(1) != options_.num_features) {
    if (tracking) {
      raise(ErrorKind::RuntimeError, "running_mean should contain " + std::to_string(x.size(1)) +
                                         " elements not " + std::to_string(options_.num_features));
    }
    raise(ErrorKind::RuntimeError, "weight should contain " + std::to_string(x.size(1)) +
                                       " elements not " + std::to_string(options_.num_features));
  }
  ops::BatchNormState state;
  if (tracking && is_training()) {
    state = {rm, buffer("running_var"), buffer("num_batches_tracked")};
  } else if (tracking) {
    state = {rm, buffer("running_var"), nullptr};
  }
  const bool batch_stats = is_training() || !tracking;
  const double momentum = options_.momentum ? options_.momentum->value : -1.0;
  return ops::batch_norm(x, state, *parameter("weight"), *parameter("bias"), batch_stats,
                         momentum, options_.eps.value);
}

bool BatchNorm::eval_affine(std::vector<float>& alpha, std::vector<float>& beta) {
  Tensor* rm = buffer("running_mean");
  if (is_training() || rm == nullptr || !rm->defined()) return false;
  ops::batch_norm_eval_affine(*rm, *buffer("running_var"), *parameter("weight"),
                              *parameter("bias"), options_.eps.value, alpha, beta);
  return true;
}

std::string BatchNorm::extra_repr() const {
  return std::to_string(options_.num_features) + ", eps=" + options_.eps.repr() + ", momentum=" +
         (options_.momentum ? options_.momentum->repr() : "None") +
         ", affine=" + py::repr(options_.affine) +
         ", track_running_stats=" + py::repr(options_.track_running_stats);
}

LayerNorm::LayerNorm(std::vector<int64_t> shape, py::Number eps, bool affine)
    : Module("LayerNorm"), shape_(std::move(shape)), eps_(eps), affine_(affine) {
  const Shape s(shape_);
  register_parameter("weight", affine ? initialized(s, init::ones_) : Tensor());
  register_parameter("bias", affine ? initialized(s, init::zeros_) : Tensor());
}

Tensor LayerNorm::forward(const Tensor& x) {
  return ops::layer_norm(x, shape_, *parameter("weight"), *parameter("bias"), eps_.value);
}

std::string LayerNorm::extra_repr() const {
  return py::tuple(shape_) + ", eps=" + eps_.repr() + ", elementwise_affine=" + py::repr(affine_);
}

GroupNorm::GroupNorm(int64_t groups, int64_t channels, py::Number eps, bool affine)
    : Module("GroupNorm"), groups_(groups), channels_(channels), eps_(eps), affine_(affine) {
  if (groups <= 0 || channels % groups != 0) {
    raise(ErrorKind::ValueError, "num_channels must be divisible by num_groups");
  }
  register_parameter("weight", affine ? initialized(Shape{channels}, init::ones_) : Tensor());
  register_parameter("bias", affine ? initialized(Shape{channels}, init::zeros_) : Tensor());
}

Tensor GroupNorm::forward(const Tensor& x) {
  return ops::group_norm(x, groups_, *parameter("weight"), *parameter("bias"), eps_.value);
}

std::string GroupNorm::extra_repr() const {
  return std::to_string(groups_) + ", " + std::to_string(channels_) + ", eps=" + eps_.repr() +
         ", affine=" + py::repr(affine_);
}

}  // namespace initlab::nn
