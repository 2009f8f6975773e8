// Tensor indexing for scripts: ints, slices, None, Ellipsis and tuples of them (views, so writes
// reach the original), rows by a 1-D int64 tensor or list (ops::index_rows), and the advanced
// indexing of torch_api_shape.cpp for every other index tensor.
#include "initlab/autograd.hpp"
#include "initlab/error.hpp"
#include "initlab/nn/ops.hpp"
#include "torch_api_ext.hpp"

namespace initlab::script {

namespace {

Tensor index_view(Interpreter& in, const Tensor& t, const Value& index) {
  std::vector<Value> parts;
  if (auto* tup = index.get<TupleObj>(); tup && !(tup->items.size() == 4 && tup->items[0].is_str() && tup->items[0].as_str() == "__slice__")) {
    parts = tup->items;
  } else {
    parts = {index};
  }
  Tensor v = t;
  int64_t d = 0;
  for (const Value& p : parts) {
    if (p.is_none()) {
      v = v.unsqueeze(d);
      ++d;
      continue;
    }
    if (p.is_int() || p.is_bool()) {
      if (d >= v.dim()) in.error("IndexError", "too many indices for tensor of dimension " + std::to_string(t.dim()));
      const int64_t n = v.size(d);
      int64_t i = p.as_int();
      if (i < -n || i >= n) {
        in.error("IndexError", "index " + std::to_string(i) + " is out of bounds for dimension " +
                                   std::to_string(d) + " with size " + std::to_string(n));
      }
      v = v.select(d, i < 0 ? i + n : i);
      continue;
    }
    auto* s = p.get<TupleObj>();
    if (s && s->items.size() == 4 && s->items[0].is_str() && s->items[0].as_str() == "__slice__") {
      if (d >= v.dim()) in.error("IndexError", "too many indices for tensor of dimension " + std::to_string(t.dim()));
      const int64_t n = v.size(d);
      const int64_t step = s->items[3].is_none() ? 1 : to_int(in, s->items[3], "slice step");
      if (step <= 0) in.error("ValueError", "step must be greater than zero");
      const int64_t lo = s->items[1].is_none() ? 0 : to_int(in, s->items[1], "slice index");
      const int64_t hi = s->items[2].is_none() ? n : to_int(in, s->items[2], "slice index");
      v = v.slice(d, lo, hi, step);
      ++d;
      continue;
    }
    in.error("NotImplementedError", "not supported in initlab: indexing a tensor with " + type_name(p) +
                                        " (use ints, slices and None)");
  }
  return v;
}

// x[idx] with a 1-D int64 tensor or a list of ints: the rows idx of x (ops::index_rows: a copy,
// as PyTorch's advanced indexing, differentiable), negative indices counted from the end.
std::optional<Tensor> index_rows(Interpreter& in, const Tensor& x, const Value& index) {
  std::vector<int64_t> rows;
  // Other index tensors (boolean masks, several dims) are advanced_subscript's.
  if (auto* it = index.get<TensorObj>()) {
    if (it->tensor.dtype() != DType::int64 || it->tensor.dim() != 1) return std::nullopt;
    for (float f : it->tensor.to_vector()) rows.push_back(static_cast<int64_t>(f));
  } else if (auto* l = index.get<ListObj>()) {
    for (const Value& v : l->items)
      if (!v.is_int() || v.is_bool()) return std::nullopt;
    for (const Value& v : l->items) rows.push_back(v.as_int());
  } else {
    return std::nullopt;
  }
  if (x.dim() == 0) in.error("IndexError", "too many indices for tensor of dimension 0");
  const int64_t n = x.size(0);
  for (int64_t& r : rows) {
    if (r < -n || r >= n) {
      in.error("IndexError", "index " + std::to_string(r) + " is out of bounds for dimension 0 with size " + std::to_string(n));
    }
    if (r < 0) r += n;
  }
  return ops::index_rows(x, rows);
}

}  // namespace

// x[..., 0]: the Ellipsis stands for as many full slices as the dimensions the other indices
// leave (None adds a dimension and takes none).
Value expand_ellipsis(Interpreter& in, int64_t dims, const Value& index) {
  const auto is_ellipsis = [](const Value& v) {
    auto* s = v.get<SingletonObj>();
    return s && s->name == "Ellipsis";
  };
  auto* tup = index.get<TupleObj>();
  const bool slice = tup && tup->items.size() == 4 && tup->items[0].is_str() && tup->items[0].as_str() == "__slice__";
  std::vector<Value> parts = tup && !slice ? tup->items : std::vector<Value>{index};
  std::size_t at = parts.size();
  int64_t used = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (is_ellipsis(parts[i])) {
      if (at != parts.size()) in.error("IndexError", "an index can only have a single ellipsis ('...')");
      at = i;
    } else if (!parts[i].is_none()) {
      ++used;
    }
  }
  if (at == parts.size()) return index;
  const auto full = [] {
    auto t = std::make_shared<TupleObj>();
    t->items = {Value("__slice__"), Value(), Value(), Value()};
    return Value(ObjPtr(t));
  };
  std::vector<Value> out(parts.begin(), parts.begin() + static_cast<std::ptrdiff_t>(at));
  for (int64_t k = 0; k < dims - used; ++k) out.push_back(full());
  out.insert(out.end(), parts.begin() + static_cast<std::ptrdiff_t>(at) + 1, parts.end());
  if (out.size() == 1) return out[0];
  return make_tuple(std::move(out));
}

Value tensor_subscript(Interpreter& in, const Value& tensor, const Value& raw_index) {
  auto* t = tensor.get<TensorObj>();
  const Tensor& x = t->tensor;
  const Value index = expand_ellipsis(in, x.dim(), raw_index);
  if (auto rows = index_rows(in, x, index)) return make_tensor(*rows, false);
  if (auto v = advanced_subscript(in, tensor, index)) return *v;
  Tensor y = index_view(in, x.detach(), index);
  if (!autograd::should_record({&x})) return make_tensor(y, false);
  // PyTorch names the node after the last indexing step.
  std::vector<Value> parts;
  if (auto* tup = index.get<TupleObj>(); tup && !(tup->items.size() == 4 && tup->items[0].is_str() && tup->items[0].as_str() == "__slice__")) {
    parts = tup->items;
  } else {
    parts = {index};
  }
  const char* name = "AliasBackward0";
  if (!parts.empty()) {
    const Value& last = parts.back();
    name = last.is_none() ? "UnsqueezeBackward0" : (last.is_int() || last.is_bool()) ? "SelectBackward0" : "SliceBackward0";
  }
  Interpreter* interp = &in;
  const Value idx = index;
  return make_tensor(record_view(y, x, name, [interp, idx](const Tensor& g) { return index_view(*interp, g, idx); }), false);
}

void tensor_set_subscript(Interpreter& in, const Value& tensor, const Value& raw_index, const Value& v) {
  const Value index = expand_ellipsis(in, tensor.get<TensorObj>()->tensor.dim(), raw_index);
  Interpreter* interp = &in;
  set_subscript_recorded(in, tensor, index, v, [interp, index](const Tensor& x) { return index_view(*interp, x, index); });
}

}  // namespace initlab::script
