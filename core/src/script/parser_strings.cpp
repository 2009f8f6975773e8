// String literals: adjacent literals joined, f-strings split into literal text and fields,
// each field parsed by a parser over its own tokens (the class: parser_impl.hpp).
#include "parser_impl.hpp"

namespace initlab::script::parsing {

ExprPtr Parser::strings() {
  const Location at = peek().where;
  auto f = make(ExprKind::FString, at);
  bool any_f = false;
  std::string plain;
  while (is(Tok::String)) {
    const Token& t = t_[i_++];
    if (t.fstring) {
      any_f = true;
      fstring(t, *f);
    } else {
      FStringPart p;
      p.literal = t.text;
      f->parts.push_back(std::move(p));
    }
  }
  if (!any_f) {
    auto c = make(ExprKind::Const, at);
    std::string s;
    for (const auto& p : f->parts) s += p.literal;
    c->constant = s;
    return c;
  }
  return f;
}

void Parser::fstring(const Token& t, Expr& out) {
  const std::string& body = t.text;
  std::string literal;
  Location lit_at = t.body;
  std::size_t i = 0;
  const auto location_of = [&](std::size_t offset) {
    Location l = t.body;
    for (std::size_t k = 0; k < offset; ++k) {
      if (body[k] == '\n') {
        ++l.line;
        l.column = 1;
      } else {
        ++l.column;
      }
    }
    return l;
  };
  while (i < body.size()) {
    const char c = body[i];
    if (c == '{' && i + 1 < body.size() && body[i + 1] == '{') {
      literal += '{';
      i += 2;
      continue;
    }
    if (c == '}' && i + 1 < body.size() && body[i + 1] == '}') {
      literal += '}';
      i += 2;
      continue;
    }
    if (c == '}') fail("SyntaxError", "f-string: single '}' is not allowed", location_of(i));
    if (c != '{') {
      literal += c;
      ++i;
      continue;
    }
    // A replacement field: {expr[=][!conv][:spec]}
    const std::size_t start = i + 1;
    int depth = 0;
    std::size_t j = start;
    char quote = 0;
    for (; j < body.size(); ++j) {
      const char d = body[j];
      if (quote) {
        if (d == quote) quote = 0;
        continue;
      }
      if (d == '\'' || d == '"') quote = d;
      else if (d == '(' || d == '[' || d == '{') ++depth;
      else if ((d == ')' || d == ']' || d == '}') && depth > 0) --depth;
      else if (depth == 0 && (d == '}' || d == ':' || d == '!')) {
        if (d == '!' && j + 1 < body.size() && body[j + 1] == '=') continue;
        break;
      }
    }
    if (j >= body.size()) fail("SyntaxError", "f-string: expecting '}'", location_of(i));
    std::string expr_text = body.substr(start, j - start);
    FStringPart part;
    part.literal = unescape_string(literal, lit_at);
    literal.clear();
    // f"{x=}": the text, '=', then the value's repr.
    std::string trimmed = expr_text;
    while (!trimmed.empty() && trimmed.back() == ' ') trimmed.pop_back();
    if (!trimmed.empty() && trimmed.back() == '=' && trimmed.size() >= 2 &&
        std::string("=!<>").find(trimmed[trimmed.size() - 2]) == std::string::npos) {
      part.self_documenting = true;
      part.source = expr_text;
      expr_text = trimmed.substr(0, trimmed.size() - 1);
    }
    if (expr_text.find_first_not_of(" \t") == std::string::npos) {
      fail("SyntaxError", "f-string: empty expression not allowed", location_of(i));
    }
    part.expr = sub_expression(expr_text, location_of(start));
    if (body[j] == '!') {
      if (j + 1 >= body.size() || std::string("rsa").find(body[j + 1]) == std::string::npos) {
        fail("SyntaxError", "f-string: invalid conversion character: expected 's', 'r', or 'a'", location_of(j));
      }
      part.conversion = body[j + 1];
      j += 2;
    }
    if (j < body.size() && body[j] == ':') {
      const std::size_t spec_start = j + 1;
      int d = 0;
      for (++j; j < body.size() && !(body[j] == '}' && d == 0); ++j) {
        if (body[j] == '{') ++d;
        if (body[j] == '}') --d;
      }
      part.spec = body.substr(spec_start, j - spec_start);
      if (part.spec.find('{') != std::string::npos) {
        // f"{x:{width}.{prec}f}": the spec is itself an f-string, evaluated before formatting.
        Token spec_token = t;
        spec_token.text = part.spec;
        spec_token.body = location_of(spec_start);
        auto spec = std::make_shared<Expr>();
        spec->kind = ExprKind::FString;
        spec->where = spec_token.body;
        fstring(spec_token, *spec);
        part.spec_expr = std::move(spec);
      }
    }
    if (j >= body.size() || body[j] != '}') fail("SyntaxError", "f-string: expecting '}'", location_of(i));
    i = j + 1;
    lit_at = location_of(i);
    out.parts.push_back(std::move(part));
  }
  if (!literal.empty()) {
    FStringPart tail;
    tail.literal = unescape_string(literal, lit_at);
    out.parts.push_back(std::move(tail));
  }
}

ExprPtr Parser::sub_expression(const std::string& text, Location at) {
  const Source sub("(" + text + ")", at.file);
  std::vector<Token> tokens = tokenize(sub);
  for (Token& tok : tokens) {
    if (tok.where.line == 1) {
      tok.where.column = at.column + tok.where.column - 2;
    } else {
      tok.where.line += at.line - 1;
    }
    tok.where.line = tok.where.line == 1 ? at.line : tok.where.line;
  }
  Parser p(src_, std::move(tokens));
  return p.lone_expression();
}
}  // namespace initlab::script::parsing
