#include "cephes_float.hpp"

#include <cmath>
#include <cstdint>

#include "float_bits.hpp"

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
  for (int k = 1; k < 9; ++k) y = std::fma(y, x, kLogP[k]);
  y = y * x;
  y = std::fma(y, z, e * kLogQ1);
  y = std::fma(-z, 0.5f, y);
  x = x + y;
  x = std::fma(e, kLogQ2, x);
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
  x = std::fma(y, kMinusDP1, x);
  x = std::fma(y, kMinusDP2, x);
  x = std::fma(y, kMinusDP3, x);

  const float z = x * x;
  float cpoly = std::fma(std::fma(kCosCof[0], z, kCosCof[1]), z, kCosCof[2]);
  cpoly = cpoly * z;
  cpoly = std::fma(cpoly, z, -(z * 0.5f));
  cpoly = cpoly + 1.0f;

  float spoly = std::fma(std::fma(kSinCof[0], z, kSinCof[1]), z, kSinCof[2]);
  spoly = spoly * z;
  spoly = std::fma(spoly, x, x);

  const float sin_abs = use_sin_poly ? spoly : cpoly;
  const float cos_abs = use_sin_poly ? cpoly : spoly;
  *s = to_float(of(sin_abs) ^ sign_sin);
  *c = to_float(of(cos_abs) ^ sign_cos);
}

}  // namespace initlab::cephes
