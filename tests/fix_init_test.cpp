// The run option fix="lsuv" (session.hpp, fix_init.hpp): the report shows the fixed network,
// Report::fix_layers says what was scaled, and Report::fix_code, run again, gives the same
// weights. That the code gives them in PyTorch too is the CTest fix_code_in_pytorch
// (tests/fixtures/check_fix_code.py).
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "initlab/fix_init.hpp"
#include "initlab/session.hpp"
#include "support/lsuv_fixtures.hpp"

namespace {

bool same_state(const std::vector<initlab::NamedTensor>& a, const std::vector<initlab::NamedTensor>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].name != b[i].name || a[i].data != b[i].data) return false;
  return true;
}

}  // namespace

TEST_SUITE("lsuv") {

TEST_CASE("fix=lsuv: every scaled layer's std within tol in the probed forward, and the written code gives the same weights") {
  const auto cases = lsuv_fixture::read_cases();
  REQUIRE(cases.size() == 8);
  for (const auto& c : cases) {
    CAPTURE(c.name);
    CAPTURE(c.ortho);
    // The script calls its model, so the run takes its input's shape (with the batch option).
    const std::string source = c.script + "y = model(x)\n";
    initlab::RunOptions options;
    options.fix = "lsuv";
    options.fix_ortho = c.ortho;
    options.state_dict = true;
    const initlab::Report r = initlab::run(source, options);
    REQUIRE_MESSAGE(r.ok, (r.error ? r.error->formatted : ""));
    CHECK_FALSE(r.forward_from_script);  // the probed forward is the run's own, after the fix
    // The same layers as PyTorch's LSUV, in the same order (on another batch: the run's own).
    REQUIRE(r.fix_layers.size() == c.layers.size());
    for (std::size_t i = 0; i < c.layers.size(); ++i) {
      const initlab::FixLayer& l = r.fix_layers[i];
      CAPTURE(l.path);
      CHECK(l.path == c.layers[i].path);
      CHECK(l.iterations == static_cast<int>(l.factors.size()));
      REQUIRE(l.iterations < options.fix_max_iter);
      CHECK(std::abs(l.std_after - 1.0) <= options.fix_tol);
      // The report is the fixed network's: the probed forward ran on the batch LSUV measured.
      bool found = false;
      for (const auto& rec : r.layers) {
        if (rec.path != l.path) continue;
        found = true;
        CHECK(std::abs(rec.output.std / l.std_after - 1.0) <= 1e-5);
        break;
      }
      CHECK(found);
    }
    // The user's code unchanged, then the function and its call.
    REQUIRE(r.fix_code.size() > source.size());
    CHECK(r.fix_code.compare(0, source.size(), source) == 0);
    CHECK(r.fix_code.find("\ndef fix_init(model):\n    with torch.no_grad():\n") != std::string::npos);
    const bool writes_ortho = r.fix_code.find("orthogonal_") != std::string::npos;
    CHECK(writes_ortho == c.ortho);
    CHECK(r.fix_code.size() >= 16);
    CHECK(r.fix_code.compare(r.fix_code.size() - 16, 16, "fix_init(model)\n") == 0);
    // Run as a plain script (no fix), the code leaves the weights the fix left.
    initlab::RunOptions again;
    again.state_dict = true;
    again.auto_forward = false;
    again.state_dict_of = "model";
    const initlab::Report back = initlab::run(r.fix_code, again);
    REQUIRE_MESSAGE(back.ok, (back.error ? back.error->formatted : ""));
    CHECK(same_state(back.state_dict, r.state_dict));
    // And without the fix the weights are others (the fix did something).
    initlab::RunOptions plain;
    plain.state_dict = true;
    CHECK_FALSE(same_state(initlab::run(source, plain).state_dict, r.state_dict));
  }
}

TEST_CASE("fix=lsuv: the code names the model's global, a model bound to none gets a warning, a bad option an error") {
  const std::string net = "import torch\nimport torch.nn as nn\ntorch.manual_seed(0)\n";
  initlab::RunOptions options;
  options.fix = "lsuv";
  const initlab::Report named = initlab::run(net + "net = nn.Sequential(nn.Linear(8, 8), nn.ReLU(), nn.Linear(8, 2))\n", options);
  REQUIRE(named.ok);
  REQUIRE(named.fix_layers.size() == 2);
  CHECK(named.fix_code.compare(named.fix_code.size() - 14, 14, "fix_init(net)\n") == 0);

  const initlab::Report anonymous = initlab::run(net + "nn.Sequential(nn.Linear(8, 8), nn.ReLU())(torch.randn(4, 8))\n", options);
  REQUIRE(anonymous.ok);
  CHECK(anonymous.fix_layers.size() == 1);
  CHECK(anonymous.fix_code.empty());
  REQUIRE(anonymous.warnings.size() == 1);
  CHECK(anonymous.warnings[0].find("bound to no global name") != std::string::npos);

  options.fix = "zero";
  const initlab::Report bad = initlab::run(net, options);
  REQUIRE_FALSE(bad.ok);
  CHECK(bad.error->kind == "ValueError");
  CHECK(bad.error->message == "unknown fix 'zero' (\"\" or \"lsuv\")");
  options.fix = "lsuv";
  options.fix_tol = -1;
  const initlab::Report tol = initlab::run(net + "model = nn.Linear(3, 3)\n", options);
  REQUIRE_FALSE(tol.ok);
  CHECK(tol.error->message == "the fix_tol option must be >= 0, not -1.0");
}

TEST_CASE("write_fix_code: the factors as exact float32 literals, nothing to do as pass") {
  initlab::FixRecord rec;
  rec.method = "lsuv";
  rec.input_shape = {64, 8};
  rec.layers.push_back({"features.0", 2, 4.0, 1.0, {0.25f, 0.1f}});
  const std::string code = initlab::write_fix_code("x = 1", rec, "net");
  CHECK(code.compare(0, 6, "x = 1\n") == 0);
  CHECK(code.find("model.get_submodule('features.0').weight.mul_(0.25)\n") != std::string::npos);
  // 0.1f is 0.100000001490116..., whose shortest repr as a double rounds back to it.
  CHECK(code.find("weight.mul_(0.10000000149011612)  # std 4 -> 1\n") != std::string::npos);
  CHECK(code.find("orthogonal_") == std::string::npos);
  initlab::FixRecord none;
  none.input_shape = {2, 3};
  CHECK(initlab::write_fix_code("", none, "model").find("        pass  #") != std::string::npos);
}

}  // TEST_SUITE
