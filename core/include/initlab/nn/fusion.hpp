// Layer-chain fusion: inside a Sequential, Linear or Conv followed by an eval-mode BatchNorm
// and/or a ReLU runs as one GEMM whose epilogue applies the BatchNorm's affine and the ReLU.
// Only when nothing observes the forward (the probe needs every module's own output) and the
// result would not change beyond float rounding.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "initlab/nn/module.hpp"

namespace initlab::nn {

// If children[i] starts a fusable chain, runs it on x, advances i past the chain and returns
// true; otherwise returns false and leaves both alone.
bool run_fused_chain(const std::vector<std::pair<std::string, ModulePtr>>& children,
                     std::size_t& i, Tensor& x);

// How many fused chains this thread has run (for tests and the benchmark's report).
int64_t fused_chains_run();

}  // namespace initlab::nn
