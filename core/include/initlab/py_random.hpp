// The random streams of Python's `random` module (CPython 3.11) and of numpy's legacy
// `np.random.RandomState` (numpy 1.24), bit for bit. Both sit on the same Mersenne Twister
// (MT19937, 32-bit words); they differ in seeding, in how they turn words into numbers and in
// the distributions built on top. Nothing here knows about the interpreter: the script module
// `random` (core/src/script/random_api.cpp) and the numpy module call these classes.
//
// Errors are initlab::Error with the exception class and message CPython or numpy would raise
// for the same call. Floating-point code is compiled without contraction (initlab_exact), and
// uses the C library's log/exp/sqrt/sin/cos/acos/pow as CPython and numpy do.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "initlab/mt19937.hpp"

namespace initlab {

// SHA-512 (FIPS 180-4) of a byte string: CPython hashes str and bytes seeds with it.
std::array<uint8_t, 64> sha512(const std::string& bytes);

// hash(x) of a Python float (CPython's _Py_HashDouble: x reduced modulo 2**61 - 1, sign
// kept, -1 mapped to -2). NaN has no reproducible hash in CPython 3.10+ (it hashes the
// object's address); this returns 0 for it and callers decide what to do.
int64_t python_float_hash(double x);

// CPython's random.Random: the generator of the `random` module's functions and of each
// random.Random(seed) object.
class PythonRandom {
 public:
  // Seeded from the clock, as CPython falls back to when the OS has no entropy to give.
  PythonRandom() { seed_from_clock(); }
  explicit PythonRandom(int64_t a) { seed(a); }

  // ---- seeding (each clears the cached gauss value, as Random.seed does) ----
  // An int: its absolute value split into 32-bit words, least significant first.
  void seed(int64_t a);
  // Any non-negative int too large for int64, as its 32-bit words, least significant first
  // (trailing zero words are dropped, as CPython counts only significant bits).
  void seed_words(std::vector<uint32_t> words);
  // A float: the generator is seeded with hash(a) taken as an unsigned 64-bit int.
  void seed(double a);
  // A str (as UTF-8 bytes) or bytes, seed version 2: int.from_bytes(a + sha512(a), 'big').
  void seed_bytes(const std::string& bytes);
  // random.seed() / random.seed(None): the wall clock, a monotonic clock and a counter.
  void seed_from_clock();

  // ---- the core generator ----
  double random() { return mt_.next_double(); }
  // k random bits, k in [0, 64] (CPython takes any k >= 0; a k > 64 needs ints wider than
  // initlab's and raises NotImplementedError). ValueError for k < 0.
  uint64_t getrandbits(int64_t k);
  // Random._randbelow_with_getrandbits: uniform in [0, n) by rejection on bit_length(n) bits.
  // n must be >= 1.
  uint64_t randbelow(uint64_t n);

  // ---- integers ----
  int64_t randrange(int64_t stop);
  int64_t randrange(int64_t start, int64_t stop, int64_t step = 1);
  // randrange(a, b + 1), with b + 1 computed without overflow.
  int64_t randint(int64_t a, int64_t b);

  // ---- sequences (on indices; the caller maps them to its elements) ----
  // choice(seq) of a sequence of length n: IndexError for n == 0.
  uint64_t choice_index(uint64_t n);
  // shuffle(x): the swaps of CPython's Fisher-Yates, from the end.
  template <class T>
  void shuffle(std::vector<T>& x) {
    for (std::size_t i = x.size(); i-- > 1;) {
      const std::size_t j = static_cast<std::size_t>(randbelow(i + 1));
      std::swap(x[i], x[j]);
    }
  }
  // sample(range(n), k): the chosen indices in selection order. CPython picks one of two
  // methods by n and k (a pool for small populations, a set of picks for large ones); both
  // are reproduced, in memory proportional to k.
  std::vector<uint64_t> sample_indices(uint64_t n, int64_t k);
  // sample(population, k, counts=counts) for a population of n elements: indices into it.
  // Checks what CPython checks, in its order (except "Counts must be integers": the caller's).
  std::vector<uint64_t> sample_indices_with_counts(uint64_t n, const std::vector<int64_t>& counts, int64_t k);
  // choices(population, k=k) without weights: floor(random() * n) each. With n == 0 this
  // returns zeros, which the caller must report as CPython's IndexError on population[0].
  std::vector<uint64_t> choices_indices(uint64_t n, int64_t k);
  // choices with cumulative weights for a population of n elements (the caller accumulates
  // `weights` as Python adds them): bisect_right(cum_weights, random() * total, 0, n - 1)
  // each. Checks what CPython checks, in its order.
  std::vector<uint64_t> choices_indices(uint64_t n, const std::vector<double>& cum_weights, int64_t k);

  // ---- real-valued distributions (Lib/random.py's formulas, in its order of draws) ----
  double uniform(double a, double b);
  // mode: nullopt for None. Returns low when (mode - low) / (high - low) divides by zero.
  double triangular(double low, double high, std::optional<double> mode);
  double normalvariate(double mu, double sigma);  // Kinderman-Monahan ratio of uniforms
  double gauss(double mu, double sigma);          // Box-Muller, second value cached
  double lognormvariate(double mu, double sigma);
  double expovariate(double lambd);
  double vonmisesvariate(double mu, double kappa);
  double gammavariate(double alpha, double beta);
  double betavariate(double alpha, double beta);
  double paretovariate(double alpha);
  double weibullvariate(double alpha, double beta);

  // ---- getstate() / setstate() ----
  struct State {
    Mt19937::State mt;
    std::optional<double> gauss_next;
  };
  State getstate() const { return {mt_.state(), gauss_next_}; }
  // ValueError "invalid state" unless 0 <= index <= 624.
  void setstate(const State& s);

 private:
  Mt19937 mt_;
  std::optional<double> gauss_next_;
};

// numpy's legacy RandomState (np.random.seed, np.random.rand/randn/normal/uniform/randint,
// permutation, shuffle, choice), as numpy 1.24 keeps it for backward compatibility: these
// are the values every `np.random.seed(s)` script has drawn since numpy 1.x.
//
// A stable, deliberately small interface for the numpy module of the interpreter. Array
// calls are element-by-element calls in C order: numpy fills arrays exactly so (rand(n) is n
// random_sample() calls, randn(n) n standard_normal() calls, randint(lo, hi, n) n
// randint(lo, hi) calls).
class NumpyRandomState {
 public:
  NumpyRandomState() { seed_from_clock(); }
  explicit NumpyRandomState(int64_t seed) { this->seed(seed); }

  // ---- seeding (each clears the cached normal) ----
  // seed(s) for an int: ValueError "Seed must be between 0 and 2**32 - 1" outside that range;
  // otherwise init_genrand(s).
  void seed(int64_t s);
  // seed([a, b, ...]) for a 1-d sequence of ints: each in [0, 2**32 - 1] (same ValueError);
  // ValueError "Seed must be non-empty" for an empty one; then init_by_array.
  void seed_array(const std::vector<int64_t>& key);
  // seed() / seed(None) (numpy draws OS entropy; here the clock).
  void seed_from_clock();

  // ---- draws ----
  // random_sample(), rand(), random(): a double in [0, 1) from two words.
  double random_sample() { return mt_.next_double(); }
  // standard_normal(), randn(): legacy_gauss, Marsaglia's polar method; each accepted pair
  // returns f*x2 and caches f*x1 for the next call (the cache survives other draws).
  double standard_normal();
  // normal(loc, scale) = loc + scale * standard_normal(). ValueError "scale < 0".
  double normal(double loc, double scale);
  // uniform(low, high) = low + (high - low) * random_sample(). OverflowError "Range exceeds
  // valid bounds" when high - low is not finite.
  double uniform(double low, double high);
  // randint(low, high) with numpy's default dtype int64: an int in [low, high). ValueError
  // "low >= high". Masked rejection (the legacy bounded-int algorithm): on 32-bit words when
  // high - 1 - low < 2**32, else on 64-bit pairs; no draw when the range holds one value.
  int64_t randint(int64_t low, int64_t high);
  // random_interval(max): an int in [0, max] by masked rejection (what shuffle uses).
  uint64_t interval(uint64_t max);

  // ---- permutations ----
  // shuffle(x) of a 1-d sequence (the swaps of the legacy Fisher-Yates, from the end; j from
  // interval(i)). For an n-d array numpy swaps whole rows with the same j sequence: shuffle
  // a vector of row indices and gather.
  template <class T>
  void shuffle(std::vector<T>& x) {
    for (std::size_t i = x.size(); i-- > 1;) {
      const std::size_t j = static_cast<std::size_t>(interval(i));
      std::swap(x[i], x[j]);
    }
  }
  // permutation(n): arange(n) shuffled (empty for n <= 0, as numpy's arange(n) is).
  std::vector<int64_t> permutation(int64_t n);
  // choice(n) (replace=True, no p): randint(0, n). ValueError "a must be greater than 0
  // unless no samples are taken" for n <= 0.
  int64_t choice(int64_t n);
  // choice(n, k, replace=False) (no p): permutation(n)[:k]. ValueError "Cannot take a larger
  // sample than population when 'replace=False'" for k > n.
  std::vector<int64_t> choice_without_replacement(int64_t n, int64_t k);

  // ---- get_state() / set_state() ----
  // ('MT19937', key, pos, has_gauss, cached_gaussian)
  struct State {
    Mt19937::State mt;  // mt.index is numpy's pos
    bool has_gauss = false;
    double gauss = 0.0;
  };
  State get_state() const { return {mt_.state(), has_gauss_, gauss_}; }
  // ValueError "invalid state" unless 0 <= pos <= 624 (numpy does not check pos; one outside
  // would read past the key).
  void set_state(const State& s);

 private:
  Mt19937 mt_;
  bool has_gauss_ = false;
  double gauss_ = 0.0;
};

}  // namespace initlab
