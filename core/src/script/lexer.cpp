#include "lexer.hpp"

#include <cctype>
#include <cstdio>
#include <cstring>

namespace initlab::script {

namespace {

bool is_name_start(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool is_name_char(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

// Longest first, so "**=" wins over "**" and "*".
const char* const kOperators[] = {
    "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "<<", ">>", "<=", ">=", "==",
    "!=", "+=", "-=", "*=", "/=", "%=", "@=", "&=", "|=", "^=", "+", "-", "*", "/", "%",
    "@", "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "=",
};

class Lexer {
 public:
  explicit Lexer(const Source& s) : text_(s.text()) {}

  std::vector<Token> run() {
    indents_.push_back({0, 0});
    at_line_start_ = true;
    while (pos_ < text_.size()) {
      if (at_line_start_ && brackets_.empty()) {
        if (!indentation()) continue;  // a blank or comment-only line
      }
      const char c = text_[pos_];
      if (c == '\n') {
        newline();
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\f' || c == '\r') {
        advance();
        continue;
      }
      if (c == '#') {
        while (pos_ < text_.size() && text_[pos_] != '\n') advance();
        continue;
      }
      if (c == '\\') {
        const Location at = here();
        advance();
        if (pos_ < text_.size() && text_[pos_] == '\r') advance();
        if (pos_ >= text_.size() || text_[pos_] != '\n') {
          fail("SyntaxError", "unexpected character after line continuation character", at);
        }
        advance();  // the newline is joined away
        continue;
      }
      token();
    }
    if (!brackets_.empty()) {
      const auto& b = brackets_.back();
      fail("SyntaxError", std::string("'") + b.first + "' was never closed", b.second);
    }
    if (!tokens_.empty() && tokens_.back().kind != Tok::Newline) emit(Tok::Newline, "", here());
    while (indents_.size() > 1) {
      indents_.pop_back();
      emit(Tok::Dedent, "", here());
    }
    emit(Tok::End, "", here());
    return std::move(tokens_);
  }

 private:
  Location here() const { return {line_, col_}; }

  void advance() {
    if (text_[pos_] == '\n') {
      ++line_;
      col_ = 1;
    } else if ((static_cast<unsigned char>(text_[pos_]) & 0xC0) != 0x80) {
      ++col_;  // count characters, not UTF-8 continuation bytes
    }
    ++pos_;
  }

  void emit(Tok kind, std::string text, Location at) {
    tokens_.push_back(Token{kind, std::move(text), at, false, {}});
  }

  void newline() {
    if (brackets_.empty() && !tokens_.empty() && tokens_.back().kind != Tok::Newline &&
        tokens_.back().kind != Tok::Indent && tokens_.back().kind != Tok::Dedent) {
      emit(Tok::Newline, "", here());
    }
    advance();
    // Inside brackets a newline only joins lines: indentation is not measured there.
    at_line_start_ = brackets_.empty();
  }

  // Measures the indentation of a new logical line; false for blank/comment-only lines.
  bool indentation() {
    int col = 0, alt = 0;
    std::size_t p = pos_;
    const Location start = here();
    while (p < text_.size() && (text_[p] == ' ' || text_[p] == '\t' || text_[p] == '\f')) {
      if (text_[p] == ' ') {
        ++col;
        ++alt;
      } else if (text_[p] == '\t') {
        col = (col / 8 + 1) * 8;  // Python's tab stops
        ++alt;                    // and the "tab = 1 space" reading used to detect mixing
      } else {
        col = alt = 0;
      }
      ++p;
    }
    if (p >= text_.size() || text_[p] == '\n' || text_[p] == '#' || text_[p] == '\r') {
      while (pos_ < p) advance();
      while (pos_ < text_.size() && text_[pos_] != '\n') advance();
      if (pos_ < text_.size()) advance();
      return false;
    }
    while (pos_ < p) advance();
    at_line_start_ = false;
    const Location at{start.line, col_};
    auto top = indents_.back();
    const auto tab_error = [&] {
      fail("TabError", "inconsistent use of tabs and spaces in indentation", at);
    };
    if (col == top.first) {
      if (alt != top.second) tab_error();
    } else if (col > top.first) {
      if (alt <= top.second) tab_error();
      indents_.push_back({col, alt});
      emit(Tok::Indent, "", at);
    } else {
      while (indents_.size() > 1 && col < indents_.back().first) {
        indents_.pop_back();
        emit(Tok::Dedent, "", at);
      }
      if (col != indents_.back().first) {
        fail("IndentationError", "unindent does not match any outer indentation level", at);
      }
      if (alt != indents_.back().second) tab_error();
    }
    return true;
  }

  void token() {
    const Location at = here();
    const auto c = static_cast<unsigned char>(text_[pos_]);
    if (is_name_start(c)) {
      const std::size_t start = pos_;
      while (pos_ < text_.size() && is_name_char(static_cast<unsigned char>(text_[pos_]))) advance();
      std::string word = text_.substr(start, pos_ - start);
      // String prefixes: r, f, rf, fr, u, b (any case).
      if (pos_ < text_.size() && (text_[pos_] == '\'' || text_[pos_] == '"') && word.size() <= 2) {
        std::string lower;
        for (char ch : word) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (lower == "r" || lower == "f" || lower == "rf" || lower == "fr" || lower == "u" || lower == "b" ||
            lower == "br" || lower == "rb") {
          if (lower.find('b') != std::string::npos) {
            fail("NotImplementedError", "not supported in initlab: bytes literals", at);
          }
          string(at, lower.find('r') != std::string::npos, lower.find('f') != std::string::npos);
          return;
        }
      }
      emit(Tok::Name, std::move(word), at);
      return;
    }
    if (std::isdigit(c) || (c == '.' && pos_ + 1 < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_ + 1])))) {
      number(at);
      return;
    }
    if (c == '\'' || c == '"') {
      string(at, false, false);
      return;
    }
    for (const char* op : kOperators) {
      const std::string o(op);
      if (text_.compare(pos_, o.size(), o) == 0) {
        for (std::size_t i = 0; i < o.size(); ++i) advance();
        brackets(o, at);
        emit(Tok::Op, o, at);
        return;
      }
    }
    if (c >= 0x80) {
      fail("SyntaxError", "invalid character in identifier", at);
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "invalid character '%c' (U+%04X)", c, c);
    fail("SyntaxError", c == '$' || c == '?' || c == '!' || c == '`' ? "invalid syntax" : buf, at);
  }

  void brackets(const std::string& o, Location at) {
    if (o == "(" || o == "[" || o == "{") {
      brackets_.push_back({o[0], at});
    } else if (o == ")" || o == "]" || o == "}") {
      if (brackets_.empty()) fail("SyntaxError", "unmatched '" + o + "'", at);
      const char open = brackets_.back().first;
      const char want = open == '(' ? ')' : open == '[' ? ']' : '}';
      if (o[0] != want) {
        fail("SyntaxError", "closing parenthesis '" + o + "' does not match opening parenthesis '" +
                                std::string(1, open) + "'",
             at);
      }
      brackets_.pop_back();
    }
  }

  void number(Location at) {
    const std::size_t start = pos_;
    bool is_float = false;
    auto digits = [&](auto pred) {
      while (pos_ < text_.size() && (pred(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_')) advance();
    };
    if (text_[pos_] == '0' && pos_ + 1 < text_.size() && std::strchr("xXoObB", text_[pos_ + 1]) != nullptr) {
      advance();
      advance();
      digits([](unsigned char ch) { return std::isxdigit(ch) != 0; });
    } else {
      digits([](unsigned char ch) { return std::isdigit(ch) != 0; });
      if (pos_ < text_.size() && text_[pos_] == '.') {
        is_float = true;
        advance();
        digits([](unsigned char ch) { return std::isdigit(ch) != 0; });
      }
      if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
        const std::size_t save = pos_;
        const Location save_at = here();
        advance();
        if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) advance();
        if (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) {
          is_float = true;
          digits([](unsigned char ch) { return std::isdigit(ch) != 0; });
        } else {
          pos_ = save;  // not an exponent after all
          line_ = save_at.line;
          col_ = save_at.column;
        }
      }
    }
    if (pos_ < text_.size() && (text_[pos_] == 'j' || text_[pos_] == 'J')) {
      fail("NotImplementedError", "not supported in initlab: complex numbers", at);
    }
    if (pos_ < text_.size() && is_name_start(static_cast<unsigned char>(text_[pos_]))) {
      fail("SyntaxError", "invalid decimal literal", at);
    }
    std::string s;
    for (std::size_t i = start; i < pos_; ++i)
      if (text_[i] != '_') s += text_[i];
    emit(is_float ? Tok::Float : Tok::Int, s, at);
  }

  void string(Location at, bool raw, bool fstring) {
    const char q = text_[pos_];
    const bool triple = text_.compare(pos_, 3, std::string(3, q)) == 0;
    const std::size_t quote_len = triple ? 3 : 1;
    for (std::size_t i = 0; i < quote_len; ++i) advance();
    const Location body = here();
    std::string raw_body;
    for (;;) {
      if (pos_ >= text_.size() || (!triple && text_[pos_] == '\n')) {
        fail("SyntaxError", std::string(triple ? "unterminated triple-quoted string literal"
                                               : "unterminated string literal") +
                                " (detected at line " + std::to_string(line_) + ")",
             at);
      }
      if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) {
        raw_body += text_[pos_];
        advance();
        raw_body += text_[pos_];
        advance();
        continue;
      }
      if (text_.compare(pos_, quote_len, std::string(quote_len, q)) == 0) {
        for (std::size_t i = 0; i < quote_len; ++i) advance();
        break;
      }
      raw_body += text_[pos_];
      advance();
    }
    Token t{Tok::String, raw || fstring ? raw_body : unescape(raw_body, at), at, fstring, body};
    if (fstring && !raw) t.text = raw_body;  // the parser splits it, then unescapes the pieces
    // Adjacent literals concatenate ("a" "b"), as in Python.
    if (!tokens_.empty() && tokens_.back().kind == Tok::String && !tokens_.back().fstring && !fstring) {
      tokens_.back().text += t.text;
      return;
    }
    tokens_.push_back(std::move(t));
  }

 public:
  static std::string unescape(const std::string& s, Location at) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] != '\\' || i + 1 >= s.size()) {
        out += s[i];
        continue;
      }
      const char e = s[++i];
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case '0': out += '\0'; break;
        case '\\': out += '\\'; break;
        case '\'': out += '\''; break;
        case '"': out += '"'; break;
        case '\n': break;  // an escaped newline joins the lines
        case 'x': {
          if (i + 2 >= s.size() + 0 || !std::isxdigit(static_cast<unsigned char>(s[i + 1])) ||
              !std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
            fail("SyntaxError", "(unicode error) truncated \\xXX escape", at);
          }
          out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
          i += 2;
          break;
        }
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'v': out += '\v'; break;
        case 'u':
        case 'U': {
          // \uXXXX and \UXXXXXXXX: the code point, as UTF-8 (initlab's strings are UTF-8 bytes).
          const std::size_t n = e == 'u' ? 4 : 8;
          for (std::size_t k = 1; k <= n; ++k) {
            if (i + k >= s.size() || !std::isxdigit(static_cast<unsigned char>(s[i + k]))) {
              fail("SyntaxError", std::string("(unicode error) truncated \\") + (e == 'u' ? "uXXXX" : "UXXXXXXXX") + " escape", at);
            }
          }
          const auto cp = static_cast<uint32_t>(std::stoul(s.substr(i + 1, n), nullptr, 16));
          if (cp > 0x10FFFF) fail("SyntaxError", "(unicode error) illegal Unicode character", at);
          if (cp < 0x80) {
            out += static_cast<char>(cp);
          } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
          } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
          } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
          }
          i += n;
          break;
        }
        default:
          out += '\\';
          out += e;  // unknown escapes stay as written, as in Python
      }
    }
    return out;
  }

 private:
  const std::string& text_;
  std::size_t pos_ = 0;
  int line_ = 1, col_ = 1;
  bool at_line_start_ = true;
  std::vector<std::pair<int, int>> indents_;  // (column with tab stops of 8, column with tab = 1)
  std::vector<std::pair<char, Location>> brackets_;
  std::vector<Token> tokens_;
};

}  // namespace

std::vector<Token> tokenize(const Source& source) {
  std::vector<Token> tokens = Lexer(source).run();
  if (source.file() != 0) {
    for (Token& t : tokens) t.where.file = t.body.file = source.file();
  }
  return tokens;
}

std::string unescape_string(const std::string& s, Location at) { return Lexer::unescape(s, at); }

}  // namespace initlab::script
