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
  // The parts: None, a slice, or an advanced index (an integer array; a boolean array becomes
  // one integer array per dimension it covers, its nonzero positions; with any array present,
  // integers are 0-d integer arrays, as numpy treats them).
  struct Part {
    enum Kind { none, slice, integer, advanced } kind;
    Value v;
    int64_t i = 0;
    Array idx;
    Part(Kind k, Value value) : kind(k), v(std::move(value)) {}
  };
  std::vector<Part> ps;
  bool any_array = false;
  for (const Value& p : parts) {
    if (p.is_none()) {
      ps.emplace_back(Part::none, p);
    } else if (is_slice(p)) {
      ps.emplace_back(Part::slice, p);
    } else if (auto i = index_int(p)) {
      Part q(Part::integer, p);
      q.i = *i;
      ps.push_back(q);
    } else if (p.is_bool()) {
      numpy::unsupported(in, "indexing an array with True or False");
    } else if (p.get<NdArrayObj>() || p.get<ListObj>() || p.get<RangeObj>()) {
      any_array = true;
      Array idx = numpy::to_array(in, p);
      if (!p.get<NdArrayObj>() && idx.size() == 0) idx = idx.astype(DType::int64);
      if (numpy::is_float(idx.dtype())) in.error("IndexError", "arrays used as indices must be of integer (or boolean) type");
      if (idx.dtype() == DType::bool_) {
        const int k = std::max(idx.ndim(), 1);
        std::vector<std::vector<int64_t>> nz(static_cast<std::size_t>(k));
        const auto pos = idx.positions();
        for (std::size_t j = 0; j < pos.size(); ++j) {
          if (!idx.get_int(pos[j])) continue;
          int64_t rest = static_cast<int64_t>(j);
          for (int d = k - 1; d >= 0; --d) {
            const int64_t extent = idx.ndim() == 0 ? 1 : idx.shape()[static_cast<std::size_t>(d)];
            nz[static_cast<std::size_t>(d)].push_back(rest % extent);
            rest /= extent;
          }
        }
        for (int d = 0; d < k; ++d) {
          Part q(Part::advanced, p);
          q.idx = Array::from_ints(DType::int64, {static_cast<int64_t>(nz[static_cast<std::size_t>(d)].size())}, nz[static_cast<std::size_t>(d)]);
          q.i = idx.ndim() == 0 ? 1 : idx.shape()[static_cast<std::size_t>(d)];  // the mask's extent, checked below
          q.v = Value(true);  // marks a mask
          ps.push_back(q);
        }
      } else {
        Part q(Part::advanced, p);
        q.idx = idx;
        ps.push_back(q);
      }
    } else if (p.get<TupleObj>()) {
      numpy::unsupported(in, "nested tuples as indices");
    } else {
      in.error("IndexError", kValidIndices);
    }
  }
  int64_t consumed = 0;
  for (const Part& q : ps) consumed += q.kind != Part::none;
  if (consumed > a.ndim()) {
    int64_t shown = 0;  // numpy counts a boolean array once per dimension it covers
    for (const Part& q : ps) shown += q.kind != Part::none;
    in.error("IndexError", "too many indices for array: array is " + std::to_string(a.ndim()) + "-dimensional, but " +
                               std::to_string(shown) + " were indexed");
  }
  if (any_array)
    for (Part& q : ps)
      if (q.kind == Part::integer) {
        q.kind = Part::advanced;
        q.idx = Array::scalar_int(DType::int64, q.i);
      }
  // Walk the parts: basic dimensions of the result, and the axes the index arrays pick from.
  Dims shape, strides;
  int64_t offset = a.offset();
  int dim = 0;
  struct Pick {
    int axis;
    int64_t stride, extent;
    Array idx;
  };
  std::vector<Pick> picks;
  int first_adv = -1, last_adv = -1, first_adv_out = 0;
  bool gap = false, all_int = true;
  for (std::size_t k = 0; k < ps.size(); ++k) {
    const Part& q = ps[k];
    const auto d = static_cast<std::size_t>(dim);
    if (q.kind == Part::none) {
      shape.push_back(1);
      strides.push_back(0);
      all_int = false;
    } else if (q.kind == Part::integer) {
      offset += checked_index(in, q.i, a.shape()[d], dim) * a.strides()[d];
      ++dim;
    } else if (q.kind == Part::slice) {
      int64_t start, step, count;
      slice_range(in, q.v, a.shape()[d], start, step, count);
      offset += start * a.strides()[d];
      shape.push_back(count);
      strides.push_back(a.strides()[d] * step);
      all_int = false;
      ++dim;
    } else {
      if (q.v.is_bool() && q.i != a.shape()[d]) {
        in.error("IndexError", "boolean index did not match indexed array along dimension " + std::to_string(dim) + "; dimension is " +
                                   std::to_string(a.shape()[d]) + " but corresponding boolean dimension is " + std::to_string(q.i));
      }
      if (first_adv < 0) {
        first_adv = static_cast<int>(k);
        first_adv_out = static_cast<int>(shape.size());
      } else if (last_adv != static_cast<int>(k) - 1) {
        gap = true;
      }
      last_adv = static_cast<int>(k);
      picks.push_back({dim, a.strides()[d], a.shape()[d], q.idx});
      ++dim;
    }
  }
  for (int d = dim; d < a.ndim(); ++d) {
    shape.push_back(a.shape()[static_cast<std::size_t>(d)]);
    strides.push_back(a.strides()[static_cast<std::size_t>(d)]);
    all_int = false;
  }
  Selection sel;
  if (picks.empty()) {
    sel.view = a.view(shape, strides, offset);
    sel.scalar = all_int;
    return sel;
  }
  // The index arrays broadcast together; their dimensions stand where the (adjacent) index
  // arrays stood, or first when something separates them (numpy's rule).
  Dims bshape = picks[0].idx.shape();
  for (std::size_t k = 1; k < picks.size(); ++k) {
    const auto b = numpy::broadcast_shapes(bshape, picks[k].idx.shape());
    if (!b) {
      std::string shapes;
      for (const Pick& pk : picks) shapes += numpy::shape_text(pk.idx.shape(), true) + " ";
      in.error("IndexError", "shape mismatch: indexing arrays could not be broadcast together with shapes " + shapes);
    }
    bshape = *b;
  }
  std::vector<std::vector<int64_t>> offs;  // per pick, the position offsets in C order over bshape
  for (const Pick& pk : picks) {
    std::vector<int64_t> o;
    for (int64_t i : pk.idx.broadcast_to(bshape).int_values()) o.push_back(checked_index(in, i, pk.extent, pk.axis) * pk.stride);
    offs.push_back(std::move(o));
  }
  const int at = gap ? 0 : first_adv_out;
  const Dims before(shape.begin(), shape.begin() + at), after(shape.begin() + at, shape.end());
  const Dims sb(strides.begin(), strides.begin() + at), sa(strides.begin() + at, strides.end());
  const auto outer_pos = a.view(before, sb, offset).positions();
  const auto inner_pos = a.view(after, sa, 0).positions();
  sel.is_view = false;
  sel.shape = before;
  sel.shape.insert(sel.shape.end(), bshape.begin(), bshape.end());
  sel.shape.insert(sel.shape.end(), after.begin(), after.end());
  const std::size_t nb = static_cast<std::size_t>(numpy::numel(bshape));
  for (int64_t o : outer_pos)
    for (std::size_t b = 0; b < nb; ++b) {
      int64_t p = o;
      for (const auto& pick_offs : offs) p += pick_offs[b];
      for (int64_t i : inner_pos) sel.positions.push_back(p + i);
    }
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
