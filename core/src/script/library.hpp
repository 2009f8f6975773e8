// The library written in the interpreter's own Python (core/lib): standard-library modules
// and, later, composite torch.nn modules. Each is parsed once per process, on its first
// import, and executed once per run (per Interpreter) in a module scope of its own.
#pragma once

#include <string>
#include <vector>

#include "ast.hpp"
#include "source.hpp"

namespace initlab::script {

struct LibraryModule {
  std::string name;       // "functools"
  std::string path;       // "functools.py"
  bool package = false;
  const Source* source = nullptr;
  const Program* program = nullptr;  // parsed on first use; lives as long as the process
};

// The module of that dotted name, parsed (a SyntaxError in it is initlab's bug and says so);
// null when the library has no such module.
const LibraryModule* library_module(const std::string& name);
// The source of a library file id (Location::file); null for 0 or an unknown id.
const LibraryModule* library_file(int file);
// Every library module's dotted name, sorted (for the ModuleNotFoundError's list).
std::vector<std::string> library_module_names();

}  // namespace initlab::script
