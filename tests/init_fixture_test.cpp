// Bit-for-bit agreement with PyTorch: every case of tests/fixtures/init_fixtures.txt is run on
// a generator seeded as the case says, and each result compared with what PyTorch produced.
#include <doctest/doctest.h>

#include <cstdio>
#include <cstring>
#include <map>
#include <set>
#include <stdexcept>
#include <string>

#include "initlab/generator.hpp"
#include "initlab/init_registry.hpp"
#include "initlab/sampling.hpp"
#include "support/fixtures.hpp"

namespace {

using fixtures::Case;
using fixtures::Step;

// Every initializer bit for bit, orthogonal_ included: its QR follows LAPACK's float one step
// by step, blocked and unblocked (src/linalg/float_qr.hpp).
double tolerance_for(const std::string&, const initlab::Shape&) { return 0.0; }

int64_t kwarg_int(const fixtures::Call& call, const std::string& name) {
  for (const auto& kw : call.kwargs)
    if (kw.name == name) return std::get<int64_t>(kw.value);
  throw std::runtime_error("call has no " + name);
}

std::string run_step(const Step& step, initlab::Generator& gen) {
  const fixtures::Call& call = step.call;
  if (call.fn == "randperm") {
    const std::vector<int64_t> perm = initlab::randperm(kwarg_int(call, "n"), gen);
    std::vector<uint64_t> bits(perm.begin(), perm.end());
    return fixtures::compare_bits(bits, perm.data(), perm.size() * sizeof(int64_t), step.expect);
  }
  if (call.fn == "uniform_f64") {
    std::vector<double> values(static_cast<std::size_t>(call.shape.numel()));
    std::vector<uint64_t> bits;
    for (double& v : values) {
      v = gen.uniform_double();
      uint64_t b;
      std::memcpy(&b, &v, sizeof b);
      bits.push_back(b);
    }
    return fixtures::compare_bits(bits, values.data(), values.size() * sizeof(double),
                                  step.expect);
  }
  initlab::Tensor t(call.shape);
  initlab::init::call_initializer(call.fn, t, {}, call.kwargs, gen);
  return fixtures::compare_f32(t.to_vector(), step.expect, tolerance_for(call.fn, call.shape));
}

// "" when every step of the case matches PyTorch.
std::string run_case(const Case& c) {
  initlab::Generator gen(c.seed);
  for (std::size_t i = 0; i < c.steps.size(); ++i) {
    const std::string diff = run_step(c.steps[i], gen);
    if (!diff.empty()) {
      return c.name + " step " + std::to_string(i + 1) + " (" + c.steps[i].call.fn +
             ", fixture line " + std::to_string(c.steps[i].call.line) + "): " + diff;
    }
  }
  return "";
}

std::string group_of(const Case& c) { return c.name.substr(0, c.name.find('.')); }

// Runs every case whose name starts with `group.`.
void check_group(const std::string& group) {
  int64_t cases = 0;
  for (const Case& c : fixtures::init_fixtures().cases) {
    if (group_of(c) != group) continue;
    ++cases;
    const std::string diff = run_case(c);
    CHECK_MESSAGE(diff.empty(), diff);
  }
  REQUIRE_MESSAGE(cases > 0, "no fixture cases for " << group);
}

const std::set<std::string> kGroups = {
    "uniform_",        "normal_",           "trunc_normal_", "constant_",
    "ones_",           "zeros_",            "eye_",          "dirac_",
    "xavier_uniform_", "xavier_normal_",    "kaiming_uniform_", "kaiming_normal_",
    "orthogonal_",     "sparse_",           "variance_scaling_", "lecun_uniform_",
    "lecun_normal_",   "delta_orthogonal_", "uniform_f64",   "randperm",
    "interleave1",     "interleave2",       "interleave3",   "interleave4",
    "interleave5",     "interleave6"};

}  // namespace

TEST_SUITE("fixtures") {

TEST_CASE("every fixture group is covered and every initializer has fixtures") {
  std::set<std::string> groups;
  for (const Case& c : fixtures::init_fixtures().cases) groups.insert(group_of(c));
  CHECK(groups == kGroups);
  for (const auto& init : initlab::init::initializers()) {
    CHECK_MESSAGE(groups.count(init.name) == 1, init.name << " has no PyTorch fixtures");
  }
}

TEST_CASE("initializers match PyTorch 1.13 bit for bit") {
  for (const std::string& group : kGroups) {
    if (group.rfind("interleave", 0) == 0) continue;  // the next test case runs those
    SUBCASE(group.c_str()) { check_group(group); }
  }
}

TEST_CASE("interleaved calls on one generator match PyTorch (normal cache, both normal paths)") {
  for (int k = 1; k <= 6; ++k) check_group("interleave" + std::to_string(k));
}

TEST_CASE("the default generator gives the same stream as an explicit one") {
  const Case* found = nullptr;
  for (const Case& c : fixtures::init_fixtures().cases)
    if (c.name == "interleave1.s0") found = &c;
  REQUIRE(found != nullptr);
  initlab::default_generator().manual_seed(found->seed);
  for (const Step& s : found->steps) {
    CHECK(run_step(s, initlab::default_generator()).empty());
  }
}

TEST_CASE("a changed fixture value makes the comparison fail") {
  const auto& cases = fixtures::init_fixtures().cases;
  for (const char* name : {"kaiming_uniform_.default.300x400.s0", "normal_.mean=0.0,std=1.0.10x7.s-7",
                           "orthogonal_.gain=1.0.10x7.s0", "randperm.n1000.s4294967301"}) {
    const Case* found = nullptr;
    for (const Case& c : cases)
      if (c.name == name) found = &c;
    REQUIRE_MESSAGE(found != nullptr, name);
    CHECK(run_case(*found).empty());

    Case corrupt = *found;
    Step& step = corrupt.steps.back();
    const bool tolerant = tolerance_for(step.call.fn, step.call.shape) > 0;
    // One value off by one unit in the last place (or by just over the tolerance).
    uint64_t& bits = step.expect.values[step.expect.values.size() / 2];
    if (tolerant) {
      float v;
      const auto b32 = static_cast<uint32_t>(bits);
      std::memcpy(&v, &b32, sizeof v);
      v += static_cast<float>(1.5 * tolerance_for(step.call.fn, step.call.shape));
      uint32_t out;
      std::memcpy(&out, &v, sizeof out);
      bits = out;
    } else {
      bits += 1;
    }
    CHECK_FALSE(run_case(corrupt).empty());

    if (!tolerant) {
      Case bad_hash = *found;
      bad_hash.steps.back().expect.fnv ^= 1;
      CHECK_FALSE(run_case(bad_hash).empty());
    }
  }
}

TEST_CASE("fixture coverage per initializer") {
  std::map<std::string, std::pair<int, int64_t>> stats;  // fn -> (calls, values)
  for (const Case& c : fixtures::init_fixtures().cases) {
    for (const Step& s : c.steps) {
      auto& st = stats[s.call.fn];
      st.first += 1;
      st.second += s.expect.n;
    }
  }
  std::printf("%-20s %6s %10s\n", "fixture fn", "calls", "values");
  for (const auto& [fn, st] : stats) std::printf("%-20s %6d %10lld\n", fn.c_str(), st.first,
                                                 static_cast<long long>(st.second));
  CHECK(stats.size() >= 20);
}

}  // TEST_SUITE
