// The InitTrace: which distribution each initializer drew (for the page's density overlays) and
// the init scale (the page's slider). Scale 1 must leave PyTorch's bits alone; any other scale
// must equal the same initializer with its std or bound multiplied, applied once.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>

#include "initlab/init.hpp"
#include "initlab/init_trace.hpp"
#include "initlab/nn/layers.hpp"
#include "initlab/session.hpp"
#include "support/fixtures.hpp"

using namespace initlab;

namespace {

uint64_t bits(const Tensor& t) { return fixtures::fnv1a(t.data(), static_cast<std::size_t>(t.numel()) * 4); }

Tensor drawn(double scale, Tensor& (*fill)(Tensor&)) {
  Tensor t(Shape{64, 32, 3, 3});
  default_generator().manual_seed(7);
  init::InitTrace trace(scale);
  fill(t);
  return t;
}

}  // namespace

TEST_CASE("a trace with scale 1 changes no bit of any initializer") {
  using F = Tensor& (*)(Tensor&);
  const F fills[] = {
      [](Tensor& t) -> Tensor& { return init::kaiming_uniform_(t); },
      [](Tensor& t) -> Tensor& { return init::kaiming_normal_(t, 0, "fan_out", "relu"); },
      [](Tensor& t) -> Tensor& { return init::xavier_uniform_(t, 2.0); },
      [](Tensor& t) -> Tensor& { return init::trunc_normal_(t, 0.1, 0.02); },
      [](Tensor& t) -> Tensor& { return init::lecun_normal_(t); },
      [](Tensor& t) -> Tensor& { return init::orthogonal_(t); },
  };
  for (F fill : fills) {
    Tensor plain(Shape{64, 32, 3, 3});
    default_generator().manual_seed(7);
    fill(plain);
    CHECK(bits(drawn(1.0, fill)) == bits(plain));
  }
}

TEST_CASE("scale multiplies the bound: kaiming_uniform_ at 2x is U(-2b, 2b) from the same stream") {
  const Tensor scaled = drawn(2.0, [](Tensor& t) -> Tensor& { return init::kaiming_uniform_(t); });
  const double b = std::sqrt(6.0 / (32 * 9));  // gain sqrt(2) (leaky_relu, a = 0), fan_in 288
  Tensor expected(Shape{64, 32, 3, 3});
  default_generator().manual_seed(7);
  init::uniform_(expected, -2 * b, 2 * b);
  CHECK(bits(scaled) == bits(expected));
}

TEST_CASE("a nested initializer is scaled once and recorded under the name called") {
  const Tensor once = drawn(1.0, [](Tensor& t) -> Tensor& { return init::lecun_normal_(t); });
  Tensor twice(Shape{64, 32, 3, 3});
  default_generator().manual_seed(7);
  init::InitTrace trace(2.0);
  init::lecun_normal_(twice);
  for (int64_t i = 0; i < once.numel(); ++i) REQUIRE(twice.data()[i] == 2 * once.data()[i]);
  const auto d = trace.find(twice);
  REQUIRE(d.has_value());
  CHECK(d->initializer == "lecun_normal_");
  CHECK(d->kind == "trunc_normal");
  const double std = 2 * std::sqrt(1.0 / 288) / .87962566103423978;
  CHECK(d->std == doctest::Approx(std).epsilon(1e-12));
  CHECK(d->lo == doctest::Approx(-2 * std).epsilon(1e-12));
  CHECK(d->scale == 2.0);
}

TEST_CASE("a layer's default initialization is traced: Linear's kaiming_uniform_(a=sqrt(5)) and bias") {
  init::InitTrace trace;
  nn::Linear linear(16, 4);
  const auto w = trace.find(linear.weight());
  const auto b = trace.find(linear.bias());
  REQUIRE(w.has_value());
  REQUIRE(b.has_value());
  CHECK(w->initializer == "kaiming_uniform_");
  CHECK(w->kind == "uniform");
  CHECK(w->hi == doctest::Approx(0.25).epsilon(1e-12));  // 1 / sqrt(fan_in)
  CHECK(w->lo == doctest::Approx(-0.25).epsilon(1e-12));
  CHECK(b->initializer == "uniform_");
  CHECK(b->hi == doctest::Approx(0.25).epsilon(1e-12));

  nn::BatchNormOptions bn_options;
  bn_options.num_features = 8;
  nn::BatchNorm2d bn(bn_options);  // reset_parameters: init.ones_(weight), init.zeros_(bias)
  REQUIRE(trace.find(*bn.parameter("weight")).has_value());
  CHECK(trace.find(*bn.parameter("weight"))->initializer == "ones_");
  REQUIRE(trace.find(*bn.parameter("bias")).has_value());
  CHECK(trace.find(*bn.parameter("bias"))->initializer == "zeros_");
}

TEST_CASE("values changed after initialization have no recorded distribution") {
  init::InitTrace trace;
  Tensor t(Shape{8, 8});
  init::normal_(t, 0, 0.5);
  REQUIRE(trace.find(t).has_value());
  CHECK(trace.find(t)->kind == "normal");
  t.data()[5] += 1.0f;
  CHECK_FALSE(trace.find(t).has_value());
  init::ones_(t);
  REQUIRE(trace.find(t).has_value());
  CHECK(trace.find(t)->kind == "constant");
  CHECK(trace.find(t)->value == 1.0);
  CHECK(trace.find(t)->initializer == "ones_");
  CHECK(trace.find(t.view(Shape{64})).has_value());  // a view of the same elements
}

TEST_CASE("run(): init_scale reaches the script's initializers and the report names them") {
  const std::string script =
      "import torch.nn as nn\n"
      "model = nn.Sequential(nn.Linear(100, 50), nn.Tanh(), nn.Linear(50, 10))\n"
      "nn.init.xavier_normal_(model[0].weight)\n"
      "model[2].weight.data.fill_(0.5)\n";
  RunOptions options;
  options.init_scale = 3.0;
  const Report r = run(script, options);
  REQUIRE(r.ok);
  REQUIRE(r.parameters.size() == 4);
  CHECK(r.parameters[0].name == "0.weight");
  REQUIRE(r.parameters[0].init.has_value());
  CHECK(r.parameters[0].init->initializer == "xavier_normal_");
  CHECK(r.parameters[0].init->std == doctest::Approx(3 * std::sqrt(2.0 / 150)).epsilon(1e-12));
  CHECK(r.parameters[0].stats.std == doctest::Approx(3 * std::sqrt(2.0 / 150)).epsilon(0.05));
  REQUIRE(r.parameters[1].init.has_value());
  CHECK(r.parameters[1].init->initializer == "uniform_");  // the default bias, scaled too
  CHECK(r.parameters[1].init->hi == doctest::Approx(0.3).epsilon(1e-12));
  CHECK_FALSE(r.parameters[2].init.has_value());  // set by hand

  options.init_scale = -1;
  const Report bad = run(script, options);
  REQUIRE_FALSE(bad.ok);
  CHECK(bad.error->message == "the init_scale option must be a finite number >= 0, not -1.0");
}
