// What one run (or one Trainer chunk) sets for its duration and must not leak into the next:
// the tensor-memory cap and the source line ops are attributed to.
#pragma once

#include <cstdint>

#include "initlab/nn/module.hpp"
#include "initlab/tensor.hpp"

namespace initlab::script {

struct RunScope {
  int64_t previous_cap = TensorMemory::cap();
  explicit RunScope(int64_t cap) { TensorMemory::set_cap(cap); }
  ~RunScope() {
    TensorMemory::set_cap(previous_cap);
    nn::set_source_line(0);
  }
  RunScope(const RunScope&) = delete;
  RunScope& operator=(const RunScope&) = delete;
};

}  // namespace initlab::script
