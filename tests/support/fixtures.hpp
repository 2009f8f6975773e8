// Reader for tests/fixtures/init_fixtures.txt, the golden values that
// tests/fixtures/make_init_fixtures.py draws from PyTorch (format in that script's header).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "initlab/init_registry.hpp"
#include "initlab/shape.hpp"

namespace fixtures {

struct Call {
  std::string fn;
  bool has_shape = false;
  initlab::Shape shape;
  std::vector<initlab::init::Kwarg> kwargs;
  int line = 0;
};

struct Expect {
  std::string dtype;  // f32, f64 or i64
  int64_t n = 0;
  uint64_t fnv = 0;
  int64_t stride = 1;
  std::vector<uint64_t> values;  // bit patterns at 0, stride, 2*stride, ...
};

struct Step {
  Call call;
  Expect expect;
};

struct Case {
  std::string name;
  uint64_t seed = 0;  // negative seeds as two's complement, as torch.manual_seed takes them
  std::vector<Step> steps;
};

struct Gain {
  std::string nonlinearity;
  initlab::init::Arg param;
  double expected;
};

struct Fans {
  initlab::Shape shape;
  int64_t fan_in, fan_out;
};

struct Raise {
  Call call;
  bool is_warning = false;
  std::string kind;  // exception class; empty for warnings
  std::string message;
};

struct File {
  std::vector<Case> cases;
  std::vector<Gain> gains;
  std::vector<Fans> fans;
  std::vector<Raise> raises;
};

// Parsed once and cached; throws std::runtime_error with the line on malformed input.
const File& init_fixtures();
File parse(const std::string& text);

// Parses "kaiming_uniform_ shape=3x4 a=0.1 mode=fan_out" (the text after `call`).
Call parse_call(const std::string& text, int line);

// The fields of an `expect dtype=.. n=.. fnv=.. stride=..` line (the text after `expect`), and
// the hex bit patterns of a `v ...` line (after `v`), as every fixture file writes them.
void parse_expect(const std::string& rest, Expect& e);
void parse_values(const std::string& rest, Expect& e);

// A one-line text as fixture_format.one_line wrote it: backslash-n back to a newline, a doubled
// backslash back to one.
std::string unescape(const std::string& s);

// A whole file's bytes ("" if it cannot be read).
std::string read_file(const std::string& path);

// FNV-1a 64 over raw bytes, as the generator script hashes whole results.
uint64_t fnv1a(const void* data, std::size_t bytes);

// Compares an actual result with an expectation; returns "" when equal, else what differs.
// tolerance 0 means bit-exact (hash and every sampled value); > 0 compares the sampled values
// within that absolute tolerance (for the QR-based initializers).
std::string compare_f32(const std::vector<float>& actual, const Expect& e, double tolerance);
std::string compare_bits(const std::vector<uint64_t>& actual_bits, const void* raw,
                         std::size_t raw_bytes, const Expect& e);

}  // namespace fixtures
