// The real-model corpus (tests/corpus/): the reader of corpus_fixtures.txt, which
// tests/corpus/make_corpus_fixtures.py writes from PyTorch (format in that script's header), and the
// check of one corpus file against it. tests/corpus_test.cpp (the doctest suite that fails on a
// regression) and tests/corpus/corpus_report.cpp (the report of every file) share it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace corpus {

struct Tensor {
  std::string name;              // state_dict key; "output" for the output
  std::vector<int64_t> shape;
  std::string dtype;             // f32, f64, i64 or b8
  uint64_t fnv = 0;              // FNV-1a 64 of the raw bytes (state entries)
  bool forward = false;          // values computed by forward passes: compared by value, not hash
  std::vector<uint64_t> values;  // bit patterns, every element (forward entries and the output)
};

struct File {
  std::string name;  // "01_mnist_net.py"
  std::vector<Tensor> state;
  Tensor output;
  int line = 0;      // where its block starts in the fixture file
};

// Throws std::runtime_error naming the line on malformed input.
std::vector<File> parse(const std::string& text);

// MATCHING.txt: one file name per line; blank lines and `#` comments ignored.
std::vector<std::string> parse_list(const std::string& text);

enum class Outcome { match, mismatch, error };

struct Result {
  Outcome outcome = Outcome::error;
  // mismatch: the first difference ("state conv1.weight: ..." or "output: ..."); error: "Kind: message".
  std::string detail;
  std::string kind, message;  // of an error
  int line = 0, column = 0;   // of an error (0: no place)
  double ms = 0;              // initlab's run() wall time
};

// torch.testing.assert_close's default float32 tolerances.
constexpr double kRtol = 1.3e-6;
constexpr double kAtol = 1e-5;

// Whether `actual` passes assert_close's rule against `expected` (NaN never does; infinities must
// be equal).
bool close(double actual, double expected);

// Runs `source` in initlab as a corpus file runs (seed 0; state_dict of `model`; the output of the
// script's last call of `model`) and compares the run with the fixture.
Result check(const File& expected, const std::string& source);

// What a failure is grouped under when ranking blockers. An error: its kind and message, with the
// file's own shapes ("2x48", "[2, 3]") replaced by placeholders; the names in messages stay, since
// a missing module or attribute is a blocker of its own. A mismatch: what differs (state_dict values,
// names, shape, dtype; output values, shape, ...), not which tensor.
std::string blocker(const Result& r);

}  // namespace corpus
