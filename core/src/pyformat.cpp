#include "initlab/pyformat.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace initlab::py {

std::string repr(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[40];
  int precision = 1;
  for (; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  // Python switches to exponent notation below 1e-4 and from 1e16, with a 2-digit exponent.
  const double a = std::fabs(v);
  std::string s;
  if (a != 0.0 && (a < 1e-4 || a >= 1e16)) {
    std::snprintf(buf, sizeof buf, "%.*e", precision - 1, v);
    s = buf;
    // "1.5e-05" stays; C prints "1.5e-05" already; drop a trailing ".0" mantissa like "1.e-05".
    const auto e = s.find('e');
    std::string mant = s.substr(0, e), exp = s.substr(e + 1);
    if (mant.find('.') != std::string::npos) {
      while (mant.back() == '0') mant.pop_back();
      if (mant.back() == '.') mant.pop_back();
    }
    const char sign = exp[0];
    std::string digits = exp.substr(1);
    while (digits.size() > 2 && digits[0] == '0') digits.erase(0, 1);
    s = mant + "e" + sign + digits;
  } else {
    std::snprintf(buf, sizeof buf, "%.*g", precision, v);
    s = buf;
    if (s.find('e') != std::string::npos) {
      // %g chose exponent form for a value Python prints positionally (e.g. 1e+15).
      std::snprintf(buf, sizeof buf, "%.1f", v);
      s = buf;
    } else if (s.find('.') == std::string::npos) {
      s += ".0";
    }
  }
  return s;
}

std::string repr(int64_t v) { return std::to_string(v); }

std::string tuple(const std::vector<int64_t>& v) {
  std::string s = "(";
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) s += ", ";
    s += std::to_string(v[i]);
  }
  if (v.size() == 1) s += ",";
  return s + ")";
}

std::string Number::repr() const {
  return integral ? py::repr(static_cast<int64_t>(value)) : py::repr(value);
}

}  // namespace initlab::py
