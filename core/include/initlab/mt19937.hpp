// The Mersenne Twister every random stream of initlab runs on: torch's CPU generator
// (generator.hpp), Python's `random` and numpy's RandomState (py_random.hpp).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace initlab {

// The Mersenne Twister MT19937 (Matsumoto & Nishimura 1998) with its reference seeding
// routines, as both CPython's _randommodule.c and numpy's mt19937.c implement it, and as
// PyTorch's CPU generator runs it (std::mt19937's seeding is init_genrand).
class Mt19937 {
 public:
  static constexpr int kN = 624;

  Mt19937() { init_genrand(5489u); }

  // Knuth's linear recurrence from one 32-bit seed (numpy's mt19937_seed is the same).
  void init_genrand(uint32_t s);
  // The reference init_by_array; an empty key is treated as {0} (CPython never passes one).
  void init_by_array(const std::vector<uint32_t>& key);

  // One tempered 32-bit word; regenerates all 624 words when they are used up. Inline: torch's
  // samplers draw one word per element (a call per word was 5% of a warm run() in wasm).
  uint32_t next() {
    if (state_.index >= kN) regenerate();
    uint32_t y = state_.words[static_cast<std::size_t>(state_.index++)];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
  }
  // numpy's next_uint64: the first word is the high half.
  uint64_t next64() {
    const uint64_t hi = next();
    return (hi << 32) | next();
  }
  // A double in [0, 1) from 27 + 26 bits of two words (genrand_res53; numpy's next_double).
  // Floating-point members are defined out of line, in code compiled without contraction:
  // inlined into a caller built with FMA, a * b + c would be fused and round differently.
  double next_double();

  // The 624 untempered words and the index of the next one to temper (624: regenerate first).
  struct State {
    std::array<uint32_t, kN> words{};
    int index = kN;
  };
  const State& state() const { return state_; }
  // index must be in [0, 624] (callers check it with their own library's message).
  void set_state(const State& s) { state_ = s; }

 private:
  void regenerate();
  State state_;
};

}  // namespace initlab
