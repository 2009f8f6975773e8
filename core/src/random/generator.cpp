#include "initlab/generator.hpp"

#include <cmath>

#include "../math/fused.hpp"

namespace initlab {

void Generator::manual_seed(uint64_t seed) {
  seed_ = seed;
  // PyTorch's mt19937 keeps only the low 32 bits of the seed.
  engine_.init_genrand(static_cast<uint32_t>(seed & 0xffffffffu));
  has_next_normal_ = false;
}

float Generator::scale_uniform(float x, float from, float to) { return math::fmaf_exact(x, to - from, from); }

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
