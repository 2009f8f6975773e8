// numpy's legacy RandomState (see py_random.hpp): the seeding of numpy/random/_mt19937.pyx's
// _legacy_seeding, legacy_gauss of legacy-distributions.c, and the bounded integers and
// random_interval of distributions.c, as numpy 1.24 runs them for RandomState.
#include <atomic>
#include <chrono>
#include <cmath>
#include <numeric>

#include "initlab/error.hpp"
#include "initlab/py_random.hpp"

namespace initlab {

namespace {

constexpr int64_t kMaxSeed = 0xffffffffLL;

// The smallest all-ones mask that covers max.
uint64_t gen_mask(uint64_t max) {
  uint64_t mask = max;
  mask |= mask >> 1;
  mask |= mask >> 2;
  mask |= mask >> 4;
  mask |= mask >> 8;
  mask |= mask >> 16;
  mask |= mask >> 32;
  return mask;
}

}  // namespace

void NumpyRandomState::seed(int64_t s) {
  if (s < 0 || s > kMaxSeed) raise(ErrorKind::ValueError, "Seed must be between 0 and 2**32 - 1");
  mt_.init_genrand(static_cast<uint32_t>(s));
  has_gauss_ = false;
  gauss_ = 0.0;
}

void NumpyRandomState::seed_array(const std::vector<int64_t>& key) {
  if (key.empty()) raise(ErrorKind::ValueError, "Seed must be non-empty");
  std::vector<uint32_t> words;
  for (int64_t k : key) {
    if (k < 0 || k > kMaxSeed) raise(ErrorKind::ValueError, "Seed must be between 0 and 2**32 - 1");
    words.push_back(static_cast<uint32_t>(k));
  }
  mt_.init_by_array(words);
  has_gauss_ = false;
  gauss_ = 0.0;
}

void NumpyRandomState::seed_from_clock() {
  // numpy seeds from a SeedSequence of OS entropy; the page has only clocks. A counter keeps
  // two states made in the same nanosecond apart.
  static std::atomic<uint32_t> counter{0};
  const auto wall = static_cast<uint64_t>(std::chrono::system_clock::now().time_since_epoch().count());
  const auto mono = static_cast<uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
  mt_.init_by_array({static_cast<uint32_t>(wall), static_cast<uint32_t>(wall >> 32), ++counter,
                     static_cast<uint32_t>(mono), static_cast<uint32_t>(mono >> 32)});
  has_gauss_ = false;
  gauss_ = 0.0;
}

double NumpyRandomState::standard_normal() {
  if (has_gauss_) {
    has_gauss_ = false;
    const double cached = gauss_;
    gauss_ = 0.0;
    return cached;
  }
  // Marsaglia's polar method: a point uniform in the unit disc (not its centre), then both
  // coordinates scaled; the second is kept for the next call.
  double x1 = 0.0, x2 = 0.0, r2 = 0.0;
  do {
    x1 = 2.0 * mt_.next_double() - 1.0;
    x2 = 2.0 * mt_.next_double() - 1.0;
    r2 = x1 * x1 + x2 * x2;
  } while (r2 >= 1.0 || r2 == 0.0);
  const double f = std::sqrt(-2.0 * std::log(r2) / r2);
  gauss_ = f * x1;
  has_gauss_ = true;
  return f * x2;
}

double NumpyRandomState::normal(double loc, double scale) {
  if (scale < 0) raise(ErrorKind::ValueError, "scale < 0");
  return loc + scale * standard_normal();
}

double NumpyRandomState::uniform(double low, double high) {
  const double range = high - low;
  if (!std::isfinite(range)) raise(ErrorKind::OverflowError, "Range exceeds valid bounds");
  return low + range * mt_.next_double();
}

int64_t NumpyRandomState::randint(int64_t low, int64_t high) {
  if (high <= low) raise(ErrorKind::ValueError, "low >= high");
  // numpy works on the closed range [low, high - 1] as an offset and an unsigned span.
  const uint64_t off = static_cast<uint64_t>(low);
  const uint64_t rng = static_cast<uint64_t>(high - 1) - off;
  if (rng == 0) return low;  // one value: no draw at all
  const uint64_t mask = gen_mask(rng);
  uint64_t value = 0;
  if (rng <= 0xffffffffULL) {
    // A span that fits in 32 bits draws single 32-bit words (masking a word to 32 bits keeps
    // the whole word, so span 2**32 - 1 accepts every draw).
    do {
      value = mt_.next() & mask;
    } while (value > rng);
  } else {
    // Spans below 2**64 - 1 (all that int64 bounds allow) reject on 64-bit pairs.
    do {
      value = mt_.next64() & mask;
    } while (value > rng);
  }
  return static_cast<int64_t>(off + value);
}

uint64_t NumpyRandomState::interval(uint64_t max) {
  if (max == 0) return 0;
  const uint64_t mask = gen_mask(max);
  uint64_t value = 0;
  if (max <= 0xffffffffULL) {
    do {
      value = mt_.next() & mask;
    } while (value > max);
  } else {
    do {
      value = mt_.next64() & mask;
    } while (value > max);
  }
  return value;
}

std::vector<int64_t> NumpyRandomState::permutation(int64_t n) {
  std::vector<int64_t> out(static_cast<std::size_t>(n > 0 ? n : 0));
  std::iota(out.begin(), out.end(), int64_t{0});
  shuffle(out);
  return out;
}

int64_t NumpyRandomState::choice(int64_t n) {
  if (n <= 0) raise(ErrorKind::ValueError, "a must be greater than 0 unless no samples are taken");
  return randint(0, n);
}

std::vector<int64_t> NumpyRandomState::choice_without_replacement(int64_t n, int64_t k) {
  if (k < 0) raise(ErrorKind::ValueError, "Negative dimensions are not allowed");
  if (n <= 0 && k != 0) raise(ErrorKind::ValueError, "a must be greater than 0 unless no samples are taken");
  if (k > n) raise(ErrorKind::ValueError, "Cannot take a larger sample than population when 'replace=False'");
  std::vector<int64_t> p = permutation(n);
  p.resize(static_cast<std::size_t>(k));
  return p;
}

void NumpyRandomState::set_state(const State& s) {
  if (s.mt.index < 0 || s.mt.index > Mt19937::kN) raise(ErrorKind::ValueError, "invalid state");
  mt_.set_state(s.mt);
  has_gauss_ = s.has_gauss;
  gauss_ = s.gauss;
}

}  // namespace initlab
