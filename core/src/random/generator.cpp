#include "initlab/generator.hpp"

#include <cmath>

#include "../math/fused.hpp"

namespace initlab {

void Generator::manual_seed(uint64_t seed) {
  seed_ = seed;
  // PyTorch's mt19937 keeps only the low 32 bits of the seed.
  engine_.seed(static_cast<uint32_t>(seed & 0xffffffffu));
  has_next_normal_ = false;
}

float Generator::uniform_float(float from, float to) {
  const float x = static_cast<float>(random() & ((1u << 24) - 1)) * (1.0f / (1u << 24));
  // fmaf(x, 1, 0) is x: the common [0, 1) draw (rand, normal_'s uniforms) skips the exact
  // fused multiply-add, which wasm computes in software.
  if (from == 0.0f && to == 1.0f) return x;
  return math::fmaf_exact(x, to - from, from);
}

double Generator::uniform_double() {
  const uint64_t bits = random64() & ((uint64_t{1} << 53) - 1);
  return static_cast<double>(bits) * (1.0 / static_cast<double>(uint64_t{1} << 53));
}

double Generator::standard_normal_double() {
  if (has_next_normal_) {
    has_next_normal_ = false;
    return next_normal_;
  }
  const double u1 = uniform_double();
  const double u2 = uniform_double();
  const double r = std::sqrt(-2.0 * std::log(1.0 - u2));
  const double theta = 2.0 * M_PI * u1;
  next_normal_ = r * std::sin(theta);
  has_next_normal_ = true;
  return r * std::cos(theta);
}

Generator& default_generator() {
  static Generator generator;
  return generator;
}

}  // namespace initlab
