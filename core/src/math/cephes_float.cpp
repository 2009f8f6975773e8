#include "cephes_float.hpp"

#include <cmath>
#include <cstdint>

#include "float_bits.hpp"
#include "fused.hpp"

namespace initlab::cephes {

namespace {

using bits::of;
using bits::to_float;

constexpr float kSqrtHalf = 0.707106781186547524f;
constexpr float kLogP[9] = {7.0376836292E-2f,  -1.1514610310E-1f, 1.1676998740E-1f,
                            -1.2420140846E-1f, +1.4249322787E-1f, -1.6668057665E-1f,
                            +2.0000714765E-1f, -2.4999993993E-1f, +3.3333331174E-1f};
constexpr float kLogQ1 = -2.12194440e-4f;
constexpr float kLogQ2 = 0.693359375f;

constexpr float kMinusDP1 = -0.78515625f;
constexpr float kMinusDP2 = -2.4187564849853515625e-4f;
constexpr float kMinusDP3 = -3.77489497744594108e-8f;
constexpr float kSinCof[3] = {-1.9515295891E-4f, 8.3321608736E-3f, -1.6666654611E-1f};
constexpr float kCosCof[3] = {2.443315711809948E-005f, -1.388731625493765E-003f,
                              4.166664568298827E-002f};
constexpr float kFourOverPi = 1.27323954473516f;

}  // namespace

float logf(float x) {
  const bool invalid = !(x > 0.0f);
  x = std::fmax(x, to_float(0x00800000u));  // flush denormals to the smallest normal
  const int32_t exponent = static_cast<int32_t>(of(x) >> 23) - 0x7f;
  x = to_float((of(x) & ~0x7f800000u) | of(0.5f));  // mantissa in [0.5, 1)
  float e = static_cast<float>(exponent) + 1.0f;
  const bool below = x < kSqrtHalf;
  const float tmp = below ? x : 0.0f;
  x = x - 1.0f;
  e = e - (below ? 1.0f : 0.0f);
  x = x + tmp;

  const float z = x * x;
  float y = kLogP[0];
  for (int k = 1; k < 9; ++k) y = math::fmaf_exact(y, x, kLogP[k]);
  y = y * x;
  y = math::fmaf_exact(y, z, e * kLogQ1);
  y = math::fmaf_exact(-z, 0.5f, y);
  x = x + y;
  x = math::fmaf_exact(e, kLogQ2, x);
  return invalid ? std::nanf("") : x;
}

void sincosf(float x, float* s, float* c) {
  const uint32_t sign_in = of(x) & 0x80000000u;
  x = std::fabs(x);

  int32_t j = static_cast<int32_t>(x * kFourOverPi);  // truncation, as cvttps
  j = (j + 1) & ~1;
  const float y = static_cast<float>(j);
  const uint32_t swap_sign_sin = static_cast<uint32_t>(j & 4) << 29;
  const bool use_sin_poly = (j & 2) == 0;
  const uint32_t sign_cos = static_cast<uint32_t>(~(j - 2) & 4) << 29;
  const uint32_t sign_sin = sign_in ^ swap_sign_sin;

  // Extended-precision range reduction: x - y*pi/4 in three steps.
  x = math::fmaf_exact(y, kMinusDP1, x);
  x = math::fmaf_exact(y, kMinusDP2, x);
  x = math::fmaf_exact(y, kMinusDP3, x);

  const float z = x * x;
  float cpoly = math::fmaf_exact(math::fmaf_exact(kCosCof[0], z, kCosCof[1]), z, kCosCof[2]);
  cpoly = cpoly * z;
  cpoly = math::fmaf_exact(cpoly, z, -(z * 0.5f));
  cpoly = cpoly + 1.0f;

  float spoly = math::fmaf_exact(math::fmaf_exact(kSinCof[0], z, kSinCof[1]), z, kSinCof[2]);
  spoly = spoly * z;
  spoly = math::fmaf_exact(spoly, x, x);

  const float sin_abs = use_sin_poly ? spoly : cpoly;
  const float cos_abs = use_sin_poly ? cpoly : spoly;
  *s = to_float(of(sin_abs) ^ sign_sin);
  *c = to_float(of(cos_abs) ^ sign_cos);
}

#ifdef __wasm_simd128__
// Lane for lane the scalar code above; float add, sub, mul and sqrt are IEEE single operations
// in SIMD128 as in AVX2, and each std::fma of the scalar code is a math::fmaf_exact_x4.
v128_t logf_x4(v128_t x) {
  const v128_t one = wasm_f32x4_splat(1.0f);
  const v128_t invalid = wasm_v128_not(wasm_f32x4_gt(x, wasm_f32x4_splat(0.0f)));
  // fmax(x, smallest normal): pmax(m, x) is (m < x ? x : m), m for a NaN x as fmax gives.
  x = wasm_f32x4_pmax(wasm_i32x4_splat(0x00800000), x);
  const v128_t exponent = wasm_i32x4_sub(wasm_u32x4_shr(x, 23), wasm_i32x4_splat(0x7f));
  x = wasm_v128_or(wasm_v128_and(x, wasm_i32x4_splat(~0x7f800000)), wasm_f32x4_splat(0.5f));
  v128_t e = wasm_f32x4_add(wasm_f32x4_convert_i32x4(exponent), one);
  const v128_t below = wasm_f32x4_lt(x, wasm_f32x4_splat(kSqrtHalf));
  const v128_t tmp = wasm_v128_and(x, below);
  x = wasm_f32x4_sub(x, one);
  e = wasm_f32x4_sub(e, wasm_v128_and(one, below));
  x = wasm_f32x4_add(x, tmp);

  const v128_t z = wasm_f32x4_mul(x, x);
  v128_t y = wasm_f32x4_splat(kLogP[0]);
  for (int k = 1; k < 9; ++k) y = math::fmaf_exact_x4(y, x, wasm_f32x4_splat(kLogP[k]));
  y = wasm_f32x4_mul(y, x);
  y = math::fmaf_exact_x4(y, z, wasm_f32x4_mul(e, wasm_f32x4_splat(kLogQ1)));
  y = math::fmaf_exact_x4(wasm_f32x4_neg(z), wasm_f32x4_splat(0.5f), y);
  x = wasm_f32x4_add(x, y);
  x = math::fmaf_exact_x4(e, wasm_f32x4_splat(kLogQ2), x);
  return wasm_v128_bitselect(wasm_f32x4_splat(std::nanf("")), x, invalid);
}

void sincosf_x4(v128_t x, v128_t* s, v128_t* c) {
  const v128_t sign_in = wasm_v128_and(x, wasm_i32x4_splat(static_cast<int32_t>(0x80000000u)));
  x = wasm_f32x4_abs(x);

  v128_t j = wasm_i32x4_trunc_sat_f32x4(wasm_f32x4_mul(x, wasm_f32x4_splat(kFourOverPi)));
  j = wasm_v128_and(wasm_i32x4_add(j, wasm_i32x4_splat(1)), wasm_i32x4_splat(~1));
  const v128_t y = wasm_f32x4_convert_i32x4(j);
  const v128_t swap_sign_sin = wasm_i32x4_shl(wasm_v128_and(j, wasm_i32x4_splat(4)), 29);
  const v128_t use_sin_poly = wasm_i32x4_eq(wasm_v128_and(j, wasm_i32x4_splat(2)), wasm_i32x4_splat(0));
  const v128_t sign_cos = wasm_i32x4_shl(wasm_v128_and(wasm_v128_not(wasm_i32x4_sub(j, wasm_i32x4_splat(2))), wasm_i32x4_splat(4)), 29);
  const v128_t sign_sin = wasm_v128_xor(sign_in, swap_sign_sin);

  x = math::fmaf_exact_x4(y, wasm_f32x4_splat(kMinusDP1), x);
  x = math::fmaf_exact_x4(y, wasm_f32x4_splat(kMinusDP2), x);
  x = math::fmaf_exact_x4(y, wasm_f32x4_splat(kMinusDP3), x);

  const v128_t z = wasm_f32x4_mul(x, x);
  const auto poly = [&](const float* k) {
    return math::fmaf_exact_x4(math::fmaf_exact_x4(wasm_f32x4_splat(k[0]), z, wasm_f32x4_splat(k[1])), z, wasm_f32x4_splat(k[2]));
  };
  v128_t cpoly = wasm_f32x4_mul(poly(kCosCof), z);
  cpoly = math::fmaf_exact_x4(cpoly, z, wasm_f32x4_neg(wasm_f32x4_mul(z, wasm_f32x4_splat(0.5f))));
  cpoly = wasm_f32x4_add(cpoly, wasm_f32x4_splat(1.0f));
  v128_t spoly = wasm_f32x4_mul(poly(kSinCof), z);
  spoly = math::fmaf_exact_x4(spoly, x, x);

  const v128_t sin_abs = wasm_v128_bitselect(spoly, cpoly, use_sin_poly);
  const v128_t cos_abs = wasm_v128_bitselect(cpoly, spoly, use_sin_poly);
  *s = wasm_v128_xor(sin_abs, sign_sin);
  *c = wasm_v128_xor(cos_abs, sign_cos);
}
#endif

}  // namespace initlab::cephes
