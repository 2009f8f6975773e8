// Losses: nll_loss (and cross_entropy = log_softmax + nll_loss, as PyTorch defines it),
// mse_loss, binary_cross_entropy and smooth_l1_loss (PyTorch's CPU kernels' element formulas,
// in float). Sums in double.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "backward.hpp"
#include "initlab/error.hpp"
#include "initlab/warnings.hpp"

namespace initlab::ops {

namespace {

std::string torch_size(const Shape& s) { return "torch.Size(" + s.to_string() + ")"; }

}  // namespace

Tensor nll_loss(const Tensor& input, const Tensor& target, Reduction reduction, int64_t ignore_index) {
  if (target.dtype() != DType::int64) {
    raise(ErrorKind::RuntimeError, "expected scalar type Long but found Float");
  }
  if (input.dim() < 1 || input.dim() > 2) {
    raise(ErrorKind::NotImplementedError,
          "not supported in initlab: nll_loss on a " + std::to_string(input.dim()) + "-D input");
  }
  const bool batched = input.dim() == 2;
  const int64_t N = batched ? input.size(0) : 1, C = input.size(-1);
  if (batched ? (target.dim() != 1 || target.size(0) != N) : target.dim() != 0) {
    raise(ErrorKind::ValueError, "Expected input batch_size (" + std::to_string(N) +
                                     ") to match target batch_size (" +
                                     std::to_string(target.dim() == 0 ? 1 : target.size(0)) + ").");
  }
  const Tensor x = input.contiguous(), t = target.contiguous();
  std::vector<int64_t> classes(static_cast<std::size_t>(N));
  int64_t count = 0;
  for (int64_t i = 0; i < N; ++i) {
    const auto c = static_cast<int64_t>(t.data()[i]);
    if (c != ignore_index && (c < 0 || c >= C)) {
      raise(ErrorKind::IndexError, "Target " + std::to_string(c) + " is out of bounds.");
    }
    classes[static_cast<std::size_t>(i)] = c;
    if (c != ignore_index) ++count;
  }
  Tensor y;
  if (reduction == Reduction::none) {
    y = Tensor(batched ? Shape{N} : Shape{});
    for (int64_t i = 0; i < N; ++i) {
      const int64_t c = classes[static_cast<std::size_t>(i)];
      y.data()[i] = c == ignore_index ? 0.0f : -x.data()[i * C + c];
    }
  } else {
    double sum = 0;
    for (int64_t i = 0; i < N; ++i) {
      const int64_t c = classes[static_cast<std::size_t>(i)];
      if (c != ignore_index) sum -= static_cast<double>(x.data()[i * C + c]);
    }
    if (reduction == Reduction::mean) sum /= static_cast<double>(count);  // 0/0: NaN, as PyTorch
    y = Tensor::full(Shape{}, static_cast<float>(sum));
  }
  if (autograd::should_record({&input})) {
    return detail::record_nll_loss(y, input, std::move(classes), count, reduction, ignore_index);
  }
  return y;
}

Tensor cross_entropy(const Tensor& input, const Tensor& target, Reduction reduction, int64_t ignore_index) {
  return nll_loss(softmax(input, input.dim() == 1 ? 0 : 1, /*log=*/true), target, reduction, ignore_index);
}

Tensor mse_loss(const Tensor& input, const Tensor& target, Reduction reduction) {
  if (input.shape() != target.shape()) {
    warn("Using a target size (" + torch_size(target.shape()) + ") that is different to the input size (" +
         torch_size(input.shape()) + "). This will likely lead to incorrect results due to broadcasting. Please ensure "
         "they have the same size.");
  }
  const Tensor d = binary(input, target, kernels::BinaryOp::sub);  // records when needed
  if (reduction == Reduction::none) return binary(d, d, kernels::BinaryOp::mul);
  const Tensor dc = d.contiguous();
  double sum = 0;
  for (int64_t i = 0; i < dc.numel(); ++i) sum += static_cast<double>(dc.data()[i]) * static_cast<double>(dc.data()[i]);
  if (reduction == Reduction::mean) sum /= static_cast<double>(dc.numel());
  Tensor y = Tensor::full(Shape{}, static_cast<float>(sum));
  if (autograd::should_record({&d})) return detail::record_sum_of_squares(y, d, reduction == Reduction::mean);
  return y;
}

namespace {

// The reduction of an elementwise loss, recorded with its derivative when input needs one.
Tensor reduce_elementwise(Tensor loss, const Tensor& input, const Tensor& target, Reduction reduction,
                          const char* node, std::function<float(float, float, int64_t)> dloss) {
  Tensor y = std::move(loss);
  if (reduction != Reduction::none) {
    double sum = 0;
    for (int64_t i = 0; i < y.numel(); ++i) sum += static_cast<double>(y.data()[i]);
    if (reduction == Reduction::mean) sum /= static_cast<double>(y.numel());
    y = Tensor::full(Shape{}, static_cast<float>(sum));
  }
  if (autograd::should_record({&input})) {
    return detail::record_elementwise_loss(y, input, target, reduction, node, std::move(dloss));
  }
  return y;
}

}  // namespace

Tensor binary_cross_entropy(const Tensor& input, const Tensor& target, const Tensor& weight, Reduction reduction) {
  if (input.shape() != target.shape()) {
    raise(ErrorKind::ValueError, "Using a target size (" + torch_size(target.shape()) +
                                     ") that is different to the input size (" + torch_size(input.shape()) +
                                     ") is deprecated. Please ensure they have the same size.");
  }
  const Tensor x = input.contiguous(), t = target.contiguous();
  Tensor w;
  if (weight.defined()) {
    if (broadcast_shapes(weight.shape(), t.shape()) != t.shape()) {
      raise(ErrorKind::RuntimeError, "The size of tensor a (" + std::to_string(weight.size(-1)) +
                                         ") must match the size of tensor b (" + std::to_string(t.size(-1)) +
                                         ") at non-singleton dimension " + std::to_string(t.dim() - 1));
    }
    w = weight.expand(t.shape()).contiguous();
  }
  Tensor loss = Tensor::uninitialized(x.shape());
  for (int64_t i = 0; i < x.numel(); ++i) {
    const float xi = x.data()[i], ti = t.data()[i];
    if (!(xi >= 0.0f && xi <= 1.0f)) raise(ErrorKind::RuntimeError, "all elements of input should be between 0 and 1");
    // PyTorch 1.13: (t - 1) * max(log(1 - x), -100) - t * max(log(x), -100), times the weight.
    const float l = (ti - 1.0f) * std::max(std::log(1.0f - xi), -100.0f) - ti * std::max(std::log(xi), -100.0f);
    loss.data()[i] = w.defined() ? l * w.data()[i] : l;
  }
  return reduce_elementwise(loss, input, t, reduction, "BinaryCrossEntropyBackward", [w](float xi, float ti, int64_t i) {
    // PyTorch's derivative: (x - t) / max((1 - x) x, 1e-12), times the weight.
    const float d = (xi - ti) / std::max((1.0f - xi) * xi, 1e-12f);
    return w.defined() ? d * w.data()[i] : d;
  });
}

Tensor smooth_l1_loss(const Tensor& input, const Tensor& target, Reduction reduction, double beta_in) {
  if (beta_in < 0) raise(ErrorKind::RuntimeError, "smooth_l1_loss does not support negative values for beta.");
  if (input.shape() != target.shape()) {
    warn("Using a target size (" + torch_size(target.shape()) + ") that is different to the input size (" +
         torch_size(input.shape()) + "). This will likely lead to incorrect results due to broadcasting. Please ensure "
         "they have the same size.");
    raise(ErrorKind::NotImplementedError, "not supported in initlab: smooth_l1_loss of differently shaped input and target");
  }
  const auto beta = static_cast<float>(beta_in);
  const Tensor x = input.contiguous(), t = target.contiguous();
  Tensor loss = Tensor::uninitialized(x.shape());
  for (int64_t i = 0; i < x.numel(); ++i) {
    const float z = std::fabs(x.data()[i] - t.data()[i]);
    loss.data()[i] = z < beta ? 0.5f * z * z / beta : z - 0.5f * beta;
  }
  return reduce_elementwise(loss, input, t, reduction, "SmoothL1LossBackward", [beta](float xi, float ti, int64_t) {
    // PyTorch's order of tests: at beta 0 a zero difference takes the first (-1).
    const float d = xi - ti;
    return d <= -beta ? -1.0f : d >= beta ? 1.0f : d / beta;
  });
}

}  // namespace initlab::ops
