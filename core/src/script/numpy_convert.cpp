// Script values to numpy arrays and back, and numpy 1.24's type resolution: which dtype an
// array made from Python data gets, and which dtype a ufunc's result gets (value-based casting
// for scalars, the rule NEP 50 replaced in numpy 2).
#include <algorithm>
#include <cmath>
#include <limits>

#include "native_args.hpp"
#include "numpy_bindings.hpp"

namespace initlab::script::numpy {

void unsupported(Interpreter& in, const std::string& what) { in.error("NotImplementedError", "not supported in initlab: " + what); }

namespace {

DType python_dtype(const Value& v) { return v.is_bool() ? DType::bool_ : v.is_int() ? DType::int64 : DType::float64; }

bool is_sequence(const Value& v) { return v.get<ListObj>() != nullptr || v.get<TupleObj>() != nullptr || v.get<RangeObj>() != nullptr; }

// One pass over nested sequences: the shape, and the dtype numpy discovers for the elements.
void discover(Interpreter& in, const Value& v, std::size_t depth, Dims& shape, bool& shape_set,
              std::optional<DType>& dtype) {
  const auto merge = [&](DType d) { dtype = dtype ? promote(*dtype, d) : d; };
  const auto leaf_shape = [&](const Dims& s, std::size_t at) {
    // Everything below this depth comes from an array or a leaf; it must agree everywhere.
    Dims want(shape.begin(), shape.begin() + static_cast<std::ptrdiff_t>(std::min(at, shape.size())));
    want.insert(want.end(), s.begin(), s.end());
    if (!shape_set) {
      shape = want;
      shape_set = true;
    } else if (shape != want) {
      const Dims common(shape.begin(), shape.begin() + static_cast<std::ptrdiff_t>(std::min(at, shape.size())));
      in.error("ValueError", "setting an array element with a sequence. The requested array has an inhomogeneous shape after " +
                                 std::to_string(common.size()) + " dimensions. The detected shape was " + shape_text(common) +
                                 " + inhomogeneous part.");
    }
  };
  if (v.is_number()) {
    merge(python_dtype(v));
    leaf_shape({}, depth);
    return;
  }
  if (auto* a = v.get<NdArrayObj>()) {
    merge(a->array.dtype());
    leaf_shape(a->array.shape(), depth);
    return;
  }
  if (auto* t = v.get<TensorObj>()) {
    merge(t->tensor.dtype() == initlab::DType::int64 ? DType::int64 : t->tensor.dtype() == initlab::DType::boolean ? DType::bool_ : DType::float32);
    leaf_shape(t->tensor.shape().to_vector(), depth);
    return;
  }
  if (!is_sequence(v)) {
    if (v.is_str()) unsupported(in, "numpy arrays of strings");
    unsupported(in, "numpy arrays of '" + type_name(v) + "' objects");
  }
  const std::vector<Value> items = in.to_vector(v);
  if (shape_set && depth >= shape.size()) {
    in.error("ValueError", "setting an array element with a sequence. The requested array has an inhomogeneous shape after " +
                               std::to_string(shape.size()) + " dimensions. The detected shape was " + shape_text(shape) + " + inhomogeneous part.");
  }
  if (!shape_set) {
    if (shape.size() == depth) shape.push_back(static_cast<int64_t>(items.size()));
    if (shape.size() > 32) in.error("ValueError", "maximum supported dimension for an ndarray is 32");
  } else if (shape[depth] != static_cast<int64_t>(items.size())) {
    const Dims common(shape.begin(), shape.begin() + static_cast<std::ptrdiff_t>(depth));
    in.error("ValueError", "setting an array element with a sequence. The requested array has an inhomogeneous shape after " +
                               std::to_string(depth) + " dimensions. The detected shape was " + shape_text(common) +
                               " + inhomogeneous part.");
  }
  if (items.empty()) {
    leaf_shape({}, depth + 1);  // an empty sequence ends the shape here: np.array([]) is (0,)
    return;
  }
  for (const Value& item : items) discover(in, item, depth + 1, shape, shape_set, dtype);
}

void fill(Interpreter& in, const Value& v, Array& out, int64_t& next) {
  if (v.is_number()) {
    if (v.is_float()) out.set(next++, v.as_float());
    else out.set_int(next++, v.as_int());
    return;
  }
  if (auto* a = v.get<NdArrayObj>()) {
    for (int64_t p : a->array.positions()) {
      if (is_float(a->array.dtype())) out.set(next++, a->array.get(p));
      else out.set_int(next++, a->array.get_int(p));
    }
    return;
  }
  if (auto* t = v.get<TensorObj>()) {
    for (float f : t->tensor.to_vector()) out.set(next++, static_cast<double>(f));
    return;
  }
  for (const Value& item : in.to_vector(v)) fill(in, item, out, next);
}

}  // namespace

Array to_array(Interpreter& in, const Value& v, std::optional<DType> dtype) {
  if (auto* a = v.get<NdArrayObj>()) return dtype && *dtype != a->array.dtype() ? a->array.astype(*dtype) : a->array;
  if (auto* t = v.get<TensorObj>(); t && !dtype && t->tensor.dtype() == initlab::DType::float32) {
    if (t->tensor.requires_grad()) {
      in.error("RuntimeError", "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.");
    }
    return Array::wrap_tensor(t->tensor);
  }
  Dims shape;
  bool shape_set = false;
  std::optional<DType> found;
  discover(in, v, 0, shape, shape_set, found);
  Array out(dtype.value_or(found.value_or(DType::float64)), shape);
  int64_t next = 0;
  fill(in, v, out, next);
  return out;
}

Operand operand(Interpreter& in, const Value& v) {
  Operand o;
  if (v.is_number()) {
    o.array = v.is_float() ? Array::scalar(DType::float64, v.as_float()) : Array::scalar_int(python_dtype(v), v.as_int());
    o.scalar = o.python = true;
    return o;
  }
  o.array = to_array(in, v);
  o.scalar = o.array.ndim() == 0;
  return o;
}

namespace {

// np.min_scalar_type's verdict in the only cases where it changes a result here: an integer
// scalar joining an int32 or float32 array, a float scalar joining a float32 array.
DType min_scalar_dtype(const Operand& o) {
  const DType d = o.array.dtype();
  if (d == DType::bool_) return DType::bool_;
  if (is_integer(d)) {
    const int64_t v = o.array.item_int();
    // uint8/int8/uint16/int16 values promote with int32 and float32 without widening them.
    if (v >= -32768 && v < 65536) return DType::bool_;  // stands for "any small integer type"
    if (v >= std::numeric_limits<int32_t>::min() && v <= std::numeric_limits<int32_t>::max()) return DType::int32;
    return DType::int64;  // uint32 and wider: int64 with int32, float64 with float32
  }
  const double v = std::fabs(o.array.item());
  return std::isfinite(v) && v > static_cast<double>(std::numeric_limits<float>::max()) ? DType::float64 : DType::float32;
}

}  // namespace

DType result_type(const std::vector<Operand>& ops) {
  int max_array = -1, max_scalar = -1;
  for (const Operand& o : ops) {
    const int k = static_cast<int>(kind(o.array.dtype()));
    if (o.scalar) max_scalar = std::max(max_scalar, k);
    else max_array = std::max(max_array, k);
  }
  std::optional<DType> out;
  const auto merge = [&](DType d) { out = out ? promote(*out, d) : d; };
  if (max_array < 0 || max_scalar > max_array) {
    for (const Operand& o : ops) merge(o.array.dtype());
    return *out;
  }
  for (const Operand& o : ops)
    if (!o.scalar) merge(o.array.dtype());
  for (const Operand& o : ops) {
    if (!o.scalar) continue;
    const DType m = min_scalar_dtype(o);
    if (m == DType::bool_) continue;  // a small value never widens the array's type
    if (is_integer(o.array.dtype()) && is_float(*out)) {
      // An int32-sized value joins float32 as int32 would: float64 (np.float32 array + 100000).
      if (*out == DType::float32 && o.array.item_int() >= 65536) out = DType::float64;
      if (*out == DType::float32 && o.array.item_int() < -32768) out = DType::float64;
      continue;
    }
    if (is_integer(o.array.dtype()) && is_integer(*out)) {
      if (*out == DType::int32 && (o.array.item_int() > std::numeric_limits<int32_t>::max() || o.array.item_int() < std::numeric_limits<int32_t>::min())) {
        out = DType::int64;
      }
      continue;
    }
    if (is_float(o.array.dtype()) && *out == DType::float32 && m == DType::float64) out = DType::float64;
  }
  return *out;
}

std::optional<DType> dtype_arg(Interpreter& in, const Value& v) {
  if (v.is_none()) return std::nullopt;
  if (auto* d = v.get<NpDtypeObj>()) return d->dtype;
  std::string name;
  if (auto* c = v.get<NativeClassObj>()) {
    if (c->qualified == "float") return DType::float64;
    if (c->qualified == "int") return DType::int64;
    if (c->qualified == "bool") return DType::bool_;
    if (c->qualified.rfind("numpy.", 0) == 0) name = c->name;
    else if (c->qualified.rfind("torch.", 0) == 0) in.error("TypeError", "Cannot interpret '" + c->qualified + "' as a data type");
  } else if (v.is_str()) {
    name = v.as_str();
  } else if (v.get<DtypeObj>()) {
    in.error("TypeError", "Cannot interpret '" + in.repr(v) + "' as a data type");
  } else {
    in.error("TypeError", "Cannot interpret '" + in.repr(v) + "' as a data type");
  }
  if (name == "float64" || name == "float" || name == "double" || name == "f8" || name == "d" || name == "float_") return DType::float64;
  if (name == "float32" || name == "single" || name == "f4" || name == "f") return DType::float32;
  if (name == "int64" || name == "int" || name == "i8" || name == "int_" || name == "long" || name == "l") return DType::int64;
  if (name == "int32" || name == "i4" || name == "intc" || name == "i") return DType::int32;
  if (name == "bool" || name == "bool_" || name == "?") return DType::bool_;
  static const char* const kKnown[] = {"float16", "half", "f2", "e", "uint8", "u1", "B", "uint16", "u2", "uint32", "u4", "uint64",
                                       "u8", "int8", "i1", "b", "int16", "i2", "h", "complex64", "c8", "complex128", "c16",
                                       "complex", "complex_", "longdouble", "float128", "object", "object_", "str", "str_",
                                       "bytes", "datetime64", "timedelta64"};
  const bool known = std::find(std::begin(kKnown), std::end(kKnown), name) != std::end(kKnown);
  if (v.is_str() && !known) in.error("TypeError", "data type '" + name + "' not understood");
  unsupported(in, "the numpy dtype " + name + " (initlab has bool, int32, int64, float32 and float64)");
}

Dims shape_arg(Interpreter& in, const Value& v, const std::string& what) {
  Dims out;
  if (auto n = numpy_number(v); n && !n->is_float()) return {n->as_int()};
  if (v.is_int() || v.is_bool()) return {v.as_int()};
  if (!is_sequence(v) && !v.get<NdArrayObj>()) {
    in.error("TypeError", "'" + type_name(v) + "' object cannot be interpreted as an integer");
  }
  for (const Value& x : in.to_vector(v)) {
    const auto n = numpy_number(x);
    const Value& y = n ? *n : x;
    if (!y.is_int() && !y.is_bool()) in.error("TypeError", "'" + type_name(x) + "' object cannot be interpreted as an integer");
    out.push_back(y.as_int());
  }
  (void)what;
  return out;
}

int normalize_axis(Interpreter& in, int64_t axis, int ndim) {
  if (axis < -ndim || axis >= ndim) {
    in.error("AxisError", "axis " + std::to_string(axis) + " is out of bounds for array of dimension " + std::to_string(ndim));
  }
  return static_cast<int>(axis < 0 ? axis + ndim : axis);
}

std::vector<int> axes_arg(Interpreter& in, const Value& v, int ndim) {
  std::vector<int> out;
  if (v.is_none()) {
    for (int i = 0; i < ndim; ++i) out.push_back(i);
    return out;
  }
  std::vector<Value> items = is_sequence(v) ? in.to_vector(v) : std::vector<Value>{v};
  for (const Value& x : items) {
    const auto n = numpy_number(x);
    const Value& y = n ? *n : x;
    if (!y.is_int() && !y.is_bool()) in.error("TypeError", "'" + type_name(x) + "' object cannot be interpreted as an integer");
    const int ax = normalize_axis(in, y.as_int(), ndim);
    if (std::find(out.begin(), out.end(), ax) != out.end()) in.error("ValueError", "duplicate value in 'axis'");
    out.push_back(ax);
  }
  std::sort(out.begin(), out.end());
  return out;
}

Value python_value(const Array& a, int64_t pos) {
  if (a.dtype() == DType::bool_) return Value(a.get_int(pos) != 0);
  if (is_integer(a.dtype())) return Value(a.get_int(pos));
  return Value(a.get(pos));
}

Value to_list(const Array& a) {
  if (a.ndim() == 0) return python_value(a, a.offset());
  std::vector<Value> items;
  const int64_t n = a.shape()[0];
  Dims shape(a.shape().begin() + 1, a.shape().end()), strides(a.strides().begin() + 1, a.strides().end());
  for (int64_t i = 0; i < n; ++i) items.push_back(to_list(a.view(shape, strides, a.offset() + i * a.strides()[0])));
  return make_list(std::move(items));
}

}  // namespace initlab::script::numpy

namespace initlab::script {

std::optional<Value> numpy_number(const Value& v) {
  auto* o = v.get<NdArrayObj>();
  if (!o || o->array.size() != 1) return std::nullopt;
  return numpy::python_value(o->array, o->array.positions()[0]);
}

Value numpy_python_scalar(Interpreter& in, const Value& v, bool integers_only) {
  auto* o = v.get<NdArrayObj>();
  if (!o) return v;
  if (integers_only) {
    if (!o->scalar || !numpy::is_integer(o->array.dtype())) return v;
    return *numpy_number(v);
  }
  auto n = numpy_number(v);
  if (!n) in.error("TypeError", "only size-1 arrays can be converted to Python scalars");
  return *n;
}

bool numpy_is_float64_scalar(const Value& v) {
  auto* o = v.get<NdArrayObj>();
  return o && o->scalar && o->array.dtype() == numpy::DType::float64;
}

}  // namespace initlab::script
