// The input-output Jacobian's singular values: the one-sided Jacobi SVD against closed forms;
// a run's J against numpy's SVD of the weight product (linear nets) and of the
// finite-difference Jacobian (nonlinear ones, train-mode BatchNorm), from
// tests/fixtures/make_jacobian_fixtures.py; the theory's mean s^2; Gaussian vs orthogonal
// redraws; the skipped sentences, the option errors, and no trace left on the model.
#include <doctest/doctest.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "initlab/error.hpp"
#include "initlab/nn/layers.hpp"
#include "initlab/sampling.hpp"
#include "initlab/session.hpp"
#include "initlab/tensor.hpp"
#include "initlab/theory_jacobian.hpp"
#include "support/fixtures.hpp"

using namespace initlab;

namespace {

// ---- closed forms for the SVD -------------------------------------------------------------

// Row-major product of an (n x k) and a (k x m) matrix.
std::vector<double> matmul(const std::vector<double>& a, const std::vector<double>& b, int n, int k, int m) {
  std::vector<double> c(static_cast<size_t>(n * m), 0.0);
  for (int i = 0; i < n; ++i)
    for (int l = 0; l < k; ++l)
      for (int j = 0; j < m; ++j) c[static_cast<size_t>(i * m + j)] += a[static_cast<size_t>(i * k + l)] * b[static_cast<size_t>(l * m + j)];
  return c;
}

// An n x n orthogonal matrix: a product of Givens rotations over every plane.
std::vector<double> rotation(int n, double seed) {
  std::vector<double> q(static_cast<size_t>(n * n), 0.0);
  for (int i = 0; i < n; ++i) q[static_cast<size_t>(i * n + i)] = 1;
  double angle = seed;
  for (int p = 0; p < n; ++p)
    for (int r = p + 1; r < n; ++r) {
      angle = std::fmod(angle * 1.618 + 0.7, 6.28);
      const double c = std::cos(angle), s = std::sin(angle);
      for (int i = 0; i < n; ++i) {
        double& a = q[static_cast<size_t>(i * n + p)];
        double& b = q[static_cast<size_t>(i * n + r)];
        const double x = a, y = b;
        a = c * x - s * y;
        b = s * x + c * y;
      }
    }
  return q;
}

std::vector<double> transpose(const std::vector<double>& a, int rows, int cols) {
  std::vector<double> t(a.size());
  for (int i = 0; i < rows; ++i)
    for (int j = 0; j < cols; ++j) t[static_cast<size_t>(j * rows + i)] = a[static_cast<size_t>(i * cols + j)];
  return t;
}

// ---- the fixture file ---------------------------------------------------------------------

struct JacobianCase {
  std::string name, script;
  int inputs = 0;
  std::vector<std::vector<double>> sv;  // per input
};

double f64_of_hex(const std::string& h) {
  const uint64_t bits = std::stoull(h, nullptr, 16);
  double d;
  std::memcpy(&d, &bits, sizeof d);
  return d;
}

const std::map<std::string, JacobianCase>& jacobian_fixtures() {
  static const std::map<std::string, JacobianCase> cases = [] {
    std::map<std::string, JacobianCase> out;
    std::istringstream in(fixtures::read_file(std::string(INITLAB_FIXTURE_DIR) + "/jacobian_fixtures.txt"));
    std::string line;
    JacobianCase c;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      const size_t sp = line.find(' ');
      const std::string key = line.substr(0, sp), rest = sp == std::string::npos ? "" : line.substr(sp + 1);
      if (key == "case") {
        c = JacobianCase();
        c.name = rest;
      } else if (key == "script") {
        c.script = fixtures::unescape(rest);
      } else if (key == "inputs") {
        c.inputs = std::stoi(rest);
      } else if (key == "sv") {
        std::istringstream values(rest);
        int index = 0;
        values >> index;
        std::vector<double> s;
        for (std::string h; values >> h;) s.push_back(f64_of_hex(h));
        c.sv.push_back(s);
      } else if (key == "end") {
        out[c.name] = c;
      }
    }
    return out;
  }();
  return cases;
}

Report run_jacobian(const std::string& script, const std::string& reinit = "", bool state_dict = false) {
  RunOptions o;
  o.jacobian = true;
  o.reinit = reinit;
  o.state_dict = state_dict;
  return run(script, o);
}

double max_abs_diff(const std::vector<double>& a, const std::vector<double>& b) {
  double d = 0;
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) d = std::max(d, std::fabs(a[i] - b[i]));
  return d;
}

// fan_in * E[W^2] of each 2-D+ weight in a state dict, by name.
std::map<std::string, double> sigma_w2(const Report& r) {
  std::map<std::string, double> out;
  for (const NamedTensor& t : r.state_dict) {
    if (t.shape.size() < 2 || t.name.find("weight") == std::string::npos) continue;
    double s = 0;
    for (float v : t.data) s += static_cast<double>(v) * static_cast<double>(v);
    const double fan_in = static_cast<double>(t.data.size()) / static_cast<double>(t.shape[0]);
    out[t.name] = fan_in * s / static_cast<double>(t.data.size());
  }
  return out;
}

}  // namespace

TEST_SUITE("theory") {

TEST_CASE("one-sided Jacobi: diagonal, rank-deficient, rotated, orthogonal matrices") {
  // Diagonal, with signs and out of order, square and rectangular (both orientations).
  CHECK(theory::singular_values({-3, 0, 0, 0, 0.5, 0, 0, 0, 2}, 3, 3) == std::vector<double>{3, 2, 0.5});
  const std::vector<double> wide = {0, 0, 4, 0, 0, 0, -1, 0, 0, 0};  // 2 x 5
  CHECK(theory::singular_values(wide, 2, 5) == std::vector<double>{4, 1});
  CHECK(theory::singular_values(transpose(wide, 2, 5), 5, 2) == std::vector<double>{4, 1});
  CHECK(theory::singular_values({-7}, 1, 1) == std::vector<double>{7});
  CHECK(theory::singular_values({}, 0, 3).empty());
  // Rank one: u v^T has the single singular value |u| |v|; the rest are 0 to rounding.
  {
    const std::vector<double> u = {1, -2, 0.5, 3}, v = {0.3, 1, -1, 2, 0.1, -0.7};
    std::vector<double> a;
    double nu = 0, nv = 0;
    for (double x : u) nu += x * x;
    for (double y : v) nv += y * y;
    for (double x : u)
      for (double y : v) a.push_back(x * y);
    const std::vector<double> s = theory::singular_values(a, 4, 6);
    REQUIRE(s.size() == 4);
    CHECK(s[0] == doctest::Approx(std::sqrt(nu * nv)).epsilon(1e-14));
    for (size_t i = 1; i < s.size(); ++i) CHECK(s[i] <= 1e-14 * s[0]);
  }
  // A repeated column: rank 2 of 3.
  {
    const std::vector<double> a = {1, 2, 1, 0, 1, 0, 3, -1, 3, 2, 2, 2, 0.5, 0, 0.5};  // 5 x 3
    const std::vector<double> s = theory::singular_values(a, 5, 3);
    CHECK(s[2] <= 1e-14 * s[0]);
    CHECK(s[1] > 0.1);
  }
  // U diag(d) V^T for rotations U, V: the singular values are d, to the last digits, also the
  // small one (Jacobi's relative accuracy); for a 6 x 4 and its transpose.
  {
    const std::vector<double> d = {3, 1.5, 0.25, 1e-6};
    std::vector<double> sigma(6 * 4, 0.0);
    for (int i = 0; i < 4; ++i) sigma[static_cast<size_t>(i * 4 + i)] = d[static_cast<size_t>(i)];
    const std::vector<double> a = matmul(matmul(rotation(6, 0.3), sigma, 6, 6, 4), transpose(rotation(4, 1.1), 4, 4), 6, 4, 4);
    for (const auto& s : {theory::singular_values(a, 6, 4), theory::singular_values(transpose(a, 6, 4), 4, 6)}) {
      REQUIRE(s.size() == 4);
      for (int i = 0; i < 4; ++i) CHECK(s[static_cast<size_t>(i)] == doctest::Approx(d[static_cast<size_t>(i)]).epsilon(1e-9));
    }
    // Frobenius norm: the sum of s^2.
    double f = 0, s2 = 0;
    for (double x : a) f += x * x;
    for (double x : theory::singular_values(a, 6, 4)) s2 += x * x;
    CHECK(s2 == doctest::Approx(f).epsilon(1e-14));
  }
  // An orthogonal matrix: every singular value 1; the rotation's columns stay orthonormal.
  {
    const int n = 9;
    const std::vector<double> q = rotation(n, 0.9);
    const std::vector<double> qtq = matmul(transpose(q, n, n), q, n, n, n);
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < n; ++j) CHECK(std::fabs(qtq[static_cast<size_t>(i * n + j)] - (i == j ? 1.0 : 0.0)) < 1e-14);
    for (double s : theory::singular_values(q, n, n)) CHECK(std::fabs(s - 1) < 1e-14);
  }
  CHECK_THROWS_AS(theory::singular_values({1, 2, 3}, 2, 2), Error);
}

TEST_CASE("a linear network's J has the singular values of its weights' product (numpy, float64)") {
  for (const char* name : {"linear_no_bias", "linear_bias"}) {
    CAPTURE(name);
    const JacobianCase& c = jacobian_fixtures().at(name);
    const Report r = run_jacobian(c.script);
    REQUIRE(r.ok);
    REQUIRE(r.jacobian);
    const theory::Jacobian& j = *r.jacobian;
    CHECK(j.skipped == "");
    CHECK(j.n_in == 20);
    CHECK(j.n_out == 10);
    CHECK(j.inputs == c.inputs);
    CHECK_FALSE(j.batch_coupled);
    REQUIRE(j.per_input.size() == c.sv.size());
    for (size_t i = 0; i < c.sv.size(); ++i) {
      REQUIRE(j.per_input[i].size() == c.sv[i].size());
      // J comes out of float32 backward passes: each entry is a float32 dot product over
      // <= 30 terms (relative rounding ~ 1e-7 of the row's size). Every singular value
      // here, the smallest included (condition number < 20), is within 1e-6 relative.
      for (size_t k = 0; k < c.sv[i].size(); ++k)
        CHECK(j.per_input[i][k] == doctest::Approx(c.sv[i][k]).epsilon(1e-6));
    }
    CHECK(j.singular_values.size() == 4 * c.sv[0].size());
    CHECK(j.largest == doctest::Approx(c.sv[0].front()).epsilon(1e-6));
    CHECK(j.smallest == doctest::Approx(c.sv[0].back()).epsilon(1e-6));
    CHECK(j.condition == doctest::Approx(c.sv[0].front() / c.sv[0].back()).epsilon(2e-6));
    double m = 0;
    for (double s : c.sv[0]) m += s * s;
    CHECK(j.mean_s2 == doctest::Approx(m / static_cast<double>(c.sv[0].size())).epsilon(2e-6));
  }
}

TEST_CASE("a nonlinear net's J against numpy's SVD of the finite-difference Jacobian") {
  // Tolerance: J's entries come from float32 forward and backward passes: products and sums
  // of <= 16 terms per layer over 3 layers, tanh' = 1 - tanh^2 and BatchNorm's batch
  // statistics each rounded to float32 (eps 6e-8). A backward-stable bound is about
  // (terms * layers) * eps = 48 * 6e-8 ~ 3e-6 of ||J||_F per entry; Weyl's inequality moves
  // every singular value by at most ||dJ||_2 <= ||dJ||_F, and ||J||_F <= sqrt(6) s_max: so
  // |ds| <= 1e-5 s_max for every singular value (absolute, as the bound is; a relative test
  // on the smallest ones would claim more than float32 carries). The reference's own error
  // (finite differences in float64, h = 1e-6) is ~1e-10, far below.
  for (const char* name : {"tanh_relu", "batchnorm_train"}) {
    CAPTURE(name);
    const JacobianCase& c = jacobian_fixtures().at(name);
    const Report r = run_jacobian(c.script);
    REQUIRE(r.ok);
    REQUIRE(r.jacobian);
    const theory::Jacobian& j = *r.jacobian;
    CHECK(j.skipped == "");
    CHECK(j.n_in == 8);
    CHECK(j.n_out == 6);
    // Train-mode BatchNorm couples the samples: each block from the batched forward.
    CHECK(j.batch_coupled == (std::string(name) == "batchnorm_train"));
    REQUIRE(j.per_input.size() == c.sv.size());
    for (size_t i = 0; i < c.sv.size(); ++i) {
      CAPTURE(i);
      REQUIRE(j.per_input[i].size() == c.sv[i].size());
      CHECK(max_abs_diff(j.per_input[i], c.sv[i]) <= 1e-5 * c.sv[i].front());
    }
  }
}

TEST_CASE("the theory's mean s^2 for a width-128 tanh net at criticality matches the measured one") {
  // sigma_w^2 = 1, sigma_b^2 = 0: tanh's critical point. Both sides are initlab's, but from
  // independent routes: the theory's n_out * prod(chi) / min(n_in, n_out) from the drawn
  // weights' sigma_w^2 and E[tanh'^2] at the predicted q, against ||J||_F^2 / n of the J the
  // backward passes built. Finite width: one network's ||J||_F^2 fluctuates about the mean
  // field by ~10% (measured over 16 seeds here: sd 0.10 of the ratio at width 64 and 128,
  // depth 4; all 4 samples share the weights, so they do not average it out). Hence each
  // seed within 35% (3.5 sd), and the mean over the 16 seeds within 7.5% (3 sd of a mean
  // of 16).
  double sum = 0;
  const int seeds = 16;
  for (int seed = 0; seed < seeds; ++seed) {
    CAPTURE(seed);
    const std::string src =
        "import torch\nimport torch.nn as nn\ntorch.manual_seed(" + std::to_string(seed) + ")\n"
        "layers = []\nfor i in range(4):\n    l = nn.Linear(128, 128)\n"
        "    nn.init.normal_(l.weight, 0.0, (1.0 / 128) ** 0.5)\n    nn.init.zeros_(l.bias)\n"
        "    layers += [l, nn.Tanh()]\nmodel = nn.Sequential(*layers)\n";
    RunOptions o;
    o.jacobian = true;
    o.batch = 16;
    const Report r = run(src, o);
    REQUIRE(r.ok);
    REQUIRE(r.jacobian);
    REQUIRE(r.jacobian->skipped == "");
    CHECK(r.jacobian->n_in == 128);
    CHECK(r.jacobian->n_out == 128);
    CHECK(r.jacobian->per_input.size() == 4);
    const double ratio = r.jacobian->mean_s2 / r.jacobian->theory_mean_s2;
    CHECK(std::fabs(ratio - 1) < 0.35);
    sum += ratio;
  }
  CHECK(std::fabs(sum / seeds - 1) < 0.075);
}

TEST_CASE("the theory's mean is NaN where it stops, and a linear net's is its weights' Frobenius norm") {
  // Max pooling: the theory has no rule, so no product of chis.
  const Report pooled = run_jacobian(
      "import torch\nimport torch.nn as nn\ntorch.manual_seed(1)\n"
      "model = nn.Sequential(nn.Conv2d(1, 2, 3), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(8, 3))\n"
      "y = model(torch.randn(5, 1, 6, 6))\n");
  REQUIRE(pooled.ok);
  REQUIRE(pooled.jacobian);
  CHECK(pooled.jacobian->skipped == "");
  CHECK(pooled.jacobian->n_in == 36);
  CHECK(pooled.jacobian->n_out == 3);
  CHECK(pooled.jacobian->per_input.size() == 4);
  CHECK(std::isnan(pooled.jacobian->theory_mean_s2));
  // A linear net: n_out * prod(sigma_w^2) / min(n_in, n_out), within finite-width spread of
  // the measured ||J||_F^2 / 10 (the product's Frobenius norm).
  const Report linear = run_jacobian(jacobian_fixtures().at("linear_bias").script);
  REQUIRE(linear.jacobian);
  double prod = 1;
  for (const auto& l : linear.theory.layers) prod *= l.sigma_w2;
  CHECK(linear.jacobian->theory_mean_s2 == doctest::Approx(10 * prod / 10).epsilon(1e-12));
  CHECK(linear.jacobian->theory_mean_s2 / linear.jacobian->mean_s2 > 0.5);
  CHECK(linear.jacobian->theory_mean_s2 / linear.jacobian->mean_s2 < 2);
  // BatchNorm puts 1 / sigma_batch into J, which the product of chis leaves out: not a plain
  // chain, so no theory's mean (though every layer is covered).
  const Report bn = run_jacobian(jacobian_fixtures().at("batchnorm_train").script);
  REQUIRE(bn.jacobian);
  CHECK_FALSE(bn.theory.plain_chain);
  CHECK(std::isnan(bn.jacobian->theory_mean_s2));
  CHECK(linear.theory.plain_chain);
  CHECK(std::isfinite(run_jacobian(jacobian_fixtures().at("tanh_relu").script).jacobian->theory_mean_s2));
}

TEST_CASE("orthogonal weights make a linear net an isometry, Gaussian ones of the same sigma_w^2 do not") {
  const std::string square =
      "import torch\nimport torch.nn as nn\ntorch.manual_seed(3)\n"
      "model = nn.Sequential(nn.Linear(32, 32), nn.Linear(32, 32), nn.Linear(32, 32), nn.Linear(32, 32))\n";
  const Report plain = run_jacobian(square, "", true);
  const Report ortho = run_jacobian(square, "orthogonal", true);
  const Report gauss = run_jacobian(square, "gaussian", true);
  for (const Report* r : {&plain, &ortho, &gauss}) {
    REQUIRE(r->ok);
    REQUIRE(r->jacobian);
    REQUIRE(r->jacobian->skipped == "");
  }
  // Four 32 x 32 orthogonal matrices times their gains: J = g1 g2 g3 g4 Q, every singular
  // value equal (float32 rounding of Q's entries is ~1e-7).
  CHECK(ortho.jacobian->condition == doctest::Approx(1.0).epsilon(1e-5));
  CHECK(gauss.jacobian->condition > 10);
  CHECK(plain.jacobian->condition > 10);
  // sigma_w^2 = fan_in * E[W^2] is the one each weight had: exactly for the orthogonal draw
  // (its mean square is gain^2 / max(rows, cols) by construction); the Gaussian one within
  // its sampling spread (E[W^2] of 1024 draws: relative sd sqrt(2 / 1024) = 4.4%; 4 sd).
  const auto before = sigma_w2(plain), after_o = sigma_w2(ortho), after_g = sigma_w2(gauss);
  REQUIRE(before.size() == 4);
  for (const auto& entry : before) {
    const std::string& name = entry.first;
    const double w2 = entry.second;
    CAPTURE(name);
    CHECK(after_o.at(name) == doctest::Approx(w2).epsilon(1e-6));
    CHECK(std::fabs(after_g.at(name) / w2 - 1) < 4 * std::sqrt(2.0 / 1024));
  }
  // The report describes the redrawn weights (the theory's sigma_w^2 too); biases unchanged.
  for (const auto& l : ortho.theory.layers)
    if (!std::isnan(l.sigma_w2)) CHECK(l.sigma_w2 == doctest::Approx(after_o.at(l.path + ".weight")).epsilon(1e-9));
  for (size_t i = 0; i < plain.state_dict.size(); ++i)
    if (plain.state_dict[i].name.find("bias") != std::string::npos) {
      CHECK(plain.state_dict[i].data == ortho.state_dict[i].data);
      CHECK(plain.state_dict[i].data == gauss.state_dict[i].data);
    }
  // Reproducible from the seed.
  CHECK(run_jacobian(square, "gaussian", true).state_dict[0].data == gauss.state_dict[0].data);
  CHECK(run_jacobian(square, "orthogonal", true).state_dict[0].data == ortho.state_dict[0].data);
  // A redraw implies the run's own forward, even where the script called the model itself.
  const Report called = run_jacobian(square + "y = model(torch.randn(5, 32))\n", "orthogonal");
  REQUIRE(called.jacobian);
  CHECK_FALSE(called.forward_from_script);
  CHECK(called.input_shape == std::vector<int64_t>{64, 32});
  CHECK(called.jacobian->condition == doctest::Approx(1.0).epsilon(1e-5));
  CHECK(run_jacobian(square + "y = model(torch.randn(5, 32))\n").forward_from_script);
  // ReLU zeroes about half the units of each layer: no isometry, orthogonal or not.
  const Report relu = run_jacobian(
      "import torch\nimport torch.nn as nn\ntorch.manual_seed(3)\n"
      "model = nn.Sequential(nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, 32))\n",
      "orthogonal");
  REQUIRE(relu.jacobian);
  CHECK(relu.jacobian->condition > 1e3);
  // Its null directions sit below float32's noise floor; the linear nets' spectra above it.
  CHECK(relu.jacobian->smallest < relu.jacobian->noise_floor);
  CHECK(ortho.jacobian->smallest > 1e3 * ortho.jacobian->noise_floor);
  CHECK(ortho.jacobian->noise_floor == doctest::Approx(static_cast<double>(FLT_EPSILON) * std::sqrt(32.0) * ortho.jacobian->largest));
}

TEST_CASE("Gaussian redraws keep sigma_w^2 within sampling spread on a large layer, conv weights too") {
  const std::string src =
      "import torch\nimport torch.nn as nn\ntorch.manual_seed(4)\n"
      "model = nn.Sequential(nn.Conv2d(3, 8, 3), nn.Flatten(), nn.Linear(8 * 6 * 6, 256), nn.Tanh(), nn.Linear(256, 256))\n";
  RunOptions o;
  o.state_dict = true;
  o.input_shape = {4, 3, 8, 8};
  const Report plain = run(src, o);
  o.reinit = "gaussian";
  const Report gauss = run(src, o);
  o.reinit = "orthogonal";
  const Report ortho = run(src, o);
  REQUIRE(plain.ok);
  REQUIRE(gauss.ok);
  REQUIRE(ortho.ok);
  const auto before = sigma_w2(plain), after_g = sigma_w2(gauss), after_o = sigma_w2(ortho);
  REQUIRE(before.size() == 3);
  for (const auto& entry : before) {
    const std::string& name = entry.first;
    const double w2 = entry.second;
    CAPTURE(name);
    CHECK(after_o.at(name) == doctest::Approx(w2).epsilon(1e-6));
    if (name == "4.weight") CHECK(std::fabs(after_g.at(name) / w2 - 1) < 4 * std::sqrt(2.0 / 65536));
    CHECK(after_g.at(name) != w2);  // redrawn
  }
  // A scaled run: the weights drawn at init_scale 0.5 keep their (scaled) sigma_w^2.
  o.init_scale = 0.5;
  o.reinit = "";
  const Report half = run(src, o);
  o.reinit = "orthogonal";
  const Report half_o = run(src, o);
  for (const auto& [name, w2] : sigma_w2(half)) CHECK(sigma_w2(half_o).at(name) == doctest::Approx(w2).epsilon(1e-6));
  CHECK(sigma_w2(half).at("4.weight") == doctest::Approx(0.25 * before.at("4.weight")).epsilon(1e-6));
}

TEST_CASE("J is skipped with one sentence when it cannot or should not be computed") {
  const auto skipped = [](const std::string& model, const std::string& call = "") {
    const Report r = run_jacobian("import torch\nimport torch.nn as nn\nmodel = " + model + "\n" + call);
    REQUIRE(r.ok);
    REQUIRE(r.jacobian);
    return r.jacobian->skipped;
  };
  CHECK(skipped("nn.Linear(5000, 2)") == "the input has 5000 values per sample; the Jacobian is computed for at most 4096");
  CHECK(skipped("nn.Linear(2, 5000)") == "the output has 5000 values per sample; the Jacobian is computed for at most 4096");
  CHECK(skipped("nn.Linear(784, 784)") ==
        "the Jacobian is 784 x 784 per sample; its SVD is computed only up to max * min^2 = 2^26 values (4096 x 128, 406 x 406)");
  CHECK(skipped("nn.Embedding(10, 4)", "y = model(torch.tensor([[1, 2], [3, 4]]))\n") ==
        "the input is int64 (indices, not values): there is no Jacobian with respect to it");
  CHECK(skipped("nn.Linear(3, 2)", "y = model(torch.randn(3))\n") ==
        "the input of shape [3] has no batch dimension: the Jacobian is taken per sample of a batched input");
  // Without the option, no Jacobian at all; without a model, none either.
  CHECK_FALSE(run("import torch\nimport torch.nn as nn\nmodel = nn.Linear(3, 2)\n").jacobian);
  CHECK_FALSE(run_jacobian("import torch\nx = torch.randn(3)\n").jacobian);
}

TEST_CASE("bad reinit and jacobian_inputs options are one ValueError naming what is allowed") {
  RunOptions o;
  o.reinit = "xavier";
  const Report r = run("import torch.nn as nn\nmodel = nn.Linear(3, 2)\n", o);
  REQUIRE_FALSE(r.ok);
  REQUIRE(r.error);
  CHECK(r.error->kind == "ValueError");
  CHECK(r.error->message ==
        "unknown reinit option 'xavier': use \"\" (the weights as the script drew them), \"gaussian\" or \"orthogonal\"");
  RunOptions k;
  k.jacobian = true;
  k.jacobian_inputs = 0;
  const Report r2 = run("import torch.nn as nn\nmodel = nn.Linear(3, 2)\n", k);
  REQUIRE(r2.error);
  CHECK(r2.error->message == "the jacobian_inputs option must be at least 1, not 0");
  CHECK_THROWS_WITH_AS(theory::check_reinit("Orthogonal"),
                       "unknown reinit option 'Orthogonal': use \"\" (the weights as the script drew them), \"gaussian\" or \"orthogonal\"",
                       Error);
}

TEST_CASE("J of a tuple-returning forward is of its first item, and the forwards print nothing into the report") {
  const std::string head = "import torch\nimport torch.nn as nn\ntorch.manual_seed(5)\n";
  const std::string plain = head + "model = nn.Sequential(nn.Linear(6, 5), nn.Tanh(), nn.Linear(5, 3))\n";
  const std::string tupled = head +
      "class Net(nn.Module):\n"
      "    def __init__(self):\n"
      "        super().__init__()\n"
      "        self.net = nn.Sequential(nn.Linear(6, 5), nn.Tanh(), nn.Linear(5, 3))\n"
      "    def forward(self, x):\n"
      "        print('forward', x.shape[0])\n"
      "        return self.net(x), x.sum()\n"
      "model = Net()\ny, s = model(torch.randn(7, 6))\n";
  const Report a = run_jacobian(plain + "y = model(torch.randn(7, 6))\n");
  const Report b = run_jacobian(tupled);
  REQUIRE(a.jacobian);
  REQUIRE(b.jacobian);
  CHECK(b.jacobian->skipped == "");
  CHECK(b.jacobian->n_out == 3);
  REQUIRE(b.jacobian->per_input.size() == 4);
  for (size_t i = 0; i < 4; ++i) CHECK(max_abs_diff(a.jacobian->per_input[i], b.jacobian->per_input[i]) < 1e-6);
  // The script's own print, once: not the Jacobian's forwards.
  CHECK(b.output == "forward 7\n");
  // jacobian_inputs: fewer samples; more than the batch has: the batch.
  RunOptions o;
  o.jacobian = true;
  o.jacobian_inputs = 2;
  CHECK(run(plain + "y = model(torch.randn(7, 6))\n", o).jacobian->per_input.size() == 2);
  o.jacobian_inputs = 50;
  CHECK(run(plain + "y = model(torch.randn(7, 6))\n", o).jacobian->per_input.size() == 7);
}

TEST_CASE("measuring J leaves no .grad, no frozen flag, no changed buffer and no live tensor behind") {
  const int64_t before = TensorMemory::live_bytes();
  {
    Generator gen(2);
    auto net = std::make_shared<nn::Sequential>();
    net->append(std::make_shared<nn::Linear>(6, 5, true, gen));
    nn::BatchNormOptions bn;
    bn.num_features = 5;
    net->append(std::make_shared<nn::BatchNorm1d>(bn));
    net->append(nn::make_tanh());
    net->append(std::make_shared<nn::Linear>(5, 3, true, gen));
    Tensor x(Shape{8, 6});
    initlab::normal_(x, 0, 1, gen);
    const auto buffers_before = net->named_buffers();
    std::vector<std::vector<float>> values_before;
    for (const auto& [name, t] : buffers_before) values_before.push_back(t.to_vector());
    const theory::Jacobian j = theory::measure_jacobian(*net, [&](const Tensor& in) { return (*net)(in); }, x, 4);
    CHECK(j.skipped == "");
    CHECK(j.batch_coupled);  // train-mode BatchNorm
    CHECK(j.per_input.size() == 4);
    for (auto& named : net->named_parameters()) {
      const std::string& name = named.first;
      const Tensor& p = named.second;
      CAPTURE(name);
      CHECK(p.requires_grad());
      CHECK_FALSE(p.grad().defined());
    }
    const auto buffers_after = net->named_buffers();
    REQUIRE(buffers_after.size() == values_before.size());
    for (size_t i = 0; i < buffers_after.size(); ++i) CHECK(buffers_after[i].second.to_vector() == values_before[i]);
    CHECK_FALSE(x.requires_grad());
    // In eval mode the samples are independent.
    net->eval();
    CHECK_FALSE(theory::measure_jacobian(*net, [&](const Tensor& in) { return (*net)(in); }, x, 4).batch_coupled);
    // Out of time: it stops at the first pass and says how long the rest would take.
    const theory::Jacobian late = theory::measure_jacobian(*net, [&](const Tensor& in) { return (*net)(in); }, x, 4, 0.0);
    CHECK(late.skipped.rfind("the Jacobian needs 3 backward passes, about ", 0) == 0);
    CHECK(late.skipped.find(" s at this model's pace, more than the 0 ms the run's time limit leaves") != std::string::npos);
    CHECK(late.per_input.empty());
    CHECK(std::isnan(late.mean_s2));
  }
  CHECK(TensorMemory::live_bytes() == before);
  // And a whole run with the Jacobian and a redraw.
  { const Report r = run_jacobian(jacobian_fixtures().at("batchnorm_train").script, "orthogonal"); CHECK(r.ok); }
  CHECK(TensorMemory::live_bytes() == before);
}

}  // TEST_SUITE
