// The library modules compiled into the build (core/lib/**/*.py, embedded by
// core/cmake/embed_library.cmake into a generated library_files.cpp).
#pragma once

namespace initlab::script {

struct LibraryFile {
  const char* name;     // dotted module name: "functools", "collections.abc"
  const char* path;     // under core/lib: "collections/abc.py"
  int package;          // 1 for a package's __init__.py
  const char* text;
};

extern const LibraryFile kLibraryFiles[];
extern const int kLibraryFileCount;

}  // namespace initlab::script
