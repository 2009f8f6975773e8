// The run theory's internal vocabulary (describe.cpp builds it, run_propagate.cpp walks it):
// what one recorded layer does to the signal, and the signal's state between layers.
//
// The state is resolved per unit (feature or channel), not one Gaussian for the whole tensor:
// with the weights fixed, unit o of h = W x + b has its own mean, sum_i W_oi E[x_i] + b_o,
// which a nonzero post-activation mean (ReLU's sqrt(q / 2 pi)) turns into a spread across
// units that is one draw of `width` numbers (the row sums of W), not an average over the
// batch. Carrying those means through the drawn W is what makes a wide ReLU stack match.
#pragma once

#include <string>
#include <vector>

#include "initlab/nn/module.hpp"
#include "initlab/probe.hpp"
#include "initlab/tensor.hpp"
#include "initlab/theory.hpp"

namespace initlab::theory::detail {

struct UnitState {
  std::vector<double> mean{0.0}, var{1.0};  // per unit; one entry: every unit alike
  bool axis_last = false;  // units along the last dim (Linear) rather than dim 1 (channels)
  int ndim = 2;
  size_t units() const { return mean.size(); }
  double overall_mean() const;
  double overall_var() const;  // over units and batch: mean of (var + mean^2) - mean^2
  UnitState collapsed() const;  // one unit with the overall moments
  // Usable as `n` units along dim 1 (channels) or along the last dim; else collapsed.
  UnitState along(size_t n, bool last) const;
  static UnitState uniform(double mean, double var);
};

struct RunStep {
  enum class Kind {
    container,     // a module with children: its output is its last child's
    affine,        // Linear / Conv: weight (out, in/groups, k...), bias
    nonlinearity,  // element-wise phi
    scale,         // eval BatchNorm: y = a_c x + b_c per channel
    batch_norm,    // train BatchNorm: each channel to (beta_c, gamma_c^2 v / (v + eps))
    layer_norm,    // across the last dim per sample, then gamma, beta per unit
    group_norm,    // across groups of channels: the collapsed moments normalized
    dropout,       // train-mode inverted dropout
    average,       // avg pooling over `window` values
    flatten,       // (N, C, ...) -> (N, C * ...): each channel's unit repeated
    same,          // identity, views, eval dropout, alpha dropout
    add,           // a residual sum of two recorded tensors (independent: variances add)
    stop,          // no rule: `label` says why; the next layer restarts from the measurement
  };
  Kind kind = Kind::same;
  std::string label;
  Tensor weight;                  // affine, contiguous
  std::vector<double> bias;       // affine (empty: none)
  int64_t groups = 1;
  bool conv = false;
  double sigma_w2 = 0, sigma_b2 = 0, fan_out_w2 = 0;  // affine
  Nonlinearity phi;
  std::vector<double> a, b;       // scale: y = a x + b; norms: gamma, beta
  double eps = 0;
  double p = 0;                   // dropout
  double window = 1;              // average
  int64_t out_units = 0;          // the output's unit count (dim 1 or last)
};

}  // namespace initlab::theory::detail

namespace initlab::theory::detail {
// The step for one record (describe.cpp); m: its module (nullptr for ops), in_numel: its
// input's element count.
RunStep describe_step(const probe::LayerRecord& rec, nn::Module* m, int64_t in_numel);
}  // namespace initlab::theory::detail
