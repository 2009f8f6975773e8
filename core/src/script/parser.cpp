// The parser: tokens -> syntax tree with locations; statements here, expressions and string
// literals in parser_expressions.cpp and parser_strings.cpp (the class: parser_impl.hpp).
#include "parser_impl.hpp"

namespace initlab::script {

namespace parsing {

void Parser::statement(Body& out) {
  Nest nest(*this);
  const Token& t = peek();
  if (t.kind == Tok::Name) {
    const std::string& w = t.text;
    if (w == "if") return out.push_back(if_stmt());
    if (w == "for") return out.push_back(for_stmt());
    if (w == "while") return out.push_back(while_stmt());
    if (w == "def") return out.push_back(def_stmt({}));
    if (w == "class") return out.push_back(class_stmt({}));
    if (w == "with") return out.push_back(with_stmt());
    if (w == "try") return out.push_back(try_stmt());
    if (w == "async") unsupported("async", t.where);
  }
  if (at_op("@")) {
    std::vector<ExprPtr> decorators;
    while (accept_op("@")) {
      decorators.push_back(test());
      newline();
    }
    if (at_kw("class")) return out.push_back(class_stmt(std::move(decorators)));
    if (!at_kw("def")) invalid();
    return out.push_back(def_stmt(std::move(decorators)));
  }
  simple_statements(out);
}

void Parser::newline() {
  if (is(Tok::Newline)) {
    ++i_;
    return;
  }
  if (is(Tok::End)) return;
  invalid();
}

void Parser::simple_statements(Body& out) {
  for (;;) {
    out.push_back(simple_statement());
    if (!accept_op(";")) break;
    if (is(Tok::Newline) || is(Tok::End)) break;
  }
  newline();
}

StmtPtr Parser::simple_statement() {
  const Token& t = peek();
  const Location at = t.where;
  if (t.kind == Tok::Name) {
    const std::string& w = t.text;
    if (w == "pass") return ++i_, make_stmt(StmtKind::Pass, at);
    if (w == "break") return ++i_, make_stmt(StmtKind::Break, at);
    if (w == "continue") return ++i_, make_stmt(StmtKind::Continue, at);
    if (w == "return") {
      ++i_;
      auto s = make_stmt(StmtKind::Return, at);
      if (!this->is(Tok::Newline) && !at_op(";") && !this->is(Tok::End)) s->value = test_list_star();
      return s;
    }
    if (w == "assert") {
      ++i_;
      auto s = make_stmt(StmtKind::Assert, at);
      s->test = test();
      if (accept_op(",")) s->value = test();
      return s;
    }
    if (w == "raise") {
      ++i_;
      auto s = make_stmt(StmtKind::Raise, at);
      if (!this->is(Tok::Newline) && !this->is(Tok::End) && !at_op(";")) s->value = test();
      if (s->value && accept_kw("from")) s->test = test();
      return s;
    }
    if (w == "del") {
      ++i_;
      auto s = make_stmt(StmtKind::Delete, at);
      do {
        s->targets.push_back(target_checked(or_expr()));
      } while (accept_op(","));
      return s;
    }
    if (w == "import") return import_stmt();
    if (w == "from") return from_stmt();
    if (w == "global" || w == "nonlocal") {
      ++i_;
      auto s = make_stmt(w == "global" ? StmtKind::Global : StmtKind::Nonlocal, at);
      do {
        s->names.emplace_back(name(), "");
      } while (accept_op(","));
      return s;
    }
    if (w == "else" || w == "elif" || w == "except" || w == "finally") invalid();
  }
  ExprPtr first = at_kw("yield") ? yield_expr() : test_list_star();
  if (at_op("=")) {
    auto s = make_stmt(StmtKind::Assign, at);
    s->targets.push_back(target_checked(std::move(first)));
    while (accept_op("=")) {
      ExprPtr next = at_kw("yield") ? yield_expr() : test_list_star();
      if (at_op("=")) {
        s->targets.push_back(target_checked(std::move(next)));
      } else {
        s->value = std::move(next);
      }
    }
    return s;
  }
  static const std::set<std::string> aug = {"+=", "-=", "*=", "/=", "//=", "%=", "**=", "@=",
                                            "&=", "|=", "^=", "<<=", ">>="};
  if (peek().kind == Tok::Op && aug.count(peek().text)) {
    auto s = make_stmt(StmtKind::AugAssign, at);
    std::string op = t_[i_++].text;
    op.pop_back();
    s->name = op;
    if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute &&
        first->kind != ExprKind::Subscript) {
      fail("SyntaxError", "'" + describe(*first) + "' is an illegal expression for augmented assignment", first->where);
    }
    s->targets.push_back(std::move(first));
    s->value = at_kw("yield") ? yield_expr() : test_list_star();
    return s;
  }
  if (accept_op(":")) {
    auto s = make_stmt(StmtKind::AnnAssign, at);
    s->targets.push_back(target_checked(std::move(first)));
    const std::size_t from = i_;
    s->test = test();  // the annotation: never evaluated (as under PEP 563), kept as text
    s->name = text_between(from, i_);
    if (accept_op("=")) s->value = at_kw("yield") ? yield_expr() : test_list_star();
    return s;
  }
  auto s = make_stmt(StmtKind::Expr, at);
  s->value = std::move(first);
  return s;
}

StmtPtr Parser::import_stmt() {
  auto s = make_stmt(StmtKind::Import, peek().where);
  ++i_;
  do {
    std::string mod = dotted_name();
    std::string alias;
    if (accept_kw("as")) alias = name();
    s->names.emplace_back(mod, alias);
  } while (accept_op(","));
  return s;
}

StmtPtr Parser::from_stmt() {
  auto s = make_stmt(StmtKind::ImportFrom, peek().where);
  ++i_;
  if (at_op(".")) unsupported("relative imports", peek().where);
  s->module = dotted_name();
  if (!accept_kw("import")) invalid();
  const bool paren = accept_op("(");
  if (accept_op("*")) {
    s->names.emplace_back("*", "");
  } else {
    do {
      if (paren && at_op(")")) break;
      std::string n = name();
      std::string alias;
      if (accept_kw("as")) alias = name();
      s->names.emplace_back(n, alias);
    } while (accept_op(","));
  }
  if (paren) expect_op(")");
  return s;
}

std::string Parser::dotted_name() {
  std::string n = name();
  while (accept_op(".")) n += "." + name();
  return n;
}

Body Parser::suite(const std::string& owner, int owner_line) {
  Body body;
  if (!is(Tok::Newline)) {  // "if x: y" on one line
    simple_statements(body);
    return body;
  }
  ++i_;
  if (!is(Tok::Indent)) {
    fail("IndentationError", "expected an indented block after " + owner + " on line " +
                                 std::to_string(owner_line), peek().where);
  }
  ++i_;
  while (!is(Tok::Dedent) && !is(Tok::End)) {
    if (is(Tok::Newline)) {
      ++i_;
      continue;
    }
    if (is(Tok::Indent)) fail("IndentationError", "unexpected indent", peek().where);
    statement(body);
  }
  if (is(Tok::Dedent)) ++i_;
  return body;
}

StmtPtr Parser::if_stmt() {
  auto s = make_stmt(StmtKind::If, peek().where);
  const std::string kw = t_[i_++].text;  // "if" or "elif"
  s->test = named_test();
  expect_op(":");
  s->body = suite("'" + kw + "' statement", s->where.line);
  if (at_kw("elif")) {
    s->orelse.push_back(if_stmt());
  } else if (at_kw("else")) {
    const int line = peek().where.line;
    ++i_;
    expect_op(":");
    s->orelse = suite("'else' statement", line);
  }
  return s;
}

StmtPtr Parser::for_stmt() {
  auto s = make_stmt(StmtKind::For, peek().where);
  ++i_;
  s->targets.push_back(target_checked(target_list()));
  if (!accept_kw("in")) invalid();
  s->value = test_list_star();
  expect_op(":");
  s->body = suite("'for' statement", s->where.line);
  else_clause(*s);
  return s;
}

StmtPtr Parser::while_stmt() {
  auto s = make_stmt(StmtKind::While, peek().where);
  ++i_;
  s->test = named_test();
  expect_op(":");
  s->body = suite("'while' statement", s->where.line);
  else_clause(*s);
  return s;
}

void Parser::else_clause(Stmt& s) {
  if (!at_kw("else")) return;
  const int line = peek().where.line;
  ++i_;
  expect_op(":");
  s.orelse = suite("'else' statement", line);
}

StmtPtr Parser::with_stmt() {
  auto s = make_stmt(StmtKind::With, peek().where);
  ++i_;
  do {
    ExprPtr ctx = test();
    ExprPtr target;
    if (accept_kw("as")) target = target_checked(or_expr());
    s->items.emplace_back(std::move(ctx), std::move(target));
  } while (accept_op(","));
  expect_op(":");
  s->body = suite("'with' statement", s->where.line);
  return s;
}

StmtPtr Parser::def_stmt(std::vector<ExprPtr> decorators) {
  auto s = make_stmt(StmtKind::FunctionDef, peek().where);
  ++i_;
  s->decorators = std::move(decorators);
  s->name = name();
  expect_op("(");
  s->params = parameters(")");
  expect_op(")");
  if (accept_op("->")) {  // return annotation: kept as text
    const std::size_t from = i_;
    test();
    s->returns = text_between(from, i_);
  }
  expect_op(":");
  const int outer_yields = yields_;
  yields_ = 0;
  s->body = suite("function definition", s->where.line);
  s->generator = yields_ > 0;
  yields_ = outer_yields;
  return s;
}

ExprPtr Parser::yield_expr() {
  auto e = make(ExprKind::Yield, peek().where);
  ++i_;
  ++yields_;
  if (accept_kw("from")) {
    e->name = "from";
    e->a = test();
  } else if (!is(Tok::Newline) && !is(Tok::End) && !at_op(")") && !at_op(";") && !at_op("=")) {
    e->a = test_list_star();
  }
  return e;
}

StmtPtr Parser::try_stmt() {
  auto s = make_stmt(StmtKind::Try, peek().where);
  ++i_;
  expect_op(":");
  s->body = suite("'try' statement", s->where.line);
  bool bare_seen = false;
  while (at_kw("except")) {
    ExceptHandler h;
    h.where = peek().where;
    ++i_;
    if (bare_seen) fail("SyntaxError", "default 'except:' must be last", h.where);
    if (at_op("*")) unsupported("except* (exception groups)", peek().where);
    if (!at_op(":")) {
      h.type = test();
      if (at_op(",")) {
        fail("SyntaxError", "multiple exception types must be parenthesized", peek().where);
      }
      if (accept_kw("as")) h.name = name();
    } else {
      bare_seen = true;
    }
    expect_op(":");
    h.body = suite("'except' statement", h.where.line);
    s->handlers.push_back(std::move(h));
  }
  if (at_kw("else")) {
    if (s->handlers.empty()) invalid();
    const int line = peek().where.line;
    ++i_;
    expect_op(":");
    s->orelse = suite("'else' statement", line);
  }
  if (at_kw("finally")) {
    const int line = peek().where.line;
    ++i_;
    expect_op(":");
    s->finalbody = suite("'finally' statement", line);
  }
  if (s->handlers.empty() && s->finalbody.empty()) {
    fail("SyntaxError", "expected 'except' or 'finally' block", peek().where);
  }
  return s;
}

std::string Parser::text_between(std::size_t from, std::size_t to) const {
  std::string out;
  for (std::size_t k = from; k < to && k < t_.size(); ++k) {
    const Token& tok = t_[k];
    const bool tight = tok.kind == Tok::Op && (tok.text == "[" || tok.text == "]" || tok.text == "." ||
                                               tok.text == "," || tok.text == ")" || tok.text == "(");
    const bool after_tight = !out.empty() && (out.back() == '[' || out.back() == '.' || out.back() == '(');
    if (!out.empty() && !tight && !after_tight) out += ' ';
    if (tok.kind == Tok::Op && tok.text == "," ) {
      out += ",";
      continue;
    }
    out += tok.text;
  }
  return out;
}

std::vector<Param> Parser::parameters(const char* close) {
  std::vector<Param> params;
  bool star_seen = false, default_seen = false;
  std::set<std::string> names;
  while (!at_op(close)) {
    Param p;
    p.where = peek().where;
    if (accept_op("**")) {
      p.kind = Param::VarKeywords;
      p.name = name();
    } else if (accept_op("*")) {
      star_seen = true;
      if (at_op(",")) {  // bare *: what follows is keyword-only
        accept_op(",");
        continue;
      }
      p.kind = Param::VarArgs;
      p.name = name();
    } else {
      p.kind = star_seen ? Param::KeywordOnly : Param::Positional;
      if (accept_op("/")) {  // positional-only marker: the parameters before it are bound as usual
        for (Param& before : params) before.positional_only = true;
        if (!accept_op(",")) break;
        continue;
      }
      p.name = name();
    }
    if (std::string(close) == ")" && accept_op(":")) {  // annotation: kept as text
      const std::size_t from = i_;
      test();
      p.annotation = text_between(from, i_);
    }
    if (accept_op("=")) {
      if (p.kind == Param::VarArgs || p.kind == Param::VarKeywords) invalid();
      p.default_value = test();
      if (p.kind == Param::Positional) default_seen = true;
    } else if (p.kind == Param::Positional && default_seen) {
      fail("SyntaxError", "non-default argument follows default argument", p.where);
    }
    if (!names.insert(p.name).second) {
      fail("SyntaxError", "duplicate argument '" + p.name + "' in function definition", p.where);
    }
    params.push_back(std::move(p));
    if (params.back().kind == Param::VarKeywords && !at_op(close)) {
      accept_op(",");
      if (!at_op(close)) fail("SyntaxError", "arguments cannot follow var-keyword argument", peek().where);
    }
    if (!accept_op(",")) break;
  }
  return params;
}

StmtPtr Parser::class_stmt(std::vector<ExprPtr> decorators) {
  auto s = make_stmt(StmtKind::ClassDef, peek().where);
  ++i_;
  s->decorators = std::move(decorators);
  s->name = name();
  if (accept_op("(")) {
    while (!at_op(")")) {
      if (is(Tok::Name) && peek(1).kind == Tok::Op && peek(1).text == "=") {
        const Location at = peek().where;
        std::string n = t_[i_].text;
        i_ += 2;
        s->keywords.push_back({n, test(), at});
      } else {
        s->bases.push_back(at_op("*") ? star_expr() : test());
      }
      if (!accept_op(",")) break;
    }
    expect_op(")");
  }
  expect_op(":");
  s->body = suite("class definition", s->where.line);
  return s;
}

std::string Parser::describe(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Call: return "function call";
    case ExprKind::Const: return "literal";
    case ExprKind::BinOp: return "expression";
    case ExprKind::Compare: return "comparison";
    case ExprKind::Lambda: return "lambda";
    default: return "expression";
  }
}

ExprPtr Parser::target_checked(ExprPtr e) {
  switch (e->kind) {
    case ExprKind::Name:
    case ExprKind::Attribute:
    case ExprKind::Subscript:
      return e;
    case ExprKind::Tuple:
    case ExprKind::List:
      for (auto& item : e->items) item = target_checked(std::move(item));
      return e;
    case ExprKind::Starred:
      e->a = target_checked(std::move(e->a));
      return e;
    default: {
      const std::string what = describe(*e);
      fail("SyntaxError", "cannot assign to " + what + (e->kind == ExprKind::Call || e->kind == ExprKind::Const
                                                            ? " here. Maybe you meant '==' instead of '='?"
                                                            : ""),
           e->where);
    }
  }
}

ExprPtr Parser::target_list() {
  const Location at = peek().where;
  ExprPtr first = at_op("*") ? star_expr() : or_expr();
  if (!at_op(",")) return first;
  auto t = make(ExprKind::Tuple, at);
  t->items.push_back(std::move(first));
  while (accept_op(",")) {
    if (at_kw("in") || at_op("=")) break;
    t->items.push_back(at_op("*") ? star_expr() : or_expr());
  }
  return t;
}
}  // namespace parsing

Program parse(const Source& source) { return parsing::Parser(source, tokenize(source)).program(); }

}  // namespace initlab::script
