// The finite-difference check of tests/autograd_test.cpp (described at its top), shared with
// the other suites that check a backward: leaves from a generator, fd_check and check.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "initlab/autograd.hpp"
#include "initlab/generator.hpp"
#include "initlab/sampling.hpp"
#include "initlab/tensor.hpp"

namespace fd {

using namespace initlab;

inline Tensor randn(const Shape& s, Generator& g, double std = 1.0) {
  Tensor t(s);
  normal_(t, 0, std, g);
  return t;
}

inline Tensor leaf(const Shape& s, Generator& g, double std = 1.0) {
  Tensor t = randn(s, g, std);
  t.set_requires_grad(true);
  return t;
}

// Values at least `gap` away from zero (for ops with a kink at 0).
inline Tensor leaf_off_zero(const Shape& s, Generator& g, float gap = 0.1f) {
  Tensor t = leaf(s, g);
  for (int64_t i = 0; i < t.numel(); ++i) {
    float& v = t.data()[i];
    if (std::fabs(v) < gap) v = v < 0 ? v - gap : v + gap;
  }
  return t;
}

inline double weighted_sum(const Tensor& y, const Tensor& r) {
  const Tensor yc = y.contiguous();
  double s = 0;
  for (int64_t i = 0; i < yc.numel(); ++i) s += static_cast<double>(yc.data()[i]) * static_cast<double>(r.data()[i]);
  return s;
}

struct FdResult {
  double worst = 0;  // max over leaves of max_j |a_j - fd_j| / max(1, max |fd|)
  std::string where;
};

// Runs the check described at the top. f must rebuild its output from the leaves (captured
// by reference, perturbed in place) every time it is called.
inline FdResult fd_check(const std::function<Tensor()>& f, std::vector<Tensor> leaves, double h = 1.0 / 64) {
  Generator g(1234);
  for (Tensor& x : leaves) x.set_grad(Tensor());
  const Tensor y = f();
  REQUIRE(y.requires_grad());
  const Tensor r = randn(y.shape(), g);
  y.backward(r);
  FdResult result;
  autograd::NoGrad no_grad;
  for (std::size_t li = 0; li < leaves.size(); ++li) {
    Tensor& x = leaves[li];
    const Tensor analytic = x.grad();
    REQUIRE_MESSAGE(analytic.defined(), "leaf " << li << " got no gradient");
    REQUIRE(analytic.shape() == x.shape());
    std::vector<double> fd(static_cast<std::size_t>(x.numel()));
    double scale = 1;
    for (int64_t j = 0; j < x.numel(); ++j) {
      float& v = x.data()[j];
      const float saved = v;
      double L[4];
      const double steps[4] = {2 * h, h, -h, -2 * h};
      for (int s = 0; s < 4; ++s) {
        v = static_cast<float>(static_cast<double>(saved) + steps[s]);
        L[s] = weighted_sum(f(), r);
      }
      v = saved;
      fd[static_cast<std::size_t>(j)] = (-L[0] + 8 * L[1] - 8 * L[2] + L[3]) / (12 * h);
      scale = std::max(scale, std::fabs(fd[static_cast<std::size_t>(j)]));
    }
    for (int64_t j = 0; j < x.numel(); ++j) {
      const double a = static_cast<double>(analytic.contiguous().data()[j]);
      const double err = std::fabs(a - fd[static_cast<std::size_t>(j)]) / scale;
      if (err > result.worst) {
        result.worst = err;
        result.where = "leaf " + std::to_string(li) + " element " + std::to_string(j) +
                       ": analytic " + std::to_string(a) + " fd " + std::to_string(fd[static_cast<std::size_t>(j)]);
      }
    }
  }
  return result;
}

inline void check(const std::function<Tensor()>& f, const std::vector<Tensor>& leaves, double tol = 1e-3,
           double h = 1.0 / 64) {
  const FdResult r = fd_check(f, leaves, h);
  if (std::getenv("INITLAB_FD_VERBOSE")) MESSAGE(r.worst << " at " << r.where);
  CHECK_MESSAGE(r.worst <= tol, r.worst << " at " << r.where);
}

// Distinct values spaced 0.1 apart in random order, so no max is ever tied within 2h.
inline Tensor leaf_distinct(const Shape& s, Generator& g) {
  Tensor t(s);
  const int64_t n = t.numel();
  std::vector<int64_t> perm(static_cast<std::size_t>(n));
  for (int64_t i = 0; i < n; ++i) perm[static_cast<std::size_t>(i)] = i;
  for (int64_t i = n - 1; i > 0; --i) std::swap(perm[static_cast<std::size_t>(i)], perm[static_cast<std::size_t>(g.random() % static_cast<uint64_t>(i + 1))]);
  for (int64_t i = 0; i < n; ++i) t.data()[i] = 0.1f * static_cast<float>(perm[static_cast<std::size_t>(i)] - n / 2);
  t.set_requires_grad(true);
  return t;
}

}  // namespace fd
