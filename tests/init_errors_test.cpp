// Errors and warnings worded as PyTorch words them: every `raises`/`warns` line of the
// fixtures is PyTorch's own exception class and message for that call.
#include <doctest/doctest.h>

#include "initlab/error.hpp"
#include "initlab/generator.hpp"
#include "initlab/init.hpp"
#include "initlab/init_registry.hpp"
#include "initlab/warnings.hpp"
#include "support/fixtures.hpp"
#include "support/raised.hpp"

namespace {

// Runs a fixture call; returns "Kind: message" of the error it raises, or "" if none.
std::string run(const fixtures::Call& call) {
  return testing_support::raised([&] {
    if (call.fn == "calculate_gain") {
      std::string nonlinearity;
      initlab::init::Arg param;
      for (const auto& kw : call.kwargs) {
        if (kw.name == "nonlinearity") nonlinearity = std::get<std::string>(kw.value);
        if (kw.name == "param") param = kw.value;
      }
      initlab::init::calculate_gain(nonlinearity, param);
    } else {
      initlab::Tensor t(call.shape);
      initlab::Generator gen(0);
      initlab::init::call_initializer(call.fn, t, {}, call.kwargs, gen);
    }
  });
}

}  // namespace

TEST_SUITE("init errors") {

TEST_CASE("every PyTorch error and warning of the fixtures is reproduced word for word") {
  const auto& raises = fixtures::init_fixtures().raises;
  REQUIRE(raises.size() >= 20);
  for (const auto& r : raises) {
    CAPTURE(r.call.line);
    initlab::WarningCapture warnings;
    const std::string error = run(r.call);
    if (r.is_warning) {
      CHECK(error.empty());
      REQUIRE(warnings.messages().size() == 1);
      CHECK(warnings.messages()[0] == r.message);
    } else {
      CHECK(error == r.kind + ": " + r.message);
    }
  }
}

TEST_CASE("calculate_gain matches PyTorch for every nonlinearity") {
  const auto& gains = fixtures::init_fixtures().gains;
  REQUIRE(gains.size() >= 15);
  for (const auto& g : gains) {
    CAPTURE(g.nonlinearity);
    CHECK(initlab::init::calculate_gain(g.nonlinearity, g.param) == g.expected);
  }
}

TEST_CASE("fans match PyTorch, receptive field included") {
  for (const auto& f : fixtures::init_fixtures().fans) {
    const auto fans = initlab::init::calculate_fan_in_and_fan_out(initlab::Tensor(f.shape));
    CHECK(fans.fan_in == f.fan_in);
    CHECK(fans.fan_out == f.fan_out);
  }
}

TEST_CASE("warnings go only to the innermost capture, and nowhere without one") {
  initlab::Tensor empty(initlab::Shape{0, 3});
  initlab::init::kaiming_uniform_(empty);  // no capture: dropped, no crash
  initlab::WarningCapture outer;
  {
    initlab::WarningCapture inner;
    initlab::init::kaiming_normal_(empty);
    CHECK(inner.messages().size() == 1);
  }
  CHECK(outer.messages().empty());
}

TEST_CASE("a failed call leaves the generator usable and the next call correct") {
  initlab::Generator g(0), h(0);
  initlab::Tensor bad(initlab::Shape{5});
  CHECK_THROWS_AS(initlab::init::xavier_uniform_(bad, 1.0, g), initlab::Error);
  initlab::Tensor a(initlab::Shape{4, 4}), b(initlab::Shape{4, 4});
  initlab::init::xavier_uniform_(a, 1.0, g);
  initlab::init::xavier_uniform_(b, 1.0, h);
  CHECK(a.to_vector() == b.to_vector());
}

}  // TEST_SUITE
