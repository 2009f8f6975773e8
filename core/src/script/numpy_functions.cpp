// The np.* math functions: ufuncs by name, reductions with axis/keepdims, where, isclose,
// allclose, outer, dot/matmul, clip, round, cumsum.
#include <algorithm>
#include <cmath>

#include "native_args.hpp"
#include "numpy_bindings.hpp"

namespace initlab::script::numpy {

namespace {

using A = CallArgs;

// A ufunc's out=, where=, dtype=, casting= keywords: initlab supports none of them yet.
void refuse_ufunc_keywords(Interpreter& in, const std::string& fn, const A& a) {
  for (const auto& [k, v] : a.keywords) {
    if (k == "out" || k == "where" || k == "dtype" || k == "casting" || k == "order" || k == "subok") {
      if (v.is_none() || (k == "where" && v.is_bool() && v.as_bool())) continue;
      unsupported(in, "np." + fn + "(" + k + "=...)");
    }
    in.error("TypeError", fn + "() got an unexpected keyword argument '" + k + "'");
  }
}

Value isclose(Interpreter& in, const Value& av, const Value& bv, double rtol, double atol, bool equal_nan) {
  const Operand a = operand(in, av), b = operand(in, bv);
  // numpy computes |a - b| <= atol + rtol * |b| in the operands' (float) type.
  const DType t = result_type({a, b, operand(in, Value(1.0))});
  const auto shape = broadcast_shapes(a.array.shape(), b.array.shape());
  if (!shape) {
    in.error("ValueError", "operands could not be broadcast together with shapes " + shape_text(a.array.shape(), true) + " " +
                               shape_text(b.array.shape(), true) + " ");
  }
  const Array x = a.array.broadcast_to(*shape), y = b.array.broadcast_to(*shape);
  Array out(DType::bool_, *shape);
  const auto xp = x.positions(), yp = y.positions();
  for (std::size_t i = 0; i < xp.size(); ++i) {
    const double p = x.get(xp[i]), q = y.get(yp[i]);
    bool r;
    if (std::isfinite(p) && std::isfinite(q)) {
      if (t == DType::float32) {
        const float fp = static_cast<float>(p), fq = static_cast<float>(q);
        r = std::fabs(fp - fq) <= static_cast<float>(atol) + static_cast<float>(rtol) * std::fabs(fq);
      } else {
        r = std::fabs(p - q) <= atol + rtol * std::fabs(q);
      }
    } else {
      r = p == q || (equal_nan && std::isnan(p) && std::isnan(q));
    }
    out.set_int(static_cast<int64_t>(i), r);
  }
  return make_np_result(out);
}

}  // namespace

void install_numpy_functions(Interpreter& interp, NamespaceObj& ns) {
  const auto def = [&](const std::string& name, Native fn) { ns.members[name] = make_builtin("numpy." + name, std::move(fn)); };
  for (const char* n : {"sqrt", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "arcsin", "arccos",
                        "arctan", "sinh", "cosh", "tanh", "arcsinh", "arccosh", "arctanh", "cbrt", "floor", "ceil", "trunc", "rint",
                        "deg2rad", "rad2deg", "radians", "degrees", "absolute", "abs", "fabs", "negative", "positive", "square",
                        "reciprocal", "sign", "isnan", "isinf", "isfinite", "signbit", "logical_not", "invert"}) {
    const std::string name = n;
    def(name, [name](Interpreter& in, A& a) {
      if (a.positional.size() != 1) {
        in.error("TypeError", name + "() takes from 1 to 2 positional arguments but " + std::to_string(a.positional.size()) + " were given");
      }
      refuse_ufunc_keywords(in, name, a);
      return ufunc_unary(in, name == "fabs" ? "absolute" : name, a.positional[0]);
    });
  }
  for (const char* n : {"add", "subtract", "multiply", "divide", "true_divide", "floor_divide", "remainder", "mod", "power",
                        "maximum", "minimum", "fmax", "fmin", "arctan2", "hypot", "equal", "not_equal", "less", "less_equal",
                        "greater", "greater_equal", "logical_and", "logical_or", "logical_xor", "bitwise_and", "bitwise_or", "bitwise_xor"}) {
    const std::string name = n;
    def(name, [name](Interpreter& in, A& a) {
      if (a.positional.size() != 2) {
        in.error("TypeError", name + "() takes from 2 to 3 positional arguments but " + std::to_string(a.positional.size()) + " were given");
      }
      refuse_ufunc_keywords(in, name, a);
      return ufunc_binary(in, name, a.positional[0], a.positional[1]);
    });
  }
  // ---- reductions ----
  struct Red {
    const char* name;
    Reduction r;
  };
  static const Red reds[] = {{"sum", Reduction::sum},   {"prod", Reduction::prod}, {"product", Reduction::prod},
                             {"max", Reduction::max},   {"amax", Reduction::max},  {"min", Reduction::min},
                             {"amin", Reduction::min},  {"mean", Reduction::mean}, {"var", Reduction::var},
                             {"std", Reduction::std},   {"argmax", Reduction::argmax}, {"argmin", Reduction::argmin},
                             {"any", Reduction::any},   {"all", Reduction::all}};
  for (const Red& r : reds) {
    const std::string name = r.name;
    const Reduction kind = r.r;
    def(name, [name, kind](Interpreter& in, A& a) {
      std::vector<ParamSpec> spec = {{"a", std::nullopt}, {"axis", Value()}};
      const bool with_dtype = kind == Reduction::sum || kind == Reduction::prod || kind == Reduction::mean ||
                              kind == Reduction::var || kind == Reduction::std;
      const bool has_ddof = kind == Reduction::var || kind == Reduction::std;
      if (with_dtype) spec.push_back({"dtype", Value()});
      spec.push_back({"out", Value()});
      if (has_ddof) spec.push_back({"ddof", Value(0)});
      spec.push_back({"keepdims", Value(false)});
      spec.push_back({"initial", Value(), true});
      spec.push_back({"where", Value(), true});
      const auto v = bind_native(in, name, a, spec);
      const std::size_t out_at = with_dtype ? 3 : 2;
      if (!v[out_at].is_none()) unsupported(in, "np." + name + "(out=...)");
      if (!v[v.size() - 2].is_none() || !v.back().is_none()) unsupported(in, "np." + name + "(initial=..., where=...)");
      if (auto* t = v[0].get<TensorObj>()) {
        (void)t;
        in.error("TypeError", name + "() received a torch.Tensor: call the tensor's own ." + name + "() (PyTorch fails here too)");
      }
      const int64_t ddof = has_ddof ? to_int(in, numpy_number(v[out_at + 1]).value_or(v[out_at + 1]), "ddof") : 0;
      const bool keep = in.truthy(v[v.size() - 3]);
      return reduce(in, kind, v[0], v[1], keep, ddof, with_dtype ? dtype_arg(in, v[2]) : std::nullopt);
    });
  }
  for (const char* n : {"cumsum", "cumprod"}) {
    const std::string name = n;
    def(name, [name](Interpreter& in, A& a) {
      const auto v = bind_native(in, name, a, {{"a", std::nullopt}, {"axis", Value()}, {"dtype", Value()}, {"out", Value()}});
      const auto d = dtype_arg(in, v[2]);
      const Array x = to_array(in, v[0]);
      return make_ndarray(cumulative(in, d ? x.astype(*d) : x, v[1], name == "cumprod"));
    });
  }
  def("clip", [](Interpreter& in, A& a) {
    const auto v = bind_native(in, "clip", a, {{"a", std::nullopt}, {"a_min", std::nullopt}, {"a_max", std::nullopt}, {"out", Value()}});
    if (v[1].is_none() && v[2].is_none()) in.error("ValueError", "One of max or min must be given");
    Value r = v[0];
    if (!v[1].is_none()) r = ufunc_binary(in, "maximum", r, v[1]);
    if (!v[2].is_none()) r = ufunc_binary(in, "minimum", r, v[2]);
    return r;
  });
  for (const char* n : {"round", "around", "round_"}) {
    const std::string name = n;
    def(name, [name](Interpreter& in, A& a) {
      const auto v = bind_native(in, name, a, {{"a", std::nullopt}, {"decimals", Value(0)}, {"out", Value()}});
      const int64_t d = to_int(in, v[1], "decimals");
      const Operand x = operand(in, v[0]);
      if (!is_float(x.array.dtype())) {
        if (d >= 0) return make_np_result(x.array.copy());
        unsupported(in, "np.round of integers to negative decimals");
      }
      // numpy's around: rint(x * 10**d) / 10**d (or * and / swapped for negative d).
      const bool f32 = x.array.dtype() == DType::float32;
      Array out(x.array.dtype(), x.array.shape());
      const auto xp = x.array.positions();
      const double scale = std::pow(10.0, static_cast<double>(std::llabs(d)));
      for (std::size_t i = 0; i < xp.size(); ++i) {
        const double p = x.array.get(xp[i]);
        double r;
        if (f32) {
          const float s = static_cast<float>(scale), f = static_cast<float>(p);
          r = static_cast<double>(d >= 0 ? std::nearbyint(f * s) / s : std::nearbyint(f / s) * s);
        } else {
          r = d >= 0 ? std::nearbyint(p * scale) / scale : std::nearbyint(p / scale) * scale;
        }
        out.set(static_cast<int64_t>(i), r);
      }
      return make_np_result(out);
    });
  }
  def("where", [](Interpreter& in, A& a) {
    if (a.positional.size() == 1) {
      const Array c = to_array(in, a.positional[0]);
      std::vector<std::vector<int64_t>> idx(static_cast<std::size_t>(std::max(c.ndim(), 1)));
      const auto pos = c.positions();
      for (std::size_t i = 0; i < pos.size(); ++i) {
        if (c.get(pos[i]) == 0.0) continue;
        int64_t rest = static_cast<int64_t>(i);
        for (int d = c.ndim() - 1; d >= 0; --d) {
          idx[static_cast<std::size_t>(d)].push_back(rest % c.shape()[static_cast<std::size_t>(d)]);
          rest /= c.shape()[static_cast<std::size_t>(d)];
        }
      }
      std::vector<Value> out;
      for (auto& v : idx) out.push_back(make_ndarray(Array::from_ints(DType::int64, {static_cast<int64_t>(v.size())}, v)));
      return make_tuple(std::move(out));
    }
    const auto v = bind_native(in, "where", a, {{"condition", std::nullopt}, {"x", std::nullopt}, {"y", std::nullopt}});
    const Operand c = operand(in, v[0]), x = operand(in, v[1]), y = operand(in, v[2]);
    const DType t = result_type({x, y});
    auto shape = broadcast_shapes(c.array.shape(), x.array.shape());
    if (shape) shape = broadcast_shapes(*shape, y.array.shape());
    if (!shape) {
      in.error("ValueError", "operands could not be broadcast together with shapes " + shape_text(c.array.shape(), true) + " " +
                                 shape_text(x.array.shape(), true) + " " + shape_text(y.array.shape(), true) + " ");
    }
    const Array cc = c.array.broadcast_to(*shape), xx = x.array.broadcast_to(*shape), yy = y.array.broadcast_to(*shape);
    Array out(t, *shape);
    const auto cp = cc.positions(), xp = xx.positions(), yp = yy.positions();
    for (std::size_t i = 0; i < cp.size(); ++i) {
      const bool take_x = cc.get(cp[i]) != 0.0;
      const Array& src = take_x ? xx : yy;
      const int64_t p = take_x ? xp[i] : yp[i];
      if (is_float(t)) out.set(static_cast<int64_t>(i), src.get(p));
      else out.set_int(static_cast<int64_t>(i), src.get_int(p));
    }
    return make_ndarray(out);
  });
  def("isclose", [](Interpreter& in, A& a) {
    const auto v = bind_native(in, "isclose", a, {{"a", std::nullopt}, {"b", std::nullopt}, {"rtol", Value(1e-05)}, {"atol", Value(1e-08)}, {"equal_nan", Value(false)}});
    return isclose(in, v[0], v[1], to_float(in, v[2], "rtol"), to_float(in, v[3], "atol"), in.truthy(v[4]));
  });
  def("allclose", [](Interpreter& in, A& a) {
    const auto v = bind_native(in, "allclose", a, {{"a", std::nullopt}, {"b", std::nullopt}, {"rtol", Value(1e-05)}, {"atol", Value(1e-08)}, {"equal_nan", Value(false)}});
    const Value c = isclose(in, v[0], v[1], to_float(in, v[2], "rtol"), to_float(in, v[3], "atol"), in.truthy(v[4]));
    const Array r = to_array(in, c);
    bool all = true;
    for (int64_t p : r.positions()) all = all && r.get_int(p) != 0;
    return Value(all);
  });
  def("array_equal", [](Interpreter& in, A& a) {
    const auto v = bind_native(in, "array_equal", a, {{"a1", std::nullopt}, {"a2", std::nullopt}, {"equal_nan", Value(false)}});
    const Array x = to_array(in, v[0]), y = to_array(in, v[1]);
    if (x.shape() != y.shape()) return Value(false);
    return Value(x.values() == y.values());
  });
  def("outer", [](Interpreter& in, A& a) {
    const auto v = bind_native(in, "outer", a, {{"a", std::nullopt}, {"b", std::nullopt}, {"out", Value()}});
    const Array x = to_array(in, v[0]).copy(), y = to_array(in, v[1]).copy();
    const Array col = x.reshape_view({x.size(), 1}).value(), row = y.reshape_view({1, y.size()}).value();
    return ufunc_binary(in, "multiply", make_ndarray(col), make_ndarray(row));
  });
  def("dot", [](Interpreter& in, A& a) {
    const auto v = bind_native(in, "dot", a, {{"a", std::nullopt}, {"b", std::nullopt}, {"out", Value()}});
    return matmul(in, v[0], v[1], true);
  });
  def("matmul", [](Interpreter& in, A& a) {
    if (a.positional.size() != 2) in.error("TypeError", "matmul() takes from 2 to 3 positional arguments but " + std::to_string(a.positional.size()) + " were given");
    refuse_ufunc_keywords(in, "matmul", a);
    return matmul(in, a.positional[0], a.positional[1], false);
  });
  def("count_nonzero", [](Interpreter& in, A& a) {
    const auto v = bind_native(in, "count_nonzero", a, {{"a", std::nullopt}, {"axis", Value()}});
    if (!v[1].is_none()) unsupported(in, "np.count_nonzero(axis=...)");
    const Array x = to_array(in, v[0]);
    int64_t n = 0;
    for (int64_t p : x.positions()) n += x.get(p) != 0.0;
    return Value(n);
  });
  (void)interp;
}

}  // namespace initlab::script::numpy
