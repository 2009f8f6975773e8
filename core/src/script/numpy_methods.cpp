// ndarray's (and numpy scalars') attributes and methods: .shape, .T, .reshape(), .astype(),
// .sum(axis=...), .tolist(), ... Reductions and math are shared with the np.* functions.
#include <algorithm>

#include "native_args.hpp"
#include "numpy_bindings.hpp"

namespace initlab::script {

using numpy::Array;
using numpy::Dims;
using numpy::DType;

namespace numpy {
Array reshape(Interpreter& in, const Array& a, Dims shape);
}

namespace {

using A = CallArgs;

Value size_tuple(const Dims& d) {
  std::vector<Value> items;
  for (int64_t x : d) items.emplace_back(x);
  return make_tuple(std::move(items));
}

// Sizes given as reshape(2, 3) or reshape((2, 3)).
Dims sizes(Interpreter& in, const std::vector<Value>& pos, const std::string& fn) {
  if (pos.size() == 1) return numpy::shape_arg(in, pos[0], fn);
  Dims out;
  for (const Value& v : pos) {
    const auto n = numpy_number(v);
    const Value& x = n ? *n : v;
    if (!x.is_int() && !x.is_bool()) in.error("TypeError", "'" + type_name(v) + "' object cannot be interpreted as an integer");
    out.push_back(x.as_int());
  }
  return out;
}

Array transpose(Interpreter& in, const Array& a, const std::vector<Value>& pos) {
  std::vector<int64_t> axes;
  if (pos.empty() || (pos.size() == 1 && pos[0].is_none())) {
    for (int i = a.ndim() - 1; i >= 0; --i) axes.push_back(i);
  } else {
    const Dims given = sizes(in, pos, "transpose");
    if (static_cast<int>(given.size()) != a.ndim()) in.error("ValueError", "axes don't match array");
    std::vector<bool> seen(static_cast<std::size_t>(a.ndim()), false);
    for (int64_t g : given) {
      const int ax = numpy::normalize_axis(in, g, a.ndim());
      if (seen[static_cast<std::size_t>(ax)]) in.error("ValueError", "repeated axis in transpose");
      seen[static_cast<std::size_t>(ax)] = true;
      axes.push_back(ax);
    }
  }
  return a.transpose(axes);
}

bool truthy_kw(Interpreter& in, const Value& v) { return in.truthy(v); }

}  // namespace

namespace numpy {

Array squeeze(Interpreter& in, const Array& a, const Value& axis) {
  Dims shape, strides;
  std::vector<int> drop = axis.is_none() ? std::vector<int>{} : axes_arg(in, axis, a.ndim());
  for (int d : drop) {
    if (a.shape()[static_cast<std::size_t>(d)] != 1) in.error("ValueError", "cannot select an axis to squeeze out which has size not equal to one");
  }
  for (int d = 0; d < a.ndim(); ++d) {
    const auto ud = static_cast<std::size_t>(d);
    const bool gone = axis.is_none() ? a.shape()[ud] == 1 : std::find(drop.begin(), drop.end(), d) != drop.end();
    if (gone) continue;
    shape.push_back(a.shape()[ud]);
    strides.push_back(a.strides()[ud]);
  }
  return a.view(shape, strides, a.offset());
}

Array transpose_axes(Interpreter& in, const Array& a, const std::vector<Value>& axes) { return transpose(in, a, axes); }

}  // namespace numpy

std::optional<Value> numpy_attribute(Interpreter& interp, const Value& self, const std::string& name) {
  if (auto* d = self.get<NpDtypeObj>()) {
    if (name == "name") return Value(numpy::dtype_name(d->dtype));
    if (name == "itemsize") return Value(static_cast<int64_t>(numpy::itemsize(d->dtype)));
    if (name == "kind") return Value(d->dtype == DType::bool_ ? "b" : numpy::is_integer(d->dtype) ? "i" : "f");
    if (name == "type") return interp.getattr(interp.importable()["numpy"], numpy::scalar_type_name(d->dtype));
    return std::nullopt;
  }
  auto* obj = self.get<NdArrayObj>();
  const Array a = obj->array;
  const auto method = [&](Native fn) { return make_builtin((obj->scalar ? std::string(obj->type_name()) : "ndarray") + "." + name, std::move(fn)); };
  if (name == "shape") return size_tuple(a.shape());
  if (name == "ndim") return Value(static_cast<int64_t>(a.ndim()));
  if (name == "size") return Value(a.size());
  if (name == "dtype") return make_np_dtype(a.dtype());
  if (name == "itemsize") return Value(static_cast<int64_t>(numpy::itemsize(a.dtype())));
  if (name == "nbytes") return Value(a.size() * numpy::itemsize(a.dtype()));
  if (name == "strides") {
    Dims s;
    for (int64_t x : a.strides()) s.push_back(x * numpy::itemsize(a.dtype()));
    return size_tuple(s);
  }
  if (name == "T") return obj->scalar ? self : make_ndarray(a.transpose([&] {
    std::vector<int64_t> axes;
    for (int i = a.ndim() - 1; i >= 0; --i) axes.push_back(i);
    return axes;
  }()));
  if (name == "real") return self;
  if (name == "reshape") {
    return method([a](Interpreter& in, A& args) {
      for (const auto& [k, v] : args.keywords)
        if (k != "order" || !v.is_str() || v.as_str() != "C") numpy::unsupported(in, "reshape(" + k + "=...) other than order='C'");
      if (args.positional.empty()) in.error("TypeError", "reshape() takes exactly 1 argument (0 given)");
      return make_ndarray(numpy::reshape(in, a, sizes(in, args.positional, "reshape")));
    });
  }
  if (name == "transpose") return method([a](Interpreter& in, A& args) { return make_ndarray(transpose(in, a, args.positional)); });
  if (name == "swapaxes") {
    return method([a](Interpreter& in, A& args) {
      const auto v = bind_native(in, "swapaxes", args, {{"axis1", std::nullopt}, {"axis2", std::nullopt}});
      std::vector<int64_t> axes;
      for (int i = 0; i < a.ndim(); ++i) axes.push_back(i);
      std::swap(axes[static_cast<std::size_t>(numpy::normalize_axis(in, to_int(in, v[0], "axis1"), a.ndim()))],
                axes[static_cast<std::size_t>(numpy::normalize_axis(in, to_int(in, v[1], "axis2"), a.ndim()))]);
      return make_ndarray(a.transpose(axes));
    });
  }
  if (name == "flatten" || name == "ravel") {
    const bool copy = name == "flatten";
    return method([a, copy](Interpreter& in, A& args) {
      bind_native(in, copy ? "flatten" : "ravel", args, {{"order", Value("C")}});
      if (!copy)
        if (auto v = a.reshape_view({a.size()}); v && a.c_contiguous()) return make_ndarray(*v);
      return make_ndarray(a.copy().reshape_view({a.size()}).value());
    });
  }
  if (name == "squeeze") {
    return method([a](Interpreter& in, A& args) {
      const auto v = bind_native(in, "squeeze", args, {{"axis", Value()}});
      return make_np_result(numpy::squeeze(in, a, v[0]));
    });
  }
  if (name == "astype") {
    const bool scalar = obj->scalar;
    return method([a, scalar](Interpreter& in, A& args) {
      const auto v = bind_native(in, "astype", args, {{"dtype", std::nullopt}, {"order", Value("K")}, {"casting", Value("unsafe")}, {"subok", Value(true)}, {"copy", Value(true)}});
      const auto d = numpy::dtype_arg(in, v[0]);
      if (!d) in.error("TypeError", "Cannot interpret 'None' as a data type");
      Array r = a.astype(*d);
      return scalar ? make_np_scalar(r) : make_ndarray(r);
    });
  }
  if (name == "copy") return method([a](Interpreter&, A&) { return make_ndarray(a.copy()); });
  if (name == "tolist") return method([a](Interpreter&, A&) { return numpy::to_list(a); });
  if (name == "item") {
    return method([a](Interpreter& in, A& args) {
      if (args.positional.empty()) {
        if (a.size() != 1) in.error("ValueError", "can only convert an array of size 1 to a Python scalar");
        return numpy::python_value(a, a.positions()[0]);
      }
      if (args.positional.size() == 1 && (args.positional[0].is_int() || numpy_number(args.positional[0]))) {
        const int64_t i = to_int(in, numpy_number(args.positional[0]).value_or(args.positional[0]), "index");
        if (i < -a.size() || i >= a.size()) in.error("IndexError", "index " + std::to_string(i) + " is out of bounds for axis 0 with size " + std::to_string(a.size()));
        return numpy::python_value(a, a.positions()[static_cast<std::size_t>(i < 0 ? i + a.size() : i)]);
      }
      const Value r = numpy_subscript(in, make_ndarray(a), make_tuple(args.positional));
      return numpy::python_value(r.get<NdArrayObj>()->array, r.get<NdArrayObj>()->array.offset());
    });
  }
  if (name == "fill") {
    Value keep = self;
    return method([keep](Interpreter& in, A& args) {
      const auto v = bind_native(in, "fill", args, {{"value", std::nullopt}});
      keep.get<NdArrayObj>()->array.assign(numpy::to_array(in, v[0]));
      return Value();
    });
  }
  // ---- reductions, with numpy's keyword names ----
  struct Red {
    const char* name;
    numpy::Reduction r;
  };
  static const Red reds[] = {{"sum", numpy::Reduction::sum}, {"prod", numpy::Reduction::prod}, {"max", numpy::Reduction::max},
                             {"min", numpy::Reduction::min}, {"mean", numpy::Reduction::mean}, {"var", numpy::Reduction::var},
                             {"std", numpy::Reduction::std}, {"argmax", numpy::Reduction::argmax}, {"argmin", numpy::Reduction::argmin},
                             {"any", numpy::Reduction::any}, {"all", numpy::Reduction::all}};
  for (const Red& r : reds) {
    if (name != r.name) continue;
    const numpy::Reduction kind = r.r;
    return method([self, kind, name](Interpreter& in, A& args) {
      std::vector<ParamSpec> spec = {{"axis", Value()}};
      const bool with_dtype = kind == numpy::Reduction::sum || kind == numpy::Reduction::prod || kind == numpy::Reduction::mean ||
                              kind == numpy::Reduction::var || kind == numpy::Reduction::std;
      if (with_dtype) spec.push_back({"dtype", Value()});
      spec.push_back({"out", Value()});
      if (kind == numpy::Reduction::var || kind == numpy::Reduction::std) spec.push_back({"ddof", Value(0)});
      spec.push_back({"keepdims", Value(false)});
      const auto v = bind_native(in, name, args, spec);
      if (!v[with_dtype ? 2 : 1].is_none()) numpy::unsupported(in, name + "(out=...)");
      const bool has_ddof = kind == numpy::Reduction::var || kind == numpy::Reduction::std;
      const int64_t ddof = has_ddof ? to_int(in, numpy_number(v[3]).value_or(v[3]), "ddof") : 0;
      const bool keep = truthy_kw(in, v.back());
      return numpy::reduce(in, kind, self, v[0], keep, ddof, with_dtype ? numpy::dtype_arg(in, v[1]) : std::nullopt);
    });
  }
  if (name == "cumsum" || name == "cumprod") {
    const bool product = name == "cumprod";
    return method([a, product, name](Interpreter& in, A& args) {
      const auto v = bind_native(in, name, args, {{"axis", Value()}, {"dtype", Value()}, {"out", Value()}});
      const auto d = numpy::dtype_arg(in, v[1]);
      return make_ndarray(numpy::cumulative(in, d ? a.astype(*d) : a, v[0], product));
    });
  }
  if (name == "clip") {
    return method([self](Interpreter& in, A& args) {
      const auto v = bind_native(in, "clip", args, {{"min", Value()}, {"max", Value()}});
      Value r = self;
      if (!v[0].is_none()) r = numpy::ufunc_binary(in, "maximum", r, v[0]);
      if (!v[1].is_none()) r = numpy::ufunc_binary(in, "minimum", r, v[1]);
      return r;
    });
  }
  if (name == "dot") {
    return method([self](Interpreter& in, A& args) {
      const auto v = bind_native(in, "dot", args, {{"b", std::nullopt}});
      return numpy::matmul(in, self, v[0], true);
    });
  }
  if (name == "__array__") return method([a](Interpreter&, A&) { return make_ndarray(a); });
  (void)interp;
  return std::nullopt;
}

}  // namespace initlab::script
