// The vision and generative layers against PyTorch 1.13 (tests/fixtures/vision_fixtures.txt,
// from make_vision_fixtures.py): each case's script runs in initlab's interpreter; the
// state_dict of its `rec` module must have PyTorch's names and shapes, the layer's default-init
// parameters and buffers bit for bit, and the forward output, the gradients and updated running
// statistics within torch.testing.assert_close's float32 tolerances.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <sstream>
#include <string>
#include <vector>

#include "initlab/session.hpp"
#include "support/fixtures.hpp"

namespace {

struct Entry {
  std::string name, shape;
  fixtures::Expect expect;
};

struct Case {
  std::string name, source;
  std::vector<Entry> entries;
};

std::vector<Case> parse(const std::string& text) {
  std::vector<Case> cases;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto sp = line.find(' ');
    const std::string key = line.substr(0, sp), rest = sp == std::string::npos ? "" : line.substr(sp + 1);
    if (key == "case") {
      cases.push_back({rest, "", {}});
    } else if (key == "source") {
      cases.back().source = fixtures::unescape(rest);
    } else if (key == "tensor") {
      const auto s2 = rest.find(" shape=");
      cases.back().entries.push_back({rest.substr(0, s2), rest.substr(s2 + 7), {}});
    } else if (key == "expect") {
      fixtures::parse_expect(rest, cases.back().entries.back().expect);
    } else if (key == "v") {
      fixtures::parse_values(rest, cases.back().entries.back().expect);
    }
  }
  return cases;
}

// Default-init state is compared bit for bit; what forwards and backwards computed by value.
bool exact(const std::string& name) {
  if (name.rfind("m.", 0) != 0) return false;
  for (const char* stat : {"running_mean", "running_var"})
    if (name.find(stat) != std::string::npos) return false;
  return true;
}

std::string shape_text(const std::vector<int64_t>& s) {
  if (s.empty()) return "scalar";
  std::string t;
  for (std::size_t i = 0; i < s.size(); ++i) t += (i ? "x" : "") + std::to_string(s[i]);
  return t;
}

float from_bits(uint64_t b) {
  const auto u = static_cast<uint32_t>(b);
  float f;
  std::memcpy(&f, &u, sizeof f);
  return f;
}

}  // namespace

TEST_CASE("vision layers match PyTorch: default init bits, forward and gradients") {
  const auto cases = parse(fixtures::read_file(std::string(INITLAB_FIXTURE_DIR) + "/vision_fixtures.txt"));
  REQUIRE(cases.size() >= 60);
  for (const Case& c : cases) {
    CAPTURE(c.name);
    initlab::RunOptions options;
    options.seed = 0;
    options.state_dict = true;
    options.state_dict_of = "rec";
    options.auto_forward = false;
    const initlab::Report report = initlab::run(c.source, options);
    if (!report.ok) {
      FAIL_CHECK(report.error->kind << ": " << report.error->message << " (line " << report.error->line << ")");
      continue;
    }
    REQUIRE(report.state_dict.size() == c.entries.size());
    for (std::size_t i = 0; i < c.entries.size(); ++i) {
      const Entry& want = c.entries[i];
      const initlab::NamedTensor& got = report.state_dict[i];
      CAPTURE(want.name);
      CHECK(got.name == want.name);
      CHECK(shape_text(got.shape) == want.shape);
      if (want.expect.dtype == "i64") {
        // num_batches_tracked: InstanceNorm never counts (F.instance_norm takes no counter).
        REQUIRE(got.data.size() == want.expect.values.size());
        for (std::size_t k = 0; k < got.data.size(); ++k) CHECK(static_cast<int64_t>(got.data[k]) == static_cast<int64_t>(want.expect.values[k]));
        continue;
      }
      REQUIRE(got.data.size() == want.expect.values.size());
      if (exact(want.name)) {
        CHECK(fixtures::compare_f32(got.data, want.expect, 0).empty());
        continue;
      }
      int bad = 0;
      for (std::size_t k = 0; k < got.data.size(); ++k) {
        const double e = static_cast<double>(from_bits(want.expect.values[k])), a = static_cast<double>(got.data[k]);
        if (!(std::fabs(a - e) <= 1e-5 + 1.3e-6 * std::fabs(e))) {
          if (bad++ < 3) FAIL_CHECK("element " << k << ": " << a << " vs PyTorch's " << e);
        }
      }
      CHECK(bad == 0);
    }
  }
}
