// Backward of the pools: the kernels of src/kernels/pooling_backward.cpp on (planes, H, W).
#include <algorithm>

#include "backward.hpp"

namespace initlab::ops::detail {

namespace {

class PoolBackward : public autograd::Node {
 public:
  PoolBackward(bool is_max, const kernels::Pool2dGeometry& g) : is_max_(is_max), g_(g) {}
  const char* name() const override { return is_max_ ? "MaxPool2DWithIndicesBackward" : "AvgPool2DBackward"; }
  std::vector<Tensor> backward(const Tensor& gy) override {
    const Tensor& x_in = inputs[0];
    const Tensor dy = gy.contiguous();
    const int64_t planes = x_in.numel() / std::max<int64_t>(g_.height * g_.width, 1);
    Tensor dx = Tensor::uninitialized(x_in.shape());
    if (is_max_) {
      const Tensor x = x_in.contiguous();
      kernels::max_pool2d_backward(g_, planes, x.data(), dy.data(), dx.data());
    } else {
      kernels::avg_pool2d_backward(g_, planes, dy.data(), dx.data());
    }
    return {dx};
  }

 private:
  bool is_max_;
  kernels::Pool2dGeometry g_;
};

class AdaptiveAvgPoolBackward : public autograd::Node {
 public:
  const char* name() const override { return "AdaptiveAvgPool2DBackward"; }
  std::vector<Tensor> backward(const Tensor& gy) override {
    const Tensor& x = inputs[0];
    const Tensor dy = gy.contiguous();
    const int64_t h = x.size(-2), w = x.size(-1), oh = dy.size(-2), ow = dy.size(-1);
    const int64_t planes = x.numel() / std::max<int64_t>(h * w, 1);
    Tensor dx = Tensor::uninitialized(x.shape());
    kernels::adaptive_avg_pool2d_backward(planes, h, w, oh, ow, dy.data(), dx.data());
    return {dx};
  }
};

}  // namespace

Tensor record_pool(bool is_max, const Tensor& y, const Tensor& x, const kernels::Pool2dGeometry& g) {
  return autograd::record(y, std::make_shared<PoolBackward>(is_max, g), {x});
}

Tensor record_adaptive_avg_pool2d(const Tensor& y, const Tensor& x) {
  return autograd::record(y, std::make_shared<AdaptiveAvgPoolBackward>(), {x});
}

}  // namespace initlab::ops::detail
