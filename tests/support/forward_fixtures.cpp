#include "support/forward_fixtures.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace fixtures {

namespace {

[[noreturn]] void fail(int line, const std::string& what) {
  throw std::runtime_error("forward_fixtures.txt:" + std::to_string(line) + ": " + what);
}

std::vector<int64_t> parse_dims(const std::string& s) {
  std::vector<int64_t> dims;
  if (s == "-") return dims;  // a 0-dim tensor
  std::size_t start = 0;
  for (;;) {
    const std::size_t x = s.find('x', start);
    dims.push_back(std::stoll(s.substr(start, x - start)));
    if (x == std::string::npos) break;
    start = x + 1;
  }
  return dims;
}

// key=value words of a line, after its head.
std::vector<std::pair<std::string, std::string>> fields(const std::string& rest) {
  std::istringstream in(rest);
  std::vector<std::pair<std::string, std::string>> out;
  for (std::string w; in >> w;) {
    const auto eq = w.find('=');
    if (eq == std::string::npos) out.emplace_back("", w);
    else out.emplace_back(w.substr(0, eq), w.substr(eq + 1));
  }
  return out;
}

std::vector<ForwardRun> parse_forward(const std::string& text) {
  std::vector<ForwardRun> runs;
  std::istringstream in(text);
  std::string raw;
  int line = 0;
  Expect* expect = nullptr;  // where the next `expect`/`v` lines go
  while (std::getline(in, raw)) {
    ++line;
    if (raw.empty() || raw[0] == '#') continue;
    const auto sp = raw.find(' ');
    const std::string head = raw.substr(0, sp), rest = sp == std::string::npos ? "" : raw.substr(sp + 1);
    if (head == "run") {
      runs.emplace_back();
      runs.back().name = rest;
      continue;
    }
    if (runs.empty()) fail(line, "line outside a run");
    ForwardRun& r = runs.back();
    if (head == "class") {
      r.cls = rest;
    } else if (head == "seed") {
      r.seed = rest[0] == '-' ? static_cast<uint64_t>(std::stoll(rest)) : std::stoull(rest);
    } else if (head == "mode") {
      r.mode = rest;
    } else if (head == "input") {
      r.input_shape = parse_dims(rest);
      expect = &r.input;
    } else if (head == "repr") {
      r.repr = unescape(rest);
    } else if (head == "state_before" || head == "state_after") {
      auto& list = head == "state_before" ? r.state_before : r.state_after;
      const auto f = fields(rest);
      list.push_back({f.at(0).second, parse_dims(f.at(1).second), {}});
      expect = &list.back().expect;
    } else if (head == "record") {
      ForwardRecord rec;
      for (const auto& [k, v] : fields(rest)) {
        if (k.empty()) rec.index = std::stoi(v);
        else if (k == "kind") rec.is_op = v == "op";
        else if (k == "path") rec.path = v == "-" ? "" : (v == "." ? "" : v);
        else if (k == "type") rec.type = v;
        else if (k == "shape") rec.shape = parse_dims(v);
      }
      r.records.push_back(rec);
      expect = &r.records.back().expect;
    } else if (head == "stats" || head == "stats64") {
      if (r.records.empty()) fail(line, "stats before a record");
      RecordStats& st = head == "stats" ? r.records.back().stats : r.records.back().stats64;
      for (const auto& [k, v] : fields(rest)) {
        if (k == "mean") st.mean = std::stod(v);
        else if (k == "std") st.std = std::stod(v);
        else if (k == "min") st.min = std::stod(v);
        else if (k == "max") st.max = std::stod(v);
        else if (k == "zeros") st.zeros = std::stod(v);
        else if (k == "nan") st.nan = std::stoll(v);
        else if (k == "inf") st.inf = std::stoll(v);
      }
    } else if (head == "expect64") {
      if (r.records.empty()) fail(line, "expect64 before a record");
      expect = &r.records.back().expect64;
      parse_expect(rest, *expect);
    } else if (head == "expect") {
      if (!expect) fail(line, "expect without a tensor");
      parse_expect(rest, *expect);
    } else if (head == "v") {
      if (!expect) fail(line, "values without a tensor");
      parse_values(rest, *expect);
    } else if (head == "end") {
      expect = nullptr;
    } else {
      fail(line, "unknown line kind '" + head + "'");
    }
  }
  return runs;
}

}  // namespace

const std::vector<ForwardRun>& forward_fixtures() {
  static const std::vector<ForwardRun> runs = [] {
    const std::string path = std::string(INITLAB_FIXTURE_DIR) + "/forward_fixtures.txt";
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path);
    std::stringstream ss;
    ss << in.rdbuf();
    return parse_forward(ss.str());
  }();
  return runs;
}

}  // namespace fixtures
