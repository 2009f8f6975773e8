// The recurrent (and attention) modules against PyTorch 1.13: tests/fixtures/rnn_fixtures.txt,
// written by tests/fixtures/make_rnn_fixtures.py (format and what each script prints in its
// header). Each case's script runs in initlab as it ran in PyTorch; then per printed tensor:
//   param (state_dict after default init):  bit for bit (the same values, printed by repr)
//   out (the module's outputs):              |y_j - t_j| <= 1e-5 * absmax(t), every element
//   grad (input and parameter gradients):    tests/grad_fixture_test.cpp's rule,
//       |g_j - t_j| <= 1e-4 * absmax(t) + 1e-6 * R and |norm(g) - norm(t)| <= 1e-4 * norm(t) + 1e-6 * R,
//       R the largest absmax of any gradient of the case.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "initlab/session.hpp"
#include "support/fixtures.hpp"

namespace {

struct Printed {
  std::string shape;
  std::vector<double> values;
};

struct Case {
  std::string name, code;
  std::vector<std::string> expect;
};

std::string unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      out += s[i + 1] == 'n' ? '\n' : s[i + 1];
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::vector<Case> read_cases() {
  const std::string text = fixtures::read_file(std::string(INITLAB_FIXTURE_DIR) + "/rnn_fixtures.txt");
  std::vector<Case> cases;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("case ", 0) == 0) cases.push_back({line.substr(5), "", {}});
    else if (line.rfind("code ", 0) == 0) cases.back().code += unescape(line.substr(5)) + "\n";
    else if (line.rfind("expect ", 0) == 0) cases.back().expect.push_back(line.substr(7));
  }
  return cases;
}

// "kind name shape v v v ..." lines -> key "kind name".
std::map<std::string, Printed> parse(const std::vector<std::string>& lines, std::vector<std::string>& order) {
  std::map<std::string, Printed> out;
  for (const std::string& line : lines) {
    std::istringstream in(line);
    std::string kind, name;
    Printed p;
    in >> kind >> name >> p.shape;
    for (std::string v; in >> v;) p.values.push_back(std::stod(v));
    out[kind + " " + name] = p;
    order.push_back(kind + " " + name);
  }
  return out;
}

double absmax(const std::vector<double>& v) {
  double m = 0;
  for (double x : v) m = std::max(m, std::fabs(x));
  return m;
}

double norm(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x * x;
  return std::sqrt(s);
}

}  // namespace

TEST_CASE("rnn fixtures: recurrent modules match PyTorch 1.13 (init bits, forward, gradients)") {
  const std::vector<Case> cases = read_cases();
  REQUIRE(cases.size() >= 20);
  for (const Case& c : cases) {
    CAPTURE(c.name);
    initlab::RunOptions options;
    options.auto_forward = false;
    const initlab::Report r = initlab::run(c.code, options);
    REQUIRE_MESSAGE(r.ok, (r.error ? r.error->formatted : std::string()));
    std::vector<std::string> got_lines;
    std::istringstream out(r.output);
    for (std::string line; std::getline(out, line);) got_lines.push_back(line);
    std::vector<std::string> want_order, got_order;
    const auto want = parse(c.expect, want_order);
    const auto got = parse(got_lines, got_order);
    CHECK(got_order == want_order);
    double R = 0;
    for (const auto& [key, p] : want)
      if (key.rfind("grad ", 0) == 0) R = std::max(R, absmax(p.values));
    for (const auto& [key, t] : want) {
      const std::string& entry = key;  // a structured binding cannot be captured (C++17)
      CAPTURE(entry);
      const auto g = got.find(key);
      REQUIRE(g != got.end());
      REQUIRE(g->second.shape == t.shape);
      REQUIRE(g->second.values.size() == t.values.size());
      const std::vector<double>& y = g->second.values;
      int bad = 0;
      if (key.rfind("param ", 0) == 0) {
        for (std::size_t j = 0; j < y.size(); ++j) bad += y[j] == t.values[j] ? 0 : 1;
      } else if (key.rfind("out ", 0) == 0) {
        const double tol = 1e-5 * absmax(t.values);
        for (std::size_t j = 0; j < y.size(); ++j) bad += std::fabs(y[j] - t.values[j]) <= tol ? 0 : 1;
      } else {
        const double tol = 1e-4 * absmax(t.values) + 1e-6 * R;
        for (std::size_t j = 0; j < y.size(); ++j) bad += std::fabs(y[j] - t.values[j]) <= tol ? 0 : 1;
        CHECK(std::fabs(norm(y) - norm(t.values)) <= 1e-4 * norm(t.values) + 1e-6 * R);
      }
      CHECK(bad == 0);
    }
  }
}
