// The probe's statistics and histogram rule on tensors whose answers are known.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "initlab/autograd.hpp"
#include "initlab/nn/functional.hpp"
#include "initlab/nn/layers.hpp"
#include "initlab/probe.hpp"
#include "initlab/session.hpp"

using initlab::Shape;
using initlab::Tensor;
namespace probe = initlab::probe;
namespace autograd = initlab::autograd;

TEST_SUITE("probe") {

TEST_CASE("statistics of a known tensor: unbiased std, zeros, NaN and Inf kept apart") {
  Tensor t = Tensor::from_vector(Shape{2, 3}, {0.0f, 1.0f, 2.0f, 3.0f, NAN, INFINITY});
  const auto s = probe::compute_stats(t, probe::Saturation::none, {});
  CHECK(s.shape == std::vector<int64_t>{2, 3});
  CHECK(s.numel == 6);
  CHECK(s.mean == doctest::Approx(1.5));
  CHECK(s.std == doctest::Approx(std::sqrt(5.0 / 3.0)));  // over the 4 finite values
  CHECK(s.min == 0.0);
  CHECK(s.max == 3.0);
  CHECK(s.zeros == doctest::Approx(1.0 / 6.0));
  CHECK(s.nan_count == 1);
  CHECK(s.inf_count == 1);
  CHECK(std::isnan(s.saturated));  // not a tanh or sigmoid output
}

TEST_CASE("histogram: mean +- 4 std bounds the bins, outliers are counted, not drawn") {
  std::vector<float> v(1000, 0.0f);
  for (int i = 0; i < 1000; ++i) v[static_cast<std::size_t>(i)] = static_cast<float>(i % 10) - 4.5f;
  v[0] = 1000.0f;  // one far outlier
  Tensor t = Tensor::from_vector(Shape{1000}, v);
  probe::Options o;
  o.bins = 10;
  const auto s = probe::compute_stats(t, probe::Saturation::none, o);
  CHECK(s.histogram.hi < 1000.0);
  CHECK(s.histogram.hi == doctest::Approx(s.mean + 4 * s.std));
  CHECK(s.histogram.lo == doctest::Approx(-4.5));  // min is inside mean - 4 std
  CHECK(s.histogram.above == 1);
  CHECK(s.histogram.below == 0);
  CHECK(s.histogram.sampled == 1000);
  const auto drawn = std::accumulate(s.histogram.counts.begin(), s.histogram.counts.end(), int64_t{0});
  CHECK(drawn == 999);
}

TEST_CASE("every histogram bin holds what a plain per-element rule puts there") {
  // Values exactly at lo and hi, outliers both sides, NaN/Inf (skipped), and a tensor without
  // any, which takes the loop without the finiteness test.
  for (const bool special : {false, true}) {
    CAPTURE(special);
    std::vector<float> v;
    uint64_t state = 12345;
    for (int i = 0; i < 5000; ++i) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      v.push_back(static_cast<float>(static_cast<int64_t>(state >> 40) % 2001 - 1000) / 250.0f);
    }
    v[10] = 100.0f;
    v[11] = -100.0f;
    if (special) {
      v[12] = std::nanf("");
      v[13] = INFINITY;
    }
    Tensor t = Tensor::from_vector(Shape{static_cast<int64_t>(v.size())}, v);
    probe::Options o;
    o.bins = 16;
    const auto s = probe::compute_stats(t, probe::Saturation::none, o);
    const auto lo = static_cast<float>(s.histogram.lo), hi = static_cast<float>(s.histogram.hi);
    const float inv = static_cast<float>(16 / (s.histogram.hi - s.histogram.lo));
    std::vector<uint32_t> want(16, 0);
    int64_t below = 0, above = 0, sampled = 0;
    for (float x : v) {
      if (!std::isfinite(x)) continue;
      ++sampled;
      if (x < lo) {
        ++below;
      } else if (x > hi) {
        ++above;
      } else {
        ++want[static_cast<std::size_t>(std::min(15, static_cast<int>((x - lo) * inv)))];
      }
    }
    CHECK(s.histogram.counts == want);
    CHECK(s.histogram.below == below);
    CHECK(s.histogram.above == above);
    CHECK(s.histogram.sampled == sampled);
    CHECK(below == 1);
    CHECK(above == 1);
    CHECK(std::count_if(want.begin(), want.end(), [](uint32_t c) { return c > 0; }) >= 4);
  }
}

TEST_CASE("the std of huge finite values is finite (their squares overflow float)") {
  std::vector<float> v(3000, 1.0f);
  v[7] = 1e30f;
  v[2500] = -1e30f;
  const auto s = probe::compute_stats(Tensor::from_vector(Shape{3000}, v), probe::Saturation::none, {});
  CHECK(std::isfinite(s.std));
  CHECK(s.std == doctest::Approx(std::sqrt(2e60 / 2999.0)).epsilon(1e-4));
}

TEST_CASE("histogram of values near float's limits: (v - lo) * bins / (hi - lo) overflows") {
  // Found by the fuzzer (an exploding 75-layer MLP): the bin position was inf before the
  // conversion to int. Every sampled value must still land in exactly one bin.
  const auto s = probe::compute_stats(
      Tensor::from_vector(Shape{5}, {-3e38f, 3e38f, 0.0f, 1e38f, -1e38f}), probe::Saturation::none, {});
  const auto drawn = std::accumulate(s.histogram.counts.begin(), s.histogram.counts.end(), int64_t{0});
  CHECK(drawn + s.histogram.below + s.histogram.above == 5);
  CHECK(s.histogram.sampled == 5);
  CHECK(s.histogram.counts.back() >= 1);  // 3e38 is the maximum: the last bin
}

TEST_CASE("histogram of a large tensor uses an evenly strided sample") {
  Tensor t(Shape{200000});
  probe::Options o;
  o.histogram_sample = 1000;
  const auto s = probe::compute_stats(t, probe::Saturation::none, o);
  CHECK(s.histogram.sampled == 1000);
  CHECK(s.zeros == 1.0);
}

TEST_CASE("saturation is measured for tanh and sigmoid outputs") {
  Tensor t = Tensor::from_vector(Shape{4}, {-0.995f, 0.5f, 0.999f, 0.0f});
  CHECK(probe::compute_stats(t, probe::Saturation::tanh, {}).saturated == doctest::Approx(0.5));
  Tensor s = Tensor::from_vector(Shape{4}, {0.005f, 0.5f, 0.995f, 0.3f});
  CHECK(probe::compute_stats(s, probe::Saturation::sigmoid, {}).saturated == doctest::Approx(0.5));
}

TEST_CASE("the probe records modules with paths and ops with their names, in call order") {
  initlab::default_generator().manual_seed(0);
  initlab::nn::Sequential net({std::make_shared<initlab::nn::Linear>(4, 3), initlab::nn::make_tanh()});
  probe::Probe p(net);
  initlab::nn::set_source_line(7);
  {
    initlab::nn::ObserveForward observe(&p);
    initlab::F::relu(net(Tensor::full(Shape{2, 4}, 1.0f)));  // outside any module: not recorded
  }
  const auto& r = p.records();
  REQUIRE(r.size() == 3);
  CHECK(r[0].path == "0");
  CHECK(r[0].type == "Linear");
  CHECK(r[1].path == "1");
  CHECK(std::isfinite(r[1].output.saturated));
  CHECK(r[2].path == "");
  CHECK(r[2].type == "Sequential");
  CHECK_FALSE(r[2].is_leaf);
  CHECK(p.root() == &net);
  const auto params = probe::parameter_stats(net);
  REQUIRE(params.size() == 2);
  CHECK(params[0].name == "0.weight");
  CHECK(params[1].stats.shape == std::vector<int64_t>{3});
}

}  // TEST_SUITE

TEST_CASE("run() of texts in turn: each report is its own script's (runs share parsed programs)") {
  const std::string a =
      "import torch.nn as nn\n"
      "class Net(nn.Module):\n"
      "    def __init__(self):\n"
      "        super().__init__()\n"
      "        self.fc = nn.Linear(3, 2)\n"
      "    def forward(self, x):\n"
      "        return self.fc(x)\n"
      "model = Net()\n"
      "print('a')\n";
  const std::string b = "print('b')\n";
  const std::string broken = "print('c')\nx = (1,\n";
  const initlab::Report first = initlab::run(a);
  REQUIRE(first.ok);
  CHECK(initlab::run(b).output == "b\n");
  // Five other texts push a out of the last-used entries; it must come back parsed afresh.
  for (int i = 0; i < 5; ++i) CHECK(initlab::run("print(" + std::to_string(i) + ")\n").output == std::to_string(i) + "\n");
  for (int round = 0; round < 2; ++round) {
    const initlab::Report again = initlab::run(a);
    REQUIRE(again.ok);
    CHECK(again.output == "a\n");
    CHECK(again.model_repr == first.model_repr);
    CHECK(again.state_dict.size() == first.state_dict.size());
    // A text that does not parse fails the same way every time, and leaves nothing behind.
    const initlab::Report e = initlab::run(broken);
    REQUIRE_FALSE(e.ok);
    CHECK(e.error->kind == "SyntaxError");
    CHECK(e.error->line == 2);
    CHECK(e.output.empty());
  }
}

TEST_CASE("run() probes the script's `model` even when other modules are called after it") {
  const std::string script =
      "import torch\n"
      "import torch.nn as nn\n"
      "model = nn.Sequential(nn.Linear(4, 3), nn.ReLU())\n"
      "other = nn.Sequential(nn.Linear(4, 2))\n"
      "x = torch.randn(5, 4)\n"
      "y = model(x)\n"
      "z = other(x)\n"
      "w = model[0](x)\n";
  const initlab::Report r = initlab::run(script);
  REQUIRE(r.ok);
  CHECK(r.forward_from_script);
  REQUIRE(r.layers.size() == 3);
  CHECK(r.layers[0].path == "0");
  CHECK(r.layers[1].type == "ReLU");
  CHECK(r.layers[2].path == "");
  CHECK(r.model_name == "Sequential");
  CHECK(r.parameters.size() == 2);
  CHECK(r.parameters[0].stats.shape == std::vector<int64_t>{3, 4});

  // Without a `model`, the last outermost call is the one probed.
  std::string unnamed = script;
  for (std::size_t at; (at = unnamed.find("model")) != std::string::npos;) unnamed.replace(at, 5, "net");
  const initlab::Report u = initlab::run(unnamed);
  REQUIRE(u.ok);
  REQUIRE(u.layers.size() == 1);
  CHECK(u.layers[0].type == "Linear");
}

TEST_CASE("keep_output holds the script's last call of `model`: a tuple's first item, later calls of others aside") {
  const std::string script =
      "import torch\n"
      "import torch.nn as nn\n"
      "class Net(nn.Module):\n"
      "    def __init__(self):\n"
      "        super().__init__()\n"
      "        self.fc = nn.Linear(3, 2)\n"
      "    def forward(self, x):\n"
      "        y = self.fc(x)\n"
      "        return y * 2, y\n"
      "model = Net()\n"
      "first, _ = model(torch.ones(1, 3))\n"
      "logits, _ = model(torch.zeros(4, 3))\n"
      "other = nn.Linear(3, 5)(torch.ones(1, 3))\n"
      "print(torch.equal(logits[3], 2 * model.fc.bias))\n";
  initlab::RunOptions options;
  options.keep_output = true;
  const initlab::Report r = initlab::run(script, options);
  REQUIRE_MESSAGE(r.ok, (r.error ? r.error->formatted : ""));
  CHECK(r.output == "True\n");
  CHECK(r.forward_from_script);
  REQUIRE(r.output_tensor.has_value());
  CHECK(r.output_tensor->shape == std::vector<int64_t>{4, 2});
  CHECK(r.output_tensor->dtype == "float32");
  // zeros in: twice the bias, the forward's first item
  const auto bias = r.parameters[1].stats;
  REQUIRE(r.output_tensor->data.size() == 8);
  CHECK(r.output_tensor->data[0] == r.output_tensor->data[2]);
  CHECK(static_cast<double>(r.output_tensor->data[0] + r.output_tensor->data[1]) ==
        doctest::Approx(2 * 2 * bias.mean).epsilon(1e-6));

  // Without keep_output nothing is copied.
  CHECK_FALSE(initlab::run(script).output_tensor.has_value());
}

TEST_CASE("state_dict is the global `model`'s when the script called only an item of it; state_dict_of picks another") {
  const std::string script =
      "import torch\n"
      "import torch.nn as nn\n"
      "model = nn.ModuleList([nn.Linear(4, 3), nn.Linear(3, 2)])\n"
      "other = nn.Linear(2, 2)\n"
      "text = 'not a module'\n"
      "y = model[0](torch.ones(5, 4))\n";
  const auto names = [](const initlab::Report& r) {
    std::vector<std::string> out;
    for (const auto& t : r.state_dict) out.push_back(t.name);
    return out;
  };
  initlab::RunOptions options;
  options.state_dict = true;
  const initlab::Report r = initlab::run(script, options);
  REQUIRE_MESSAGE(r.ok, (r.error ? r.error->formatted : ""));
  CHECK(r.model_name == "Linear");  // the probed module: the item the script called
  CHECK(names(r) == std::vector<std::string>{"0.weight", "0.bias", "1.weight", "1.bias"});
  CHECK(r.warnings.empty());
  options.state_dict_of = "other";
  CHECK(names(initlab::run(script, options)) == std::vector<std::string>{"weight", "bias"});
  // A global that is no module: nothing, and a warning that says so.
  options.state_dict_of = "text";
  const initlab::Report none = initlab::run(script, options);
  CHECK(none.state_dict.empty());
  REQUIRE(none.warnings.size() == 1);
  CHECK(none.warnings[0] == "no state_dict: the script has no global module named 'text'");
  // No global `model`: the probed module's.
  options.state_dict_of.clear();
  const initlab::Report probed = initlab::run("import torch.nn as nn\nnet = nn.Linear(2, 3)\n", options);
  CHECK(names(probed) == std::vector<std::string>{"weight", "bias"});
}

TEST_CASE("run() with own_input probes the called model on the run's input: its shape, our batch") {
  const std::string script =
      "import torch\n"
      "import torch.nn as nn\n"
      "model = nn.Sequential(nn.Conv2d(1, 4, 3), nn.BatchNorm2d(4), nn.Flatten(), nn.Linear(4 * 6 * 6, 2))\n"
      "out = model(torch.randn(8, 1, 8, 8))\n";
  const initlab::Report scripted = initlab::run(script);
  REQUIRE(scripted.ok);
  CHECK(scripted.forward_from_script);
  CHECK(scripted.input_shape == std::vector<int64_t>{8, 1, 8, 8});
  CHECK(scripted.layers.front().output.shape == std::vector<int64_t>{8, 4, 6, 6});

  initlab::RunOptions options;
  options.own_input = true;
  options.batch = 5;
  options.input = "ones";
  options.mode = "eval";
  const initlab::Report own = initlab::run(script, options);
  REQUIRE(own.ok);
  CHECK_FALSE(own.forward_from_script);
  CHECK(own.input_shape == std::vector<int64_t>{5, 1, 8, 8});
  REQUIRE(own.layers.size() == 5);
  CHECK(own.layers.front().output.shape == std::vector<int64_t>{5, 4, 6, 6});
  // An all-ones image makes each conv channel constant: train-mode BatchNorm would turn that
  // into all zeros, eval mode (running stats 0 and 1) keeps it.
  CHECK(own.layers[1].output.zeros < 0.5);
  CHECK(own.layers[0].output.histogram.sampled == 5 * 4 * 36);
}

TEST_CASE("run() of a training loop: scripts get grad mode on, the probe sees the model's forward only") {
  const std::string script =
      "import torch\n"
      "import torch.nn as nn\n"
      "import torch.nn.functional as F\n"
      "torch.manual_seed(0)\n"
      "model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))\n"
      "opt = torch.optim.SGD(model.parameters(), lr=0.1)\n"
      "x = torch.randn(16, 4)\n"
      "y = torch.tensor([0, 1, 2, 0] * 4)\n"
      "print(torch.is_grad_enabled())\n"
      "for step in range(3):\n"
      "    opt.zero_grad()\n"
      "    loss = F.cross_entropy(model(x), y) + nn.MSELoss()(x.mean(1), x.sum(1))\n"
      "    loss.backward()\n"
      "    opt.step()\n"
      "with torch.no_grad():\n"
      "    print(torch.is_grad_enabled())\n";
  autograd::set_grad_enabled(false);  // the caller's mode is restored, whatever the script did
  const initlab::Report r = initlab::run(script);
  CHECK_FALSE(autograd::grad_enabled());
  autograd::set_grad_enabled(true);
  REQUIRE(r.ok);
  CHECK(r.output == "True\nFalse\n");
  CHECK(r.forward_from_script);
  // Sequential's three layers and the root: neither the losses nor backward's ops.
  REQUIRE(r.layers.size() == 4);
  CHECK(r.layers[0].type == "Linear");
  CHECK(r.layers[1].type == "ReLU");
  CHECK(r.layers[2].type == "Linear");
  CHECK(r.layers[3].path == "");

  // The run's own forward (own_input) records no graph and still sees only the model.
  initlab::RunOptions options;
  options.own_input = true;
  options.keep_output = true;
  const initlab::Report own = initlab::run(script, options);
  REQUIRE(own.ok);
  CHECK_FALSE(own.forward_from_script);
  REQUIRE(own.layers.size() == 4);
  CHECK(own.input_shape == std::vector<int64_t>{64, 4});
  CHECK(autograd::grad_enabled());

  // A script model's forward sees grad mode on when the script calls it, off in the run's own.
  const std::string net =
      "import torch\n"
      "import torch.nn as nn\n"
      "class Net(nn.Module):\n"
      "    def __init__(self):\n"
      "        super().__init__()\n"
      "        self.fc = nn.Linear(4, 2)\n"
      "    def forward(self, x):\n"
      "        print(torch.is_grad_enabled())\n"
      "        return self.fc(x)\n"
      "model = Net()\n"
      "model(torch.randn(2, 4))\n";
  const initlab::Report both = initlab::run(net, options);
  REQUIRE(both.ok);
  CHECK(both.output == "True\nFalse\n");
}

TEST_CASE("grad_loss: output and parameter gradients of the run's own forward, exact where known") {
  const std::string script =
      "import torch.nn as nn\n"
      "model = nn.Sequential(nn.Linear(4, 3))\n";
  initlab::RunOptions options;
  options.grad_loss = "mean";
  options.batch = 5;
  options.input = "ones";
  const initlab::Report r = initlab::run(script, options);
  REQUIRE(r.ok);
  REQUIRE(r.loss.has_value());
  // d mean(y) / dy = 1/15 everywhere; with x all ones, dW = dB = 5 * 1/15 = 1/3.
  REQUIRE(r.layers.size() == 2);
  for (const auto& l : r.layers) {
    REQUIRE(l.grad.has_value());
    CHECK(l.grad->mean == doctest::Approx(1.0 / 15).epsilon(1e-6));
    CHECK(l.grad->std == doctest::Approx(0.0).epsilon(1e-6));
  }
  REQUIRE(r.parameters.size() == 2);
  for (const auto& p : r.parameters) {
    REQUIRE(p.grad.has_value());
    CHECK(p.grad->min == doctest::Approx(1.0 / 3).epsilon(1e-6));
    CHECK(p.grad->max == doctest::Approx(1.0 / 3).epsilon(1e-6));
  }
  // Without the option nothing is differentiated.
  const initlab::Report plain = initlab::run(script);
  CHECK_FALSE(plain.loss.has_value());
  CHECK_FALSE(plain.layers[0].grad.has_value());
  CHECK_FALSE(plain.parameters[0].grad.has_value());
}

TEST_CASE("grad_loss cross_entropy: zero logits give ln(classes); each row's gradient sums to zero") {
  const std::string script =
      "import torch.nn as nn\n"
      "model = nn.Sequential(nn.Linear(8, 16), nn.Tanh(), nn.Linear(16, 10))\n"
      "nn.init.zeros_(model[2].weight)\n"
      "nn.init.zeros_(model[2].bias)\n";
  initlab::RunOptions options;
  options.grad_loss = "cross_entropy";
  const initlab::Report r = initlab::run(script, options);
  REQUIRE(r.ok);
  CHECK(*r.loss == doctest::Approx(std::log(10.0)).epsilon(1e-6));
  REQUIRE(r.layers.size() == 4);  // 0, 1, 2 and the Sequential itself
  REQUIRE(r.layers[2].grad.has_value());
  CHECK(std::abs(r.layers[2].grad->mean) < 1e-8);  // (softmax - onehot) / N sums to 0 by row
  // Zero output weights stop every gradient before them: the hidden layers get exactly zero.
  REQUIRE(r.layers[0].grad.has_value());
  CHECK(r.layers[0].grad->zeros == 1.0);
  CHECK(r.parameters[0].grad->zeros == 1.0);
  CHECK(r.parameters[2].grad->zeros < 1.0);  // the output layer's own weights do learn
  // The seed fixes the input and the labels: the same run gives the same gradients.
  const initlab::Report again = initlab::run(script, options);
  CHECK(again.parameters[3].grad->std == r.parameters[3].grad->std);

  options.grad_loss = "hinge";
  const initlab::Report bad = initlab::run(script, options);
  REQUIRE_FALSE(bad.ok);
  CHECK(bad.error->message == "unknown gradient loss 'hinge' (mean, cross_entropy, nll or mse)");
}

TEST_CASE("grad_loss after a script that trained: the parameters' gradients are the run's loss's alone") {
  const std::string trains =
      "import torch\n"
      "import torch.nn as nn\n"
      "torch.manual_seed(1)\n"
      "model = nn.Linear(4, 2)\n"
      "model(torch.randn(3, 4)).sum().backward()\n";
  std::string plain = trains;
  plain.replace(plain.find(".sum().backward()"), 17, "");
  initlab::RunOptions options;
  options.grad_loss = "mean";
  const initlab::Report a = initlab::run(trains, options);
  const initlab::Report b = initlab::run(plain, options);
  REQUIRE(a.ok);
  REQUIRE(b.ok);
  REQUIRE(a.parameters.size() == 2);
  for (std::size_t i = 0; i < 2; ++i) {
    REQUIRE(a.parameters[i].grad);
    REQUIRE(b.parameters[i].grad);
    CHECK(a.parameters[i].grad->mean == b.parameters[i].grad->mean);
    CHECK(a.parameters[i].grad->std == b.parameters[i].grad->std);
  }
}

TEST_CASE("a forward that raises and is caught leaves the last completed forward as the probed one") {
  const std::string source = R"(import torch
import torch.nn as nn
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 3)
        self.fail = False
    def forward(self, x):
        h = self.fc(x)
        if self.fail:
            raise ValueError("boom")
        return torch.relu(h)
model = Net()
model(torch.randn(2, 4))
model.fail = True
try:
    model(torch.randn(5, 4))
except ValueError:
    pass
)";
  const initlab::Report report = initlab::run(source);
  REQUIRE(report.ok);
  std::vector<std::string> seen;
  for (const auto& l : report.layers) seen.push_back(l.path + ":" + l.type);
  CHECK(seen == std::vector<std::string>{"fc:Linear", ":F.relu", ":Net"});
  CHECK(report.input_shape == std::vector<int64_t>{2, 4});
}
