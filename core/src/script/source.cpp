#include "source.hpp"

namespace initlab::script {

Source::Source(std::string text) : text_(std::move(text)) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n' && i + 1 < text_.size()) starts_.push_back(i + 1);
}

std::string Source::line(int n) const {
  if (n < 1 || n > line_count()) return "";
  const std::size_t start = starts_[static_cast<std::size_t>(n - 1)];
  std::size_t end = text_.find('\n', start);
  if (end == std::string::npos) end = text_.size();
  std::string s = text_.substr(start, end - start);
  if (!s.empty() && s.back() == '\r') s.pop_back();
  return s;
}

std::string ScriptError::format(const Source& source) const {
  std::string out;
  if (where_.line > 0) {
    out += "line " + std::to_string(where_.line) + ", column " + std::to_string(where_.column) + ": ";
  }
  out += headline();
  if (where_.line > 0) {
    const std::string text = source.line(where_.line);
    out += "\n    " + text + "\n    ";
    for (int i = 1; i < where_.column && i <= static_cast<int>(text.size()); ++i) {
      out += text[static_cast<std::size_t>(i - 1)] == '\t' ? '\t' : ' ';
    }
    out += "^";
  }
  if (traceback_.size() > 1) {
    out += "\ncall chain:";
    for (const Frame& f : traceback_) {
      out += "\n  line " + std::to_string(f.where.line) + ", in " + f.function + ": " +
             source.line(f.where.line);
    }
  }
  return out;
}

}  // namespace initlab::script
