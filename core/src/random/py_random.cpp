// MT19937, SHA-512, Python's float hash and CPython's random.Random (see py_random.hpp).
// The algorithms follow CPython 3.11's Modules/_randommodule.c and Lib/random.py; where Python
// arithmetic could differ from C's (division by zero, pow, %, math domain errors) the Python
// behaviour is spelled out.
#include "initlab/py_random.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "initlab/error.hpp"

namespace initlab {


// ---------------------------------------------------------------------------------------
// SHA-512 (FIPS 180-4)

namespace {

// The first 64 bits of the fractional parts of the cube roots of the first 80 primes
// (FIPS 180-4 section 4.2.3), computed with integer cube roots.
constexpr uint64_t kSha512K[80] = {
    0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL,
    0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL,
    0xd807aa98a3030242ULL, 0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
    0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL, 0xc19bf174cf692694ULL,
    0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
    0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
    0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL,
    0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL, 0x06ca6351e003826fULL, 0x142929670a0e6e70ULL,
    0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
    0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
    0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL,
    0xd192e819d6ef5218ULL, 0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
    0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL,
    0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL,
    0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
    0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL,
    0xca273eceea26619cULL, 0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL,
    0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
    0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL, 0x431d67c49c100d4cULL,
    0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL,
};

// The first 64 bits of the fractional parts of the square roots of the first 8 primes.
constexpr uint64_t kSha512H0[8] = {
    0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
    0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL,
};

uint64_t rotr(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

void sha512_block(uint64_t h[8], const uint8_t* block) {
  uint64_t w[80];
  for (int t = 0; t < 16; ++t) {
    uint64_t v = 0;
    for (int b = 0; b < 8; ++b) v = (v << 8) | block[8 * t + b];
    w[t] = v;
  }
  for (int t = 16; t < 80; ++t) {
    const uint64_t s0 = rotr(w[t - 15], 1) ^ rotr(w[t - 15], 8) ^ (w[t - 15] >> 7);
    const uint64_t s1 = rotr(w[t - 2], 19) ^ rotr(w[t - 2], 61) ^ (w[t - 2] >> 6);
    w[t] = w[t - 16] + s0 + w[t - 7] + s1;
  }
  uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
  for (int t = 0; t < 80; ++t) {
    const uint64_t big_s1 = rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41);
    const uint64_t ch = (e & f) ^ (~e & g);
    const uint64_t t1 = hh + big_s1 + ch + kSha512K[t] + w[t];
    const uint64_t big_s0 = rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39);
    const uint64_t maj = (a & b) ^ (a & c) ^ (b & c);
    const uint64_t t2 = big_s0 + maj;
    hh = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  h[0] += a;
  h[1] += b;
  h[2] += c;
  h[3] += d;
  h[4] += e;
  h[5] += f;
  h[6] += g;
  h[7] += hh;
}

}  // namespace

std::array<uint8_t, 64> sha512(const std::string& bytes) {
  uint64_t h[8];
  for (int i = 0; i < 8; ++i) h[i] = kSha512H0[i];
  // Padding: 0x80, zeros to 112 mod 128, then the bit length as a 128-bit big-endian number
  // (whose high 64 bits are zero for any string that fits in memory).
  std::string msg = bytes;
  const uint64_t bit_length = static_cast<uint64_t>(bytes.size()) * 8;
  msg.push_back(static_cast<char>(0x80));
  while (msg.size() % 128 != 112) msg.push_back('\0');
  msg.append(8, '\0');
  for (int b = 7; b >= 0; --b) msg.push_back(static_cast<char>((bit_length >> (8 * b)) & 0xff));
  for (std::size_t off = 0; off < msg.size(); off += 128) {
    sha512_block(h, reinterpret_cast<const uint8_t*>(msg.data() + off));
  }
  std::array<uint8_t, 64> out{};
  for (int i = 0; i < 8; ++i)
    for (int b = 0; b < 8; ++b) out[8 * i + b] = static_cast<uint8_t>(h[i] >> (56 - 8 * b));
  return out;
}

// ---------------------------------------------------------------------------------------
// hash(float)

int64_t python_float_hash(double x) {
  constexpr int kBits = 61;
  constexpr uint64_t kModulus = (uint64_t{1} << kBits) - 1;
  if (std::isinf(x)) return x > 0 ? 314159 : -314159;
  if (std::isnan(x)) return 0;
  int e = 0;
  double m = std::frexp(x, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  // The mantissa 28 bits at a time, each step a multiplication by 2**28 modulo 2**61 - 1,
  // which for a Mersenne modulus is a rotation within 61 bits.
  uint64_t acc = 0;
  while (m != 0.0) {
    acc = ((acc << 28) & kModulus) | (acc >> (kBits - 28));
    m *= 268435456.0;
    e -= 28;
    const auto y = static_cast<uint64_t>(m);
    m -= static_cast<double>(y);
    acc += y;
    if (acc >= kModulus) acc -= kModulus;
  }
  // Then the exponent: multiplying by 2**e is a rotation by e mod 61.
  e = e >= 0 ? e % kBits : kBits - 1 - ((-1 - e) % kBits);
  acc = ((acc << e) & kModulus) | (acc >> (kBits - e));
  acc = acc * static_cast<uint64_t>(static_cast<int64_t>(sign));
  if (acc == ~uint64_t{0}) acc = ~uint64_t{0} - 1;  // -1 is the C API's error value
  return static_cast<int64_t>(acc);
}

// ---------------------------------------------------------------------------------------
// PythonRandom

namespace {

// Python ints in randrange: the width of an int64 range needs 65 bits. (__extension__: the
// type is a GCC/Clang extension, which both the native and the Emscripten compiler have.)
__extension__ typedef __int128 Int128;
__extension__ typedef unsigned __int128 UInt128;

// An unsigned int as CPython's random_seed splits it: 32-bit words, least significant first,
// as many as its significant bits need (one for zero).
std::vector<uint32_t> words_of(uint64_t n) {
  if (n >> 32) return {static_cast<uint32_t>(n), static_cast<uint32_t>(n >> 32)};
  return {static_cast<uint32_t>(n)};
}

// Decimal text of a 128-bit int, for randrange's message (its width can exceed int64).
std::string to_decimal(Int128 v) {
  if (v == 0) return "0";
  const bool negative = v < 0;
  UInt128 u = negative ? static_cast<UInt128>(-(v + 1)) + 1 : static_cast<UInt128>(v);
  std::string s;
  while (u) {
    s.insert(s.begin(), static_cast<char>('0' + static_cast<int>(u % 10)));
    u /= 10;
  }
  return negative ? "-" + s : s;
}

// Python's floor division of 128-bit ints.
Int128 floor_div(Int128 a, Int128 b) {
  Int128 q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

// Python float arithmetic where it differs from C's: x / y raises on a zero divisor,
// math.log/exp/acos raise on domain and range errors, ** raises on 0 ** negative and on
// overflow, % takes the divisor's sign.
double py_div(double x, double y) {
  if (y == 0.0) raise(ErrorKind::ZeroDivisionError, "float division by zero");
  return x / y;
}

double py_log(double x) {
  if (x <= 0.0) raise(ErrorKind::ValueError, "math domain error");
  return std::log(x);
}

double py_exp(double x) {
  const double r = std::exp(x);
  if (std::isinf(r) && std::isfinite(x)) raise(ErrorKind::OverflowError, "math range error");
  return r;
}

double py_acos(double x) {
  if (x < -1.0 || x > 1.0) raise(ErrorKind::ValueError, "math domain error");
  return std::acos(x);
}

double py_pow(double x, double y) {
  if (y == 0.0) return 1.0;
  if (x == 0.0 && y < 0.0) raise(ErrorKind::ZeroDivisionError, "0.0 cannot be raised to a negative power");
  const double r = std::pow(x, y);
  if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) {
    raise(ErrorKind::OverflowError, "(34, 'Numerical result out of range')");
  }
  return r;
}

double py_mod(double x, double y) {
  if (y == 0.0) raise(ErrorKind::ZeroDivisionError, "float modulo");
  double m = std::fmod(x, y);
  if (m != 0.0) {
    if ((y < 0) != (m < 0)) m += y;
  } else {
    m = std::copysign(0.0, y);
  }
  return m;
}

constexpr double kTwoPi = 2.0 * M_PI;

// _randbelow(n) for n up to 2**64, which randint(-2**63, 2**63 - 1) needs: 2**64 has 65 bits,
// and getrandbits(65) is two full words and the top bit of a third.
uint64_t randbelow_wide(PythonRandom& r, UInt128 n) {
  if (n <= ~uint64_t{0}) return r.randbelow(static_cast<uint64_t>(n));
  for (;;) {
    const uint64_t lo = r.getrandbits(32), mid = r.getrandbits(32), top = r.getrandbits(1);
    if (top == 0) return (mid << 32) | lo;
  }
}

// CPython's randrange on exact ints (int64 arguments; their differences need 65 bits).
int64_t randrange_exact(PythonRandom& r, Int128 start, Int128 stop, Int128 step) {
  const Int128 width = stop - start;
  if (step == 1) {
    if (width > 0) return static_cast<int64_t>(start + static_cast<Int128>(randbelow_wide(r, static_cast<UInt128>(width))));
    raise(ErrorKind::ValueError, "empty range for randrange() (" + to_decimal(start) + ", " + to_decimal(stop) +
                                     ", " + to_decimal(width) + ")");
  }
  Int128 n = 0;
  if (step > 0) {
    n = floor_div(width + step - 1, step);
  } else if (step < 0) {
    n = floor_div(width + step + 1, step);
  } else {
    raise(ErrorKind::ValueError, "zero step for randrange()");
  }
  if (n <= 0) raise(ErrorKind::ValueError, "empty range for randrange()");
  return static_cast<int64_t>(start + step * static_cast<Int128>(randbelow_wide(r, static_cast<UInt128>(n))));
}

}  // namespace

void PythonRandom::seed(int64_t a) {
  // |a| without overflow for INT64_MIN.
  const uint64_t magnitude = a < 0 ? static_cast<uint64_t>(-(a + 1)) + 1 : static_cast<uint64_t>(a);
  mt_.init_by_array(words_of(magnitude));
  gauss_next_.reset();
}

void PythonRandom::seed_words(std::vector<uint32_t> words) {
  while (words.size() > 1 && words.back() == 0) words.pop_back();
  if (words.empty()) words.push_back(0);
  mt_.init_by_array(words);
  gauss_next_.reset();
}

void PythonRandom::seed(double a) {
  if (std::isnan(a)) {
    // CPython hashes a NaN by its object's address: such a seed differs in every process.
    seed_from_clock();
    return;
  }
  // The hash is a C Py_hash_t cast to size_t: negative hashes become 2**64 + hash.
  mt_.init_by_array(words_of(static_cast<uint64_t>(python_float_hash(a))));
  gauss_next_.reset();
}

void PythonRandom::seed_bytes(const std::string& bytes) {
  const std::array<uint8_t, 64> digest = sha512(bytes);
  std::string all = bytes;
  all.append(reinterpret_cast<const char*>(digest.data()), digest.size());
  // int.from_bytes(all, 'big') as 32-bit words, least significant first: the last four bytes
  // make word 0; a shorter group at the front makes the top word.
  std::vector<uint32_t> words;
  for (std::size_t end = all.size(); end > 0;) {
    const std::size_t begin = end >= 4 ? end - 4 : 0;
    uint32_t w = 0;
    for (std::size_t i = begin; i < end; ++i) w = (w << 8) | static_cast<uint8_t>(all[i]);
    words.push_back(w);
    end = begin;
  }
  seed_words(std::move(words));
}

void PythonRandom::seed_from_clock() {
  // CPython's fallback when os.urandom fails: wall clock, process id, monotonic clock. A
  // browser tab has no process id; a counter keeps two generators made in the same
  // nanosecond apart.
  static std::atomic<uint32_t> counter{0};
  const auto wall = static_cast<uint64_t>(std::chrono::system_clock::now().time_since_epoch().count());
  const auto mono = static_cast<uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
  mt_.init_by_array({static_cast<uint32_t>(wall), static_cast<uint32_t>(wall >> 32), counter++,
                     static_cast<uint32_t>(mono), static_cast<uint32_t>(mono >> 32)});
  gauss_next_.reset();
}

uint64_t PythonRandom::getrandbits(int64_t k) {
  if (k < 0) raise(ErrorKind::ValueError, "number of bits must be non-negative");
  if (k == 0) return 0;
  if (k <= 32) return mt_.next() >> (32 - k);
  if (k > 64) {
    raise(ErrorKind::NotImplementedError,
          "not supported in initlab: getrandbits(k) with k > 64 (initlab's ints are 64-bit)");
  }
  // Words from the least significant up; the last one keeps only its top k - 32 bits.
  const uint64_t lo = mt_.next();
  const uint64_t hi = mt_.next() >> (64 - k);
  return (hi << 32) | lo;
}

uint64_t PythonRandom::randbelow(uint64_t n) {
  // CPython would loop forever on 0 (getrandbits(0) is always 0); no caller passes it.
  if (n == 0) raise(ErrorKind::ValueError, "randbelow(0)");
  const int k = 64 - __builtin_clzll(n);  // n.bit_length()
  uint64_t r = getrandbits(k);
  while (r >= n) r = getrandbits(k);
  return r;
}

int64_t PythonRandom::randrange(int64_t stop) {
  if (stop > 0) return static_cast<int64_t>(randbelow(static_cast<uint64_t>(stop)));
  raise(ErrorKind::ValueError, "empty range for randrange()");
}

int64_t PythonRandom::randrange(int64_t start, int64_t stop, int64_t step) {
  return randrange_exact(*this, start, stop, step);
}

int64_t PythonRandom::randint(int64_t a, int64_t b) { return randrange_exact(*this, a, static_cast<Int128>(b) + 1, 1); }

uint64_t PythonRandom::choice_index(uint64_t n) {
  if (n == 0) raise(ErrorKind::IndexError, "Cannot choose from an empty sequence");
  return randbelow(n);
}

std::vector<uint64_t> PythonRandom::sample_indices(uint64_t n, int64_t k) {
  if (k < 0 || static_cast<uint64_t>(k) > n) raise(ErrorKind::ValueError, "Sample larger than population or is negative");
  const auto count = static_cast<uint64_t>(k);
  // CPython sizes the two methods by memory: a list of n against a set of k.
  uint64_t setsize = 21;
  if (k > 5) {
    const double exponent = std::ceil(std::log(static_cast<double>(count * 3)) / std::log(4.0));
    setsize = exponent >= 32 ? ~uint64_t{0} : setsize + (uint64_t{1} << (2 * static_cast<int>(exponent)));
  }
  std::vector<uint64_t> result;
  result.reserve(count);
  if (n <= setsize) {
    // The pool method: pick from pool[0 : n - i], fill the hole with the pool's last element.
    // The pool is kept sparse (only moved entries), so it needs memory for k entries, not n.
    std::unordered_map<uint64_t, uint64_t> moved;
    const auto pool = [&](uint64_t i) {
      auto it = moved.find(i);
      return it == moved.end() ? i : it->second;
    };
    for (uint64_t i = 0; i < count; ++i) {
      const uint64_t j = randbelow(n - i);
      result.push_back(pool(j));
      moved[j] = pool(n - i - 1);
    }
  } else {
    std::unordered_set<uint64_t> selected;
    for (uint64_t i = 0; i < count; ++i) {
      uint64_t j = randbelow(n);
      while (selected.count(j)) j = randbelow(n);
      selected.insert(j);
      result.push_back(j);
    }
  }
  return result;
}

std::vector<uint64_t> PythonRandom::sample_indices_with_counts(uint64_t n, const std::vector<int64_t>& counts, int64_t k) {
  std::vector<int64_t> cum;
  int64_t total = 0;
  for (int64_t c : counts) {
    if (__builtin_add_overflow(total, c, &total)) raise(ErrorKind::OverflowError, "integer overflow (initlab's ints are 64-bit)");
    cum.push_back(total);
  }
  if (cum.size() != n) raise(ErrorKind::ValueError, "The number of counts does not match the population");
  if (cum.empty()) raise(ErrorKind::IndexError, "pop from empty list");
  cum.pop_back();
  if (total <= 0) raise(ErrorKind::ValueError, "Total of counts must be greater than zero");
  std::vector<uint64_t> out = sample_indices(static_cast<uint64_t>(total), k);
  for (uint64_t& s : out) {
    // bisect_right(cum_counts, s): the population element whose block of copies holds s
    s = static_cast<uint64_t>(std::upper_bound(cum.begin(), cum.end(), static_cast<int64_t>(s)) - cum.begin());
  }
  return out;
}

std::vector<uint64_t> PythonRandom::choices_indices(uint64_t n, int64_t k) {
  const double size = static_cast<double>(n);
  std::vector<uint64_t> out;
  for (int64_t i = 0; i < k; ++i) out.push_back(static_cast<uint64_t>(std::floor(random() * size)));
  return out;
}

std::vector<uint64_t> PythonRandom::choices_indices(uint64_t n, const std::vector<double>& cum_weights, int64_t k) {
  if (cum_weights.size() != n) raise(ErrorKind::ValueError, "The number of weights does not match the population");
  if (cum_weights.empty()) raise(ErrorKind::IndexError, "list index out of range");
  const double total = cum_weights.back() + 0.0;
  if (total <= 0.0) raise(ErrorKind::ValueError, "Total of weights must be greater than zero");
  if (!std::isfinite(total)) raise(ErrorKind::ValueError, "Total of weights must be finite");
  const std::size_t hi = cum_weights.size() - 1;
  std::vector<uint64_t> out;
  for (int64_t i = 0; i < k; ++i) {
    const double x = random() * total;
    // bisect_right(cum_weights, x, 0, hi): the last element is never compared
    std::size_t lo = 0, top = hi;
    while (lo < top) {
      const std::size_t mid = (lo + top) / 2;
      if (x < cum_weights[mid]) {
        top = mid;
      } else {
        lo = mid + 1;
      }
    }
    out.push_back(lo);
  }
  return out;
}

double PythonRandom::uniform(double a, double b) { return a + (b - a) * random(); }

double PythonRandom::triangular(double low, double high, std::optional<double> mode) {
  double u = random();
  double c = 0.5;
  if (mode) {
    if (high - low == 0.0) return low;  // CPython catches the ZeroDivisionError and returns low
    c = (*mode - low) / (high - low);
  }
  if (u > c) {
    u = 1.0 - u;
    c = 1.0 - c;
    std::swap(low, high);
  }
  return low + (high - low) * std::sqrt(u * c);
}

double PythonRandom::normalvariate(double mu, double sigma) {
  static const double nv_magicconst = 4 * std::exp(-0.5) / std::sqrt(2.0);
  double z = 0.0;
  for (;;) {
    const double u1 = random();
    const double u2 = 1.0 - random();
    z = nv_magicconst * (u1 - 0.5) / u2;
    const double zz = z * z / 4.0;
    if (zz <= -std::log(u2)) break;
  }
  return mu + z * sigma;
}

double PythonRandom::gauss(double mu, double sigma) {
  std::optional<double> z = gauss_next_;
  gauss_next_.reset();
  if (!z) {
    const double x2pi = random() * kTwoPi;
    const double g2rad = std::sqrt(-2.0 * std::log(1.0 - random()));
    z = std::cos(x2pi) * g2rad;
    gauss_next_ = std::sin(x2pi) * g2rad;
  }
  return mu + *z * sigma;
}

double PythonRandom::lognormvariate(double mu, double sigma) { return py_exp(normalvariate(mu, sigma)); }

double PythonRandom::expovariate(double lambd) {
  const double numerator = -std::log(1.0 - random());
  return py_div(numerator, lambd);
}

double PythonRandom::vonmisesvariate(double mu, double kappa) {
  if (kappa <= 1e-6) return kTwoPi * random();
  const double s = 0.5 / kappa;
  const double r = s + std::sqrt(1.0 + s * s);
  double z = 0.0;
  for (;;) {
    const double u1 = random();
    z = std::cos(M_PI * u1);
    const double d = z / (r + z);
    const double u2 = random();
    if (u2 < 1.0 - d * d || u2 <= (1.0 - d) * py_exp(d)) break;
  }
  const double q = 1.0 / r;
  const double f = (q + z) / (1.0 + q * z);
  const double u3 = random();
  return u3 > 0.5 ? py_mod(mu + py_acos(f), kTwoPi) : py_mod(mu - py_acos(f), kTwoPi);
}

double PythonRandom::gammavariate(double alpha, double beta) {
  if (alpha <= 0.0 || beta <= 0.0) raise(ErrorKind::ValueError, "gammavariate: alpha and beta must be > 0.0");
  if (alpha > 1.0) {
    // R.C.H. Cheng, "The generation of Gamma variables with non-integral shape parameters",
    // Applied Statistics 26 (1977).
    static const double log4 = std::log(4.0);
    static const double sg_magicconst = 1.0 + std::log(4.5);
    const double ainv = std::sqrt(2.0 * alpha - 1.0);
    const double bbb = alpha - log4;
    const double ccc = alpha + ainv;
    for (;;) {
      const double u1 = random();
      if (!(1e-7 < u1 && u1 < 0.9999999)) continue;
      const double u2 = 1.0 - random();
      const double v = std::log(u1 / (1.0 - u1)) / ainv;
      const double x = alpha * py_exp(v);
      const double z = u1 * u1 * u2;
      const double r = bbb + ccc * v - x;
      if (r + sg_magicconst - 4.5 * z >= 0.0 || r >= py_log(z)) return x * beta;
    }
  }
  if (alpha == 1.0) return -std::log(1.0 - random()) * beta;
  // 0 < alpha < 1: algorithm GS of Kennedy & Gentle, Statistical Computing.
  double x = 0.0;
  for (;;) {
    const double u = random();
    const double b = (M_E + alpha) / M_E;
    const double p = b * u;
    x = p <= 1.0 ? py_pow(p, 1.0 / alpha) : -py_log((b - p) / alpha);
    const double u1 = random();
    if (p > 1.0) {
      if (u1 <= py_pow(x, alpha - 1.0)) break;
    } else if (u1 <= py_exp(-x)) {
      break;
    }
  }
  return x * beta;
}

double PythonRandom::betavariate(double alpha, double beta) {
  const double y = gammavariate(alpha, 1.0);
  if (y != 0.0) return y / (y + gammavariate(beta, 1.0));
  return 0.0;
}

double PythonRandom::paretovariate(double alpha) {
  const double u = 1.0 - random();
  return py_pow(u, py_div(-1.0, alpha));
}

double PythonRandom::weibullvariate(double alpha, double beta) {
  const double u = 1.0 - random();
  return alpha * py_pow(-py_log(u), py_div(1.0, beta));
}

void PythonRandom::setstate(const State& s) {
  if (s.mt.index < 0 || s.mt.index > Mt19937::kN) raise(ErrorKind::ValueError, "invalid state");
  mt_.set_state(s.mt);
  gauss_next_ = s.gauss_next;
}

}  // namespace initlab
