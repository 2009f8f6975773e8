// torch.nn.functional and the torch.* tensor functions that network code calls. Each runs its
// op and reports the output to the forward observer under the name the probe shows ("F.relu",
// "torch.cat", "add", ...), which is PyTorch's spelling of the call.
#pragma once

#include <array>
#include <optional>
#include <vector>

#include "initlab/nn/ops.hpp"

namespace initlab::F {

Tensor relu(const Tensor& x);
Tensor leaky_relu(const Tensor& x, double negative_slope = 0.01);
Tensor max_pool2d(const Tensor& x, std::array<int64_t, 2> kernel,
                  std::optional<std::array<int64_t, 2>> stride = std::nullopt,
                  std::array<int64_t, 2> padding = {0, 0}, bool ceil_mode = false);
Tensor avg_pool2d(const Tensor& x, std::array<int64_t, 2> kernel,
                  std::optional<std::array<int64_t, 2>> stride = std::nullopt,
                  std::array<int64_t, 2> padding = {0, 0}, bool ceil_mode = false,
                  bool count_include_pad = true);
Tensor adaptive_avg_pool2d(const Tensor& x, std::array<int64_t, 2> output_size);
Tensor softmax(const Tensor& x, int64_t dim);
Tensor log_softmax(const Tensor& x, int64_t dim);
Tensor dropout(const Tensor& x, double p = 0.5, bool training = true);
Tensor dropout1d(const Tensor& x, double p = 0.5, bool training = true);
Tensor dropout2d(const Tensor& x, double p = 0.5, bool training = true);
Tensor dropout3d(const Tensor& x, double p = 0.5, bool training = true);
Tensor alpha_dropout(const Tensor& x, double p = 0.5, bool training = false);
Tensor feature_alpha_dropout(const Tensor& x, double p = 0.5, bool training = false);
Tensor flatten(const Tensor& x, int64_t start_dim = 0, int64_t end_dim = -1);  // torch.flatten
Tensor view(const Tensor& x, const Shape& shape);                            // Tensor.view
Tensor reshape(const Tensor& x, const Shape& shape);                         // Tensor.reshape
Tensor tanh(const Tensor& x);                                                // torch.tanh
Tensor sigmoid(const Tensor& x);                                             // torch.sigmoid
Tensor add(const Tensor& a, const Tensor& b);                                // a + b
Tensor sub(const Tensor& a, const Tensor& b);                                // a - b
Tensor mul(const Tensor& a, const Tensor& b);                                // a * b
Tensor add(const Tensor& a, double s, bool scalar_left = false);
Tensor sub(const Tensor& a, double s, bool scalar_left = false);
Tensor mul(const Tensor& a, double s, bool scalar_left = false);
Tensor cat(const std::vector<Tensor>& tensors, int64_t dim = 0);             // torch.cat
Tensor matmul(const Tensor& a, const Tensor& b);                             // a @ b
Tensor embedding(const Tensor& weight, const Tensor& indices, int64_t padding_idx = -1,
                 bool scale_grad_by_freq = false);                           // F.embedding
Tensor nll_loss(const Tensor& input, const Tensor& target, ops::Reduction reduction = ops::Reduction::mean,
                int64_t ignore_index = -100);
Tensor cross_entropy(const Tensor& input, const Tensor& target,
                     ops::Reduction reduction = ops::Reduction::mean, int64_t ignore_index = -100);
Tensor mse_loss(const Tensor& input, const Tensor& target, ops::Reduction reduction = ops::Reduction::mean);
Tensor binary_cross_entropy(const Tensor& input, const Tensor& target, const Tensor& weight,
                            ops::Reduction reduction = ops::Reduction::mean);
Tensor smooth_l1_loss(const Tensor& input, const Tensor& target, ops::Reduction reduction = ops::Reduction::mean,
                      double beta = 1.0);

}  // namespace initlab::F
