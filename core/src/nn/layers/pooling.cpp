#include <string>

#include "initlab/nn/layers.hpp"
#include "initlab/nn/ops.hpp"

namespace initlab::nn {

namespace {

ops::PoolParams params(const PoolOptions& o) {
  ops::PoolParams p;
  const auto k = o.kernel_size.expand(2);
  const auto s = (o.stride ? *o.stride : o.kernel_size).expand(2);
  const auto pad = o.padding.expand(2);
  const auto d = o.dilation.expand(2);
  p.kernel = {k[0], k[1]};
  p.stride = {s[0], s[1]};
  p.padding = {pad[0], pad[1]};
  p.dilation = {d[0], d[1]};
  p.ceil_mode = o.ceil_mode;
  p.count_include_pad = o.count_include_pad;
  return p;
}

}  // namespace

MaxPool2d::MaxPool2d(const PoolOptions& o) : Module("MaxPool2d"), o_(o) {}
Tensor MaxPool2d::forward(const Tensor& x) { return ops::max_pool2d(x, params(o_)); }
std::string MaxPool2d::extra_repr() const {
  return "kernel_size=" + o_.kernel_size.repr() +
         ", stride=" + (o_.stride ? *o_.stride : o_.kernel_size).repr() +
         ", padding=" + o_.padding.repr() + ", dilation=" + o_.dilation.repr() +
         ", ceil_mode=" + py::repr(o_.ceil_mode);
}

AvgPool2d::AvgPool2d(const PoolOptions& o) : Module("AvgPool2d"), o_(o) {}
Tensor AvgPool2d::forward(const Tensor& x) { return ops::avg_pool2d(x, params(o_)); }
std::string AvgPool2d::extra_repr() const {
  return "kernel_size=" + o_.kernel_size.repr() +
         ", stride=" + (o_.stride ? *o_.stride : o_.kernel_size).repr() +
         ", padding=" + o_.padding.repr();
}

AdaptiveAvgPool2d::AdaptiveAvgPool2d(IntOrTuple size) : Module("AdaptiveAvgPool2d"), size_(std::move(size)) {}
Tensor AdaptiveAvgPool2d::forward(const Tensor& x) {
  const auto s = size_.expand(2);
  return ops::adaptive_avg_pool2d(x, {s[0], s[1]});
}
std::string AdaptiveAvgPool2d::extra_repr() const { return "output_size=" + size_.repr(); }

}  // namespace initlab::nn
