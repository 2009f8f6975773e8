// The loss a run differentiates to probe gradients (RunOptions::grad_loss): built on the model's
// output with recorded ops, so backward reaches every layer. Targets are drawn from the run's
// generator (after the input), so a seed fixes them.
#include <cmath>
#include <string>

#include "initlab/autograd.hpp"
#include "initlab/error.hpp"
#include "initlab/nn/functional.hpp"
#include "initlab/probe.hpp"
#include "initlab/sampling.hpp"

namespace initlab::probe {

namespace {

Tensor rows(const Tensor& t) {
  const int64_t n = t.dim() == 0 ? 1 : t.size(0);
  return F::reshape(t, Shape{n, t.numel() / n});
}

}  // namespace

Tensor loss_for(const Tensor& output, const Tensor& input, const std::string& kind, Generator& gen,
                const Tensor& real_labels) {
  if (kind == "mean") {
    // mean(y) as y_flat @ (1/M): a recorded op whose gradient is 1/M everywhere.
    const int64_t m = output.numel();
    const Tensor w = Tensor::full(Shape{m, 1}, 1.0f / static_cast<float>(m));
    return F::matmul(F::reshape(output, Shape{1, m}), w);
  }
  const Tensor y = rows(output);
  if ((kind == "cross_entropy" || kind == "nll") && real_labels.defined()) {
    return kind == "nll" ? F::nll_loss(y, real_labels) : F::cross_entropy(y, real_labels);
  }
  if (kind == "cross_entropy" || kind == "nll") {
    // Random labels, one per row, uniform over the output's classes.
    const int64_t n = y.size(0), classes = y.size(1);
    Tensor u(Shape{n}), labels(Shape{n});
    uniform_(u, 0, 1, gen);
    labels.set_dtype(DType::int64);
    for (int64_t i = 0; i < n; ++i) {
      labels.data()[i] = std::fmin(std::floor(u.data()[i] * static_cast<float>(classes)), static_cast<float>(classes - 1));
    }
    return kind == "nll" ? F::nll_loss(y, labels) : F::cross_entropy(y, labels);
  }
  if (kind == "mse") {
    // A random linear teacher of the flattened input, W ~ N(0, 1/in): targets of the
    // output's size that depend on the input.
    Tensor target;
    {
      const autograd::NoGrad no_grad;
      const Tensor x = rows(input).contiguous();
      Tensor w(Shape{x.size(1), y.size(1)});
      normal_(w, 0, 1.0 / std::sqrt(static_cast<double>(x.size(1))), gen);
      target = F::matmul(x, w);
    }
    return F::mse_loss(y, target);
  }
  raise(ErrorKind::ValueError, "unknown gradient loss '" + kind + "' (mean, cross_entropy, nll or mse)");
}

}  // namespace initlab::probe
