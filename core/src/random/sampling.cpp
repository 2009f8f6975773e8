#include "initlab/sampling.hpp"

#include <cmath>
#include <cstdio>
#include <string>
#include <utility>

#include "../math/cephes_float.hpp"
#include "../math/fused.hpp"
#include "initlab/error.hpp"

namespace initlab {

namespace {

// PyTorch formats doubles in its messages with ostream defaults ("1", "0.5", "-1"), which is
// printf's %g (iostreams would also add their locale machinery to the wasm module).
std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// Turns 16 uniforms U in place into 16 normals: u1 = 1 - U[j], u2 = U[8 + j] (PyTorch's
// normal_fill_16_AVX2, one lane at a time).
void normal_fill_16(float* data, float mean, float std) {
  constexpr float kTwoPi = static_cast<float>(2.0 * M_PI);
  for (int j = 0; j < 8; ++j) {
    const float u1 = 1.0f - data[j];
    const float u2 = data[8 + j];
    const float radius = std::sqrt(-2.0f * cephes::logf(u1));
    const float theta = kTwoPi * u2;
    float sin_theta, cos_theta;
    cephes::sincosf(theta, &sin_theta, &cos_theta);
    const float n1 = radius * cos_theta;
    const float n2 = radius * sin_theta;
    data[j] = math::fmaf_exact(n1, std, mean);
    data[8 + j] = math::fmaf_exact(n2, std, mean);
  }
}

void normal_fill(float* data, int64_t n, float mean, float std, Generator& gen) {
  for (int64_t i = 0; i < n; ++i) data[i] = gen.uniform_float(0.0f, 1.0f);
  for (int64_t i = 0; i + 16 <= n; i += 16) normal_fill_16(data + i, mean, std);
  if (n % 16 != 0) {
    // PyTorch redraws the whole last block rather than handling a partial one.
    float* tail = data + n - 16;
    for (int i = 0; i < 16; ++i) tail[i] = gen.uniform_float(0.0f, 1.0f);
    normal_fill_16(tail, mean, std);
  }
}

}  // namespace

void uniform_(Tensor& t, double from, double to, Generator& gen) {
  if (!(from <= to)) {
    raise(ErrorKind::RuntimeError, "uniform_ expects to return a [from, to) range, but found from=" +
                                       num(from) + " > to=" + num(to));
  }
  const float f = static_cast<float>(from), g = static_cast<float>(to);
  t.for_each_in_memory_order([&](float& x) { x = gen.uniform_float(f, g); });
}

void normal_(Tensor& t, double mean, double std, Generator& gen) {
  if (!(std >= 0.0)) {
    raise(ErrorKind::RuntimeError, "normal expects std >= 0.0, but found std " + num(std));
  }
  if (t.numel() >= 16 && t.is_contiguous()) {
    normal_fill(t.data(), t.numel(), static_cast<float>(mean), static_cast<float>(std), gen);
    return;
  }
  t.for_each_in_memory_order([&](float& x) {
    x = static_cast<float>(std::fma(gen.standard_normal_double(), std, mean));
  });
}

std::vector<int64_t> randperm(int64_t n, Generator& gen) {
  if (n < 0) {
    raise(ErrorKind::RuntimeError, "n must be non-negative, got" + std::to_string(n));
  }
  std::vector<int64_t> perm(static_cast<std::size_t>(n));
  for (int64_t i = 0; i < n; ++i) perm[static_cast<std::size_t>(i)] = i;
  for (int64_t i = 0; i + 1 < n; ++i) {
    const int64_t z = static_cast<int64_t>(gen.random() % static_cast<uint64_t>(n - i));
    std::swap(perm[static_cast<std::size_t>(i)], perm[static_cast<std::size_t>(i + z)]);
  }
  return perm;
}

}  // namespace initlab
