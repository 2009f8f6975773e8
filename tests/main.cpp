// The doctest main shared by the native and the wasm test binaries. It first hands the digits
// and words data sets to the core, as every caller of initlab::datasets must (datasets.hpp); under Node the
// wasm binary reads the same file through NODERAWFS.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "initlab/datasets.hpp"

namespace {

std::vector<unsigned char> read_data(const char* name) {
  std::ifstream in(std::string(INITLAB_DATA_DIR) + "/" + name, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<unsigned char> digits = read_data("digits.bin");
  if (!digits.empty()) initlab::datasets::provide_digits(digits.data(), digits.size());
  const std::vector<unsigned char> words = read_data("words.txt");
  if (!words.empty()) initlab::datasets::provide_words(words.data(), words.size());
  return doctest::Context(argc, argv).run();
}
