// Expressions, from the loosest binding (test, lambda) to atoms, comprehensions and
// displays (the class: parser_impl.hpp).
#include "parser_impl.hpp"

namespace initlab::script::parsing {

ExprPtr Parser::test_list_star() {
  const Location at = peek().where;
  ExprPtr first = at_op("*") ? star_expr() : test();
  if (!at_op(",")) return first;
  auto t = make(ExprKind::Tuple, at);
  t->items.push_back(std::move(first));
  while (accept_op(",")) {
    if (ends_expression_list()) break;
    t->items.push_back(at_op("*") ? star_expr() : test());
  }
  return t;
}

bool Parser::ends_expression_list() const {
  return is(Tok::Newline) || is(Tok::End) || at_op("=") || at_op(")") || at_op(";") ||
         at_op(":") || at_op("]") || at_op("}") ||
         (peek().kind == Tok::Op && peek().text.size() >= 2 && peek().text.back() == '=' &&
          peek().text != "==" && peek().text != "<=" && peek().text != ">=" && peek().text != "!=");
}

ExprPtr Parser::star_expr() {
  auto e = make(ExprKind::Starred, peek().where);
  expect_op("*");
  e->a = or_expr();
  return e;
}

ExprPtr Parser::named_test() {
  ExprPtr e = test();
  if (at_op(":=")) {
    if (e->kind != ExprKind::Name) {
      fail("SyntaxError", "cannot use assignment expressions with " + describe(*e), e->where);
    }
    auto n = make(ExprKind::NamedExpr, peek().where);
    ++i_;
    n->a = std::move(e);
    n->b = test();
    return n;
  }
  return e;
}

ExprPtr Parser::test() {
  Nest nest(*this);
  if (at_kw("lambda")) return lambda();
  const Location at = peek().where;
  ExprPtr body = or_test();
  if (at_kw("if") ) {
    ++i_;
    auto e = make(ExprKind::IfExp, at);
    e->b = or_test();
    if (!accept_kw("else")) fail("SyntaxError", "expected 'else' after 'if' expression", peek().where);
    e->c = test();
    e->a = std::move(body);
    return e;
  }
  return body;
}

ExprPtr Parser::lambda() {
  auto e = make(ExprKind::Lambda, peek().where);
  ++i_;
  e->params = parameters(":");
  expect_op(":");
  const int outer_yields = yields_;
  e->a = test();
  if (yields_ != outer_yields) unsupported("yield inside a lambda", e->where);
  return e;
}

ExprPtr Parser::or_test() {
  const Location at = peek().where;
  ExprPtr first = and_test();
  if (!at_kw("or")) return first;
  auto e = make(ExprKind::BoolOp, at);
  e->name = "or";
  e->items.push_back(std::move(first));
  while (accept_kw("or")) e->items.push_back(and_test());
  return e;
}

ExprPtr Parser::and_test() {
  const Location at = peek().where;
  ExprPtr first = not_test();
  if (!at_kw("and")) return first;
  auto e = make(ExprKind::BoolOp, at);
  e->name = "and";
  e->items.push_back(std::move(first));
  while (accept_kw("and")) e->items.push_back(not_test());
  return e;
}

ExprPtr Parser::not_test() {
  if (at_kw("not")) {
    auto e = make(ExprKind::UnaryOp, peek().where);
    ++i_;
    e->name = "not";
    e->a = not_test();
    return e;
  }
  return comparison();
}

ExprPtr Parser::comparison() {
  const Location at = peek().where;
  ExprPtr first = or_expr();
  std::vector<std::string> ops;
  std::vector<ExprPtr> rest;
  for (;;) {
    std::string op;
    if (peek().kind == Tok::Op && (peek().text == "<" || peek().text == ">" || peek().text == "==" ||
                                   peek().text == ">=" || peek().text == "<=" || peek().text == "!=")) {
      op = t_[i_++].text;
    } else if (at_kw("in")) {
      ++i_;
      op = "in";
    } else if (at_kw("not") && peek(1).kind == Tok::Name && peek(1).text == "in") {
      i_ += 2;
      op = "not in";
    } else if (at_kw("is")) {
      ++i_;
      op = accept_kw("not") ? "is not" : "is";
    } else {
      break;
    }
    ops.push_back(op);
    rest.push_back(or_expr());
  }
  if (ops.empty()) return first;
  auto e = make(ExprKind::Compare, at);
  e->items.push_back(std::move(first));
  for (auto& r : rest) e->items.push_back(std::move(r));
  e->ops = std::move(ops);
  return e;
}

ExprPtr Parser::binary(ExprPtr (Parser::*next)(), std::initializer_list<const char*> ops) {
  ExprPtr left = (this->*next)();
  for (int chain = 0;; ++chain) {
    if (chain > kMaxChain) fail("SyntaxError", "expression too long (more than 2000 operators in a row)", peek().where);
    const char* found = nullptr;
    for (const char* op : ops)
      if (at_op(op)) found = op;
    if (!found) return left;
    auto e = make(ExprKind::BinOp, peek().where);
    ++i_;
    e->name = found;
    e->a = std::move(left);
    e->b = (this->*next)();
    left = std::move(e);
  }
}

ExprPtr Parser::factor() {
  Nest nest(*this);
  if (at_op("-") || at_op("+") || at_op("~")) {
    auto e = make(ExprKind::UnaryOp, peek().where);
    e->name = t_[i_++].text;
    e->a = factor();
    return e;
  }
  return power();
}

ExprPtr Parser::power() {
  ExprPtr base = primary();
  if (at_op("**")) {
    auto e = make(ExprKind::BinOp, peek().where);
    ++i_;
    e->name = "**";
    e->a = std::move(base);
    e->b = factor();  // right-associative, binds tighter than unary minus on its left
    return e;
  }
  return base;
}

ExprPtr Parser::primary() {
  ExprPtr e = atom();
  for (int chain = 0;; ++chain) {
    if (chain > kMaxChain) fail("SyntaxError", "expression too long (more than 2000 calls, subscripts or attributes in a row)", peek().where);
    if (at_op("(")) {
      e = call(std::move(e));
    } else if (at_op("[")) {
      auto s = make(ExprKind::Subscript, peek().where);
      ++i_;
      s->a = std::move(e);
      s->b = subscript_list();
      expect_op("]");
      e = std::move(s);
    } else if (at_op(".")) {
      auto a = make(ExprKind::Attribute, peek().where);
      ++i_;
      a->name = name();
      a->where = t_[i_ - 1].where;
      a->a = std::move(e);
      e = std::move(a);
    } else {
      return e;
    }
  }
}

ExprPtr Parser::call(ExprPtr fn) {
  auto c = make(ExprKind::Call, peek().where);
  ++i_;  // (
  c->a = std::move(fn);
  bool keyword_seen = false;
  while (!at_op(")")) {
    const Location at = peek().where;
    if (accept_op("**")) {
      c->keywords.push_back({"", test(), at});
      keyword_seen = true;
    } else if (at_op("*")) {
      c->items.push_back(star_expr());
    } else if (peek().kind == Tok::Name && peek(1).kind == Tok::Op && peek(1).text == "=" &&
               !kKeywords.count(peek().text)) {
      std::string n = t_[i_].text;
      i_ += 2;
      for (const auto& k : c->keywords)
        if (k.name == n) fail("SyntaxError", "keyword argument repeated: " + n, at);
      c->keywords.push_back({n, test(), at});
      keyword_seen = true;
    } else {
      ExprPtr arg = test();
      if (at_kw("for")) {  // f(x for x in y): a generator argument
        arg = comprehension(std::move(arg), ExprKind::GenExp, at);
      }
      if (keyword_seen) {
        fail("SyntaxError", "positional argument follows keyword argument", arg->where);
      }
      c->items.push_back(std::move(arg));
    }
    if (!accept_op(",")) break;
  }
  expect_op(")");
  return c;
}

ExprPtr Parser::subscript_list() {
  const Location at = peek().where;
  ExprPtr first = subscript();
  if (!at_op(",")) return first;
  auto t = make(ExprKind::Tuple, at);
  t->items.push_back(std::move(first));
  while (accept_op(",")) {
    if (at_op("]")) break;
    t->items.push_back(subscript());
  }
  return t;
}

ExprPtr Parser::subscript() {
  const Location at = peek().where;
  ExprPtr lower;
  if (!at_op(":")) {
    lower = test();
    if (!at_op(":")) return lower;
  }
  auto s = make(ExprKind::Slice, at);
  s->a = std::move(lower);
  expect_op(":");
  if (!at_op(":") && !at_op("]") && !at_op(",")) s->b = test();
  if (accept_op(":")) {
    if (!at_op("]") && !at_op(",")) s->c = test();
  }
  return s;
}

ExprPtr Parser::comprehension(ExprPtr element, ExprKind kind, Location at) {
  auto e = make(kind, at);
  e->a = std::move(element);
  while (accept_kw("for")) {
    Comprehension g;
    g.target = target_checked(target_list());
    if (!accept_kw("in")) invalid();
    g.iter = or_test();
    while (at_kw("if")) {
      ++i_;
      g.ifs.push_back(test_no_cond());
    }
    e->generators.push_back(std::move(g));
  }
  return e;
}

ExprPtr Parser::atom() {
  const Token& t = peek();
  const Location at = t.where;
  switch (t.kind) {
    case Tok::Int: {
      ++i_;
      auto e = make(ExprKind::Const, at);
      errno = 0;
      char* end = nullptr;
      const std::string& s = t.text;
      int base = 10;
      std::string digits = s;
      if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) base = 16, digits = s.substr(2);
      else if (s.size() > 2 && s[0] == '0' && (s[1] == 'o' || s[1] == 'O')) base = 8, digits = s.substr(2);
      else if (s.size() > 2 && s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) base = 2, digits = s.substr(2);
      else if (s.size() > 1 && s[0] == '0' && s.find_first_not_of('0') != std::string::npos) {
        fail("SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", at);
      }
      const long long v = std::strtoll(digits.c_str(), &end, base);
      if (errno == ERANGE) unsupported("integers beyond 64 bits", at);
      e->constant = static_cast<int64_t>(v);
      return e;
    }
    case Tok::Float: {
      ++i_;
      auto e = make(ExprKind::Const, at);
      e->constant = std::strtod(t.text.c_str(), nullptr);
      return e;
    }
    case Tok::String:
      return strings();
    case Tok::Name: {
      if (t.text == "None" || t.text == "True" || t.text == "False") {
        ++i_;
        auto e = make(ExprKind::Const, at);
        if (t.text == "True") e->constant = true;
        if (t.text == "False") e->constant = false;
        return e;
      }
      if (t.text == "yield") invalid();  // only where yield_expr() accepts it
      if (t.text == "await") unsupported("await", at);
      auto e = make(ExprKind::Name, at);
      e->name = name();
      return e;
    }
    case Tok::Op:
      if (t.text == "(") return paren();
      if (t.text == "[") return list();
      if (t.text == "{") return dict();
      if (t.text == "...") {
        ++i_;
        return make(ExprKind::Ellipsis, at);
      }
      break;
    default:
      break;
  }
  invalid();
}

ExprPtr Parser::paren() {
  const Location at = peek().where;
  ++i_;
  if (accept_op(")")) return make(ExprKind::Tuple, at);
  if (at_kw("yield")) {
    ExprPtr y = yield_expr();
    expect_op(")");
    return y;
  }
  ExprPtr first = at_op("*") ? star_expr() : named_test();
  if (at_kw("for")) {
    ExprPtr g = comprehension(std::move(first), ExprKind::GenExp, at);
    expect_op(")");
    return g;
  }
  if (accept_op(")")) {
    return first;  // parenthesized expression
  }
  auto t = make(ExprKind::Tuple, at);
  t->items.push_back(std::move(first));
  while (accept_op(",")) {
    if (at_op(")")) break;
    t->items.push_back(at_op("*") ? star_expr() : test());
  }
  expect_op(")");
  return t;
}

ExprPtr Parser::list() {
  const Location at = peek().where;
  ++i_;
  auto l = make(ExprKind::List, at);
  if (accept_op("]")) return l;
  ExprPtr first = at_op("*") ? star_expr() : named_test();
  if (at_kw("for")) {
    ExprPtr c = comprehension(std::move(first), ExprKind::ListComp, at);
    expect_op("]");
    return c;
  }
  l->items.push_back(std::move(first));
  while (accept_op(",")) {
    if (at_op("]")) break;
    l->items.push_back(at_op("*") ? star_expr() : test());
  }
  expect_op("]");
  return l;
}

ExprPtr Parser::dict() {
  const Location at = peek().where;
  ++i_;
  auto d = make(ExprKind::Dict, at);
  if (accept_op("}")) return d;
  if (at_op("*") || (!at_op("**") && starts_set())) return set_display(at);
  for (;;) {
    if (accept_op("**")) {
      d->items.push_back(nullptr);
      d->values.push_back(or_expr());
    } else {
      ExprPtr key = test();
      expect_op(":");
      ExprPtr value = test();
      if (at_kw("for") && d->items.empty()) {
        auto c = comprehension(std::move(key), ExprKind::DictComp, at);
        c->b = std::move(value);
        expect_op("}");
        return c;
      }
      d->items.push_back(std::move(key));
      d->values.push_back(std::move(value));
    }
    if (!accept_op(",")) break;
    if (at_op("}")) break;
  }
  expect_op("}");
  return d;
}

bool Parser::starts_set() const {
  int depth = 0;
  for (std::size_t k = i_; k < t_.size(); ++k) {
    const Token& tok = t_[k];
    if (tok.kind == Tok::End) return false;
    if (tok.kind != Tok::Op) continue;
    if (tok.text == "(" || tok.text == "[" || tok.text == "{") ++depth;
    else if (tok.text == ")" || tok.text == "]") --depth;
    else if (tok.text == "}") {
      if (depth == 0) return true;
      --depth;
    } else if (depth == 0 && tok.text == ":") {  // {k: v} ({lambda x: x} is read as a dict too)
      return false;
    } else if (depth == 0 && tok.text == ",") {
      return true;
    } else if (depth == 0 && tok.text == "**") {
      return false;
    }
  }
  return false;
}

ExprPtr Parser::set_display(Location at) {
  auto e = make(ExprKind::Set, at);
  ExprPtr first = at_op("*") ? star_expr() : named_test();
  if (at_kw("for")) {
    ExprPtr c = comprehension(std::move(first), ExprKind::SetComp, at);
    expect_op("}");
    return c;
  }
  e->items.push_back(std::move(first));
  while (accept_op(",")) {
    if (at_op("}")) break;
    e->items.push_back(at_op("*") ? star_expr() : test());
  }
  expect_op("}");
  return e;
}
}  // namespace initlab::script::parsing
