// Fused Linear/Conv + eval BatchNorm + ReLU chains give what the modules give one by one.
#include <doctest/doctest.h>

#include <cmath>

#include "initlab/autograd.hpp"
#include "initlab/generator.hpp"
#include "initlab/nn/fusion.hpp"
#include "initlab/nn/layers.hpp"
#include "initlab/probe.hpp"
#include "initlab/sampling.hpp"

using namespace initlab;
using namespace initlab::nn;

namespace {

// Gives a BatchNorm non-trivial running statistics and affine parameters.
void randomize_batch_norm(Module& bn, Generator& g) {
  normal_(*bn.buffer("running_mean"), 0, 0.5, g);
  normal_(*bn.parameter("bias"), 0, 0.5, g);
  uniform_(*bn.buffer("running_var"), 0.5, 2.0, g);
  uniform_(*bn.parameter("weight"), 0.5, 1.5, g);
}

Tensor step_by_step(Sequential& seq, const Tensor& x) {
  Tensor y = x;
  for (std::size_t i = 0; i < seq.size(); ++i) y = seq[i](y);
  return y;
}

void check_close(const Tensor& a, const Tensor& b) {
  const auto va = a.to_vector(), vb = b.to_vector();
  REQUIRE(va.size() == vb.size());
  for (std::size_t i = 0; i < va.size(); ++i) {
    CHECK(std::fabs(static_cast<double>(va[i]) - static_cast<double>(vb[i])) <=
          1e-6 + 1e-5 * std::fabs(static_cast<double>(vb[i])));
  }
}

ConvOptions conv_options(int64_t in, int64_t out) {
  ConvOptions o;
  o.in_channels = in;
  o.out_channels = out;
  o.kernel_size = 3;
  o.padding = 1;
  return o;
}

}  // namespace

TEST_SUITE("fusion") {

TEST_CASE("Conv2d + eval BatchNorm2d + ReLU runs fused and matches the modules") {
  autograd::NoGrad no_grad;  // inference: parameters require grad, grad mode would record
  Generator g(3);
  Sequential seq({std::make_shared<Conv2d>(conv_options(3, 6), g),
                  std::make_shared<BatchNorm2d>(BatchNormOptions{6}), make_relu()});
  randomize_batch_norm(seq[1], g);
  seq.eval();
  Tensor x(Shape{2, 3, 9, 9});
  normal_(x, 0, 1, g);
  const int64_t before = fused_chains_run();
  const Tensor fused = seq(x);
  CHECK(fused_chains_run() == before + 1);
  check_close(fused, step_by_step(seq, x));
}

TEST_CASE("Linear + eval BatchNorm1d + ReLU, and Linear + ReLU, run fused") {
  autograd::NoGrad no_grad;
  Generator g(4);
  Sequential seq({std::make_shared<Linear>(7, 5, true, g),
                  std::make_shared<BatchNorm1d>(BatchNormOptions{5}), make_relu(),
                  std::make_shared<Linear>(5, 4, true, g), make_relu()});
  randomize_batch_norm(seq[1], g);
  seq.eval();
  Tensor x(Shape{6, 7});
  normal_(x, 0, 1, g);
  const int64_t before = fused_chains_run();
  const Tensor fused = seq(x);
  CHECK(fused_chains_run() == before + 2);
  check_close(fused, step_by_step(seq, x));
}

TEST_CASE("no fusion in training mode or while the probe listens") {
  Generator g(5);
  Sequential seq({std::make_shared<Conv2d>(conv_options(2, 4), g),
                  std::make_shared<BatchNorm2d>(BatchNormOptions{4}), make_relu()});
  Tensor x(Shape{3, 2, 5, 5});
  normal_(x, 0, 1, g);
  // Training: BatchNorm uses batch statistics; the ReLU alone must not fuse around it.
  seq.train();
  int64_t before = fused_chains_run();
  seq(x);
  CHECK(fused_chains_run() == before + 0);
  seq.eval();
  probe::Probe p(seq);
  before = fused_chains_run();
  {
    ObserveForward observe(&p);
    seq(x);
  }
  CHECK(fused_chains_run() == before);
  CHECK(p.records().size() == 4);  // conv, bn, relu, and the Sequential
}

TEST_CASE("no fusion while autograd records: the unfused ops are recorded instead") {
  Generator g(6);
  Sequential seq({std::make_shared<Conv2d>(conv_options(2, 4), g),
                  std::make_shared<BatchNorm2d>(BatchNormOptions{4}), make_relu()});
  randomize_batch_norm(seq[1], g);
  seq.eval();
  Tensor x(Shape{3, 2, 5, 5});
  normal_(x, 0, 1, g);
  Tensor inference;
  {
    autograd::NoGrad no_grad;
    inference = seq(x);
  }
  const int64_t before = fused_chains_run();
  const Tensor recorded = seq(x);  // grad mode on, the parameters require grad
  CHECK(fused_chains_run() == before);
  CHECK(recorded.requires_grad());
  CHECK(recorded.has_grad_fn());
  CHECK_FALSE(inference.requires_grad());
  check_close(recorded, inference);
}

}  // TEST_SUITE
