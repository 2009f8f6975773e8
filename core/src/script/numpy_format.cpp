// numpy 1.24's text for arrays and scalars (numpy/core/arrayprint.py with its default options:
// precision 8, floatmode 'maxprec', linewidth 75, threshold 1000, edgeitems 3), so printed
// arrays read exactly as numpy prints them.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>

#include "numpy_bindings.hpp"

namespace initlab::script::numpy {

namespace {

constexpr int kPrecision = 8;
constexpr int kLineWidth = 75;
constexpr int64_t kThreshold = 1000;
constexpr int64_t kEdgeItems = 3;

// The decimal digits of |v| as 0.DIGITS x 10^exp.
struct Digits {
  std::string digits;
  int exp = 0;
};

Digits parse_scientific(const char* buf) {
  // buf is printf's "%.Ne" of a non-negative finite value: "d.ddde+XX".
  Digits d;
  const char* p = buf;
  for (; *p && *p != 'e'; ++p)
    if (*p != '.') d.digits += *p;
  d.exp = std::atoi(p + 1) + 1;
  while (d.digits.size() > 1 && d.digits.back() == '0') d.digits.pop_back();
  if (d.digits == "0") d.exp = 1;
  return d;
}

// The shortest digits that read back as v (as float32 when f32): Python's repr digits, which
// numpy's Dragon4 'unique' mode also produces.
Digits shortest(double v, bool f32) {
  char buf[64];
  const int max_digits = f32 ? 9 : 17;
  for (int p = 1; p <= max_digits; ++p) {
    std::snprintf(buf, sizeof buf, "%.*e", p - 1, v);
    const bool same = f32 ? std::strtof(buf, nullptr) == static_cast<float>(v) : std::strtod(buf, nullptr) == v;
    if (same) break;
  }
  return parse_scientific(buf);
}

enum class Trim { keep, point, one_zero, none };  // numpy's trim 'k', '.', '0', '-'

std::string trim_fraction(std::string frac, Trim trim, int min_digits) {
  if (trim != Trim::keep) {
    while (static_cast<int>(frac.size()) > min_digits && !frac.empty() && frac.back() == '0') frac.pop_back();
  }
  if (frac.empty() && trim == Trim::one_zero) frac = "0";
  return frac;
}

// dragon4_positional(x, precision, unique=True, fractional=True): the shortest digits, cut to
// `precision` fractional digits (correctly rounded, ties to even) when they need more.
// Returns {integer part with sign, fraction digits}.
std::pair<std::string, std::string> positional_parts(double v, bool f32, int precision, Trim trim, int min_digits) {
  const bool neg = std::signbit(v);
  const double a = std::fabs(v);
  const Digits d = shortest(a, f32);
  std::string ip, fp;
  const int n = static_cast<int>(d.digits.size());
  const int frac_needed = std::max(0, n - d.exp);
  if (a == 0.0) {
    ip = "0";
  } else if (precision >= 0 && frac_needed > precision) {
    char buf[400];
    std::snprintf(buf, sizeof buf, "%.*f", precision, a);
    std::string s = buf;
    const auto dot = s.find('.');
    ip = s.substr(0, dot);
    fp = dot == std::string::npos ? "" : s.substr(dot + 1);
  } else {
    if (d.exp <= 0) {
      ip = "0";
      fp = std::string(static_cast<std::size_t>(-d.exp), '0') + d.digits;
    } else if (d.exp < n) {
      ip = d.digits.substr(0, static_cast<std::size_t>(d.exp));
      fp = d.digits.substr(static_cast<std::size_t>(d.exp));
    } else {
      ip = d.digits + std::string(static_cast<std::size_t>(d.exp - n), '0');
    }
  }
  fp = trim_fraction(fp, trim, min_digits);
  if (static_cast<int>(fp.size()) < min_digits) {
    // More digits than unique ones: the exact value's, rounded at the last one.
    char buf[400];
    std::snprintf(buf, sizeof buf, "%.*f", min_digits, a);
    const std::string s = buf;
    fp = s.substr(s.find('.') + 1);
  }
  return {(neg ? "-" : "") + ip, fp};
}

// dragon4_scientific: {mantissa integer digit with sign, fraction digits, exponent "+05"}.
struct SciParts {
  std::string ip, fp, exp;
};

SciParts scientific_parts(double v, bool f32, int precision, Trim trim, int min_digits) {
  const bool neg = std::signbit(v);
  const double a = std::fabs(v);
  Digits d = shortest(a, f32);
  char buf[64];
  if (precision >= 0 && static_cast<int>(d.digits.size()) - 1 > precision) {
    std::snprintf(buf, sizeof buf, "%.*e", precision, a);
    d = parse_scientific(buf);
  }
  if (static_cast<int>(d.digits.size()) - 1 < min_digits && a != 0.0) {
    std::snprintf(buf, sizeof buf, "%.*e", min_digits, a);
    const Digits more = parse_scientific(buf);
    d.digits = more.digits;
    d.exp = more.exp;
    d.digits.resize(static_cast<std::size_t>(min_digits + 1), '0');
  }
  SciParts p;
  p.ip = (neg ? "-" : "") + d.digits.substr(0, 1);
  p.fp = trim_fraction(d.digits.substr(1), trim, min_digits);
  if (static_cast<int>(p.fp.size()) < min_digits) p.fp.resize(static_cast<std::size_t>(min_digits), '0');
  const int e = a == 0.0 ? 0 : d.exp - 1;
  std::string digits = std::to_string(std::abs(e));
  if (digits.size() < 2) digits = "0" + digits;
  p.exp = (e < 0 ? "-" : "+") + digits;
  return p;
}

std::string nonfinite(double v) { return std::isnan(v) ? "nan" : (v < 0 ? "-inf" : "inf"); }

// FloatingFormat.fillFormat and __call__ for one array's values.
struct FloatFormat {
  bool f32 = false, exp_format = false;
  int pad_left = 0, pad_right = 0, precision = kPrecision, min_digits = 0, exp_size = -1;

  FloatFormat(const std::vector<double>& data, bool is_f32) : f32(is_f32) {
    std::vector<double> finite;
    for (double v : data)
      if (std::isfinite(v)) finite.push_back(v);
    double max_val = -1, min_val = HUGE_VAL;
    for (double v : finite) {
      if (v == 0.0) continue;
      max_val = std::max(max_val, std::fabs(v));
      min_val = std::min(min_val, std::fabs(v));
    }
    if (max_val >= 0) {
      // numpy divides in the array's own precision.
      const double ratio = f32 ? static_cast<double>(static_cast<float>(max_val) / static_cast<float>(min_val)) : max_val / min_val;
      exp_format = max_val >= 1e8 || min_val < 0.0001 || ratio > 1000.0;
    }
    if (finite.empty()) {
      pad_left = pad_right = 0;
    } else if (exp_format) {
      int frac = 0, exp_len = 0;
      for (double v : finite) {
        const SciParts p = scientific_parts(v, f32, kPrecision, Trim::point, 0);
        frac = std::max(frac, static_cast<int>(p.fp.size()));
        exp_len = std::max(exp_len, static_cast<int>(p.exp.size()));
        pad_left = std::max(pad_left, static_cast<int>(p.ip.size()));
      }
      exp_size = exp_len - 1;
      precision = min_digits = frac;
      pad_right = exp_size + 2 + precision;
    } else {
      for (double v : finite) {
        const auto p = positional_parts(v, f32, kPrecision, Trim::point, 0);
        pad_left = std::max(pad_left, static_cast<int>(p.first.size()));
        pad_right = std::max(pad_right, static_cast<int>(p.second.size()));
      }
    }
    if (finite.size() != data.size()) {
      bool neginf = false;
      for (double v : data) neginf = neginf || (std::isinf(v) && v < 0);
      const int offset = pad_right + 1;
      pad_left = std::max({pad_left, 3 - offset, 3 + (neginf ? 1 : 0) - offset});
    }
  }

  std::string operator()(double v) const {
    if (!std::isfinite(v)) {
      const std::string s = nonfinite(v);
      return std::string(static_cast<std::size_t>(std::max(0, pad_left + pad_right + 1 - static_cast<int>(s.size()))), ' ') + s;
    }
    std::string out;
    if (exp_format) {
      SciParts p = scientific_parts(v, f32, precision, Trim::keep, min_digits);
      std::string e = p.exp.substr(1);
      while (static_cast<int>(e.size()) < exp_size) e = "0" + e;
      out = std::string(static_cast<std::size_t>(std::max(0, pad_left - static_cast<int>(p.ip.size()))), ' ') + p.ip + "." + p.fp +
            "e" + p.exp[0] + e;
    } else {
      const auto p = positional_parts(v, f32, precision, Trim::point, 0);
      out = std::string(static_cast<std::size_t>(std::max(0, pad_left - static_cast<int>(p.first.size()))), ' ') + p.first + "." +
            p.second + std::string(static_cast<std::size_t>(std::max(0, pad_right - static_cast<int>(p.second.size()))), ' ');
    }
    return out;
  }
};

// The corners printed when an array is summarized (_leading_trailing), for sizing the format.
void corners(const Array& a, int axis, int64_t pos, std::vector<int64_t>& out) {
  if (axis == a.ndim()) {
    out.push_back(pos);
    return;
  }
  const auto ax = static_cast<std::size_t>(axis);
  const int64_t n = a.shape()[ax];
  for (int64_t i = 0; i < n; ++i) {
    if (n > 2 * kEdgeItems && i == kEdgeItems) i = n - kEdgeItems;
    corners(a, axis + 1, pos + i * a.strides()[ax], out);
  }
}

std::string rstrip(const std::string& s) {
  const auto end = s.find_last_not_of(' ');
  return end == std::string::npos ? "" : s.substr(0, end + 1);
}

// _extendLine: wraps before `word` when the line would pass the width (but never an empty one).
void extend_line(std::string& s, std::string& line, const std::string& word, int width, const std::string& prefix) {
  bool wrap = static_cast<int>(line.size() + word.size()) > width;
  if (line.size() <= prefix.size()) wrap = false;
  if (wrap) {
    s += rstrip(line) + "\n";
    line = prefix;
  }
  line += word;
}

// _formatArray's recursion over the dimensions.
std::string format_array(const Array& a, const std::function<std::string(int64_t)>& fmt, int width,
                         const std::string& prefix, const std::string& sep, bool summarize) {
  std::function<std::string(int, int64_t, const std::string&, int)> rec =
      [&](int axis, int64_t pos, const std::string& hanging, int cur_width) -> std::string {
    const int left = a.ndim() - axis;
    if (left == 0) return fmt(pos);
    const auto ax = static_cast<std::size_t>(axis);
    const std::string next_hanging = hanging + " ";
    const int next_width = cur_width - 1;
    const int64_t n = a.shape()[ax];
    const int64_t stride = a.strides()[ax];
    const bool summary = summarize && 2 * kEdgeItems < n;
    const int64_t leading = summary ? kEdgeItems : 0;
    const int64_t trailing = summary ? kEdgeItems : n;
    std::string s;
    const std::string sep_stripped = rstrip(sep);
    if (left == 1) {
      const int elem_width = cur_width - std::max(static_cast<int>(sep_stripped.size()), 1);
      std::string line = hanging;
      for (int64_t i = 0; i < leading; ++i) {
        extend_line(s, line, rec(axis + 1, pos + i * stride, next_hanging, next_width), elem_width, hanging);
        line += sep;
      }
      if (summary) {
        extend_line(s, line, "...", elem_width, hanging);
        line += sep;
      }
      for (int64_t i = trailing; i > 1; --i) {
        extend_line(s, line, rec(axis + 1, pos + (n - i) * stride, next_hanging, next_width), elem_width, hanging);
        line += sep;
      }
      extend_line(s, line, rec(axis + 1, pos + (n - 1) * stride, next_hanging, next_width), elem_width, hanging);
      s += line;
    } else {
      const std::string line_sep = sep_stripped + std::string(static_cast<std::size_t>(left - 1), '\n');
      for (int64_t i = 0; i < leading; ++i) s += hanging + rec(axis + 1, pos + i * stride, next_hanging, next_width) + line_sep;
      if (summary) s += hanging + "..." + line_sep;
      for (int64_t i = trailing; i > 1; --i) s += hanging + rec(axis + 1, pos + (n - i) * stride, next_hanging, next_width) + line_sep;
      s += hanging + rec(axis + 1, pos + (n - 1) * stride, next_hanging, next_width);
    }
    return "[" + s.substr(hanging.size()) + "]";
  };
  return rec(0, a.offset(), prefix, width);
}

// array2string for a non-empty array.
std::string array2string(const Array& a, int width, const std::string& sep, const std::string& prefix) {
  const bool summarize = a.size() > kThreshold;
  std::vector<int64_t> shown;
  if (summarize) corners(a, 0, a.offset(), shown);
  else shown = a.positions();
  std::function<std::string(int64_t)> fmt;
  if (a.dtype() == DType::bool_) {
    const std::string t = a.ndim() == 0 ? "True" : " True";
    fmt = [&a, t](int64_t p) { return a.get_int(p) ? t : std::string("False"); };
  } else if (is_integer(a.dtype())) {
    int64_t lo = 0, hi = 0;
    for (std::size_t i = 0; i < shown.size(); ++i) {
      const int64_t v = a.get_int(shown[i]);
      lo = i ? std::min(lo, v) : v;
      hi = i ? std::max(hi, v) : v;
    }
    const std::size_t w = std::max(std::to_string(lo).size(), std::to_string(hi).size());
    fmt = [&a, w](int64_t p) {
      const std::string s = std::to_string(a.get_int(p));
      return std::string(w > s.size() ? w - s.size() : 0, ' ') + s;
    };
  } else {
    std::vector<double> data;
    for (int64_t p : shown) data.push_back(a.get(p));
    const FloatFormat ff(data, a.dtype() == DType::float32);
    fmt = [&a, ff](int64_t p) { return ff(a.get(p)); };
  }
  return format_array(a, fmt, width, " " + std::string(prefix.size(), ' '), sep, summarize);
}

bool dtype_implied(DType d) { return d == DType::float64 || d == DType::int64 || d == DType::bool_; }

}  // namespace

std::string scalar_text(DType dtype, double v, int64_t i) {
  if (dtype == DType::bool_) return i ? "True" : "False";
  if (is_integer(dtype)) return std::to_string(i);
  if (!std::isfinite(v)) return nonfinite(v);
  // numpy's float scalar repr: positional between 1e-4 and 1e16 (and for zero), else scientific.
  const double a = std::fabs(v);
  if (a == 0.0 || (a >= 1e-4 && a < 1e16)) {
    const auto p = positional_parts(v, dtype == DType::float32, -1, Trim::one_zero, 0);
    return p.first + "." + p.second;
  }
  const SciParts p = scientific_parts(v, dtype == DType::float32, -1, Trim::none, 0);
  return p.ip + (p.fp.empty() ? "" : "." + p.fp) + "e" + p.exp;
}

std::string array_repr(const Array& a) {
  const bool skip_dtype = dtype_implied(a.dtype()) && a.size() > 0;
  const std::string prefix = "array(";
  const std::string suffix = skip_dtype ? ")" : ",";
  std::string body;
  if (a.size() > 0) {
    body = array2string(a, kLineWidth - static_cast<int>(suffix.size()), ", ", prefix);
  } else if (a.ndim() == 1) {
    body = "[]";
  } else {
    body = "[], shape=" + shape_text(a.shape());
  }
  std::string s = prefix + body + suffix;
  if (skip_dtype) return s;
  const std::string dtype = std::string("dtype=") + dtype_name(a.dtype()) + ")";
  const auto nl = s.rfind('\n');
  const std::size_t last = s.size() - (nl == std::string::npos ? 0 : nl + 1);
  const bool wrap = static_cast<int>(last + dtype.size() + 1) > kLineWidth;
  return s + (wrap ? "\n" + std::string(prefix.size(), ' ') : " ") + dtype;
}

std::string array_str(const Array& a) {
  if (a.ndim() == 0) return scalar_text(a.dtype(), a.item(), a.item_int());
  if (a.size() == 0) return "[]";
  return array2string(a, kLineWidth, " ", "");
}

}  // namespace initlab::script::numpy
