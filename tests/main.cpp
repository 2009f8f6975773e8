// The doctest main shared by the native and the wasm test binaries. It first hands the digits
// data set to the core, as every caller of initlab::datasets must (datasets.hpp); under Node the
// wasm binary reads the same file through NODERAWFS.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "initlab/datasets.hpp"

int main(int argc, char** argv) {
  std::ifstream in(std::string(INITLAB_DATA_DIR) + "/digits.bin", std::ios::binary);
  const std::vector<unsigned char> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (!bytes.empty()) initlab::datasets::provide_digits(bytes.data(), bytes.size());
  return doctest::Context(argc, argv).run();
}
