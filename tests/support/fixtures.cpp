#include "support/fixtures.hpp"

#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace fixtures {

namespace {

[[noreturn]] void fail(int line, const std::string& what) {
  throw std::runtime_error("init_fixtures.txt:" + std::to_string(line) + ": " + what);
}

std::vector<std::string> split_ws(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(' ');
  const auto e = s.find_last_not_of(' ');
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

initlab::Shape parse_shape(const std::string& s, int line) {
  initlab::Shape shape;
  std::size_t start = 0;
  while (start <= s.size()) {
    const std::size_t x = s.find('x', start);
    const std::string part = s.substr(start, x == std::string::npos ? std::string::npos : x - start);
    if (part.empty()) fail(line, "bad shape '" + s + "'");
    shape.push_back(std::stoll(part));
    if (x == std::string::npos) break;
    start = x + 1;
  }
  return shape;
}

// Values are Python literals: None, True/False, ints, float reprs, bare strings.
initlab::init::Arg parse_value(const std::string& v) {
  if (v == "None") return std::monostate{};
  if (v == "True") return true;
  if (v == "False") return false;
  char* end = nullptr;
  const long long i = std::strtoll(v.c_str(), &end, 10);
  if (!v.empty() && *end == '\0') return static_cast<int64_t>(i);
  const double d = std::strtod(v.c_str(), &end);
  if (!v.empty() && *end == '\0') return d;
  return v;
}

uint64_t parse_seed(const std::string& s) {
  if (!s.empty() && s[0] == '-') return static_cast<uint64_t>(std::stoll(s));
  return std::stoull(s);
}

}  // namespace

uint64_t fnv1a(const void* data, std::size_t bytes) {
  uint64_t h = 0xcbf29ce484222325ULL;
  const auto* p = static_cast<const unsigned char*>(data);
  for (std::size_t i = 0; i < bytes; ++i) {
    h ^= p[i];
    h *= 0x100000001b3ULL;
  }
  return h;
}

Call parse_call(const std::string& text, int line) {
  Call call;
  call.line = line;
  const auto words = split_ws(text);
  if (words.empty()) fail(line, "empty call");
  call.fn = words[0];
  for (std::size_t i = 1; i < words.size(); ++i) {
    const auto eq = words[i].find('=');
    if (eq == std::string::npos) fail(line, "expected key=value, got '" + words[i] + "'");
    const std::string key = words[i].substr(0, eq), value = words[i].substr(eq + 1);
    if (key == "shape") {
      if (value != "-") {
        call.has_shape = true;
        call.shape = parse_shape(value, line);
      }
    } else {
      call.kwargs.push_back({key, parse_value(value)});
    }
  }
  return call;
}

File parse(const std::string& text) {
  File file;
  std::istringstream in(text);
  std::string raw;
  int line = 0;
  Case* current = nullptr;
  while (std::getline(in, raw)) {
    ++line;
    if (raw.empty() || raw[0] == '#') continue;
    const auto space = raw.find(' ');
    const std::string head = raw.substr(0, space);
    const std::string rest = space == std::string::npos ? "" : raw.substr(space + 1);
    if (head == "case") {
      file.cases.push_back(Case{rest, 0, {}});
      current = &file.cases.back();
    } else if (head == "seed") {
      if (!current) fail(line, "seed outside a case");
      current->seed = parse_seed(rest);
    } else if (head == "call") {
      if (!current) fail(line, "call outside a case");
      current->steps.push_back(Step{parse_call(rest, line), {}});
    } else if (head == "expect") {
      if (!current || current->steps.empty()) fail(line, "expect without a call");
      parse_expect(rest, current->steps.back().expect);
    } else if (head == "v") {
      if (!current || current->steps.empty()) fail(line, "values without a call");
      parse_values(rest, current->steps.back().expect);
    } else if (head == "end") {
      current = nullptr;
    } else if (head == "gain") {
      const auto w = split_ws(rest);
      if (w.size() != 3) fail(line, "gain needs 3 fields");
      file.gains.push_back({w[0], parse_value(w[1]), std::stod(w[2])});
    } else if (head == "fans") {
      const auto w = split_ws(rest);
      if (w.size() != 3) fail(line, "fans needs 3 fields");
      file.fans.push_back({parse_shape(w[0], line), std::stoll(w[1]), std::stoll(w[2])});
    } else if (head == "raises" || head == "warns") {
      Raise r;
      r.is_warning = head == "warns";
      const auto bar = rest.find(" | ");
      if (bar == std::string::npos) fail(line, "expected ' | '");
      r.call = parse_call(rest.substr(0, bar), line);
      std::string tail = rest.substr(bar + 3);
      if (!r.is_warning) {
        const auto bar2 = tail.find(" | ");
        if (bar2 == std::string::npos) fail(line, "expected a second ' | '");
        r.kind = trim(tail.substr(0, bar2));
        tail = tail.substr(bar2 + 3);
      }
      r.message = tail;
      file.raises.push_back(r);
    } else {
      fail(line, "unknown line kind '" + head + "'");
    }
  }
  for (const Case& c : file.cases) {
    for (const Step& s : c.steps) {
      const auto count = s.expect.n == 0 ? 0 : (s.expect.n + s.expect.stride - 1) / s.expect.stride;
      if (static_cast<int64_t>(s.expect.values.size()) != count) {
        fail(s.call.line, "case " + c.name + ": expected " + std::to_string(count) +
                              " sampled values, found " + std::to_string(s.expect.values.size()));
      }
    }
  }
  return file;
}

const File& init_fixtures() {
  static const File file = [] {
    const std::string path = std::string(INITLAB_FIXTURE_DIR) + "/init_fixtures.txt";
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path);
    std::stringstream ss;
    ss << in.rdbuf();
    return parse(ss.str());
  }();
  return file;
}

static std::string hex(uint64_t v) {
  std::ostringstream os;
  os << std::hex << v;
  return os.str();
}

std::string compare_bits(const std::vector<uint64_t>& actual_bits, const void* raw,
                         std::size_t raw_bytes, const Expect& e) {
  if (static_cast<int64_t>(actual_bits.size()) != e.n) {
    return "got " + std::to_string(actual_bits.size()) + " elements, expected " +
           std::to_string(e.n);
  }
  for (std::size_t k = 0; k < e.values.size(); ++k) {
    const std::size_t i = k * static_cast<std::size_t>(e.stride);
    if (actual_bits[i] != e.values[k]) {
      return "element " + std::to_string(i) + ": got bits " + hex(actual_bits[i]) +
             ", PyTorch gave " + hex(e.values[k]);
    }
  }
  const uint64_t h = fnv1a(raw, raw_bytes);
  if (h != e.fnv) {
    return "sampled values agree but the whole-tensor hash differs (got " + hex(h) +
           ", expected " + hex(e.fnv) + "): an unsampled element differs";
  }
  return "";
}

std::string compare_f32(const std::vector<float>& actual, const Expect& e, double tolerance) {
  if (e.dtype != "f32") return "expectation has dtype " + e.dtype + ", not f32";
  if (tolerance == 0.0) {
    std::vector<uint64_t> bits(actual.size());
    for (std::size_t i = 0; i < actual.size(); ++i) {
      uint32_t b;
      std::memcpy(&b, &actual[i], sizeof b);
      bits[i] = b;
    }
    return compare_bits(bits, actual.data(), actual.size() * sizeof(float), e);
  }
  if (static_cast<int64_t>(actual.size()) != e.n) {
    return "got " + std::to_string(actual.size()) + " elements, expected " + std::to_string(e.n);
  }
  for (std::size_t k = 0; k < e.values.size(); ++k) {
    const std::size_t i = k * static_cast<std::size_t>(e.stride);
    const auto b = static_cast<uint32_t>(e.values[k]);
    float want;
    std::memcpy(&want, &b, sizeof want);
    const double diff = std::fabs(static_cast<double>(actual[i]) - static_cast<double>(want));
    if (!(diff <= tolerance)) {
      std::ostringstream os;
      os.precision(9);
      os << "element " << i << ": got " << actual[i] << ", PyTorch gave " << want
         << " (|diff| " << diff << " > " << tolerance << ")";
      return os.str();
    }
  }
  return "";
}

void parse_expect(const std::string& rest, Expect& e) {
  std::istringstream in(rest);
  for (std::string w; in >> w;) {
    const auto eq = w.find('=');
    const std::string k = w.substr(0, eq), v = eq == std::string::npos ? "" : w.substr(eq + 1);
    if (k == "dtype") e.dtype = v;
    else if (k == "n") e.n = std::stoll(v);
    else if (k == "fnv") e.fnv = std::stoull(v, nullptr, 16);
    else if (k == "stride") e.stride = std::stoll(v);
    else throw std::runtime_error("unknown expect field '" + k + "'");
  }
}

void parse_values(const std::string& rest, Expect& e) {
  std::istringstream in(rest);
  for (std::string w; in >> w;) e.values.push_back(std::stoull(w, nullptr, 16));
}

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

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace fixtures
