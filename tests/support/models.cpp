#include "support/models.hpp"

#include <stdexcept>

#include "initlab/nn/functional.hpp"
#include "initlab/nn/layers.hpp"
#include "tutorial_cnn.hpp"

namespace models {

using namespace initlab;
using namespace initlab::nn;
using initlab::nn::IntOrTuple;

namespace {

ModulePtr conv2d(int64_t in, int64_t out, IntOrTuple k, IntOrTuple stride = 1, IntOrTuple padding = 0,
                 bool bias = true, int64_t groups = 1, IntOrTuple dilation = 1,
                 const std::string& padding_string = "") {
  ConvOptions o;
  o.in_channels = in;
  o.out_channels = out;
  o.kernel_size = std::move(k);
  o.stride = std::move(stride);
  o.padding = std::move(padding);
  o.padding_string = padding_string;
  o.bias = bias;
  o.groups = groups;
  o.dilation = std::move(dilation);
  return std::make_shared<Conv2d>(o);
}

ModulePtr bn2d(int64_t c) { return std::make_shared<BatchNorm2d>(BatchNormOptions{c}); }
ModulePtr bn1d(int64_t c) { return std::make_shared<BatchNorm1d>(BatchNormOptions{c}); }
ModulePtr linear(int64_t in, int64_t out) { return std::make_shared<Linear>(in, out); }

class TanhMLP : public Module {
 public:
  TanhMLP() : Module("TanhMLP") {
    auto net = std::make_shared<Sequential>();
    for (int i = 0; i < 20; ++i) {
      net->append(linear(256, 256));
      net->append(make_tanh());
    }
    register_module("net", net);
  }
  Tensor forward(const Tensor& x) override { return (*child("net"))(x); }
};

// The deep ReLU MLP of make_grad_fixtures.py.
class ReluMLP : public Module {
 public:
  ReluMLP() : Module("ReluMLP") {
    auto net = std::make_shared<Sequential>();
    for (int i = 0; i < 12; ++i) {
      net->append(linear(128, 128));
      net->append(make_relu());
    }
    register_module("net", net);
  }
  Tensor forward(const Tensor& x) override { return (*child("net"))(x); }
};

class VGGBlock : public Module {
 public:
  VGGBlock() : Module("VGGBlock") {
    PoolOptions pool;
    pool.kernel_size = 2;
    pool.stride = IntOrTuple(2);
    register_module("features", std::make_shared<Sequential>(std::vector<ModulePtr>{
                                    conv2d(3, 16, 3, 1, 1), bn2d(16), make_relu(true),
                                    conv2d(16, 16, 3, 1, 1), bn2d(16), make_relu(true),
                                    std::make_shared<MaxPool2d>(pool)}));
  }
  Tensor forward(const Tensor& x) override { return (*child("features"))(x); }
};

class BasicBlock : public Module {
 public:
  BasicBlock(int64_t inplanes, int64_t planes, int64_t stride = 1) : Module("BasicBlock") {
    register_module("conv1", conv2d(inplanes, planes, 3, stride, 1, false));
    register_module("bn1", bn2d(planes));
    register_module("relu", make_relu(true));
    register_module("conv2", conv2d(planes, planes, 3, 1, 1, false));
    register_module("bn2", bn2d(planes));
    if (stride != 1 || inplanes != planes) {
      register_module("downsample", std::make_shared<Sequential>(std::vector<ModulePtr>{
                                        conv2d(inplanes, planes, 1, stride, 0, false), bn2d(planes)}));
    }
  }
  Tensor forward(const Tensor& x) override {
    Tensor identity = x;
    Tensor out = (*child("relu"))((*child("bn1"))((*child("conv1"))(x)));
    out = (*child("bn2"))((*child("conv2"))(out));
    if (Module* d = child("downsample")) identity = (*d)(x);
    out = F::add(out, identity);
    return (*child("relu"))(out);
  }
};

class ResNetBlocks : public Module {
 public:
  ResNetBlocks() : Module("ResNetBlocks") {
    register_module("layer", std::make_shared<Sequential>(std::vector<ModulePtr>{
                                 std::make_shared<BasicBlock>(8, 8),
                                 std::make_shared<BasicBlock>(8, 16, 2)}));
  }
  Tensor forward(const Tensor& x) override { return (*child("layer"))(x); }
};

class Everything : public Module {
 public:
  Everything() : Module("Everything") {
    PoolOptions maxpool;
    maxpool.kernel_size = 2;
    maxpool.stride = IntOrTuple(1);
    PoolOptions avgpool;
    avgpool.kernel_size = 2;
    register_module("features", std::make_shared<Sequential>(std::vector<ModulePtr>{
        conv2d(3, 8, 3, 1, 0, true, 1, 2, "same"),
        std::make_shared<GroupNorm>(2, 8),
        make_elu(),
        conv2d(8, 8, IntOrTuple::tuple({3, 3}), 2, 1, false, 2),
        bn2d(8),
        make_leaky_relu(py::Number::of(0.1)),
        std::make_shared<MaxPool2d>(maxpool),
        std::make_shared<AvgPool2d>(avgpool),
        std::make_shared<AdaptiveAvgPool2d>(IntOrTuple::tuple({2, 2})),
    }));
    register_module("head", std::make_shared<ModuleList>(std::vector<ModulePtr>{
        std::make_shared<Flatten>(), linear(32, 16), std::make_shared<LayerNorm>(std::vector<int64_t>{16}),
        make_selu(), std::make_shared<Dropout>(py::Number::of(0.5)), std::make_shared<Identity>()}));
    register_module("bn1d", bn1d(16));
    ConvOptions c1;
    c1.in_channels = 3;
    c1.out_channels = 4;
    c1.kernel_size = 3;
    c1.padding_string = "valid";
    register_module("seq1d", std::make_shared<Sequential>(std::vector<ModulePtr>{
                                 std::make_shared<Conv1d>(c1), make_silu()}));
    register_module("out", linear(20, 6));
    register_module("acts", std::make_shared<ModuleList>(std::vector<ModulePtr>{
        make_gelu(), make_tanh(), make_sigmoid(), make_softplus(),
        std::make_shared<SoftmaxModule>(false, 1), std::make_shared<SoftmaxModule>(true, 1), make_relu()}));
  }

  Tensor forward(const Tensor& x) override {
    const int64_t n = x.size(0);
    Tensor f = (*child("features"))(x);
    auto& head = static_cast<ModuleList&>(*child("head"));
    for (std::size_t i = 0; i < head.size(); ++i) f = head[i](f);
    f = (*child("bn1d"))(f);
    Tensor s = (*child("seq1d"))(F::view(x, Shape{n, 3, -1}));
    s = F::adaptive_avg_pool2d(F::view(s, Shape{n, 4, 1, -1}), {1, 1});
    s = F::flatten(s, 1);
    Tensor h = (*child("out"))(F::cat({f, s}, 1));
    // Named steps: C++ leaves the order of evaluating arguments open; Python goes left to right.
    Tensor column = F::view(h, Shape{n, 6, 1});
    Tensor row = F::view(h, Shape{n, 1, 6});
    Tensor g = F::mul(column, row);
    g = F::matmul(g, F::view(h, Shape{n, 6, 1}));
    // Python evaluates the left operand of `-` (h + g.view) before the right (0.5 * tanh(h)).
    Tensor left = F::add(h, F::view(g, Shape{n, 6}));
    h = F::sub(left, F::mul(F::tanh(h), 0.5, true));
    auto& acts = static_cast<ModuleList&>(*child("acts"));
    Tensor a = acts[0](h);
    for (std::size_t i = 1; i < acts.size(); ++i) a = F::add(a, acts[i](h));
    Tensor relu = F::relu(a);
    Tensor sum = F::add(relu, F::leaky_relu(a, 0.2));
    Tensor ls = F::log_softmax(sum, 1);
    Tensor y = F::add(ls, F::softmax(a, 1));
    Tensor mp = F::max_pool2d(x, {2, 2});
    Tensor p = F::add(mp, F::avg_pool2d(x, {2, 2}));
    p = F::dropout(F::sigmoid(p), 0.3, false);
    Tensor q = F::reshape(F::adaptive_avg_pool2d(p, {1, 1}), Shape{n, -1});
    return F::cat({y, q}, 1);
  }
};

}  // namespace

ModulePtr build(const std::string& cls) {
  if (cls == "CNN") return std::make_shared<examples::TutorialCNN>();
  if (cls == "TanhMLP") return std::make_shared<TanhMLP>();
  if (cls == "ReluMLP") return std::make_shared<ReluMLP>();
  if (cls == "VGGBlock") return std::make_shared<VGGBlock>();
  if (cls == "ResNetBlocks") return std::make_shared<ResNetBlocks>();
  if (cls == "Everything") return std::make_shared<Everything>();
  throw std::runtime_error("no C++ mirror of fixture model " + cls);
}

}  // namespace models
