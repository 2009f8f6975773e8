#include "support/corpus.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "initlab/session.hpp"
#include "support/fixtures.hpp"

namespace corpus {

namespace {

std::vector<int64_t> parse_shape(const std::string& s, int line) {
  std::vector<int64_t> shape;
  if (s == "-") return shape;
  std::size_t at = 0;
  while (at <= s.size()) {
    const std::size_t x = s.find('x', at);
    const std::string dim = s.substr(at, x == std::string::npos ? std::string::npos : x - at);
    if (dim.empty() || dim.find_first_not_of("0123456789") != std::string::npos) {
      throw std::runtime_error("corpus fixtures line " + std::to_string(line) + ": bad shape '" + s + "'");
    }
    shape.push_back(std::stoll(dim));
    if (x == std::string::npos) break;
    at = x + 1;
  }
  return shape;
}

// key=value fields after the leading word(s); bare words (`forward`) map to "".
void fields(std::istringstream& in, Tensor& t, int line) {
  for (std::string w; in >> w;) {
    const auto eq = w.find('=');
    const std::string key = w.substr(0, eq), value = eq == std::string::npos ? "" : w.substr(eq + 1);
    if (key == "shape") t.shape = parse_shape(value, line);
    else if (key == "dtype") t.dtype = value;
    else if (key == "fnv") t.fnv = std::stoull(value, nullptr, 16);
    else if (key == "forward") t.forward = true;
    else throw std::runtime_error("corpus fixtures line " + std::to_string(line) + ": unknown field '" + w + "'");
  }
}

std::string shape_text(const std::vector<int64_t>& shape) {
  if (shape.empty()) return "[]";
  std::string s = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
  return s + "]";
}

std::string num(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

std::string dtype_code(const std::string& initlab_dtype) {
  if (initlab_dtype == "float32") return "f32";
  if (initlab_dtype == "int64") return "i64";
  if (initlab_dtype == "bool") return "b8";
  return initlab_dtype;
}

const char* dtype_name(const std::string& code) {
  if (code == "f32") return "float32";
  if (code == "f64") return "float64";
  if (code == "i64") return "int64";
  if (code == "b8") return "bool";
  return "?";
}

int64_t numel(const std::vector<int64_t>& shape) {
  int64_t n = 1;
  for (int64_t d : shape) n *= d;
  return n;
}

// The raw little-endian bytes PyTorch hashed, rebuilt from the Report's values (floats; int64 and
// bool values are exact in them).
std::string raw_bytes(const initlab::NamedTensor& t, const std::string& code) {
  std::string out;
  if (code == "f32") {
    out.resize(t.data.size() * sizeof(float));
    if (!t.data.empty()) std::memcpy(out.data(), t.data.data(), out.size());
  } else if (code == "i64") {
    out.resize(t.data.size() * sizeof(int64_t));
    for (std::size_t i = 0; i < t.data.size(); ++i) {
      const auto v = static_cast<int64_t>(t.data[i]);
      std::memcpy(out.data() + i * sizeof v, &v, sizeof v);
    }
  } else if (code == "b8") {
    for (float v : t.data) out.push_back(v != 0.0f ? '\1' : '\0');
  }
  return out;
}

double expected_value(const std::string& code, uint64_t bits) {
  if (code == "f32") {
    const auto b = static_cast<uint32_t>(bits);
    float f;
    std::memcpy(&f, &b, sizeof f);
    return static_cast<double>(f);
  }
  if (code == "f64") {
    double d;
    std::memcpy(&d, &bits, sizeof d);
    return d;
  }
  if (code == "i64") return static_cast<double>(static_cast<int64_t>(bits));
  return static_cast<double>(bits);
}

// "" when the values agree (floats within the rule, integers exactly), else the first difference.
std::string compare_values(const initlab::NamedTensor& got, const Tensor& want) {
  const bool exact = want.dtype == "i64" || want.dtype == "b8";
  std::size_t first = want.values.size(), bad = 0;
  double max_diff = 0;
  for (std::size_t i = 0; i < want.values.size(); ++i) {
    const double e = expected_value(want.dtype, want.values[i]);
    const auto a = static_cast<double>(got.data[i]);
    const bool ok = exact ? a == e : close(a, e);
    if (std::isfinite(a) && std::isfinite(e)) max_diff = std::max(max_diff, std::fabs(a - e));
    if (!ok) {
      if (first == want.values.size()) first = i;
      ++bad;
    }
  }
  if (bad == 0) return "";
  const double e = expected_value(want.dtype, want.values[first]);
  const auto a = static_cast<double>(got.data[first]);
  std::string s = std::to_string(bad) + " of " + std::to_string(want.values.size()) + " values differ; element " +
                  std::to_string(first) + " is " + num(a) + ", PyTorch's " + num(e);
  if (!exact) s += " (max |diff| " + num(max_diff) + ", allowed " + num(kAtol) + " + " + num(kRtol) + " |expected|)";
  return s;
}

// Shape and dtype first: "" when both agree.
std::string compare_kind(const initlab::NamedTensor& got, const Tensor& want) {
  if (got.shape != want.shape) {
    return "shape " + shape_text(got.shape) + ", PyTorch's " + shape_text(want.shape);
  }
  if (dtype_code(got.dtype) != want.dtype) {
    return "dtype " + got.dtype + ", PyTorch's " + dtype_name(want.dtype);
  }
  return "";
}

Result mismatch(const std::string& detail, double ms) {
  Result r;
  r.outcome = Outcome::mismatch;
  r.detail = detail;
  r.ms = ms;
  return r;
}

}  // namespace

std::vector<File> parse(const std::string& text) {
  std::vector<File> files;
  std::istringstream in(text);
  Tensor* values_of = nullptr;  // where `v` lines go
  bool open = false;
  int line_no = 0;
  auto fail = [&](const std::string& what) {
    throw std::runtime_error("corpus fixtures line " + std::to_string(line_no) + ": " + what);
  };
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    std::string head;
    words >> head;
    if (head == "file") {
      if (open) fail("`file` before the previous file's `end`");
      files.emplace_back();
      words >> files.back().name;
      files.back().line = line_no;
      open = true;
      values_of = nullptr;
    } else if (!open) {
      fail("'" + head + "' outside a file block");
    } else if (head == "state") {
      Tensor t;
      words >> t.name;
      fields(words, t, line_no);
      files.back().state.push_back(t);
      values_of = t.forward ? &files.back().state.back() : nullptr;
    } else if (head == "output") {
      Tensor& t = files.back().output;
      t.name = "output";
      fields(words, t, line_no);
      values_of = &t;
    } else if (head == "v") {
      if (!values_of) fail("values for a tensor that has none");
      for (std::string w; words >> w;) values_of->values.push_back(std::stoull(w, nullptr, 16));
    } else if (head == "end") {
      File& f = files.back();
      for (const Tensor& t : f.state) {
        if (t.forward && static_cast<int64_t>(t.values.size()) != numel(t.shape)) fail(f.name + " " + t.name + ": wrong value count");
      }
      if (static_cast<int64_t>(f.output.values.size()) != numel(f.output.shape)) fail(f.name + ": wrong output value count");
      open = false;
      values_of = nullptr;
    } else {
      fail("unknown line '" + head + "'");
    }
  }
  if (open) throw std::runtime_error("corpus fixtures: the last file has no `end`");
  return files;
}

std::vector<std::string> parse_list(const std::string& text) {
  std::vector<std::string> names;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    const auto hash = line.find('#');
    if (hash != std::string::npos) line.erase(hash);
    const auto b = line.find_first_not_of(" \t\r");
    if (b == std::string::npos) continue;
    const auto e = line.find_last_not_of(" \t\r");
    names.push_back(line.substr(b, e - b + 1));
  }
  return names;
}

bool close(double actual, double expected) {
  if (std::isnan(actual) || std::isnan(expected)) return false;
  if (std::isinf(actual) || std::isinf(expected)) return actual == expected;
  return std::fabs(actual - expected) <= kAtol + kRtol * std::fabs(expected);
}

Result check(const File& expected, const std::string& source) {
  initlab::RunOptions options;
  options.seed = 0;
  options.state_dict = true;
  options.state_dict_of = "model";
  options.keep_output = true;
  options.auto_forward = false;  // the script's own call of `model` is the one compared
  const auto t0 = std::chrono::steady_clock::now();
  const initlab::Report report = initlab::run(source, options);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();

  if (!report.ok) {
    Result r;
    r.outcome = Outcome::error;
    r.kind = report.error->kind;
    r.message = report.error->message;
    r.line = report.error->line;
    r.column = report.error->column;
    r.detail = r.kind + ": " + r.message;
    r.ms = ms;
    return r;
  }

  const auto& state = report.state_dict;
  if (state.empty() && !expected.state.empty()) {
    return mismatch("no state_dict: the global `model` is not an nn.Module after the run", ms);
  }
  for (std::size_t i = 0; i < std::min(state.size(), expected.state.size()); ++i) {
    if (state[i].name != expected.state[i].name) {
      return mismatch("state entry " + std::to_string(i) + " is '" + state[i].name + "', PyTorch's '" +
                          expected.state[i].name + "'",
                      ms);
    }
  }
  if (state.size() != expected.state.size()) {
    const std::string next = state.size() < expected.state.size() ? "PyTorch's next is '" + expected.state[state.size()].name + "'"
                                                                   : "initlab's next is '" + state[expected.state.size()].name + "'";
    return mismatch("state_dict has " + std::to_string(state.size()) + " entries, PyTorch's " +
                        std::to_string(expected.state.size()) + " (" + next + ")",
                    ms);
  }
  for (std::size_t i = 0; i < state.size(); ++i) {
    const Tensor& want = expected.state[i];
    std::string diff = compare_kind(state[i], want);
    if (diff.empty()) {
      if (want.forward) {
        diff = compare_values(state[i], want);
      } else {
        const std::string bytes = raw_bytes(state[i], want.dtype);
        const uint64_t h = fixtures::fnv1a(bytes.data(), bytes.size());
        if (h != want.fnv) {
          char buf[80];
          std::snprintf(buf, sizeof buf, "values differ (FNV-1a %016llx, PyTorch's %016llx)",
                        static_cast<unsigned long long>(h), static_cast<unsigned long long>(want.fnv));
          diff = buf;
        }
      }
    }
    if (!diff.empty()) return mismatch("state " + want.name + ": " + diff, ms);
  }

  if (!report.forward_from_script) return mismatch("output: initlab saw no call of `model` in the script", ms);
  if (!report.output_tensor) return mismatch("output: the run kept no output", ms);
  std::string diff = compare_kind(*report.output_tensor, expected.output);
  if (diff.empty()) diff = compare_values(*report.output_tensor, expected.output);
  if (!diff.empty()) return mismatch("output: " + diff, ms);

  Result r;
  r.outcome = Outcome::match;
  r.ms = ms;
  return r;
}

std::string blocker(const Result& r) {
  if (r.outcome == Outcome::mismatch) {
    // Grouped by what differs, not by which tensor: the tensor names are the file's own.
    const std::string& d = r.detail;
    const bool output = d.rfind("output:", 0) == 0;
    std::string what = "values";
    if (d.rfind("state entry", 0) == 0) what = "names";
    else if (d.rfind("state_dict has", 0) == 0) what = "entry count";
    else if (d.rfind("no state_dict", 0) == 0) what = "missing";
    else if (d.find(": shape ") != std::string::npos) what = "shape";
    else if (d.find(": dtype ") != std::string::npos) what = "dtype";
    else if (d.find("saw no call") != std::string::npos || d.find("kept no output") != std::string::npos) what = "missing";
    return std::string("mismatch: ") + (output ? "output " : "state_dict ") + what;
  }
  // Shapes and sizes are the file's own numbers, not part of what blocks it: "mat1 and mat2 shapes
  // cannot be multiplied (2x48 and 32x10)" is one blocker whatever the sizes.
  static const std::regex shape(R"(\b\d+(x\d+)+\b)"), size_list(R"(\[\d+(, \d+)*\])");
  std::string message = std::regex_replace(r.message, shape, "AxB");
  message = std::regex_replace(message, size_list, "[...]");
  return r.kind + ": " + message;
}

}  // namespace corpus
