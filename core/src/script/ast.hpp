// The syntax tree of a script. One node type for expressions and one for statements, each
// with a kind and the fields that kind uses (the comment on each kind says which); every node
// carries its line and column for diagnostics.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "source.hpp"

namespace initlab::script {

struct Expr;
struct Stmt;
using ExprPtr = std::unique_ptr<Expr>;
using StmtPtr = std::unique_ptr<Stmt>;
using Body = std::vector<StmtPtr>;

enum class ExprKind {
  Name,       // name
  Const,      // constant
  FString,    // parts
  List,       // items
  Tuple,      // items
  Dict,       // items (keys; null for **mapping), values
  Attribute,  // a.name
  Subscript,  // a[b]
  Slice,      // a:b:c (each may be null)
  Call,       // a(items..., keywords...)
  BinOp,      // a op b (name = operator)
  UnaryOp,    // op a (name = "-", "+", "~", "not")
  BoolOp,     // items joined by name ("and" / "or")
  Compare,    // items[0] ops[0] items[1] ops[1] items[2] ...
  IfExp,      // a if b else c  (a = body, b = test, c = orelse)
  Lambda,     // params: a
  ListComp,   // [a for ... in ... if ...] (generators); also generator expressions
  DictComp,   // {a: b for ...}
  Starred,    // *a (in calls, lists, tuples, assignment targets)
  Set,        // {items}
  SetComp,    // {a for ...}
  GenExp,     // (a for ...)
  Yield,      // yield a (a may be null); yield from a (name = "from")
  Ellipsis,   // ...
  NamedExpr,  // a := b (a is a Name)
};

using Constant = std::variant<std::monostate, bool, int64_t, double, std::string>;

struct Keyword {
  std::string name;  // empty for **mapping
  ExprPtr value;
  Location where;
};

struct Comprehension {
  ExprPtr target, iter;
  std::vector<ExprPtr> ifs;
};

struct Param {
  enum Kind { Positional, VarArgs, KeywordOnly, VarKeywords } kind = Positional;
  std::string name;
  ExprPtr default_value;  // may be null
  std::string annotation;        // its source text, never evaluated ("" when none; inspect.signature)
  bool positional_only = false;  // before a '/'; bound like the others
  Location where;
};

struct FStringPart {
  std::string literal;   // text before the field (already unescaped)
  ExprPtr expr;          // null for a trailing literal
  char conversion = 0;   // 'r', 's', 'a' or 0
  std::string spec;      // format spec after ':'
  std::shared_ptr<Expr> spec_expr;  // a spec with replacement fields ({x:{width}}): an f-string
  std::string source;    // the expression text (for f"{x=}")
  bool self_documenting = false;
};

struct Expr {
  ExprKind kind;
  Location where;
  std::string name;
  Constant constant;
  ExprPtr a, b, c;
  std::vector<ExprPtr> items, values;
  std::vector<std::string> ops;
  std::vector<Keyword> keywords;
  std::vector<Comprehension> generators;
  std::vector<Param> params;
  std::vector<FStringPart> parts;
};

enum class StmtKind {
  Expr,         // value
  Assign,       // targets = value (several targets for a = b = c)
  AugAssign,    // targets[0] op= value (name = op without '=')
  AnnAssign,    // targets[0]: annotation [= value] (name = the annotation's text, never evaluated)
  Return,       // value (may be null)
  If,           // test, body, orelse
  For,          // targets[0] in value: body else orelse
  While,        // test: body else orelse
  Break,
  Continue,
  Pass,
  Assert,       // test, value (message, may be null)
  FunctionDef,  // name, params, body, decorators, generator
  ClassDef,     // name, bases, keywords, body, decorators
  Import,       // names: (module, alias)
  ImportFrom,   // module, names: (name, alias)
  With,         // items: (context, target or null), body
  Raise,        // value (may be null), test (the cause after 'from', may be null)
  Delete,       // targets
  Try,          // body, handlers, orelse, finalbody
  Global,       // names: (name, "")
  Nonlocal,     // names: (name, "")
};

struct ExceptHandler {
  ExprPtr type;      // null for a bare except
  std::string name;  // except ... as name ("" if none)
  std::vector<std::unique_ptr<Stmt>> body;
  Location where;
};

struct Stmt {
  StmtKind kind;
  Location where;
  std::string name;
  std::string module;
  std::vector<ExprPtr> targets;
  ExprPtr value, test;
  Body body, orelse, finalbody;
  std::vector<ExceptHandler> handlers;
  std::vector<Param> params;
  std::vector<ExprPtr> bases, decorators;
  std::vector<Keyword> keywords;  // class keywords (metaclass=...)
  bool generator = false;         // FunctionDef whose body yields
  std::string returns;            // FunctionDef: the return annotation's source text ("" if none)
  std::vector<std::pair<std::string, std::string>> names;
  std::vector<std::pair<ExprPtr, ExprPtr>> items;
};

struct Program {
  Body body;
};

}  // namespace initlab::script
