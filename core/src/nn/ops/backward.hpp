// How the forward ops record themselves for autograd: each forward, after computing its
// output and only when autograd::should_record(...) holds, calls the record_* function of
// its backward file (same stem + _backward.cpp), which attaches a node holding what the
// backward needs. Internal to src/nn/ops.
#pragma once

#include <functional>
#include <utility>
#include <vector>

#include "initlab/autograd.hpp"
#include "initlab/nn/ops.hpp"

namespace initlab::ops::detail {

// matmul's batches (forward and backward): for index bi of the broadcast batch shape, the
// matching batch indices of a and b, reading their size-1 batch dims as broadcast.
inline std::pair<int64_t, int64_t> batch_offsets(const Shape& batch, const Shape& batch_a,
                                                 const Shape& batch_b, int64_t bi) {
  int64_t rem = bi, off_a = 0, off_b = 0, stride_a = 1, stride_b = 1;
  const auto nb = static_cast<int64_t>(batch.size());
  const int64_t skip_a = nb - static_cast<int64_t>(batch_a.size());
  const int64_t skip_b = nb - static_cast<int64_t>(batch_b.size());
  for (int64_t i = nb - 1; i >= 0; --i) {
    const int64_t idx = rem % batch[i];
    rem /= batch[i];
    if (i >= skip_a) {
      if (batch_a[i - skip_a] != 1) off_a += idx * stride_a;
      stride_a *= batch_a[i - skip_a];
    }
    if (i >= skip_b) {
      if (batch_b[i - skip_b] != 1) off_b += idx * stride_b;
      stride_b *= batch_b[i - skip_b];
    }
  }
  return {off_a, off_b};
}

// linear_conv_backward.cpp
Tensor record_linear(const Tensor& y, const Tensor& x, const Tensor& w, const Tensor& b);
// x is the caller's input (3-D or 4-D); g the geometry of one group's image.
Tensor record_conv2d(const Tensor& y, const Tensor& x, const Tensor& w, const Tensor& b,
                     const kernels::Conv2dGeometry& g, int64_t groups);

// normalization_backward.cpp. mean/invstd per channel as the forward used them.
Tensor record_batch_norm(const Tensor& y, const Tensor& x, const Tensor& weight,
                         const Tensor& bias, std::vector<float> mean, std::vector<float> invstd,
                         bool batch_stats);
// rows of n elements; per-element weight index c = (r % period) * channels_per_row + j / inner.
struct RowNorm {
  int64_t rows, n, channels_per_row, inner, period;
};
Tensor record_row_norm(const char* name, const Tensor& y, const Tensor& x, const Tensor& weight,
                       const Tensor& bias, const RowNorm& layout, std::vector<float> mean,
                       std::vector<float> invstd);

// pooling_backward.cpp
Tensor record_pool(bool is_max, const Tensor& y, const Tensor& x, const kernels::Pool2dGeometry& g);
Tensor record_adaptive_avg_pool2d(const Tensor& y, const Tensor& x);

// pointwise_backward.cpp
Tensor record_activation(const Tensor& y, const Tensor& x, kernels::Activation a,
                         const kernels::ActivationParams& p);
Tensor record_softmax(const Tensor& y, const Tensor& x, int64_t dim, bool log);
// multiplier: x's shape, contiguous; the backward is dy * multiplier.
Tensor record_dropout(const Tensor& y, const Tensor& x, Tensor multiplier, bool alpha);
Tensor record_binary(const Tensor& y, const Tensor& a, const Tensor& b, kernels::BinaryOp op);
Tensor record_binary_scalar(const Tensor& y, const Tensor& a, double s, kernels::BinaryOp op,
                            bool scalar_left);

// shape_ops_backward.cpp
// is_view: Tensor.view (else reshape/flatten), for the node's name.
Tensor record_reshape(const Tensor& y, const Tensor& x, bool is_view);
Tensor record_cat(const Tensor& y, const std::vector<Tensor>& inputs, int64_t dim);
Tensor record_index_rows(const Tensor& y, const Tensor& x, std::vector<int64_t> rows);
Tensor record_matmul(const Tensor& y, const Tensor& a, const Tensor& b);

// embedding_backward.cpp. idx: the flattened indices of the forward.
Tensor record_embedding(const Tensor& y, const Tensor& weight, std::vector<int64_t> idx, int64_t padding_idx,
                        bool scale_grad_by_freq);

// loss_backward.cpp. classes: each sample's target class.
Tensor record_nll_loss(const Tensor& y, const Tensor& input, std::vector<int64_t> classes,
                       int64_t count, Reduction reduction, int64_t ignore_index);
// y = sum (or mean, when `mean`) of d^2.
Tensor record_sum_of_squares(const Tensor& y, const Tensor& d, bool mean);
// y = an elementwise loss of (input, target), reduced; dloss(x, t, i) its derivative in input
// at element i (the weight folded in), scaled by dy (and 1/n for the mean) in the backward.
Tensor record_elementwise_loss(const Tensor& y, const Tensor& input, const Tensor& target, Reduction reduction,
                               const char* name, std::function<float(float x, float t, int64_t i)> dloss);

}  // namespace initlab::ops::detail
