#include "initlab/sampling.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
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
#ifdef __wasm_simd128__
  // Four lanes at a time, bit for bit the loop below.
  for (int j = 0; j < 8; j += 4) {
    const v128_t u1 = wasm_f32x4_sub(wasm_f32x4_splat(1.0f), wasm_v128_load(data + j));
    const v128_t u2 = wasm_v128_load(data + 8 + j);
    const v128_t radius = wasm_f32x4_sqrt(wasm_f32x4_mul(wasm_f32x4_splat(-2.0f), cephes::logf_x4(u1)));
    v128_t sin_theta, cos_theta;
    cephes::sincosf_x4(wasm_f32x4_mul(wasm_f32x4_splat(kTwoPi), u2), &sin_theta, &cos_theta);
    const v128_t s4 = wasm_f32x4_splat(std), m4 = wasm_f32x4_splat(mean);
    wasm_v128_store(data + j, math::fmaf_exact_x4(wasm_f32x4_mul(radius, cos_theta), s4, m4));
    wasm_v128_store(data + 8 + j, math::fmaf_exact_x4(wasm_f32x4_mul(radius, sin_theta), s4, m4));
  }
#else
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
#endif
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

// Row-major (logical) index of each element of t, in the order for_each_in_memory_order and
// memory_order_offsets visit them (dimensions by decreasing stride, ties in row-major order).
std::vector<int64_t> memory_order_logical_indices(const Tensor& t) {
  const int n = t.dim();
  int order[kMaxDims];
  std::iota(order, order + n, 0);
  std::stable_sort(order, order + n, [&](int a, int b) { return t.strides()[a] > t.strides()[b]; });
  int64_t row_major[kMaxDims];
  int64_t step = 1;
  for (int d = n - 1; d >= 0; --d) {
    row_major[d] = step;
    step *= t.shape()[d];
  }
  std::vector<int64_t> out;
  out.reserve(static_cast<std::size_t>(t.numel()));
  if (t.numel() == 0) return out;
  int64_t index[kMaxDims] = {};
  int64_t logical = 0;
  for (;;) {
    out.push_back(logical);
    int level = n - 1;
    for (; level >= 0; --level) {
      const int d = order[level];
      if (++index[d] < t.shape()[d]) {
        logical += row_major[d];
        break;
      }
      logical -= row_major[d] * (t.shape()[d] - 1);
      index[d] = 0;
    }
    if (level < 0) break;
  }
  return out;
}

// p's values broadcast to `shape`, row-major (PyTorch's expand_inplace(self, p) and its errors).
std::vector<float> expand_to(const Tensor& p, const Shape& shape) {
  const int rank = shape.size(), prank = p.dim();
  if (prank > rank) {
    raise(ErrorKind::RuntimeError,
          "expand(torch.FloatTensor{" + p.shape().to_string() + "}, size=" + shape.to_string() +
              "): the number of sizes provided (" + std::to_string(rank) +
              ") must be greater or equal to the number of dimensions in the tensor (" +
              std::to_string(prank) + ")");
  }
  for (int i = 0; i < prank; ++i) {
    const int d = rank - prank + i;
    if (p.shape()[i] != shape[d] && p.shape()[i] != 1) {
      raise(ErrorKind::RuntimeError,
            "The expanded size of the tensor (" + std::to_string(shape[d]) +
                ") must match the existing size (" + std::to_string(p.shape()[i]) +
                ") at non-singleton dimension " + std::to_string(d) + ".  Target sizes: " +
                shape.to_string() + ".  Tensor sizes: " + p.shape().to_string());
    }
  }
  const std::vector<float> src = p.to_vector();
  std::vector<float> out(static_cast<std::size_t>(shape.numel()));
  int64_t index[kMaxDims] = {};
  for (std::size_t i = 0; i < out.size(); ++i) {
    int64_t at = 0;
    for (int k = 0; k < prank; ++k) {
      const int d = rank - prank + k;
      at = at * p.shape()[k] + (p.shape()[k] == 1 ? 0 : index[d]);
    }
    out[i] = src[static_cast<std::size_t>(at)];
    for (int d = rank - 1; d >= 0; --d) {
      if (++index[d] < shape[d]) break;
      index[d] = 0;
    }
  }
  return out;
}

}  // namespace

void bernoulli_(Tensor& t, double p, Generator& gen) {
  if (!(0 <= p && p <= 1)) {
    raise(ErrorKind::RuntimeError, "bernoulli_ expects p to be in [0, 1], but got p=" + num(p));
  }
  // at::bernoulli_distribution<double>: uniform_real_distribution<double>(0, 1) < p.
  t.for_each_in_memory_order([&](float& x) { x = gen.uniform_double() < p ? 1.0f : 0.0f; });
}

void bernoulli_(Tensor& t, const Tensor& p, Generator& gen) {
  const std::vector<float> probs = expand_to(p, t.shape());
  const auto draw = [&](float q) {
    // at::bernoulli_distribution<float>: checks p, then one random() as a 24-bit float.
    if (!(q >= 0.0f && q <= 1.0f)) {
      raise(ErrorKind::RuntimeError,
            "Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could this error message "
            "be improved?  If so, please report an enhancement request to PyTorch.)");
    }
    return gen.uniform_float(0.0f, 1.0f) < q ? 1.0f : 0.0f;
  };
  float* base = t.data();
  if (t.is_contiguous()) {
    for (std::size_t i = 0; i < probs.size(); ++i) base[i] = draw(probs[i]);
    return;
  }
  const std::vector<int64_t> offsets = t.memory_order_offsets();
  const std::vector<int64_t> logical = memory_order_logical_indices(t);
  for (std::size_t i = 0; i < offsets.size(); ++i) {
    base[offsets[i]] = draw(probs[static_cast<std::size_t>(logical[i])]);
  }
}

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

namespace initlab {

int64_t multinomial_one(const float* p, int64_t n, Generator& gen) {
  int64_t best = 0;
  float best_value = 0;
  for (int64_t i = 0; i < n; ++i) {
    const auto q = static_cast<float>(-std::log(1.0 - gen.uniform_double()));
    const float v = p[i] / q;
    if (i == 0 || v > best_value) {
      best = i;
      best_value = v;
    }
  }
  return best;
}

}  // namespace initlab
