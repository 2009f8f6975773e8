// The dropout family and bernoulli against PyTorch, bit for bit:
// tests/fixtures/dropout_fixtures.txt, written by tests/fixtures/make_dropout_fixtures.py (format
// in its header). Each case rebuilds its input from the recorded bits, seeds the default generator
// as torch.manual_seed did, runs the call, and compares the output, the input's gradient when there
// is one, and the next torch.rand(5) (the generator must have advanced exactly as PyTorch's did).
#include <doctest/doctest.h>

#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "initlab/autograd.hpp"
#include "initlab/generator.hpp"
#include "initlab/nn/functional.hpp"
#include "initlab/nn/layers.hpp"
#include "initlab/sampling.hpp"
#include "initlab/warnings.hpp"
#include "support/fixtures.hpp"

using namespace initlab;

namespace {

struct Block {
  Shape shape;
  std::string view = "-";
  fixtures::Expect expect;
};

struct DropoutCase {
  std::string name, op;
  uint64_t seed = 0;
  bool has_p = false;
  double p = 0.0;
  bool has_input = false, has_target = false, has_gy = false, has_grad = false;
  Block input, target;
  fixtures::Expect gy, output, grad, after;
  int line = 0;
};

Shape parse_shape(const std::string& s) {
  std::vector<int64_t> d;
  std::stringstream in(s);
  for (std::string part; std::getline(in, part, 'x');) d.push_back(std::stoll(part));
  return Shape(d);
}

// "shape=AxB view=v"
void parse_block(const std::string& rest, Block& b) {
  std::istringstream in(rest);
  for (std::string w; in >> w;) {
    const auto eq = w.find('=');
    const std::string k = w.substr(0, eq), v = w.substr(eq + 1);
    if (k == "shape")
      b.shape = parse_shape(v);
    else if (k == "view")
      b.view = v;
    else
      throw std::runtime_error("unknown field '" + k + "'");
  }
}

std::vector<DropoutCase> parse(const std::string& text) {
  std::vector<DropoutCase> cases;
  std::istringstream in(text);
  fixtures::Expect* current = nullptr;  // where the next expect/v lines go
  int n = 0;
  for (std::string line; std::getline(in, line);) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    const auto sp = line.find(' ');
    const std::string head = line.substr(0, sp),
                      rest = sp == std::string::npos ? "" : line.substr(sp + 1);
    if (head == "case") {
      cases.emplace_back();
      cases.back().name = rest;
      cases.back().line = n;
      current = nullptr;
      continue;
    }
    if (cases.empty()) throw std::runtime_error("line " + std::to_string(n) + ": outside a case");
    DropoutCase& c = cases.back();
    if (head == "seed") {
      c.seed = static_cast<uint64_t>(std::stoll(rest));
    } else if (head == "op") {
      std::istringstream ws(rest);
      ws >> c.op;
      for (std::string w; ws >> w;) {
        if (w.rfind("p=", 0) != 0)
          throw std::runtime_error("line " + std::to_string(n) + ": op field " + w);
        c.has_p = true;
        c.p = std::stod(w.substr(2));
      }
    } else if (head == "input") {
      c.has_input = true;
      parse_block(rest, c.input);
      current = &c.input.expect;
    } else if (head == "target") {
      c.has_target = true;
      parse_block(rest, c.target);
      current = nullptr;
    } else if (head == "gy") {
      c.has_gy = true;
      current = &c.gy;
    } else if (head == "output") {
      current = &c.output;
    } else if (head == "grad") {
      c.has_grad = true;
      current = &c.grad;
    } else if (head == "after") {
      current = &c.after;
    } else if (head == "expect" || head == "v") {
      if (!current)
        throw std::runtime_error("line " + std::to_string(n) + ": values without a block");
      if (head == "expect")
        fixtures::parse_expect(rest, *current);
      else
        fixtures::parse_values(rest, *current);
    } else if (head == "end") {
      current = nullptr;
    } else {
      throw std::runtime_error("line " + std::to_string(n) + ": unknown line '" + head + "'");
    }
  }
  return cases;
}

const std::vector<DropoutCase>& dropout_cases() {
  static const std::vector<DropoutCase> cases = [] {
    const std::string text =
        fixtures::read_file(std::string(INITLAB_FIXTURE_DIR) + "/dropout_fixtures.txt");
    if (text.empty()) throw std::runtime_error("cannot read dropout_fixtures.txt");
    return parse(text);
  }();
  return cases;
}

// A tensor of the recorded values (every element is recorded: stride 1).
Tensor from_bits(const Shape& shape, const fixtures::Expect& e) {
  if (e.stride != 1 || static_cast<int64_t>(e.values.size()) != shape.numel()) {
    throw std::runtime_error("an input must record every element");
  }
  std::vector<float> v(e.values.size());
  for (std::size_t i = 0; i < v.size(); ++i) {
    const auto b = static_cast<uint32_t>(e.values[i]);
    std::memcpy(&v[i], &b, sizeof b);
  }
  return Tensor::from_vector(shape, v);
}

Tensor apply_view(const Tensor& t, const std::string& view) {
  if (view == "-") return t;
  if (view == "t") return t.t();
  if (view == "step2") return t.slice(1, 0, t.size(1), 2);
  if (view.rfind("permute:", 0) == 0) {
    std::vector<int64_t> dims;
    std::stringstream in(view.substr(8));
    for (std::string d; std::getline(in, d, ',');) dims.push_back(std::stoll(d));
    return t.permute(dims);
  }
  throw std::runtime_error("unknown view " + view);
}

// The call under test, as the fixture script makes it (its OPS table).
Tensor run_op(const DropoutCase& c, const Tensor& x) {
  Generator& gen = default_generator();
  const std::string& op = c.op;
  if (op == "dropout" || op == "dropout_inplace") return F::dropout(x, c.p, true);
  if (op == "module_dropout" || op == "module_dropout2d" || op == "module_alpha_dropout") {
    const auto kind = op == "module_dropout"     ? nn::Dropout::Kind::plain
                      : op == "module_dropout2d" ? nn::Dropout::Kind::d2
                                                 : nn::Dropout::Kind::alpha;
    nn::Dropout m(py::Number::of(c.p), false, kind);
    m.train(true);
    return m.forward(x);
  }
  if (op == "dropout1d") return F::dropout1d(x, c.p, true);
  if (op == "dropout2d") return F::dropout2d(x, c.p, true);
  if (op == "dropout3d") return F::dropout3d(x, c.p, true);
  if (op == "alpha_dropout") return F::alpha_dropout(x, c.p, true);
  if (op == "feature_alpha_dropout") return F::feature_alpha_dropout(x, c.p, true);
  if (op == "bernoulli_probs") {  // torch.bernoulli(x): contiguous, probabilities from x
    Tensor out(x.shape());
    bernoulli_(out, x, gen);
    return out;
  }
  if (op == "bernoulli_p_new") {  // torch.bernoulli(x, p)
    Tensor out(x.shape());
    bernoulli_(out, c.p, gen);
    return out;
  }
  throw std::runtime_error("unknown op " + op);
}

std::vector<float> rand5() {
  Tensor t(Shape{5});
  uniform_(t, 0.0, 1.0, default_generator());
  return t.to_vector();
}

}  // namespace

TEST_SUITE("dropout") {
  TEST_CASE("the fixture file covers what it says") {
    const auto& cases = dropout_cases();
    CHECK(cases.size() >= 100);
    int grads = 0, noncontiguous = 0, bernoulli = 0;
    for (const auto& c : cases) {
      grads += c.has_grad;
      noncontiguous +=
          (c.has_input && c.input.view != "-") || (c.has_target && c.target.view != "-");
      bernoulli += c.op.rfind("bernoulli", 0) == 0;
    }
    CHECK(grads >= 5);
    CHECK(noncontiguous >= 8);
    CHECK(bernoulli >= 10);
  }

  TEST_CASE(
      "dropout, feature and alpha dropout, bernoulli: PyTorch's values and stream, bit for bit") {
    WarningCapture quiet;  // dropout2d's deprecation warnings for 2-D and 3-D inputs
    for (const auto& c : dropout_cases()) {
      CAPTURE(c.name);
      CAPTURE(c.line);
      Tensor x;
      if (c.has_input) {
        const Tensor base = from_bits(c.input.shape, c.input.expect);
        REQUIRE(fixtures::compare_f32(base.to_vector(), c.input.expect, 0.0) == "");
        x = apply_view(base, c.input.view);
        if (c.has_grad) x.set_requires_grad(true);
      }
      default_generator().manual_seed(c.seed);
      Tensor out;
      if (c.op == "bernoulli_" || c.op == "bernoulli_tensor") {
        REQUIRE(c.has_target);
        Tensor base(c.target.shape);
        Tensor view = apply_view(base, c.target.view);
        if (c.op == "bernoulli_")
          bernoulli_(view, c.p, default_generator());
        else
          bernoulli_(view, x, default_generator());
        out = base;
      } else {
        out = run_op(c, x);
      }
      const std::vector<float> after = rand5();
      CHECK_MESSAGE(fixtures::compare_f32(out.detach().to_vector(), c.output, 0.0) == "", "output");
      CHECK_MESSAGE(fixtures::compare_f32(after, c.after, 0.0) == "",
                    "torch.rand(5) after the call");
      if (c.has_grad) {
        REQUIRE(c.has_gy);
        out.backward(from_bits(out.shape(), c.gy));
        REQUIRE(x.grad().defined());
        CHECK_MESSAGE(fixtures::compare_f32(x.grad().to_vector(), c.grad, 0.0) == "", "x.grad");
      }
    }
  }

  TEST_CASE("eval mode, p = 0 and empty inputs return the input and draw nothing") {
    Tensor x(Shape{3, 4});
    x.fill_(2.0f);
    default_generator().manual_seed(3);
    const std::vector<float> fresh = rand5();
    for (bool training : {false, true}) {
      const double p = training ? 0.0 : 0.5;
      default_generator().manual_seed(3);
      CHECK(F::dropout(x, p, training).shares_storage_with(x));
      const Tensor maps(Shape{2, 3, 2, 2});
      CHECK(F::dropout2d(maps, p, training).shares_storage_with(maps));
      CHECK(F::alpha_dropout(x, p, training).shares_storage_with(x));
      CHECK(F::feature_alpha_dropout(x, p, training).shares_storage_with(x));
      CHECK(rand5() == fresh);
    }
    default_generator().manual_seed(3);
    CHECK(F::dropout(Tensor(Shape{0, 4}), 0.5, true).numel() == 0);
    CHECK(F::dropout(x, 1.0, true).to_vector() == std::vector<float>(12, 0.0f));
    CHECK(rand5() == fresh);  // p = 1 multiplies by zero without drawing
  }

  TEST_CASE("PyTorch's errors") {
    Tensor x(Shape{3});
    CHECK_THROWS_WITH(F::dropout(x, 1.5, true),
                      "dropout probability has to be between 0 and 1, but got 1.5");
    CHECK_THROWS_WITH(F::dropout2d(x, 0.5, true),
                      "Feature dropout requires at least 2 dimensions in the input");
    CHECK(F::dropout2d(x, 0.5, false).shares_storage_with(x));  // checked only when drawing
    CHECK_THROWS_WITH(
        F::dropout1d(Tensor(Shape{2, 3, 4, 5}), 0.5, true),
        doctest::Contains("dropout1d: Expected 2D or 3D input, but received a 4D input."));
    CHECK_THROWS_WITH(bernoulli_(x, -0.1, default_generator()),
                      "bernoulli_ expects p to be in [0, 1], but got p=-0.1");
    Tensor probs = Tensor::from_vector(Shape{3}, {0.5f, 2.0f, 0.1f});
    CHECK_THROWS_WITH(bernoulli_(x, probs, default_generator()),
                      doctest::Contains("Expected p_in >= 0 && p_in <= 1"));
    Tensor wide(Shape{2, 3});
    CHECK_THROWS_WITH(bernoulli_(wide, Tensor(Shape{2, 2, 3}), default_generator()),
                      "expand(torch.FloatTensor{[2, 2, 3]}, size=[2, 3]): the number of sizes "
                      "provided (2) must be greater or equal to the number of dimensions in the "
                      "tensor (3)");
    CHECK_THROWS_WITH(
        bernoulli_(wide, Tensor(Shape{4}), default_generator()),
        "The expanded size of the tensor (3) must match the existing size (4) at non-singleton "
        "dimension 1.  Target sizes: [2, 3].  Tensor sizes: [4]");
    WarningCapture warnings;
    F::dropout2d(Tensor(Shape{2, 3, 4}), 0.5, true);
    REQUIRE(warnings.messages().size() == 1);
    CHECK(warnings.messages()[0].rfind("dropout2d: Received a 3D input to dropout2d", 0) == 0);
  }
}
