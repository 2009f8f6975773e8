// Warnings (PyTorch's warnings.warn) go to the innermost WarningCapture of this thread, or are
// dropped when there is none. Thread-local for the same reason as c10's WarningHandlerGuard:
// a run collects its own warnings without a global that other runs could see.
#pragma once

#include <string>
#include <vector>

namespace initlab {

void warn(const std::string& message);

class WarningCapture {
 public:
  WarningCapture();
  ~WarningCapture();
  WarningCapture(const WarningCapture&) = delete;
  WarningCapture& operator=(const WarningCapture&) = delete;

  const std::vector<std::string>& messages() const { return messages_; }
  void add(const std::string& message) { messages_.push_back(message); }

 private:
  std::vector<std::string> messages_;
  WarningCapture* previous_;
};

}  // namespace initlab
