// Reading and writing a float's bit pattern (the bit tricks of the Cephes and fdlibm ports).
#pragma once

#include <cstdint>
#include <cstring>

namespace initlab::bits {

inline uint32_t of(float x) {
  uint32_t u;
  std::memcpy(&u, &x, sizeof u);
  return u;
}

inline float to_float(uint32_t u) {
  float x;
  std::memcpy(&x, &u, sizeof x);
  return x;
}

}  // namespace initlab::bits
