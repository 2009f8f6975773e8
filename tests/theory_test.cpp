// The mean-field theory's arithmetic: quadrature against closed forms and Monte-Carlo, the
// critical points' chi1, the fixed point and the recursion on hand-made steps.
#include <doctest/doctest.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "initlab/theory.hpp"

namespace theory = initlab::theory;
using initlab::kernels::Activation;
using initlab::kernels::ActivationParams;

namespace {

constexpr double kPi = 3.14159265358979323846;

theory::Nonlinearity act(Activation a, float alpha = 0.0f, float beta = 1.0f, float th = 20.0f) {
  ActivationParams p;
  p.alpha = alpha;
  p.beta = beta;
  p.threshold = th;
  return theory::Nonlinearity::of(a, p);
}

}  // namespace

TEST_SUITE("theory") {

TEST_CASE("the rules integrate the normal density's moments exactly") {
  for (const theory::Rule* r : {&theory::gauss_hermite()}) {
    double m0 = 0, m2 = 0, m4 = 0;
    for (size_t i = 0; i < r->x.size(); ++i) {
      m0 += r->w[i];
      m2 += r->w[i] * r->x[i] * r->x[i];
      m4 += r->w[i] * std::pow(r->x[i], 4);
    }
    CHECK(m0 == doctest::Approx(1.0).epsilon(1e-13));
    CHECK(m2 == doctest::Approx(1.0).epsilon(1e-13));
    CHECK(m4 == doctest::Approx(3.0).epsilon(1e-13));
  }
  theory::Rule s = theory::split_rule({-0.3, 1.7});
  double m0 = 0, m2 = 0;
  for (size_t i = 0; i < s.x.size(); ++i) {
    m0 += s.w[i];
    m2 += s.w[i] * s.x[i] * s.x[i];
  }
  CHECK(m0 == doctest::Approx(1.0).epsilon(1e-13));
  CHECK(m2 == doctest::Approx(1.0).epsilon(1e-13));
}

TEST_CASE("closed forms: ReLU, identity, erf-GELU") {
  for (double q : {0.01, 0.5, 1.0, 3.0, 40.0}) {
    const double s = std::sqrt(q);
    theory::Moments r = theory::moments(act(Activation::relu), q);
    CHECK(r.mean == doctest::Approx(s / std::sqrt(2 * kPi)).epsilon(1e-12));
    CHECK(r.m2 == doctest::Approx(q / 2).epsilon(1e-12));
    CHECK(r.dphi2 == doctest::Approx(0.5).epsilon(1e-12));
    theory::Moments id = theory::moments(theory::Nonlinearity::linear(), q);
    CHECK(std::fabs(id.mean) < 1e-12);
    CHECK(id.m2 == doctest::Approx(q).epsilon(1e-12));
    CHECK(id.dphi2 == doctest::Approx(1.0).epsilon(1e-12));
    // GELU(x) = x Phi(x): E = q / sqrt(2 pi (1 + q)); E[x^2 Phi(x)^2] has the closed form
    // q/4 + q^2/(pi (1+q) sqrt(1+2q)) + q/(2 pi) asin(q/(1+q)) (Gaussian integrals of
    // products of normal CDFs).
    theory::Moments g = theory::moments(act(Activation::gelu), q);
    CHECK(g.mean == doctest::Approx(q / std::sqrt(2 * kPi * (1 + q))).epsilon(1e-10));
    double m2 = q / 4 + q * q / (kPi * (1 + q) * std::sqrt(1 + 2 * q)) +
                q / (2 * kPi) * std::asin(q / (1 + q));
    CHECK(g.m2 == doctest::Approx(m2).epsilon(1e-9));
  }
  // Leaky ReLU: E[phi^2] = q (1 + a^2) / 2, E[phi'^2] = (1 + a^2) / 2.
  theory::Moments l = theory::moments(act(Activation::leaky_relu, 0.2f), 2.0);
  const double a = static_cast<double>(0.2f);
  CHECK(l.m2 == doctest::Approx(2.0 * (1 + a * a) / 2).epsilon(1e-12));
  CHECK(l.dphi2 == doctest::Approx((1 + a * a) / 2).epsilon(1e-12));
}

TEST_CASE("every other activation against Monte-Carlo over 1e6 samples") {
  struct Case {
    const char* name;
    theory::Nonlinearity n;
  };
  const std::vector<Case> cases = {
      {"tanh", act(Activation::tanh)},
      {"sigmoid", act(Activation::sigmoid)},
      {"gelu_tanh", act(Activation::gelu_tanh)},
      {"silu", act(Activation::silu)},
      {"elu", act(Activation::elu, 1.0f)},
      {"selu", act(Activation::selu)},
      {"softplus", act(Activation::softplus, 0.0f, 1.0f, 20.0f)},
      {"softplus beta 2 threshold 1", act(Activation::softplus, 0.0f, 2.0f, 1.0f)},
      {"hardtanh", act(Activation::hardtanh, -1.0f, 1.0f)},
      {"hardswish", act(Activation::hardswish)},
      {"hardsigmoid", act(Activation::hardsigmoid)},
      {"mish", act(Activation::mish)},
      {"logsigmoid", act(Activation::logsigmoid)},
      {"softsign", act(Activation::softsign)},
      {"celu", act(Activation::celu, 0.5f)},
      {"tanhshrink", act(Activation::tanhshrink)},
      {"threshold", act(Activation::threshold, -2.0f, 1.0f, 0.3f)},
  };
  std::mt19937_64 rng(12345);
  std::normal_distribution<double> normal;
  const int n = 1000000;
  std::vector<double> z(n);
  for (double& v : z) v = normal(rng);
  for (const Case& c : cases) {
    for (double mu_s : {0.0, 0.7}) {
      const double s = 1.8;
      CAPTURE(std::string(c.name));
      CAPTURE(mu_s);
      theory::Moments m = theory::moments(c.n, mu_s, s);
      // Sample means and their standard errors; a quadrature off by more than 5 standard
      // errors fails.
      double sy = 0, sy2 = 0, sy4 = 0, sd2 = 0, sd4 = 0;
      for (double v : z) {
        double x = mu_s + s * v, y = theory::phi(c.n, x), d = theory::dphi(c.n, x);
        sy += y;
        sy2 += y * y;
        sy4 += y * y * y * y;
        sd2 += d * d;
        sd4 += d * d * d * d;
      }
      double ey = sy / n, ey2 = sy2 / n, ed2 = sd2 / n;
      double se_y = std::sqrt((ey2 - ey * ey) / n), se_y2 = std::sqrt((sy4 / n - ey2 * ey2) / n),
             se_d2 = std::sqrt((sd4 / n - ed2 * ed2) / n);
      CHECK(std::fabs(m.mean - ey) <= 5 * se_y + 1e-12);
      CHECK(std::fabs(m.m2 - ey2) <= 5 * se_y2 + 1e-12);
      CHECK(std::fabs(m.dphi2 - ed2) <= 5 * se_d2 + 1e-12);
    }
  }
}

TEST_CASE("phi' is the derivative of phi (central differences away from the kinks)") {
  for (Activation a : {Activation::tanh, Activation::sigmoid, Activation::gelu, Activation::gelu_tanh,
                       Activation::silu, Activation::elu, Activation::selu, Activation::softplus,
                       Activation::mish, Activation::logsigmoid, Activation::softsign,
                       Activation::tanhshrink, Activation::hardswish}) {
    theory::Nonlinearity n = act(a, 1.0f);
    for (double x : {-2.3, -0.4, 0.6, 1.9}) {
      CAPTURE(static_cast<int>(a));
      CAPTURE(x);
      const double h = 1e-6;
      double fd = (theory::phi(n, x + h) - theory::phi(n, x - h)) / (2 * h);
      CHECK(theory::dphi(n, x) == doctest::Approx(fd).epsilon(1e-7));
    }
  }
}

TEST_CASE("critical points: ReLU at sigma_w^2 = 2, tanh at sigma_w^2 = 1 (sigma_b = 0)") {
  theory::FixedPoint r = theory::fixed_point(act(Activation::relu), 2.0, 0.0);
  CHECK(std::fabs(r.chi1 - 1.0) < 1e-6);
  theory::FixedPoint t = theory::fixed_point(act(Activation::tanh), 1.0, 0.0);
  CHECK(t.q == 0.0);
  CHECK(std::fabs(t.chi1 - 1.0) < 1e-6);
  CHECK(std::isinf(t.xi_c));
  // Ordered: tanh at sigma_w^2 = 0.5 shrinks to q* = 0 with chi1 = 0.5, xi = 1 / ln 2.
  theory::FixedPoint o = theory::fixed_point(act(Activation::tanh), 0.5, 0.0);
  CHECK(o.chi1 == doctest::Approx(0.5).epsilon(1e-9));
  CHECK(o.xi_c == doctest::Approx(1 / std::log(2.0)).epsilon(1e-9));
  // Chaotic: tanh at sigma_w^2 = 2.5 has q* > 0, chi1 > 1 and a correlation fixed point c* < 1.
  theory::FixedPoint c = theory::fixed_point(act(Activation::tanh), 2.5, 0.0);
  CHECK(c.q > 0.5);
  CHECK(c.chi1 > 1.0);
  CHECK(c.c_star < 0.9);
  CHECK(c.xi_c > 0);
  // A fixed point is one: the length map returns q*.
  theory::FixedPoint b = theory::fixed_point(act(Activation::tanh), 1.5, 0.05);
  CHECK(b.converged);
  CHECK(1.5 * theory::moments(act(Activation::tanh), b.q).m2 + 0.05 ==
        doctest::Approx(b.q).epsilon(1e-12));
}

TEST_CASE("phase grid: chi1 rises with sigma_w^2 and falls with sigma_b^2 for tanh") {
  theory::PhaseGrid g = theory::phase_grid(act(Activation::tanh), 4.0, 0.5, 8, 3);
  REQUIRE(g.chi1.size() == 24);
  CHECK(g.w2.back() == 4.0);
  CHECK(g.b2.front() == 0.0);
  for (size_t i = 0; i < 3; ++i)
    for (size_t j = 1; j < 8; ++j) CHECK(g.chi1[i * 8 + j] > g.chi1[i * 8 + j - 1]);
  CHECK(g.chi1[2 * 8 + 3] < g.chi1[3]);
}

TEST_CASE("ReLU, leaky ReLU and the identity: the closed-form fixed point and grid equal the plain iteration's") {
  // fixed_point and phase_grid skip the iteration for positively homogeneous phi. Here the
  // length map q -> sigma_w^2 E[phi(sqrt(q) z)^2] + sigma_b^2 is iterated by hand (plainly, to
  // convergence, through the quadrature) wherever it converges, and chi1 taken at its limit.
  theory::Nonlinearity leaky = act(Activation::leaky_relu);
  leaky.params.alpha = 0.2f;
  for (const theory::Nonlinearity& n : {act(Activation::relu), leaky, theory::Nonlinearity::linear()}) {
    theory::PhaseGrid g = theory::phase_grid(n, 4.0, 0.5, 8, 3);
    REQUIRE(g.chi1.size() == 24);
    for (size_t i = 0; i < g.b2.size(); ++i) {
      for (size_t j = 0; j < g.w2.size(); ++j) {
        const double w2 = g.w2[j], b2 = g.b2[i];
        double q = 1.0, step = 1.0;
        for (int it = 0; it < 20000 && q < 1e12 && step > 1e-13 * std::max(1.0, q); ++it) {
          const double next = w2 * theory::moments(n, q).m2 + b2;
          step = std::fabs(next - q);
          q = next;
        }
        const bool settled = step <= 1e-13 * std::max(1.0, q) || q < 1e-200;
        const theory::FixedPoint fp = theory::fixed_point(n, w2, b2, true);
        const double chi1 = w2 * theory::moments(n, 0.0, q > 1e-300 ? std::sqrt(q) : 1e-150).dphi2;
        CHECK(g.chi1[i * g.w2.size() + j] == doctest::Approx(chi1).epsilon(1e-12));
        CHECK(fp.chi1 == doctest::Approx(chi1).epsilon(1e-12));
        if (!settled) {
          CHECK(std::isinf(fp.q));
          CHECK_FALSE(fp.converged);
        } else {
          CHECK(fp.converged);
          CHECK(fp.q == doctest::Approx(q).epsilon(1e-9));
        }
      }
    }
  }
  // ReLU: E[phi'(z)^2] = 1/2, so the edge of chaos sits at sigma_w^2 = 2 (He et al. 2015).
  CHECK(theory::phase_grid(act(Activation::relu), 4.0, 0.5, 8, 3).chi1[3] == doctest::Approx(1.0).epsilon(1e-12));
}

TEST_CASE("recursion on hand-made steps, a stop restarting from the measurement") {
  theory::Step lin;
  lin.kind = theory::Step::Kind::affine;
  lin.sigma_w2 = 2.0;
  lin.fan_out_w2 = 2.0;
  theory::Step relu;
  relu.kind = theory::Step::Kind::nonlinearity;
  relu.phi = act(Activation::relu);
  theory::Step stop;
  stop.kind = theory::Step::Kind::stop;
  stop.label = "MaxPool2d: no theory for max";
  theory::Measured in{0.0, 1.0, 1000000};
  std::vector<theory::Measured> measured(5, theory::Measured{0.0, 1.0, 100});
  measured[2] = theory::Measured{0.0, 3.0, 1000000};
  auto p = theory::propagate(in, {lin, relu, stop, lin, relu}, measured);
  CHECK(p[0].predicted_std == doctest::Approx(std::sqrt(2.0 * in.m2())));
  CHECK(p[0].chi1 == doctest::Approx(1.0));
  // After ReLU: E[y^2] = q/2 = m2_in, mean sqrt(q / 2 pi).
  double q = 2.0 * in.m2();
  CHECK(p[1].predicted_mean == doctest::Approx(std::sqrt(q / (2 * kPi))));
  CHECK(!p[2].covered);
  CHECK(p[2].stop_label == "MaxPool2d: no theory for max");
  CHECK(std::isnan(p[2].predicted_std));
  CHECK(p[3].predicted_std == doctest::Approx(std::sqrt(2.0 * measured[2].m2())));
  // Gradients: through ReLU x1/2, Linear x2 per element; a stop breaks the chain.
  auto g = theory::predict_grad_norms(p, {100, 100, 100, 100, 100}, {-1, 5.0, -1, -1, 2.0});
  CHECK(g[4] == doctest::Approx(2.0));
  CHECK(g[3] == doctest::Approx(2.0 * std::sqrt(0.5)));
  CHECK(g[2] == doctest::Approx(2.0));  // x2 through the Linear
  CHECK(g[1] == doctest::Approx(5.0));  // restarted at the measurement after the stop
  CHECK(g[0] == doctest::Approx(5.0 * std::sqrt(0.5)));
}

}  // TEST_SUITE
