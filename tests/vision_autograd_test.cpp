// The vision ops' backward against finite differences (the check of tests/autograd_test.cpp,
// support/fd_check.hpp): transposed convolution, resampling (upsampling and padding), the
// shuffles, pooling with indices (2-D, dilated, 1-D) and unpooling (2-D, 1-D), PReLU, InstanceNorm and the new activations.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "initlab/autograd.hpp"
#include "initlab/nn/layers.hpp"
#include "initlab/nn/vision_ops.hpp"
#include "support/fd_check.hpp"

using namespace initlab;
using namespace fd;

namespace {

ops::ConvTransposeParams ct(int64_t s0, int64_t s1, int64_t p0, int64_t p1, int64_t op0, int64_t op1,
                            int64_t d0, int64_t d1, int64_t groups) {
  ops::ConvTransposeParams p;
  p.stride = {s0, s1};
  p.padding = {p0, p1};
  p.output_padding = {op0, op1};
  p.dilation = {d0, d1};
  p.groups = groups;
  return p;
}

ops::InterpolateOptions interp(const std::string& mode, std::vector<int64_t> size, std::vector<double> scale,
                               std::optional<bool> align = std::nullopt) {
  ops::InterpolateOptions o;
  o.mode = mode;
  o.size = std::move(size);
  o.size_is_sequence = o.size.size() > 1;
  o.scale_factor = std::move(scale);
  o.scale_is_sequence = o.scale_factor.size() > 1;
  o.align_corners = align;
  return o;
}

}  // namespace

TEST_CASE("conv_transpose2d and conv_transpose1d: finite differences for input, weight and bias") {
  Generator g(31);
  SUBCASE("stride 1, no padding") {
    Tensor x = leaf(Shape{2, 3, 4, 4}, g), w = leaf(Shape{3, 2, 3, 3}, g), b = leaf(Shape{2}, g);
    check([&] { return ops::conv_transpose2d(x, w, b, ct(1, 1, 0, 0, 0, 0, 1, 1, 1)); }, {x, w, b});
  }
  SUBCASE("stride, padding, output_padding") {
    Tensor x = leaf(Shape{2, 2, 3, 4}, g), w = leaf(Shape{2, 3, 4, 3}, g), b = leaf(Shape{3}, g);
    check([&] { return ops::conv_transpose2d(x, w, b, ct(2, 3, 1, 1, 1, 2, 1, 1, 1)); }, {x, w, b});
  }
  SUBCASE("groups and dilation, unbatched, no bias") {
    Tensor x = leaf(Shape{4, 3, 3}, g), w = leaf(Shape{4, 3, 2, 2}, g);
    check([&] { return ops::conv_transpose2d(x, w, Tensor(), ct(2, 1, 1, 0, 0, 0, 2, 3, 2)); }, {x, w});
  }
  SUBCASE("1-D") {
    Tensor x = leaf(Shape{2, 2, 5}, g), w = leaf(Shape{2, 3, 3}, g), b = leaf(Shape{3}, g);
    check([&] { return ops::conv_transpose1d(x, w, b, ct(1, 2, 0, 1, 0, 1, 1, 1, 1)); }, {x, w, b});
  }
}

TEST_CASE("interpolate: finite differences for every mode") {
  Generator g(32);
  Tensor x4 = leaf(Shape{2, 2, 4, 5}, g), x3 = leaf(Shape{2, 3, 6}, g);
  check([&] { return ops::interpolate(x4, interp("nearest", {}, {2.0})); }, {x4});
  check([&] { return ops::interpolate(x4, interp("nearest", {7, 3}, {})); }, {x4});
  check([&] { return ops::interpolate(x4, interp("bilinear", {}, {2.0})); }, {x4});
  check([&] { return ops::interpolate(x4, interp("bilinear", {9, 7}, {}, true)); }, {x4});
  check([&] { return ops::interpolate(x4, interp("bicubic", {}, {1.5})); }, {x4});
  check([&] { return ops::interpolate(x4, interp("bicubic", {3, 8}, {}, true)); }, {x4});
  check([&] { return ops::interpolate(x3, interp("linear", {}, {2.5})); }, {x3});
  check([&] { return ops::interpolate(x3, interp("nearest", {11}, {})); }, {x3});
}

TEST_CASE("pad: finite differences for constant (with cropping), reflect and replicate") {
  Generator g(33);
  Tensor x = leaf(Shape{2, 2, 4, 5}, g), x3 = leaf(Shape{2, 3, 4}, g);
  check([&] { return ops::pad(x, {1, -1, -1, 2}, "constant", 0.5); }, {x});
  check([&] { return ops::pad(x, {2, 3, 1, 3}, "reflect", 0.0); }, {x});
  check([&] { return ops::pad(x, {2, 1, 3, 0}, "replicate", 0.0); }, {x});
  check([&] { return ops::pad(x3, {3, 2}, "reflect", 0.0); }, {x3});
  check([&] { return ops::pad(x3, {1, 4}, "replicate", 0.0); }, {x3});
}

TEST_CASE("shuffles, max pooling with indices, unpooling: finite differences") {
  Generator g(34);
  Tensor x = leaf(Shape{2, 8, 3, 2}, g);
  check([&] { return ops::pixel_shuffle(x, 2); }, {x});
  Tensor u = leaf(Shape{2, 2, 4, 6}, g);
  check([&] { return ops::pixel_unshuffle(u, 2); }, {u});
  check([&] { return ops::channel_shuffle(x, 4); }, {x});
  Tensor p = leaf_distinct(Shape{2, 2, 7, 6}, g);
  ops::PoolParams pp;
  pp.kernel = {3, 3};
  pp.stride = {2, 2};
  pp.padding = {1, 1};
  pp.ceil_mode = true;
  check([&] { return ops::max_pool2d_with_indices(p, pp).first; }, {p}, 1e-3, 1.0 / 128);
  // Unpooling through indices fixed from a pooling of disjoint windows (so the finite
  // differences cannot move them, and no index repeats: PyTorch's gradient of a repeated
  // index reaches the overwritten input too, which no finite difference sees).
  Tensor idx;
  {
    autograd::NoGrad no_grad;
    ops::PoolParams disjoint;
    disjoint.kernel = {2, 2};
    disjoint.stride = {2, 2};
    disjoint.ceil_mode = true;
    idx = ops::max_pool2d_with_indices(p.detach(), disjoint).second;
  }
  Tensor q = leaf_distinct(Shape{2, 3, 7, 5}, g);
  check([&] { return ops::adaptive_max_pool2d(q, {3, 2}).first; }, {q}, 1e-3, 1.0 / 128);
  Tensor v = leaf(idx.shape(), g);
  check([&] { return ops::max_unpool2d(v, idx, {7, 6}); }, {v});
  CHECK(idx.shape() == Shape({2, 2, 4, 3}));
}

TEST_CASE("dilated and 1-D max pooling, 1-D unpooling with a repeated index: finite differences") {
  Generator g(36);
  Tensor p = leaf_distinct(Shape{2, 2, 9, 8}, g);
  ops::PoolParams pp;
  pp.kernel = {3, 2};
  pp.stride = {2, 1};
  pp.padding = {1, 1};
  pp.dilation = {2, 3};
  pp.ceil_mode = true;
  check([&] { return ops::max_pool2d(p, pp); }, {p}, 1e-3, 1.0 / 128);
  Tensor x = leaf_distinct(Shape{2, 3, 10}, g);
  const ops::MaxPool1dArgs a{{3}, {2}, {1}, {2}, true};
  check([&] { return ops::max_pool1d(x, a); }, {x}, 1e-3, 1.0 / 128);
  check([&] { return ops::max_pool1d_with_indices(x, a).first; }, {x}, 1e-3, 1.0 / 128);
  Tensor distinct = Tensor::from_vector(Shape{1, 2, 3}, {4, 1, 0, 2, 3, 0});
  distinct.set_dtype(DType::int64);
  Tensor v = leaf(Shape{1, 2, 3}, g);
  check([&] { return ops::max_unpool1d(v, distinct, 5); }, {v});
  // Index 1 twice in a plane: the output keeps the later value, both inputs get its gradient.
  Tensor idx = Tensor::from_vector(Shape{1, 2, 3}, {1, 1, 0, 2, 3, 3});
  idx.set_dtype(DType::int64);
  {
    Tensor vv = leaf(Shape{1, 2, 3}, g);
    ops::max_unpool1d(vv, idx, 5).backward(Tensor::full(Shape{1, 2, 5}, 1.0f));
    for (int64_t i = 0; i < 6; ++i) CHECK(vv.grad().data()[i] == 1.0f);
  }
}

TEST_CASE("PReLU and InstanceNorm: finite differences for input and parameters") {
  Generator g(35);
  Tensor x = leaf_off_zero(Shape{3, 4, 5}, g), w = leaf(Shape{4}, g), w1 = leaf(Shape{1}, g);
  check([&] { return ops::prelu(x, w); }, {x, w});
  check([&] { return ops::prelu(x, w1); }, {x, w1});
  nn::InstanceNorm norm("InstanceNorm2d", 2, 3, py::Number::of(1e-5), py::Number::of(0.1), true, true);
  Tensor& weight = *norm.parameter("weight");
  Tensor& bias = *norm.parameter("bias");
  normal_(weight, 1, 0.5, g);
  normal_(bias, 0, 0.5, g);
  Tensor xi = leaf(Shape{2, 3, 4, 3}, g);
  check([&] { return norm.forward(xi); }, {xi, weight, bias});
  norm.eval();  // running statistics: an affine map per channel
  check([&] { return norm.forward(xi); }, {xi, weight, bias});
}

TEST_CASE("GLU: finite differences along each dim") {
  Generator g(37);
  Tensor x = leaf(Shape{3, 4, 6}, g);
  for (int64_t dim : {0, 1, 2, -1}) {
    if (x.size(dim < 0 ? 2 : dim) % 2 != 0) continue;
    CAPTURE(dim);
    check([&] { return ops::glu(x, dim); }, {x});
  }
}

TEST_CASE("the vision activations: finite differences away from their kinks") {
  using kernels::Activation;
  Generator g(36);
  // 37 elements: the vector loop and a scalar tail at any SIMD width.
  Tensor x = leaf(Shape{37}, g, 2.5);
  // keep x away from the kinks at -3, 3 (hardswish, hardsigmoid), -0.5, 1.5 (hardtanh), 0 and 0.25
  for (int64_t i = 0; i < x.numel(); ++i) {
    float& v = x.data()[i];
    for (float kink : {-3.0f, 3.0f, -0.5f, 1.5f, 0.0f, 0.25f})
      if (std::fabs(v - kink) < 0.1f) v = kink + (v < kink ? -0.1f : 0.1f);
  }
  kernels::ActivationParams hardtanh;
  hardtanh.alpha = -0.5f;
  hardtanh.beta = 1.5f;
  kernels::ActivationParams celu;
  celu.alpha = 0.7f;
  kernels::ActivationParams threshold;
  threshold.threshold = 0.25f;
  threshold.alpha = -2.0f;
  const std::vector<std::pair<Activation, kernels::ActivationParams>> cases = {
      {Activation::hardtanh, hardtanh}, {Activation::hardswish, {}}, {Activation::hardsigmoid, {}},
      {Activation::mish, {}}, {Activation::logsigmoid, {}}, {Activation::softsign, {}},
      {Activation::celu, celu}, {Activation::tanhshrink, {}}, {Activation::threshold, threshold}};
  for (const auto& c : cases) {
    const Activation a = c.first;
    const kernels::ActivationParams p = c.second;
    CAPTURE(static_cast<int>(a));
    check([&] { return ops::activation(x, a, p); }, {x});
  }
}
