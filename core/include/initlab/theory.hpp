// Mean-field theory of signal propagation beside the measurement (He et al. 2015; Poole et
// al. 2016; Schoenholz et al. 2017): the Gaussian expectations of every activation, the
// fixed point q*, chi1 and the depth scale, a phase diagram of chi1, and the per-layer
// prediction of the activation std from the weights a run actually drew.
//
// Conventions: z ~ N(0, 1). A pre-activation is treated as N(mu, s^2) over all of a tensor's
// elements (units and batch). sigma_w^2 = fan_in * E[W^2], sigma_b^2 = E[b^2].
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "initlab/kernels.hpp"

namespace initlab::theory {

// An element-wise nonlinearity: one of the kernels' activations, or the identity.
struct Nonlinearity {
  bool identity = false;
  kernels::Activation kind = kernels::Activation::relu;
  kernels::ActivationParams params;
  static Nonlinearity linear() {
    Nonlinearity n;
    n.identity = true;
    return n;
  }
  static Nonlinearity of(kernels::Activation a, kernels::ActivationParams p = {}) {
    Nonlinearity n;
    n.kind = a;
    n.params = p;
    return n;
  }
};

// phi(x) and phi'(x) in double, PyTorch's definitions (and PyTorch's derivative conventions
// at kinks: ReLU'(0) = 0).
double phi(const Nonlinearity& n, double x);
double dphi(const Nonlinearity& n, double x);
// Where phi or phi' is not smooth (ReLU's 0, hardtanh's bounds, ...): the quadrature splits
// the real line there.
std::vector<double> kinks(const Nonlinearity& n);

// E[phi(mu + s z)], E[phi(mu + s z)^2], E[phi'(mu + s z)^2].
struct Moments {
  double mean = 0, m2 = 0, dphi2 = 0;
};
Moments moments(const Nonlinearity& n, double mu, double s);
// The zero-mean case of the papers: pre-activation variance q.
inline Moments moments(const Nonlinearity& n, double q) { return moments(n, 0.0, q > 0 ? std::sqrt(q) : 0.0); }

// E[f(z)] by quadrature: Gauss-Hermite (101 nodes) for smooth f at s <= 2; for a
// nonlinearity with kinks, or a wider Gaussian, 20-point Gauss-Legendre panels (<= 0.5 wide,
// split at the kinks) on [-14, 14] (the tails beyond weigh < 1e-44). Exposed for the tests.
struct Rule {
  std::vector<double> x, w;  // nodes in z and weights that sum to 1 (the normal density folded in)
};
const Rule& gauss_hermite();                                  // smooth integrands
Rule split_rule(const std::vector<double>& breaks_in_z);      // piecewise smooth ones

// The length map q -> sigma_w^2 E[phi(sqrt(q) z)^2] + sigma_b^2 iterated to its fixed point.
struct FixedPoint {
  double q = 0;       // q*; infinite when the map diverges (unbounded phi, sigma_w^2 too big)
  bool converged = false;
  double chi1 = 0;    // sigma_w^2 E[phi'(sqrt(q*) z)^2]
  // Depth scale of correlations, xi_c = -1 / ln(chi1) (Schoenholz et al. 2017, eq. 9 at c* = 1,
  // the ordered phase's fixed point); infinite at chi1 = 1, the edge of chaos. In the chaotic
  // phase (chi1 > 1) the paper's xi_c uses the correlation map's slope at c* < 1:
  // chi_c = sigma_w^2 E[phi'(u1) phi'(u2)], computed here by a 2-D quadrature.
  double c_star = 1;
  double xi_c = 0;
};
// with_correlation: also c* and chi_c for xi_c in the chaotic phase (a 2-D quadrature;
// the phase grid leaves it out).
FixedPoint fixed_point(const Nonlinearity& n, double sigma_w2, double sigma_b2,
                       bool with_correlation = true);

// chi1 over a grid: rows sigma_b^2 (b2[i]), columns sigma_w^2 (w2[j]); row-major.
struct PhaseGrid {
  std::vector<double> w2, b2;
  std::vector<double> chi1;
};
PhaseGrid phase_grid(const Nonlinearity& n, double w2_max, double b2_max, int nw, int nb);

// ---- the per-layer recursion ---------------------------------------------------------------

// What a layer does to the signal, as the theory sees it (built from the module by
// theory/describe.cpp).
struct Step {
  enum class Kind {
    affine,       // Linear / Conv: sigma_w2, sigma_b2 (and the weights' mean: w_mean_fan)
    nonlinearity, // element-wise phi
    scale,        // y = a x + b per channel: eval BatchNorm (a2 = mean a^2, ab, b2, a, b means)
    normalize,    // train BatchNorm, LayerNorm, GroupNorm: out mean = E[beta], m2 = E[g^2 + b^2]
    dropout,      // train-mode inverted dropout: m2 / (1 - p)
    average,      // average over `window` values (avg pooling): var / window
    same,         // flatten, views, identity, eval dropout, alpha dropout
    stop,         // the theory has nothing to say: `label` says why; restart from the measurement
  };
  Kind kind = Kind::same;
  std::string label;
  double sigma_w2 = 0, sigma_b2 = 0, w_mean_fan = 0, b_mean = 0;  // affine
  double fan_out_w2 = 0;   // affine: fan_out * E[W^2] (the backward factor)
  Nonlinearity phi;        // nonlinearity
  double a2 = 1, ab = 0, b2 = 0, a = 1, b = 0;  // scale
  double g2 = 1, beta_mean = 0;                  // normalize (g2 = E[gamma^2 + beta^2])
  double p = 0;            // dropout
  double window = 1;       // average
};

// The measured statistics the recursion starts from or restarts at.
struct Measured {
  double mean = 0, std = 0;
  int64_t numel = 0;
  double m2() const;  // second moment from the (unbiased) std and the mean
};

struct Prediction {
  bool covered = false;     // the theory predicted this layer (false: stopped here)
  std::string stop_label;   // why not, when not covered
  double predicted_mean = 0, predicted_std = 0;
  double chi1 = 0;          // affine followed by phi: sigma_w^2 E[phi'^2] at the layer's input q
  double dphi2 = 0;         // nonlinearity: E[phi'^2] at its input
  double backward = 1;      // the layer's factor on the gradient's second moment (input side)
};

// Forward: one prediction per step, starting from `input`; after a stop the next step starts
// from `measured[i]` (the stopped layer's measured output). chi1 is filled on the affine step
// from the nonlinearity that follows it (1-step look-ahead), else sigma_w^2.
std::vector<Prediction> propagate(const Measured& input, const std::vector<Step>& steps,
                                  const std::vector<Measured>& measured);

// Backward: the predicted gradient norm at each step's output, from the measured norm at the
// last step's output, multiplying the second moment by each step's backward factor on the way
// to the input (norm = sqrt(numel * m2)). NaN where a stop breaks the chain (it restarts from
// that layer's measured gradient norm, when given: measured_norm[i] >= 0).
std::vector<double> predict_grad_norms(const std::vector<Prediction>& forward,
                                       const std::vector<int64_t>& numel,
                                       const std::vector<double>& measured_norm);

// The prediction disagrees with the measurement (> 25% off on a covered layer).
constexpr double kDisagreement = 0.25;

}  // namespace initlab::theory
