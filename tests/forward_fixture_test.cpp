// Agreement with PyTorch's forward pass: for every run of tests/fixtures/forward_fixtures.txt
// the C++ mirror of the model is built from the same seed (its state_dict and input must be
// PyTorch's bits), its repr must be PyTorch's text, and every module and functional op output
// must match PyTorch within 1e-5 relative (1e-6 absolute near zero), statistics included.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <sstream>

#include "initlab/generator.hpp"
#include "initlab/probe.hpp"
#include "initlab/sampling.hpp"
#include "support/fixtures.hpp"
#include "support/forward_fixtures.hpp"
#include "support/models.hpp"

namespace {

using fixtures::Expect;
using fixtures::ForwardRun;

constexpr double kRel = 1e-5, kAbs = 1e-6;

bool close(double actual, double expected, double rel = kRel, double abs = kAbs) {
  if (std::isnan(expected)) return std::isnan(actual);
  return std::fabs(actual - expected) <= abs + rel * std::fabs(expected);
}

float float_of(uint64_t bits) {
  const auto b = static_cast<uint32_t>(bits);
  float f;
  std::memcpy(&f, &b, sizeof f);
  return f;
}

// "" if every sampled value is within tolerance, else the first difference.
std::string compare_close(const initlab::Tensor& t, const Expect& e, double rel = kRel,
                          double abs = kAbs) {
  const std::vector<float> v = t.to_vector();
  if (static_cast<int64_t>(v.size()) != e.n) {
    return "size " + std::to_string(v.size()) + " vs " + std::to_string(e.n);
  }
  for (std::size_t k = 0; k < e.values.size(); ++k) {
    const std::size_t i = k * static_cast<std::size_t>(e.stride);
    const double want = static_cast<double>(float_of(e.values[k]));
    if (!close(static_cast<double>(v[i]), want, rel, abs)) {
      std::ostringstream os;
      os.precision(9);
      os << "element " << i << ": got " << v[i] << ", PyTorch gave " << want;
      return os.str();
    }
  }
  return "";
}

// Bit-for-bit comparison of a whole tensor (state_dict entries, the input).
std::string compare_exact(const initlab::Tensor& t, const Expect& e) {
  const std::vector<float> v = t.to_vector();
  if (e.dtype == "i64") {
    std::vector<int64_t> ints(v.begin(), v.end());
    std::vector<uint64_t> bits(ints.begin(), ints.end());
    return fixtures::compare_bits(bits, ints.data(), ints.size() * sizeof(int64_t), e);
  }
  return fixtures::compare_f32(v, e, 0.0);
}

void set_mode(initlab::nn::Module& model, const std::string& mode) {
  model.train(mode != "eval");
  if (mode == "train_except_head.4") {
    // The fixture turns dropout off inside a training model.
    auto& head = *model.child("head");
    head.child("4")->eval();
  }
}

struct Outcome {
  initlab::nn::ModulePtr model;
  initlab::Tensor input;
  std::vector<initlab::probe::LayerRecord> records;
};

Outcome run_forward(const ForwardRun& run) {
  initlab::default_generator().manual_seed(run.seed);
  Outcome o;
  o.model = models::build(run.cls);
  set_mode(*o.model, run.mode);
  o.input = initlab::Tensor(initlab::Shape(run.input_shape));
  initlab::normal_(o.input, 0, 1, initlab::default_generator());
  initlab::probe::Probe probe(*o.model);
  {
    initlab::nn::ObserveForward observe(&probe);
    (*o.model)(o.input);
  }
  o.records = probe.take_records();
  return o;
}

const ForwardRun& find_run(const std::string& name) {
  for (const auto& r : fixtures::forward_fixtures())
    if (r.name == name) return r;
  throw std::runtime_error("no fixture run " + name);
}

}  // namespace

TEST_SUITE("forward fixtures") {

TEST_CASE("every forward run matches PyTorch layer by layer") {
  const auto& runs = fixtures::forward_fixtures();
  REQUIRE(runs.size() >= 9);
  for (const ForwardRun& run : runs) {
    SUBCASE(run.name.c_str()) {
      // State before the forward: PyTorch's default initialization, bit for bit.
      initlab::default_generator().manual_seed(run.seed);
      auto fresh = models::build(run.cls);
      const auto state = fresh->state_dict();
      REQUIRE(state.size() == run.state_before.size());
      for (std::size_t i = 0; i < state.size(); ++i) {
        CHECK(state[i].first == run.state_before[i].name);
        const std::string diff = compare_exact(state[i].second, run.state_before[i].expect);
        CHECK_MESSAGE(diff.empty(), run.name << " " << state[i].first << ": " << diff);
      }
      CHECK(fresh->repr() == run.repr);

      Outcome o = run_forward(run);
      CHECK_MESSAGE(compare_exact(o.input, run.input).empty(), "input draw of " << run.name);

      REQUIRE(o.records.size() == run.records.size());
      for (std::size_t i = 0; i < o.records.size(); ++i) {
        const auto& got = o.records[i];
        const auto& want = run.records[i];
        INFO(run.name << " record " << i << " (" << want.type << " " << want.path << ")");
        CHECK(got.type == want.type);
        CHECK(got.is_op == want.is_op);
        CHECK(got.path == want.path);
        CHECK(got.output.shape == want.shape);
        CHECK(close(got.output.mean, want.mean, kRel, kAbs));
        CHECK(close(got.output.std, want.std));
        CHECK(close(got.output.min, want.min));
        CHECK(close(got.output.max, want.max));
        CHECK(close(got.output.zeros, want.zeros, 0, 0));
        CHECK(got.output.nan_count == want.nan);
        CHECK(got.output.inf_count == want.inf);
      }

      // Values of every record, and the state after (running statistics updated in train).
      Outcome again = run_forward(run);
      (void)again;
      const auto after = o.model->state_dict();
      REQUIRE(after.size() == run.state_after.size());
      for (std::size_t i = 0; i < after.size(); ++i) {
        const std::string diff = run.state_after[i].expect.dtype == "i64"
                                     ? compare_exact(after[i].second, run.state_after[i].expect)
                                     : compare_close(after[i].second, run.state_after[i].expect);
        CHECK_MESSAGE(diff.empty(), run.name << " after " << after[i].first << ": " << diff);
      }
    }
  }
}

TEST_CASE("every recorded output's values match PyTorch") {
  for (const ForwardRun& run : fixtures::forward_fixtures()) {
    SUBCASE(run.name.c_str()) {
      // Capture the tensors themselves by observing with a recorder.
      struct Recorder : initlab::nn::ForwardObserver {
        std::vector<initlab::Tensor> outputs;
        void module_output(const initlab::nn::Module&, const initlab::Tensor& t) override {
          outputs.push_back(t.clone());
        }
        void op_output(const char*, const initlab::Tensor& t) override { outputs.push_back(t.clone()); }
      } recorder;
      initlab::default_generator().manual_seed(run.seed);
      auto model = models::build(run.cls);
      set_mode(*model, run.mode);
      initlab::Tensor x(initlab::Shape(run.input_shape));
      initlab::normal_(x, 0, 1, initlab::default_generator());
      {
        initlab::nn::ObserveForward observe(&recorder);
        (*model)(x);
      }
      REQUIRE(recorder.outputs.size() == run.records.size());
      for (std::size_t i = 0; i < run.records.size(); ++i) {
        const std::string diff = compare_close(recorder.outputs[i], run.records[i].expect);
        CHECK_MESSAGE(diff.empty(), run.name << " record " << i << " (" << run.records[i].type
                                             << " " << run.records[i].path << "): " << diff);
      }
    }
  }
}

TEST_CASE("a value just beyond the tolerance fails the comparison") {
  const ForwardRun& run = find_run("cnn_eval");
  Outcome o = run_forward(run);
  (void)o;
  Expect e = run.records[0].expect;
  float v = float_of(e.values[3]);
  v = static_cast<float>(static_cast<double>(v) * (1 + 3 * kRel) + (v >= 0 ? 2 * kAbs : -2 * kAbs));
  uint32_t b;
  std::memcpy(&b, &v, sizeof b);
  e.values[3] = b;
  initlab::default_generator().manual_seed(run.seed);
  auto model = models::build(run.cls);
  model->eval();
  initlab::Tensor x(initlab::Shape(run.input_shape));
  initlab::normal_(x, 0, 1, initlab::default_generator());
  initlab::Tensor conv1_out = (*model->child("conv1"))(x);
  CHECK(compare_close(conv1_out, run.records[0].expect).empty());
  CHECK_FALSE(compare_close(conv1_out, e).empty());
}

}  // TEST_SUITE
