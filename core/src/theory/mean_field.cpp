// The length map's fixed point q*, chi1 there, the correlation depth scale and the chi1
// phase diagram (Poole et al. 2016; Schoenholz et al. 2017).
#include <cmath>
#include <algorithm>
#include <limits>

#include "initlab/theory.hpp"

namespace initlab::theory {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// sigma_w^2 E[phi(u1) phi(u2)] + sigma_b^2 and sigma_w^2 E[phi'(u1) phi'(u2)], with
// u1 = sqrt(q) z1, u2 = sqrt(q) (c z1 + sqrt(1 - c^2) z2): the correlation map's two
// integrals, by the tensor product of the one-dimensional rule.
void correlated(const Nonlinearity& n, double q, double c, double w2, double b2, double& map,
                double& slope) {
  const Rule& r = gauss_hermite();
  const double s = std::sqrt(q), t = std::sqrt(std::max(0.0, 1 - c * c));
  double e = 0, d = 0;
  for (size_t i = 0; i < r.x.size(); ++i) {
    double u1 = s * r.x[i], p1 = phi(n, u1), d1 = dphi(n, u1);
    for (size_t j = 0; j < r.x.size(); ++j) {
      double u2 = s * (c * r.x[i] + t * r.x[j]);
      double w = r.w[i] * r.w[j];
      e += w * p1 * phi(n, u2);
      d += w * d1 * dphi(n, u2);
    }
  }
  map = (w2 * e + b2) / q;
  slope = w2 * d;
}

// phi(a x) = a phi(x) for a > 0: the identity, ReLU and leaky ReLU.
bool positively_homogeneous(const Nonlinearity& n) {
  return n.identity || n.kind == kernels::Activation::relu || n.kind == kernels::Activation::leaky_relu;
}

// The correlation depth scale xi_c = -1 / log(chi_c): infinite at chi_c = 1 (up to the
// quadrature's rounding: its weights sum to 1 within 1e-15), the edge; and where chi_c > 1,
// which happens only at c* = 1 in the chaotic phase: no decay.
double depth_scale(double chi_c) {
  const double xi = std::fabs(chi_c - 1.0) <= 1e-12 ? kInf : -1.0 / std::log(chi_c);
  return xi < 0 ? kInf : xi;
}

}  // namespace

FixedPoint fixed_point(const Nonlinearity& n, double sigma_w2, double sigma_b2,
                       bool with_correlation) {
  FixedPoint fp;
  if (positively_homogeneous(n)) {
    // phi(a x) = a phi(x): E[phi(sqrt(q) z)^2] = q E[phi(z)^2] and E[phi'^2] is the same at
    // every q, so the length map is the line q -> a q + sigma_b^2 with a = sigma_w^2 E[phi^2]:
    // q* = sigma_b^2 / (1 - a) below a = 1, unbounded above it (and at it with sigma_b^2 > 0;
    // at a = 1 with no bias every q is fixed and the iteration's start, 1, stays). No
    // iteration, and the same answer as the iteration's (tests/theory_test.cpp); chi1 =
    // sigma_w^2 E[phi'^2] = a there, so the chaotic phase's correlation fixed point (chi1 > 1)
    // only arises with q* unbounded, where it is not taken.
    const Moments unit = moments(n, 1.0);
    const double a = sigma_w2 * unit.m2;
    const bool edge = std::fabs(a - 1.0) <= 1e-12;
    if (a < 1.0 && !edge) {
      fp.q = sigma_b2 / (1.0 - a);
      fp.converged = true;
    } else if (edge && sigma_b2 == 0) {
      fp.q = 1.0;
      fp.converged = true;
    } else {
      fp.q = kInf;
    }
    fp.chi1 = sigma_w2 * unit.dphi2;
    fp.xi_c = depth_scale(fp.chi1);
    return fp;
  }
  // Plain iteration converges only geometrically, at the map's slope, which is close to 1
  // exactly where the phase diagram is interesting (ReLU near sigma_w^2 = 2 took thousands of
  // steps, seconds for a grid). So: Steffensen's acceleration on contracting stretches (Aitken's
  // extrapolation from three iterates) and, on expanding ones, a jump ahead by the observed
  // growth factor (the iteration gets there anyway; only the cost changes).
  const auto length_map = [&](double q) { return sigma_w2 * moments(n, q).m2 + sigma_b2; };
  const auto close = [](double a, double b) { return std::fabs(a - b) <= 1e-14 * std::max(1.0, std::fabs(b)); };
  double q = 1.0;
  for (int it = 0; it < 400; ++it) {
    const double q1 = length_map(q);
    const double q2 = q1 < 1e30 ? length_map(q1) : kInf;
    if (!(q2 < 1e30)) {
      q = kInf;
      break;
    }
    if (close(q1, q2)) {
      q = q2;
      fp.converged = true;
      break;
    }
    const double d1 = q1 - q, d2 = q2 - q1, r = d2 / d1;
    if (d1 != 0 && r > 0 && r < 1) {
      // Monotone and contracting: the geometric series' limit, kept where the map is defined.
      const double qa = q2 + d2 * r / (1 - r);
      q = (qa >= 0 && std::isfinite(qa)) ? qa : q2;
    } else if (d1 != 0 && r > 1 && q2 > q1) {
      q = q2 * std::min(1e6, std::pow(r, 8));
    } else {
      q = q2;
    }
  }
  // With sigma_b = 0 and phi(0) = 0, q = 0 is a fixed point; the map creeps toward it only
  // like 1/depth when its slope there, sigma_w^2 phi'(0)^2, is 1 (tanh at sigma_w^2 = 1).
  // Take q* = 0 when the iteration is still heading there, or when the acceleration stalled
  // just above it (the steps there are below the convergence test's absolute floor).
  if (std::isfinite(q) && sigma_b2 == 0 && phi(n, 0.0) == 0 &&
      (fp.converged ? q < 1e-6 : q < 1e-3)) {
    q = 0;
    fp.converged = true;
  }
  fp.q = q;
  if (std::isinf(q)) {
    // Unbounded growth: for a positively homogeneous phi (ReLU, leaky) E[phi'^2] is the same at
    // every q, so chi1 is still defined; evaluate it at a large q.
    fp.chi1 = sigma_w2 * moments(n, 1e6).dphi2;
  } else {
    // At q* = 0 the slope is the limit q -> 0+ (ReLU: 1/2 on either side of its kink, not
    // PyTorch's ReLU'(0) = 0 that a point evaluation would give): a vanishing but positive q.
    fp.chi1 = sigma_w2 * moments(n, 0.0, q > 0 ? std::sqrt(q) : 1e-150).dphi2;
  }
  double chi_c = fp.chi1;
  if (with_correlation && fp.chi1 > 1 && std::isfinite(q) && q > 0) {
    // Chaotic phase: the correlation map has a stable fixed point c* < 1; iterate to it.
    double c = 0.5, map = 0, slope = 0;
    for (int it = 0; it < 500; ++it) {
      correlated(n, q, c, sigma_w2, sigma_b2, map, slope);
      map = std::min(1.0, std::max(-1.0, map));
      bool done = std::fabs(map - c) < 1e-12;
      c = map;
      if (done) break;
    }
    correlated(n, q, c, sigma_w2, sigma_b2, map, slope);
    fp.c_star = c;
    chi_c = slope;
  }
  fp.xi_c = depth_scale(chi_c);
  return fp;
}

PhaseGrid phase_grid(const Nonlinearity& n, double w2_max, double b2_max, int nw, int nb) {
  PhaseGrid g;
  for (int j = 0; j < nw; ++j) g.w2.push_back(w2_max * (j + 1) / nw);
  for (int i = 0; i < nb; ++i) g.b2.push_back(nb > 1 ? b2_max * i / (nb - 1) : 0.0);
  // Cheap for ReLU and its kin too: their fixed point is in closed form (fixed_point).
  for (double b2 : g.b2)
    for (double w2 : g.w2) g.chi1.push_back(fixed_point(n, w2, b2, false).chi1);
  return g;
}

}  // namespace initlab::theory
