#include "special_float.hpp"

#include <cmath>
#include <cstdint>
#include <limits>

#include "float_bits.hpp"
#include "fused.hpp"

namespace initlab::special {

namespace {

// fdlibm reads words as signed: the sign bit makes them negative.
int32_t word_of(float x) { return static_cast<int32_t>(bits::of(x)); }

// fdlibm's coefficients (Sun Microsystems, 1993), rounded to float as in s_erff.c.
constexpr float kErx = 8.4506291151e-01f;
constexpr float kEfx = 1.2837916613e-01f;
// erf on [0, 0.84375): x + x * pp(z)/qq(z), z = x^2
constexpr float kPp[5] = {1.2837916613e-01f, -3.2504209876e-01f, -2.8481749818e-02f,
                          -5.7702702470e-03f, -2.3763017452e-05f};
constexpr float kQq[5] = {3.9791721106e-01f, 6.5022252500e-02f, 5.0813062117e-03f,
                          1.3249473704e-04f, -3.9602282413e-06f};
// erf on [0.84375, 1.25): erx + pa(s)/qa(s), s = |x| - 1
constexpr float kPa[7] = {-2.3621185683e-03f, 4.1485610604e-01f, -3.7220788002e-01f,
                          3.1834661961e-01f,  -1.1089469492e-01f, 3.5478305072e-02f,
                          -2.1663755178e-03f};
constexpr float kQa[6] = {1.0642088205e-01f, 5.4039794207e-01f, 7.1828655899e-02f,
                          1.2617121637e-01f, 1.3637083583e-02f, 1.1984500103e-02f};
// erfc on [1.25, 1/0.35): ra(s)/sa(s), s = 1/x^2
constexpr float kRa[8] = {-9.8649440333e-03f, -6.9385856390e-01f, -1.0558626175e+01f,
                          -6.2375331879e+01f, -1.6239666748e+02f, -1.8460508728e+02f,
                          -8.1287437439e+01f, -9.8143291473e+00f};
constexpr float kSa[8] = {1.9651271820e+01f, 1.3765776062e+02f, 4.3456588745e+02f,
                          6.4538726807e+02f, 4.2900814819e+02f, 1.0863500214e+02f,
                          6.5702495575e+00f, -6.0424413532e-02f};
// erfc on [1/0.35, 6)
constexpr float kRb[7] = {-9.8649431020e-03f, -7.9928326607e-01f, -1.7757955551e+01f,
                          -1.6063638306e+02f, -6.3756646729e+02f, -1.0250950928e+03f,
                          -4.8351919556e+02f};
constexpr float kSb[7] = {3.0338060379e+01f, 3.2579251099e+02f, 1.5367296143e+03f,
                          3.1998581543e+03f, 2.5530502930e+03f, 4.7452853394e+02f,
                          -2.2440952301e+01f};

// c[0] + s*(c[1] + s*(... + s*c[n-1])), unfused: glibc builds this file for baseline x86-64.
template <int N>
float horner(const float (&c)[N], float s) {
  float r = c[N - 1];
  for (int k = N - 2; k >= 0; --k) r = c[k] + s * r;
  return r;
}

// 1 + s*(c[0] + s*(c[1] + ...)): the denominators' form.
template <int N>
float one_plus(const float (&c)[N], float s) {
  return 1.0f + s * horner(c, s);
}

}  // namespace

float erff(float x) {
  const int32_t hx = word_of(x);
  const int32_t ix = hx & 0x7fffffff;
  if (ix >= 0x7f800000) {  // NaN stays NaN; erf(+-inf) = +-1
    const int i = static_cast<int>((static_cast<uint32_t>(hx) >> 31) << 1);
    return static_cast<float>(1 - i) + 1.0f / x;
  }
  if (ix < 0x3f580000) {    // |x| < 0.84375
    if (ix < 0x31800000) {  // |x| < 2^-28
      if (ix < 0x04000000) return 0.0625f * (16.0f * x + (16.0f * kEfx) * x);
      return x + kEfx * x;
    }
    const float z = x * x;
    const float r = horner(kPp, z);
    const float s = one_plus(kQq, z);
    return x + x * (r / s);
  }
  if (ix < 0x3fa00000) {  // 0.84375 <= |x| < 1.25
    const float s = std::fabs(x) - 1.0f;
    const float p = horner(kPa, s);
    const float q = one_plus(kQa, s);
    return hx >= 0 ? kErx + p / q : -kErx - p / q;
  }
  if (ix >= 0x40c00000) {  // |x| >= 6
    constexpr float kTiny = 1e-30f;
    return hx >= 0 ? 1.0f - kTiny : kTiny - 1.0f;
  }
  const float ax = std::fabs(x);
  const float s = 1.0f / (ax * ax);
  float r, q;
  if (ix < 0x4036DB6E) {  // |x| < 1/0.35
    r = horner(kRa, s);
    q = one_plus(kSa, s);
  } else {
    r = horner(kRb, s);
    q = one_plus(kSb, s);
  }
  // glibc splits x at 12 mantissa bits here (musl at 11): the one place the two differ.
  const float z = bits::to_float(bits::of(ax) & 0xfffff000u);
  const float e = std::exp(-z * z - 0.5625f) * std::exp((z - ax) * (z + ax) + r / q);
  return hx >= 0 ? 1.0f - e / ax : e / ax - 1.0f;
}

float erfinv(float y) {
  // Rational approximation after Gary L. Pavlis' MATLAB erfinv (1996), as PyTorch ships it.
  constexpr float kCentralRange = 0.7f;
  constexpr float a[4] = {0.886226899f, -1.645349621f, 0.914624893f, -0.140543331f};
  constexpr float b[4] = {-2.118377725f, 1.442710462f, -0.329097515f, 0.012229801f};
  constexpr float c[4] = {-1.970840454f, -1.624906493f, 3.429567803f, 1.641345311f};
  constexpr float d[2] = {3.543889200f, 1.637067800f};

  const float y_abs = std::fabs(y);
  if (y_abs > 1.0f) return std::numeric_limits<float>::quiet_NaN();
  if (y_abs == 1.0f) return std::copysign(std::numeric_limits<float>::infinity(), y);

  float x;
  if (y_abs <= kCentralRange) {
    const float z = y * y;
    const float num = math::fmaf_exact(math::fmaf_exact(math::fmaf_exact(a[3], z, a[2]), z, a[1]), z, a[0]);
    const float dem =
        math::fmaf_exact(math::fmaf_exact(math::fmaf_exact(math::fmaf_exact(b[3], z, b[2]), z, b[1]), z, b[0]), z, 1.0f);
    x = y * num / dem;
  } else {
    const float z = std::sqrt(-std::log((1.0f - y_abs) / 2.0f));
    const float num = math::fmaf_exact(math::fmaf_exact(math::fmaf_exact(c[3], z, c[2]), z, c[1]), z, c[0]);
    const float dem = math::fmaf_exact(math::fmaf_exact(d[1], z, d[0]), z, 1.0f);
    x = std::copysign(num, y) / dem;
  }
  const float two_over_sqrt_pi = 2.0f / static_cast<float>(std::sqrt(M_PI));
  x = x - (erff(x) - y) / (two_over_sqrt_pi * std::exp(-x * x));
  x = x - (erff(x) - y) / (two_over_sqrt_pi * std::exp(-x * x));
  return x;
}

}  // namespace initlab::special
