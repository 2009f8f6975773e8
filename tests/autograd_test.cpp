// Autograd: every op's backward against finite differences, and the engine's PyTorch
// semantics (requires_grad, no_grad, .grad accumulation, shared inputs).
//
// The finite-difference check. For leaves x_1..x_k (float tensors) and an op f, the scalar
// L = sum_i r_i * f(x)_i, with r a fixed random tensor, is accumulated in double from the
// float forward. Its derivative along each element is estimated with the fourth-order central
// stencil (-L(+2h) + 8 L(+h) - 8 L(-h) + L(-2h)) / 12h (truncation O(h^4)), and the analytic
// gradient from backward(r) must satisfy, for every element j of every leaf,
//     |analytic_j - fd_j| <= tol * max(1, max_k |fd_k|)      (tol = 1e-3)
// i.e. a relative error against the leaf's largest gradient. The float forward's rounding
// (about 1e-7 relative) divided by h is what limits tol; a wrong formula is off by O(1).
#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "initlab/autograd.hpp"
#include "initlab/error.hpp"
#include "initlab/generator.hpp"
#include "initlab/kernels.hpp"
#include "initlab/nn/functional.hpp"
#include "initlab/nn/layers.hpp"
#include "initlab/nn/ops.hpp"
#include "initlab/optim.hpp"
#include "initlab/sampling.hpp"
#include "support/fd_check.hpp"

using namespace initlab;
using kernels::Activation;
using kernels::BinaryOp;

using namespace fd;

namespace {

ops::ConvParams conv_params(int64_t s0, int64_t s1, int64_t pt, int64_t pl, int64_t pb, int64_t pr,
                            int64_t d0, int64_t d1, int64_t groups) {
  ops::ConvParams p;
  p.stride = {s0, s1};
  p.padding = {pt, pl, pb, pr};
  p.dilation = {d0, d1};
  p.groups = groups;
  return p;
}

}  // namespace

TEST_SUITE("autograd") {

// ---- the engine -------------------------------------------------------------------------

TEST_CASE("nothing is recorded under no_grad or when no input requires grad") {
  Generator g(1);
  Tensor x = leaf(Shape{3, 4}, g);
  Tensor w = randn(Shape{2, 4}, g);
  {
    autograd::NoGrad no_grad;
    const Tensor y = ops::linear(x, w, Tensor());
    CHECK_FALSE(y.requires_grad());
    CHECK_FALSE(y.has_grad_fn());
  }
  CHECK(autograd::grad_enabled());
  const Tensor plain = ops::linear(randn(Shape{3, 4}, g), w, Tensor());
  CHECK_FALSE(plain.requires_grad());
  const Tensor y = ops::linear(x, w, Tensor());
  CHECK(y.requires_grad());
  CHECK(y.has_grad_fn());
  CHECK_FALSE(x.has_grad_fn());  // a leaf
  Tensor no_grad_input = randn(Shape{2}, g);
  CHECK_THROWS_WITH_AS(no_grad_input.backward(Tensor::full(Shape{2}, 1.0f)),
                       "element 0 of tensors does not require grad and does not have a grad_fn",
                       Error);
  CHECK_THROWS_WITH_AS(y.backward(), "grad can be implicitly created only for scalar outputs", Error);
}

TEST_CASE(".grad accumulates over backward calls and over every use of a tensor") {
  Generator g(2);
  Tensor x = leaf(Shape{5}, g);
  // y = x * x + 3x: dy/dx = 2x + 3, with x used three times.
  const auto f = [&] { return ops::binary(ops::binary(x, x, BinaryOp::mul), ops::binary(x, 3.0, BinaryOp::mul), BinaryOp::add); };
  const Tensor ones = Tensor::full(Shape{5}, 1.0f);
  f().backward(ones);
  for (int64_t i = 0; i < 5; ++i) CHECK(x.grad().data()[i] == doctest::Approx(2 * x.data()[i] + 3).epsilon(1e-6));
  f().backward(ones);  // PyTorch accumulates into .grad
  for (int64_t i = 0; i < 5; ++i) CHECK(x.grad().data()[i] == doctest::Approx(2 * (2 * x.data()[i] + 3)).epsilon(1e-6));
  // Every copy of the handle shares .grad (a module's parameters are copied around).
  Tensor copy = x;
  CHECK(copy.grad().shares_storage_with(x.grad()));
  x.set_grad(Tensor());
  CHECK_FALSE(copy.grad().defined());
}

TEST_CASE("backward without retain_graph releases the graph: a second backward through it fails") {
  Generator g(3);
  Tensor x = leaf(Shape{3}, g);
  const Tensor ones = Tensor::full(Shape{3}, 1.0f);
  Tensor y = ops::binary(x, 2.0, BinaryOp::mul);
  y.backward(ones, /*retain_graph=*/true);
  y.backward(ones, /*retain_graph=*/false);  // a retained graph runs again
  for (int64_t i = 0; i < 3; ++i) CHECK(x.grad().data()[i] == 4.0f);
  CHECK_THROWS_WITH_AS(y.backward(ones, false),
                       doctest::Contains("Trying to backward through the graph a second time"), Error);
  // A new graph over the same leaf is fine.
  ops::binary(x, 2.0, BinaryOp::mul).backward(ones, false);
  for (int64_t i = 0; i < 3; ++i) CHECK(x.grad().data()[i] == 6.0f);
}

TEST_CASE("a chain of 300000 recorded ops runs backward and is freed without deep recursion") {
  Tensor x = Tensor::full(Shape{2}, 1.0f);
  x.set_requires_grad(true);
  {
    Tensor y = x;
    for (int i = 0; i < 300000; ++i) y = ops::binary(y, 1.0, BinaryOp::add);
    y.backward(Tensor::full(Shape{2}, 1.0f));
  }  // the graph dies here: recursive destruction would overflow the stack (natively too)
  CHECK(x.grad().data()[0] == 1.0f);
}

TEST_CASE("a module's parameters receive .grad; a frozen one does not") {
  Generator g(3);
  nn::Linear lin(4, 3, true, g);
  lin.bias().set_requires_grad(false);
  Tensor x = randn(Shape{2, 4}, g);
  const Tensor y = lin(x);
  y.backward(Tensor::full(y.shape(), 1.0f));
  CHECK(lin.weight().grad().defined());
  CHECK_FALSE(lin.bias().grad().defined());
  for (const auto& [name, p] : lin.named_parameters()) {
    if (name == "weight") CHECK(p.grad().shares_storage_with(lin.weight().grad()));
  }
  // dW = dY^T X with dY = 1: column sums of x.
  for (int64_t o = 0; o < 3; ++o)
    for (int64_t i = 0; i < 4; ++i)
      CHECK(lin.weight().grad().at({o, i}) == doctest::Approx(x.at({0, i}) + x.at({1, i})).epsilon(1e-6));
}

// ---- linear and convolution ---------------------------------------------------------------

TEST_CASE("linear: finite differences, with and without bias, 3-D input") {
  Generator g(10);
  Tensor x = leaf(Shape{5, 7}, g), w = leaf(Shape{3, 7}, g), b = leaf(Shape{3}, g);
  check([&] { return ops::linear(x, w, b); }, {x, w, b});
  check([&] { return ops::linear(x, w, Tensor()); }, {x, w});
  Tensor x3 = leaf(Shape{2, 3, 7}, g);
  check([&] { return ops::linear(x3, w, b); }, {x3, w, b});
}

TEST_CASE("conv2d: finite differences over stride, padding, dilation and groups") {
  Generator g(11);
  SUBCASE("plain 3x3, bias") {
    Tensor x = leaf(Shape{2, 3, 6, 5}, g), w = leaf(Shape{4, 3, 3, 3}, g), b = leaf(Shape{4}, g);
    check([&] { return ops::conv2d(x, w, b, conv_params(1, 1, 0, 0, 0, 0, 1, 1, 1)); }, {x, w, b});
  }
  SUBCASE("stride 2, uneven padding, dilation (2, 1)") {
    Tensor x = leaf(Shape{2, 2, 7, 8}, g), w = leaf(Shape{3, 2, 3, 2}, g), b = leaf(Shape{3}, g);
    check([&] { return ops::conv2d(x, w, b, conv_params(2, 2, 1, 2, 2, 1, 2, 1, 1)); }, {x, w, b});
  }
  SUBCASE("groups 2, stride (1, 2), no bias") {
    Tensor x = leaf(Shape{2, 4, 6, 7}, g), w = leaf(Shape{6, 2, 3, 3}, g);
    check([&] { return ops::conv2d(x, w, Tensor(), conv_params(1, 2, 1, 1, 1, 1, 1, 1, 2)); }, {x, w});
  }
  SUBCASE("unbatched 3-D input") {
    Tensor x = leaf(Shape{2, 5, 5}, g), w = leaf(Shape{3, 2, 2, 2}, g), b = leaf(Shape{3}, g);
    check([&] { return ops::conv2d(x, w, b, conv_params(1, 1, 1, 1, 1, 1, 1, 1, 1)); }, {x, w, b});
  }
  SUBCASE("conv1d with stride, padding and dilation; groups; unbatched") {
    Tensor x = leaf(Shape{2, 3, 11}, g), w = leaf(Shape{4, 3, 3}, g), b = leaf(Shape{4}, g);
    check([&] { return ops::conv1d(x, w, b, conv_params(1, 2, 0, 1, 0, 1, 1, 2, 1)); }, {x, w, b});
    Tensor xg = leaf(Shape{2, 4, 9}, g), wg = leaf(Shape{6, 2, 2}, g);
    check([&] { return ops::conv1d(xg, wg, Tensor(), conv_params(1, 1, 0, 1, 0, 0, 1, 1, 2)); }, {xg, wg});
    Tensor xu = leaf(Shape{3, 8}, g);
    check([&] { return ops::conv1d(xu, w, b, conv_params(1, 1, 0, 1, 0, 1, 1, 1, 1)); }, {xu, w, b});
  }
}

// ---- normalization ------------------------------------------------------------------------

TEST_CASE("batch_norm: finite differences with batch statistics (train) and running ones (eval)") {
  Generator g(12);
  Tensor w = leaf(Shape{3}, g), b = leaf(Shape{3}, g);
  Tensor rm = randn(Shape{3}, g), rv = Tensor::full(Shape{3}, 1.5f);
  SUBCASE("BatchNorm2d train") {
    Tensor x = leaf(Shape{4, 3, 3, 2}, g);
    check([&] { return ops::batch_norm(x, {}, w, b, true, 0.1, 1e-5); }, {x, w, b});
  }
  SUBCASE("BatchNorm1d train, 2-D and 3-D, no affine") {
    Tensor x2 = leaf(Shape{6, 3}, g), x3 = leaf(Shape{3, 3, 4}, g);
    check([&] { return ops::batch_norm(x2, {}, w, b, true, 0.1, 1e-5); }, {x2, w, b});
    check([&] { return ops::batch_norm(x3, {}, Tensor(), Tensor(), true, 0.1, 1e-5); }, {x3});
  }
  SUBCASE("eval with running statistics, 4-D and 2-D") {
    Tensor x = leaf(Shape{4, 3, 2, 2}, g), x2 = leaf(Shape{5, 3}, g);
    ops::BatchNormState state{&rm, &rv, nullptr};
    check([&] { return ops::batch_norm(x, state, w, b, false, 0.1, 1e-5); }, {x, w, b});
    check([&] { return ops::batch_norm(x2, state, w, b, false, 0.1, 1e-5); }, {x2, w, b});
  }
  SUBCASE("BatchNorm1d train across more channels than a vector holds") {
    Tensor wide = leaf(Shape{6, 37}, g), ww = leaf(Shape{37}, g), bw = leaf(Shape{37}, g);
    check([&] { return ops::batch_norm(wide, {}, ww, bw, true, 0.1, 1e-5); }, {wide, ww, bw});
  }
}

TEST_CASE("layer_norm and group_norm: finite differences") {
  Generator g(13);
  SUBCASE("LayerNorm over the last two dims") {
    Tensor x = leaf(Shape{3, 4, 5}, g), w = leaf(Shape{4, 5}, g), b = leaf(Shape{4, 5}, g);
    check([&] { return ops::layer_norm(x, {4, 5}, w, b, 1e-5); }, {x, w, b});
    check([&] { return ops::layer_norm(x, {5}, Tensor(), Tensor(), 1e-5); }, {x});
  }
  SUBCASE("GroupNorm") {
    Tensor x = leaf(Shape{2, 6, 3, 2}, g), w = leaf(Shape{6}, g), b = leaf(Shape{6}, g);
    check([&] { return ops::group_norm(x, 3, w, b, 1e-5); }, {x, w, b});
    check([&] { return ops::group_norm(x, 2, Tensor(), Tensor(), 1e-5); }, {x});
  }
}

// ---- pooling ----------------------------------------------------------------------------------

namespace {


ops::PoolParams pool(int64_t k0, int64_t k1, int64_t s0, int64_t s1, int64_t p0, int64_t p1,
                     bool ceil_mode = false, bool count_include_pad = true) {
  ops::PoolParams p;
  p.kernel = {k0, k1};
  p.stride = {s0, s1};
  p.padding = {p0, p1};
  p.ceil_mode = ceil_mode;
  p.count_include_pad = count_include_pad;
  return p;
}

}  // namespace

TEST_CASE("pooling: finite differences") {
  Generator g(14);
  SUBCASE("max 2x2 stride 2 (the fast path) and 3x3 stride 2 padding 1 ceil_mode") {
    Tensor x = leaf_distinct(Shape{2, 2, 6, 6}, g);
    check([&] { return ops::max_pool2d(x, pool(2, 2, 2, 2, 0, 0)); }, {x}, 1e-3, 1.0 / 128);
    Tensor x2 = leaf_distinct(Shape{1, 3, 7, 6}, g);
    check([&] { return ops::max_pool2d(x2, pool(3, 3, 2, 2, 1, 1, true)); }, {x2}, 1e-3, 1.0 / 128);
  }
  SUBCASE("avg with padding, count_include_pad both ways, ceil_mode") {
    Tensor x = leaf(Shape{2, 2, 7, 5}, g);
    check([&] { return ops::avg_pool2d(x, pool(3, 2, 2, 1, 1, 1, true, true)); }, {x});
    check([&] { return ops::avg_pool2d(x, pool(3, 2, 2, 1, 1, 1, true, false)); }, {x});
    check([&] { return ops::avg_pool2d(x, pool(2, 2, 2, 2, 0, 0)); }, {x});
  }
  SUBCASE("adaptive avg, overlapping bins and global") {
    Tensor x = leaf(Shape{2, 3, 7, 5}, g);
    check([&] { return ops::adaptive_avg_pool2d(x, {3, 2}); }, {x});
    check([&] { return ops::adaptive_avg_pool2d(x, {1, 1}); }, {x});
  }
}

// ---- element-wise, softmax, dropout ------------------------------------------------------

TEST_CASE("every activation: finite differences (away from kinks)") {
  Generator g(15);
  // 37 elements: the vector loop and a scalar tail at any SIMD width.
  Tensor x = leaf_off_zero(Shape{37}, g);
  kernels::ActivationParams slope;
  slope.alpha = 0.1f;
  kernels::ActivationParams elu;
  elu.alpha = 1.3f;
  kernels::ActivationParams softplus;
  softplus.beta = 2.0f;
  softplus.threshold = 1.5f;  // some elements on each side of the threshold
  const std::vector<std::pair<Activation, kernels::ActivationParams>> cases = {
      {Activation::relu, {}}, {Activation::leaky_relu, slope}, {Activation::elu, elu},
      {Activation::selu, {}}, {Activation::gelu, {}}, {Activation::gelu_tanh, {}},
      {Activation::silu, {}}, {Activation::tanh, {}}, {Activation::sigmoid, {}},
      {Activation::softplus, {}}, {Activation::softplus, softplus}};
  for (const auto& c : cases) {
    // Copies, not structured bindings: C++17 lambdas (clang) cannot capture those.
    const Activation a = c.first;
    const kernels::ActivationParams p = c.second;
    CAPTURE(static_cast<int>(a));
    // softplus with threshold 1.5 and beta 2 kinks at 0.75: keep x away from it
    if (a == Activation::softplus && p.threshold < 2) {
      for (int64_t i = 0; i < x.numel(); ++i)
        if (std::fabs(x.data()[i] - 0.75f) < 0.1f) x.data()[i] += 0.2f;
    }
    check([&] { return ops::activation(x, a, p); }, {x});
  }
}

TEST_CASE("softmax and log_softmax: finite differences over each dim") {
  Generator g(16);
  Tensor x = leaf(Shape{3, 4, 5}, g);
  Tensor wide = leaf(Shape{2, 37}, g);  // the vector path along the last dim
  for (bool log : {false, true}) {
    for (int64_t dim : {0, 1, -1}) {
      CAPTURE(log);
      CAPTURE(dim);
      check([&] { return ops::softmax(x, dim, log); }, {x});
    }
    check([&] { return ops::softmax(wide, 1, log); }, {wide});
  }
}

TEST_CASE("dropout: a fixed mask gives its own gradient; eval passes it through") {
  Generator g(17);
  Tensor x = leaf(Shape{4, 9}, g);
  Generator mask_gen;
  check([&] {
    mask_gen.manual_seed(5);  // the same mask in every evaluation
    return ops::dropout(x, 0.3, true, mask_gen);
  }, {x});
  const Tensor y = ops::dropout(x, 0.3, false, mask_gen);
  CHECK(y.shares_storage_with(x));
}

TEST_CASE("binary ops with broadcasting and with scalars: finite differences") {
  Generator g(18);
  Tensor a = leaf(Shape{2, 3, 4}, g), b = leaf(Shape{3, 1}, g), c = leaf(Shape{2, 1, 4}, g);
  Tensor pos = leaf(Shape{3, 1}, g);
  for (int64_t i = 0; i < pos.numel(); ++i) pos.data()[i] = 1.0f + std::fabs(pos.data()[i]);
  for (BinaryOp op : {BinaryOp::add, BinaryOp::sub, BinaryOp::mul}) {
    CAPTURE(static_cast<int>(op));
    check([&] { return ops::binary(a, b, op); }, {a, b});
    check([&] { return ops::binary(b, c, op); }, {b, c});
    check([&] { return ops::binary(a, 1.5, op); }, {a});
    check([&] { return ops::binary(a, 1.5, op, true); }, {a});
  }
  check([&] { return ops::binary(a, pos, BinaryOp::div); }, {a, pos});
  check([&] { return ops::binary(pos, 2.5, BinaryOp::div, true); }, {pos});
  check([&] { return ops::binary(a, 2.5, BinaryOp::div); }, {a});
  // A one-element tensor operand (the forward's scalar shortcut) still gets its gradient.
  Tensor one = leaf(Shape{1}, g);
  check([&] { return ops::binary(a, one, BinaryOp::mul); }, {a, one});
}

TEST_CASE("matmul: 2-D, batched with broadcasting, and 1-D operands") {
  Generator g(19);
  Tensor a = leaf(Shape{3, 4}, g), b = leaf(Shape{4, 5}, g);
  check([&] { return ops::matmul(a, b); }, {a, b});
  Tensor ab = leaf(Shape{2, 1, 3, 4}, g), bb = leaf(Shape{3, 4, 2}, g);
  check([&] { return ops::matmul(ab, bb); }, {ab, bb});
  Tensor v = leaf(Shape{4}, g);
  check([&] { return ops::matmul(v, b); }, {v, b});
  check([&] { return ops::matmul(a, v); }, {a, v});
}

TEST_CASE("cat, flatten, view and reshape: finite differences") {
  Generator g(20);
  Tensor a = leaf(Shape{2, 3, 2}, g), b = leaf(Shape{2, 1, 2}, g), c = leaf(Shape{2, 4, 2}, g);
  check([&] { return ops::cat({a, b, c}, 1); }, {a, b, c});
  check([&] { return ops::cat({a, a}, -1); }, {a});
  check([&] { return ops::flatten(a, 1); }, {a});
  // The result's shape changes what r is multiplied with: a mul after the view checks order.
  Tensor w = randn(Shape{3, 4}, g);
  check([&] { return ops::binary(ops::view(a, Shape{3, 4}), w, BinaryOp::mul); }, {a});
  Tensor w2 = randn(Shape{2, 6}, g);
  check([&] { return ops::binary(ops::reshape(a, Shape{2, 6}), w2, BinaryOp::mul); }, {a});
}

// ---- losses ---------------------------------------------------------------------------------

namespace {

Tensor classes(std::initializer_list<float> values) {
  Tensor t = Tensor::from_vector(Shape{static_cast<int64_t>(values.size())}, std::vector<float>(values));
  t.set_dtype(DType::int64);
  return t;
}

}  // namespace

TEST_CASE("nll_loss, cross_entropy and mse_loss: finite differences and PyTorch's errors") {
  Generator g(22);
  Tensor x = leaf(Shape{4, 5}, g);
  const Tensor t = classes({1, 4, 0, 4});
  const Tensor with_ignored = classes({1, -100, 0, 3});
  using ops::Reduction;
  for (Reduction r : {Reduction::mean, Reduction::sum, Reduction::none}) {
    CAPTURE(static_cast<int>(r));
    check([&] { return ops::nll_loss(x, t, r); }, {x});
    check([&] { return ops::nll_loss(x, with_ignored, r); }, {x});
    check([&] { return ops::cross_entropy(x, t, r); }, {x});
  }
  Tensor v = leaf(Shape{5}, g);
  Tensor scalar_target = Tensor::full(Shape{}, 2.0f);
  scalar_target.set_dtype(DType::int64);
  check([&] { return ops::cross_entropy(v, scalar_target); }, {v});
  // nll_loss(mean) with one target per row: -mean of the picked log-probabilities.
  const Tensor loss = ops::nll_loss(x, t);
  CHECK(loss.dim() == 0);
  CHECK(loss.data()[0] == doctest::Approx(-(x.at({0, 1}) + x.at({1, 4}) + x.at({2, 0}) + x.at({3, 4})) / 4));
  Tensor y = leaf(Shape{4, 5}, g), col = leaf(Shape{4, 1}, g);
  for (Reduction r : {Reduction::mean, Reduction::sum, Reduction::none}) {
    check([&] { return ops::mse_loss(x, y, r); }, {x, y});
  }
  check([&] { return ops::mse_loss(x, col); }, {x, col});  // broadcast (PyTorch warns)
  CHECK_THROWS_WITH_AS(ops::nll_loss(x, classes({1, 5, 0, 0})), "Target 5 is out of bounds.", Error);
  CHECK_THROWS_WITH_AS(ops::nll_loss(x, classes({1, 2})),
                       "Expected input batch_size (4) to match target batch_size (2).", Error);
  CHECK_THROWS_WITH_AS(ops::nll_loss(x, Tensor(Shape{4})), "expected scalar type Long but found Float", Error);
}

// ---- optimizers (their updates against PyTorch: grad_fixture_test.cpp) ------------------------

TEST_CASE("optimizers: zero_grad both ways, one plain SGD step, PyTorch's argument errors") {
  Generator g(23);
  Tensor w = leaf(Shape{3}, g);
  const std::vector<float> w0 = w.to_vector();
  w.set_grad(Tensor::from_vector(Shape{3}, {1.0f, -2.0f, 0.5f}));
  optim::SGD sgd({w}, optim::SGDOptions{0.1});
  sgd.step();
  for (int64_t i = 0; i < 3; ++i) CHECK(w.data()[i] == doctest::Approx(w0[static_cast<std::size_t>(i)] - 0.1f * w.grad().data()[i]));
  const Tensor grad = w.grad();
  sgd.zero_grad();  // PyTorch 1.13's default: zeroed in place
  CHECK(w.grad().shares_storage_with(grad));
  CHECK(w.grad().to_vector() == std::vector<float>{0, 0, 0});
  sgd.zero_grad(true);
  CHECK_FALSE(w.grad().defined());
  sgd.step();  // no gradient: nothing moves
  optim::SGDOptions nesterov{0.1};
  nesterov.nesterov = true;
  CHECK_THROWS_WITH_AS(optim::SGD({w}, nesterov), "Nesterov momentum requires a momentum and zero dampening", Error);
  CHECK_THROWS_WITH_AS(optim::SGD({w}, optim::SGDOptions{-1}), "Invalid learning rate: -1.0", Error);
  optim::AdamOptions bad;
  bad.beta2 = 1.0;
  CHECK_THROWS_WITH_AS(optim::Adam({w}, bad), "Invalid beta parameter at index 1: 1.0", Error);
}

// ---- through modules ------------------------------------------------------------------------

TEST_CASE("a small CNN through modules: parameter gradients by finite differences") {
  Generator g(21);
  nn::ConvOptions co;
  co.in_channels = 2;
  co.out_channels = 3;
  co.kernel_size = 3;
  co.padding = 1;
  nn::PoolOptions po;
  po.kernel_size = 2;
  auto seq = std::make_shared<nn::Sequential>(std::vector<nn::ModulePtr>{
      std::make_shared<nn::Conv2d>(co, g), std::make_shared<nn::BatchNorm2d>(nn::BatchNormOptions{3}),
      nn::make_tanh(), std::make_shared<nn::AvgPool2d>(po), std::make_shared<nn::Flatten>(),
      std::make_shared<nn::Linear>(12, 4, true, g), std::make_shared<nn::SoftmaxModule>(true, 1)});
  Tensor x = leaf(Shape{3, 2, 4, 4}, g);
  std::vector<Tensor> leaves{x};
  for (auto& [name, p] : seq->named_parameters()) leaves.push_back(p);
  // Train mode updates running statistics on every call; they do not enter the output.
  check([&] { return (*seq)(x); }, leaves);
}

}  // TEST_SUITE
