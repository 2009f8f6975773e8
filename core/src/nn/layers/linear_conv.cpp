#include <cmath>
#include <string>

#include "initlab/error.hpp"
#include "initlab/init.hpp"
#include "initlab/nn/layers.hpp"
#include "initlab/nn/ops.hpp"

namespace initlab::nn {

namespace {

// The bias bound both Linear and ConvNd use: 1/sqrt(fan_in), 0 for an empty fan.
void init_bias(Tensor& bias, const Tensor& weight, Generator& gen) {
  const auto fans = init::calculate_fan_in_and_fan_out(weight);
  const double bound = fans.fan_in > 0 ? 1 / std::sqrt(static_cast<double>(fans.fan_in)) : 0;
  init::uniform_(bias, -bound, bound, gen);
}

}  // namespace

Linear::Linear(int64_t in, int64_t out, bool bias, Generator& gen)
    : Module("Linear"), in_features(in), out_features(out) {
  register_parameter("weight", Tensor(Shape{out, in}));
  register_parameter("bias", bias ? Tensor(Shape{out}) : Tensor());
  reset_parameters(gen);
}

void Linear::reset_parameters(Generator& gen) {
  init::kaiming_uniform_(weight(), std::sqrt(5.0), "fan_in", "leaky_relu", gen);
  if (bias().defined()) init_bias(bias(), weight(), gen);
}

Tensor Linear::forward(const Tensor& x) { return ops::linear(x, weight(), bias()); }
Tensor Linear::forward_fused(const Tensor& x, const ops::PostOp& post) {
  return ops::linear(x, weight(), bias(), &post);
}

std::string Linear::extra_repr() const {
  return "in_features=" + std::to_string(in_features) + ", out_features=" +
         std::to_string(out_features) + ", bias=" +
         py::repr(const_cast<Linear*>(this)->bias().defined());
}

ConvNd::ConvNd(const char* type, int dims, const ConvOptions& o, Generator& gen)
    : Module(type), dims_(dims), options_(o) {
  const auto n = static_cast<std::size_t>(dims);
  if (o.groups <= 0) raise(ErrorKind::ValueError, "groups must be a positive integer");
  if (o.in_channels % o.groups != 0) raise(ErrorKind::ValueError, "in_channels must be divisible by groups");
  if (o.out_channels % o.groups != 0) raise(ErrorKind::ValueError, "out_channels must be divisible by groups");
  if (o.padding_mode != "zeros") {
    raise(ErrorKind::NotImplementedError, "not supported in initlab: padding_mode='" + o.padding_mode + "'");
  }
  kernel_ = o.kernel_size.expand(n);
  stride_ = o.stride.expand(n);
  dilation_ = o.dilation.expand(n);
  if (!o.padding_string.empty()) {
    if (o.padding_string != "same" && o.padding_string != "valid") {
      raise(ErrorKind::ValueError, "Invalid padding string '" + o.padding_string +
                                       "', should be one of {'valid', 'same'}");
    }
    if (o.padding_string == "same") {
      for (int64_t s : stride_)
        if (s != 1) raise(ErrorKind::ValueError, "padding='same' is not supported for strided convolutions");
    }
    padding_.assign(n, 0);
  } else {
    padding_ = o.padding.expand(n);
  }
  Shape wshape{o.out_channels, o.in_channels / o.groups};
  for (int64_t k : kernel_) wshape.push_back(k);
  register_parameter("weight", Tensor(wshape));
  register_parameter("bias", o.bias ? Tensor(Shape{o.out_channels}) : Tensor());
  reset_parameters(gen);
}

void ConvNd::reset_parameters(Generator& gen) {
  init::kaiming_uniform_(weight(), std::sqrt(5.0), "fan_in", "leaky_relu", gen);
  if (bias().defined()) init_bias(bias(), weight(), gen);
}

Tensor ConvNd::forward(const Tensor& x) { return forward_fused(x, ops::PostOp{}); }

Tensor ConvNd::forward_fused(const Tensor& x, const ops::PostOp& post) {
  const bool plain = post.scale.empty() && post.shift.empty() && !post.relu;
  ops::ConvParams p;
  const std::size_t last = static_cast<std::size_t>(dims_ - 1);
  // 1-D convolutions run as 2-D ones on a height-1 image.
  p.stride = {dims_ == 2 ? stride_[0] : 1, stride_[last]};
  p.dilation = {dims_ == 2 ? dilation_[0] : 1, dilation_[last]};
  p.groups = options_.groups;
  if (options_.padding_string == "same") {
    // Total padding d*(k-1); an odd total puts the extra row/column at the bottom/right.
    std::array<int64_t, 2> before{0, 0}, after{0, 0};
    for (int d = 0; d < dims_; ++d) {
      const auto i = static_cast<std::size_t>(d);
      const int64_t total = dilation_[i] * (kernel_[i] - 1);
      const int slot = dims_ == 2 ? d : 1;
      before[static_cast<std::size_t>(slot)] = total / 2;
      after[static_cast<std::size_t>(slot)] = total - total / 2;
    }
    p.padding = {before[0], before[1], after[0], after[1]};
  } else {
    const int64_t ph = dims_ == 2 ? padding_[0] : 0, pw = padding_[last];
    p.padding = {ph, pw, ph, pw};
  }
  const ops::PostOp* fused = plain ? nullptr : &post;
  return dims_ == 2 ? ops::conv2d(x, weight(), bias(), p, fused)
                    : ops::conv1d(x, weight(), bias(), p, fused);
}

std::string ConvNd::extra_repr() const {
  const auto tuple = [](const std::vector<int64_t>& v) { return py::tuple(v); };
  const auto all = [](const std::vector<int64_t>& v, int64_t x) {
    for (int64_t e : v)
      if (e != x) return false;
    return true;
  };
  std::string s = std::to_string(options_.in_channels) + ", " + std::to_string(options_.out_channels) +
                  ", kernel_size=" + tuple(kernel_) + ", stride=" + tuple(stride_);
  if (!options_.padding_string.empty()) {
    s += ", padding=" + options_.padding_string;
  } else if (!all(padding_, 0)) {
    s += ", padding=" + tuple(padding_);
  }
  if (!all(dilation_, 1)) s += ", dilation=" + tuple(dilation_);
  if (options_.groups != 1) s += ", groups=" + std::to_string(options_.groups);
  if (!options_.bias) s += ", bias=False";
  return s;
}

}  // namespace initlab::nn
