#include "parse_cache.hpp"

#include <algorithm>
#include <array>
#include <mutex>
#include <string>
#include <utility>

#include "parser.hpp"

namespace initlab::script {

namespace {

// A handful of scripts, least recently used first out: the page alternates between a user's
// script and a preset or two; more would only hold memory.
constexpr std::size_t kEntries = 4;

struct Entry {
  std::string text;
  std::shared_ptr<const Program> program;
};

struct Cache {
  std::mutex mutex;
  std::array<Entry, kEntries> entries;  // most recently used first
};

Cache& cache() {
  static Cache c;
  return c;
}

}  // namespace

std::shared_ptr<const Program> parse_cached(const Source& source) {
  Cache& c = cache();
  {
    std::lock_guard<std::mutex> lock(c.mutex);
    for (std::size_t i = 0; i < kEntries; ++i) {
      if (c.entries[i].program && c.entries[i].text == source.text()) {
        std::rotate(c.entries.begin(), c.entries.begin() + static_cast<std::ptrdiff_t>(i),
                    c.entries.begin() + static_cast<std::ptrdiff_t>(i) + 1);
        return c.entries[0].program;
      }
    }
  }
  // Outside the lock: a long parse does not hold up another thread's hit.
  auto program = std::make_shared<const Program>(parse(source));
  std::lock_guard<std::mutex> lock(c.mutex);
  std::rotate(c.entries.begin(), c.entries.end() - 1, c.entries.end());
  c.entries[0] = {source.text(), program};
  return program;
}

}  // namespace initlab::script
