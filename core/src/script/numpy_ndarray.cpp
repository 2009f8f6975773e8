// The ndarray as the interpreter sees it: indexing (basic indexing makes views, integer and
// boolean arrays gather), iteration, truth, len, text, and its attributes and methods.
#include <algorithm>
#include <cmath>

#include "native_args.hpp"
#include "numpy_bindings.hpp"

namespace initlab::script {

using numpy::Array;
using numpy::Dims;
using numpy::DType;

namespace {

using A = CallArgs;

const Array& array_of(const Value& v) { return v.get<NdArrayObj>()->array; }

bool is_slice(const Value& v) {
  auto* t = v.get<TupleObj>();
  return t && t->items.size() == 4 && t->items[0].is_str() && t->items[0].as_str() == "__slice__";
}

// What an index selects: a view (basic indexing), or gathered positions (advanced indexing).
struct Selection {
  bool is_view = true;
  Array view;
  bool scalar = false;  // every dimension taken by an integer: numpy returns a scalar
  Dims shape;           // advanced: the result's shape
  std::vector<int64_t> positions;  // advanced: the source positions, in the result's C order
};

const char* kValidIndices = "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices";

std::optional<int64_t> index_int(const Value& v) {
  if (v.is_int()) return v.as_int();
  if (auto* o = v.get<NdArrayObj>(); o && o->array.ndim() == 0 && numpy::is_integer(o->array.dtype())) return o->array.item_int();
  return std::nullopt;
}

// Python's slice.indices(n): start, step and the number of items.
void slice_range(Interpreter& in, const Value& s, int64_t n, int64_t& start, int64_t& step, int64_t& count) {
  const auto& items = s.get<TupleObj>()->items;
  const auto get = [&](const Value& v) {
    if (auto i = index_int(v)) return *i;
    if (v.is_bool()) return v.as_int();
    in.error("TypeError", "slice indices must be integers or None or have an __index__ method");
  };
  step = items[3].is_none() ? 1 : get(items[3]);
  if (step == 0) in.error("ValueError", "slice step cannot be zero");
  const auto adjust = [&](const Value& v, int64_t dflt) {
    if (v.is_none()) return dflt;
    int64_t x = get(v);
    if (x < 0) {
      x += n;
      if (x < 0) x = step < 0 ? -1 : 0;
    } else if (x >= n) {
      x = step < 0 ? n - 1 : n;
    }
    return x;
  };
  start = adjust(items[1], step < 0 ? n - 1 : 0);
  const int64_t stop = adjust(items[2], step < 0 ? -1 : n);
  if (step > 0) count = start < stop ? (stop - start - 1) / step + 1 : 0;
  else count = stop < start ? (start - stop - 1) / (-step) + 1 : 0;
}

int64_t checked_index(Interpreter& in, int64_t i, int64_t n, int axis) {
  if (i < -n || i >= n) {
    in.error("IndexError", "index " + std::to_string(i) + " is out of bounds for axis " + std::to_string(axis) + " with size " + std::to_string(n));
  }
  return i < 0 ? i + n : i;
}

bool is_ellipsis(const Value& v) {
  auto* s = v.get<SingletonObj>();
  return s && s->name == "Ellipsis";
}

Selection select(Interpreter& in, const Array& a, const Value& index) {
  std::vector<Value> parts = index.get<TupleObj>() && !is_slice(index) ? index.get<TupleObj>()->items : std::vector<Value>{index};
  // An Ellipsis stands for as many full slices as the other indices leave dimensions.
  std::size_t ellipsis = parts.size();
  int64_t used = 0;
  for (std::size_t k = 0; k < parts.size(); ++k) {
    const Value& p = parts[k];
    if (is_ellipsis(p)) {
      if (ellipsis != parts.size()) in.error("IndexError", "an index can only have a single ellipsis ('...')");
      ellipsis = k;
    } else if (!p.is_none()) {
      auto* o = p.get<NdArrayObj>();
      used += o && o->array.dtype() == DType::bool_ ? std::max(o->array.ndim(), 1) : 1;
    }
  }
  if (ellipsis != parts.size()) {
    std::vector<Value> expanded(parts.begin(), parts.begin() + static_cast<std::ptrdiff_t>(ellipsis));
    for (int64_t d = used; d < a.ndim(); ++d) expanded.push_back(make_tuple({Value("__slice__"), Value(), Value(), Value()}));
    expanded.insert(expanded.end(), parts.begin() + static_cast<std::ptrdiff_t>(ellipsis) + 1, parts.end());
    parts = std::move(expanded);
  }
  // Classify the parts; at most one may be an array (advanced indexing).
  int advanced = -1;
  Array adv;
  int64_t consumed = 0;
  for (std::size_t k = 0; k < parts.size(); ++k) {
    const Value& p = parts[k];
    if (p.is_none()) continue;
    if (is_slice(p) || index_int(p)) {
      ++consumed;
      continue;
    }
    if (p.is_bool()) numpy::unsupported(in, "indexing an array with True or False");
    if (p.get<NdArrayObj>() || p.get<ListObj>()) {
      Array idx = numpy::to_array(in, p);
      if (!p.get<NdArrayObj>() && idx.size() == 0) idx = idx.astype(DType::int64);
      if (numpy::is_float(idx.dtype())) in.error("IndexError", "arrays used as indices must be of integer (or boolean) type");
      if (advanced >= 0) numpy::unsupported(in, "indexing with more than one index array");
      advanced = static_cast<int>(k);
      adv = idx;
      consumed += idx.dtype() == DType::bool_ ? std::max(idx.ndim(), 1) : 1;
      continue;
    }
    if (p.get<TupleObj>()) numpy::unsupported(in, "nested tuples as indices");
    in.error("IndexError", kValidIndices);
  }
  if (consumed > a.ndim()) {
    in.error("IndexError", "too many indices for array: array is " + std::to_string(a.ndim()) + "-dimensional, but " +
                               std::to_string(consumed) + " were indexed");
  }
  // The basic part: a view, with the advanced part (if any) taken as a full slice for now.
  Dims shape, strides;
  int64_t offset = a.offset();
  int dim = 0;
  int adv_out_dim = -1;  // where the advanced dimensions go in the result
  bool all_int = advanced < 0;
  for (std::size_t k = 0; k < parts.size(); ++k) {
    const Value& p = parts[k];
    const auto d = static_cast<std::size_t>(dim);
    if (static_cast<int>(k) == advanced) {
      adv_out_dim = static_cast<int>(shape.size());
      const int span = adv.dtype() == DType::bool_ ? std::max(adv.ndim(), 1) : 1;
      for (int s = 0; s < span; ++s) {
        shape.push_back(a.shape()[d + static_cast<std::size_t>(s)]);
        strides.push_back(a.strides()[d + static_cast<std::size_t>(s)]);
      }
      dim += span;
      continue;
    }
    if (p.is_none()) {
      shape.push_back(1);
      strides.push_back(0);
      all_int = false;
      continue;
    }
    if (auto i = index_int(p)) {
      offset += checked_index(in, *i, a.shape()[d], dim) * a.strides()[d];
      ++dim;
      continue;
    }
    int64_t start, step, count;
    slice_range(in, p, a.shape()[d], start, step, count);
    offset += start * a.strides()[d];
    shape.push_back(count);
    strides.push_back(a.strides()[d] * step);
    all_int = false;
    ++dim;
  }
  for (int d = dim; d < a.ndim(); ++d) {
    shape.push_back(a.shape()[static_cast<std::size_t>(d)]);
    strides.push_back(a.strides()[static_cast<std::size_t>(d)]);
    all_int = false;
  }
  Selection sel;
  sel.view = a.view(shape, strides, offset);
  if (advanced < 0) {
    sel.scalar = all_int;
    return sel;
  }
  // Advanced: integers next to the index array join it (they take their axis away), and the
  // array's dimensions stand where it stood; integers apart from it (a[0, :, [1, 2]]) move
  // them to the front, as numpy's advanced indexing does.
  int first_adv = -1, last_adv = -1;
  bool gap = false;
  for (std::size_t k = 0; k < parts.size(); ++k) {
    const bool adv_part = static_cast<int>(k) == advanced || index_int(parts[k]).has_value();
    if (!adv_part) continue;
    if (first_adv < 0) first_adv = static_cast<int>(k);
    else if (last_adv != static_cast<int>(k) - 1) gap = true;
    last_adv = static_cast<int>(k);
  }
  if (gap) {
    // The index array's dimensions go first: rotate them to the front of the view.
    const int span = adv.dtype() == DType::bool_ ? std::max(adv.ndim(), 1) : 1;
    std::rotate(shape.begin(), shape.begin() + adv_out_dim, shape.begin() + adv_out_dim + span);
    std::rotate(strides.begin(), strides.begin() + adv_out_dim, strides.begin() + adv_out_dim + span);
    adv_out_dim = 0;
  }
  const auto ad = static_cast<std::size_t>(adv_out_dim);
  std::vector<int64_t> picks;  // offsets along the advanced dimensions
  Dims picked_shape;
  if (adv.dtype() == DType::bool_) {
    const int span = std::max(adv.ndim(), 1);
    for (int s = 0; s < span; ++s) {
      const int64_t have = shape[ad + static_cast<std::size_t>(s)];
      const int64_t want = adv.ndim() == 0 ? 1 : adv.shape()[static_cast<std::size_t>(s)];
      if (have != want) {
        in.error("IndexError", "boolean index did not match indexed array along dimension " + std::to_string(adv_out_dim + s) +
                                   "; dimension is " + std::to_string(have) + " but corresponding boolean dimension is " + std::to_string(want));
      }
    }
    const auto pos = adv.positions();
    Dims sub(shape.begin() + adv_out_dim, shape.begin() + adv_out_dim + span);
    for (std::size_t j = 0; j < pos.size(); ++j) {
      if (!adv.get_int(pos[j])) continue;
      int64_t off = 0, rest = static_cast<int64_t>(j);
      for (int s = span - 1; s >= 0; --s) {
        const auto us = static_cast<std::size_t>(s);
        off += (rest % sub[us]) * strides[ad + us];
        rest /= sub[us];
      }
      picks.push_back(off);
    }
    picked_shape = {static_cast<int64_t>(picks.size())};
    shape.erase(shape.begin() + adv_out_dim, shape.begin() + adv_out_dim + span);
    strides.erase(strides.begin() + adv_out_dim, strides.begin() + adv_out_dim + span);
  } else {
    const int64_t n = shape[ad];
    for (int64_t i : adv.int_values()) picks.push_back(checked_index(in, i, n, adv_out_dim) * strides[ad]);
    picked_shape = adv.shape();
    shape.erase(shape.begin() + adv_out_dim);
    strides.erase(strides.begin() + adv_out_dim);
  }
  // The result: dimensions before, the picked ones, dimensions after.
  const Dims before(shape.begin(), shape.begin() + adv_out_dim), after(shape.begin() + adv_out_dim, shape.end());
  const Dims sb(strides.begin(), strides.begin() + adv_out_dim), sa(strides.begin() + adv_out_dim, strides.end());
  const Array outer = a.view(before, sb, offset), inner = a.view(after, sa, 0);
  const auto outer_pos = outer.positions();
  const auto inner_pos = inner.positions();
  sel.is_view = false;
  sel.shape = before;
  sel.shape.insert(sel.shape.end(), picked_shape.begin(), picked_shape.end());
  sel.shape.insert(sel.shape.end(), after.begin(), after.end());
  for (int64_t o : outer_pos)
    for (int64_t p : picks)
      for (int64_t i : inner_pos) sel.positions.push_back(o + p + i);
  return sel;
}

Array gather(const Array& a, const Selection& s) {
  Array out(a.dtype(), s.shape);
  for (std::size_t i = 0; i < s.positions.size(); ++i) {
    if (numpy::is_float(a.dtype())) out.set(static_cast<int64_t>(i), a.get(s.positions[i]));
    else out.set_int(static_cast<int64_t>(i), a.get_int(s.positions[i]));
  }
  return out;
}

std::string reshape_text(const Dims& shape) {
  // numpy's message drops leading unknown (-1) sizes and names the others "newaxis".
  std::size_t i = 0;
  while (i < shape.size() && shape[i] < 0) ++i;
  std::string s = "(";
  for (std::size_t k = i; k < shape.size(); ++k) {
    if (k > i) s += ",";
    s += shape[k] < 0 ? "newaxis" : std::to_string(shape[k]);
  }
  return s + (shape.size() == 1 ? ",)" : ")");
}

}  // namespace

namespace numpy {

// reshape with one inferred (-1) size; a view when the strides allow it, else a copy.
Array reshape(Interpreter& in, const Array& a, Dims shape) {
  int unknown = -1;
  int64_t known = 1;
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] < 0) {
      if (unknown >= 0) in.error("ValueError", "can only specify one unknown dimension");
      unknown = static_cast<int>(i);
    } else {
      known *= shape[i];
    }
  }
  const Dims requested = shape;
  if (unknown >= 0) {
    if (known == 0 || a.size() % known != 0) {
      in.error("ValueError", "cannot reshape array of size " + std::to_string(a.size()) + " into shape " + reshape_text(requested));
    }
    shape[static_cast<std::size_t>(unknown)] = a.size() / known;
  }
  if (numel(shape) != a.size()) {
    in.error("ValueError", "cannot reshape array of size " + std::to_string(a.size()) + " into shape " + reshape_text(requested));
  }
  if (auto v = a.reshape_view(shape)) return *v;
  return a.copy().reshape_view(shape).value();
}

}  // namespace numpy

Value numpy_subscript(Interpreter& in, const Value& obj, const Value& index) {
  auto* o = obj.get<NdArrayObj>();
  if (o->scalar) in.error("IndexError", "invalid index to scalar variable.");
  const Selection s = select(in, o->array, index);
  if (!s.is_view) return make_ndarray(gather(o->array, s));
  if (s.scalar) return make_np_scalar(s.view);
  return make_ndarray(s.view);
}

void numpy_set_subscript(Interpreter& in, const Value& obj, const Value& index, const Value& v) {
  auto* o = obj.get<NdArrayObj>();
  if (o->scalar) in.error("TypeError", "'" + o->type_name() + "' object does not support item assignment");
  Array& a = o->array;
  const Selection s = select(in, a, index);
  const Array src = numpy::to_array(in, v);
  const Dims target = s.is_view ? s.view.shape() : s.shape;
  const auto b = numpy::broadcast_shapes(src.shape(), target);
  if (!b || *b != target) {
    in.error("ValueError", "could not broadcast input array from shape " + numpy::shape_text(src.shape(), true) +
                               " into shape " + numpy::shape_text(target, true));
  }
  if (s.is_view) {
    Array view = s.view;
    view.assign(src);
    return;
  }
  const Array from = src.broadcast_to(target).copy();
  for (std::size_t i = 0; i < s.positions.size(); ++i) {
    if (numpy::is_float(from.dtype()) || numpy::is_float(a.dtype())) a.set(s.positions[i], from.get(static_cast<int64_t>(i)));
    else a.set_int(s.positions[i], from.get_int(static_cast<int64_t>(i)));
  }
}

void numpy_iterate(Interpreter& in, const Value& obj, const std::function<bool(const Value&)>& fn) {
  const Array a = array_of(obj);
  if (a.ndim() == 0) in.error("TypeError", "iteration over a 0-d array");
  for (int64_t i = 0; i < a.shape()[0]; ++i)
    if (!fn(numpy_subscript(in, obj, Value(i)))) return;
}

bool numpy_truthy(Interpreter& in, const Value& obj) {
  const Array& a = array_of(obj);
  if (a.size() == 1) return numpy::is_float(a.dtype()) ? a.get(a.positions()[0]) != 0.0 : a.get_int(a.positions()[0]) != 0;
  if (a.size() == 0) return false;
  in.error("ValueError", "The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()");
}

int64_t numpy_len(Interpreter& in, const Value& obj) {
  const Array& a = array_of(obj);
  if (a.ndim() == 0) in.error("TypeError", obj.get<NdArrayObj>()->scalar ? "object of type '" + type_name(obj) + "' has no len()" : "len() of unsized object");
  return a.shape()[0];
}

std::string numpy_repr(const Value& v) {
  if (auto* d = v.get<NpDtypeObj>()) return std::string("dtype('") + numpy::dtype_name(d->dtype) + "')";
  auto* o = v.get<NdArrayObj>();
  if (o->scalar) return numpy::scalar_text(o->array.dtype(), o->array.item(), o->array.item_int());
  return numpy::array_repr(o->array);
}

std::string numpy_str(const Value& v) {
  if (auto* d = v.get<NpDtypeObj>()) return numpy::dtype_name(d->dtype);
  return numpy::array_str(v.get<NdArrayObj>()->array);
}

Value numpy_unary(Interpreter& in, const std::string& op, const Value& a) {
  if (op == "-") return numpy::ufunc_unary(in, "negative", a);
  if (op == "+") return numpy::ufunc_unary(in, "positive", a);
  if (op == "~") return numpy::ufunc_unary(in, "invert", a);
  in.error("TypeError", "bad operand type for unary " + op + ": '" + type_name(a) + "'");
}

Value numpy_inplace(Interpreter& in, const std::string& op, const Value& target, const Value& rhs) {
  auto* o = target.get<NdArrayObj>();
  if (!o || o->scalar) return in.binary(op, target, rhs);
  const Value r = numpy_binary(in, op, target, rhs);
  const Array& result = r.get<NdArrayObj>()->array;
  Array& a = o->array;
  // numpy refuses in-place results it cannot store without changing their kind ('same_kind').
  if (static_cast<int>(numpy::kind(result.dtype())) > static_cast<int>(numpy::kind(a.dtype()))) {
    const std::string names[] = {"add", "subtract", "multiply", "divide", "floor_divide", "remainder", "power"};
    const std::string ops[] = {"+", "-", "*", "/", "//", "%", "**"};
    std::string name = op;
    for (int i = 0; i < 7; ++i)
      if (ops[i] == op) name = names[i];
    in.error("_UFuncOutputCastingError", "Cannot cast ufunc '" + name + "' output from dtype('" + numpy::dtype_name(result.dtype()) +
                                   "') to dtype('" + numpy::dtype_name(a.dtype()) + "') with casting rule 'same_kind'");
  }
  if (result.shape() != a.shape()) {
    in.error("ValueError", "non-broadcastable output operand with shape " + numpy::shape_text(a.shape(), true) +
                               " doesn't match the broadcast shape " + numpy::shape_text(result.shape(), true));
  }
  a.assign(result);
  return target;
}

}  // namespace initlab::script
