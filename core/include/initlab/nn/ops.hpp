// Tensor-level operations behind the modules and the functional API: shape checks with
// PyTorch's wording, then a kernel. Nothing here reports to the probe (modules and F:: do).
// Every op is differentiable: when autograd::should_record(inputs) holds it records a node
// whose backward lives beside the forward (src/nn/ops/<stem>_backward.cpp).
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "initlab/generator.hpp"
#include "initlab/kernels.hpp"
#include "initlab/tensor.hpp"

namespace initlab::ops {

// A per-output-channel affine (and ReLU) applied after the bias inside the GEMM's epilogue:
// how a following eval-mode BatchNorm and ReLU fuse into a Linear or a convolution.
struct PostOp {
  std::vector<float> scale, shift;  // empty: 1 and 0
  bool relu = false;
};

// x (*, in) . w^T (in, out) + b (out): PyTorch's linear. b may be undefined.
Tensor linear(const Tensor& x, const Tensor& w, const Tensor& b, const PostOp* post = nullptr);

struct ConvParams {
  std::array<int64_t, 2> stride{1, 1};
  std::array<int64_t, 2> dilation{1, 1};
  std::array<int64_t, 4> padding{0, 0, 0, 0};  // top, left, bottom, right
  int64_t groups = 1;
};
// x (N, C, H, W) or (C, H, W); w (OC, C/groups, KH, KW); b (OC) or undefined.
Tensor conv2d(const Tensor& x, const Tensor& w, const Tensor& b, const ConvParams& p,
              const PostOp* post = nullptr);
// x (N, C, L) or (C, L); w (OC, C/groups, K): conv2d on a height-1 image.
Tensor conv1d(const Tensor& x, const Tensor& w, const Tensor& b, const ConvParams& p,
              const PostOp* post = nullptr);

// x (N, C, *). In training (or without running stats) normalizes with the batch statistics
// and, when running stats are given, updates them with momentum (or a cumulative average
// when momentum < 0, PyTorch's momentum=None) and increments num_batches_tracked.
struct BatchNormState {
  Tensor* running_mean = nullptr;
  Tensor* running_var = nullptr;
  Tensor* num_batches_tracked = nullptr;
};
Tensor batch_norm(const Tensor& x, const BatchNormState& state, const Tensor& weight,
                  const Tensor& bias, bool use_batch_stats, double momentum, double eps);
// The per-channel alpha, beta of eval-mode BatchNorm (y = x * alpha + beta), PyTorch's way.
void batch_norm_eval_affine(const Tensor& running_mean, const Tensor& running_var,
                            const Tensor& weight, const Tensor& bias, double eps,
                            std::vector<float>& alpha, std::vector<float>& beta);
// Normalizes over the trailing dims `normalized` (elementwise weight/bias may be undefined).
Tensor layer_norm(const Tensor& x, const std::vector<int64_t>& normalized, const Tensor& weight,
                  const Tensor& bias, double eps);
Tensor group_norm(const Tensor& x, int64_t groups, const Tensor& weight, const Tensor& bias,
                  double eps);

struct PoolParams {
  std::array<int64_t, 2> kernel{1, 1};
  std::array<int64_t, 2> stride{1, 1};
  std::array<int64_t, 2> padding{0, 0};
  std::array<int64_t, 2> dilation{1, 1};
  bool ceil_mode = false;
  bool count_include_pad = true;
};
Tensor max_pool2d(const Tensor& x, const PoolParams& p);
Tensor avg_pool2d(const Tensor& x, const PoolParams& p);
Tensor adaptive_avg_pool2d(const Tensor& x, std::array<int64_t, 2> output_size);

Tensor activation(const Tensor& x, kernels::Activation a, const kernels::ActivationParams& p = {});
Tensor softmax(const Tensor& x, int64_t dim, bool log);
// The dropout family exactly as PyTorch 1.13 computes it on the CPU (ATen's _dropout_impl;
// bernoulli_ of a build without MKL, as Debian's): in eval mode, with p = 0 or with no elements,
// x itself and no draws; with p = 1, x * 0 (no draws: -0 for negative x, NaN for inf and NaN);
// otherwise a contiguous noise tensor filled by bernoulli_(1 - p) (one random64() per noise
// element, row-major; see sampling.hpp), then
//   dropout:       y = x * (keep / float(1 - p))
//   alpha_dropout: a = 1 / sqrt((alpha^2 p + 1)(1 - p)) in double, alpha = 1.7580993408473766;
//                  y = x * (keep * float(a)) + ((keep - 1) * float(alpha a) + float(alpha a p))
// every step rounded to float as PyTorch's separate tensor ops are. Errors: p outside [0, 1]
// (ValueError, F.dropout's message).
Tensor dropout(const Tensor& x, double p, bool training, Generator& gen);
Tensor alpha_dropout(const Tensor& x, double p, bool training, Generator& gen);
// Feature (channel) dropout: one noise value per (n, c) of x (N, C, *), broadcast over the
// rest; unbatched (x (C, *), as F.dropout1d/3d unsqueeze a missing batch dim): one per c.
// RuntimeError "Feature dropout requires at least 2 dimensions in the input" when it draws.
Tensor feature_dropout(const Tensor& x, double p, bool training, Generator& gen,
                       bool alpha = false, bool batched = true);
// F.dropout1d / dropout2d / dropout3d (spatial = 1, 2, 3): PyTorch 1.13's input-rank rules,
// errors and warnings, then feature_dropout.
Tensor dropout_nd(const Tensor& x, int spatial, double p, bool training, Generator& gen);

// Element-wise with broadcasting (PyTorch's rules and messages).
Tensor binary(const Tensor& a, const Tensor& b, kernels::BinaryOp op);
Tensor binary(const Tensor& a, double s, kernels::BinaryOp op, bool scalar_left = false);

Tensor flatten(const Tensor& x, int64_t start_dim = 0, int64_t end_dim = -1);
// Tensor::view / Tensor::reshape, recorded for autograd (the Tensor methods are not).
Tensor view(const Tensor& x, const Shape& shape);
Tensor reshape(const Tensor& x, const Shape& shape);
Tensor cat(const std::vector<Tensor>& tensors, int64_t dim);
// x[rows], rows of dim 0 in [0, x.size(0)) (PyTorch's advanced indexing with a list of ints):
// a copy, recorded for autograd (IndexBackward). Mini-batches are taken this way.
Tensor index_rows(const Tensor& x, const std::vector<int64_t>& rows);
// torch.embedding: rows of weight (num, dim) picked by an int64 index tensor of any shape ->
// indices.shape + (dim). padding_idx (-1: none) gets no gradient; scale_grad_by_freq divides a
// row's gradient by its index's count in the batch. Errors in PyTorch's words (float indices,
// an index out of range).
Tensor embedding(const Tensor& weight, const Tensor& indices, int64_t padding_idx = -1,
                 bool scale_grad_by_freq = false);
// torch.embedding_renorm_: every distinct row named in indices whose norm_type-norm exceeds
// max_norm is scaled in place by max_norm / (norm + 1e-7). Not recorded (PyTorch runs it
// under no_grad).
void embedding_renorm_(Tensor& weight, const Tensor& indices, double max_norm, double norm_type);
// PyTorch's matmul: 1-D, 2-D and batched (broadcast batch dims).
Tensor matmul(const Tensor& a, const Tensor& b);

// Losses (reduction as PyTorch's `reduction=` argument).
enum class Reduction { none, mean, sum };
// input (N, C) of log-probabilities or (C); target (N) or () of class indices (an int64
// tensor). Targets equal to ignore_index count neither in the sum nor in the mean.
Tensor nll_loss(const Tensor& input, const Tensor& target, Reduction reduction = Reduction::mean,
                int64_t ignore_index = -100);
// log_softmax over dim 1 (dim 0 for an unbatched input), then nll_loss: PyTorch's definition.
Tensor cross_entropy(const Tensor& input, const Tensor& target, Reduction reduction = Reduction::mean,
                     int64_t ignore_index = -100);
// (input - target)^2, reduced; different shapes broadcast with PyTorch's warning.
Tensor mse_loss(const Tensor& input, const Tensor& target, Reduction reduction = Reduction::mean);
// -(t log x + (1 - t) log(1 - x)), each log clamped at -100, times weight (undefined: none;
// else broadcast to the target's shape); input and target of one shape, input in [0, 1].
Tensor binary_cross_entropy(const Tensor& input, const Tensor& target, const Tensor& weight,
                            Reduction reduction = Reduction::mean);
// |d| < beta ? 0.5 d^2 / beta : |d| - 0.5 beta with d = input - target (beta 0: |d|).
Tensor smooth_l1_loss(const Tensor& input, const Tensor& target, Reduction reduction = Reduction::mean,
                      double beta = 1.0);

// Shapes of broadcasting, or PyTorch's error.
Shape broadcast_shapes(const Shape& a, const Shape& b);
// Dimension index in [0, rank), or PyTorch's IndexError.
int64_t wrap_dim(int64_t dim, int64_t rank);

}  // namespace initlab::ops
