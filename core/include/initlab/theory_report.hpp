// The theory for one run's report: each leaf layer and functional op of the probed forward,
// described from the module itself (the weights actually drawn, the mode, dropout's p),
// propagated from the input's measured moments, beside the measurement.
//
// Forward: sigma_w^2 = fan_in * E[W^2] and sigma_b^2 = E[b^2] per affine layer; the state is
// each unit's (feature's, channel's) mean and variance, carried through the drawn weights
// (core/src/theory/run_steps.hpp says why); an activation maps each unit's N(m, v) to
// E[phi], E[phi^2]. Backward: the gradient's second moment per element times
// fan_out * E[W^2] at an affine layer and E[phi'^2] at an activation, from the measured
// gradient at the output. Where the theory has no rule the prediction stops with a label
// and restarts from that layer's measurement.
#pragma once

#include <string>
#include <vector>

#include "initlab/nn/module.hpp"
#include "initlab/probe.hpp"
#include "initlab/theory.hpp"

namespace initlab::theory {

struct LayerTheory {
  size_t layer = 0;          // index into Report::layers
  std::string path, type;
  bool covered = false;      // false: the theory stopped here (stop_label says why)
  std::string stop_label;
  double measured_mean = 0, measured_std = 0;
  double predicted_mean = 0, predicted_std = 0;  // NaN where not covered
  double ratio = 0;          // measured / predicted std (NaN where not covered; 1 when both 0)
  // Affine layers (NaN elsewhere): sigma_w^2, sigma_b^2 from the drawn values; chi1 =
  // sigma_w^2 E[phi'(sqrt(q*) z)^2] at the fixed point q* of these (sigma_w^2, sigma_b^2)
  // with the activation that follows (Poole et al. 2016); chi = the same slope at the
  // layer's actual input, sigma_w^2 E[phi'^2] (the product of the chis is the theory's mean
  // squared singular value of the input-output Jacobian).
  double sigma_w2 = 0, sigma_b2 = 0, chi1 = 0, chi = 0;
  bool disagrees = false;    // covered and |ratio - 1| > kDisagreement
  // Gradient norm at the layer's output: measured (when the run computed gradients) and
  // predicted back from the last layer's measured norm; NaN when absent or after a stop.
  double measured_grad_norm = 0, predicted_grad_norm = 0;
};

struct RunTheory {
  std::vector<LayerTheory> layers;
  bool disagrees = false;    // some covered layer disagrees
  int first_disagreement = -1;  // index into layers
  std::string nonlinearity;  // the model's most frequent activation ("Tanh"), "" if none
  Nonlinearity phi;          // ... as the phase diagram's nonlinearity
  int affine_layers = 0;     // the model's depth as the theory counts it
  double mean_sigma_w2 = 0, mean_sigma_b2 = 0;
  FixedPoint fixed_point;    // at the mean sigma_w^2, sigma_b^2 of the affine layers
  // Product of the affine layers' chi: ||J^T e_o||^2 of the input-output Jacobian for every
  // output o, so its mean squared singular value is n_out * chi_product / min(n_in, n_out).
  double chi_product = 1;
  // Every leaf layer and op is an affine layer, an element-wise nonlinearity, or a view /
  // identity / flatten / eval dropout: a plain chain, the only networks whose ||J^T e_o||^2 the
  // chi product is (normalization, residual sums, pooling and train-mode dropout put factors
  // into J that it leaves out).
  bool plain_chain = true;
};

// `input`: the probed call's input statistics. Layers whose module cannot be found (or ops
// the theory has no rule for) are stops.
RunTheory describe_run(nn::Module& model, const std::vector<probe::LayerRecord>& layers,
                       const probe::Stats& input);

}  // namespace initlab::theory
