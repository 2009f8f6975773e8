// The float special functions behind normal_ and trunc_normal_. Their bit-exactness against
// PyTorch is what the fixtures test; here: accuracy everywhere, and (natively, where glibc is
// the C library) identity with glibc's erff over a sweep of all float bit patterns.
#include <doctest/doctest.h>

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>
#include <algorithm>

#include "math/cephes_float.hpp"
#include "math/float_bits.hpp"
#include "math/fused.hpp"
#include "math/special_float.hpp"

using initlab::bits::to_float;

TEST_SUITE("special math") {

TEST_CASE("cephes logf is accurate for 0 < x <= 1") {
  double worst = 0;
  for (uint32_t u = 0x00800000u; u <= 0x3f800000u; u += 997) {
    const float x = to_float(u);
    const double err = std::fabs(static_cast<double>(initlab::cephes::logf(x)) -
                                 std::log(static_cast<double>(x)));
    worst = std::fmax(worst, err / std::fmax(std::fabs(std::log(static_cast<double>(x))), 1e-30));
  }
  CHECK(worst < 3e-7);
  CHECK(std::isnan(initlab::cephes::logf(-1.0f)));
}

TEST_CASE("cephes sincosf is accurate from 0 to 2 pi") {
  double worst = 0;
  for (int i = 0; i < 100000; ++i) {
    const float x = static_cast<float>(i) * (6.2831853f / 100000.0f);
    float s, c;
    initlab::cephes::sincosf(x, &s, &c);
    worst = std::fmax(worst, std::fabs(static_cast<double>(s) - std::sin(static_cast<double>(x))));
    worst = std::fmax(worst, std::fabs(static_cast<double>(c) - std::cos(static_cast<double>(x))));
  }
  CHECK(worst < 2e-7);
}

TEST_CASE("erff is accurate and handles the special values") {
  for (double x = -7; x <= 7; x += 0.001) {
    const float f = static_cast<float>(x);
    CHECK(std::fabs(static_cast<double>(initlab::special::erff(f)) -
                    std::erf(static_cast<double>(f))) < 2e-7);
  }
  CHECK(initlab::special::erff(INFINITY) == 1.0f);
  CHECK(initlab::special::erff(-INFINITY) == -1.0f);
  CHECK(std::isnan(initlab::special::erff(NAN)));
  CHECK(initlab::special::erff(0.0f) == 0.0f);
}

#ifndef __EMSCRIPTEN__
TEST_CASE("erff equals glibc's erff (native build only: glibc is the reference)") {
  int64_t differ = 0, total = 0;
  for (uint64_t u = 0; u <= 0xffffffffu; u += 251) {
    const float x = to_float(static_cast<uint32_t>(u));
    if (std::isnan(x)) continue;
    const float mine = initlab::special::erff(x), glibc = std::erf(x);
    ++total;
    if (std::memcmp(&mine, &glibc, sizeof mine) != 0) ++differ;
  }
  CHECK(total > 10000000);
  CHECK(differ == 0);
}
#endif

TEST_CASE("erfinv inverts erf") {
  for (double y = -0.999; y <= 0.999; y += 0.0005) {
    const float fy = static_cast<float>(y);
    const float x = initlab::special::erfinv(fy);
    CHECK(std::fabs(std::erf(static_cast<double>(x)) - static_cast<double>(fy)) < 1e-6);
  }
  CHECK(std::isinf(initlab::special::erfinv(1.0f)));
  CHECK(std::isnan(initlab::special::erfinv(1.5f)));
}

}  // TEST_SUITE

namespace {

// The correctly rounded fmaf to compare with: glibc's natively; in wasm, where Emscripten's
// fmaf rounds twice in the tie cases below, the sum in IEEE binary128 (long double there), which
// holds every sum these tests make exactly.
float reference_fma(float a, float b, float c) {
#if !defined(__EMSCRIPTEN__)
  return std::fma(a, b, c);
#else
  static_assert(LDBL_MANT_DIG >= 113, "the reference needs a binary128 long double");
  return static_cast<float>(static_cast<long double>(a) * static_cast<long double>(b) + static_cast<long double>(c));
#endif
}

}  // namespace

TEST_CASE("fmaf through double is correctly rounded: random operands, double-rounding and subnormal cases") {
  using initlab::math::fmaf_via_double;
  const auto same = [](float x, float y) { return initlab::bits::of(x) == initlab::bits::of(y) || (std::isnan(x) && std::isnan(y)); };
  // The double-rounding trap: the exact sum lies just below the midpoint 1 + 2^-23 + 2^-24, so
  // it rounds down to 1 + 2^-23; through double it lands on the midpoint and a naive cast rounds
  // to even, 1 + 2^-22.
  const float a = std::ldexp(1.0f + std::ldexp(1.0f, -23), -24), b = 1.0f - std::ldexp(1.0f, -23);
  const float c = 1.0f + std::ldexp(1.0f, -23);
  const float naive = static_cast<float>(static_cast<double>(a) * static_cast<double>(b) + static_cast<double>(c));
  REQUIRE(!same(naive, reference_fma(a, b, c)));  // the case is a real trap
  CHECK(same(fmaf_via_double(a, b, c), reference_fma(a, b, c)));
  // The same trap among subnormal results, where a float's last place is 2^-149: c is
  // subnormal with an odd last bit, a * b = 2^-150 - 2^-196.
  const float sa = std::ldexp(1.0f - std::ldexp(1.0f, -23), -75), sb = std::ldexp(1.0f + std::ldexp(1.0f, -23), -75);
  const float sc = std::ldexp(1.0f, -127) + std::ldexp(1.0f, -149);
  const float snaive = static_cast<float>(static_cast<double>(sa) * static_cast<double>(sb) + static_cast<double>(sc));
  REQUIRE(!same(snaive, reference_fma(sa, sb, sc)));
  CHECK(same(fmaf_via_double(sa, sb, sc), reference_fma(sa, sb, sc)));
  // And at the edge of overflow: FLT_MAX + 2^103 - 2^57 rounds to FLT_MAX; the tie FLT_MAX + 2^103
  // rounds to even, which is infinity.
  const float oa = std::ldexp(1.0f - std::ldexp(1.0f, -23), 52), ob = std::ldexp(1.0f + std::ldexp(1.0f, -23), 51);
  const float onaive = static_cast<float>(static_cast<double>(oa) * static_cast<double>(ob) + static_cast<double>(FLT_MAX));
  REQUIRE(!same(onaive, reference_fma(oa, ob, FLT_MAX)));
  CHECK(same(fmaf_via_double(oa, ob, FLT_MAX), FLT_MAX));
  CHECK(same(fmaf_via_double(-oa, ob, -FLT_MAX), -FLT_MAX));
  // Subnormal results, overflow, infinities, NaN, signed zeros.
  const float specials[] = {0.0f, -0.0f, 1e-38f, -1e-38f, 1e-45f, 3.4e38f, -3.4e38f, INFINITY, -INFINITY, NAN, 1.0f, -1.0f, 0.5f};
  for (float x : specials)
    for (float y : specials)
      for (float z : specials) CHECK_MESSAGE(same(fmaf_via_double(x, y, z), reference_fma(x, y, z)), x << " * " << y << " + " << z);
  // Random bit patterns over the whole range, and operands of close magnitude (cancellation).
  uint64_t state = 88172645463325252ull;
  const auto next = [&state] {
    state ^= state << 13, state ^= state >> 7, state ^= state << 17;
    return static_cast<uint32_t>(state);
  };
  int64_t mismatches = 0;
  for (int i = 0; i < 2'000'000; ++i) {
    const float x = initlab::bits::to_float(next()), y = initlab::bits::to_float(next());
    const float z = (i & 1) ? initlab::bits::to_float(next()) : -x * y * (1.0f + std::ldexp(static_cast<float>(next() & 0xff), -20));
    mismatches += same(fmaf_via_double(x, y, z), reference_fma(x, y, z)) ? 0 : 1;
  }
  CHECK(mismatches == 0);
}

#ifdef __wasm_simd128__
TEST_CASE("four-lane fmaf, logf and sincosf (wasm SIMD128) equal the scalar ones bit for bit") {
  const auto same = [](float x, float y) { return initlab::bits::of(x) == initlab::bits::of(y) || (std::isnan(x) && std::isnan(y)); };
  uint64_t state = 1181783497276652981ull;
  const auto next = [&state] {
    state ^= state << 13, state ^= state >> 7, state ^= state << 17;
    return static_cast<uint32_t>(state);
  };
  alignas(16) float a[4], b[4], c[4], r[4], s[4], co[4];
  int64_t mismatches = 0;
  for (int i = 0; i < 500'000; ++i) {
    for (int k = 0; k < 4; ++k) {
      a[k] = initlab::bits::to_float(next());
      b[k] = initlab::bits::to_float(next());
      c[k] = (i & 1) ? initlab::bits::to_float(next()) : -a[k] * b[k];
    }
    // The double-rounding trap of the test above, in a different lane each time.
    if (i % 101 == 0) {
      a[i % 4] = std::ldexp(1.0f + std::ldexp(1.0f, -23), -24);
      b[i % 4] = 1.0f - std::ldexp(1.0f, -23);
      c[i % 4] = 1.0f + std::ldexp(1.0f, -23);
    }
    wasm_v128_store(r, initlab::math::fmaf_exact_x4(wasm_v128_load(a), wasm_v128_load(b), wasm_v128_load(c)));
    // Against the scalar form, tested above (binary128 cannot hold these sums exactly: a
    // product near 2^82 plus a c near 2^-63 needs 145 bits).
    for (int k = 0; k < 4; ++k) mismatches += same(r[k], initlab::math::fmaf_via_double(a[k], b[k], c[k])) ? 0 : 1;
  }
  CHECK(mismatches == 0);
  // logf over (0, 1] and beyond (NaN for x <= 0, as the scalar), sincosf over normal_'s [0, 2 pi).
  int64_t log_mismatches = 0, sincos_mismatches = 0;
  for (uint32_t u = 0; u <= 0x3f800400u; u += 4 * 331) {
    for (int k = 0; k < 4; ++k) a[k] = to_float(u + 331u * static_cast<uint32_t>(k));
    a[0] = (u % 7 == 0) ? -a[0] : a[0];
    wasm_v128_store(r, initlab::cephes::logf_x4(wasm_v128_load(a)));
    for (int k = 0; k < 4; ++k) log_mismatches += same(r[k], initlab::cephes::logf(a[k])) ? 0 : 1;
  }
  for (int i = 0; i < 400'000; i += 4) {
    for (int k = 0; k < 4; ++k) a[k] = static_cast<float>(i + k) * (6.2831853f / 400000.0f);
    v128_t vs, vc;
    initlab::cephes::sincosf_x4(wasm_v128_load(a), &vs, &vc);
    wasm_v128_store(s, vs);
    wasm_v128_store(co, vc);
    for (int k = 0; k < 4; ++k) {
      float ss, cc;
      initlab::cephes::sincosf(a[k], &ss, &cc);
      sincos_mismatches += (same(s[k], ss) && same(co[k], cc)) ? 0 : 1;
    }
  }
  CHECK(log_mismatches == 0);
  CHECK(sincos_mismatches == 0);
}
#endif

TEST_CASE("fma_scaled over arrays rounds every element once, the doubtful groups included") {
  const auto same = [](float x, float y) { return initlab::bits::of(x) == initlab::bits::of(y) || (std::isnan(x) && std::isnan(y)); };
  uint64_t state = 2463534242ull;
  const auto next = [&state] {
    state ^= state << 13, state ^= state >> 7, state ^= state << 17;
    return static_cast<uint32_t>(state);
  };
  const int64_t n = 100'003;  // not a multiple of the vector width
  std::vector<float> x(n), z(n), out(n);
  for (int64_t i = 0; i < n; ++i) {
    // Optimizer-like magnitudes, a few full-range bit patterns, and the double-rounding trap
    // of the test above planted every 997 elements.
    x[i] = (i % 50 == 0) ? initlab::bits::to_float(next()) : std::ldexp(static_cast<float>(next() % 20000) - 10000.0f, -16);
    z[i] = (i % 70 == 0) ? initlab::bits::to_float(next()) : std::ldexp(static_cast<float>(next() % 20000) - 10000.0f, -12);
    if (i % 997 == 0) {
      x[i] = std::ldexp(1.0f + std::ldexp(1.0f, -23), -24);
      z[i] = 1.0f + std::ldexp(1.0f, -23);
    }
  }
  for (const float zscale : {1.0f, 0.9f}) {
    const float s = zscale == 1.0f ? 1.0f - std::ldexp(1.0f, -23) : -0.01f;
    initlab::math::fma_scaled(n, x.data(), s, z.data(), zscale, out.data());
    int64_t mismatches = 0;
    for (int64_t i = 0; i < n; ++i) mismatches += same(out[i], reference_fma(x[i], s, z[i] * zscale)) ? 0 : 1;
    CHECK_MESSAGE(mismatches == 0, "z scale " << zscale);
    // In place (out = z), as the optimizers call it.
    std::vector<float> zz = z;
    initlab::math::fma_scaled(n, x.data(), s, zz.data(), zscale, zz.data());
    CHECK(std::equal(zz.begin(), zz.end(), out.begin(), same));
  }
}
