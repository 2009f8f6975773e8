// The input-output Jacobian's singular values (Pennington et al. 2017, "Resurrecting the
// sigmoid in deep learning through dynamical isometry"): J = d output / d input of the model
// for a few samples of the run's input, each row from one backward pass, its singular values
// in double by one-sided Jacobi, beside the mean-field theory's mean squared singular value.
// And the Gaussian-vs-orthogonal compare: every Linear/Conv weight redrawn at the sigma_w^2
// it had, from a Gaussian or as a scaled orthogonal matrix.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "initlab/generator.hpp"
#include "initlab/nn/module.hpp"
#include "initlab/tensor.hpp"
#include "initlab/theory_report.hpp"

namespace initlab::theory {

// Singular values of the rows x cols row-major matrix `a`, min(rows, cols) of them, sorted
// descending (svd.cpp: one-sided Jacobi, Hestenes 1958, on the orientation with fewer
// columns).
std::vector<double> singular_values(const std::vector<double>& a, int64_t rows, int64_t cols);

// Per sample, J is computed only for inputs and outputs of at most this many values...
constexpr int64_t kJacobianMaxValues = 4096;
// ... and only when the SVD's work, about 3 * max * min^2 per Jacobi sweep for a max x min J,
// stays under this many max * min^2 (4096 x 128, 406 x 406): a 4096 x 4096 J would take
// minutes in the page.
constexpr int64_t kJacobianMaxWork = int64_t{1} << 26;

struct Jacobian {
  // Why J was not computed, one sentence ("" when it was): too many values per sample, an
  // input without a batch dimension, an integer input, a forward that failed, ...
  std::string skipped;
  int64_t n_in = 0, n_out = 0;  // values per sample of the input and of the output
  int inputs = 0;               // samples J was computed for: min(batch, RunOptions::jacobian_inputs)
  // A layer couples the samples (train-mode BatchNorm, an op over the batch): each sample's
  // block d out_i / d in_i was taken from the forward of the whole batch.
  bool batch_coupled = false;
  std::vector<std::vector<double>> per_input;  // each sample's min(n_in, n_out) values, descending
  // Pooled over the samples:
  std::vector<double> singular_values;  // all of them, descending
  double mean_s2 = 0;                   // mean of s^2
  double largest = 0, smallest = 0;
  double condition = 0;                 // largest / smallest; infinite when smallest is 0
  // J's entries come from float32 backward passes, so each singular value is known only to
  // about FLT_EPSILON * sqrt(min(n_in, n_out)) * largest (Weyl: |ds| <= ||dJ||_2 <= ||dJ||_F):
  // values below this floor (and a condition number above largest / floor) are rounding,
  // e.g. the null directions of a ReLU net's J.
  double noise_floor = 0;
  // The theory's mean s^2: n_out * chi_product / min(n_in, n_out) (theory_report.hpp); NaN
  // when the theory stopped at some layer, has no affine layer, or the network is not a
  // plain chain (RunTheory::plain_chain: BatchNorm, residual sums, pooling, ...).
  double theory_mean_s2 = 0;
};

// The model's forward on a batch (the session calls it through the interpreter, so a forward
// returning a tuple gives its first item).
using Forward = std::function<Tensor(const Tensor&)>;

// J of `forward` at the first min(batch, max_inputs) samples of `input` (dim 0 the batch), in
// the model's current mode. The parameters are not differentiated (no .grad afterwards) and
// the buffers (BatchNorm's running statistics) are put back as they were; nothing the forward
// prints is part of this (the caller silences it). The theory's mean is left NaN: see
// fill_theory. budget_ms: the wall-clock time it may take (the session passes what the run's
// time limit leaves); once the backward passes done so far say the rest would not fit, it
// stops and says so in `skipped` (one backward per output value: a train-mode BatchNorm
// generator with 3072 outputs needs 4 x 3072 passes through the whole batch).
Jacobian measure_jacobian(nn::Module& model, const Forward& forward, const Tensor& input,
                          int max_inputs,
                          double budget_ms = std::numeric_limits<double>::infinity());

// Sets theory_mean_s2 from the run's theory.
void fill_theory(Jacobian& jacobian, const RunTheory& theory);

// Redraws every nn.Linear and nn.ConvNd weight of `model` (biases unchanged) at the
// sigma_w^2 = fan_in * E[W^2] it has: how = "gaussian": normal_(0, sqrt(E[W^2])); how =
// "orthogonal": orthogonal_ on its (out, in * kernel...) view with gain sqrt(E[W^2] *
// max(rows, cols)) (a semi-orthogonal matrix has min(rows, cols) unit singular values, so its
// mean square is 1 / max(rows, cols)). Drawn by initlab's initializers from `gen`; init_scale
// is the InitTrace scale they apply, divided out so the drawn sigma_w^2 is the one the weight
// had. how = "" changes nothing; anything else is a ValueError naming the allowed values.
void reinit_weights(nn::Module& model, const std::string& how, double init_scale,
                    Generator& gen = default_generator());
// The ValueError above, for checking the option before the script runs.
void check_reinit(const std::string& how);

}  // namespace initlab::theory
