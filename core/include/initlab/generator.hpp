// Generator: PyTorch's CPU generator (CPUGeneratorImpl) bit for bit. An MT19937 engine seeded
// with the low 32 bits of the seed, plus the cached second value of double Box-Muller that
// PyTorch keeps between normal_ calls on small tensors. See ../shared/PYTORCH-RNG.md.
#pragma once

#include <cstdint>

#include "initlab/mt19937.hpp"

namespace initlab {

class Generator {
 public:
  // PyTorch's default_rng_seed_val: what a fresh process draws from before any manual_seed.
  static constexpr uint64_t kDefaultSeed = 67280421310721ULL;

  explicit Generator(uint64_t seed = kDefaultSeed) { manual_seed(seed); }

  // Negative Python seeds arrive as their two's complement (uint64_t(int64_t(s))).
  void manual_seed(uint64_t seed);
  uint64_t initial_seed() const { return seed_; }

  uint32_t random() { return engine_.next(); }
  uint64_t random64() {
    const uint64_t hi = random();
    return (hi << 32) | random();
  }

  // One float from [from, to): 24 random bits, then one fused multiply-add (as PyTorch's AVX2
  // build computes it). fmaf(x, 1, 0) is x: the common [0, 1) draw (rand, normal_'s uniforms)
  // skips the exact fused multiply-add, which wasm computes in software. Inline: the samplers
  // call it once per element.
  float uniform_float(float from, float to) {
    const float x = static_cast<float>(random() & ((1u << 24) - 1)) * (1.0f / (1u << 24));
    return from == 0.0f && to == 1.0f ? x : scale_uniform(x, from, to);
  }
  // One double from [0, 1): 53 random bits of one random64().
  double uniform_double();
  // A standard normal double (Box-Muller in double, second value cached).
  double standard_normal_double();

 private:
  static float scale_uniform(float x, float from, float to);  // fmaf(x, to - from, from)
  Mt19937 engine_;
  uint64_t seed_ = 0;
  bool has_next_normal_ = false;
  double next_normal_ = 0.0;
};

// The process-wide generator that torch.manual_seed seeds.
Generator& default_generator();

}  // namespace initlab
