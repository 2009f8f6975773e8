// MT19937's seeding, regeneration and 53-bit doubles (mt19937.hpp). In initlab_exact: next_double
// must not be contracted.
#include "initlab/mt19937.hpp"

#include <algorithm>

namespace initlab {

void Mt19937::init_genrand(uint32_t s) {
  auto& mt = state_.words;
  mt[0] = s;
  for (int i = 1; i < kN; ++i) {
    mt[i] = 1812433253u * (mt[i - 1] ^ (mt[i - 1] >> 30)) + static_cast<uint32_t>(i);
  }
  state_.index = kN;
}

void Mt19937::init_by_array(const std::vector<uint32_t>& key_in) {
  const std::vector<uint32_t> key = key_in.empty() ? std::vector<uint32_t>{0} : key_in;
  init_genrand(19650218u);
  auto& mt = state_.words;
  std::size_t i = 1, j = 0;
  for (std::size_t k = std::max<std::size_t>(kN, key.size()); k > 0; --k) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] + static_cast<uint32_t>(j);
    ++i;
    ++j;
    if (i >= kN) {
      mt[0] = mt[kN - 1];
      i = 1;
    }
    if (j >= key.size()) j = 0;
  }
  for (std::size_t k = kN - 1; k > 0; --k) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - static_cast<uint32_t>(i);
    ++i;
    if (i >= kN) {
      mt[0] = mt[kN - 1];
      i = 1;
    }
  }
  mt[0] = 0x80000000u;  // a non-zero state whatever the key
}

void Mt19937::regenerate() {
  constexpr int kM = 397;
  auto& mt = state_.words;
  const auto twist = [&](int k, int k1, int km) {
    const uint32_t y = (mt[k] & 0x80000000u) | (mt[k1] & 0x7fffffffu);
    mt[k] = mt[km] ^ (y >> 1) ^ ((y & 1u) ? 0x9908b0dfu : 0u);
  };
  int k = 0;
  for (; k < kN - kM; ++k) twist(k, k + 1, k + kM);
  for (; k < kN - 1; ++k) twist(k, k + 1, k + kM - kN);
  twist(kN - 1, 0, kM - 1);
  state_.index = 0;
}

double Mt19937::next_double() {
  const uint32_t a = next() >> 5, b = next() >> 6;
  return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

}  // namespace initlab
