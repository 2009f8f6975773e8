// Statistical tests in the spirit of PyTorch's TestNNInit, independent of the fixtures:
// bounds, moments and a Kolmogorov-Smirnov goodness-of-fit test for every random initializer
// on large tensors. Seeds are fixed, so the tests are deterministic, yet a wrong bound, std or
// distribution shape fails them.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

#include "initlab/generator.hpp"
#include "initlab/init.hpp"
#include "initlab/sampling.hpp"

using initlab::Generator;
using initlab::Shape;
using initlab::Tensor;
namespace init = initlab::init;

namespace {

using Cdf = std::function<double(double)>;

double normal_cdf(double x, double mean, double std) {
  return 0.5 * std::erfc(-(x - mean) / (std * std::sqrt(2.0)));
}

Cdf uniform_cdf(double a, double b) {
  return [=](double x) { return x <= a ? 0.0 : x >= b ? 1.0 : (x - a) / (b - a); };
}

Cdf gaussian_cdf(double mean, double std) {
  return [=](double x) { return normal_cdf(x, mean, std); };
}

Cdf truncated_cdf(double mean, double std, double a, double b) {
  const double lo = normal_cdf(a, mean, std), hi = normal_cdf(b, mean, std);
  return [=](double x) {
    if (x <= a) return 0.0;
    if (x >= b) return 1.0;
    return (normal_cdf(x, mean, std) - lo) / (hi - lo);
  };
}

// Kolmogorov-Smirnov statistic of the values against a continuous CDF.
double ks_statistic(std::vector<float> values, const Cdf& cdf) {
  std::sort(values.begin(), values.end());
  const double n = static_cast<double>(values.size());
  double d = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const double f = cdf(static_cast<double>(values[i]));
    d = std::max({d, static_cast<double>(i + 1) / n - f, f - static_cast<double>(i) / n});
  }
  return d;
}

struct Moments {
  double mean, std, min, max;
};

Moments moments(const std::vector<float>& v) {
  double sum = 0, sq = 0, lo = HUGE_VAL, hi = -HUGE_VAL;
  for (float f : v) {
    const double x = static_cast<double>(f);
    sum += x;
    lo = std::min(lo, x);
    hi = std::max(hi, x);
  }
  const double n = static_cast<double>(v.size());
  const double mean = sum / n;
  for (float f : v) sq += (static_cast<double>(f) - mean) * (static_cast<double>(f) - mean);
  return {mean, std::sqrt(sq / (n - 1)), lo, hi};
}

// Checks mean and std (within 5 standard errors) and the KS fit (p > 0.001: D < 1.95/sqrt(n)).
void check_distribution(const std::vector<float>& v, double mean, double std, const Cdf& cdf) {
  const double n = static_cast<double>(v.size());
  const Moments m = moments(v);
  CHECK(std::fabs(m.mean - mean) < 5 * std / std::sqrt(n));
  // The std of the sample std is about std / sqrt(2n) for these light-tailed laws.
  CHECK(std::fabs(m.std - std) < 5 * std / std::sqrt(2 * n));
  CHECK(ks_statistic(v, cdf) < 1.95 / std::sqrt(n));
}

}  // namespace

TEST_SUITE("init statistics") {

TEST_CASE("uniform_ is U(a, b) and stays in bounds") {
  Tensor t(Shape{200, 500});
  Generator g(1);
  init::uniform_(t, -0.3, 0.7, g);
  const auto v = t.to_vector();
  const Moments m = moments(v);
  CHECK(m.min >= -0.3f);
  CHECK(m.max < 0.7f);
  check_distribution(v, 0.2, 1.0 / std::sqrt(12.0), uniform_cdf(-0.3, 0.7));
}

TEST_CASE("normal_ is N(mean, std^2) on both of its code paths") {
  SUBCASE("contiguous, blocks of 16 (with a recomputed tail)") {
    Tensor t(Shape{100003});
    Generator g(2);
    init::normal_(t, 0.5, 2.0, g);
    check_distribution(t.to_vector(), 0.5, 2.0, gaussian_cdf(0.5, 2.0));
  }
  SUBCASE("non-contiguous: double Box-Muller element by element") {
    Tensor base(Shape{400, 250});
    Tensor view = base.t();
    Generator g(3);
    init::normal_(view, 0.5, 2.0, g);
    check_distribution(base.to_vector(), 0.5, 2.0, gaussian_cdf(0.5, 2.0));
  }
}

TEST_CASE("trunc_normal_ is the truncated normal and never leaves a..b") {
  Tensor t(Shape{100000});
  Generator g(4);
  init::trunc_normal_(t, 0.1, 1.0, -0.5, 1.5, g);
  const auto v = t.to_vector();
  const Moments m = moments(v);
  CHECK(m.min >= -0.5f);
  CHECK(m.max <= 1.5f);
  // Moments of N(0.1, 1) truncated to [-0.5, 1.5].
  const double alpha = -0.6, beta = 1.4;
  const double phi_a = std::exp(-alpha * alpha / 2) / std::sqrt(2 * M_PI);
  const double phi_b = std::exp(-beta * beta / 2) / std::sqrt(2 * M_PI);
  const double z = normal_cdf(beta, 0, 1) - normal_cdf(alpha, 0, 1);
  const double mean = 0.1 + (phi_a - phi_b) / z;
  const double var = 1 + (alpha * phi_a - beta * phi_b) / z - std::pow((phi_a - phi_b) / z, 2);
  check_distribution(v, mean, std::sqrt(var), truncated_cdf(0.1, 1.0, -0.5, 1.5));
}

TEST_CASE("xavier_uniform_ and xavier_normal_ have variance gain^2 * 2 / (fan_in + fan_out)") {
  Tensor t(Shape{300, 400});
  Generator g(5);
  const double gain = 2.0, std = gain * std::sqrt(2.0 / 700.0), a = std * std::sqrt(3.0);
  init::xavier_uniform_(t, gain, g);
  const auto u = t.to_vector();
  CHECK(moments(u).max < a);
  CHECK(moments(u).min >= -a);
  check_distribution(u, 0, std, uniform_cdf(-a, a));
  init::xavier_normal_(t, gain, g);
  check_distribution(t.to_vector(), 0, std, gaussian_cdf(0, std));
}

TEST_CASE("kaiming_uniform_ and kaiming_normal_ have variance gain^2 / fan") {
  Tensor t(Shape{64, 32, 7, 7});  // fan_in 1568, fan_out 3136
  Generator g(6);
  const double std_in = std::sqrt(2.0) / std::sqrt(1568.0);
  const double bound = std::sqrt(3.0) * std_in;
  init::kaiming_uniform_(t, 0, "fan_in", "relu", g);
  CHECK(moments(t.to_vector()).max < bound);
  check_distribution(t.to_vector(), 0, std_in, uniform_cdf(-bound, bound));
  const double std_out = std::sqrt(2.0 / (1 + 0.2 * 0.2)) / std::sqrt(3136.0);
  init::kaiming_normal_(t, 0.2, "fan_out", "leaky_relu", g);
  check_distribution(t.to_vector(), 0, std_out, gaussian_cdf(0, std_out));
}

TEST_CASE("variance_scaling_ has variance scale / n for each distribution and mode") {
  Tensor t(Shape{256, 128, 3});  // fan_in 384, fan_out 768, fan_avg 576
  Generator g(7);
  SUBCASE("truncated_normal, fan_in") {
    init::variance_scaling_(t, 2.0, "fan_in", "truncated_normal", g);
    const double s = std::sqrt(2.0 / 384) / .87962566103423978;
    const auto v = t.to_vector();
    CHECK(moments(v).max <= 2 * s * (1 + 1e-6));
    check_distribution(v, 0, std::sqrt(2.0 / 384), truncated_cdf(0, s, -2 * s, 2 * s));
  }
  SUBCASE("untruncated_normal, fan_out") {
    init::variance_scaling_(t, 0.5, "fan_out", "untruncated_normal", g);
    const double s = std::sqrt(0.5 / 768);
    check_distribution(t.to_vector(), 0, s, gaussian_cdf(0, s));
  }
  SUBCASE("uniform, fan_avg") {
    init::variance_scaling_(t, 1.0, "fan_avg", "uniform", g);
    const double limit = std::sqrt(3.0 / 576);
    check_distribution(t.to_vector(), 0, std::sqrt(1.0 / 576), uniform_cdf(-limit, limit));
  }
}

TEST_CASE("lecun_uniform_ and lecun_normal_ have variance 1 / fan_in") {
  Tensor t(Shape{500, 250});
  Generator g(8);
  const double s = std::sqrt(1.0 / 250);
  init::lecun_uniform_(t, g);
  check_distribution(t.to_vector(), 0, s, uniform_cdf(-s * std::sqrt(3.0), s * std::sqrt(3.0)));
  init::lecun_normal_(t, g);
  const double ts = s / .87962566103423978;
  check_distribution(t.to_vector(), 0, s, truncated_cdf(0, ts, -2 * ts, 2 * ts));
}

TEST_CASE("sparse_ zeroes exactly ceil(sparsity * rows) per column, the rest is N(0, std^2)") {
  Tensor t(Shape{300, 400});
  Generator g(9);
  init::sparse_(t, 0.3, 0.5, g);
  std::vector<float> nonzero;
  for (int64_t c = 0; c < 400; ++c) {
    int zeros = 0;
    for (int64_t r = 0; r < 300; ++r) {
      const float v = t.at({r, c});
      if (v == 0.0f) ++zeros;
      else nonzero.push_back(v);
    }
    CHECK(zeros == 90);
  }
  check_distribution(nonzero, 0, 0.5, gaussian_cdf(0, 0.5));
}

TEST_CASE("orthogonal_ gives gain times (semi-)orthogonal matrices") {
  for (const Shape& shape : {Shape{300, 100}, Shape{100, 300}, Shape{64, 8, 3, 3}}) {
    Tensor t(shape);
    Generator g(10);
    init::orthogonal_(t, 2.0, g);
    const int64_t rows = shape[0], cols = t.numel() / rows;
    const auto v = t.to_vector();
    // The smaller Gram matrix (W W^T or W^T W) is gain^2 * I.
    const bool wide = rows < cols;
    const int64_t k = wide ? rows : cols, len = wide ? cols : rows;
    double worst = 0;
    for (int64_t i = 0; i < k; ++i) {
      for (int64_t j = 0; j < k; ++j) {
        double dot = 0;
        for (int64_t l = 0; l < len; ++l) {
          const auto a = static_cast<double>(wide ? v[static_cast<std::size_t>(i * cols + l)]
                                                  : v[static_cast<std::size_t>(l * cols + i)]);
          const auto b = static_cast<double>(wide ? v[static_cast<std::size_t>(j * cols + l)]
                                                  : v[static_cast<std::size_t>(l * cols + j)]);
          dot += a * b;
        }
        worst = std::max(worst, std::fabs(dot - (i == j ? 4.0 : 0.0)));
      }
    }
    CHECK(worst < 1e-4);
  }
}

TEST_CASE("delta_orthogonal_ is orthogonal at the kernel centre and zero elsewhere") {
  Tensor t(Shape{16, 8, 3, 3});
  Generator g(11);
  init::delta_orthogonal_(t, 1.0, g);
  double worst = 0;
  for (int64_t i = 0; i < 8; ++i) {
    for (int64_t j = 0; j < 8; ++j) {
      double dot = 0;
      for (int64_t o = 0; o < 16; ++o) dot += static_cast<double>(t.at({o, i, 1, 1})) * static_cast<double>(t.at({o, j, 1, 1}));
      worst = std::max(worst, std::fabs(dot - (i == j ? 1.0 : 0.0)));
    }
  }
  CHECK(worst < 1e-5);
  for (int64_t o = 0; o < 16; ++o)
    for (int64_t i = 0; i < 8; ++i)
      for (int64_t h = 0; h < 3; ++h)
        for (int64_t w = 0; w < 3; ++w)
          if (h != 1 || w != 1) CHECK(t.at({o, i, h, w}) == 0.0f);
}

TEST_CASE("dirac_ and eye_ preserve the identity") {
  Tensor w(Shape{4, 2, 3, 3});
  init::dirac_(w, 2);
  double total = 0;
  for (float v : w.to_vector()) total += static_cast<double>(v);
  CHECK(total == 4.0);  // groups 2 x min(2 out per group, 2 in)
  CHECK(w.at({0, 0, 1, 1}) == 1.0f);
  CHECK(w.at({1, 1, 1, 1}) == 1.0f);
  CHECK(w.at({2, 0, 1, 1}) == 1.0f);
  CHECK(w.at({3, 1, 1, 1}) == 1.0f);
  Tensor e(Shape{3, 5});
  init::eye_(e);
  for (int64_t i = 0; i < 3; ++i)
    for (int64_t j = 0; j < 5; ++j) CHECK(e.at({i, j}) == (i == j ? 1.0f : 0.0f));
}

}  // TEST_SUITE
