// The interpreter's case files: tests/script/*.py, each a script with its expectations inline.
//   # expect: <text>            the next line the script prints must be exactly <text>
//   # error: line N: <Kind>: <message>
//                              the run must stop with this error at line N (and print what the
//                              expect lines say before it)
//   # run: forward             also run the model when the script calls none (the playground
//                              does; the cases are about the language, so they do not unless
//                              they say so)
// Every case runs natively and in wasm; a case without an error line must run cleanly.
#include <doctest/doctest.h>

#include "support/fixtures.hpp"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "initlab/session.hpp"

namespace {

std::vector<std::string> case_files() {
  std::ifstream list(std::string(INITLAB_SCRIPT_CASES));
  std::vector<std::string> files;
  for (std::string line; std::getline(list, line);)
    if (!line.empty()) files.push_back(line);
  return files;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

struct Expectations {
  std::vector<std::string> output;
  bool error = false;
  bool forward = false;
  int error_line = 0;
  std::string error_text;  // "Kind: message"
};

Expectations expectations(const std::string& source) {
  Expectations e;
  for (const std::string& line : lines_of(source)) {
    const auto hash = line.find("# expect: ");
    if (hash != std::string::npos) {
      e.output.push_back(line.substr(hash + 10));
      continue;
    }
    if (line.find("# run: forward") != std::string::npos) e.forward = true;
    const auto err = line.find("# error: line ");
    if (err != std::string::npos) {
      e.error = true;
      const std::string rest = line.substr(err + 14);
      const auto colon = rest.find(": ");
      e.error_line = std::stoi(rest.substr(0, colon));
      e.error_text = rest.substr(colon + 2);
    }
  }
  return e;
}

}  // namespace

TEST_SUITE("script cases") {

TEST_CASE("every case file runs as its expectations say") {
  const auto files = case_files();
  REQUIRE(files.size() >= 80);
  for (const std::string& file : files) {
    SUBCASE(file.substr(file.rfind('/') + 1).c_str()) {
      const std::string source = fixtures::read_file(file);
      const Expectations want = expectations(source);
      const bool has_expectations = !want.output.empty() || want.error;
      REQUIRE_MESSAGE(has_expectations, file << " has no expectations");
      initlab::RunOptions options;
      options.limits.max_steps = 200000;
      options.limits.max_milliseconds = 60000;
      options.auto_forward = want.forward;
      const initlab::Report report = initlab::run(source, options);
      const bool same_output = lines_of(report.output) == want.output;
      CHECK_MESSAGE(same_output,
                    file << " printed:\n" << report.output << (report.error ? "\nerror: " + report.error->formatted : ""));
      if (want.error) {
        CHECK_MESSAGE(report.error.has_value(), file << " ran without the expected error");
        if (report.error) {
          CHECK_MESSAGE(report.error->line == want.error_line, file << ": " << report.error->formatted);
          const std::string got = report.error->kind + ": " + report.error->message;
          CHECK_MESSAGE(got == want.error_text, file << ": " << report.error->formatted);
        }
      } else {
        const bool clean = !report.error.has_value();
        CHECK_MESSAGE(clean, file << ": " << (report.error ? report.error->formatted : ""));
      }
    }
  }
}

}  // TEST_SUITE
