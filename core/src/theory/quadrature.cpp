// Gaussian expectations of the activations in double: phi and phi' as PyTorch defines them,
// Gauss-Hermite for smooth integrands and Gauss-Legendre panels split at the kinks otherwise
// (a kink inside a Gauss-Hermite rule costs it its spectral accuracy).
#include <algorithm>
#include <cmath>

#include "initlab/theory.hpp"

namespace initlab::theory {

namespace {

constexpr double kSeluAlpha = 1.6732632423543772848170429916717;
constexpr double kSeluScale = 1.0507009873554804934193349852946;
constexpr double kPi = 3.14159265358979323846;

double sigmoid(double x) { return x >= 0 ? 1.0 / (1.0 + std::exp(-x)) : std::exp(x) / (1.0 + std::exp(x)); }
double softplus1(double x) { return x > 0 ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x)); }
constexpr double kGeluTanhK = 0.7978845608028654;  // sqrt(2 / pi)

// n-point Gauss-Legendre on [-1, 1] by Newton's method on the three-term recurrence.
Rule legendre(int n) {
  Rule r;
  r.x.resize(static_cast<size_t>(n));
  r.w.resize(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    double x = std::cos(kPi * (i + 0.75) / (n + 0.5));
    double dp = 0;
    for (int it = 0; it < 100; ++it) {
      double p0 = 1, p1 = x;
      for (int j = 2; j <= n; ++j) {
        double p2 = ((2 * j - 1) * x * p1 - (j - 1) * p0) / j;
        p0 = p1;
        p1 = p2;
      }
      dp = n * (x * p1 - p0) / (x * x - 1);
      double dx = p1 / dp;
      x -= dx;
      if (std::fabs(dx) < 1e-16) break;
    }
    r.x[static_cast<size_t>(i)] = x;
    r.w[static_cast<size_t>(i)] = 2.0 / ((1 - x * x) * dp * dp);
  }
  return r;
}

// n-point Gauss-Hermite (weight exp(-x^2)) by Newton on the orthonormal recurrence, then
// mapped to the standard normal: z = sqrt(2) x, weight / sqrt(pi).
Rule hermite(int n) {
  std::vector<double> xs(static_cast<size_t>(n)), ws(static_cast<size_t>(n));
  const int m = (n + 1) / 2;
  double z = 0;
  for (int i = 0; i < m; ++i) {
    // Starting guesses for the largest roots first (asymptotic formulas), then extrapolation.
    if (i == 0) {
      z = std::sqrt(2.0 * n + 1) - 1.85575 * std::pow(2.0 * n + 1, -0.16667);
    } else if (i == 1) {
      z -= 1.14 * std::pow(static_cast<double>(n), 0.426) / z;
    } else if (i == 2) {
      z = 1.86 * z - 0.86 * xs[0];
    } else if (i == 3) {
      z = 1.91 * z - 0.91 * xs[1];
    } else {
      z = 2.0 * z - xs[static_cast<size_t>(i - 2)];
    }
    double pp = 0;
    for (int it = 0; it < 200; ++it) {
      double p1 = std::pow(kPi, -0.25), p2 = 0;
      for (int j = 1; j <= n; ++j) {
        double p3 = p2;
        p2 = p1;
        p1 = z * std::sqrt(2.0 / j) * p2 - std::sqrt((j - 1.0) / j) * p3;
      }
      pp = std::sqrt(2.0 * n) * p2;
      double dz = p1 / pp;
      z -= dz;
      if (std::fabs(dz) < 1e-15) break;
    }
    xs[static_cast<size_t>(i)] = z;
    xs[static_cast<size_t>(n - 1 - i)] = -z;
    ws[static_cast<size_t>(i)] = ws[static_cast<size_t>(n - 1 - i)] = 2.0 / (pp * pp);
  }
  Rule r;
  for (int i = 0; i < n; ++i) {
    r.x.push_back(std::sqrt(2.0) * xs[static_cast<size_t>(i)]);
    r.w.push_back(ws[static_cast<size_t>(i)] / std::sqrt(kPi));
  }
  return r;
}

}  // namespace

const Rule& gauss_hermite() {
  static const Rule rule = hermite(101);
  return rule;
}

Rule split_rule(const std::vector<double>& breaks_in_z) {
  static const Rule panel = legendre(20);
  constexpr double kLimit = 14.0, kWidth = 0.5;
  std::vector<double> edges{-kLimit, kLimit};
  for (double b : breaks_in_z)
    if (b > -kLimit && b < kLimit) edges.push_back(b);
  std::sort(edges.begin(), edges.end());
  Rule r;
  const double norm = 1.0 / std::sqrt(2 * kPi);
  for (size_t e = 0; e + 1 < edges.size(); ++e) {
    double lo = edges[e], hi = edges[e + 1];
    if (hi - lo <= 0) continue;
    int pieces = static_cast<int>(std::ceil((hi - lo) / kWidth));
    double h = (hi - lo) / pieces;
    for (int k = 0; k < pieces; ++k) {
      double a = lo + k * h, c = a + h / 2;
      for (size_t i = 0; i < panel.x.size(); ++i) {
        double zz = c + h / 2 * panel.x[i];
        r.x.push_back(zz);
        r.w.push_back(h / 2 * panel.w[i] * norm * std::exp(-zz * zz / 2));
      }
    }
  }
  return r;
}

namespace {

// split_rule of the same breaks, built once: a fixed point asks for the same rule (ReLU's
// kink at z = 0, or none for a wide smooth one) at every one of its iterations, and building
// it (1,120 nodes, an exp each) was a third of a ReLU model's run(). The last few are kept,
// per thread (parallel Trainers run on their own threads natively).
const Rule& cached_split_rule(const std::vector<double>& breaks_in_z) {
  struct Entry {
    std::vector<double> breaks;
    Rule rule;
  };
  thread_local std::vector<Entry> kept;
  for (const Entry& e : kept)
    if (e.breaks == breaks_in_z) return e.rule;
  if (kept.size() >= 8) kept.erase(kept.begin());
  kept.push_back(Entry{breaks_in_z, split_rule(breaks_in_z)});
  return kept.back().rule;
}

}  // namespace

double phi(const Nonlinearity& n, double x) {
  if (n.identity) return x;
  const double alpha = static_cast<double>(n.params.alpha), beta = static_cast<double>(n.params.beta),
               th = static_cast<double>(n.params.threshold);
  using A = kernels::Activation;
  switch (n.kind) {
    case A::relu: return x > 0 ? x : 0.0;
    case A::leaky_relu: return x > 0 ? x : alpha * x;
    case A::elu: return x > 0 ? x : alpha * std::expm1(x);
    case A::selu: return kSeluScale * (x > 0 ? x : kSeluAlpha * std::expm1(x));
    case A::gelu: return 0.5 * x * (1.0 + std::erf(x / std::sqrt(2.0)));
    case A::gelu_tanh: return 0.5 * x * (1.0 + std::tanh(kGeluTanhK * (x + 0.044715 * x * x * x)));
    case A::silu: return x * sigmoid(x);
    case A::tanh: return std::tanh(x);
    case A::sigmoid: return sigmoid(x);
    case A::softplus: return beta * x > th ? x : softplus1(beta * x) / beta;
    case A::hardtanh: return x < alpha ? alpha : (x > beta ? beta : x);
    case A::hardswish: return x * std::min(std::max(x + 3.0, 0.0), 6.0) / 6.0;
    case A::hardsigmoid: return std::min(std::max(x + 3.0, 0.0), 6.0) / 6.0;
    case A::mish: return x * std::tanh(softplus1(x));
    case A::logsigmoid: return std::min(x, 0.0) - std::log1p(std::exp(-std::fabs(x)));
    case A::softsign: return x / (1.0 + std::fabs(x));
    case A::celu: return x > 0 ? x : alpha * std::expm1(x / alpha);
    case A::tanhshrink: return x - std::tanh(x);
    case A::threshold: return x <= th ? alpha : x;
  }
  return x;
}

double dphi(const Nonlinearity& n, double x) {
  if (n.identity) return 1.0;
  const double alpha = static_cast<double>(n.params.alpha), beta = static_cast<double>(n.params.beta),
               th = static_cast<double>(n.params.threshold);
  using A = kernels::Activation;
  switch (n.kind) {
    case A::relu: return x > 0 ? 1.0 : 0.0;
    case A::leaky_relu: return x > 0 ? 1.0 : alpha;
    case A::elu: return x > 0 ? 1.0 : alpha * std::exp(x);
    case A::selu: return kSeluScale * (x > 0 ? 1.0 : kSeluAlpha * std::exp(x));
    case A::gelu:
      return 0.5 * (1.0 + std::erf(x / std::sqrt(2.0))) + x * std::exp(-x * x / 2) / std::sqrt(2 * kPi);
    case A::gelu_tanh: {
      double u = kGeluTanhK * (x + 0.044715 * x * x * x), t = std::tanh(u);
      return 0.5 * (1.0 + t) + 0.5 * x * (1 - t * t) * kGeluTanhK * (1 + 3 * 0.044715 * x * x);
    }
    case A::silu: {
      double s = sigmoid(x);
      return s * (1 + x * (1 - s));
    }
    case A::tanh: {
      double t = std::tanh(x);
      return 1 - t * t;
    }
    case A::sigmoid: {
      double s = sigmoid(x);
      return s * (1 - s);
    }
    case A::softplus: return beta * x > th ? 1.0 : sigmoid(beta * x);
    case A::hardtanh: return x > alpha && x < beta ? 1.0 : 0.0;
    case A::hardswish: return x < -3 ? 0.0 : (x > 3 ? 1.0 : (2 * x + 3) / 6);
    case A::hardsigmoid: return x > -3 && x < 3 ? 1.0 / 6 : 0.0;
    case A::mish: {
      double t = std::tanh(softplus1(x));
      return t + x * (1 - t * t) * sigmoid(x);
    }
    case A::logsigmoid: return 1 - sigmoid(x);
    case A::softsign: {
      double d = 1 + std::fabs(x);
      return 1 / (d * d);
    }
    case A::celu: return x > 0 ? 1.0 : std::exp(x / alpha);
    case A::tanhshrink: {
      double t = std::tanh(x);
      return t * t;
    }
    case A::threshold: return x <= th ? 0.0 : 1.0;
  }
  return 1.0;
}

std::vector<double> kinks(const Nonlinearity& n) {
  if (n.identity) return {};
  using A = kernels::Activation;
  switch (n.kind) {
    case A::relu: case A::leaky_relu: case A::elu: case A::selu: case A::celu: case A::softsign:
      return {0.0};
    case A::hardtanh: return {static_cast<double>(n.params.alpha), static_cast<double>(n.params.beta)};
    case A::hardswish: case A::hardsigmoid: return {-3.0, 3.0};
    case A::softplus: return {static_cast<double>(n.params.threshold) / static_cast<double>(n.params.beta)};
    case A::threshold: return {static_cast<double>(n.params.threshold)};
    default: return {};
  }
}

Moments moments(const Nonlinearity& n, double mu, double s) {
  Moments m;
  if (!(s > 0)) {
    double y = phi(n, mu), d = dphi(n, mu);
    m.mean = y;
    m.m2 = y * y;
    m.dphi2 = d * d;
    return m;
  }
  std::vector<double> ks = kinks(n);
  // Gauss-Hermite's nodes near 0 are ~0.3 apart: once s > 2 a smooth activation's transition
  // (tanh, erf) is narrower than that in z and the rule loses digits (GELU at q = 40: 4e-4);
  // panels then.
  const bool panels = !ks.empty() || s > 2;
  for (double& k : ks) k = (k - mu) / s;
  const Rule& r = panels ? cached_split_rule(ks) : gauss_hermite();
  for (size_t i = 0; i < r.x.size(); ++i) {
    double x = mu + s * r.x[i];
    double y = phi(n, x), d = dphi(n, x);
    m.mean += r.w[i] * y;
    m.m2 += r.w[i] * y * y;
    m.dphi2 += r.w[i] * d * d;
  }
  return m;
}

}  // namespace initlab::theory
