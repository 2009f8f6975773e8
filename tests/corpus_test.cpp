// The real-model corpus (tests/corpus/README.md): every file named in tests/corpus/MATCHING.txt must
// run in initlab and match what PyTorch 1.13 did with it (tests/corpus/corpus_fixtures.txt, from
// make_corpus_fixtures.py): the state_dict of `model` bit for bit (names, shapes, dtypes, values;
// values that forward passes computed within torch.testing.assert_close's float32 rule) and the
// output of the script's last call of `model` within that rule. The list only grows; the report of
// every file, matching or not, is tests/corpus/run.sh.
#include <doctest/doctest.h>

#include <cstring>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include "initlab/session.hpp"
#include "support/corpus.hpp"
#include "support/fixtures.hpp"

namespace {

const std::string kDir = INITLAB_CORPUS_DIR;

const std::vector<corpus::File>& corpus_fixtures() {
  static const std::vector<corpus::File> files = corpus::parse(fixtures::read_file(kDir + "/corpus_fixtures.txt"));
  return files;
}

const corpus::File* fixture_of(const std::string& name) {
  for (const auto& f : corpus_fixtures()) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

uint32_t bits_of(float f) {
  uint32_t b;
  std::memcpy(&b, &f, sizeof b);
  return b;
}

// A fixture made from initlab's own run of `source` (not golden values: for testing the checker).
corpus::File fixture_from_run(const std::string& source) {
  initlab::RunOptions options;
  options.state_dict = true;
  options.state_dict_of = "model";
  options.keep_output = true;
  const auto r = initlab::run(source, options);
  REQUIRE_MESSAGE(r.ok, (r.error ? r.error->formatted : ""));
  REQUIRE(r.output_tensor.has_value());
  corpus::File f;
  f.name = "synthetic.py";
  for (const auto& t : r.state_dict) {
    REQUIRE(t.dtype == "float32");
    corpus::Tensor e;
    e.name = t.name;
    e.shape = t.shape;
    e.dtype = "f32";
    e.fnv = fixtures::fnv1a(t.data.data(), t.data.size() * sizeof(float));
    f.state.push_back(e);
  }
  f.output.name = "output";
  f.output.shape = r.output_tensor->shape;
  f.output.dtype = "f32";
  for (float v : r.output_tensor->data) f.output.values.push_back(bits_of(v));
  return f;
}

}  // namespace

TEST_SUITE("corpus") {

TEST_CASE("corpus: every file named in MATCHING.txt exists, runs in initlab and matches PyTorch") {
  const std::string list = fixtures::read_file(kDir + "/MATCHING.txt");
  REQUIRE_MESSAGE(!list.empty(), "cannot read " << kDir << "/MATCHING.txt");
  const std::vector<std::string> names = corpus::parse_list(list);
  REQUIRE_FALSE(names.empty());
  std::set<std::string> seen;
  for (const std::string& name : names) {
    CAPTURE(name);
    CHECK_MESSAGE(seen.insert(name).second, name << " is listed twice in MATCHING.txt");
    const std::string source = fixtures::read_file(kDir + "/" + name);
    CHECK_MESSAGE(!source.empty(), "MATCHING.txt names " << name << ", which does not exist in tests/corpus/");
    const corpus::File* fx = fixture_of(name);
    CHECK_MESSAGE(fx != nullptr, name << " has no fixture: run /usr/bin/python3 tests/corpus/make_corpus_fixtures.py");
    if (source.empty() || fx == nullptr) continue;
    const corpus::Result r = corpus::check(*fx, source);
    std::string where;
    if (r.outcome == corpus::Outcome::error && r.line > 0) {
      where = " (line " + std::to_string(r.line) + ", column " + std::to_string(r.column) + ")";
    }
    CHECK_MESSAGE(r.outcome == corpus::Outcome::match, name << " no longer matches PyTorch: " << r.detail << where);
  }
}

TEST_CASE("corpus: the fixture covers at least 42 corpus files, each of which exists") {
  const auto& files = corpus_fixtures();
  CHECK(files.size() >= 42);
  std::set<std::string> names;
  for (const auto& f : files) {
    CAPTURE(f.name);
    CHECK(names.insert(f.name).second);
    CHECK_FALSE(fixtures::read_file(kDir + "/" + f.name).empty());
    CHECK_FALSE(f.output.values.empty());
  }
}

TEST_CASE("corpus: the checker tells a match from a changed hash, a changed output and an error") {
  const std::string source =
      "import torch\n"
      "import torch.nn as nn\n"
      "model = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 2))\n"
      "x = torch.randn(5, 3)\n"
      "out = model(x)\n";
  const corpus::File good = fixture_from_run(source);
  REQUIRE(good.state.size() == 4);
  CHECK(corpus::check(good, source).outcome == corpus::Outcome::match);

  corpus::File hash = good;
  hash.state[2].fnv ^= 1;
  const corpus::Result h = corpus::check(hash, source);
  CHECK(h.outcome == corpus::Outcome::mismatch);
  CHECK(h.detail.rfind("state 2.weight: values differ", 0) == 0);
  CHECK(corpus::blocker(h) == "mismatch: state_dict values");

  corpus::File renamed = good;
  renamed.state[1].name = "0.b";
  CHECK(corpus::check(renamed, source).detail == "state entry 1 is '0.bias', PyTorch's '0.b'");

  // The output within assert_close's float32 rule matches; beyond it, it does not.
  corpus::File near = good, far = good;
  float v;
  uint32_t b = static_cast<uint32_t>(good.output.values[3]);
  std::memcpy(&v, &b, sizeof v);
  near.output.values[3] = bits_of(v + 5e-6f);
  far.output.values[3] = bits_of(v + 1e-4f);
  CHECK(corpus::check(near, source).outcome == corpus::Outcome::match);
  const corpus::Result o = corpus::check(far, source);
  CHECK(o.outcome == corpus::Outcome::mismatch);
  CHECK(o.detail.rfind("output: 1 of 10 values differ; element 3", 0) == 0);

  corpus::File shape = good;
  shape.output.shape = {10};
  CHECK(corpus::check(shape, source).detail == "output: shape [5, 2], PyTorch's [10]");

  const corpus::Result e = corpus::check(good, "import torch\nmodel = torch.nn.Linear(2, 2)\nx = = 1\n");
  CHECK(e.outcome == corpus::Outcome::error);
  CHECK(e.kind == "SyntaxError");
  CHECK(e.line == 3);
}

TEST_CASE("corpus: blockers group by kind and message, shapes normalized") {
  corpus::Result a, b;
  a.kind = b.kind = "RuntimeError";
  a.message = "mat1 and mat2 shapes cannot be multiplied (2x48 and 32x10)";
  b.message = "mat1 and mat2 shapes cannot be multiplied (4x3 and 5x6)";
  CHECK(corpus::blocker(a) == corpus::blocker(b));
  CHECK(corpus::blocker(a) == "RuntimeError: mat1 and mat2 shapes cannot be multiplied (AxB and AxB)");
  a.kind = b.kind = "ModuleNotFoundError";
  a.message = "No module named 'typing'";
  b.message = "No module named 'warnings'";
  CHECK(corpus::blocker(a) != corpus::blocker(b));
}

TEST_CASE("corpus: assert_close's float32 rule, NaN and infinities") {
  CHECK(corpus::close(1.0, 1.0));
  CHECK(corpus::close(1.0 + 1.1e-5, 1.0));
  CHECK_FALSE(corpus::close(1.0 + 1.2e-5, 1.0));
  CHECK(corpus::close(1000.0 + 1.3e-3, 1000.0));
  CHECK_FALSE(corpus::close(1000.0 + 1.4e-3, 1000.0));
  const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
  CHECK_FALSE(corpus::close(nan, nan));
  CHECK(corpus::close(inf, inf));
  CHECK_FALSE(corpus::close(inf, -inf));
  CHECK_FALSE(corpus::close(1e30, inf));
}

}  // TEST_SUITE
