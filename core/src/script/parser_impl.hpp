// The parser's class, shared by its three files: parser.cpp (statements, the entry point),
// parser_expressions.cpp (expressions, by precedence) and parser_strings.cpp (string
// literals and f-strings). Internal to core/src/script.
#pragma once

#include <cstdlib>
#include <set>
#include <string>
#include <vector>

#include "parser.hpp"

namespace initlab::script::parsing {

inline const std::set<std::string> kKeywords = {
    "False", "None",   "True",   "and",   "as",    "assert", "async",    "await",
    "break", "class",  "continue", "def", "del",   "elif",   "else",     "except",
    "finally", "for",  "from",   "global", "if",   "import", "in",       "is",
    "lambda", "nonlocal", "not", "or",    "pass",  "raise",  "return",   "try",
    "while", "with",   "yield",
};

inline ExprPtr make(ExprKind kind, Location at) {
  auto e = std::make_unique<Expr>();
  e->kind = kind;
  e->where = at;
  return e;
}

inline StmtPtr make_stmt(StmtKind kind, Location at) {
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
  void statement(Body& out);

  void newline();

  void simple_statements(Body& out);

  StmtPtr simple_statement();

  StmtPtr import_stmt();

  StmtPtr from_stmt();

  std::string dotted_name();

  Body suite(const std::string& owner, int owner_line);

  StmtPtr if_stmt();

  StmtPtr for_stmt();

  StmtPtr while_stmt();

  void else_clause(Stmt& s);

  StmtPtr with_stmt();

  StmtPtr def_stmt(std::vector<ExprPtr> decorators);

  // yield [expr] | yield from expr; marks the enclosing def as a generator.
  ExprPtr yield_expr();

  // try: ... except [type [as name]]: ... else: ... finally: ...
  StmtPtr try_stmt();

  // The source text of tokens [from, to), for annotations kept as strings.
  std::string text_between(std::size_t from, std::size_t to) const;

  std::vector<Param> parameters(const char* close);

  StmtPtr class_stmt(std::vector<ExprPtr> decorators);

  // ---- targets ----
  static std::string describe(const Expr& e);

  ExprPtr target_checked(ExprPtr e);

  ExprPtr target_list();

  // ---- expressions ----
  ExprPtr test_list_star();

  bool ends_expression_list() const;

  ExprPtr star_expr();

  ExprPtr named_test();

  ExprPtr test();

  ExprPtr test_no_cond() { return at_kw("lambda") ? lambda() : or_test(); }

  ExprPtr lambda();

  ExprPtr or_test();

  ExprPtr and_test();

  ExprPtr not_test();

  ExprPtr comparison();

  ExprPtr binary(ExprPtr (Parser::*next)(), std::initializer_list<const char*> ops);

  ExprPtr or_expr() { return binary(&Parser::xor_expr, {"|"}); }
  ExprPtr xor_expr() { return binary(&Parser::and_expr, {"^"}); }
  ExprPtr and_expr() { return binary(&Parser::shift_expr, {"&"}); }
  ExprPtr shift_expr() { return binary(&Parser::arith_expr, {"<<", ">>"}); }
  ExprPtr arith_expr() { return binary(&Parser::term, {"+", "-"}); }
  ExprPtr term() { return binary(&Parser::factor, {"*", "/", "//", "%", "@"}); }

  ExprPtr factor();

  ExprPtr power();

  ExprPtr primary();

  ExprPtr call(ExprPtr fn);

  ExprPtr subscript_list();

  ExprPtr subscript();

  ExprPtr comprehension(ExprPtr element, ExprKind kind, Location at);

  ExprPtr atom();

  ExprPtr paren();

  ExprPtr list();

  ExprPtr dict();

  // After '{': is this a set display? Looks ahead for the ':' of a dict at bracket depth 0.
  bool starts_set() const;

  // {a, b, *c} or {a for ...}, the '{' already taken.
  ExprPtr set_display(Location at);

  // Adjacent string literals, any of them f-strings, joined into one value.
  ExprPtr strings();

  void fstring(const Token& t, Expr& out);

  // Parses an f-string field with positions mapped back into the enclosing source.
  ExprPtr sub_expression(const std::string& text, Location at);

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

}  // namespace initlab::script::parsing
