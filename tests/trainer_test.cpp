// The Trainer (core/include/initlab/trainer.hpp): its protocol against PyTorch's
// (tests/fixtures/make_train_fixtures.py trains the same example models the same way), what the
// initialization does to training (all-zero stays at chance), its choice of data and loss, its
// errors, and that it leaves nothing behind.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "initlab/session.hpp"
#include "initlab/tensor.hpp"
#include "initlab/trainer.hpp"
#include "support/train_fixtures.hpp"
#include "support/trainer_parity.hpp"

using fixtures::example;
using fixtures::options_of;
using fixtures::relative;

namespace {

// The tutorial CNN with every conv and linear weight and bias set to `value`.
std::string tutorial_with_constant_weights(const std::string& value) {
  std::string s = example("tutorial_cnn.py");
  for (std::string::size_type at; (at = s.find("nn.init.kaiming_uniform_(m.weight)")) != std::string::npos;) {
    s.replace(at, std::string("nn.init.kaiming_uniform_(m.weight)").size(), "nn.init.constant_(m.weight, " + value + ")");
  }
  return s;
}

}  // namespace

TEST_CASE("the Trainer's losses and test accuracy are PyTorch's for the same protocol") {
  const auto& runs = fixtures::train_fixtures().trainer_runs;
  REQUIRE(runs.size() >= 2);
  for (const fixtures::TrainerRun& r : runs) {
    INFO(r.example);
    initlab::Trainer trainer(example(r.example), options_of(r));
    REQUIRE_MESSAGE(trainer.setup().ok, (trainer.setup().error ? trainer.setup().error->formatted : ""));
    CHECK(trainer.setup().test_accuracy == doctest::Approx(r.setup.at("test_accuracy")).epsilon(1e-9));
    CHECK(relative(trainer.setup().test_loss, r.setup.at("test_loss")) <= 1e-5);
    // In two chunks of unequal length: the data order must run on across chunks.
    const initlab::TrainChunk last = fixtures::train_and_compare(trainer, r, {7, 13});
    CHECK(last.step == 20);
    CHECK(relative(last.test_loss, r.after.at("test_loss")) <= 1e-4);
    // One of 360 predictions may flip on a near tie after 20 steps of rounding differences.
    CHECK(std::abs(last.test_accuracy - r.after.at("test_accuracy")) <= 1.0 / 360 + 1e-12);
    // It learned (a run whose loss never moved would pass the comparison trivially).
    CHECK(r.losses.back() < 0.5 * r.losses.front());
  }
}

TEST_CASE("the tutorial CNN learns the digits from Kaiming init while all-zero weights stay at chance") {
  initlab::TrainOptions o;
  o.seed = 1;
  initlab::Trainer kaiming(example("tutorial_cnn.py"), o);
  initlab::Trainer zeros(tutorial_with_constant_weights("0"), o);
  REQUIRE(kaiming.setup().ok);
  REQUIRE(zeros.setup().ok);
  CHECK(kaiming.setup().dataset == "digits 28x28");
  CHECK(kaiming.setup().loss == "nll");
  CHECK(kaiming.setup().input_shape == std::vector<int64_t>{64, 1, 28, 28});
  initlab::TrainChunk k, z;
  for (int chunk = 0; chunk < 4; ++chunk) {
    k = kaiming.step(25);
    z = zeros.step(25);
  }
  MESSAGE("after 100 steps: Kaiming test accuracy " << k.test_accuracy << ", all-zero " << z.test_accuracy);
  CHECK(k.test_accuracy > 0.85);
  // Zero weights give every unit the same zero output and zero gradient: only the last bias
  // learns (the class frequencies), so the accuracy is that of one class, ~1/10.
  CHECK(z.test_accuracy < 0.15);
  CHECK(z.losses.back() > 2.0);
  // The probe sees why: no gradient reaches conv1's output, every activation is 0.
  REQUIRE(!z.layers.empty());
  CHECK(z.layers.front().path == "conv1");
  CHECK(z.layers.front().grad_norm == 0);
  CHECK(z.layers.front().zeros == 1.0);
  CHECK(k.layers.front().grad_norm > 0);
  CHECK(z.probed_step == 75);
  for (const auto& p : z.parameters) {
    if (p.name == "conv1.weight") CHECK(p.norm == 0);
  }
}

TEST_CASE("the Trainer picks the data set and the loss from the model") {
  const std::string head = "import torch\nimport torch.nn as nn\ntorch.manual_seed(0)\n";
  struct Case {
    std::string model, dataset, loss;
    std::vector<int64_t> shape;
  };
  const std::vector<Case> cases = {
      {"nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 2))", "two spirals", "cross_entropy", {64, 2}},
      {"nn.Sequential(nn.Linear(20, 10), nn.LogSoftmax(dim=1))", "blobs (20-d, 10 classes)", "nll", {64, 20}},
      {"nn.Sequential(nn.Linear(64, 10))", "digits 8x8 flattened", "cross_entropy", {64, 64}},
      {"nn.Sequential(nn.Linear(784, 10))", "digits 28x28 flattened", "cross_entropy", {64, 784}},
  };
  for (const Case& c : cases) {
    INFO(c.model);
    initlab::Trainer t(head + "model = " + c.model + "\n", {});
    REQUIRE_MESSAGE(t.setup().ok, (t.setup().error ? t.setup().error->formatted : ""));
    CHECK(t.setup().dataset == c.dataset);
    CHECK(t.setup().loss == c.loss);
    CHECK(t.setup().input_shape == c.shape);
    const auto chunk = t.step(30);
    REQUIRE(!chunk.error);
    CHECK(chunk.losses.size() == 30);
    CHECK(std::isfinite(chunk.test_loss));
  }
}

TEST_CASE("Trainer errors say what is wrong, where, and what to do") {
  const std::string head = "import torch\nimport torch.nn as nn\n";
  struct Case {
    std::string source;
    initlab::TrainOptions options;
    std::string kind, contains;
    int line;
  };
  initlab::TrainOptions bad_lr;
  bad_lr.lr = 0;
  initlab::TrainOptions spirals;
  spirals.dataset = "spirals";
  initlab::TrainOptions big_batch;
  big_batch.batch = 5000;
  const std::vector<Case> cases = {
      {head + "x = 1\n", {}, "ValueError", "makes no nn.Module to train", 0},
      {head + "model = nn.Sequential(nn.Conv2d(3, 8, 3))\n", {}, "ValueError", "make its first layer nn.Conv2d(1, ...)", 0},
      {head + "model = nn.Sequential(nn.Linear(64, 5))\n", {}, "ValueError", "make its last layer output 10 values", 0},
      {head + "model = nn.Sequential(nn.Linear(64, 10))\n", spirals, "ValueError", "make it nn.Linear(2, ...)", 0},
      {head + "model = nn.Sequential(nn.Linear(64, 10))\n", bad_lr, "ValueError", "learning rate must be", 0},
      {head + "model = nn.Sequential(nn.Linear(64, 10))\n", big_batch, "ValueError", "choose at most 1437", 0},
      {head + "model = nn.Sequential(nn.Linear(64, 10)\n", {}, "SyntaxError", "", 3},
  };
  for (const Case& c : cases) {
    INFO(c.source);
    initlab::Trainer t(c.source, c.options);
    REQUIRE(!t.setup().ok);
    REQUIRE(t.setup().error);
    CHECK(t.setup().error->kind == c.kind);
    CHECK_MESSAGE(t.setup().error->message.find(c.contains) != std::string::npos, t.setup().error->message);
    if (c.line) CHECK(t.setup().error->line == c.line);
    // A failed setup trains nothing and keeps saying why.
    const auto chunk = t.step(5);
    REQUIRE(chunk.error);
    CHECK(chunk.error->kind == c.kind);
    CHECK(chunk.losses.empty());
  }
}

TEST_CASE("an error in forward() while training names the step and the line, and ends the Trainer") {
  const std::string source =
      "import torch\nimport torch.nn as nn\n"
      "class Net(nn.Module):\n"
      "    def __init__(self):\n"
      "        super().__init__()\n"
      "        self.fc = nn.Linear(64, 10)\n"
      "        self.calls = 0\n"
      "    def forward(self, x):\n"
      "        self.calls += 1\n"
      "        if self.calls > 5:\n"
      "            raise ValueError('tired')\n"
      "        return self.fc(x)\n"
      "model = Net()\n";
  initlab::Trainer t(source, {});
  REQUIRE_MESSAGE(t.setup().ok, (t.setup().error ? t.setup().error->formatted : ""));
  // setup's loss check and evaluation called forward twice: steps 1-3 run, step 4 fails.
  const auto chunk = t.step(10);
  REQUIRE(chunk.error);
  CHECK(chunk.error->kind == "ValueError");
  CHECK(chunk.error->line == 11);
  CHECK(chunk.error->context == "while training step 4 on digits 8x8 flattened");
  CHECK(chunk.losses.size() == 3);
  CHECK(t.steps_done() == 3);
  CHECK(t.step(1).error);
}

TEST_CASE("a Trainer's chunks do not depend on what runs between them, and it frees its memory") {
  const int64_t before = initlab::TensorMemory::live_bytes();
  const std::string source =
      "import torch\nimport torch.nn as nn\ntorch.manual_seed(0)\n"
      "model = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Dropout(0.5), nn.Linear(32, 10))\n";
  std::vector<double> straight, interrupted;
  {
    initlab::Trainer a(source, {});
    for (int i = 0; i < 3; ++i) {
      const auto c = a.step(4);
      straight.insert(straight.end(), c.losses.begin(), c.losses.end());
    }
  }
  {
    initlab::Trainer b(source, {});
    initlab::Trainer other(source, {});
    for (int i = 0; i < 3; ++i) {
      const auto c = b.step(4);
      interrupted.insert(interrupted.end(), c.losses.begin(), c.losses.end());
      // A run and another Trainer draw from the global generator in between (dropout in b
      // draws from it too).
      initlab::RunOptions r;
      r.seed = 99;
      initlab::run("import torch\nx = torch.randn(100)\n", r);
      other.step(2);
    }
  }
  CHECK(straight == interrupted);
  CHECK(initlab::TensorMemory::live_bytes() == before);
}

TEST_CASE("update:data and grad:data ratios per weight and step are PyTorch's (SGD with momentum, Adam)") {
  const auto& runs = fixtures::train_fixtures().trainer_runs;
  for (const fixtures::TrainerRun& r : runs) {
    INFO(r.example);
    REQUIRE(!r.ratios.empty());
    initlab::Trainer trainer(example(r.example), options_of(r));
    REQUIRE(trainer.setup().ok);
    const initlab::TrainChunk c = trainer.step(5);
    double worst = 0;
    for (const auto& want : r.ratios) {
      INFO(want.name << " step " << want.step);
      const auto w = std::find_if(c.weights.begin(), c.weights.end(), [&](const initlab::TrainWeight& x) { return x.name == want.name; });
      REQUIRE(w != c.weights.end());
      REQUIRE(w->update.size() == 5);
      REQUIRE(w->grad.size() == 5);
      const auto k = static_cast<size_t>(want.step);
      worst = std::max({worst, std::abs(w->update[k] - want.update), std::abs(w->grad[k] - want.grad)});
      // The weights follow PyTorch's within float rounding of the reductions (the losses agree
      // to ~1e-7 in these first steps): 3e-6 in log10 is 7e-6 relative (largest seen 3e-7).
      CHECK(std::abs(w->update[k] - want.update) < 3e-6);
      CHECK(std::abs(w->grad[k] - want.grad) < 3e-6);
    }
    MESSAGE(r.example << ": largest |log10 ratio - PyTorch's| over 5 steps " << worst);
    // Only the weights: biases are left out.
    CHECK(c.weights.size() * 5 == r.ratios.size());
  }
}

TEST_CASE("plain SGD's update ratio is lr * std(grad) / std(W), up to the rounding of W + dW") {
  initlab::TrainOptions o;
  o.momentum = 0;
  o.lr = 0.05;
  initlab::Trainer trainer(example("digits_tanh_mlp.py"), o);
  REQUIRE(trainer.setup().ok);
  const initlab::TrainChunk c = trainer.step(3);
  REQUIRE(!c.weights.empty());
  for (const auto& w : c.weights) {
    for (size_t k = 0; k < 3; ++k) {
      INFO(w.name << " step " << k);
      // dW = fl(W - lr g) - W differs from -lr g by at most half an ulp of W per element
      // (|W| < 1: 3e-8); against lr * std(g) ~ 1e-4 that is under 1e-3 relative, 4e-4 in log10.
      CHECK(std::abs(w.update[k] - (std::log10(o.lr) + w.grad[k])) < 5e-4);
    }
  }
}
