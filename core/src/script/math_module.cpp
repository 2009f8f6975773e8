// The math module: CPython 3.11's functions on floats and ints, with its domain and range
// errors ("math domain error", "math range error") and its integer functions exact.
#include <algorithm>
#include <cmath>
#include <limits>

#include "interpreter.hpp"
#include "native_args.hpp"

namespace initlab::script {

namespace {

using A = CallArgs;

int64_t int_arg(Interpreter& in, const Value& v, const std::string& fn) {
  if (!v.is_int() && !v.is_bool()) {
    in.error("TypeError", "'" + type_name(v) + "' object cannot be interpreted as an integer");
  }
  (void)fn;
  return v.as_int();
}

int64_t checked_mul64(Interpreter& in, int64_t a, int64_t b) {
  int64_t r = 0;
  if (__builtin_mul_overflow(a, b, &r)) in.error("OverflowError", "integer overflow (initlab's ints are 64-bit)");
  return r;
}

}  // namespace

void install_math(Interpreter& interp) {
  // ---- math ----
  auto math = std::make_shared<NamespaceObj>();
  math->name = "math";
  const auto unary = [&](const char* name, double (*f)(double)) {
    const std::string n = name;
    math->members[n] = make_builtin("math." + n, [n, f](Interpreter& in, A& a) {
      const auto args = bind_native(in, n, a, {{"x", std::nullopt}});
      const double x = to_float(in, args[0], "must be real number");
      const double r = f(x);
      if (std::isnan(r) && !std::isnan(x)) in.error("ValueError", "math domain error");
      if (std::isinf(r) && std::isfinite(x) && n != "log" && n != "log2" && n != "log10") in.error("OverflowError", "math range error");
      if (std::isinf(r) && x == 0.0) in.error("ValueError", "math domain error");
      return Value(r);
    });
  };
  unary("sqrt", std::sqrt);
  unary("exp", std::exp);
  unary("log2", std::log2);
  unary("log10", std::log10);
  unary("sin", std::sin);
  unary("cos", std::cos);
  unary("tan", std::tan);
  unary("asin", std::asin);
  unary("acos", std::acos);
  unary("atan", std::atan);
  unary("tanh", std::tanh);
  unary("sinh", std::sinh);
  unary("cosh", std::cosh);
  unary("erf", std::erf);
  unary("erfc", std::erfc);
  unary("fabs", std::fabs);
  unary("gamma", std::tgamma);
  unary("lgamma", std::lgamma);
  unary("expm1", std::expm1);
  unary("log1p", std::log1p);
  math->members["log"] = make_builtin("math.log", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "log", a, {{"x", std::nullopt}, {"base", Value()}});
    const double x = to_float(in, args[0], "must be real number");
    if (x <= 0) in.error("ValueError", "math domain error");
    if (args[1].is_none()) return Value(std::log(x));
    return Value(std::log(x) / std::log(to_float(in, args[1], "base")));
  });
  math->members["pow"] = make_builtin("math.pow", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "pow", a, {{"x", std::nullopt}, {"y", std::nullopt}});
    return Value(std::pow(to_float(in, args[0], "x"), to_float(in, args[1], "y")));
  });
  math->members["atan2"] = make_builtin("math.atan2", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "atan2", a, {{"y", std::nullopt}, {"x", std::nullopt}});
    return Value(std::atan2(to_float(in, args[0], "y"), to_float(in, args[1], "x")));
  });
  for (const char* n : {"floor", "ceil", "trunc"}) {
    const std::string name = n;
    math->members[name] = make_builtin("math." + name, [name](Interpreter& in, A& a) {
      const auto args = bind_native(in, name, a, {{"x", std::nullopt}});
      if (args[0].is_int() || args[0].is_bool()) return Value(args[0].as_int());
      const double x = to_float(in, args[0], "must be real number");
      if (!std::isfinite(x)) in.error(std::isnan(x) ? "ValueError" : "OverflowError", "cannot convert float to integer");
      const double r = name == "floor" ? std::floor(x) : name == "ceil" ? std::ceil(x) : std::trunc(x);
      return Value(static_cast<int64_t>(r));
    });
  }
  math->members["isnan"] = make_builtin("math.isnan", [](Interpreter& in, A& a) { return Value(std::isnan(to_float(in, a.positional.at(0), "x"))); });
  math->members["isinf"] = make_builtin("math.isinf", [](Interpreter& in, A& a) { return Value(std::isinf(to_float(in, a.positional.at(0), "x"))); });
  math->members["isfinite"] = make_builtin("math.isfinite", [](Interpreter& in, A& a) { return Value(std::isfinite(to_float(in, a.positional.at(0), "x"))); });
  math->members["prod"] = make_builtin("math.prod", [](Interpreter& in, A& a) {
    Value total(1);
    in.iterate(a.positional.at(0), [&](const Value& v) { total = in.binary("*", total, v); return true; });
    return total;
  });
  math->members["pi"] = Value(M_PI);
  math->members["e"] = Value(M_E);
  math->members["tau"] = Value(2 * M_PI);
  math->members["inf"] = Value(std::numeric_limits<double>::infinity());
  math->members["nan"] = Value(std::numeric_limits<double>::quiet_NaN());

  const auto def = [&](const std::string& n, Native fn) { math->members[n] = make_builtin("math." + n, std::move(fn)); };
  unary("asinh", std::asinh);
  unary("acosh", std::acosh);
  unary("atanh", std::atanh);
  unary("exp2", std::exp2);
  unary("cbrt", std::cbrt);
  def("degrees", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "degrees", a, {{"x", std::nullopt}});
    return Value(to_float(in, args[0], "must be real number") * (180.0 / M_PI));
  });
  def("radians", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "radians", a, {{"x", std::nullopt}});
    return Value(to_float(in, args[0], "must be real number") * (M_PI / 180.0));
  });
  def("hypot", [](Interpreter& in, A& a) {
    double r = 0;
    for (const Value& v : a.positional) r = std::hypot(r, to_float(in, v, "must be real number"));
    return Value(r);
  });
  def("dist", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "dist", a, {{"p", std::nullopt}, {"q", std::nullopt}});
    const auto p = in.to_vector(args[0]), q = in.to_vector(args[1]);
    if (p.size() != q.size()) in.error("ValueError", "both points must have the same number of dimensions");
    double r = 0;
    for (std::size_t i = 0; i < p.size(); ++i) r = std::hypot(r, to_float(in, p[i], "must be real number") - to_float(in, q[i], "must be real number"));
    return Value(r);
  });
  def("copysign", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "copysign", a, {{"x", std::nullopt}, {"y", std::nullopt}});
    return Value(std::copysign(to_float(in, args[0], "must be real number"), to_float(in, args[1], "must be real number")));
  });
  def("fmod", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "fmod", a, {{"x", std::nullopt}, {"y", std::nullopt}});
    const double x = to_float(in, args[0], "must be real number"), y = to_float(in, args[1], "must be real number");
    if (y == 0.0 || std::isinf(x)) in.error("ValueError", "math domain error");
    return Value(std::fmod(x, y));
  });
  def("remainder", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "remainder", a, {{"x", std::nullopt}, {"y", std::nullopt}});
    const double x = to_float(in, args[0], "must be real number"), y = to_float(in, args[1], "must be real number");
    if (y == 0.0 || std::isinf(x)) in.error("ValueError", "math domain error");
    return Value(std::remainder(x, y));
  });
  def("frexp", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "frexp", a, {{"x", std::nullopt}});
    int e = 0;
    const double m = std::frexp(to_float(in, args[0], "must be real number"), &e);
    return make_tuple({Value(m), Value(static_cast<int64_t>(e))});
  });
  def("ldexp", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "ldexp", a, {{"x", std::nullopt}, {"i", std::nullopt}});
    const double x = to_float(in, args[0], "must be real number");
    const int64_t e = int_arg(in, args[1], "ldexp");
    const double r = std::ldexp(x, static_cast<int>(std::clamp<int64_t>(e, -100000, 100000)));
    if (std::isinf(r) && std::isfinite(x)) in.error("OverflowError", "math range error");
    return Value(r);
  });
  def("modf", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "modf", a, {{"x", std::nullopt}});
    double whole = 0;
    const double frac = std::modf(to_float(in, args[0], "must be real number"), &whole);
    return make_tuple({Value(frac), Value(whole)});
  });
  def("gcd", [](Interpreter& in, A& a) {
    int64_t g = 0;
    for (const Value& v : a.positional) {
      int64_t x = int_arg(in, v, "gcd");
      x = x < 0 ? -x : x;
      while (x) {
        const int64_t t = g % x;
        g = x;
        x = t;
      }
    }
    return Value(g);
  });
  def("lcm", [](Interpreter& in, A& a) {
    int64_t l = 1;
    for (const Value& v : a.positional) {
      int64_t x = int_arg(in, v, "lcm");
      x = x < 0 ? -x : x;
      if (x == 0) return Value(int64_t{0});
      int64_t g = l, y = x;
      while (y) {
        const int64_t t = g % y;
        g = y;
        y = t;
      }
      l = checked_mul64(in, l / g, x);
    }
    return Value(l);
  });
  def("factorial", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "factorial", a, {{"n", std::nullopt}});
    if (args[0].is_float()) in.error("TypeError", "'float' object cannot be interpreted as an integer");
    const int64_t n = int_arg(in, args[0], "factorial");
    if (n < 0) in.error("ValueError", "factorial() not defined for negative values");
    int64_t r = 1;
    for (int64_t k = 2; k <= n; ++k) r = checked_mul64(in, r, k);
    return Value(r);
  });
  def("comb", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "comb", a, {{"n", std::nullopt}, {"k", std::nullopt}});
    const int64_t n = int_arg(in, args[0], "comb"), k = int_arg(in, args[1], "comb");
    if (n < 0) in.error("ValueError", "n must be a non-negative integer");
    if (k < 0) in.error("ValueError", "k must be a non-negative integer");
    if (k > n) return Value(int64_t{0});
    const int64_t kk = std::min(k, n - k);
    int64_t r = 1;
    for (int64_t i = 1; i <= kk; ++i) r = checked_mul64(in, r, n - kk + i) / i;  // exact at each step
    return Value(r);
  });
  def("perm", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "perm", a, {{"n", std::nullopt}, {"k", Value()}});
    const int64_t n = int_arg(in, args[0], "perm");
    const int64_t k = args[1].is_none() ? n : int_arg(in, args[1], "perm");
    if (n < 0) in.error("ValueError", "n must be a non-negative integer");
    if (k < 0) in.error("ValueError", "k must be a non-negative integer");
    if (k > n) return Value(int64_t{0});
    int64_t r = 1;
    for (int64_t i = n - k + 1; i <= n; ++i) r = checked_mul64(in, r, i);
    return Value(r);
  });
  def("isqrt", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "isqrt", a, {{"n", std::nullopt}});
    const int64_t n = int_arg(in, args[0], "isqrt");
    if (n < 0) in.error("ValueError", "isqrt() argument must be nonnegative");
    auto r = static_cast<int64_t>(std::sqrt(static_cast<double>(n)));
    while (r > 0 && r > n / r) --r;
    while ((r + 1) <= n / (r + 1)) ++r;
    return Value(r);
  });
  def("isclose", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "isclose", a, {{"a", std::nullopt}, {"b", std::nullopt}, {"rel_tol", Value(1e-9)}, {"abs_tol", Value(0.0)}});
    const double x = to_float(in, args[0], "must be real number"), y = to_float(in, args[1], "must be real number");
    const double rel = to_float(in, args[2], "rel_tol"), abs_tol = to_float(in, args[3], "abs_tol");
    if (rel < 0 || abs_tol < 0) in.error("ValueError", "tolerances must be non-negative");
    if (x == y) return Value(true);
    if (std::isinf(x) || std::isinf(y)) return Value(false);
    const double diff = std::fabs(y - x);
    return Value(diff <= std::fabs(rel * y) || diff <= std::fabs(rel * x) || diff <= abs_tol);
  });
  def("fsum", [](Interpreter& in, A& a) {
    // Neumaier's compensated sum: exact enough to round as CPython's fsum does for ordinary
    // inputs (CPython keeps every partial; this keeps one error term).
    const auto args = bind_native(in, "fsum", a, {{"seq", std::nullopt}});
    double sum = 0, comp = 0;
    in.iterate(args[0], [&](const Value& v) {
      const double x = to_float(in, v, "must be real number");
      const double t = sum + x;
      comp += std::fabs(sum) >= std::fabs(x) ? (sum - t) + x : (x - t) + sum;
      sum = t;
      return true;
    });
    return Value(sum + comp);
  });
  def("nextafter", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "nextafter", a, {{"x", std::nullopt}, {"y", std::nullopt}});
    return Value(std::nextafter(to_float(in, args[0], "must be real number"), to_float(in, args[1], "must be real number")));
  });
  def("ulp", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "ulp", a, {{"x", std::nullopt}});
    double x = std::fabs(to_float(in, args[0], "must be real number"));
    if (std::isnan(x) || std::isinf(x)) return Value(x);
    if (x == std::numeric_limits<double>::max()) return Value(x - std::nextafter(x, 0.0));
    return Value(std::nextafter(x, std::numeric_limits<double>::infinity()) - x);
  });
  interp.importable()["math"] = Value(ObjPtr(math));
}

}  // namespace initlab::script
