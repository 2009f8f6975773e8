// The float special functions behind normal_ and trunc_normal_. Their bit-exactness against
// PyTorch is what the fixtures test; here: accuracy everywhere, and (natively, where glibc is
// the C library) identity with glibc's erff over a sweep of all float bit patterns.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstring>

#include "math/cephes_float.hpp"
#include "math/float_bits.hpp"
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
