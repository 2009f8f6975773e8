// Script subclasses of built-in layers (core/src/script/native_subclass.hpp) as the probe,
// the theory, LSUV and reinit see them: a layer with the subclass's name as its type, the
// layer's rules where the class keeps the layer's forward, a stop where it runs its own.
// What they compute against PyTorch is in the script cases 830-836.
#include <doctest/doctest.h>

#include <string>

#include "initlab/session.hpp"

namespace {

const char* kModel = R"(
import torch
import torch.nn as nn
import torch.nn.functional as F

class MyLinear(nn.Linear):
    def reset_parameters(self):
        nn.init.kaiming_normal_(self.weight, nonlinearity="relu")
        nn.init.zeros_(self.bias)

class MyReLU(nn.ReLU):
    pass

class PadConv(nn.Conv2d):
    def forward(self, x):
        return F.conv2d(F.pad(x, [1, 1, 1, 1]), self.weight, self.bias)

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = PadConv(1, 4, 3)
        self.act = MyReLU()
        self.fc1 = MyLinear(64, 32)
        self.act2 = MyReLU()
        self.fc2 = nn.Linear(32, 10)
    def forward(self, x):
        x = self.act(self.conv(x)).flatten(1)
        return self.fc2(self.act2(self.fc1(x)))

torch.manual_seed(0)
model = Net()
x = torch.randn(16, 1, 4, 4)
y = model(x)
)";

const initlab::probe::LayerRecord* record(const initlab::Report& r, const std::string& path) {
  for (const auto& l : r.layers)
    if (l.path == path && !l.is_op) return &l;
  return nullptr;
}

const initlab::theory::LayerTheory* theory_of(const initlab::Report& r, const std::string& path) {
  for (const auto& l : r.theory.layers)
    if (l.path == path) return &l;
  return nullptr;
}

}  // namespace

TEST_SUITE("native subclass") {

TEST_CASE("the probe records a subclass of a built-in layer under its own name, with the layer's rules") {
  const initlab::Report r = initlab::run(kModel, initlab::RunOptions{});
  REQUIRE_MESSAGE(r.ok, (r.error ? r.error->formatted : ""));
  const auto* conv = record(r, "conv");
  const auto* act = record(r, "act");
  const auto* fc1 = record(r, "fc1");
  REQUIRE(conv);
  REQUIRE(act);
  REQUIRE(fc1);
  CHECK(conv->type == "PadConv");
  CHECK(act->type == "MyReLU");
  CHECK(fc1->type == "MyLinear");
  CHECK(conv->is_leaf);
  // MyReLU keeps ReLU's forward: its units are a ReLU's (active share per channel).
  REQUIRE(act->unit_map.has_value());
  CHECK(act->output.zeros > 0.0);
  // The theory follows MyLinear as a Linear and stops at PadConv, whose forward is its own.
  const auto* t_fc1 = theory_of(r, "fc1");
  const auto* t_conv = theory_of(r, "conv");
  REQUIRE(t_fc1);
  REQUIRE(t_conv);
  CHECK(t_fc1->type == "MyLinear");
  CHECK_FALSE(t_conv->covered);
  CHECK(t_conv->stop_label.find("subclass's own forward") != std::string::npos);
}

TEST_CASE("fix=lsuv and reinit treat a subclass of Linear as a Linear") {
  initlab::RunOptions lsuv;
  lsuv.fix = "lsuv";
  const initlab::Report fixed = initlab::run(kModel, lsuv);
  REQUIRE_MESSAGE(fixed.ok, (fixed.error ? fixed.error->formatted : ""));
  bool fc1_scaled = false;
  for (const auto& l : fixed.fix_layers) fc1_scaled = fc1_scaled || l.path == "fc1";
  CHECK(fc1_scaled);
  CHECK(fixed.fix_code.find("MyLinear(nn.Linear)") != std::string::npos);
  initlab::RunOptions reinit;
  reinit.reinit = "orthogonal";
  const initlab::Report redrawn = initlab::run(kModel, reinit);
  REQUIRE_MESSAGE(redrawn.ok, (redrawn.error ? redrawn.error->formatted : ""));
  REQUIRE(record(redrawn, "fc1"));
  CHECK(record(redrawn, "fc1")->type == "MyLinear");
}

}  // TEST_SUITE
