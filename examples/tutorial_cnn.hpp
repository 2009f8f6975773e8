// The tutorial's network through initlab's C++ API: the same layers, constructed in the same
// order as PyTorch's `class CNN(nn.Module)`, so a seed gives PyTorch's weights.
#pragma once

#include <memory>

#include "initlab/nn/functional.hpp"
#include "initlab/nn/layers.hpp"

namespace examples {

class TutorialCNN : public initlab::nn::Module {
 public:
  explicit TutorialCNN(int64_t in_channels = 1, int64_t num_classes = 10) : Module("CNN") {
    using namespace initlab::nn;
    register_module("conv1", std::make_shared<Conv2d>(conv(in_channels, 10)));
    register_module("conv2", std::make_shared<Conv2d>(conv(10, 20)));
    register_module("conv2_bn", std::make_shared<BatchNorm2d>(BatchNormOptions{20}));
    register_module("dense1", std::make_shared<Linear>(320, 50));
    register_module("dense1_bn", std::make_shared<BatchNorm1d>(BatchNormOptions{50}));
    register_module("dense2", std::make_shared<Linear>(50, num_classes));
  }

  initlab::Tensor forward(const initlab::Tensor& input) override {
    namespace F = initlab::F;
    auto& m = *this;
    initlab::Tensor x = F::relu(F::max_pool2d(m["conv1"](input), {2, 2}));
    x = F::relu(F::max_pool2d(m["conv2_bn"](m["conv2"](x)), {2, 2}));
    x = F::view(x, initlab::Shape{-1, 320});
    x = F::relu(m["dense1_bn"](m["dense1"](x)));
    return F::log_softmax(m["dense2"](x), 1);
  }

 private:
  Module& operator[](const char* name) { return *child(name); }

  static initlab::nn::ConvOptions conv(int64_t in, int64_t out) {
    initlab::nn::ConvOptions o;
    o.in_channels = in;
    o.out_channels = out;
    o.kernel_size = 5;
    return o;
  }
};

}  // namespace examples
