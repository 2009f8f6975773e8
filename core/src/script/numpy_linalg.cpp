// numpy.linalg: svd, qr and norm (linalg/lapack_like.cpp does the LAPACK part). Like numpy,
// every computation is in float64 and float32 inputs get float32 results.
#include <cmath>

#include "../linalg/lapack_like.hpp"
#include "native_args.hpp"
#include "numpy_bindings.hpp"

namespace initlab::script::numpy {

namespace {

using A = CallArgs;
using linalg::ColMajor;

Array matrix_arg(Interpreter& in, const Value& v, const std::string& fn) {
  Array a = to_array(in, v);
  if (a.ndim() < 2) {
    in.error("LinAlgError", std::to_string(a.ndim()) + "-dimensional array given. Array must be at least two-dimensional");
  }
  if (a.ndim() > 2) unsupported(in, "np.linalg." + fn + " of stacked matrices (more than 2 dimensions)");
  for (double v2 : a.values())
    if (!std::isfinite(v2)) in.error("LinAlgError", fn == "svd" ? "SVD did not converge" : "Array must not contain infs or NaNs");
  return a;
}

ColMajor to_colmajor(const Array& a) {
  ColMajor m(a.shape()[0], a.shape()[1]);
  const auto vals = a.values();
  for (int64_t i = 0; i < m.rows; ++i)
    for (int64_t j = 0; j < m.cols; ++j) m(i, j) = vals[static_cast<std::size_t>(i * m.cols + j)];
  return m;
}

DType result_dtype(const Array& a) { return a.dtype() == DType::float32 ? DType::float32 : DType::float64; }

Value from_colmajor(const ColMajor& m, DType d) {
  Array out(d, {m.rows, m.cols});
  for (int64_t i = 0; i < m.rows; ++i)
    for (int64_t j = 0; j < m.cols; ++j) out.set(i * m.cols + j, m(i, j));
  return make_ndarray(out);
}

Value vector(const std::vector<double>& v, DType d) { return make_ndarray(Array::from_values(d, {static_cast<int64_t>(v.size())}, v)); }

// The 2-norm of everything: sqrt(x.ravel('K') . x.ravel('K')), the dot product adding in order
// as reference BLAS's ddot/sdot does.
Value two_norm(const Array& x) {
  // 'K' order: the array's memory order.
  std::vector<int> order = k_order({x}, x.ndim());
  std::vector<int64_t> axes(order.begin(), order.end());
  const Array k = x.transpose(axes);
  const auto vals = k.values();
  if (x.dtype() == DType::float32) {
    float acc = 0.0f;
    for (double v : vals) acc += static_cast<float>(v) * static_cast<float>(v);
    return make_np_scalar(Array::scalar(DType::float32, static_cast<double>(std::sqrt(acc))));
  }
  double acc = 0.0;
  for (double v : vals) acc += v * v;
  return make_np_scalar(Array::scalar(DType::float64, std::sqrt(acc)));
}

Value norm(Interpreter& in, const Value& xv, const Value& ord, const Value& axis, bool keepdims) {
  Array x = to_array(in, xv);
  if (!is_float(x.dtype())) x = x.astype(DType::float64);
  const Value xa = make_ndarray(x);
  const bool ord_none = ord.is_none();
  const auto ord_str = [&](const char* s) { return ord.is_str() && ord.as_str() == s; };
  const auto ord_num = [&]() -> std::optional<double> {
    if (auto n = numpy_number(ord)) return n->as_float();
    if (ord.is_number()) return ord.as_float();
    return std::nullopt;
  };
  if (axis.is_none()) {
    const auto o = ord_num();
    if (ord_none || ((ord_str("fro") || ord_str("f")) && x.ndim() == 2) || (o && *o == 2.0 && x.ndim() == 1)) {
      Value r = two_norm(x);
      if (keepdims) r = make_ndarray(r.get<NdArrayObj>()->array.reshape_view(Dims(static_cast<std::size_t>(x.ndim()), 1)).value());
      return r;
    }
  }
  std::vector<int> axes = axes_arg(in, axis, x.ndim());
  if (axis.is_none() && x.ndim() > 2) in.error("ValueError", "Improper number of dimensions to norm.");
  const Value ax = axes.size() == 1 ? Value(static_cast<int64_t>(axes[0])) : make_tuple({Value(static_cast<int64_t>(axes[0])), Value(static_cast<int64_t>(axes.size() > 1 ? axes[1] : 0))});
  const Value absx = ufunc_unary(in, "absolute", xa);
  if (axes.size() == 1) {
    const auto o = ord_num();
    if (ord.is_str()) in.error("ValueError", "Invalid norm order '" + ord.as_str() + "' for vectors");
    if (ord_none || (o && *o == 2.0)) {
      const Value s = ufunc_binary(in, "multiply", xa, xa);
      return ufunc_unary(in, "sqrt", reduce(in, Reduction::sum, s, ax, keepdims));
    }
    if (std::isinf(*o)) return reduce(in, *o > 0 ? Reduction::max : Reduction::min, absx, ax, keepdims);
    if (*o == 1.0) return reduce(in, Reduction::sum, absx, ax, keepdims);
    if (*o == 0.0) {
      const Value nz = ufunc_binary(in, "not_equal", xa, Value(0));
      return reduce(in, Reduction::sum, make_ndarray(to_array(in, nz).astype(x.dtype())), ax, keepdims);
    }
    const Value p = ufunc_binary(in, "power", absx, ord);
    const Value s = reduce(in, Reduction::sum, p, ax, keepdims);
    return ufunc_binary(in, "power", s, make_np_scalar(Array::scalar(to_array(in, s).dtype(), 1.0 / *o)));
  }
  if (axes.size() != 2) in.error("ValueError", "Improper number of dimensions to norm.");
  if (ord_none || ord_str("fro") || ord_str("f")) {
    const Value s = ufunc_binary(in, "multiply", xa, xa);
    Value r = ufunc_unary(in, "sqrt", reduce(in, Reduction::sum, s, ax, keepdims));
    return r;
  }
  const auto o = ord_num();
  if (!o && !ord_str("nuc")) in.error("ValueError", "Invalid norm order for matrices.");
  if (ord_str("nuc") || std::fabs(*o) == 2.0) {
    if (x.ndim() != 2) unsupported(in, "matrix norms of stacked matrices");
    const linalg::Svd s = linalg::svd(to_colmajor(x), false);
    double r = s.s.empty() ? 0.0 : s.s[0];
    if (ord_str("nuc")) {
      r = 0.0;
      for (double v : s.s) r += v;
    } else if (*o < 0) {
      r = s.s.back();
    }
    return make_np_scalar(Array::scalar(result_dtype(x), r));
  }
  const int row = axes[0], col = axes[1];
  if (std::fabs(*o) == 1.0) {
    const Value sums = reduce(in, Reduction::sum, absx, Value(static_cast<int64_t>(row)), false);
    return reduce(in, *o > 0 ? Reduction::max : Reduction::min, sums, Value(static_cast<int64_t>(col > row ? col - 1 : col)), false);
  }
  if (std::isinf(*o)) {
    const Value sums = reduce(in, Reduction::sum, absx, Value(static_cast<int64_t>(col)), false);
    return reduce(in, *o > 0 ? Reduction::max : Reduction::min, sums, Value(static_cast<int64_t>(row > col ? row - 1 : row)), false);
  }
  in.error("ValueError", "Invalid norm order for matrices.");
}

}  // namespace

void install_numpy_linalg(Interpreter& interp, NamespaceObj& np, NamespaceObj& ns) {
  const auto def = [&](const std::string& name, Native fn) { ns.members[name] = make_builtin("numpy.linalg." + name, std::move(fn)); };
  def("svd", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "svd", a, {{"a", std::nullopt}, {"full_matrices", Value(true)}, {"compute_uv", Value(true)}, {"hermitian", Value(false)}});
    if (in.truthy(args[3])) unsupported(in, "np.linalg.svd(hermitian=True)");
    const Array x = matrix_arg(in, args[0], "svd");
    const linalg::Svd s = linalg::svd(to_colmajor(x), in.truthy(args[1]));
    if (!s.converged) in.error("LinAlgError", "SVD did not converge");
    const DType d = result_dtype(x);
    if (!in.truthy(args[2])) return vector(s.s, d);
    return make_tuple({from_colmajor(s.u, d), vector(s.s, d), from_colmajor(s.vt, d)});
  });
  def("qr", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "qr", a, {{"a", std::nullopt}, {"mode", Value("reduced")}});
    const std::string mode = to_str(in, args[1], "mode");
    if (mode != "reduced" && mode != "r" && mode != "complete") {
      in.error("ValueError", "Unrecognized mode '" + mode + "'");
    }
    if (mode == "complete") unsupported(in, "np.linalg.qr(mode='complete') (use mode='reduced')");
    const Array x = matrix_arg(in, args[0], "qr");
    const linalg::Qr q = linalg::qr(to_colmajor(x));
    const DType d = result_dtype(x);
    if (mode == "r") return from_colmajor(q.r, d);
    return make_tuple({from_colmajor(q.q, d), from_colmajor(q.r, d)});
  });
  def("norm", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "norm", a, {{"x", std::nullopt}, {"ord", Value()}, {"axis", Value()}, {"keepdims", Value(false)}});
    return norm(in, args[0], args[1], args[2], in.truthy(args[3]));
  });
  (void)interp;
  (void)np;
}

}  // namespace initlab::script::numpy
