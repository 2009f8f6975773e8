#include "source.hpp"

#include "library.hpp"

namespace initlab::script {

Source::Source(std::string text, int file) : text_(std::move(text)), file_(file) {
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

Location ScriptError::user_where() const {
  if (where_.file == 0) return where_;
  for (auto it = traceback_.rbegin(); it != traceback_.rend(); ++it)
    if (it->where.file == 0 && it->where.line > 0) return it->where;
  return Location{};
}

std::string ScriptError::format(const Source& source) const {
  std::string out;
  const Location at = user_where();
  if (at.line > 0) {
    out += "line " + std::to_string(at.line) + ", column " + std::to_string(at.column) + ": ";
  }
  out += headline();
  if (at.line > 0) {
    const std::string text = source.line(at.line);
    out += "\n    " + text + "\n    ";
    for (int i = 1; i < at.column && i <= static_cast<int>(text.size()); ++i) {
      out += text[static_cast<std::size_t>(i - 1)] == '\t' ? '\t' : ' ';
    }
    out += "^";
  }
  if (traceback_.size() > 1) {
    out += "\ncall chain:";
    for (const Frame& f : traceback_) {
      if (f.where.file != 0) {
        // A library frame: its file under core/lib and its own line.
        const LibraryModule* lib = library_file(f.where.file);
        out += "\n  " + std::string(lib ? lib->path : "?") + " line " + std::to_string(f.where.line) + ", in " +
               f.function + ": " + (lib ? lib->source->line(f.where.line) : std::string());
        continue;
      }
      out += "\n  line " + std::to_string(f.where.line) + ", in " + f.function + ": " +
             source.line(f.where.line);
    }
  }
  return out;
}

}  // namespace initlab::script
