// Reader for tests/fixtures/forward_fixtures.txt, which tests/fixtures/make_forward_fixtures.py
// records from PyTorch: per run, the model's repr and state_dict, its input, and every module
// and functional op output of one forward pass with its statistics.
#pragma once

#include <string>
#include <vector>

#include "support/fixtures.hpp"

namespace fixtures {

struct Tensorish {
  std::string name;  // state key, or "" for the input/records
  std::vector<int64_t> shape;
  Expect expect;
};

struct RecordStats {
  double mean = 0, std = 0, min = 0, max = 0, zeros = 0;
  int64_t nan = 0, inf = 0;
};

struct ForwardRecord {
  int index = 0;
  bool is_op = false;
  std::string path, type;
  std::vector<int64_t> shape;
  RecordStats stats, stats64;  // PyTorch in float32, and the same model run in float64
  Expect expect, expect64;
};

struct ForwardRun {
  std::string name, cls, mode, repr;
  uint64_t seed = 0;
  std::vector<int64_t> input_shape;
  Expect input;
  std::vector<Tensorish> state_before, state_after;
  std::vector<ForwardRecord> records;
};

const std::vector<ForwardRun>& forward_fixtures();

}  // namespace fixtures
