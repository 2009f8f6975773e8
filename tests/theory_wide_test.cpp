// Wide random networks against the mean-field prediction built from the drawn weights: a
// 20-layer width-1024 MLP probed on an N(0, 1) batch must follow the predicted std within 3%
// over its first 5 layers and within 15% everywhere (finite width compounds with depth).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <vector>

#include "initlab/generator.hpp"
#include "initlab/init.hpp"
#include "initlab/nn/layers.hpp"
#include "initlab/probe.hpp"
#include "initlab/session.hpp"
#include "initlab/theory_report.hpp"

using namespace initlab;

namespace {

struct WideRun {
  theory::RunTheory theory;
  std::vector<probe::LayerRecord> layers;
};

// Linear(1024, 1024) with N(0, w2 / 1024) weights and N(0, b2) biases, then the activation,
// 20 times; the batch of 256 is N(0, input_std^2).
WideRun wide_mlp(bool relu, double w2, double b2, double input_std = 1.0) {
  const int64_t width = 1024, depth = 20;
  Generator gen(11);
  auto net = std::make_shared<nn::Sequential>();
  for (int64_t l = 0; l < depth; ++l) {
    auto lin = std::make_shared<nn::Linear>(width, width, true, gen);
    init::normal_(lin->weight(), 0.0, std::sqrt(w2 / static_cast<double>(width)), gen);
    init::normal_(lin->bias(), 0.0, std::sqrt(b2), gen);
    net->append(lin);
    net->append(relu ? nn::make_relu() : nn::make_tanh());
  }
  Tensor x = Tensor::zeros(Shape{256, width});
  init::normal_(x, 0.0, input_std, gen);
  probe::Probe p;
  {
    nn::ObserveForward observe(&p);
    (*net)(x);
  }
  WideRun run;
  run.layers = p.take_records();
  run.theory = theory::describe_run(*net, run.layers, p.root_input_stats());
  return run;
}

}  // namespace

TEST_SUITE("theory") {

TEST_CASE("20-layer width-1024 tanh and ReLU MLPs follow the predicted std") {
  struct Case {
    bool relu;
    double w2, b2;
  };
  const Case cases[] = {{false, 0.7, 0.0}, {false, 1.0, 0.0}, {false, 1.5, 0.05}, {false, 3.0, 0.0},
                        {true, 1.5, 0.0},  {true, 2.0, 0.0},  {true, 2.5, 0.01},  {true, 2.0, 0.1}};
  for (const Case& c : cases) {
    const WideRun run = wide_mlp(c.relu, c.w2, c.b2);
    REQUIRE(run.theory.layers.size() == 40);  // the leaves; the Sequential is a container
    double worst5 = 0, worst = 0;
    for (size_t i = 0; i < run.theory.layers.size(); ++i) {
      const theory::LayerTheory& lt = run.theory.layers[i];
      CAPTURE(i);
      REQUIRE(lt.covered);
      const double err = std::fabs(lt.ratio - 1.0);
      if (i < 10) worst5 = std::max(worst5, err);
      worst = std::max(worst, err);
    }
    CAPTURE(c.relu);
    CAPTURE(c.w2);
    CAPTURE(c.b2);
    std::printf("wide MLP %s sigma_w^2 = %.2f sigma_b^2 = %.2f: worst |measured/predicted - 1| "
                "first 5 layers %.4f, all 20 %.4f\n",
                c.relu ? "relu" : "tanh", c.w2, c.b2, worst5, worst);
    CHECK(worst5 < 0.03);
    CHECK(worst < 0.15);
    CHECK(!run.theory.disagrees);
    // sigma_w^2 read from the drawn weights is the target's within sampling error.
    CHECK(run.theory.layers[0].sigma_w2 == doctest::Approx(c.w2).epsilon(0.01));
  }
}

TEST_CASE("a run's report: max pooling stops and restarts, a residual sum, BatchNorm, dropout") {
  const char* source = R"(
import torch
import torch.nn as nn

class Block(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.fc = nn.Linear(n, n)
        self.act = nn.Tanh()

    def forward(self, x):
        return x + self.act(self.fc(x))

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 64, 3)
        self.bn = nn.BatchNorm2d(64)
        self.relu = nn.ReLU()
        self.pool = nn.MaxPool2d(2)
        self.flat = nn.Flatten()
        self.fc = nn.Linear(64 * 13 * 13, 256)
        self.drop = nn.Dropout(0.5)
        self.block = Block(256)
        self.out = nn.Linear(256, 10)

    def forward(self, x):
        x = self.pool(self.relu(self.bn(self.conv(x))))
        return self.out(self.block(self.drop(self.fc(self.flat(x)))))

model = Net()
model.train()
)";
  RunOptions o;
  o.batch = 32;
  o.input_shape = {32, 3, 28, 28};
  const Report r = run(source, o);
  REQUIRE(r.ok);
  const auto& t = r.theory.layers;
  auto find = [&](const std::string& path, const std::string& type) -> const theory::LayerTheory& {
    for (const auto& l : t)
      if (l.path == path && l.type == type) return l;
    FAIL("no theory row for " << path << " " << type);
    return t.front();
  };
  CHECK(find("conv", "Conv2d").covered);
  // Train-mode BatchNorm: each channel comes out with std ~ gamma = 1.
  CHECK(find("bn", "BatchNorm2d").predicted_std == doctest::Approx(1.0).epsilon(0.01));
  CHECK(find("bn", "BatchNorm2d").ratio == doctest::Approx(1.0).epsilon(0.01));
  const auto& pool = find("pool", "MaxPool2d");
  CHECK(!pool.covered);
  CHECK(pool.stop_label.find("maximum of correlated values") != std::string::npos);
  CHECK(std::isnan(pool.predicted_std));
  // Flatten restarts from the pool's measurement: the same values, so the same std.
  CHECK(find("flat", "Flatten").predicted_std == doctest::Approx(pool.measured_std).epsilon(1e-6));
  CHECK(find("drop", "Dropout").covered);
  const auto& add = find("", "add");
  CHECK(add.covered);
  CHECK(add.ratio == doctest::Approx(1.0).epsilon(0.1));
  // The residual's variance is the sum of its branches'.
  const auto& drop = find("drop", "Dropout");
  const auto& tanh = find("block.act", "Tanh");
  CHECK(add.predicted_std * add.predicted_std ==
        doctest::Approx(drop.predicted_std * drop.predicted_std + tanh.predicted_std * tanh.predicted_std +
                        0.0).epsilon(0.05));
  CHECK(std::isfinite(find("out", "Linear").chi1));
  CHECK(r.theory.affine_layers == 4);
}

}  // TEST_SUITE
