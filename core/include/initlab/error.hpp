// Errors raised by the core. Each carries the Python exception class a PyTorch user would see
// (ValueError, RuntimeError, ...) so the interpreter and the JS layer can report it as such.
#pragma once

#include <stdexcept>
#include <string>

namespace initlab {

enum class ErrorKind {
  ValueError,
  TypeError,
  RuntimeError,
  IndexError,
  ZeroDivisionError,
  NotImplementedError,
  OverflowError,
  LimitError,  // initlab's own: a run limit (steps, memory, time) was reached
};

const char* kind_name(ErrorKind kind);

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& message)
      : std::runtime_error(message), kind_(kind) {}
  ErrorKind kind() const { return kind_; }

 private:
  ErrorKind kind_;
};

[[noreturn]] inline void raise(ErrorKind kind, const std::string& message) {
  throw Error(kind, message);
}

}  // namespace initlab
