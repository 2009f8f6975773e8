#include "initlab/nn/functional.hpp"

#include "initlab/generator.hpp"
#include "initlab/nn/module.hpp"

namespace initlab::F {

namespace {

using kernels::Activation;
using kernels::BinaryOp;

Tensor observed(const char* op, Tensor out) {
  if (nn::ForwardObserver* o = nn::current_observer()) o->op_output(op, out);
  return out;
}

ops::PoolParams pool_params(std::array<int64_t, 2> kernel,
                            std::optional<std::array<int64_t, 2>> stride,
                            std::array<int64_t, 2> padding, bool ceil_mode) {
  ops::PoolParams p;
  p.kernel = kernel;
  p.stride = stride.value_or(kernel);  // PyTorch: stride defaults to kernel_size
  p.padding = padding;
  p.ceil_mode = ceil_mode;
  return p;
}

}  // namespace

Tensor relu(const Tensor& x) { return observed("F.relu", ops::activation(x, Activation::relu)); }

Tensor leaky_relu(const Tensor& x, double negative_slope) {
  kernels::ActivationParams p;
  p.alpha = static_cast<float>(negative_slope);
  return observed("F.leaky_relu", ops::activation(x, Activation::leaky_relu, p));
}

Tensor max_pool2d(const Tensor& x, std::array<int64_t, 2> kernel,
                  std::optional<std::array<int64_t, 2>> stride, std::array<int64_t, 2> padding,
                  bool ceil_mode) {
  return observed("F.max_pool2d", ops::max_pool2d(x, pool_params(kernel, stride, padding, ceil_mode)));
}

Tensor avg_pool2d(const Tensor& x, std::array<int64_t, 2> kernel,
                  std::optional<std::array<int64_t, 2>> stride, std::array<int64_t, 2> padding,
                  bool ceil_mode, bool count_include_pad) {
  ops::PoolParams p = pool_params(kernel, stride, padding, ceil_mode);
  p.count_include_pad = count_include_pad;
  return observed("F.avg_pool2d", ops::avg_pool2d(x, p));
}

Tensor adaptive_avg_pool2d(const Tensor& x, std::array<int64_t, 2> output_size) {
  return observed("F.adaptive_avg_pool2d", ops::adaptive_avg_pool2d(x, output_size));
}

Tensor softmax(const Tensor& x, int64_t dim) { return observed("F.softmax", ops::softmax(x, dim, false)); }

Tensor log_softmax(const Tensor& x, int64_t dim) {
  return observed("F.log_softmax", ops::softmax(x, dim, true));
}

Tensor dropout(const Tensor& x, double p, bool training) {
  return observed("F.dropout", ops::dropout(x, p, training, default_generator()));
}

Tensor dropout1d(const Tensor& x, double p, bool training) {
  return observed("F.dropout1d", ops::dropout_nd(x, 1, p, training, default_generator()));
}

Tensor dropout2d(const Tensor& x, double p, bool training) {
  return observed("F.dropout2d", ops::dropout_nd(x, 2, p, training, default_generator()));
}

Tensor dropout3d(const Tensor& x, double p, bool training) {
  return observed("F.dropout3d", ops::dropout_nd(x, 3, p, training, default_generator()));
}

Tensor alpha_dropout(const Tensor& x, double p, bool training) {
  return observed("F.alpha_dropout", ops::alpha_dropout(x, p, training, default_generator()));
}

Tensor feature_alpha_dropout(const Tensor& x, double p, bool training) {
  return observed("F.feature_alpha_dropout",
                  ops::feature_dropout(x, p, training, default_generator(), true));
}

Tensor flatten(const Tensor& x, int64_t start_dim, int64_t end_dim) {
  return observed("torch.flatten", ops::flatten(x, start_dim, end_dim));
}

Tensor view(const Tensor& x, const Shape& shape) { return observed("view", ops::view(x, shape)); }
Tensor reshape(const Tensor& x, const Shape& shape) { return observed("reshape", ops::reshape(x, shape)); }
Tensor tanh(const Tensor& x) { return observed("torch.tanh", ops::activation(x, Activation::tanh)); }

Tensor sigmoid(const Tensor& x) {
  return observed("torch.sigmoid", ops::activation(x, Activation::sigmoid));
}

Tensor add(const Tensor& a, const Tensor& b) {
  Tensor out = ops::binary(a, b, BinaryOp::add);
  if (nn::ForwardObserver* o = nn::current_observer()) o->op_operands(a, b);
  return observed("add", std::move(out));
}
Tensor sub(const Tensor& a, const Tensor& b) { return observed("sub", ops::binary(a, b, BinaryOp::sub)); }
Tensor mul(const Tensor& a, const Tensor& b) { return observed("mul", ops::binary(a, b, BinaryOp::mul)); }

Tensor add(const Tensor& a, double s, bool left) {
  return observed("add", ops::binary(a, s, BinaryOp::add, left));
}
Tensor sub(const Tensor& a, double s, bool left) {
  return observed("sub", ops::binary(a, s, BinaryOp::sub, left));
}
Tensor mul(const Tensor& a, double s, bool left) {
  return observed("mul", ops::binary(a, s, BinaryOp::mul, left));
}

Tensor embedding(const Tensor& weight, const Tensor& indices, int64_t padding_idx, bool scale_grad_by_freq) {
  return observed("F.embedding", ops::embedding(weight, indices, padding_idx, scale_grad_by_freq));
}

Tensor cat(const std::vector<Tensor>& tensors, int64_t dim) {
  return observed("torch.cat", ops::cat(tensors, dim));
}

Tensor matmul(const Tensor& a, const Tensor& b) { return observed("matmul", ops::matmul(a, b)); }

Tensor nll_loss(const Tensor& input, const Tensor& target, ops::Reduction reduction, int64_t ignore_index) {
  return observed("F.nll_loss", ops::nll_loss(input, target, reduction, ignore_index));
}

Tensor cross_entropy(const Tensor& input, const Tensor& target, ops::Reduction reduction,
                     int64_t ignore_index) {
  return observed("F.cross_entropy", ops::cross_entropy(input, target, reduction, ignore_index));
}

Tensor mse_loss(const Tensor& input, const Tensor& target, ops::Reduction reduction) {
  return observed("F.mse_loss", ops::mse_loss(input, target, reduction));
}

Tensor binary_cross_entropy(const Tensor& input, const Tensor& target, const Tensor& weight, ops::Reduction reduction) {
  return observed("F.binary_cross_entropy", ops::binary_cross_entropy(input, target, weight, reduction));
}

Tensor smooth_l1_loss(const Tensor& input, const Tensor& target, ops::Reduction reduction, double beta) {
  return observed("F.smooth_l1_loss", ops::smooth_l1_loss(input, target, reduction, beta));
}

}  // namespace initlab::F
