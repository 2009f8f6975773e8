// PythonRandom and NumpyRandomState against what CPython 3.11's `random` and numpy 1.24's
// legacy RandomState draw (tests/fixtures/make_pyrandom_fixtures.py): every value bit for bit,
// for each seed kind and call the fixture file lists, plus the errors they raise.
#include <doctest/doctest.h>

#include <limits>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

#include "initlab/error.hpp"
#include "initlab/py_random.hpp"
#include "support/fixtures.hpp"

using namespace initlab;

namespace {

// One value a call returned: an int (as its decimal text), a float, or None.
struct Val {
  bool is_float = false;
  double f = 0.0;
  std::string text;  // decimal int or "None"
};
Val int_val(int64_t v) { return {false, 0.0, std::to_string(v)}; }
Val uint_val(uint64_t v) { return {false, 0.0, std::to_string(v)}; }
Val float_val(double v) { return {true, v, ""}; }
Val none_val() { return {false, 0.0, "None"}; }

struct Call {
  std::string text;                 // "randint 1 6 30"
  std::vector<std::string> expect;  // the r tokens
  int line = 0;
};

struct Case {
  std::string engine, kind, seed;
  std::vector<Call> calls;
  int line = 0;
};

struct File {
  std::vector<std::pair<std::string, std::string>> sha;  // input hex ("-": empty), digest hex
  std::vector<std::pair<std::string, std::string>> hashes;
  std::vector<Case> cases;
};

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(s);
  while (std::getline(in, cur, sep))
    if (!cur.empty()) out.push_back(cur);
  return out;
}

const File& fixture() {
  static const File file = [] {
    File f;
    const std::string text = fixtures::read_file(std::string(INITLAB_FIXTURE_DIR) + "/pyrandom_fixtures.txt");
    int n = 0;
    for (const std::string& line : split(text, '\n')) {
      ++n;
      const std::vector<std::string> w = split(line, ' ');
      if (w.empty() || w[0][0] == '#') continue;
      if (w[0] == "sha512") {
        f.sha.emplace_back(w.at(1), w.at(2));
      } else if (w[0] == "hash") {
        f.hashes.emplace_back(w.at(1), w.at(2));
      } else if (w[0] == "case") {
        f.cases.push_back({w.at(1), w.at(2), w.at(3), {}, n});
      } else if (w[0] == "call") {
        f.cases.back().calls.push_back({line.substr(5), {}, n});
      } else if (w[0] == "r") {
        auto& e = f.cases.back().calls.back().expect;
        e.insert(e.end(), w.begin() + 1, w.end());
      }
    }
    return f;
  }();
  return file;
}

std::string bytes_of_hex(const std::string& hex) {
  if (hex == "-") return "";
  std::string out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  return out;
}

// "0x..." of a non-negative int as 32-bit words, least significant first.
std::vector<uint32_t> words_of_hex(std::string hex) {
  if (hex.rfind("0x", 0) == 0) hex = hex.substr(2);
  std::vector<uint32_t> out;
  for (std::size_t end = hex.size(); end > 0;) {
    const std::size_t begin = end >= 8 ? end - 8 : 0;
    out.push_back(static_cast<uint32_t>(std::stoul(hex.substr(begin, end - begin), nullptr, 16)));
    end = begin;
  }
  return out;
}

double num(const std::string& s) { return std::strtod(s.c_str(), nullptr); }
int64_t integer(const std::string& s) { return std::stoll(s); }
std::vector<double> nums(const std::string& s) {
  std::vector<double> out;
  for (const std::string& x : split(s, ',')) out.push_back(num(x));
  return out;
}
std::vector<int64_t> integers(const std::string& s) {
  std::vector<int64_t> out;
  for (const std::string& x : split(s, ',')) out.push_back(integer(x));
  return out;
}

std::vector<Val> repeat(const std::string& n, const std::function<Val()>& f) {
  std::vector<Val> out;
  for (int64_t i = 0; i < integer(n); ++i) out.push_back(f());
  return out;
}

template <class T>
std::vector<Val> ints_of(const std::vector<T>& v) {
  std::vector<Val> out;
  for (T x : v) out.push_back(std::is_signed<T>::value ? int_val(static_cast<int64_t>(x)) : uint_val(static_cast<uint64_t>(x)));
  return out;
}

std::vector<Val> py_call(PythonRandom& r, const std::string& name, const std::vector<std::string>& a) {
  if (name == "random") return repeat(a[0], [&] { return float_val(r.random()); });
  if (name == "getrandbits") return repeat(a[1], [&] { return uint_val(r.getrandbits(integer(a[0]))); });
  if (name == "randbelow") return repeat(a[1], [&] { return uint_val(r.randbelow(std::stoull(a[0]))); });
  if (name == "randrange") return repeat(a[1], [&] { return int_val(r.randrange(integer(a[0]))); });
  if (name == "randrange3") {
    return repeat(a[3], [&] { return int_val(r.randrange(integer(a[0]), integer(a[1]), integer(a[2]))); });
  }
  if (name == "randint") return repeat(a[2], [&] { return int_val(r.randint(integer(a[0]), integer(a[1]))); });
  if (name == "choice") return repeat(a[1], [&] { return uint_val(r.choice_index(std::stoull(a[0]))); });
  if (name == "shuffle") {
    std::vector<int64_t> x(static_cast<std::size_t>(integer(a[0])));
    std::iota(x.begin(), x.end(), int64_t{0});
    r.shuffle(x);
    return ints_of(x);
  }
  if (name == "sample") return ints_of(r.sample_indices(std::stoull(a[0]), integer(a[1])));
  if (name == "sample_counts") {
    const auto counts = integers(a[1]);
    return ints_of(r.sample_indices_with_counts(counts.size(), counts, integer(a[0])));
  }
  if (name == "choices") return ints_of(r.choices_indices(std::stoull(a[0]), integer(a[1])));
  if (name == "choices_w" || name == "choices_cw") {
    std::vector<double> w = nums(a[1]);
    if (name == "choices_w") std::partial_sum(w.begin(), w.end(), w.begin());  // as accumulate adds floats
    return ints_of(r.choices_indices(w.size(), w, integer(a[0])));
  }
  if (name == "triangular") {
    const std::optional<double> mode = a[2] == "None" ? std::nullopt : std::optional<double>(num(a[2]));
    return repeat(a[3], [&] { return float_val(r.triangular(num(a[0]), num(a[1]), mode)); });
  }
  const std::map<std::string, double (PythonRandom::*)(double, double)> two = {
      {"uniform", &PythonRandom::uniform},
      {"normalvariate", &PythonRandom::normalvariate},
      {"gauss", &PythonRandom::gauss},
      {"lognormvariate", &PythonRandom::lognormvariate},
      {"vonmisesvariate", &PythonRandom::vonmisesvariate},
      {"gammavariate", &PythonRandom::gammavariate},
      {"betavariate", &PythonRandom::betavariate},
      {"weibullvariate", &PythonRandom::weibullvariate}};
  if (two.count(name)) {
    const auto fn = two.at(name);
    return repeat(a[2], [&] { return float_val((r.*fn)(num(a[0]), num(a[1]))); });
  }
  if (name == "expovariate") return repeat(a[1], [&] { return float_val(r.expovariate(num(a[0]))); });
  if (name == "paretovariate") return repeat(a[1], [&] { return float_val(r.paretovariate(num(a[0]))); });
  if (name == "getstate") {
    const PythonRandom::State s = r.getstate();
    std::vector<Val> out = ints_of(std::vector<uint32_t>(s.mt.words.begin(), s.mt.words.end()));
    out.push_back(int_val(s.mt.index));
    out.push_back(s.gauss_next ? float_val(*s.gauss_next) : none_val());
    return out;
  }
  FAIL("unknown py call " << name);
  return {};
}

std::vector<Val> np_call(NumpyRandomState& r, const std::string& name, const std::vector<std::string>& a) {
  if (name == "random_sample" || name == "rand") return repeat(a[0], [&] { return float_val(r.random_sample()); });
  if (name == "standard_normal" || name == "randn") return repeat(a[0], [&] { return float_val(r.standard_normal()); });
  if (name == "normal" || name == "normal_size") return repeat(a[2], [&] { return float_val(r.normal(num(a[0]), num(a[1]))); });
  if (name == "uniform" || name == "uniform_size") return repeat(a[2], [&] { return float_val(r.uniform(num(a[0]), num(a[1]))); });
  if (name == "randint" || name == "randint_size") return repeat(a[2], [&] { return int_val(r.randint(integer(a[0]), integer(a[1]))); });
  if (name == "permutation") return ints_of(r.permutation(integer(a[0])));
  if (name == "shuffle" || name == "shuffle_list") {
    std::vector<int64_t> x(static_cast<std::size_t>(integer(a[0])));
    std::iota(x.begin(), x.end(), int64_t{0});
    r.shuffle(x);
    return ints_of(x);
  }
  if (name == "choice") return repeat(a[1], [&] { return int_val(r.choice(integer(a[0]))); });
  if (name == "choice_noreplace") return ints_of(r.choice_without_replacement(integer(a[0]), integer(a[1])));
  if (name == "get_state") {
    const NumpyRandomState::State s = r.get_state();
    std::vector<Val> out = ints_of(std::vector<uint32_t>(s.mt.words.begin(), s.mt.words.end()));
    out.push_back(int_val(s.mt.index));
    out.push_back(int_val(s.has_gauss ? 1 : 0));
    out.push_back(float_val(s.gauss));
    return out;
  }
  FAIL("unknown np call " << name);
  return {};
}

std::string show(const Val& v) {
  if (!v.is_float) return v.text;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%a", v.f);
  return buf;
}

// "" when equal; else where the first difference is.
std::string compare(const std::vector<Val>& got, const std::vector<std::string>& want) {
  for (std::size_t i = 0; i < std::max(got.size(), want.size()); ++i) {
    if (i >= got.size()) return "missing value " + std::to_string(i) + " (want " + want[i] + ")";
    if (i >= want.size()) return "extra value " + std::to_string(i) + ": " + show(got[i]);
    bool same = false;
    if (got[i].is_float) {
      const double w = num(want[i]);
      same = want[i] != "None" && std::memcmp(&w, &got[i].f, sizeof w) == 0;
    } else {
      same = got[i].text == want[i];
    }
    if (!same) return "value " + std::to_string(i) + ": got " + show(got[i]) + ", want " + want[i];
  }
  return "";
}

void seed_py(PythonRandom& r, const Case& c) {
  if (c.kind == "int") r.seed(integer(c.seed));
  else if (c.kind == "words") r.seed_words(words_of_hex(c.seed));
  else if (c.kind == "float") r.seed(num(c.seed));
  else if (c.kind == "str") r.seed_bytes(bytes_of_hex(c.seed));
  else FAIL("unknown seed kind " << c.kind);
}

void seed_np(NumpyRandomState& r, const Case& c) {
  if (c.kind == "int") r.seed(integer(c.seed));
  else if (c.kind == "array") r.seed_array(integers(c.seed));
  else FAIL("unknown seed kind " << c.kind);
}

std::string hex_of(const std::array<uint8_t, 64>& d) {
  std::string s;
  char buf[3];
  for (uint8_t b : d) {
    std::snprintf(buf, sizeof buf, "%02x", b);
    s += buf;
  }
  return s;
}

template <class F>
std::string error_of(F f) {
  try {
    f();
  } catch (const initlab::Error& e) {
    return std::string(kind_name(e.kind())) + ": " + e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_SUITE("python random") {

TEST_CASE("the fixture file holds what the test expects") {
  const File& f = fixture();
  CHECK(f.sha.size() >= 5);
  CHECK(f.hashes.size() >= 10);
  CHECK(f.cases.size() >= 40);
}

TEST_CASE("sha512 of the fixture's inputs is hashlib's digest") {
  for (const auto& entry : fixture().sha) {
    const std::string& input = entry.first;  // (not a structured binding: INFO captures it)
    INFO("input " << input.substr(0, 40));
    CHECK(hex_of(sha512(bytes_of_hex(input))) == entry.second);
  }
}

TEST_CASE("hash(float) is CPython's") {
  for (const auto& entry : fixture().hashes) {
    const auto& x = entry.first;
    INFO("hash(" << x << ")");
    CHECK(std::to_string(python_float_hash(num(x))) == entry.second);
  }
}

TEST_CASE("every case draws CPython's and numpy's values, bit for bit") {
  for (const Case& c : fixture().cases) {
    INFO("case at line " << c.line << ": " << c.engine << " " << c.kind << " " << c.seed.substr(0, 40));
    PythonRandom py(0);
    NumpyRandomState np(0);
    if (c.engine == "py") seed_py(py, c);
    else seed_np(np, c);
    for (const Call& call : c.calls) {
      INFO("call at line " << call.line << ": " << call.text);
      const std::vector<std::string> w = split(call.text, ' ');
      const std::vector<std::string> args(w.begin() + 1, w.end());
      const std::vector<Val> got = c.engine == "py" ? py_call(py, w[0], args) : np_call(np, w[0], args);
      CHECK(compare(got, call.expect) == "");
    }
  }
}

TEST_CASE("a mismatch is reported: the comparison can fail") {
  CHECK(compare({float_val(0.5)}, {"0x1p-1"}) == "");
  CHECK(compare({float_val(0.5)}, {"0x1.0000000000001p-1"}) != "");
  CHECK(compare({int_val(3)}, {"4"}) != "");
  CHECK(compare({int_val(3)}, {"3", "4"}) != "");
}

TEST_CASE("setstate(getstate()) replays the stream, gauss cache included") {
  PythonRandom r(1234);
  r.gauss(0.0, 1.0);  // leaves a cached value
  const PythonRandom::State s = r.getstate();
  REQUIRE(s.gauss_next.has_value());
  const double a = r.gauss(0.0, 1.0), b = r.random();
  r.random();
  r.setstate(s);
  CHECK(r.gauss(0.0, 1.0) == a);
  CHECK(r.random() == b);
  PythonRandom::State bad = s;
  bad.mt.index = 625;
  CHECK(error_of([&] { r.setstate(bad); }) == "ValueError: invalid state");

  NumpyRandomState n(7);
  n.standard_normal();
  const NumpyRandomState::State ns = n.get_state();
  CHECK(ns.has_gauss);
  const double c = n.standard_normal(), d = n.random_sample();
  n.set_state(ns);
  CHECK(n.standard_normal() == c);
  CHECK(n.random_sample() == d);
}

TEST_CASE("seeding resets the cached normal; seeds of equal value seed alike") {
  PythonRandom r(5), fresh(5);
  r.gauss(0.0, 1.0);
  r.seed(int64_t{5});
  CHECK(r.gauss(0.0, 1.0) == fresh.gauss(0.0, 1.0));
  PythonRandom i(3), f(0);
  f.seed(3.0);  // hash(3.0) == 3
  CHECK(i.random() == f.random());
  PythonRandom neg(-7), pos(7);  // CPython seeds with |a|
  CHECK(neg.random() == pos.random());
  PythonRandom big(0), small(5);
  big.seed_words({5, 0, 0});  // leading zero words are not significant
  CHECK(big.random() == small.random());

  NumpyRandomState n(9);
  n.standard_normal();
  n.seed(9);
  NumpyRandomState m(9);
  CHECK(n.standard_normal() == m.standard_normal());
}

TEST_CASE("errors carry CPython's and numpy's classes and words") {
  PythonRandom r(1);
  CHECK(error_of([&] { r.randrange(3, 3); }) == "ValueError: empty range for randrange() (3, 3, 0)");
  CHECK(error_of([&] { r.randrange(0); }) == "ValueError: empty range for randrange()");
  CHECK(error_of([&] { r.randrange(5, 1, 0); }) == "ValueError: zero step for randrange()");
  CHECK(error_of([&] { r.randrange(5, 1, 2); }) == "ValueError: empty range for randrange()");
  CHECK(error_of([&] { r.randint(3, 1); }) == "ValueError: empty range for randrange() (3, 2, -1)");
  CHECK(error_of([&] { r.randrange(INT64_MAX, INT64_MIN, 1); }) ==
        "ValueError: empty range for randrange() (9223372036854775807, -9223372036854775808, -18446744073709551615)");
  CHECK(error_of([&] { r.getrandbits(-1); }) == "ValueError: number of bits must be non-negative");
  CHECK(error_of([&] { r.getrandbits(65); }).rfind("NotImplementedError: not supported in initlab", 0) == 0);
  CHECK(error_of([&] { r.choice_index(0); }) == "IndexError: Cannot choose from an empty sequence");
  CHECK(error_of([&] { r.sample_indices(2, 3); }) == "ValueError: Sample larger than population or is negative");
  CHECK(error_of([&] { r.sample_indices(2, -1); }) == "ValueError: Sample larger than population or is negative");
  CHECK(error_of([&] { r.sample_indices_with_counts(3, {1, 1}, 1); }) ==
        "ValueError: The number of counts does not match the population");
  CHECK(error_of([&] { r.sample_indices_with_counts(3, {0, 0, 0}, 1); }) == "ValueError: Total of counts must be greater than zero");
  CHECK(error_of([&] { r.choices_indices(2, {1.0}, 1); }) == "ValueError: The number of weights does not match the population");
  CHECK(error_of([&] { r.choices_indices(2, {0.0, 0.0}, 1); }) == "ValueError: Total of weights must be greater than zero");
  CHECK(error_of([&] { r.choices_indices(2, {1.0, std::numeric_limits<double>::infinity()}, 1); }) == "ValueError: Total of weights must be finite");
  CHECK(error_of([&] { r.expovariate(0.0); }) == "ZeroDivisionError: float division by zero");
  CHECK(error_of([&] { r.paretovariate(0.0); }) == "ZeroDivisionError: float division by zero");
  CHECK(error_of([&] { r.weibullvariate(1.0, 0.0); }) == "ZeroDivisionError: float division by zero");
  CHECK(error_of([&] { r.gammavariate(0.0, 1.0); }) == "ValueError: gammavariate: alpha and beta must be > 0.0");
  CHECK(error_of([&] { r.lognormvariate(1000.0, 1.0); }) == "OverflowError: math range error");
  CHECK(r.triangular(3.0, 3.0, 3.0) == 3.0);  // CPython catches the division by zero

  NumpyRandomState n(0);
  CHECK(error_of([&] { n.seed(int64_t{1} << 32); }) == "ValueError: Seed must be between 0 and 2**32 - 1");
  CHECK(error_of([&] { n.seed(-1); }) == "ValueError: Seed must be between 0 and 2**32 - 1");
  CHECK(error_of([&] { n.seed_array({}); }) == "ValueError: Seed must be non-empty");
  CHECK(error_of([&] { n.seed_array({1, int64_t{1} << 32}); }) == "ValueError: Seed must be between 0 and 2**32 - 1");
  CHECK(error_of([&] { n.randint(3, 3); }) == "ValueError: low >= high");
  CHECK(error_of([&] { n.normal(0.0, -1.0); }) == "ValueError: scale < 0");
  CHECK(error_of([&] { n.uniform(-1e308, 1e308); }) == "OverflowError: Range exceeds valid bounds");
  CHECK(error_of([&] { n.choice(0); }) == "ValueError: a must be greater than 0 unless no samples are taken");
  CHECK(error_of([&] { n.choice_without_replacement(3, 5); }) ==
        "ValueError: Cannot take a larger sample than population when 'replace=False'");
  CHECK(n.choice_without_replacement(0, 0).empty());
  CHECK(n.permutation(-1).empty());
}

}  // TEST_SUITE
