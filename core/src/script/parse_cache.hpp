// The parsed program of a script, kept for the next run of the same text. The page runs one
// script many times (seed, batch, scale, preset switches), and its parse was 5% of a warm run()
// of the tutorial in wasm; the AST is immutable once built, so runs can share it.
#pragma once

#include <memory>

#include "ast.hpp"
#include "source.hpp"

namespace initlab::script {

// parse(source), or the program parsed from the same text before. Parse errors propagate
// and are not kept (the next run reports them again).
std::shared_ptr<const Program> parse_cached(const Source& source);

}  // namespace initlab::script
