// nn.Embedding and F.embedding against PyTorch 1.13 (tests/fixtures/sequence_fixtures.txt,
// written by make_sequence_fixtures.py): each case's script runs in initlab and the buffers of
// its `res` module are compared with PyTorch's: the default init and the forward bit for bit,
// gradients and renormalized weights within 1e-6 relative (see the script's docstring).
// Then finite-difference checks of EmbeddingBackward through the C++ op.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "initlab/autograd.hpp"
#include "initlab/nn/ops.hpp"
#include "initlab/session.hpp"
#include "support/fixtures.hpp"

namespace {

struct SeqTensor {
  std::string name;
  fixtures::Expect expect;
};

struct SeqCase {
  std::string name, script;
  std::vector<SeqTensor> tensors;
};

std::vector<SeqCase> load_cases() {
  std::ifstream in(std::string(INITLAB_FIXTURE_DIR) + "/sequence_fixtures.txt");
  REQUIRE(in.good());
  std::vector<SeqCase> cases;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const auto space = line.find(' ');
    const std::string key = line.substr(0, space), rest = space == std::string::npos ? "" : line.substr(space + 1);
    if (key == "case") cases.push_back({rest, "", {}});
    else if (key == "script") cases.back().script = fixtures::unescape(rest);
    else if (key == "tensor") cases.back().tensors.push_back({rest.substr(0, rest.find(' ')), {}});
    else if (key == "expect") fixtures::parse_expect(rest, cases.back().tensors.back().expect);
    else if (key == "v") fixtures::parse_values(rest, cases.back().tensors.back().expect);
  }
  return cases;
}

uint32_t bits(float f) {
  uint32_t u;
  std::memcpy(&u, &f, sizeof u);
  return u;
}

float from_bits(uint64_t u) {
  const auto w = static_cast<uint32_t>(u);
  float f;
  std::memcpy(&f, &w, sizeof f);
  return f;
}

}  // namespace

TEST_CASE("nn.Embedding and F.embedding match PyTorch: default init, forward, gradients") {
  const auto cases = load_cases();
  REQUIRE(cases.size() >= 10);
  for (const SeqCase& c : cases) {
    CAPTURE(c.name);
    initlab::RunOptions options;
    options.auto_forward = false;
    options.state_dict = true;
    options.state_dict_of = "res";
    const initlab::Report r = initlab::run(c.script, options);
    REQUIRE_MESSAGE(!r.error, (r.error ? r.error->formatted : ""));
    REQUIRE(r.state_dict.size() == c.tensors.size());
    for (std::size_t k = 0; k < c.tensors.size(); ++k) {
      const SeqTensor& want = c.tensors[k];
      const initlab::NamedTensor& got = r.state_dict[k];
      CAPTURE(want.name);
      REQUIRE(got.name == want.name);
      REQUIRE(static_cast<int64_t>(got.data.size()) == want.expect.n);
      const bool exact = want.name == "init" || (want.name == "out" && c.name.find("max_norm") == std::string::npos);
      int64_t bad = 0;
      for (std::size_t i = 0; i < got.data.size(); ++i) {
        const float expected = from_bits(want.expect.values[i]);
        if (exact) {
          if (bits(got.data[i]) != static_cast<uint32_t>(want.expect.values[i])) ++bad;
        } else if (!(std::fabs(got.data[i] - expected) <= 1e-6f * std::fabs(expected) + 1e-7f)) {
          ++bad;
        }
      }
      CHECK(bad == 0);
    }
  }
}

namespace {

// d(sum(embedding(w, idx) * gy))/dw by central differences in double, against the backward.
void check_embedding_fd(int64_t padding_idx, bool by_freq) {
  using initlab::Shape;
  using initlab::Tensor;
  Tensor w = Tensor::from_vector(Shape{5, 3}, {0.3f, -1.2f, 0.7f, 1.1f, 0.05f, -0.4f, 2.0f, -0.9f, 0.6f, -1.5f, 0.2f, 0.8f, 0.1f, 0.4f, -0.3f});
  Tensor idx = Tensor::from_vector(Shape{2, 3}, {1, 3, 1, 4, 0, 1});
  idx.set_dtype(initlab::DType::int64);
  Tensor gy = Tensor::from_vector(Shape{2, 3, 3}, {0.5f, -1.0f, 0.25f, 2.0f, 0.1f, -0.3f, 1.5f, 0.7f, -0.6f, -0.2f, 0.9f, 1.1f, 0.3f, -0.8f, 0.4f, 1.0f, -1.3f, 0.6f});
  w.set_requires_grad(true);
  Tensor y = initlab::ops::embedding(w, idx, padding_idx, by_freq);
  y.backward(gy);
  const std::vector<float> grad = w.grad().to_vector();
  const auto loss = [&](const Tensor& weights) {
    initlab::autograd::NoGrad off;
    const std::vector<float> out = initlab::ops::embedding(weights, idx, padding_idx, by_freq).to_vector();
    const std::vector<float> g = gy.to_vector();
    double s = 0;
    for (std::size_t i = 0; i < out.size(); ++i) s += static_cast<double>(out[i]) * static_cast<double>(g[i]);
    return s;
  };
  // A row's contribution is linear in w, so a large step is exact up to rounding; the
  // padding row's and (by_freq) the count scaling's effects are what the backward must add.
  const std::vector<float> base = w.detach().to_vector();
  for (std::size_t j = 0; j < base.size(); ++j) {
    std::vector<float> plus = base, minus = base;
    plus[j] += 0.5f;
    minus[j] -= 0.5f;
    double fd = (loss(Tensor::from_vector(Shape{5, 3}, plus)) - loss(Tensor::from_vector(Shape{5, 3}, minus))) / 1.0;
    // The lookup itself does not scale or skip rows: what the backward must do on top of the
    // plain derivative (PyTorch's definition of these two options' gradients).
    const int64_t row = static_cast<int64_t>(j) / 3;
    if (row == padding_idx) fd = 0;
    if (by_freq) {
      const std::vector<float> ids = idx.to_vector();
      int count = 0;
      for (float v : ids) count += static_cast<int64_t>(v) == row;
      if (count > 0) fd /= count;
    }
    CHECK(std::fabs(static_cast<double>(grad[j]) - fd) <= 1e-5 * (1 + std::fabs(fd)));
  }
}

}  // namespace

TEST_CASE("EmbeddingBackward agrees with finite differences") {
  check_embedding_fd(-1, false);
  check_embedding_fd(1, false);
  check_embedding_fd(-1, true);
  check_embedding_fd(3, true);
}
