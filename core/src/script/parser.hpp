// Recursive-descent parser for the Python subset initlab runs. The first error stops it
// (no cascades) with Python's wording where Python has one.
#pragma once

#include "ast.hpp"
#include "lexer.hpp"

namespace initlab::script {

Program parse(const Source& source);

}  // namespace initlab::script
