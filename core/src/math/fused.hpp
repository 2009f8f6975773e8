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
#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

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

#ifdef __wasm_simd128__
// The lanes of r (f64x2) whose cast to float might round twice: halfway between two floats or
// subnormal as a float. fmaf_doubtful's exact-sum test is left to the lane-by-lane path the
// callers take when any lane is suspect (fmaf_via_double makes it); the vector path stays
// short, and the rare suspect groups cost a few scalar operations more.
inline v128_t fmaf_suspect_x2(v128_t r) {
  const v128_t mid = wasm_i64x2_eq(wasm_v128_and(r, wasm_i64x2_splat(0x1fffffff)), wasm_i64x2_splat(0x10000000));
  const v128_t tiny = wasm_v128_and(wasm_f64x2_lt(wasm_f64x2_abs(r), wasm_f64x2_splat(static_cast<double>(FLT_MIN))),
                                    wasm_f64x2_ne(r, wasm_f64x2_splat(0.0)));
  return wasm_v128_or(mid, tiny);
}

// Lanes 2 and 3 of v moved to 0 and 1 (for f64x2.promote_low).
inline v128_t high_half(v128_t v) { return wasm_i32x4_shuffle(v, v, 2, 3, 0, 1); }

// fmaf_exact on four float lanes: each lane's a * b + c rounded once, through f64x2 like
// fmaf_via_double, a group with a suspect lane lane by lane.
inline v128_t fmaf_exact_x4(v128_t a, v128_t b, v128_t c) {
  const v128_t clo = wasm_f64x2_promote_low_f32x4(c), chi = wasm_f64x2_promote_low_f32x4(high_half(c));
  const v128_t plo = wasm_f64x2_mul(wasm_f64x2_promote_low_f32x4(a), wasm_f64x2_promote_low_f32x4(b));
  const v128_t phi = wasm_f64x2_mul(wasm_f64x2_promote_low_f32x4(high_half(a)), wasm_f64x2_promote_low_f32x4(high_half(b)));
  const v128_t rlo = wasm_f64x2_add(plo, clo), rhi = wasm_f64x2_add(phi, chi);
  if (wasm_v128_any_true(wasm_v128_or(fmaf_suspect_x2(rlo), fmaf_suspect_x2(rhi)))) {
    alignas(16) float fa[4], fb[4], fc[4];
    wasm_v128_store(fa, a);
    wasm_v128_store(fb, b);
    wasm_v128_store(fc, c);
    for (int k = 0; k < 4; ++k) fa[k] = fmaf_via_double(fa[k], fb[k], fc[k]);
    return wasm_v128_load(fa);
  }
  return wasm_i32x4_shuffle(wasm_f32x4_demote_f64x2_zero(rlo), wasm_f32x4_demote_f64x2_zero(rhi), 0, 1, 4, 5);
}
#endif

// out[i] = fmaf(x[i], s, z[i] * z_scale) for i < n, each rounded once (z[i] * z_scale is a float
// product first, as PyTorch's kernels compute buf * momentum). out may be z. In wasm four at a
// time in f64x2 lanes, a group with a doubtful lane element by element.
void fma_scaled(int64_t n, const float* x, float s, const float* z, float z_scale, float* out);

}  // namespace initlab::math
