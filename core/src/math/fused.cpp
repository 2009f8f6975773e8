// The array form of fmaf_exact (fused.hpp). Part of initlab_exact: nothing here may be
// contracted or reordered.
#include "fused.hpp"

#include <cfloat>
#include <cmath>

#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

namespace initlab::math {

float fmaf_round_doubtful(double xy, float c, double r) {
  const float f = static_cast<float>(r);
  if (std::isnan(r) || static_cast<double>(f) == r) return f;  // NaN, or r is a float already
  // TwoSum: the exact sum is r + err, with err exact.
  const double cd = static_cast<double>(c);
  const double bb = r - xy;
  const double err = (xy - (r - bb)) + (cd - bb);
  if (err == 0) return f;  // r is the exact sum: the cast's one rounding is the right one
  // The floats around r, and the midpoint between them (exact in double). Past FLT_MAX the upper
  // neighbour is where rounding overflows: FLT_MAX + half its last place.
  const double lo = std::isinf(f) ? static_cast<double>(std::copysign(FLT_MAX, f)) : static_cast<double>(f);
  const double other = static_cast<double>(std::nextafter(static_cast<float>(lo), r > lo ? INFINITY : -INFINITY));
  const double mid = std::isinf(other) ? lo + std::copysign(std::ldexp(1.0, 103), r) : (lo + other) / 2;
  if (r != mid) return f;  // not a tie: the cast rounded the exact sum correctly
  // A tie only in double: the exact sum is beyond it on err's side; one double step that way.
  return static_cast<float>(std::nextafter(r, err > 0 ? INFINITY : -INFINITY));
}

void fma_scaled(int64_t n, const float* x, float s, const float* z, float z_scale, float* out) {
  int64_t i = 0;
#ifdef __wasm_simd128__
  const v128_t s2 = wasm_f64x2_splat(static_cast<double>(s));
  const v128_t zs = wasm_f32x4_splat(z_scale);
  for (; i + 4 <= n; i += 4) {
    const v128_t x4 = wasm_v128_load(x + i);
    const v128_t z4 = wasm_f32x4_mul(wasm_v128_load(z + i), zs);
    const v128_t zlo = wasm_f64x2_promote_low_f32x4(z4), zhi = wasm_f64x2_promote_low_f32x4(high_half(z4));
    const v128_t plo = wasm_f64x2_mul(wasm_f64x2_promote_low_f32x4(x4), s2);
    const v128_t phi = wasm_f64x2_mul(wasm_f64x2_promote_low_f32x4(high_half(x4)), s2);
    const v128_t rlo = wasm_f64x2_add(plo, zlo), rhi = wasm_f64x2_add(phi, zhi);
    if (wasm_v128_any_true(wasm_v128_or(fmaf_suspect_x2(rlo), fmaf_suspect_x2(rhi)))) {
      for (int64_t k = i; k < i + 4; ++k) out[k] = fmaf_exact(x[k], s, z[k] * z_scale);
      continue;
    }
    const v128_t lo = wasm_f32x4_demote_f64x2_zero(rlo), hi = wasm_f32x4_demote_f64x2_zero(rhi);
    wasm_v128_store(out + i, wasm_i32x4_shuffle(lo, hi, 0, 1, 4, 5));
  }
#endif
  for (; i < n; ++i) out[i] = fmaf_exact(x[i], s, z[i] * z_scale);
}

}  // namespace initlab::math
