// How the vision ops (vision_ops.hpp) record themselves for autograd; the backward of each
// lives in the _backward.cpp of its forward's stem. Internal to src/nn/ops.
#pragma once

#include <vector>

#include "initlab/autograd.hpp"
#include "initlab/kernels.hpp"
#include "initlab/nn/vision_ops.hpp"

namespace initlab::ops::detail {

// conv_transpose_backward.cpp. x (N, C, H, W) contiguous as the forward used it (the
// caller's x is kept as the node's input); g: the geometry of the convolution whose input
// gradient the forward computed (its "image" is one group of the output).
Tensor record_conv_transpose2d(const Tensor& y, const Tensor& x, const Tensor& w, const Tensor& b,
                               const kernels::Conv2dGeometry& g, int64_t groups, int64_t batch);

// resample_backward.cpp
Tensor record_resample(const Tensor& y, const Tensor& x, int spatial, AxisTaps rows, AxisTaps cols,
                       const char* grad_name);
Tensor record_gather_flat(const Tensor& y, const Tensor& x, std::vector<int64_t> src, const char* grad_name);
// y.flat[dst[i]] = x.flat[i] (later i win); the gradient of x[i] is gy.flat[dst[i]].
Tensor record_scatter_flat(const Tensor& y, const Tensor& x, std::vector<int64_t> dst, const char* grad_name);

}  // namespace initlab::ops::detail
