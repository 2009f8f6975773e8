// Python's tokenizer rules for the subset initlab runs: INDENT/DEDENT from leading whitespace
// (mixing tabs and spaces inconsistently is a TabError), comments, implicit line joining
// inside brackets and explicit joining with a backslash, int/float literals, strings in both
// quotes (triple too) with escapes, raw and f-strings.
#pragma once

#include <string>
#include <vector>

#include "source.hpp"

namespace initlab::script {

enum class Tok { Name, Int, Float, String, Op, Newline, Indent, Dedent, End };

struct Token {
  Tok kind;
  std::string text;   // names, operators; the decoded value of strings; the digits of numbers
  Location where;
  bool fstring = false;  // a String token that is an f-string (text is the raw body)
  Location body;         // f-strings: where the body's first character is
};

std::vector<Token> tokenize(const Source& source);

// Python escape sequences of a string body (used for f-string literal pieces).
std::string unescape_string(const std::string& body, Location at);

}  // namespace initlab::script
