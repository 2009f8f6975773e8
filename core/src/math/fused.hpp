// fmaf(a, b, c) rounded once, as PyTorch's AVX2 kernels compute a * b + c, and fast where the
// hardware has no fused multiply-add.
//
// WebAssembly (SIMD128) has none, and Emscripten 3.1.6's fmaf is not even correctly rounded: it
// computes in double and casts, so when the double sum lands exactly halfway between two floats
// it rounds twice (tests/special_math_test.cpp has such a case: 1 + 2^-22 where the fused result
// is 1 + 2^-23). It is also a libc call of ~3 ns. fmaf_via_double is exact and inline:
//   a float product is exact in double (24 + 24 bits < 53), so r = double(a) * b + c has one
//   rounding, to double. Casting r to float then gives the correctly rounded result unless r sits
//   exactly halfway between two floats, or is subnormal as a float (another rounding position).
//   Those rare cases go to fmaf_round_doubtful, which recovers the exact sum's side of the tie
//   with TwoSum. (The double sum must not be contracted into a double fma: wasm has no fma
//   instruction to contract into, and the native build, which has one, takes std::fma.)
#pragma once

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace initlab::math {

// The cast of r = xy + c (xy exact) when fmaf_via_double doubts it; fused.cpp.
float fmaf_round_doubtful(double xy, float c, double r);

// Whether casting r = xy + c to float might round twice: r halfway between two normal floats,
// or subnormal as a float, and not the exact sum (sums of floats often are exact, and land on
// halfway points; the cast's one rounding is then the right one).
inline bool fmaf_doubtful(double xy, double c, double r) {
  uint64_t u;
  std::memcpy(&u, &r, sizeof u);
  const bool midpoint = (u & 0x1fffffffu) == 0x10000000u;
  const bool tiny = std::fabs(r) < static_cast<double>(FLT_MIN) && r != 0;
  return (midpoint || tiny) && !(r - xy == c && r - c == xy);
}

inline float fmaf_via_double(float a, float b, float c) {
  const double xy = static_cast<double>(a) * static_cast<double>(b);
  const double r = xy + static_cast<double>(c);
  return fmaf_doubtful(xy, static_cast<double>(c), r) ? fmaf_round_doubtful(xy, c, r) : static_cast<float>(r);
}

inline float fmaf_exact(float a, float b, float c) {
#if defined(__FMA__)
  return std::fma(a, b, c);  // one instruction
#else
  return fmaf_via_double(a, b, c);
#endif
}

// out[i] = fmaf(x[i], s, z[i] * z_scale) for i < n, each rounded once (z[i] * z_scale is a float
// product first, as PyTorch's kernels compute buf * momentum). out may be z. In wasm four at a
// time in f64x2 lanes, a group with a doubtful lane element by element.
void fma_scaled(int64_t n, const float* x, float s, const float* z, float z_scale, float* out);

}  // namespace initlab::math
