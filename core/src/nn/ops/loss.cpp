// Losses: nll_loss (and cross_entropy = log_softmax + nll_loss, as PyTorch defines it) and
// mse_loss. Sums in double.
#include <string>
#include <vector>

#include "backward.hpp"
#include "initlab/error.hpp"
#include "initlab/warnings.hpp"

namespace initlab::ops {

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
    warn("Using a target size (torch.Size(" + target.shape().to_string() +
         ")) that is different to the input size (torch.Size(" + input.shape().to_string() +
         ")). This will likely lead to incorrect results due to broadcasting. Please ensure "
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

}  // namespace initlab::ops
