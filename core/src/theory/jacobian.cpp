// The input-output Jacobian of a model at a few samples of its input, row by row through the
// backward pass, and its singular values beside the theory's mean (theory_jacobian.hpp).
#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cmath>
#include <exception>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <utility>

#include "initlab/autograd.hpp"
#include "initlab/theory_jacobian.hpp"

namespace initlab::theory {

namespace {

// The parameters stop requiring grad while J is computed: the backward passes then compute
// only the input's gradient (half the work) and leave no .grad on the model. Looked up again
// by module and name on the way back, in case the forward registered something.
class FrozenParameters {
 public:
  explicit FrozenParameters(nn::Module& model) {
    for (auto& [path, m] : model.named_modules()) {
      for (const auto& [name, t] : m->own_parameters()) {
        Tensor* p = m->parameter(name);
        if (p == nullptr || !p->defined() || !p->requires_grad()) continue;
        p->set_requires_grad(false);
        frozen_.emplace_back(m, name);
      }
    }
  }
  ~FrozenParameters() {
    for (auto& [m, name] : frozen_)
      if (Tensor* p = m->parameter(name); p != nullptr && p->defined()) p->set_requires_grad(true);
  }
  FrozenParameters(const FrozenParameters&) = delete;
  FrozenParameters& operator=(const FrozenParameters&) = delete;

 private:
  std::vector<std::pair<nn::Module*, std::string>> frozen_;
};

// A train-mode forward updates BatchNorm's running statistics (and num_batches_tracked): the
// Jacobian's forwards must not change the model the report describes.
class SavedBuffers {
 public:
  explicit SavedBuffers(nn::Module& model) {
    for (auto& [path, m] : model.named_modules())
      for (const auto& [name, t] : m->own_buffers())
        if (t.defined()) saved_.push_back({m, name, t.clone()});
  }
  ~SavedBuffers() {
    for (auto& s : saved_) {
      Tensor* b = s.module->buffer(s.name);
      if (b == nullptr) continue;
      if (b->defined() && b->shape() == s.value.shape()) b->copy_from(s.value);
      else *b = s.value;
    }
  }
  SavedBuffers(const SavedBuffers&) = delete;
  SavedBuffers& operator=(const SavedBuffers&) = delete;

 private:
  struct Saved {
    nn::Module* module;
    std::string name;
    Tensor value;
  };
  std::vector<Saved> saved_;
};

// The values the batch-coupling check pushes back from one sample's outputs: fixed, nonzero
// and unlike one another (a cancellation to exactly 0 would need a coincidence), and drawn
// from no generator, so the run's random stream is untouched.
float check_weight(int64_t i) {
  return 0.5f + static_cast<float>((i * 2654435761ll) % 1000) / 1000.0f;
}

// x's gradient after y.backward(g), then x's .grad cleared for the next pass.
std::vector<float> input_gradient(const Tensor& y, const Tensor& g, Tensor& x) {
  y.backward(g, true);
  const Tensor grad = x.grad();
  std::vector<float> out = grad.defined() ? grad.contiguous().to_vector()
                                          : std::vector<float>(static_cast<size_t>(x.numel()), 0.0f);
  x.set_grad(Tensor());
  return out;
}

std::string shape_text(const Tensor& t) { return t.shape().to_string(); }

// A Jacobian given up part way: only the sizes and the reason are kept.
Jacobian stopped(const Jacobian& j) {
  Jacobian out;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  out.theory_mean_s2 = out.condition = out.largest = out.smallest = out.mean_s2 = out.noise_floor = nan;
  out.n_in = j.n_in;
  out.n_out = j.n_out;
  out.batch_coupled = j.batch_coupled;
  out.skipped = j.skipped;
  return out;
}

// Whether sample i's outputs depend on another sample's input: a backward from a fixed
// combination of sample i's outputs reaches some other sample's input.
bool couples(const Tensor& y, Tensor& x, int64_t samples_checked, int64_t n_out, int64_t n_in) {
  for (int64_t i = 0; i < samples_checked; ++i) {
    Tensor g(y.shape());
    float* gd = g.data();
    for (int64_t o = 0; o < n_out; ++o) gd[i * n_out + o] = check_weight(o);
    const std::vector<float> grad = input_gradient(y, g, x);
    for (size_t e = 0; e < grad.size(); ++e) {
      const auto sample = static_cast<int64_t>(e) / n_in;
      if (sample != i && grad[e] != 0.0f) return true;
    }
  }
  return false;
}

}  // namespace

Jacobian measure_jacobian(nn::Module& model, const Forward& forward, const Tensor& input,
                          int max_inputs, double budget_ms) {
  const auto start = std::chrono::steady_clock::now();
  Jacobian j;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  j.theory_mean_s2 = nan;
  j.condition = j.largest = j.smallest = j.mean_s2 = j.noise_floor = nan;
  if (!input.defined() || input.dim() < 2) {
    j.skipped = "the input" + (input.defined() ? " of shape " + shape_text(input) : std::string()) +
                " has no batch dimension: the Jacobian is taken per sample of a batched input";
    return j;
  }
  if (input.dtype() != DType::float32) {
    j.skipped = std::string("the input is ") + (input.dtype() == DType::int64 ? "int64" : "bool") +
                " (indices, not values): there is no Jacobian with respect to it";
    return j;
  }
  const int64_t batch = input.size(0);
  if (batch == 0 || max_inputs < 1) {
    j.skipped = batch == 0 ? "the input's batch is empty" : "jacobian_inputs is 0: no sample to take the Jacobian at";
    return j;
  }
  j.n_in = input.numel() / batch;
  if (j.n_in > kJacobianMaxValues) {
    j.skipped = "the input has " + std::to_string(j.n_in) +
                " values per sample; the Jacobian is computed for at most " + std::to_string(kJacobianMaxValues);
    return j;
  }
  const int64_t k = std::min<int64_t>(batch, max_inputs);
  const int64_t n_in = j.n_in;

  // Recorded for autograd whatever the caller's mode, seen by no probe, and leaving the
  // model's parameters and buffers as they were.
  const autograd::EnableGrad record;
  const nn::ObserveForward unobserved(nullptr);
  const autograd::ObserveBackward unobserved_backward(nullptr);
  const FrozenParameters frozen(model);
  const SavedBuffers buffers(model);
  std::vector<std::vector<double>> blocks;  // each sample's n_out x n_in J, row-major
  try {
    Tensor x = input.contiguous().clone();
    x.set_requires_grad(true);
    Tensor y = forward(x);
    if (!y.defined() || y.dim() < 1 || y.size(0) != batch) {
      j.skipped = "the output" + (y.defined() ? " of shape " + shape_text(y) : std::string()) +
                  " does not start with the input's batch size " + std::to_string(batch) +
                  ": the Jacobian is taken per sample";
      return j;
    }
    j.n_out = y.numel() / batch;
    const int64_t n_out = j.n_out;
    if (n_out > kJacobianMaxValues) {
      j.skipped = "the output has " + std::to_string(n_out) +
                  " values per sample; the Jacobian is computed for at most " + std::to_string(kJacobianMaxValues);
      return j;
    }
    const int64_t lo = std::min(n_in, n_out), hi = std::max(n_in, n_out);
    if (lo > 0 && hi > kJacobianMaxWork / lo / lo) {
      j.skipped = "the Jacobian is " + std::to_string(n_out) + " x " + std::to_string(n_in) +
                  " per sample; its SVD is computed only up to max * min^2 = 2^26 values (4096 x 128, 406 x 406)";
      return j;
    }
    j.inputs = static_cast<int>(k);
    // Called after each backward pass for a row: false (and `skipped` says why) when the
    // passes left would not fit the budget at the pace so far.
    int64_t passes = 0, done = 0;
    auto rows_start = start;  // reset where the rows' passes begin
    const auto on_budget = [&]() {
      ++done;
      const auto now = std::chrono::steady_clock::now();
      const double spent = std::chrono::duration<double, std::milli>(now - start).count();
      const double rows = std::chrono::duration<double, std::milli>(now - rows_start).count();
      const double needed = spent - rows + rows / static_cast<double>(done) * static_cast<double>(passes);
      if (spent <= budget_ms && (done < 4 || needed <= budget_ms)) return true;
      j.skipped = "the Jacobian needs " + std::to_string(passes) + " backward passes, about " +
                  std::to_string(static_cast<int64_t>(std::ceil(needed / 1000))) +
                  " s at this model's pace, more than the " +
                  std::to_string(static_cast<int64_t>(std::floor(std::max(0.0, budget_ms)))) +
                  " ms the run's time limit leaves";
      return false;
    };
    blocks.assign(static_cast<size_t>(k), std::vector<double>(static_cast<size_t>(n_out * n_in), 0.0));
    // An output that does not depend on the input (it was detached, or made without it): J = 0.
    if (y.requires_grad() && n_out > 0) {
      j.batch_coupled = batch > 1 && couples(y, x, k, n_out, n_in);
      if (j.batch_coupled) {
        // Sample i's block alone: a backward from each of its outputs, through the batched
        // forward the run made.
        passes = k * n_out;
        rows_start = std::chrono::steady_clock::now();
        for (int64_t i = 0; i < k; ++i) {
          for (int64_t o = 0; o < n_out; ++o) {
            Tensor g(y.shape());
            g.data()[i * n_out + o] = 1.0f;
            const std::vector<float> grad = input_gradient(y, g, x);
            double* row = blocks[static_cast<size_t>(i)].data() + o * n_in;
            for (int64_t e = 0; e < n_in; ++e) row[e] = static_cast<double>(grad[static_cast<size_t>(i * n_in + e)]);
            if (!on_budget()) return stopped(j);
          }
        }
      } else {
        // Independent samples: output o of every sample at once gives row o of each one's J.
        // The first k samples alone make the same J with a cheaper graph; a forward that
        // insists on the whole batch (a hard-coded view) keeps the batched one.
        if (k < batch) {
          Tensor xk = input.slice(0, 0, k).contiguous().clone();
          xk.set_requires_grad(true);
          try {
            Tensor yk = forward(xk);
            if (yk.defined() && yk.dim() >= 1 && yk.size(0) == k && yk.numel() == k * n_out && yk.requires_grad()) {
              x = xk;
              y = yk;
            }
          } catch (const std::exception&) {
            // keep the batched graph
          }
        }
        passes = n_out;
        rows_start = std::chrono::steady_clock::now();
        for (int64_t o = 0; o < n_out; ++o) {
          Tensor g(y.shape());
          for (int64_t i = 0; i < k; ++i) g.data()[i * n_out + o] = 1.0f;
          const std::vector<float> grad = input_gradient(y, g, x);
          for (int64_t i = 0; i < k; ++i) {
            double* row = blocks[static_cast<size_t>(i)].data() + o * n_in;
            for (int64_t e = 0; e < n_in; ++e) row[e] = static_cast<double>(grad[static_cast<size_t>(i * n_in + e)]);
          }
          if (!on_budget()) return stopped(j);
        }
      }
    }
  } catch (const std::exception& e) {
    j.skipped = std::string("the model's forward on the Jacobian's input failed: ") + e.what();
    return stopped(j);
  }
  double sum_s2 = 0;
  for (const auto& block : blocks) {
    j.per_input.push_back(singular_values(block, j.n_out, j.n_in));
    for (double s : j.per_input.back()) {
      j.singular_values.push_back(s);
      sum_s2 += s * s;
    }
  }
  std::sort(j.singular_values.begin(), j.singular_values.end(), std::greater<double>());
  if (!j.singular_values.empty()) {
    j.mean_s2 = sum_s2 / static_cast<double>(j.singular_values.size());
    j.largest = j.singular_values.front();
    j.smallest = j.singular_values.back();
    j.condition = j.smallest > 0 ? j.largest / j.smallest : std::numeric_limits<double>::infinity();
    j.noise_floor = static_cast<double>(FLT_EPSILON) * std::sqrt(static_cast<double>(std::min(j.n_in, j.n_out))) * j.largest;
  }
  return j;
}

void fill_theory(Jacobian& jacobian, const RunTheory& theory) {
  bool covered = theory.affine_layers > 0 && !theory.layers.empty() && theory.plain_chain;
  for (const LayerTheory& l : theory.layers) covered = covered && l.covered;
  const int64_t lo = std::min(jacobian.n_in, jacobian.n_out);
  // Sum of s^2 = ||J||_F^2 = sum over outputs of ||J^T e_o||^2 = n_out * chi_product, spread
  // over the min(n_in, n_out) singular values.
  jacobian.theory_mean_s2 = covered && lo > 0 ? static_cast<double>(jacobian.n_out) * theory.chi_product / static_cast<double>(lo)
                                              : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace initlab::theory
