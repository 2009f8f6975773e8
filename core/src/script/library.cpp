#include "library.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "library_files.hpp"
#include "parser.hpp"

namespace initlab::script {

namespace {

struct Parsed {
  std::unique_ptr<Source> source;
  std::unique_ptr<Program> program;
  LibraryModule module;
};

// File ids are 1 + the index in kLibraryFiles, so a Location names its file with one int.
std::vector<std::unique_ptr<Parsed>>& cache() {
  static std::vector<std::unique_ptr<Parsed>> parsed(static_cast<std::size_t>(kLibraryFileCount));
  return parsed;
}

std::mutex& cache_mutex() {
  static std::mutex m;
  return m;
}

const LibraryModule* load(int index) {
  std::lock_guard<std::mutex> lock(cache_mutex());
  auto& slot = cache()[static_cast<std::size_t>(index)];
  if (!slot) {
    const LibraryFile& f = kLibraryFiles[index];
    auto p = std::make_unique<Parsed>();
    p->source = std::make_unique<Source>(f.text, index + 1);
    try {
      p->program = std::make_unique<Program>(parse(*p->source));
    } catch (const ScriptError& e) {
      // The library ships with the build and its tests parse every module: this is our bug.
      throw ScriptError("SystemError", std::string("initlab's library module ") + f.path + " does not parse (line " +
                                           std::to_string(e.where().line) + ": " + e.headline() +
                                           "); please report it",
                        Location{});
    }
    p->module = {f.name, f.path, f.package != 0, p->source.get(), p->program.get()};
    slot = std::move(p);
  }
  return &slot->module;
}

}  // namespace

const LibraryModule* library_module(const std::string& name) {
  for (int i = 0; i < kLibraryFileCount; ++i)
    if (name == kLibraryFiles[i].name) return load(i);
  return nullptr;
}

const LibraryModule* library_file(int file) {
  if (file < 1 || file > kLibraryFileCount) return nullptr;
  return load(file - 1);
}

std::vector<std::string> library_module_names() {
  std::vector<std::string> names;
  for (int i = 0; i < kLibraryFileCount; ++i) {
    const std::string n = kLibraryFiles[i].name;
    if (n[0] == '_' && n[1] != '_') continue;  // private helpers (_collections_helpers ...)
    names.push_back(n);
  }
  return names;
}

}  // namespace initlab::script
