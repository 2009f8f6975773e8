// In-place random fills of tensors, with PyTorch's stream layouts (Tensor.uniform_,
// Tensor.normal_, Tensor.bernoulli_, torch.randperm). nn.init and dropout build on these.
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

// Bernoulli(p) as 1.0 / 0.0, PyTorch's CPU bernoulli_(float p) of a build without MKL (Debian's):
// per element in memory order, one random64() -> a 53-bit double u in [0, 1), 1 if u < p.
// Draws one random64() per element even for p = 0 or 1. Errors as PyTorch: p outside [0, 1].
void bernoulli_(Tensor& t, double p, Generator& gen);

// Bernoulli with per-element float32 probabilities p, broadcast to t's shape (bernoulli_(Tensor
// p), torch.bernoulli(p)): per element of t in memory order, one random() -> a 24-bit float u,
// 1 if u < p. A p outside [0, 1] stops with PyTorch's message after the draws before it.
void bernoulli_(Tensor& t, const Tensor& p, Generator& gen);

// A random permutation of 0..n-1 (PyTorch's CPU randperm: one random() per swap).
std::vector<int64_t> randperm(int64_t n, Generator& gen);

// torch.multinomial(p, 1) for one row of n weights (>= 0, not all 0), PyTorch 1.13's CPU fast
// path for a single sample: q = empty_like(p).exponential_() (per element one random64() -> a
// 53-bit double u, then float(-log(1 - u))), the index is argmax(p / q) (the first of equal
// maxima). Both checked against 1.13 by tests/fixtures/make_train_fixtures.py's word samples.
int64_t multinomial_one(const float* p, int64_t n, Generator& gen);

}  // namespace initlab
