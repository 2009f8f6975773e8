#include "initlab/error.hpp"
#include "initlab/warnings.hpp"

namespace initlab {

const char* kind_name(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::ValueError: return "ValueError";
    case ErrorKind::TypeError: return "TypeError";
    case ErrorKind::RuntimeError: return "RuntimeError";
    case ErrorKind::IndexError: return "IndexError";
    case ErrorKind::ZeroDivisionError: return "ZeroDivisionError";
    case ErrorKind::NotImplementedError: return "NotImplementedError";
    case ErrorKind::OverflowError: return "OverflowError";
    case ErrorKind::LimitError: return "LimitError";
  }
  return "Error";
}

namespace {
thread_local WarningCapture* current_capture = nullptr;
}

WarningCapture::WarningCapture() : previous_(current_capture) { current_capture = this; }
WarningCapture::~WarningCapture() { current_capture = previous_; }

void warn(const std::string& message) {
  if (current_capture != nullptr) current_capture->add(message);
}

}  // namespace initlab
