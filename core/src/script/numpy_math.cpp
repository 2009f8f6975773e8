// numpy's element-wise ufuncs and the script operators on arrays: numpy 1.24's type resolution,
// broadcasting, numpy's float32 arithmetic done in float, its floor division and remainder,
// its RuntimeWarnings, and outputs laid out in numpy's 'K' order (so later reductions add in
// the order numpy's do).
#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "initlab/warnings.hpp"
#include "bindings.hpp"
#include "native_args.hpp"
#include "numpy_bindings.hpp"

namespace initlab::script::numpy {

Value tensor_result(Interpreter& in, const Array& a);  // numpy_torch.cpp

// A RuntimeWarning, given once per message in a run, as Python's default filter shows it once
// per place.
void np_warn(Interpreter& in, const std::string& message, bool runtime_warning) {
  const auto found = in.importable().find("numpy");
  auto* np = found == in.importable().end() ? nullptr : found->second.get<NamespaceObj>();
  static const std::string key = "__initlab_warned__";
  const std::string msg = (runtime_warning ? "RuntimeWarning: " : "") + message;
  if (np) {
    auto it = np->members.find(key);
    if (it == np->members.end()) it = np->members.emplace(key, make_list({})).first;
    auto* seen = it->second.get<ListObj>();
    for (const Value& v : seen->items)
      if (v.is_str() && v.as_str() == msg) return;
    seen->items.emplace_back(msg);
  }
  warn(msg);
}

namespace {

struct Flags {
  bool divide = false, invalid = false, overflow = false;
  void report(Interpreter& in, const std::string& name, bool scalar) const {
    const std::string where = (scalar ? "scalar " : "") + name;
    if (divide) np_warn(in, "divide by zero encountered in " + where);
    if (invalid) np_warn(in, "invalid value encountered in " + where);
    if (overflow) np_warn(in, "overflow encountered in " + where);
  }
};

template <class T>
T floor_divmod(T a, T b, T* mod_out) {
  // npy_divmod: floor division and remainder with the divisor's sign, exact where C's are.
  T mod = std::fmod(a, b);
  if (b == 0) {
    *mod_out = mod;
    return a / b;
  }
  T div = (a - mod) / b;
  if (mod != 0) {
    if ((b < 0) != (mod < 0)) {
      mod += b;
      div -= T(1);
    }
  } else {
    mod = std::copysign(T(0), b);
  }
  T floordiv;
  if (div != 0) {
    floordiv = std::floor(div);
    if (div - floordiv > T(0.5)) floordiv += T(1);
  } else {
    floordiv = std::copysign(T(0), a / b);
  }
  *mod_out = mod;
  return floordiv;
}

int64_t int_floor_div(int64_t a, int64_t b) {
  if (a == std::numeric_limits<int64_t>::min() && b == -1) return a;
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

int64_t int_mod(int64_t a, int64_t b) {
  if (b == -1) return 0;
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

int64_t int_pow(int64_t base, int64_t e) {
  int64_t r = 1;
  while (e > 0) {
    if (e & 1) r = wrap_mul(r, base);
    base = wrap_mul(base, base);
    e >>= 1;
  }
  return r;
}

const char* op_name(const std::string& op) {
  static const std::pair<const char*, const char*> names[] = {
      {"+", "add"}, {"-", "subtract"}, {"*", "multiply"}, {"/", "divide"}, {"//", "floor_divide"}, {"%", "remainder"},
      {"**", "power"}, {"&", "bitwise_and"}, {"|", "bitwise_or"}, {"^", "bitwise_xor"}, {"==", "equal"},
      {"!=", "not_equal"}, {"<", "less"}, {"<=", "less_equal"}, {">", "greater"}, {">=", "greater_equal"}};
  for (const auto& [o, n] : names)
    if (op == o) return n;
  return nullptr;
}

bool is_comparison(const std::string& n) {
  return n == "equal" || n == "not_equal" || n == "less" || n == "less_equal" || n == "greater" || n == "greater_equal";
}

template <class T>
bool compare(const std::string& n, T x, T y) {
  if (n == "equal") return x == y;
  if (n == "not_equal") return x != y;
  if (n == "less") return x < y;
  if (n == "less_equal") return x <= y;
  if (n == "greater") return x > y;
  return x >= y;
}

template <class T>
T float_binary(const std::string& n, T x, T y, Flags& f) {
  T r;
  if (n == "add") r = x + y;
  else if (n == "subtract") r = x - y;
  else if (n == "multiply") r = x * y;
  else if (n == "divide") {
    if (y == 0 && !std::isnan(x)) (x == 0 ? f.invalid : f.divide) = true;
    return x / y;
  } else if (n == "floor_divide" || n == "remainder") {
    T mod;
    const T div = floor_divmod(x, y, &mod);
    if (y == 0 && !std::isnan(x)) (x == 0 || n == "remainder" ? f.invalid : f.divide) = true;
    return n == "remainder" ? mod : div;
  } else if (n == "power") {
    r = std::pow(x, y);
  } else if (n == "maximum") {
    return std::isnan(x) || x >= y ? x : y;  // NaN propagates, as numpy's maximum does
  } else if (n == "minimum") {
    return std::isnan(x) || x <= y ? x : y;
  } else if (n == "fmax") {
    return std::fmax(x, y);
  } else if (n == "fmin") {
    return std::fmin(x, y);
  } else if (n == "arctan2") {
    return std::atan2(x, y);
  } else if (n == "hypot") {
    return std::hypot(x, y);
  } else {
    r = T(0);
  }
  if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) f.overflow = true;
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) f.invalid = true;
  return r;
}

int64_t int_binary(Interpreter& in, const std::string& n, int64_t x, int64_t y, Flags& f) {
  if (n == "add") return wrap_add(x, y);
  if (n == "subtract") return wrap_sub(x, y);
  if (n == "multiply") return wrap_mul(x, y);
  if (n == "floor_divide" || n == "remainder") {
    if (y == 0) {
      f.divide = true;
      return 0;
    }
    return n == "floor_divide" ? int_floor_div(x, y) : int_mod(x, y);
  }
  if (n == "power") {
    if (y < 0) in.error("ValueError", "Integers to negative integer powers are not allowed.");
    return int_pow(x, y);
  }
  if (n == "maximum" || n == "fmax") return std::max(x, y);
  if (n == "minimum" || n == "fmin") return std::min(x, y);
  if (n == "bitwise_and") return x & y;
  if (n == "bitwise_or") return x | y;
  if (n == "bitwise_xor") return x ^ y;
  return 0;
}

DType float_of(Interpreter& in, DType t, const std::string& name) {
  if (t == DType::bool_) unsupported(in, "float16 results (np." + name + " of booleans; convert with .astype(float) first)");
  return is_float(t) ? t : DType::float64;
}

[[noreturn]] void no_loop(Interpreter& in, const std::string& name) {
  in.error("TypeError", "ufunc '" + name + "' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''");
}

bool any_tensor(const Value& a, const Value& b) { return a.get<TensorObj>() || b.get<TensorObj>(); }

}  // namespace

Value ufunc_binary(Interpreter& in, const std::string& name_in, const Value& av, const Value& bv) {
  const std::string name = name_in == "true_divide" ? "divide" : name_in == "mod" ? "remainder" : name_in;
  const Operand a = operand(in, av), b = operand(in, bv);
  const DType t = result_type({a, b});
  const auto shape = broadcast_shapes(a.array.shape(), b.array.shape());
  if (!shape) {
    in.error("ValueError", "operands could not be broadcast together with shapes " + shape_text(a.array.shape(), true) + " " +
                               shape_text(b.array.shape(), true) + " ");
  }
  const Array x = a.array.broadcast_to(*shape), y = b.array.broadcast_to(*shape);
  const bool logical = name == "logical_and" || name == "logical_or" || name == "logical_xor";
  DType out_t = t;
  if (is_comparison(name) || logical) out_t = DType::bool_;
  else if (name == "divide" || name == "arctan2" || name == "hypot") out_t = float_of(in, t, name);
  else if (name.rfind("bitwise_", 0) == 0 && is_float(t)) no_loop(in, name);
  else if (t == DType::bool_) {
    if (name == "subtract") {
      in.error("TypeError", "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.");
    }
    if (name == "floor_divide" || name == "remainder" || name == "power") unsupported(in, "int8 results (np." + name + " of booleans)");
  }
  Array out = alloc_in_order(out_t, *shape, k_order({x, y}, static_cast<int>(shape->size())));
  const auto xp = x.positions(), yp = y.positions(), op = out.positions();
  Flags flags;
  const bool float_domain = is_float(t) && !logical;
  for (std::size_t i = 0; i < op.size(); ++i) {
    if (logical) {
      const bool p = x.get(xp[i]) != 0, q = y.get(yp[i]) != 0;
      out.set_int(op[i], name == "logical_and" ? (p && q) : name == "logical_or" ? (p || q) : (p != q));
    } else if (is_comparison(name)) {
      const bool r = float_domain ? compare(name, x.get(xp[i]), y.get(yp[i])) : compare(name, x.get_int(xp[i]), y.get_int(yp[i]));
      out.set_int(op[i], r);
    } else if (is_float(out_t)) {
      if (out_t == DType::float32) {
        out.set(op[i], static_cast<double>(float_binary(name, static_cast<float>(x.get(xp[i])), static_cast<float>(y.get(yp[i])), flags)));
      } else {
        out.set(op[i], float_binary(name, x.get(xp[i]), y.get(yp[i]), flags));
      }
    } else if (out_t == DType::bool_) {
      const bool p = x.get_int(xp[i]) != 0, q = y.get_int(yp[i]) != 0;
      bool r = false;
      if (name == "add" || name == "maximum" || name == "fmax" || name == "bitwise_or") r = p || q;
      else if (name == "multiply" || name == "minimum" || name == "fmin" || name == "bitwise_and") r = p && q;
      else if (name == "bitwise_xor") r = p != q;
      out.set_int(op[i], r);
    } else {
      out.set_int(op[i], int_binary(in, name, x.get_int(xp[i]), y.get_int(yp[i]), flags));
    }
  }
  flags.report(in, name, a.scalar && b.scalar);
  if (any_tensor(av, bv) && out.ndim() > 0) return tensor_result(in, out);
  return make_np_result(out);
}

namespace {

template <class T>
T float_unary(const std::string& n, T x) {
  if (n == "sqrt") return std::sqrt(x);
  if (n == "exp") return std::exp(x);
  if (n == "exp2") return std::exp2(x);
  if (n == "expm1") return std::expm1(x);
  if (n == "log") return std::log(x);
  if (n == "log2") return std::log2(x);
  if (n == "log10") return std::log10(x);
  if (n == "log1p") return std::log1p(x);
  if (n == "sin") return std::sin(x);
  if (n == "cos") return std::cos(x);
  if (n == "tan") return std::tan(x);
  if (n == "arcsin") return std::asin(x);
  if (n == "arccos") return std::acos(x);
  if (n == "arctan") return std::atan(x);
  if (n == "sinh") return std::sinh(x);
  if (n == "cosh") return std::cosh(x);
  if (n == "tanh") return std::tanh(x);
  if (n == "arcsinh") return std::asinh(x);
  if (n == "arccosh") return std::acosh(x);
  if (n == "arctanh") return std::atanh(x);
  if (n == "cbrt") return std::cbrt(x);
  if (n == "floor") return std::floor(x);
  if (n == "ceil") return std::ceil(x);
  if (n == "trunc") return std::trunc(x);
  if (n == "rint") return std::nearbyint(x);
  if (n == "deg2rad" || n == "radians") return x * static_cast<T>(M_PI / 180.0);
  if (n == "rad2deg" || n == "degrees") return x * static_cast<T>(180.0 / M_PI);
  if (n == "absolute") return std::fabs(x);
  if (n == "negative") return -x;
  if (n == "positive") return x;
  if (n == "square") return x * x;
  if (n == "reciprocal") return T(1) / x;
  if (n == "sign") return std::isnan(x) ? x : x > 0 ? T(1) : x < 0 ? T(-1) : T(0);
  return x;
}

bool transcendental(const std::string& n) {
  return n != "floor" && n != "ceil" && n != "trunc" && n != "rint" && n != "deg2rad" && n != "radians" && n != "rad2deg" &&
         n != "degrees" && n != "absolute" && n != "negative" && n != "positive" && n != "square" && n != "reciprocal" && n != "sign" &&
         n != "sqrt";
}

bool keeps_type(const std::string& n) {
  return n == "absolute" || n == "negative" || n == "positive" || n == "square" || n == "sign" || n == "invert" || n == "reciprocal";
}

bool predicate(const std::string& n) { return n == "isnan" || n == "isinf" || n == "isfinite" || n == "signbit" || n == "logical_not"; }

bool log_family(const std::string& n) { return n == "log" || n == "log2" || n == "log10" || n == "log1p" || n == "arctanh" || n == "reciprocal"; }

}  // namespace

Value ufunc_unary(Interpreter& in, const std::string& name_in, const Value& av) {
  const std::string name = name_in == "abs" ? "absolute" : name_in;
  const Operand a = operand(in, av);
  const DType t = a.array.dtype();
  DType out_t = t;
  if (predicate(name)) out_t = DType::bool_;
  else if (!keeps_type(name)) out_t = float_of(in, t, name);
  if (t == DType::bool_) {
    if (name == "negative") {
      in.error("TypeError", "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.");
    }
    if (name == "square" || name == "reciprocal") unsupported(in, "int8 results (np." + name + " of booleans)");
    if (name == "sign" || name == "positive") no_loop(in, name);
  }
  if (name == "invert" && is_float(t)) no_loop(in, name);
  const Array& x = a.array;
  Array out = alloc_in_order(out_t, x.shape(), k_order({x}, x.ndim()));
  const auto xp = x.positions(), op = out.positions();
  Flags flags;
  for (std::size_t i = 0; i < op.size(); ++i) {
    if (predicate(name)) {
      const double v = x.get(xp[i]);
      bool r = false;
      if (name == "isnan") r = std::isnan(v);
      else if (name == "isinf") r = std::isinf(v);
      else if (name == "isfinite") r = std::isfinite(v);
      else if (name == "signbit") r = std::signbit(v);
      else r = v == 0.0;
      out.set_int(op[i], r);
    } else if (is_float(out_t)) {
      const double v = x.get(xp[i]);
      // float32 transcendentals are computed in double and rounded (correctly rounded nearly
      // always, the same natively and in wasm); numpy's SIMD float32 kernels are not, and differ
      // from it by an ulp on some elements, depending on the CPU.
      const double r = out_t != DType::float32 ? float_unary(name, v)
                       : transcendental(name) ? static_cast<double>(static_cast<float>(float_unary(name, v)))
                                              : static_cast<double>(float_unary(name, static_cast<float>(v)));
      if (std::isnan(r) && !std::isnan(v)) flags.invalid = true;
      if (std::isinf(r) && std::isfinite(v)) (log_family(name) ? flags.divide : flags.overflow) = true;
      out.set(op[i], r);
    } else if (t == DType::bool_) {
      const bool v = x.get_int(xp[i]) != 0;
      out.set_int(op[i], name == "invert" ? !v : v);
    } else {
      const int64_t v = x.get_int(xp[i]);
      int64_t r = v;
      if (name == "absolute") r = v < 0 ? wrap_sub(0, v) : v;
      else if (name == "negative") r = wrap_sub(0, v);
      else if (name == "square") r = wrap_mul(v, v);
      else if (name == "sign") r = v > 0 ? 1 : v < 0 ? -1 : 0;
      else if (name == "invert") r = ~v;
      else if (name == "reciprocal") {
        if (v == 0) flags.divide = true;
        r = v == 0 ? std::numeric_limits<int64_t>::min() : (v == 1 || v == -1 ? v : 0);
      }
      out.set_int(op[i], r);
    }
  }
  flags.report(in, name, a.scalar);
  if (av.get<TensorObj>() && out.ndim() > 0) return tensor_result(in, out);
  return make_np_result(out);
}

Value numpy_binary_operator(Interpreter& in, const std::string& op, const Value& a, const Value& b);

}  // namespace initlab::script::numpy

namespace initlab::script {

Value numpy_binary(Interpreter& in, const std::string& op, const Value& a, const Value& b) {
  return numpy::numpy_binary_operator(in, op, a, b);
}

namespace numpy {

Value numpy_binary_operator(Interpreter& in, const std::string& op, const Value& a, const Value& b) {
  // dtype objects compare with dtypes, scalar types and names.
  if (a.get<NpDtypeObj>() || b.get<NpDtypeObj>()) {
    if (op != "==" && op != "!=") {
      in.error("TypeError", "'" + op + "' not supported between instances of '" + type_name(a) + "' and '" + type_name(b) + "'");
    }
    bool same = false;
    try {
      const auto x = dtype_arg(in, a), y = dtype_arg(in, b);
      same = x && y && *x == *y;
    } catch (const ScriptError&) {
      same = false;
    }
    return Value(op == "==" ? same : !same);
  }
  // With a tensor: numpy scalars act as Python numbers, and tensor op array is what
  // PyTorch makes of it (a float32 array joins as a tensor); array op tensor fails as in PyTorch.
  const bool ta = a.get<TensorObj>() != nullptr, tb = b.get<TensorObj>() != nullptr;
  if (ta || tb) {
    const Value& other = ta ? b : a;
    if (auto n = numpy_number(other); n && other.get<NdArrayObj>()->scalar) {
      return ta ? in.binary(op, a, *n) : in.binary(op, *n, b);
    }
    if (ta && other.get<NdArrayObj>()) {
      const Array& arr = other.get<NdArrayObj>()->array;
      if (arr.ndim() == 0) return in.binary(op, a, *numpy_number(other));
      if (arr.dtype() != DType::float32) {
        unsupported(in, std::string("tensor ") + op + " a " + dtype_name(arr.dtype()) +
                            " numpy array (PyTorch makes a float64 tensor; initlab's tensors are float32: convert with torch.from_numpy(a).float())");
      }
      return in.binary(op, a, make_tensor(arr.copy().tensor_view().value()));
    }
    in.error("TypeError", "unsupported operand type(s) for " + op + ": '" + (ta ? std::string("Tensor") : "numpy.ndarray") + "' and '" +
                              (tb ? std::string("Tensor") : "numpy.ndarray") + "'");
  }
  // Python tries the left operand first: "%.3f" % x formats, [0] * np.int64(3) repeats.
  if (op == "%" && a.is_str()) return Value(percent_format(in, a.as_str(), b));
  const bool seq_a = a.is_str() || a.get<ListObj>() || a.get<TupleObj>(), seq_b = b.is_str() || b.get<ListObj>() || b.get<TupleObj>();
  if (op == "*" && (seq_a || seq_b)) {
    const Value& n = seq_a ? b : a;
    if (auto* o = n.get<NdArrayObj>(); o && o->scalar && is_integer(o->array.dtype())) {
      return seq_a ? in.binary(op, a, *numpy_number(n)) : in.binary(op, *numpy_number(n), b);
    }
  }
  if (op == "@") return matmul(in, a, b, false);
  const char* name = op_name(op);
  if (!name) in.error("TypeError", "unsupported operand type(s) for " + op + ": '" + type_name(a) + "' and '" + type_name(b) + "'");
  // A Python operand that is no number or sequence (None, a string, a module) is not numpy's.
  for (const Value* v : {&a, &b}) {
    if (is_numpy(*v) || v->is_number() || v->get<ListObj>() || v->get<TupleObj>()) continue;
    if (op == "==" || op == "!=") return Value(op == "!=");
    in.error("TypeError", "unsupported operand type(s) for " + op + ": '" + type_name(a) + "' and '" + type_name(b) + "'");
  }
  return ufunc_binary(in, name, a, b);
}

}  // namespace numpy

}  // namespace initlab::script
