// Reader for tests/fixtures/lsuv_fixtures.txt: LSUV as plain PyTorch computes it on a few
// nets (format in make_lsuv_fixtures.py's header).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace lsuv_fixture {

struct LsuvLayer {
  std::string path;
  int iterations = 0;
  double std_before = 0, std_after = 0;
  std::vector<float> factors;  // float32 values, written exactly
};

struct LsuvCase {
  std::string name, script, tol;  // tol as the script writes it ("0.1")
  bool ortho = false;
  int max_iter = 0;
  std::vector<LsuvLayer> layers;
  std::map<std::string, uint64_t> state;  // state_dict name -> FNV-1a of its float32 bytes
};

std::vector<LsuvCase> read_cases();

}  // namespace lsuv_fixture
