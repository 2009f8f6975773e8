// libFuzzer target for the lexer, parser and interpreter: any input must end in a Report,
// with or without an error, within the limits; never a crash, a hang or a sanitizer report.
//   tests/fuzz/run.sh 600      (fuzz for 600 seconds, seeded with the script cases)
#include <cstddef>
#include <cstdint>
#include <string>

#include "initlab/session.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string source(reinterpret_cast<const char*>(data), size);
  initlab::RunOptions options;
  // Small limits keep every input fast; the fuzzer looks for crashes, not for slow scripts.
  options.limits.max_steps = 20000;
  options.limits.max_milliseconds = 2000;
  options.limits.max_tensor_bytes = 64 << 20;
  options.limits.max_list = 1 << 16;
  options.limits.max_string = 1 << 16;
  options.limits.max_output = 1 << 16;
  options.batch = 2;
  const initlab::Report report = initlab::run(source, options);
  (void)report;
  return 0;
}
