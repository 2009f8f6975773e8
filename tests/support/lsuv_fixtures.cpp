#include "support/lsuv_fixtures.hpp"

#include <cstdlib>
#include <sstream>
#include <stdexcept>

#include "support/fixtures.hpp"

namespace lsuv_fixture {

namespace {

// The value of " key=" in a line, up to the next space.
std::string field(const std::string& line, const std::string& key) {
  const auto at = line.find(" " + key + "=");
  if (at == std::string::npos) throw std::runtime_error("lsuv_fixtures.txt: no " + key + " in: " + line);
  const auto start = at + key.size() + 2;
  return line.substr(start, line.find(' ', start) - start);
}

}  // namespace

std::vector<LsuvCase> read_cases() {
  std::vector<LsuvCase> cases;
  std::istringstream in(fixtures::read_file(std::string(INITLAB_FIXTURE_DIR) + "/lsuv_fixtures.txt"));
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const auto sp = line.find(' ');
    const std::string key = line.substr(0, sp), rest = sp == std::string::npos ? "" : line.substr(sp + 1);
    if (key == "case") {
      LsuvCase c;
      c.name = rest.substr(0, rest.find(' '));
      c.ortho = field(line, "ortho") == "1";
      c.tol = field(line, "tol");
      c.max_iter = std::atoi(field(line, "max_iter").c_str());
      cases.push_back(c);
    } else if (key == "script") {
      cases.back().script = fixtures::unescape(rest);
    } else if (key == "layer") {
      LsuvLayer l;
      l.path = rest.substr(0, rest.find(' '));
      l.iterations = std::atoi(field(line, "iterations").c_str());
      l.std_before = std::strtod(field(line, "std_before").c_str(), nullptr);
      l.std_after = std::strtod(field(line, "std_after").c_str(), nullptr);
      cases.back().layers.push_back(l);
    } else if (key == "f") {
      std::istringstream values(rest);
      for (std::string v; values >> v;) cases.back().layers.back().factors.push_back(static_cast<float>(std::strtod(v.c_str(), nullptr)));
    } else if (key == "state") {
      cases.back().state[rest.substr(0, rest.find(' '))] = std::strtoull(field(line, "fnv").c_str(), nullptr, 16);
    }
  }
  return cases;
}

}  // namespace lsuv_fixture
