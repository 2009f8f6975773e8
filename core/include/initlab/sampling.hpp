// In-place random fills of tensors, with PyTorch's stream layouts (Tensor.uniform_,
// Tensor.normal_, torch.randperm). nn.init builds on these.
#pragma once

#include <cstdint>
#include <vector>

#include "initlab/generator.hpp"
#include "initlab/tensor.hpp"

namespace initlab {

// U[from, to). Errors as PyTorch: from > to.
void uniform_(Tensor& t, double from, double to, Generator& gen);

// N(mean, std^2). Contiguous tensors with >= 16 elements use PyTorch's vectorized Box-Muller
// layout (blocks of 16, a recomputed last block); others the double Box-Muller with cache.
void normal_(Tensor& t, double mean, double std, Generator& gen);

// A random permutation of 0..n-1 (PyTorch's CPU randperm: one random() per swap).
std::vector<int64_t> randperm(int64_t n, Generator& gen);

}  // namespace initlab
