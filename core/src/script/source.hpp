// Source text and the diagnostics that point into it: line, column, the source line and a
// caret, with Python's exception class. Every error the script layer raises is a ScriptError.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace initlab::script {

struct Location {
  int line = 0;    // 1-based; 0 = unknown
  int column = 0;  // 1-based
  int file = 0;    // 0: the user's script; else a library module (library.hpp's file ids)
};

class Source {
 public:
  // file: 0 for the user's script, a library file id for library modules (library.hpp).
  explicit Source(std::string text, int file = 0);
  const std::string& text() const { return text_; }
  int file() const { return file_; }
  // The text of line n (1-based), without its newline; "" when out of range.
  std::string line(int n) const;
  int line_count() const { return static_cast<int>(starts_.size()); }

 private:
  std::string text_;
  std::vector<std::size_t> starts_;
  int file_ = 0;
};

struct Frame {
  std::string function;  // "<module>", "forward", "CNN.forward"
  Location where;        // where.file != 0: a frame in a library module
};

struct Object;

class ScriptError : public std::exception {
 public:
  ScriptError(std::string kind, std::string message, Location where)
      : kind_(std::move(kind)), message_(std::move(message)), where_(where) {}
  const char* what() const noexcept override { return message_.c_str(); }
  const std::string& kind() const { return kind_; }
  const std::string& message() const { return message_; }
  Location where() const { return where_; }
  // Where in the user's script: where() itself, or for an error inside a library module the
  // innermost user line of the call chain (the call into the library).
  Location user_where() const;
  // The user-code call chain, outermost first (filled in as the error unwinds).
  std::vector<Frame>& traceback() { return traceback_; }
  const std::vector<Frame>& traceback() const { return traceback_; }
  // Python's one-line form: "NameError: name 'nn' is not defined".
  std::string headline() const { return kind_ + ": " + message_; }
  // The full report: "line 3, column 5: NameError: ...", the source line, a caret, and the
  // call chain.
  std::string format(const Source& source) const;
  // The exception object a script raised or caught (null for one raised natively until a
  // handler asks for it).
  std::shared_ptr<Object> exception;

 private:
  std::string kind_, message_;
  Location where_;
  std::vector<Frame> traceback_;
};

[[noreturn]] inline void fail(const std::string& kind, const std::string& message, Location at) {
  throw ScriptError(kind, message, at);
}

}  // namespace initlab::script
