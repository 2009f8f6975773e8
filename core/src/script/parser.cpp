#include "parser.hpp"

#include <cstdlib>
#include <set>

namespace initlab::script {

namespace {

const std::set<std::string> kKeywords = {
    "False", "None",   "True",   "and",   "as",    "assert", "async",    "await",
    "break", "class",  "continue", "def", "del",   "elif",   "else",     "except",
    "finally", "for",  "from",   "global", "if",   "import", "in",       "is",
    "lambda", "nonlocal", "not", "or",    "pass",  "raise",  "return",   "try",
    "while", "with",   "yield",
};

ExprPtr make(ExprKind kind, Location at) {
  auto e = std::make_unique<Expr>();
  e->kind = kind;
  e->where = at;
  return e;
}

StmtPtr make_stmt(StmtKind kind, Location at) {
  auto s = std::make_unique<Stmt>();
  s->kind = kind;
  s->where = at;
  return s;
}

class Parser {
 public:
  Parser(const Source& src, std::vector<Token> tokens) : src_(src), t_(std::move(tokens)) {}

  Program program() {
    Program p;
    while (!is(Tok::End)) {
      if (is(Tok::Newline)) {
        ++i_;
        continue;
      }
      if (is(Tok::Indent)) fail("IndentationError", "unexpected indent", peek().where);
      statement(p.body);
    }
    return p;
  }

  // f-string fields are parsed by a parser over the field's own tokens.
  ExprPtr lone_expression() {
    ExprPtr e = test_list_star();
    while (is(Tok::Newline)) ++i_;
    if (!is(Tok::End)) invalid();
    return e;
  }

 private:
  // ---- token helpers ----
  const Token& peek(std::size_t ahead = 0) const {
    return t_[std::min(i_ + ahead, t_.size() - 1)];
  }
  bool is(Tok k) const { return peek().kind == k; }
  bool at_op(const char* op) const { return peek().kind == Tok::Op && peek().text == op; }
  bool at_kw(const char* kw) const { return peek().kind == Tok::Name && peek().text == kw; }
  bool accept_op(const char* op) {
    if (!at_op(op)) return false;
    ++i_;
    return true;
  }
  bool accept_kw(const char* kw) {
    if (!at_kw(kw)) return false;
    ++i_;
    return true;
  }
  [[noreturn]] void invalid() {
    const Token& t = peek();
    if (t.kind == Tok::Indent) fail("IndentationError", "unexpected indent", t.where);
    if (t.kind == Tok::End) fail("SyntaxError", "unexpected EOF while parsing", t.where);
    fail("SyntaxError", "invalid syntax", t.where);
  }
  void expect_op(const char* op) {
    if (accept_op(op)) return;
    if (std::string(op) == ":") fail("SyntaxError", "expected ':'", peek().where);
    invalid();
  }
  std::string name() {
    if (!is(Tok::Name) || kKeywords.count(peek().text)) invalid();
    return t_[i_++].text;
  }
  [[noreturn]] void unsupported(const std::string& what, Location at) {
    fail("NotImplementedError", "not supported in initlab: " + what, at);
  }

  // ---- statements ----
  void statement(Body& out) {
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

  void newline() {
    if (is(Tok::Newline)) {
      ++i_;
      return;
    }
    if (is(Tok::End)) return;
    invalid();
  }

  void simple_statements(Body& out) {
    for (;;) {
      out.push_back(simple_statement());
      if (!accept_op(";")) break;
      if (is(Tok::Newline) || is(Tok::End)) break;
    }
    newline();
  }

  StmtPtr simple_statement() {
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

  StmtPtr import_stmt() {
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

  StmtPtr from_stmt() {
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

  std::string dotted_name() {
    std::string n = name();
    while (accept_op(".")) n += "." + name();
    return n;
  }

  Body suite(const std::string& owner, int owner_line) {
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

  StmtPtr if_stmt() {
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

  StmtPtr for_stmt() {
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

  StmtPtr while_stmt() {
    auto s = make_stmt(StmtKind::While, peek().where);
    ++i_;
    s->test = named_test();
    expect_op(":");
    s->body = suite("'while' statement", s->where.line);
    else_clause(*s);
    return s;
  }

  void else_clause(Stmt& s) {
    if (!at_kw("else")) return;
    const int line = peek().where.line;
    ++i_;
    expect_op(":");
    s.orelse = suite("'else' statement", line);
  }

  StmtPtr with_stmt() {
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

  StmtPtr def_stmt(std::vector<ExprPtr> decorators) {
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

  // yield [expr] | yield from expr; marks the enclosing def as a generator.
  ExprPtr yield_expr() {
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

  // try: ... except [type [as name]]: ... else: ... finally: ...
  StmtPtr try_stmt() {
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

  // The source text of tokens [from, to), for annotations kept as strings.
  std::string text_between(std::size_t from, std::size_t to) const {
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

  std::vector<Param> parameters(const char* close) {
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

  StmtPtr class_stmt(std::vector<ExprPtr> decorators) {
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

  // ---- targets ----
  static std::string describe(const Expr& e) {
    switch (e.kind) {
      case ExprKind::Call: return "function call";
      case ExprKind::Const: return "literal";
      case ExprKind::BinOp: return "expression";
      case ExprKind::Compare: return "comparison";
      case ExprKind::Lambda: return "lambda";
      default: return "expression";
    }
  }

  ExprPtr target_checked(ExprPtr e) {
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

  ExprPtr target_list() {
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

  // ---- expressions ----
  ExprPtr test_list_star() {
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

  bool ends_expression_list() const {
    return is(Tok::Newline) || is(Tok::End) || at_op("=") || at_op(")") || at_op(";") ||
           at_op(":") || at_op("]") || at_op("}") ||
           (peek().kind == Tok::Op && peek().text.size() >= 2 && peek().text.back() == '=' &&
            peek().text != "==" && peek().text != "<=" && peek().text != ">=" && peek().text != "!=");
  }

  ExprPtr star_expr() {
    auto e = make(ExprKind::Starred, peek().where);
    expect_op("*");
    e->a = or_expr();
    return e;
  }

  ExprPtr named_test() {
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

  ExprPtr test() {
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

  ExprPtr test_no_cond() { return at_kw("lambda") ? lambda() : or_test(); }

  ExprPtr lambda() {
    auto e = make(ExprKind::Lambda, peek().where);
    ++i_;
    e->params = parameters(":");
    expect_op(":");
    const int outer_yields = yields_;
    e->a = test();
    if (yields_ != outer_yields) unsupported("yield inside a lambda", e->where);
    return e;
  }

  ExprPtr or_test() {
    const Location at = peek().where;
    ExprPtr first = and_test();
    if (!at_kw("or")) return first;
    auto e = make(ExprKind::BoolOp, at);
    e->name = "or";
    e->items.push_back(std::move(first));
    while (accept_kw("or")) e->items.push_back(and_test());
    return e;
  }

  ExprPtr and_test() {
    const Location at = peek().where;
    ExprPtr first = not_test();
    if (!at_kw("and")) return first;
    auto e = make(ExprKind::BoolOp, at);
    e->name = "and";
    e->items.push_back(std::move(first));
    while (accept_kw("and")) e->items.push_back(not_test());
    return e;
  }

  ExprPtr not_test() {
    if (at_kw("not")) {
      auto e = make(ExprKind::UnaryOp, peek().where);
      ++i_;
      e->name = "not";
      e->a = not_test();
      return e;
    }
    return comparison();
  }

  ExprPtr comparison() {
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

  ExprPtr binary(ExprPtr (Parser::*next)(), std::initializer_list<const char*> ops) {
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

  ExprPtr or_expr() { return binary(&Parser::xor_expr, {"|"}); }
  ExprPtr xor_expr() { return binary(&Parser::and_expr, {"^"}); }
  ExprPtr and_expr() { return binary(&Parser::shift_expr, {"&"}); }
  ExprPtr shift_expr() { return binary(&Parser::arith_expr, {"<<", ">>"}); }
  ExprPtr arith_expr() { return binary(&Parser::term, {"+", "-"}); }
  ExprPtr term() { return binary(&Parser::factor, {"*", "/", "//", "%", "@"}); }

  ExprPtr factor() {
    Nest nest(*this);
    if (at_op("-") || at_op("+") || at_op("~")) {
      auto e = make(ExprKind::UnaryOp, peek().where);
      e->name = t_[i_++].text;
      e->a = factor();
      return e;
    }
    return power();
  }

  ExprPtr power() {
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

  ExprPtr primary() {
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

  ExprPtr call(ExprPtr fn) {
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

  ExprPtr subscript_list() {
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

  ExprPtr subscript() {
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

  ExprPtr comprehension(ExprPtr element, ExprKind kind, Location at) {
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

  ExprPtr atom() {
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

  ExprPtr paren() {
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

  ExprPtr list() {
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

  ExprPtr dict() {
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

  // After '{': is this a set display? Looks ahead for the ':' of a dict at bracket depth 0.
  bool starts_set() const {
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

  // {a, b, *c} or {a for ...}, the '{' already taken.
  ExprPtr set_display(Location at) {
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

  // Adjacent string literals, any of them f-strings, joined into one value.
  ExprPtr strings() {
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

  void fstring(const Token& t, Expr& out) {
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
          unsupported("nested replacement fields in f-string format specs", location_of(spec_start));
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

  // Parses an f-string field with positions mapped back into the enclosing source.
  ExprPtr sub_expression(const std::string& text, Location at) {
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

  // Nesting guard: deep brackets or blocks would overflow the stack of the parser and of the
  // interpreter that walks the tree, so they stop here (CPython stops at 200 too).
  struct Nest {
    Parser& p;
    explicit Nest(Parser& parser) : p(parser) {
      if (++p.depth_ > kMaxNesting) fail("SyntaxError", "too many nested parentheses", p.peek().where);
    }
    ~Nest() { --p.depth_; }
  };
  static constexpr int kMaxNesting = 200;
  static constexpr int kMaxChain = 2000;  // operands of one left-deep chain (a + b + c ...)

  const Source& src_;
  std::vector<Token> t_;
  std::size_t i_ = 0;
  int depth_ = 0;
  int yields_ = 0;  // yield expressions seen in the innermost def being parsed
};

}  // namespace

Program parse(const Source& source) { return Parser(source, tokenize(source)).program(); }

}  // namespace initlab::script
