// The numpy module: constants, dtypes and scalar types, np.ndarray, array creation (array,
// zeros, arange, linspace, eye, *_like, ...) and shape functions. Built on the first
// `import numpy` (Interpreter::lazy_modules), so scripts that never import it pay nothing.
#include <algorithm>
#include <cmath>
#include <limits>

#include "native_args.hpp"
#include "numpy_bindings.hpp"

namespace initlab::script {

using numpy::Array;
using numpy::Dims;
using numpy::DType;

namespace numpy {
Array reshape(Interpreter& in, const Array& a, Dims shape);
Array squeeze(Interpreter& in, const Array& a, const Value& axis);
Array transpose_axes(Interpreter& in, const Array& a, const std::vector<Value>& axes);
void install_numpy_functions(Interpreter& in, NamespaceObj& np);
}

namespace {

using A = CallArgs;

// np.float32(0.1) and friends: a scalar of that dtype (rounded, or truncated for integers);
// given a sequence or an array, an array of that dtype, as numpy's scalar types do.
Value construct_scalar(Interpreter& in, DType d, A& a) {
  const auto args = bind_native(in, numpy::scalar_type_name(d), a, {{"x", Value(0)}});
  const Value& x = args[0];
  if (x.is_str()) {
    char* end = nullptr;
    const double v = std::strtod(x.as_str().c_str(), &end);
    if (x.as_str().empty() || *end != '\0' || numpy::is_integer(d)) {
      in.error("ValueError", (numpy::is_integer(d) ? "invalid literal for int() with base 10: " : "could not convert string to float: ") + in.repr(x));
    }
    return make_np_scalar(Array::scalar(d, v));
  }
  if (d == DType::bool_ && !(x.get<NdArrayObj>() && x.get<NdArrayObj>()->array.ndim() > 0) && !x.get<ListObj>() && !x.get<TupleObj>()) {
    return make_np_scalar(Array::scalar_int(DType::bool_, in.truthy(x) ? 1 : 0));
  }
  Array arr = numpy::to_array(in, x).astype(d);
  if (arr.ndim() == 0) return make_np_scalar(arr);
  return make_ndarray(arr);
}

Value dtype_class(Interpreter&, NamespaceObj& np, const std::string& name, DType d) {
  auto c = std::make_shared<NativeClassObj>();
  c->name = name;
  c->qualified = "numpy." + std::string(numpy::scalar_type_name(d));
  c->construct = [d](Interpreter& in, A& a) { return construct_scalar(in, d, a); };
  c->is_instance = [d](const Value& v) {
    auto* o = v.get<NdArrayObj>();
    return o && o->scalar && o->array.dtype() == d;
  };
  const Value cls{ObjPtr(c)};
  np.members[name] = cls;
  return cls;
}

// np.floating, np.integer, ...: for isinstance on numpy scalars.
void abstract_class(NamespaceObj& np, const std::string& name, std::function<bool(DType)> covers) {
  auto c = std::make_shared<NativeClassObj>();
  c->name = name;
  c->qualified = "numpy." + name;
  c->is_instance = [covers](const Value& v) {
    auto* o = v.get<NdArrayObj>();
    return o && o->scalar && covers(o->array.dtype());
  };
  np.members[name] = Value(ObjPtr(c));
}

std::optional<DType> dtype_kw(Interpreter& in, const Value& v) { return numpy::dtype_arg(in, v); }

Value filled(Interpreter& in, const Value& shape, DType d, double v, const std::string& fn) {
  Array a(d, numpy::shape_arg(in, shape, fn));
  if (v != 0.0) a.fill(v);
  return make_ndarray(a);
}

// numpy's arange: the first two values in double, then start + i * (second - first) in the
// result's own precision (PyArray_Arange's fill functions).
Value arange(Interpreter& in, A& a) {
  const auto args = bind_native(in, "arange", a, {{"start", std::nullopt}, {"stop", Value()}, {"step", Value()}, {"dtype", Value()}, {"like", Value(), true}});
  std::vector<Value> given;
  for (int i = 0; i < 3; ++i)
    if (!args[static_cast<std::size_t>(i)].is_none()) given.push_back(numpy_number(args[static_cast<std::size_t>(i)]).value_or(args[static_cast<std::size_t>(i)]));
  Value start(0), stop, step(1);
  if (given.size() == 1) stop = given[0];
  else {
    start = given[0];
    stop = given[1];
    if (given.size() == 3) step = given[2];
  }
  std::vector<numpy::Operand> ops;
  for (const Value& v : {start, stop, step}) {
    if (!v.is_number()) in.error("TypeError", "unsupported operand type(s) for -: '" + type_name(v) + "' and 'int'");
    ops.push_back(numpy::operand(in, v));
  }
  DType d = numpy::result_type(ops);
  if (d == DType::bool_) d = DType::int64;
  if (auto want = dtype_kw(in, args[3])) d = *want;
  const double s0 = start.as_float(), s1 = stop.as_float(), st = step.as_float();
  if (st == 0.0) in.error("ZeroDivisionError", "division by zero");
  const double len = std::ceil((s1 - s0) / st);
  if (!std::isfinite(len)) in.error("ValueError", "arange: cannot compute length");
  const int64_t n = len > 0 ? static_cast<int64_t>(len) : 0;
  in.check_list_size(n);
  Array out(d, {n});
  if (numpy::is_float(d)) {
    if (d == DType::float32) {
      const float b0 = static_cast<float>(s0), b1 = static_cast<float>(s0 + st), delta = b1 - b0;
      for (int64_t i = 0; i < n; ++i) out.set(i, static_cast<double>(b0 + static_cast<float>(i) * delta));
    } else {
      const double delta = (s0 + st) - s0;
      for (int64_t i = 0; i < n; ++i) out.set(i, s0 + static_cast<double>(i) * delta);
    }
  } else {
    if (!start.is_float() && !step.is_float()) {
      const int64_t b0 = start.as_int(), delta = step.as_int();
      for (int64_t i = 0; i < n; ++i) out.set_int(i, numpy::wrap_add(b0, numpy::wrap_mul(i, delta)));
    } else {
      for (int64_t i = 0; i < n; ++i) out.set(i, s0 + static_cast<double>(i) * st);
    }
  }
  return make_ndarray(out);
}

// np.linspace as numpy/core/function_base.py computes it: i * step + start in float64, the
// last value set to stop.
Value linspace(Interpreter& in, A& a) {
  const auto args = bind_native(in, "linspace", a, {{"start", std::nullopt}, {"stop", std::nullopt}, {"num", Value(50)}, {"endpoint", Value(true)},
                                                      {"retstep", Value(false)}, {"dtype", Value()}, {"axis", Value(0)}});
  const double start = to_float(in, numpy_number(args[0]).value_or(args[0]), "start");
  const double stop = to_float(in, numpy_number(args[1]).value_or(args[1]), "stop");
  const int64_t num = to_int(in, numpy_number(args[2]).value_or(args[2]), "num");
  if (num < 0) in.error("ValueError", "Number of samples, " + std::to_string(num) + ", must be non-negative.");
  if (!(args[0].is_number() || numpy_number(args[0])) || !(args[1].is_number() || numpy_number(args[1]))) {
    numpy::unsupported(in, "np.linspace between arrays");
  }
  in.check_list_size(num);
  const bool endpoint = in.truthy(args[3]);
  const int64_t div = endpoint ? num - 1 : num;
  const double delta = stop - start;
  const double step = div > 0 ? delta / static_cast<double>(div) : std::nan("");
  Array y(DType::float64, {num});
  for (int64_t i = 0; i < num; ++i) {
    double v = static_cast<double>(i);
    if (div > 0) {
      if (step == 0.0) v = v / static_cast<double>(div) * delta;
      else v = v * step;
    } else {
      v = v * delta;
    }
    y.set(i, v + start);
  }
  if (endpoint && num > 1) y.set(num - 1, stop);
  DType d = DType::float64;
  if (auto want = dtype_kw(in, args[5])) d = *want;
  if (numpy::is_integer(d)) {
    for (int64_t i = 0; i < num; ++i) y.set(i, std::floor(y.get(i)));
  }
  const Value out = make_ndarray(d == DType::float64 ? y : y.astype(d));
  if (in.truthy(args[4])) return make_tuple({out, make_np_scalar(Array::scalar(DType::float64, step))});
  return out;
}

std::vector<Array> array_list(Interpreter& in, const Value& seq) {
  std::vector<Array> out;
  for (const Value& v : in.to_vector(seq)) out.push_back(numpy::to_array(in, v));
  return out;
}

Array expand(const Array& a, int axis) {
  Dims shape = a.shape(), strides = a.strides();
  shape.insert(shape.begin() + axis, 1);
  strides.insert(strides.begin() + axis, 0);
  return a.view(shape, strides, a.offset());
}

}  // namespace

// numpy's exception classes, with its bases, so `except ValueError` catches an AxisError.
static Value exception(Interpreter& in, const std::string& name, const std::string& module, const std::vector<Value>& bases) {
  auto c = std::make_shared<ClassObj>();
  c->name = name;
  c->module = module;
  c->exception = true;
  for (const Value& b : bases) c->bases.push_back(std::static_pointer_cast<ClassObj>(b.as_obj()));
  const Value v{ObjPtr(c)};
  in.register_exception_class(name, v);
  return v;
}

Value numpy_type(Interpreter& in, const Value& v) {
  install_numpy(in);
  const Value np = in.importable()["numpy"];
  if (auto* d = v.get<NpDtypeObj>()) {
    auto c = std::make_shared<NativeClassObj>();
    c->name = d->type_name();
    c->qualified = "numpy." + c->name;
    return Value(ObjPtr(c));
  }
  auto* o = v.get<NdArrayObj>();
  return in.getattr(np, o->scalar ? numpy::scalar_type_name(o->array.dtype()) : "ndarray");
}

void install_numpy(Interpreter& interp) {
  if (interp.importable().count("numpy")) return;
  auto np = std::make_shared<NamespaceObj>();
  np->name = "numpy";
  auto linalg = std::make_shared<NamespaceObj>();
  linalg->name = "numpy.linalg";
  auto random = std::make_shared<NamespaceObj>();
  random->name = "numpy.random";
  NamespaceObj& ns = *np;
  const auto def = [&](const std::string& name, Native fn) { ns.members[name] = make_builtin("numpy." + name, std::move(fn)); };

  auto& b = interp.builtins();
  ns.members["AxisError"] = exception(interp, "AxisError", "numpy", {b["ValueError"], b["IndexError"]});
  linalg->members["LinAlgError"] = exception(interp, "LinAlgError", "numpy.linalg", {b["Exception"]});
  const Value ufunc_type = exception(interp, "UFuncTypeError", "numpy.core._exceptions", {b["TypeError"]});
  exception(interp, "_UFuncOutputCastingError", "numpy.core._exceptions", {ufunc_type});
  ns.members["pi"] = Value(M_PI);
  ns.members["e"] = Value(M_E);
  ns.members["inf"] = Value(std::numeric_limits<double>::infinity());
  ns.members["nan"] = Value(std::numeric_limits<double>::quiet_NaN());
  ns.members["newaxis"] = Value();
  ns.members["euler_gamma"] = Value(0.5772156649015329);
  ns.members["__version__"] = Value("1.24.2 (initlab)");

  // Scalar types (usable as dtype=) and their aliases.
  for (const auto& [name, d] : std::vector<std::pair<std::string, DType>>{{"float64", DType::float64}, {"float32", DType::float32},
                                                                          {"int64", DType::int64}, {"int32", DType::int32}, {"bool_", DType::bool_}}) {
    dtype_class(interp, ns, name, d);
  }
  ns.members["double"] = ns.members["float_"] = ns.members["float64"];
  ns.members["single"] = ns.members["float32"];
  ns.members["int_"] = ns.members["int64"];
  ns.members["intc"] = ns.members["int32"];
  // numpy's other dtypes: named, so that using one says initlab lacks it (not that numpy does).
  for (const char* n : {"float16", "half", "longdouble", "uint8", "uint16", "uint32", "uint64", "int8", "int16", "complex64",
                        "complex128", "complex_", "object_", "str_"}) {
    auto c = std::make_shared<NativeClassObj>();
    c->name = n;
    c->qualified = std::string("numpy.") + n;
    const std::string name = n;
    c->construct = [name](Interpreter& in, A&) -> Value {
      numpy::unsupported(in, "the numpy dtype " + name + " (initlab has bool, int32, int64, float32 and float64)");
    };
    c->is_instance = [](const Value&) { return false; };
    ns.members[n] = Value(ObjPtr(c));
  }
  abstract_class(ns, "generic", [](DType) { return true; });
  abstract_class(ns, "number", [](DType d) { return d != DType::bool_; });
  abstract_class(ns, "integer", [](DType d) { return numpy::is_integer(d); });
  abstract_class(ns, "signedinteger", [](DType d) { return numpy::is_integer(d); });
  abstract_class(ns, "floating", [](DType d) { return numpy::is_float(d); });
  abstract_class(ns, "inexact", [](DType d) { return numpy::is_float(d); });
  auto ndarray = std::make_shared<NativeClassObj>();
  ndarray->name = "ndarray";
  ndarray->qualified = "numpy.ndarray";
  ndarray->is_instance = [](const Value& v) { return v.get<NdArrayObj>() && !v.get<NdArrayObj>()->scalar; };
  ns.members["ndarray"] = Value(ObjPtr(ndarray));
  def("dtype", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "dtype", a, {{"dtype", std::nullopt}});
    const auto d = numpy::dtype_arg(in, args[0]);
    return make_np_dtype(d.value_or(DType::float64));
  });

  // ---- creation ----
  def("array", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "array", a, {{"object", std::nullopt}, {"dtype", Value()}, {"copy", Value(true)}, {"order", Value("K")}, {"subok", Value(false)}, {"ndmin", Value(0)}});
    const auto d = dtype_kw(in, args[1]);
    Array r = numpy::to_array(in, args[0], d);
    if (in.truthy(args[2]) || r.shares_buffer(numpy::to_array(in, args[0]))) {
      if (args[0].get<NdArrayObj>() || args[0].get<TensorObj>()) r = r.copy();
    }
    for (int64_t n = to_int(in, args[5], "ndmin"); r.ndim() < n;) r = expand(r, 0);
    return make_ndarray(r);
  });
  for (const char* name : {"asarray", "asanyarray", "ascontiguousarray"}) {
    const std::string n = name;
    def(n, [n](Interpreter& in, A& a) {
      const auto args = bind_native(in, n, a, {{"a", std::nullopt}, {"dtype", Value()}, {"order", Value()}});
      const auto d = dtype_kw(in, args[1]);
      if (auto* o = args[0].get<NdArrayObj>(); o && !o->scalar && (!d || *d == o->array.dtype())) {
        if (n != "ascontiguousarray" || o->array.c_contiguous()) return args[0];
      }
      Array r = numpy::to_array(in, args[0], d);
      if (n == "ascontiguousarray" && !r.c_contiguous()) r = r.copy();
      return make_ndarray(r);
    });
  }
  def("copy", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "copy", a, {{"a", std::nullopt}});
    return make_ndarray(numpy::to_array(in, args[0]).copy());
  });
  for (const char* name : {"zeros", "ones", "empty"}) {
    const std::string n = name;
    def(n, [n](Interpreter& in, A& a) {
      const auto args = bind_native(in, n, a, {{"shape", std::nullopt}, {"dtype", Value()}, {"order", Value("C")}, {"like", Value(), true}});
      return filled(in, args[0], dtype_kw(in, args[1]).value_or(DType::float64), n == "ones" ? 1.0 : 0.0, n);
    });
  }
  def("full", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "full", a, {{"shape", std::nullopt}, {"fill_value", std::nullopt}, {"dtype", Value()}, {"order", Value("C")}});
    const Array fill = numpy::to_array(in, args[1]);
    Array out(dtype_kw(in, args[2]).value_or(fill.dtype()), numpy::shape_arg(in, args[0], "full"));
    out.assign(fill);
    return make_ndarray(out);
  });
  for (const char* name : {"zeros_like", "ones_like", "empty_like", "full_like"}) {
    const std::string n = name;
    def(n, [n](Interpreter& in, A& a) {
      std::vector<ParamSpec> spec = {{"a", std::nullopt}};
      if (n == "full_like") spec.push_back({"fill_value", std::nullopt});
      spec.push_back({"dtype", Value()});
      spec.push_back({"order", Value("K")});
      spec.push_back({"subok", Value(true)});
      spec.push_back({"shape", Value()});
      const auto args = bind_native(in, n, a, spec);
      const Array like = numpy::to_array(in, args[0]);
      const std::size_t k = n == "full_like" ? 2 : 1;
      Array out(dtype_kw(in, args[k]).value_or(like.dtype()), args[k + 3].is_none() ? like.shape() : numpy::shape_arg(in, args[k + 3], n));
      if (n == "ones_like") out.fill(1.0);
      if (n == "full_like") out.assign(numpy::to_array(in, args[1]));
      return make_ndarray(out);
    });
  }
  def("eye", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "eye", a, {{"N", std::nullopt}, {"M", Value()}, {"k", Value(0)}, {"dtype", Value()}, {"order", Value("C")}});
    const int64_t n = to_int(in, numpy_number(args[0]).value_or(args[0]), "N");
    const int64_t m = args[1].is_none() ? n : to_int(in, numpy_number(args[1]).value_or(args[1]), "M");
    const int64_t k = to_int(in, args[2], "k");
    Array out(dtype_kw(in, args[3]).value_or(DType::float64), {n, m});
    for (int64_t i = 0; i < n; ++i)
      if (i + k >= 0 && i + k < m) out.set_int(i * m + i + k, 1);
    return make_ndarray(out);
  });
  def("identity", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "identity", a, {{"n", std::nullopt}, {"dtype", Value()}});
    const int64_t n = to_int(in, numpy_number(args[0]).value_or(args[0]), "n");
    Array out(dtype_kw(in, args[1]).value_or(DType::float64), {n, n});
    for (int64_t i = 0; i < n; ++i) out.set_int(i * n + i, 1);
    return make_ndarray(out);
  });
  def("arange", arange);
  def("linspace", linspace);

  // ---- shapes ----
  def("shape", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "shape", a, {{"a", std::nullopt}});
    return in.getattr(make_ndarray(numpy::to_array(in, args[0])), "shape");
  });
  def("ndim", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "ndim", a, {{"a", std::nullopt}});
    return Value(static_cast<int64_t>(numpy::to_array(in, args[0]).ndim()));
  });
  def("size", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "size", a, {{"a", std::nullopt}});
    return Value(numpy::to_array(in, args[0]).size());
  });
  def("reshape", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "reshape", a, {{"a", std::nullopt}, {"newshape", std::nullopt}, {"order", Value("C")}});
    return make_ndarray(numpy::reshape(in, numpy::to_array(in, args[0]), numpy::shape_arg(in, args[1], "reshape")));
  });
  def("ravel", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "ravel", a, {{"a", std::nullopt}, {"order", Value("C")}});
    const Array x = numpy::to_array(in, args[0]);
    return make_ndarray(numpy::reshape(in, x.c_contiguous() ? x : x.copy(), {x.size()}));
  });
  def("transpose", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "transpose", a, {{"a", std::nullopt}, {"axes", Value()}});
    std::vector<Value> axes;
    if (!args[1].is_none()) axes = {args[1]};
    return make_ndarray(numpy::transpose_axes(in, numpy::to_array(in, args[0]), axes));
  });
  def("squeeze", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "squeeze", a, {{"a", std::nullopt}, {"axis", Value()}});
    return make_ndarray(numpy::squeeze(in, numpy::to_array(in, args[0]), args[1]));
  });
  def("expand_dims", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "expand_dims", a, {{"a", std::nullopt}, {"axis", std::nullopt}});
    const Array x = numpy::to_array(in, args[0]);
    const int ax = numpy::normalize_axis(in, to_int(in, numpy_number(args[1]).value_or(args[1]), "axis"), x.ndim() + 1);
    return make_ndarray(expand(x, ax));
  });
  def("concatenate", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "concatenate", a, {{"arrays", std::nullopt}, {"axis", Value(0)}, {"out", Value()}, {"dtype", Value(), true}});
    std::vector<Array> arrays = array_list(in, args[0]);
    if (args[1].is_none()) {
      for (Array& x : arrays) x = numpy::reshape(in, x.c_contiguous() ? x : x.copy(), {x.size()});
      return make_ndarray(numpy::concatenate(in, arrays, 0));
    }
    Array r = numpy::concatenate(in, arrays, to_int(in, numpy_number(args[1]).value_or(args[1]), "axis"));
    if (auto d = dtype_kw(in, args[3])) r = r.astype(*d);
    return make_ndarray(r);
  });
  def("stack", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "stack", a, {{"arrays", std::nullopt}, {"axis", Value(0)}, {"out", Value()}});
    std::vector<Array> arrays = array_list(in, args[0]);
    if (arrays.empty()) in.error("ValueError", "need at least one array to stack");
    for (const Array& x : arrays)
      if (x.shape() != arrays[0].shape()) in.error("ValueError", "all input arrays must have the same shape");
    const int ax = numpy::normalize_axis(in, to_int(in, numpy_number(args[1]).value_or(args[1]), "axis"), arrays[0].ndim() + 1);
    for (Array& x : arrays) x = expand(x, ax);
    return make_ndarray(numpy::concatenate(in, arrays, ax));
  });
  for (const char* name : {"vstack", "hstack"}) {
    const bool v = std::string(name) == "vstack";
    def(name, [v, name](Interpreter& in, A& a) {
      const auto args = bind_native(in, name, a, {{"tup", std::nullopt}});
      std::vector<Array> arrays = array_list(in, args[0]);
      for (Array& x : arrays) {
        if (x.ndim() == 0) x = expand(x, 0);
        if (v && x.ndim() == 1) x = expand(x, 0);
      }
      const int64_t axis = v ? 0 : (!arrays.empty() && arrays[0].ndim() == 1 ? 0 : 1);
      return make_ndarray(numpy::concatenate(in, arrays, axis));
    });
  }

  def("diag", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "diag", a, {{"v", std::nullopt}, {"k", Value(0)}});
    const Array v = numpy::to_array(in, args[0]);
    const int64_t k = to_int(in, args[1], "k");
    if (v.ndim() == 1) {
      const int64_t n = v.size() + std::llabs(k);
      Array out(v.dtype(), {n, n});
      for (int64_t i = 0; i < v.size(); ++i) {
        const int64_t r = k >= 0 ? i : i - k, c = k >= 0 ? i + k : i;
        const int64_t src = v.offset() + i * v.strides()[0];
        if (numpy::is_float(v.dtype())) out.set(r * n + c, v.get(src));
        else out.set_int(r * n + c, v.get_int(src));
      }
      return make_ndarray(out);
    }
    if (v.ndim() != 2) in.error("ValueError", "Input must be 1- or 2-d.");
    const int64_t rows = v.shape()[0], cols = v.shape()[1];
    const int64_t len = std::max<int64_t>(0, k >= 0 ? std::min(rows, cols - k) : std::min(rows + k, cols));
    const int64_t start = v.offset() + (k >= 0 ? k * v.strides()[1] : -k * v.strides()[0]);
    return make_ndarray(v.view({len}, {v.strides()[0] + v.strides()[1]}, start).copy());
  });
  def("trace", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "trace", a, {{"a", std::nullopt}});
    const Array v = numpy::to_array(in, args[0]);
    if (v.ndim() != 2) numpy::unsupported(in, "np.trace of arrays that are not 2-D");
    const int64_t len = std::min(v.shape()[0], v.shape()[1]);
    return numpy::reduce(in, numpy::Reduction::sum, make_ndarray(v.view({len}, {v.strides()[0] + v.strides()[1]}, v.offset())), Value(), false);
  });

  // np.ogrid[:3, :4] and np.mgrid[...]: objects indexed with slices, as numpy's nd_grid is.
  for (const bool open : {true, false}) {
    auto cls = std::make_shared<ClassObj>();
    cls->name = open ? "OGridClass" : "MGridClass";
    cls->module = "numpy.lib.index_tricks";
    cls->attrs["__getitem__"] = make_builtin(open ? "ogrid" : "mgrid", [open](Interpreter& in, A& a) -> Value {
      const Value& key = a.positional.at(0);
      const bool single = !key.get<TupleObj>() || key.get<TupleObj>()->items.at(0).is_str();
      const std::vector<Value> slices = single ? std::vector<Value>{key} : key.get<TupleObj>()->items;
      std::vector<Array> axes;
      bool floats = false;
      for (const Value& sl : slices) {
        auto* t = sl.get<TupleObj>();
        if (!t || t->items.size() != 4 || !t->items[0].is_str()) numpy::unsupported(in, "np.ogrid/np.mgrid with anything but slices");
        for (int k = 1; k < 4; ++k) floats = floats || t->items[static_cast<std::size_t>(k)].is_float();
      }
      for (const Value& sl : slices) {
        const auto& it = sl.get<TupleObj>()->items;
        CallArgs r;
        r.positional = {it[1].is_none() ? Value(0) : it[1], it[2], it[3].is_none() ? Value(1) : it[3]};
        if (floats) r.keywords.emplace_back("dtype", Value("float64"));
        axes.push_back(in.call(in.getattr(in.importable()["numpy"], "arange"), r).get<NdArrayObj>()->array);
      }
      const std::size_t nd = axes.size();
      Dims full;
      for (const Array& x : axes) full.push_back(x.size());
      std::vector<Value> out;
      for (std::size_t k = 0; k < nd; ++k) {
        Dims shape(nd, 1);
        shape[k] = axes[k].size();
        const Array g = axes[k].reshape_view(shape).value();
        out.push_back(make_ndarray(open ? g : g.broadcast_to(full).copy()));
      }
      if (single) return out[0];
      if (open) return make_list(std::move(out));
      std::vector<Array> parts;
      for (const Value& v : out) parts.push_back(v.get<NdArrayObj>()->array.reshape_view([&] {
        Dims d = full;
        d.insert(d.begin(), 1);
        return d;
      }()).value());
      return make_ndarray(numpy::concatenate(in, parts, 0));
    });
    auto grid = std::make_shared<InstanceObj>();
    grid->cls = cls;
    ns.members[open ? "ogrid" : "mgrid"] = Value(ObjPtr(grid));
  }

  numpy::install_numpy_functions(interp, ns);
  numpy::install_numpy_linalg(interp, ns, *linalg);
  numpy::install_numpy_random(interp, *random);
  ns.members["linalg"] = Value(ObjPtr(linalg));
  ns.members["random"] = Value(ObjPtr(random));
  interp.importable()["numpy"] = Value(ObjPtr(np));
  interp.importable()["numpy.linalg"] = Value(ObjPtr(linalg));
  interp.importable()["numpy.random"] = Value(ObjPtr(random));
}

}  // namespace initlab::script
