// The real-model corpus report: runs every tests/corpus/NN_name.py in initlab, compares it with what
// PyTorch did (corpus_fixtures.txt), prints one line per file, then the first errors ranked by how many
// files each blocks, then `N/M real model files run and match PyTorch`. tests/corpus/run.sh builds and
// runs it; CTest runs it too (it passes whenever it completes: tests/corpus_test.cpp is what fails
// when a file of MATCHING.txt stops matching).
//
//   corpus_report [CORPUS_DIR] [--out FILE]   (FILE: also write the report there)
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/corpus.hpp"
#include "support/fixtures.hpp"

namespace {

bool is_corpus_file(const std::string& name) {
  return name.size() > 6 && std::isdigit(static_cast<unsigned char>(name[0])) &&
         std::isdigit(static_cast<unsigned char>(name[1])) && name[2] == '_' &&
         name.compare(name.size() - 3, 3, ".py") == 0;
}

std::string pad(const std::string& s, std::size_t width) {
  return s.size() >= width ? s + " " : s + std::string(width - s.size(), ' ');
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = INITLAB_CORPUS_DIR, out_path;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--out" && i + 1 < argc) {
      out_path = argv[++i];
    } else if (a == "-h" || a == "--help") {
      std::cout << "usage: corpus_report [CORPUS_DIR] [--out FILE]\n";
      return 0;
    } else {
      dir = a;
    }
  }

  std::vector<corpus::File> fixtures;
  try {
    const std::string text = fixtures::read_file(dir + "/corpus_fixtures.txt");
    if (text.empty()) throw std::runtime_error("cannot read " + dir + "/corpus_fixtures.txt");
    fixtures = corpus::parse(text);
  } catch (const std::exception& e) {
    std::cerr << "corpus_report: " << e.what() << "\n";
    return 2;
  }
  const std::vector<std::string> listed = corpus::parse_list(fixtures::read_file(dir + "/MATCHING.txt"));
  const std::set<std::string> matching(listed.begin(), listed.end());

  std::set<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (is_corpus_file(name)) names.insert(name);
  }
  std::map<std::string, const corpus::File*> by_name;
  for (const auto& f : fixtures) {
    by_name[f.name] = &f;
    names.insert(f.name);
  }

  std::ostringstream report;
  int matched = 0, regressions = 0, newly = 0;
  std::map<std::string, std::vector<std::string>> blocked;  // blocker -> files
  double total_ms = 0;
  for (const std::string& name : names) {
    const auto fx = by_name.find(name);
    const std::string source = fixtures::read_file(dir + "/" + name);
    corpus::Result r;
    if (fx == by_name.end()) {
      r.kind = "FixtureError";
      r.message = "no fixture for this file: run /usr/bin/python3 tests/corpus/make_corpus_fixtures.py";
      r.detail = r.kind + ": " + r.message;
    } else if (source.empty()) {
      r.kind = "FixtureError";
      r.message = "the fixture names a file that does not exist";
      r.detail = r.kind + ": " + r.message;
    } else {
      r = corpus::check(*fx->second, source);
    }
    total_ms += r.ms;
    const bool listed_here = matching.count(name) > 0;
    std::string line = pad(name, 34);
    if (r.outcome == corpus::Outcome::match) {
      ++matched;
      line += "matches";
      if (!listed_here) {
        line += "   (not in MATCHING.txt yet: add it)";
        ++newly;
      }
    } else {
      if (r.outcome == corpus::Outcome::mismatch) {
        line += "mismatch: " + r.detail;
      } else {
        line += "error: " + r.detail;
        if (r.line > 0) line += " (line " + std::to_string(r.line) + ", column " + std::to_string(r.column) + ")";
      }
      if (listed_here) {
        line = "REGRESSION " + line;
        ++regressions;
      }
      blocked[corpus::blocker(r)].push_back(name);
    }
    report << line << "\n";
  }

  std::vector<std::pair<std::string, std::vector<std::string>>> ranked(blocked.begin(), blocked.end());
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.second.size() > b.second.size(); });
  report << "\nFirst errors, ranked by how many files each blocks:\n";
  for (const auto& [what, files] : ranked) {
    std::string list;
    for (const auto& f : files) list += (list.empty() ? "" : ", ") + f.substr(0, f.size() - 3);
    char count[16];
    std::snprintf(count, sizeof count, "%4zu  ", files.size());
    report << count << what << "\n        " << list << "\n";
  }
  if (ranked.empty()) report << "   (none)\n";
  char timing[96];
  std::snprintf(timing, sizeof timing, "\n(%zu files in %.0f ms of initlab runs)\n", names.size(), total_ms);
  report << timing;
  if (regressions > 0) report << regressions << " file(s) of MATCHING.txt no longer match: see REGRESSION above\n";
  if (newly > 0) report << newly << " matching file(s) are not in MATCHING.txt yet\n";
  report << matched << "/" << names.size() << " real model files run and match PyTorch\n";

  std::cout << report.str();
  if (!out_path.empty()) {
    std::ofstream out(out_path);
    out << report.str();
  }
  return 0;
}
