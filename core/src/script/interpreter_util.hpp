// Small helpers the interpreter's files share: Python's integer arithmetic with overflow
// checks, string quoting as repr() does it, and the weak-pointer list pruning.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "initlab/error.hpp"
#include "value.hpp"

namespace initlab::script {


// Python's exception class for a core error.
inline std::string kind_of(const initlab::Error& e) { return kind_name(e.kind()); }

inline bool checked_add(int64_t a, int64_t b, int64_t* out) { return !__builtin_add_overflow(a, b, out); }
inline bool checked_sub(int64_t a, int64_t b, int64_t* out) { return !__builtin_sub_overflow(a, b, out); }
inline bool checked_mul(int64_t a, int64_t b, int64_t* out) { return !__builtin_mul_overflow(a, b, out); }

inline int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

inline int64_t py_mod(int64_t a, int64_t b) {
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

inline std::string quote(const std::string& s) {
  const bool use_double = s.find('\'') != std::string::npos && s.find('"') == std::string::npos;
  const char q = use_double ? '"' : '\'';
  std::string out(1, q);
  for (const char c : s) {
    switch (c) {
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '\\': out += "\\\\"; break;
      default:
        if (c == q) {
          out += '\\';
          out += c;
        } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + q;
}


// The stem of an operator's dunder methods: "+" -> "add" (__add__, __radd__, __iadd__).
inline std::string dunder_stem(const std::string& op) {
  static const char* const kStems[][2] = {
      {"+", "add"}, {"-", "sub"}, {"*", "mul"}, {"/", "truediv"}, {"//", "floordiv"}, {"%", "mod"},
      {"**", "pow"}, {"@", "matmul"}, {"&", "and"}, {"|", "or"}, {"^", "xor"}, {"<<", "lshift"}, {">>", "rshift"},
  };
  for (const auto& [o, stem] : kStems)
    if (op == o) return stem;
  return "";
}

// Whether CPython has a builtin of this name (so a NameError for it is initlab's gap, not the
// user's typo).
inline bool is_python_builtin_name(const std::string& name) {
  static const char* const kNames[] = {
      "abs", "aiter", "all", "anext", "any", "ascii", "bin", "bool", "breakpoint", "bytearray", "bytes",
      "callable", "chr", "classmethod", "compile", "complex", "delattr", "dict", "dir", "divmod",
      "enumerate", "eval", "exec", "exit", "filter", "float", "format", "frozenset", "getattr", "globals",
      "hasattr", "hash", "help", "hex", "id", "input", "int", "isinstance", "issubclass", "iter", "len",
      "list", "locals", "map", "max", "memoryview", "min", "next", "object", "oct", "open", "ord", "pow",
      "print", "property", "quit", "range", "repr", "reversed", "round", "set", "setattr", "slice",
      "sorted", "staticmethod", "str", "sum", "super", "tuple", "type", "vars", "zip", "__import__",
      "__build_class__", "__debug__", "__doc__", "__file__", "__spec__", "__loader__", "__package__",
      "__builtins__", "copyright", "credits", "license", "EnvironmentError", "IOError",
      "BaseExceptionGroup", "ExceptionGroup", "EncodingWarning",
  };
  for (const char* n : kNames)
    if (name == n) return true;
  return false;
}

// Python's str is a sequence of code points; initlab keeps UTF-8 bytes and splits them into
// code points where a script counts, indexes or iterates.
inline std::vector<std::string> code_points(const std::string& s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = 1;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0xF0) n = 4;
    else if (c >= 0xE0) n = 3;
    else if (c >= 0xC0) n = 2;
    n = std::min(n, s.size() - i);
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

inline int64_t code_point_count(const std::string& s) {
  int64_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Whether class c is goal or derives from it through script-class bases (isinstance,
// issubclass, except clauses and the library's nominal checks all ask this).
inline bool derives_from(const ClassObj* c, const ClassObj* goal) {
  if (c == goal) return true;
  for (const auto& b : c->bases)
    if (derives_from(b.get(), goal)) return true;
  return false;
}

// The script class of a value: an instance's, or a script nn.Module's; null for others
// (interpreter_objects.cpp).
std::shared_ptr<ClassObj> script_class_of(const Value& v);

// Drops expired entries from a list of weak pointers once it has doubled, so loops that make
// many short-lived closures or instances keep it small.
template <class T>
void prune(std::vector<std::weak_ptr<T>>& v) {
  if (v.size() < 1024 || (v.size() & (v.size() - 1)) != 0) return;
  v.erase(std::remove_if(v.begin(), v.end(), [](const std::weak_ptr<T>& w) { return w.expired(); }), v.end());
}

}  // namespace initlab::script
