#include <string>

#include "initlab/nn/layers.hpp"
#include "initlab/nn/ops.hpp"
#include "initlab/warnings.hpp"

namespace initlab::nn {

using kernels::Activation;

ActivationModule::ActivationModule(const char* type, Activation a, kernels::ActivationParams p,
                                   std::string extra)
    : Module(type), activation_(a), params_(p), extra_(std::move(extra)) {}

Tensor ActivationModule::forward(const Tensor& x) { return ops::activation(x, activation_, params_); }

namespace {

std::string inplace_only(bool inplace) { return inplace ? "inplace=True" : ""; }
std::string inplace_suffix(bool inplace) { return inplace ? ", inplace=True" : ""; }

ModulePtr make(const char* type, Activation a, kernels::ActivationParams p = {},
               std::string extra = "") {
  return std::make_shared<ActivationModule>(type, a, p, std::move(extra));
}

}  // namespace

ModulePtr make_relu(bool inplace) { return make("ReLU", Activation::relu, {}, inplace_only(inplace)); }

ModulePtr make_leaky_relu(py::Number slope, bool inplace) {
  kernels::ActivationParams p;
  p.alpha = static_cast<float>(slope.value);
  return make("LeakyReLU", Activation::leaky_relu, p,
              "negative_slope=" + slope.repr() + inplace_suffix(inplace));
}

ModulePtr make_elu(py::Number alpha, bool inplace) {
  kernels::ActivationParams p;
  p.alpha = static_cast<float>(alpha.value);
  return make("ELU", Activation::elu, p, "alpha=" + alpha.repr() + inplace_suffix(inplace));
}

ModulePtr make_selu(bool inplace) { return make("SELU", Activation::selu, {}, inplace_only(inplace)); }

ModulePtr make_gelu(const std::string& approximate) {
  return make("GELU", approximate == "tanh" ? Activation::gelu_tanh : Activation::gelu, {},
              "approximate='" + approximate + "'");
}

ModulePtr make_silu(bool inplace) { return make("SiLU", Activation::silu, {}, inplace_only(inplace)); }
ModulePtr make_tanh() { return make("Tanh", Activation::tanh); }
ModulePtr make_sigmoid() { return make("Sigmoid", Activation::sigmoid); }

ModulePtr make_softplus(py::Number beta, py::Number threshold) {
  kernels::ActivationParams p;
  p.beta = static_cast<float>(beta.value);
  p.threshold = static_cast<float>(threshold.value);
  return make("Softplus", Activation::softplus, p,
              "beta=" + beta.repr() + ", threshold=" + threshold.repr());
}

SoftmaxModule::SoftmaxModule(bool log, std::optional<int64_t> dim)
    : Module(log ? "LogSoftmax" : "Softmax"), log_(log), dim_(dim) {}

Tensor SoftmaxModule::forward(const Tensor& x) {
  int64_t dim;
  if (dim_) {
    dim = *dim_;
  } else {
    // PyTorch's _get_softmax_dim.
    dim = (x.dim() == 0 || x.dim() == 1 || x.dim() == 3) ? 0 : 1;
    warn(std::string("Implicit dimension choice for ") + (log_ ? "log_softmax" : "softmax") +
         " has been deprecated. Change the call to include dim=X as an argument.");
  }
  return ops::softmax(x, dim, log_);
}

std::string SoftmaxModule::extra_repr() const {
  return "dim=" + (dim_ ? std::to_string(*dim_) : std::string("None"));
}

}  // namespace initlab::nn
