// Python's text for values, so reprs and messages read exactly as PyTorch's do.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace initlab::py {

// repr(float): the shortest text that round-trips ("0.1", "1e-05", "1.0", "inf", "nan").
std::string repr(double v);
std::string repr(int64_t v);
inline std::string repr(int v) { return repr(static_cast<int64_t>(v)); }
inline std::string repr(bool b) { return b ? "True" : "False"; }
// A tuple of ints: "(5, 5)", "(3,)", "()".
std::string tuple(const std::vector<int64_t>& v);

// A number remembered with its Python type, so 1 prints as "1" and 1.0 as "1.0".
struct Number {
  double value = 0.0;
  bool integral = false;
  static Number of(double v) { return {v, false}; }
  static Number of_int(int64_t v) { return {static_cast<double>(v), true}; }
  std::string repr() const;
};

}  // namespace initlab::py
