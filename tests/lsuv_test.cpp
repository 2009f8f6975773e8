// initlab.init.lsuv_ (core/lib/initlab/init.py) against LSUV written in plain PyTorch 1.13
// (tests/fixtures/lsuv_fixtures.txt, from make_lsuv_fixtures.py), on four nets with and
// without the orthonormal step.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "initlab/pyformat.hpp"
#include "initlab/session.hpp"
#include "support/lsuv_fixtures.hpp"
#include "support/fixtures.hpp"

using lsuv_fixture::LsuvCase;
using lsuv_fixture::LsuvLayer;

namespace {

// The script's own lines, then lsuv_ on its model and one line per record.
std::string with_lsuv(const LsuvCase& c) {
  return c.script + "import initlab.init\n" + "rec = initlab.init.lsuv_(model, x, tol=" + c.tol +
         ", max_iter=" + std::to_string(c.max_iter) + ", ortho=" + (c.ortho ? "True" : "False") + ")\n" +
         "for r in rec:\n"
         "    print(r['path'], r['iterations'], repr(r['std_before']), repr(r['std_after']), *[repr(f) for f in r['factors']])\n";
}

std::vector<LsuvLayer> parse_output(const std::string& out) {
  std::vector<LsuvLayer> layers;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    std::istringstream f(line);
    LsuvLayer l;
    std::string before, after;
    f >> l.path >> l.iterations >> before >> after;
    l.std_before = std::strtod(before.c_str(), nullptr);
    l.std_after = std::strtod(after.c_str(), nullptr);
    for (std::string v; f >> v;) l.factors.push_back(static_cast<float>(std::strtod(v.c_str(), nullptr)));
    layers.push_back(l);
  }
  return layers;
}

}  // namespace

TEST_SUITE("lsuv") {

TEST_CASE("lsuv_: PyTorch's layers in PyTorch's order, its iterations and factors; every output std within tol") {
  const auto cases = lsuv_fixture::read_cases();
  REQUIRE(cases.size() == 8);
  for (const auto& c : cases) {
    CAPTURE(c.name);
    CAPTURE(c.ortho);
    initlab::RunOptions options;
    options.auto_forward = false;
    const initlab::Report r = initlab::run(with_lsuv(c), options);
    REQUIRE_MESSAGE(r.ok, (r.error ? r.error->formatted : ""));
    const auto got = parse_output(r.output);
    REQUIRE(got.size() == c.layers.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
      const LsuvLayer& want = c.layers[i];
      CAPTURE(want.path);
      CHECK(got[i].path == want.path);
      CHECK(got[i].iterations == want.iterations);
      REQUIRE(got[i].factors.size() == want.factors.size());
      // initlab's forward adds in another order than PyTorch's GEMM and std, so a std (and the
      // float32 factor 1/std) may differ in its last bits: measured at most 2 ulps (15 of the
      // 60 factors differ at all); each step is PyTorch's bits (the next test), so the
      // weights are PyTorch's for the factors initlab measured (fix_code_in_pytorch).
      for (std::size_t k = 0; k < want.factors.size(); ++k)
        CHECK(std::abs(static_cast<double>(got[i].factors[k]) / static_cast<double>(want.factors[k]) - 1.0) <= 1e-6);
      CHECK(std::abs(got[i].std_before / want.std_before - 1.0) <= 1e-6);
      // The paper's stopping rule, on initlab's own measurement.
      if (got[i].iterations < c.max_iter) CHECK(std::abs(got[i].std_after - 1.0) <= std::strtod(c.tol.c_str(), nullptr));
    }
  }
}

TEST_CASE("lsuv_'s steps are PyTorch's bits: its orthonormal step, then the fixture's factors through mul_, give PyTorch's state_dict") {
  int compared = 0;
  for (const auto& c : lsuv_fixture::read_cases()) {
    CAPTURE(c.name);
    CAPTURE(c.ortho);
    std::string script = c.script + (c.ortho ? "import initlab.init\ninitlab.init.orthogonalize_(model)\n" : "") + "with torch.no_grad():\n";
    for (const auto& l : c.layers)
      for (float f : l.factors) script += "    model.get_submodule('" + l.path + "').weight.mul_(" + initlab::py::repr(static_cast<double>(f)) + ")\n";
    initlab::RunOptions options;
    options.auto_forward = false;
    options.state_dict = true;
    options.state_dict_of = "model";
    const initlab::Report r = initlab::run(script, options);
    REQUIRE_MESSAGE(r.ok, (r.error ? r.error->formatted : ""));
    REQUIRE(r.state_dict.size() == c.state.size());
    for (const auto& t : r.state_dict) {
      CAPTURE(t.name);
      const auto want = c.state.find(t.name);
      REQUIRE(want != c.state.end());
      CHECK(fixtures::fnv1a(t.data.data(), t.data.size() * sizeof(float)) == want->second);
      ++compared;
    }
  }
  CHECK(compared == 2 * (18 + 10 + 8 + 16));
}

}  // TEST_SUITE
