// The limits of one script run: no input can hang or exhaust the page; every limit is a run
// option, and passing it raises LimitError with the limit's name.
#pragma once

#include <cstdint>

namespace initlab {

struct Limits {
  int64_t max_steps = 5'000'000;           // statements, loop iterations and calls
  int64_t max_milliseconds = 10'000;       // wall-clock time of one run
  int max_depth = 100;                     // nested calls of script functions (recursion)
  int64_t max_string = 1 << 20;            // characters in one string
  int64_t max_list = 1 << 22;              // items in one list, tuple or dict
  int64_t max_tensor_bytes = 512ll << 20;  // bytes of all tensors alive at once
  int64_t max_output = 1 << 20;            // characters printed by one run
};

}  // namespace initlab
