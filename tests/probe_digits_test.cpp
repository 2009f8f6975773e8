// A run on the digits (RunOptions input "digits"): the gradient probe's loss uses the images'
// real labels, and its loss and every parameter's gradient norm are PyTorch's
// (tests/fixtures/make_train_fixtures.py, "probe" sections).
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "initlab/session.hpp"
#include "support/fixtures.hpp"
#include "support/train_fixtures.hpp"

TEST_CASE("gradients on real digits with their real labels are PyTorch's") {
  const auto& probes = fixtures::train_fixtures().probes;
  REQUIRE(probes.size() >= 2);
  for (const fixtures::DigitsProbe& p : probes) {
    INFO(p.example);
    initlab::RunOptions o;
    o.input = "digits";
    o.own_input = true;
    o.batch = p.batch;
    o.grad_loss = p.loss_name;
    const auto r = initlab::run(fixtures::read_file(std::string(INITLAB_EXAMPLES_DIR) + "/" + p.example), o);
    REQUIRE_MESSAGE(r.ok, (r.error ? r.error->formatted : ""));
    REQUIRE(r.loss);
    CHECK(std::abs(*r.loss - p.loss) <= 1e-5 * std::abs(p.loss));
    REQUIRE(r.parameters.size() == p.grad_norms.size());
    // As for whole-network gradients (grad_fixture_test): within 1e-4 of the largest, since a
    // bias before BatchNorm has a gradient that is 0 up to rounding (PyTorch's ~1e-8, ours too).
    double largest = 0;
    for (const auto& [name, v] : p.grad_norms) largest = std::max(largest, v);
    for (const auto& param : r.parameters) {
      INFO(param.name);
      REQUIRE(param.grad);
      CHECK(std::abs(initlab::probe::l2_norm(*param.grad) - p.grad_norms.at(param.name)) <= 1e-4 * largest);
    }
    // The labels are real: random labels (the input "normal") give another loss.
    o.input = "normal";
    const auto random = initlab::run(fixtures::read_file(std::string(INITLAB_EXAMPLES_DIR) + "/" + p.example), o);
    REQUIRE(random.loss);
    CHECK(std::abs(*random.loss - p.loss) > 1e-3);
  }
}

TEST_CASE("the digits input refuses a model it cannot feed, saying what to change") {
  initlab::RunOptions o;
  o.input = "digits";
  const auto r = initlab::run("import torch.nn as nn\nmodel = nn.Sequential(nn.Linear(10, 2))\n", o);
  REQUIRE(!r.ok);
  CHECK(r.error->kind == "ValueError");
  CHECK(r.error->message.find("make its first layer nn.Conv2d(1, ...), nn.Linear(64, ...) or nn.Linear(784, ...)") != std::string::npos);
  o.batch = 5000;
  const auto big = initlab::run("import torch.nn as nn\nmodel = nn.Sequential(nn.Linear(64, 2))\n", o);
  REQUIRE(!big.ok);
  CHECK(big.error->message.find("choose a batch from 1 to 1437") != std::string::npos);
}
