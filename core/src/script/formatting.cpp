// Python's text for numbers and strings under format specs and %-formatting, and PyTorch's
// tensor printing (torch/_tensor_str.py: 4 decimals, summarized with '...' beyond 1000
// elements, one width for every element, lines wrapped at 80 columns).
#include <optional>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "bindings.hpp"
#include "initlab/pyformat.hpp"
#include "interpreter_util.hpp"
#include "native_args.hpp"
#include "numpy_bindings.hpp"

namespace initlab::script {

namespace {

std::string printf_double(const char* fmt, double v) {
  char buf[512];
  std::snprintf(buf, sizeof buf, fmt, v);
  return buf;
}

std::string fixed(double v, int precision) {
  char fmt[16];
  std::snprintf(fmt, sizeof fmt, "%%.%df", precision);
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  return printf_double(fmt, v);
}

std::string scientific(double v, int precision) {
  char fmt[16];
  std::snprintf(fmt, sizeof fmt, "%%.%de", precision);
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  return printf_double(fmt, v);
}

// ---- PyTorch's tensor formatter ----
struct Formatter {
  bool floating = true, int_mode = true, sci_mode = false, boolean = false;
  std::size_t max_width = 1;
  static constexpr int kPrecision = 4;

  Formatter(const std::vector<double>& values, bool is_float, bool is_bool = false) : floating(is_float), boolean(is_bool) {
    if (boolean) {
      // PyTorch prints bool elements as True/False, right-aligned to the widest.
      for (double v : values) max_width = std::max<std::size_t>(max_width, v != 0.0 ? 4 : 5);
      return;
    }
    if (!floating) {
      for (double v : values) max_width = std::max(max_width, std::to_string(static_cast<int64_t>(v)).size());
      return;
    }
    std::vector<double> finite;
    for (double v : values)
      if (std::isfinite(v) && v != 0.0) finite.push_back(v);
    if (finite.empty()) return;
    double lo = HUGE_VAL, hi = 0;
    for (double v : finite) {
      lo = std::min(lo, std::fabs(v));
      hi = std::max(hi, std::fabs(v));
      if (v != std::ceil(v)) int_mode = false;
    }
    if (int_mode) {
      if (hi / lo > 1000. || hi > 1.e8) {
        sci_mode = true;
        for (double v : finite) max_width = std::max(max_width, scientific(v, kPrecision).size());
      } else {
        for (double v : finite) max_width = std::max(max_width, fixed(v, 0).size() + 1);
      }
    } else if (hi / lo > 1000. || hi > 1.e8 || lo < 1.e-4) {
      sci_mode = true;
      for (double v : finite) max_width = std::max(max_width, scientific(v, kPrecision).size());
    } else {
      for (double v : finite) max_width = std::max(max_width, fixed(v, kPrecision).size());
    }
  }

  std::size_t width() const { return max_width; }

  std::string format(double v) const {
    std::string ret;
    if (boolean) {
      ret = v != 0.0 ? "True" : "False";
    } else if (floating) {
      if (sci_mode) {
        ret = scientific(v, kPrecision);
      } else if (int_mode) {
        ret = fixed(v, 0);
        if (std::isfinite(v)) ret += ".";
      } else {
        ret = fixed(v, kPrecision);
      }
    } else {
      ret = std::to_string(static_cast<int64_t>(v));
    }
    return std::string(max_width > ret.size() ? max_width - ret.size() : 0, ' ') + ret;
  }
};

constexpr int64_t kThreshold = 1000, kEdge = 3, kLineWidth = 80;

// Elements a summarized print shows (PyTorch's get_summarized_data), for the formatter.
void summarized_values(const Tensor& t, bool summarize, std::vector<double>& out) {
  if (t.dim() == 0) {
    out.push_back(static_cast<double>(t.contiguous().data()[0]));
    return;
  }
  const int64_t n = t.size(0);
  const auto visit = [&](int64_t i) {
    if (t.dim() == 1) out.push_back(static_cast<double>(t.at({i})));
    else summarized_values(t.select(0, i), summarize, out);
  };
  if (summarize && n > 2 * kEdge) {
    for (int64_t i = 0; i < kEdge; ++i) visit(i);
    for (int64_t i = n - kEdge; i < n; ++i) visit(i);
  } else {
    for (int64_t i = 0; i < n; ++i) visit(i);
  }
}

std::string vector_str(const Tensor& t, int64_t indent, bool summarize, const Formatter& f) {
  const auto element_length = static_cast<int64_t>(f.width()) + 2;
  const int64_t per_line = std::max<int64_t>(1, (kLineWidth - indent) / element_length);
  std::vector<std::string> data;
  const int64_t n = t.size(0);
  if (summarize && n > 2 * kEdge) {
    for (int64_t i = 0; i < kEdge; ++i) data.push_back(f.format(static_cast<double>(t.at({i}))));
    data.emplace_back(" ...");
    for (int64_t i = n - kEdge; i < n; ++i) data.push_back(f.format(static_cast<double>(t.at({i}))));
  } else {
    for (int64_t i = 0; i < n; ++i) data.push_back(f.format(static_cast<double>(t.at({i}))));
  }
  std::string s = "[";
  for (std::size_t i = 0; i < data.size(); ++i) {
    if (i > 0) {
      s += ",";
      s += i % static_cast<std::size_t>(per_line) == 0 ? "\n" + std::string(static_cast<std::size_t>(indent + 1), ' ') : " ";
    }
    s += data[i];
  }
  return s + "]";
}

std::string tensor_str(const Tensor& t, int64_t indent, bool summarize, const Formatter& f) {
  if (t.dim() == 0) return f.format(static_cast<double>(t.contiguous().data()[0]));
  if (t.dim() == 1) return vector_str(t, indent, summarize, f);
  std::vector<std::string> slices;
  const int64_t n = t.size(0);
  if (summarize && n > 2 * kEdge) {
    for (int64_t i = 0; i < kEdge; ++i) slices.push_back(tensor_str(t.select(0, i), indent + 1, summarize, f));
    slices.emplace_back("...");
    for (int64_t i = n - kEdge; i < n; ++i) slices.push_back(tensor_str(t.select(0, i), indent + 1, summarize, f));
  } else {
    for (int64_t i = 0; i < n; ++i) slices.push_back(tensor_str(t.select(0, i), indent + 1, summarize, f));
  }
  const std::string sep = "," + std::string(static_cast<std::size_t>(t.dim() - 1), '\n') +
                          std::string(static_cast<std::size_t>(indent + 1), ' ');
  std::string s = "[";
  for (std::size_t i = 0; i < slices.size(); ++i) s += (i ? sep : "") + slices[i];
  return s + "]";
}

}  // namespace

std::string tensor_repr(const Tensor& t, bool parameter) {
  const std::string prefix = "tensor(";
  const auto indent = static_cast<int64_t>(prefix.size());
  const bool is_float = t.dtype() == DType::float32;
  std::vector<std::string> suffixes;
  std::string body;
  if (t.numel() == 0) {
    body = "[]";
    if (t.dim() != 1) {
      std::string size = "(";
      for (int i = 0; i < t.dim(); ++i) size += (i ? ", " : "") + std::to_string(t.shape()[i]);
      suffixes.push_back("size=" + size + (t.dim() == 1 ? ",)" : ")"));
    }
  } else {
    const bool summarize = t.numel() > kThreshold;
    std::vector<double> values;
    summarized_values(t, summarize, values);
    const Formatter f(values, is_float, t.dtype() == DType::boolean);
    body = tensor_str(t, indent, summarize, f);
  }
  if (t.has_grad_fn()) suffixes.push_back("grad_fn=<" + grad_fn_name(t) + ">");
  else if (t.requires_grad()) suffixes.push_back("requires_grad=True");
  // PyTorch's _add_suffixes: a suffix that would pass the 80-column line width goes on its
  // own line, indented under the first value.
  std::string s = prefix + body;
  const std::size_t newline = s.rfind('\n');
  auto last_line = static_cast<int64_t>(s.size()) - (newline == std::string::npos ? -1 : static_cast<int64_t>(newline)) + 1;
  for (const auto& suffix : suffixes) {
    const auto len = static_cast<int64_t>(suffix.size());
    if (last_line + len + 2 > 80) {
      s += ",\n" + std::string(static_cast<std::size_t>(indent), ' ') + suffix;
      last_line = indent + len;
    } else {
      s += ", " + suffix;
      last_line += len + 2;
    }
  }
  s += ")";
  return parameter ? "Parameter containing:\n" + s : s;
}

std::string format_value(Interpreter& in, const Value& v, const std::string& spec) {
  // [[fill]align][sign][#][0][width][,][.precision][type]
  std::size_t i = 0;
  char fill = ' ', align = 0, sign = '-';
  if (spec.size() >= 2 && std::string("<>^=").find(spec[1]) != std::string::npos) {
    fill = spec[0];
    align = spec[1];
    i = 2;
  } else if (!spec.empty() && std::string("<>^=").find(spec[0]) != std::string::npos) {
    align = spec[0];
    i = 1;
  }
  if (i < spec.size() && std::string("+- ").find(spec[i]) != std::string::npos) sign = spec[i++];
  bool alternate = false;
  if (i < spec.size() && spec[i] == '#') {
    alternate = true;
    ++i;
  }
  if (i < spec.size() && spec[i] == '0') {
    if (!align) {
      fill = '0';
      align = '=';
    }
    ++i;
  }
  std::size_t width = 0;
  while (i < spec.size() && std::isdigit(static_cast<unsigned char>(spec[i]))) width = width * 10 + static_cast<std::size_t>(spec[i++] - '0');
  char grouping = 0;  // ',' or '_'
  if (i < spec.size() && (spec[i] == ',' || spec[i] == '_')) grouping = spec[i++];
  int precision = -1;
  if (i < spec.size() && spec[i] == '.') {
    ++i;
    precision = 0;
    while (i < spec.size() && std::isdigit(static_cast<unsigned char>(spec[i]))) precision = precision * 10 + (spec[i++] - '0');
  }
  char type = i < spec.size() ? spec[i++] : 0;
  if (i != spec.size()) in.error("ValueError", "Invalid format specifier '" + spec + "' for object of type '" + type_name(v) + "'");

  std::string body, prefix;
  Value value = v;
  if (auto n = numpy_number(v); n && v.get<NdArrayObj>()->array.ndim() == 0) value = *n;  // f"{np.float64(x):.3f}"
  if (auto* t = v.get<TensorObj>()) {
    if (spec.empty()) return in.str(v);
    if (t->tensor.numel() != 1) in.error("TypeError", "unsupported format string passed to Tensor.__format__");
    value = t->tensor.dtype() == DType::int64 ? Value(static_cast<int64_t>(t->tensor.contiguous().data()[0]))
                                              : Value(static_cast<double>(t->tensor.contiguous().data()[0]));
  }
  if (value.is_str() || (!value.is_number())) {
    if (type && type != 's') in.error("ValueError", std::string("Unknown format code '") + type + "' for object of type '" + type_name(value) + "'");
    body = value.is_str() ? value.as_str() : in.str(value);
    if (precision >= 0 && body.size() > static_cast<std::size_t>(precision)) body.resize(static_cast<std::size_t>(precision));
    if (!align) align = '<';
  } else {
    if (type == 'c' && (value.is_int() || value.is_bool())) {
      // {:c}: the character of that code point.
      body = in.str(in.call(in.builtins()["chr"], {Value(value.as_int())}));
      if (!align) align = '<';
      std::string padded = body;
      const std::size_t n = static_cast<std::size_t>(code_point_count(body));
      if (width > n) {
        const std::size_t pad = width - n;
        if (align == '>') padded = std::string(pad, fill) + body;
        else if (align == '^') padded = std::string(pad / 2, fill) + body + std::string(pad - pad / 2, fill);
        else padded = body + std::string(pad, fill);
      }
      return padded;
    }
    const bool integral = (value.is_int() || value.is_bool()) &&
                          (type == 0 || type == 'd' || type == 'x' || type == 'X' || type == 'o' || type == 'b' || type == 'n');
    if (!align) align = '>';
    if (integral) {
      int64_t x = value.as_int();
      if (value.is_bool() && type == 0 && spec.empty()) return value.as_bool() ? "True" : "False";
      const bool neg = x < 0;
      uint64_t u = neg ? static_cast<uint64_t>(-(x + 1)) + 1 : static_cast<uint64_t>(x);
      std::string base_prefix;
      if (type == 'x' || type == 'X' || type == 'o' || type == 'b') {
        const int base = (type == 'x' || type == 'X') ? 16 : type == 'o' ? 8 : 2;
        const char* digits = type == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
        do {
          body.insert(body.begin(), digits[u % static_cast<uint64_t>(base)]);
          u /= static_cast<uint64_t>(base);
        } while (u);
        if (alternate) base_prefix = std::string("0") + (type == 'X' ? 'X' : type);
        if (grouping) {  // '_' every four digits in these bases
          for (int k = static_cast<int>(body.size()) - 4; k > 0; k -= 4) body.insert(static_cast<std::size_t>(k), "_");
        }
      } else {
        body = std::to_string(u);
        if (grouping) {
          for (int k = static_cast<int>(body.size()) - 3; k > 0; k -= 3) body.insert(static_cast<std::size_t>(k), std::string(1, grouping));
        }
      }
      prefix = std::string(neg ? "-" : (sign == '+' ? "+" : sign == ' ' ? " " : "")) + base_prefix;
    } else {
      if (type == 'd') in.error("ValueError", "Unknown format code 'd' for object of type 'float'");
      const double x = value.as_float();
      const double ax = std::fabs(x);
      const int p = precision < 0 ? 6 : precision;
      if (type == 'f' || type == 'F') body = fixed(ax, p);
      else if (type == 'e' || type == 'E') body = scientific(ax, p);
      else if (type == '%') body = fixed(ax * 100, p) + "%";
      else if (type == 'g' || type == 'G') {
        char fmt[16];
        std::snprintf(fmt, sizeof fmt, "%%.%dg", p == 0 ? 1 : p);
        body = std::isfinite(ax) ? printf_double(fmt, ax) : (std::isnan(ax) ? "nan" : "inf");
      } else if (type == 0) {
        if (precision < 0) {
          body = py::repr(ax);
        } else {
          char fmt[16];
          std::snprintf(fmt, sizeof fmt, "%%.%dg", p == 0 ? 1 : p);
          body = std::isfinite(ax) ? printf_double(fmt, ax) : (std::isnan(ax) ? "nan" : "inf");
        }
      } else {
        in.error("ValueError", std::string("Unknown format code '") + type + "' for object of type 'float'");
      }
      if (type == 'E' || type == 'F' || type == 'G') {
        for (char& c : body) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      }
      if (grouping) {
        const std::size_t dot = std::min(body.find('.'), body.find('e'));
        const std::size_t int_end = dot == std::string::npos ? body.size() : dot;
        for (int k = static_cast<int>(int_end) - 3; k > 0; k -= 3) body.insert(static_cast<std::size_t>(k), std::string(1, grouping));
      }
      prefix = std::signbit(x) && !std::isnan(x) ? "-" : (sign == '+' ? "+" : sign == ' ' ? " " : "");
    }
  }
  std::string out = prefix + body;
  if (out.size() >= width) return out;
  const std::size_t pad = width - out.size();
  switch (align) {
    case '<': return out + std::string(pad, fill);
    case '^': return std::string(pad / 2, fill) + out + std::string(pad - pad / 2, fill);
    case '=': return prefix + std::string(pad, fill) + body;
    default: return std::string(pad, fill) + out;
  }
}

std::string percent_format(Interpreter& in, const std::string& fmt, const Value& args) {
  std::vector<Value> items;
  if (auto* t = args.get<TupleObj>()) items = t->items;
  else items.push_back(args);
  std::size_t next = 0;
  std::string out;
  for (std::size_t i = 0; i < fmt.size(); ++i) {
    if (fmt[i] != '%') {
      out += fmt[i];
      continue;
    }
    if (++i >= fmt.size()) in.error("ValueError", "incomplete format");
    if (fmt[i] == '%') {
      out += '%';
      continue;
    }
    // %(name)s takes the value from a mapping argument.
    std::optional<Value> keyed;
    if (fmt[i] == '(') {
      const std::size_t close = fmt.find(')', i);
      if (close == std::string::npos) in.error("ValueError", "incomplete format key");
      const Value mapping = in.as_dict(args);
      if (!mapping.get<DictObj>()) in.error("TypeError", "format requires a mapping");
      keyed = in.subscript(mapping, Value(fmt.substr(i + 1, close - i - 1)));
      i = close + 1;
      if (i >= fmt.size()) in.error("ValueError", "incomplete format");
    }
    std::string flags;
    while (i < fmt.size() && std::string("-+ 0#").find(fmt[i]) != std::string::npos) flags += fmt[i++];
    std::string width;
    while (i < fmt.size() && std::isdigit(static_cast<unsigned char>(fmt[i]))) width += fmt[i++];
    std::string precision;
    if (i < fmt.size() && fmt[i] == '.') {
      ++i;
      precision = "0";
      while (i < fmt.size() && std::isdigit(static_cast<unsigned char>(fmt[i]))) precision += fmt[i++];
    }
    if (i >= fmt.size()) in.error("ValueError", "incomplete format");
    const char conv = fmt[i];
    if (!keyed && next >= items.size()) in.error("TypeError", "not enough arguments for format string");
    const Value v = keyed ? *keyed : items[next++];
    std::string spec;
    char align = flags.find('-') != std::string::npos ? '<' : '>';
    if (flags.find('0') != std::string::npos && align == '>') spec += "0";
    else spec += align;
    if (flags.find('+') != std::string::npos) spec.insert(spec.begin() + (spec[0] == '0' ? 0 : 1), '+');
    spec += width;
    if (!precision.empty()) spec += "." + std::to_string(std::stoi(precision));
    switch (conv) {
      case 's': out += format_value(in, Value(in.str(v)), spec); break;
      case 'r': out += format_value(in, Value(in.repr(v)), spec); break;
      case 'd':
      case 'i': out += format_value(in, Value(static_cast<int64_t>(to_float(in, v, "%d format: a number is required"))), spec + "d"); break;
      case 'f':
      case 'F':
      case 'e':
      case 'E':
      case 'g':
      case 'G':
        out += format_value(in, Value(to_float(in, v, "must be real number")), spec + (precision.empty() && conv != 'g' && conv != 'G' ? ".6" : "") + conv);
        break;
      case 'x':
      case 'X':
      case 'o': out += format_value(in, Value(to_int(in, v, std::string("%") + conv + " format: an integer is required")), spec + conv); break;
      case 'c': out += format_value(in, v.is_str() ? v : in.call(in.builtins()["chr"], {v}), spec); break;
      default: in.error("ValueError", std::string("unsupported format character '") + conv + "'");
    }
  }
  if (next < items.size() && args.get<TupleObj>()) in.error("TypeError", "not all arguments converted during string formatting");
  return out;
}

}  // namespace initlab::script
