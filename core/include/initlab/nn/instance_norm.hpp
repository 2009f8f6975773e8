// torch.instance_norm, the op behind nn.InstanceNorm1d/2d and F.instance_norm (its own header:
// only those two include it).
#pragma once

#include "initlab/tensor.hpp"

namespace initlab::ops {

// x (N, C, *) normalized per image and channel, as PyTorch computes it: batch_norm on the
// (1, N*C, *) view with weight, bias and the running stats repeated N times; the updated
// running stats are averaged back over the images. running_mean/running_var may be null (no
// running stats); PyTorch's errors for missing or mis-sized ones.
Tensor instance_norm(const Tensor& x, Tensor* running_mean, Tensor* running_var, const Tensor& weight,
                     const Tensor& bias, bool use_input_stats, double momentum, double eps);

}  // namespace initlab::ops
