// Tensor ops that select, mask, split, join and repeat: tril/triu, masked_fill(_), where,
// split/chunk, stack, expand/expand_as, repeat, roll, mT, gather, index_select, topk, cumsum, each
// with its backward (record_op) and PyTorch's dtype rules (int64 and bool stay themselves).
#include <algorithm>
#include <cmath>
#include <numeric>

#include "initlab/autograd.hpp"
#include "initlab/error.hpp"
#include "initlab/nn/functional.hpp"
#include "torch_api_ext.hpp"

namespace initlab::script {

namespace {

using A = CallArgs;

// Row-major coordinates of flat index i in shape.
void unravel(int64_t i, const Shape& shape, int64_t* idx) {
  for (int d = shape.size() - 1; d >= 0; --d) {
    idx[d] = i % shape[d];
    i /= shape[d];
  }
}

int64_t ravel(const int64_t* idx, const Shape& shape) {
  int64_t off = 0;
  for (int d = 0; d < shape.size(); ++d) off = off * shape[d] + idx[d];
  return off;
}

// A copy of x broadcast to shape (contiguous), keeping x's dtype.
Tensor broadcast_copy(const Tensor& x, const Shape& shape) {
  Tensor y(shape);
  y.copy_from(x);
  y.set_dtype(x.dtype());
  return y;
}

DType promote(DType a, DType b) {
  if (a == DType::float32 || b == DType::float32) return DType::float32;
  if (a == DType::int64 || b == DType::int64) return DType::int64;
  return DType::boolean;
}

const char* dtype_word(DType d) { return d == DType::float32 ? "Float" : d == DType::int64 ? "Long" : "Bool"; }

Tensor masked_fill(Interpreter&, const Tensor& x, const Tensor& mask, double value) {
  // PyTorch 1.13 takes a mask of any dtype: nonzero elements are filled.
  const Shape shape = ops::broadcast_shapes(x.shape(), mask.shape());
  Tensor y = broadcast_copy(x.detach(), shape);
  const Tensor m = broadcast_copy(mask, shape);
  const float v = x.dtype() == DType::float32 ? static_cast<float>(value) : static_cast<float>(std::trunc(value));
  for (int64_t i = 0; i < y.numel(); ++i)
    if (m.data()[i] != 0.0f) y.data()[i] = v;
  return record_op(y, {x}, "MaskedFillBackward0", [m](const Tensor& gy, const std::vector<Tensor>& inputs) {
    Tensor g = gy.contiguous().clone();
    for (int64_t i = 0; i < g.numel(); ++i)
      if (m.data()[i] != 0.0f) g.data()[i] = 0.0f;
    return std::vector<Tensor>{autograd::sum_to(g, inputs[0].shape())};
  });
}

double scalar_value(Interpreter& in, const Value& v, const std::string& what) {
  if (auto* t = v.get<TensorObj>()) {
    if (t->tensor.dim() != 0) {
      in.error("RuntimeError", "masked_fill_ only supports a 0-dimensional value tensor, but got tensor with " +
                                   std::to_string(t->tensor.dim()) + " dimension(s).");
    }
    return static_cast<double>(t->tensor.contiguous().data()[0]);
  }
  return to_float(in, v, what);
}

// tril (upper = false) / triu over the last two dims.
Tensor triangle(Interpreter& in, const Tensor& x, int64_t diagonal, bool upper) {
  if (x.dim() < 2) {
    in.error("IndexError", "Dimension out of range (expected to be in range of [" + std::to_string(-std::max<int64_t>(x.dim(), 1)) + ", " +
                               std::to_string(std::max<int64_t>(x.dim(), 1) - 1) + "], but got -2)");
  }
  const int64_t rows = x.size(-2), cols = x.size(-1);
  const auto keep = [=](int64_t r, int64_t c) { return upper ? c - r >= diagonal : c - r <= diagonal; };
  const auto apply = [=](Tensor t) {
    const int64_t mats = t.numel() / std::max<int64_t>(rows * cols, 1);
    for (int64_t b = 0; b < mats; ++b)
      for (int64_t r = 0; r < rows; ++r)
        for (int64_t c = 0; c < cols; ++c)
          if (!keep(r, c)) t.data()[(b * rows + r) * cols + c] = 0.0f;
    return t;
  };
  Tensor y = apply(x.detach().clone().contiguous());
  return record_op(y, {x}, upper ? "TriuBackward0" : "TrilBackward0", [apply](const Tensor& gy, const std::vector<Tensor>&) {
    return std::vector<Tensor>{apply(gy.contiguous().clone())};
  });
}

Tensor where(Interpreter& in, const Tensor& cond, const Value& a_v, const Value& b_v) {
  if (cond.dtype() != DType::boolean) {
    in.error("RuntimeError", std::string("where expected condition to be a boolean tensor, but got a tensor with dtype ") +
                                 dtype_word(cond.dtype()));
  }
  const auto operand = [&](const Value& v) {
    if (auto* t = v.get<TensorObj>()) return t->tensor;
    Tensor t(Shape{});
    t.data()[0] = static_cast<float>(to_float(in, v, "where"));
    // A Python int is an int64 scalar; a float promotes an int tensor to float.
    if (v.is_int()) t.set_dtype(DType::int64);
    if (v.is_bool()) t.set_dtype(DType::boolean);
    return t;
  };
  const Tensor a = operand(a_v), b = operand(b_v);
  const Shape shape = ops::broadcast_shapes(ops::broadcast_shapes(cond.shape(), a.shape()), b.shape());
  const Tensor c = broadcast_copy(cond, shape), ac = broadcast_copy(a.detach(), shape), bc = broadcast_copy(b.detach(), shape);
  Tensor y(shape);
  for (int64_t i = 0; i < y.numel(); ++i) y.data()[i] = c.data()[i] != 0.0f ? ac.data()[i] : bc.data()[i];
  y.set_dtype(promote(a.dtype(), b.dtype()));
  return record_op(y, {a, b}, "WhereBackward0", [c](const Tensor& gy_in, const std::vector<Tensor>& inputs) {
    const Tensor gy = gy_in.contiguous();
    std::vector<Tensor> out(2);
    for (int k = 0; k < 2; ++k) {
      if (!inputs[k].defined() || !inputs[k].requires_grad()) continue;
      Tensor g = gy.clone();
      for (int64_t i = 0; i < g.numel(); ++i)
        if ((c.data()[i] != 0.0f) != (k == 0)) g.data()[i] = 0.0f;
      out[static_cast<std::size_t>(k)] = autograd::sum_to(g, inputs[k].shape());
    }
    return out;
  });
}

// Pieces of x along dim with the given sizes: views, each recorded.
Value pieces(const Tensor& x, int64_t dim, const std::vector<int64_t>& sizes, const char* node) {
  std::vector<Value> out;
  int64_t start = 0;
  for (int64_t s : sizes) {
    const int64_t lo = start, hi = start + s;
    out.push_back(make_tensor(record_view(x.detach().slice(dim, lo, hi), x, node,
                                          [dim, lo, hi](const Tensor& t) { return t.slice(dim, lo, hi); })));
    start = hi;
  }
  return make_tuple(std::move(out));
}

Value split(Interpreter& in, const Tensor& x, const Value& how, int64_t dim_in) {
  if (x.dim() == 0) in.error("RuntimeError", "split expects at least a 1-dimensional tensor");
  const int64_t dim = ops::wrap_dim(dim_in, x.dim());
  const int64_t n = x.size(dim);
  std::vector<int64_t> sizes;
  if (how.is_int()) {
    const int64_t s = how.as_int();
    if (s < 0) in.error("RuntimeError", "split expects split_size be non-negative, but got split_size=" + std::to_string(s));
    if (s == 0 && n != 0) in.error("RuntimeError", "split_size can only be 0 if dimension size is 0, but got dimension size of " + std::to_string(n));
    for (int64_t at = 0; at < n || (n == 0 && sizes.empty()); at += std::max<int64_t>(s, 1)) sizes.push_back(std::min(s, n - at));
    return pieces(x, dim, sizes, "SplitBackward0");
  }
  sizes = to_ints(in, how, "split_size_or_sections");
  int64_t total = 0;
  for (int64_t s : sizes) total += s;
  if (total != n) {
    std::string list;
    for (std::size_t i = 0; i < sizes.size(); ++i) list += (i ? ", " : "") + std::to_string(sizes[i]);
    in.error("RuntimeError", "split_with_sizes expects split_sizes to sum exactly to " + std::to_string(n) +
                                 " (input tensor's size at dimension " + std::to_string(dim) + "), but got split_sizes=[" + list + "]");
  }
  return pieces(x, dim, sizes, "SplitWithSizesBackward0");
}

Value chunk(Interpreter& in, const Tensor& x, int64_t chunks, int64_t dim_in) {
  if (x.dim() == 0) in.error("RuntimeError", "chunk expects at least a 1-dimensional tensor");
  if (chunks <= 0) in.error("RuntimeError", "chunk expects `chunks` to be greater than 0, got: " + std::to_string(chunks));
  const int64_t dim = ops::wrap_dim(dim_in, x.dim());
  const int64_t n = x.size(dim);
  const int64_t each = (n + chunks - 1) / chunks;
  return split(in, x, Value(std::max<int64_t>(each, n == 0 ? 0 : 1)), dim);
}

Tensor stack(Interpreter& in, const std::vector<Tensor>& ts, int64_t dim_in) {
  if (ts.empty()) in.error("RuntimeError", "stack expects a non-empty TensorList");
  for (std::size_t i = 1; i < ts.size(); ++i) {
    if (ts[i].shape() != ts[0].shape()) {
      in.error("RuntimeError", "stack expects each tensor to be equal size, but got " + ts[0].shape().to_string() +
                                   " at entry 0 and " + ts[i].shape().to_string() + " at entry " + std::to_string(i));
    }
  }
  const int64_t dim = ops::wrap_dim(dim_in, ts[0].dim() + 1);
  std::vector<Tensor> parts;
  for (const Tensor& t : ts)
    parts.push_back(record_view(t.detach().unsqueeze(dim), t, "UnsqueezeBackward0", [dim](const Tensor& u) { return u.unsqueeze(dim); }));
  // PyTorch records stack as one node.
  const Tensor joined = F::cat(parts, dim);
  return record_op(joined.detach(), {joined}, "StackBackward0",
                   [](const Tensor& gy, const std::vector<Tensor>&) { return std::vector<Tensor>{gy}; });
}

Tensor expand(const Tensor& x, const Shape& sizes) {
  return record_op(x.detach().expand(sizes), {x}, "ExpandBackward0", [](const Tensor& gy, const std::vector<Tensor>& inputs) {
    return std::vector<Tensor>{autograd::sum_to(gy.contiguous(), inputs[0].shape())};
  });
}

Tensor repeat(Interpreter& in, const Tensor& x, const std::vector<int64_t>& reps) {
  if (static_cast<int64_t>(reps.size()) < x.dim()) {
    in.error("RuntimeError", "Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor");
  }
  const int extra = static_cast<int>(reps.size()) - static_cast<int>(x.dim());
  Shape src, out;
  for (int i = 0; i < static_cast<int>(reps.size()); ++i) {
    const int64_t s = i < extra ? 1 : x.size(i - extra);
    src.push_back(s);
    out.push_back(s * reps[static_cast<std::size_t>(i)]);
  }
  if (out.size() > kMaxDims) in.error("NotImplementedError", "not supported in initlab: tensors of more than 5 dims");
  const Tensor xc = x.detach().contiguous();
  // Each output element's source element (row-major offsets into x).
  std::vector<int64_t> from(static_cast<std::size_t>(out.numel()));
  int64_t idx[kMaxDims];
  for (int64_t i = 0; i < out.numel(); ++i) {
    unravel(i, out, idx);
    for (int d = 0; d < out.size(); ++d) idx[d] %= src[d];
    from[static_cast<std::size_t>(i)] = ravel(idx, src);
  }
  Tensor y(out);
  y.set_dtype(x.dtype());
  for (int64_t i = 0; i < y.numel(); ++i) y.data()[i] = xc.data()[from[static_cast<std::size_t>(i)]];
  return record_op(y, {x}, "RepeatBackward0", [from](const Tensor& gy_in, const std::vector<Tensor>& inputs) {
    const Tensor gy = gy_in.contiguous();
    Tensor g(inputs[0].shape());
    for (std::size_t i = 0; i < from.size(); ++i) g.data()[from[i]] += gy.data()[i];
    return std::vector<Tensor>{g};
  });
}

Tensor gather(Interpreter& in, const Tensor& x, int64_t dim_in, const Tensor& index) {
  if (index.dtype() != DType::int64) in.error("RuntimeError", "gather(): Expected dtype int64 for index");
  if (index.dim() != x.dim() && !(x.dim() == 0 && index.dim() <= 1)) {
    in.error("RuntimeError", "Index tensor must have the same number of dimensions as input tensor");
  }
  const int64_t dim = ops::wrap_dim(dim_in, std::max<int64_t>(x.dim(), 1));
  for (int64_t d = 0; d < x.dim(); ++d) {
    if (d != dim && index.size(d) > x.size(d)) {
      in.error("RuntimeError", "Size does not match at dimension " + std::to_string(d) + " expected index " + index.shape().to_string() +
                                   " to be smaller than self " + x.shape().to_string() + " apart from dimension " + std::to_string(dim));
    }
  }
  const std::vector<int64_t> ids = int_values(index);
  const Tensor xc = x.detach().contiguous();
  std::vector<int64_t> from(ids.size());
  int64_t idx[kMaxDims];
  const int64_t n = x.dim() == 0 ? 1 : x.size(dim);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (ids[i] < -n || ids[i] >= n) {
      in.error("RuntimeError", "index " + std::to_string(ids[i]) + " is out of bounds for dimension " + std::to_string(dim) + " with size " + std::to_string(n));
    }
    if (x.dim() == 0) {
      from[i] = 0;
      continue;
    }
    unravel(static_cast<int64_t>(i), index.shape(), idx);
    idx[dim] = ids[i] < 0 ? ids[i] + n : ids[i];
    from[i] = ravel(idx, x.shape());
  }
  Tensor y(index.shape());
  y.set_dtype(x.dtype());
  for (std::size_t i = 0; i < from.size(); ++i) y.data()[i] = xc.data()[from[i]];
  return record_op(y, {x}, "GatherBackward0", [from](const Tensor& gy_in, const std::vector<Tensor>& inputs) {
    const Tensor gy = gy_in.contiguous();
    Tensor g(inputs[0].shape());
    for (std::size_t i = 0; i < from.size(); ++i) g.data()[from[i]] += gy.data()[i];
    return std::vector<Tensor>{g};
  });
}

Tensor index_select(Interpreter& in, const Tensor& x, int64_t dim_in, const Tensor& index) {
  if (index.dtype() != DType::int64) in.error("RuntimeError", "index_select(): Expected dtype int32 or int64 for index");
  if (index.dim() > 1) in.error("IndexError", "index_select(): Index is supposed to be a vector");
  const int64_t dim = ops::wrap_dim(dim_in, std::max<int64_t>(x.dim(), 1));
  const std::vector<int64_t> ids = int_values(index);
  const int64_t n = x.dim() == 0 ? 1 : x.size(dim);
  for (int64_t i : ids)
    if (i < 0 || i >= n) in.error("IndexError", "index out of range in self");
  Shape shape = x.shape();
  if (x.dim() > 0) shape[static_cast<int>(dim)] = static_cast<int64_t>(ids.size());
  const Tensor xc = x.detach().contiguous();
  int64_t outer = 1, inner = 1;
  for (int64_t d = 0; d < dim; ++d) outer *= x.size(d);
  for (int64_t d = dim + 1; d < x.dim(); ++d) inner *= x.size(d);
  const auto k = static_cast<int64_t>(ids.size());
  std::vector<int64_t> from(static_cast<std::size_t>(outer * k * inner));
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t j = 0; j < k; ++j)
      for (int64_t i = 0; i < inner; ++i) from[static_cast<std::size_t>((o * k + j) * inner + i)] = (o * n + ids[static_cast<std::size_t>(j)]) * inner + i;
  Tensor y(shape);
  y.set_dtype(x.dtype());
  for (std::size_t i = 0; i < from.size(); ++i) y.data()[i] = xc.data()[from[i]];
  return record_op(y, {x}, "IndexSelectBackward0", [from](const Tensor& gy_in, const std::vector<Tensor>& inputs) {
    const Tensor gy = gy_in.contiguous();
    Tensor g(inputs[0].shape());
    for (std::size_t i = 0; i < from.size(); ++i) g.data()[from[i]] += gy.data()[i];
    return std::vector<Tensor>{g};
  });
}

Value topk(Interpreter& in, const Tensor& x, int64_t k, int64_t dim_in, bool largest) {
  const int64_t dim = ops::wrap_dim(dim_in, std::max<int64_t>(x.dim(), 1));
  const int64_t n = x.dim() == 0 ? 1 : x.size(dim);
  if (k < 0 || k > n) in.error("RuntimeError", "selected index k out of range");
  int64_t outer = 1, inner = 1;
  for (int64_t d = 0; d < dim; ++d) outer *= x.size(d);
  for (int64_t d = dim + 1; d < x.dim(); ++d) inner *= x.size(d);
  Shape shape = x.shape();
  if (x.dim() > 0) shape[static_cast<int>(dim)] = k;
  const Tensor xc = x.detach().contiguous();
  Tensor values(shape), indices(shape);
  values.set_dtype(x.dtype());
  indices.set_dtype(DType::int64);
  std::vector<int64_t> from(static_cast<std::size_t>(values.numel()));
  std::vector<int64_t> order(static_cast<std::size_t>(n));
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t i = 0; i < inner; ++i) {
      const float* row = xc.data() + o * n * inner + i;
      std::iota(order.begin(), order.end(), 0);
      // NaN counts as the largest value, as in PyTorch.
      std::stable_sort(order.begin(), order.end(), [&](int64_t a, int64_t b) {
        const float va = row[a * inner], vb = row[b * inner];
        if (std::isnan(va) || std::isnan(vb)) return largest ? (std::isnan(va) && !std::isnan(vb)) : (!std::isnan(va) && std::isnan(vb));
        return largest ? va > vb : va < vb;
      });
      for (int64_t j = 0; j < k; ++j) {
        const int64_t out = (o * k + j) * inner + i;
        const int64_t src = order[static_cast<std::size_t>(j)];
        values.data()[out] = row[src * inner];
        indices.data()[out] = static_cast<float>(src);
        from[static_cast<std::size_t>(out)] = (o * n + src) * inner + i;
      }
    }
  Tensor v = record_op(values, {x}, "TopkBackward0", [from](const Tensor& gy_in, const std::vector<Tensor>& inputs) {
    const Tensor gy = gy_in.contiguous();
    Tensor g(inputs[0].shape());
    for (std::size_t i = 0; i < from.size(); ++i) g.data()[from[i]] += gy.data()[i];
    return std::vector<Tensor>{g};
  });
  return make_tuple({make_tensor(v), make_tensor(indices)});
}

Tensor cumsum(const Tensor& x, int64_t dim_in, DType dtype) {
  const int64_t dim = ops::wrap_dim(dim_in, std::max<int64_t>(x.dim(), 1));
  const int64_t n = x.dim() == 0 ? 1 : x.size(dim);
  int64_t outer = 1, inner = 1;
  for (int64_t d = 0; d < dim; ++d) outer *= x.size(d);
  for (int64_t d = dim + 1; d < x.dim(); ++d) inner *= x.size(d);
  // PyTorch's CPU cumsum accumulates a float tensor in double (its acc_type), rounding each
  // running sum to float as it stores it; reverse = true runs from the end (the backward).
  const auto scan = [=](const Tensor& src, bool reverse) {
    const Tensor c = src.contiguous();
    Tensor out(c.shape());
    for (int64_t o = 0; o < outer; ++o)
      for (int64_t i = 0; i < inner; ++i) {
        double acc = 0;
        for (int64_t jj = 0; jj < n; ++jj) {
          const int64_t j = reverse ? n - 1 - jj : jj;
          const int64_t at = (o * n + j) * inner + i;
          acc += static_cast<double>(c.data()[at]);
          out.data()[at] = static_cast<float>(acc);
        }
      }
    return out;
  };
  Tensor y = scan(x.detach(), false);
  y.set_dtype(dtype);
  return record_op(y, {x}, "CumsumBackward0", [scan](const Tensor& gy, const std::vector<Tensor>&) {
    return std::vector<Tensor>{scan(gy, true)};
  });
}

// torch.roll: elements shifted along dims (wrapping around); without dims, over the flattened
// tensor. The backward rolls the gradient back.
Tensor roll(Interpreter& in, const Tensor& x, std::vector<int64_t> shifts, std::vector<int64_t> dims) {
  if (dims.empty()) {
    if (shifts.size() != 1) in.error("RuntimeError", "shifts and dimensions must align. shifts: " + std::to_string(shifts.size()) + ", dims:0");
    const Tensor flat = ops::reshape(x, Shape{x.numel()});
    return ops::reshape(roll(in, flat, shifts, {0}), x.shape());
  }
  if (shifts.size() != dims.size()) {
    in.error("RuntimeError", "shifts and dimensions must align. shifts: " + std::to_string(shifts.size()) + ", dims:" + std::to_string(dims.size()));
  }
  const Shape shape = x.shape();
  std::vector<int64_t> from(static_cast<std::size_t>(x.numel()));
  int64_t idx[kMaxDims];
  for (int64_t i = 0; i < x.numel(); ++i) {
    unravel(i, shape, idx);
    for (std::size_t k = 0; k < dims.size(); ++k) {
      const int64_t d = ops::wrap_dim(dims[k], x.dim());
      const int64_t n = shape[static_cast<int>(d)];
      idx[d] = ((idx[d] - shifts[k]) % n + n) % n;
    }
    from[static_cast<std::size_t>(i)] = ravel(idx, shape);
  }
  const Tensor xc = x.detach().contiguous();
  Tensor y(shape);
  y.set_dtype(x.dtype());
  for (std::size_t i = 0; i < from.size(); ++i) y.data()[i] = xc.data()[from[i]];
  return record_op(y, {x}, "RollBackward0", [from](const Tensor& gy_in, const std::vector<Tensor>& inputs) {
    const Tensor gy = gy_in.contiguous();
    Tensor g(inputs[0].shape());
    for (std::size_t i = 0; i < from.size(); ++i) g.data()[from[i]] += gy.data()[i];
    return std::vector<Tensor>{g};
  });
}

bool is_slice_value(const Value& v) {
  auto* t = v.get<TupleObj>();
  return t && t->items.size() == 4 && t->items[0].is_str() && t->items[0].as_str() == "__slice__";
}

Value full_slice() { return make_tuple({Value("__slice__"), Value(), Value(), Value()}); }

// An index tensor (or list) as int64 tensors, one per dim it indexes: an integer one as it is,
// a boolean mask as the coordinates of its True elements (PyTorch's nonzero).
std::vector<Tensor> index_tensors(Interpreter& in, const Value& v) {
  Tensor t;
  if (auto* o = v.get<TensorObj>()) {
    t = o->tensor;
  } else {
    const Value made = in.call(in.getattr(in.importable()["torch"], "tensor"), {v});
    t = made.get<TensorObj>()->tensor;
    if (t.numel() == 0) t.set_dtype(DType::int64);
  }
  if (t.dtype() == DType::float32) in.error("IndexError", "tensors used as indices must be long, byte or bool tensors");
  if (t.dtype() == DType::int64) return {t};
  const Tensor c = t.contiguous();
  std::vector<std::vector<float>> coords(static_cast<std::size_t>(std::max<int64_t>(t.dim(), 1)));
  int64_t idx[kMaxDims];
  for (int64_t i = 0; i < c.numel(); ++i) {
    if (c.data()[i] == 0.0f) continue;
    unravel(i, c.shape(), idx);
    for (int64_t d = 0; d < t.dim(); ++d) coords[static_cast<std::size_t>(d)].push_back(static_cast<float>(idx[d]));
  }
  std::vector<Tensor> out;
  for (int64_t d = 0; d < t.dim(); ++d) {
    const auto& cd = coords[static_cast<std::size_t>(d)];
    Tensor r = Tensor::from_vector(Shape{static_cast<int64_t>(cd.size())}, cd);
    r.set_dtype(DType::int64);
    out.push_back(r);
  }
  return out;
}

std::vector<Tensor> tensor_list(Interpreter& in, const Value& v, const std::string& fn) {
  std::vector<Tensor> ts;
  for (const Value& t : in.to_vector(v)) ts.push_back(tensor_value(in, t, fn + "(): tensors"));
  return ts;
}

}  // namespace

std::optional<Value> advanced_subscript(Interpreter& in, const Value& self, const Value& index) {
  std::vector<Value> items;
  if (auto* tup = index.get<TupleObj>(); tup && !is_slice_value(index)) items = tup->items;
  else items = {index};
  bool any = false;
  for (const Value& v : items) any = any || v.get<TensorObj>() || v.get<ListObj>();
  if (!any) return std::nullopt;
  // Basic indexing first, each advanced index replaced by a full slice; then the advanced
  // indices (adjacent, as PyTorch places their result dims there) pick from the dims they held.
  std::vector<Value> basic;
  std::vector<Tensor> adv;
  int64_t first = -1, y_dim = 0, last_item = -2;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Value& v = items[i];
    if (v.get<TensorObj>() || v.get<ListObj>()) {
      if (first >= 0 && last_item != static_cast<int64_t>(i) - 1) {
        in.error("NotImplementedError", "not supported in initlab: advanced indices separated by a slice or int (their result dims move to the front in PyTorch)");
      }
      if (first < 0) first = y_dim;
      for (const Tensor& t : index_tensors(in, v)) {
        adv.push_back(t);
        basic.push_back(full_slice());
        ++y_dim;
      }
      last_item = static_cast<int64_t>(i);
      continue;
    }
    basic.push_back(v);
    if (!v.is_int() && !v.is_bool()) ++y_dim;  // an int drops its dim; None and slices keep one
  }
  const Value yv = tensor_subscript(in, self, make_tuple(basic));
  const Tensor y = yv.get<TensorObj>()->tensor;
  const auto m = static_cast<int64_t>(adv.size());
  if (first + m > y.dim()) in.error("IndexError", "too many indices for tensor of dimension " + std::to_string(y.dim()));
  Shape bshape;
  for (const Tensor& t : adv) bshape = ops::broadcast_shapes(bshape, t.shape());
  // The linear index into the advanced dims, row-major.
  std::vector<float> flat(static_cast<std::size_t>(bshape.numel()), 0.0f);
  int64_t group = 1;
  for (int64_t k = m - 1; k >= 0; --k) {
    const int64_t n = y.size(first + k);
    Tensor b(bshape);
    b.copy_from(adv[static_cast<std::size_t>(k)]);
    for (std::size_t i = 0; i < flat.size(); ++i) {
      auto v = static_cast<int64_t>(b.data()[i]);
      if (v < -n || v >= n) {
        in.error("IndexError", "index " + std::to_string(v) + " is out of bounds for dimension " + std::to_string(first + k) + " with size " + std::to_string(n));
      }
      if (v < 0) v += n;
      flat[i] += static_cast<float>(v * group);
    }
    group *= n;
  }
  Shape merged, out;
  for (int64_t d = 0; d < first; ++d) {
    merged.push_back(y.size(d));
    out.push_back(y.size(d));
  }
  merged.push_back(group);
  for (int64_t d : bshape) out.push_back(d);
  for (int64_t d = first + m; d < y.dim(); ++d) {
    merged.push_back(y.size(d));
    out.push_back(y.size(d));
  }
  if (out.size() > kMaxDims) in.error("NotImplementedError", "not supported in initlab: tensors of more than 5 dims");
  Tensor idx = Tensor::from_vector(Shape{static_cast<int64_t>(flat.size())}, flat);
  idx.set_dtype(DType::int64);
  const Tensor picked = index_select(in, ops::reshape(y, merged), first, idx);
  // Named as PyTorch names the whole advanced-indexing step.
  return make_tensor(record_op(picked.detach().reshape(out), {picked}, "IndexBackward0",
                               [](const Tensor& gy, const std::vector<Tensor>& inputs) {
                                 return std::vector<Tensor>{gy.contiguous().view(inputs[0].shape())};
                               }));
}

std::optional<Value> tensor_shape_method(Interpreter& interp, const Value& self, const std::string& name) {
  const Tensor t = self.get<TensorObj>()->tensor;
  const auto method = [&](Native fn) { return std::optional<Value>(make_builtin("Tensor." + name, std::move(fn))); };
  if (name == "masked_fill" || name == "masked_fill_") {
    const bool inplace = name == "masked_fill_";
    return method([self, t, inplace](Interpreter& in, A& a) {
      const auto args = bind_native(in, inplace ? "masked_fill_" : "masked_fill", a, {{"mask", std::nullopt}, {"value", std::nullopt}});
      const Tensor mask = tensor_value(in, args[0], "masked_fill(): argument 'mask'");
      const double v = scalar_value(in, args[1], "value");
      if (!inplace) return make_tensor(masked_fill(in, t, mask, v));
      const Shape shape = ops::broadcast_shapes(t.shape(), mask.shape());
      if (shape != t.shape()) {
        in.error("RuntimeError", "output with shape " + t.shape().to_string() + " doesn't match the broadcast shape " + shape.to_string());
      }
      return inplace_via(self, nullptr, [&] { return make_tensor(masked_fill(in, self.get<TensorObj>()->tensor, mask, v)); });
    });
  }
  if (name == "stride") {
    return method([t](Interpreter& in, A& a) {
      const auto args = bind_native(in, "stride", a, {{"dim", Value()}});
      if (!args[0].is_none()) return Value(t.strides()[static_cast<int>(ops::wrap_dim(to_int(in, args[0], "dim"), t.dim()))]);
      std::vector<Value> out;
      for (int64_t s : t.strides()) out.emplace_back(s);
      return make_tuple(std::move(out));
    });
  }
  if (name == "narrow") {
    return method([t](Interpreter& in, A& a) {
      const auto args = bind_native(in, "narrow", a, {{"dim", std::nullopt}, {"start", std::nullopt}, {"length", std::nullopt}});
      const int64_t dim = ops::wrap_dim(to_int(in, args[0], "dim"), t.dim());
      const int64_t size = t.size(static_cast<int>(dim));
      int64_t start = to_int(in, args[1], "start");
      const int64_t length = to_int(in, args[2], "length");
      // PyTorch 1.13 wraps start like a dimension, except start == size (an empty narrow).
      if (start != size) start = ops::wrap_dim(start, size);
      if (length < 0 || start > size - length) {
        in.error("RuntimeError", "start (" + std::to_string(start) + ") + length (" + std::to_string(length) +
                                     ") exceeds dimension size (" + std::to_string(size) + ").");
      }
      const int d = static_cast<int>(dim);
      return make_tensor(record_view(t.detach().slice(d, start, start + length), t, "SliceBackward0",
                                     [d, start, length](const Tensor& x) { return x.slice(d, start, start + length); }));
    });
  }
  if (name == "is_contiguous") {
    return method([t](Interpreter& in, A& a) {
      const auto args = bind_native(in, "is_contiguous", a, {{"memory_format", Value()}});
      const std::string format = args[0].is_none() ? "torch.contiguous_format" : in.repr(args[0]);
      if (format != "torch.channels_last" && format != "torch.channels_last_3d") return Value(t.is_contiguous());
      // Channels-last order: the channel dim innermost, then the spatial dims, batch outermost
      // (dims of size 1 place no constraint), as PyTorch's is_contiguous(memory_format=) asks.
      const int64_t rank = format == "torch.channels_last" ? 4 : 5;
      if (t.dim() != rank) return Value(false);
      std::vector<int> order{1};
      for (int d = static_cast<int>(rank) - 1; d >= 2; --d) order.push_back(d);
      order.push_back(0);
      int64_t expected = 1;
      for (int d : order) {
        if (t.size(d) != 1 && t.strides()[static_cast<std::size_t>(d)] != expected) return Value(false);
        expected *= t.size(d);
      }
      return Value(true);
    });
  }
  if (name == "tril" || name == "triu") {
    const bool upper = name == "triu";
    return method([t, upper](Interpreter& in, A& a) {
      const auto args = bind_native(in, upper ? "triu" : "tril", a, {{"diagonal", Value(0)}});
      return make_tensor(triangle(in, t, to_int(in, args[0], "diagonal"), upper));
    });
  }
  if (name == "split") {
    return method([t](Interpreter& in, A& a) {
      const auto args = bind_native(in, "split", a, {{"split_size", std::nullopt}, {"dim", Value(0)}});
      return split(in, t, args[0], to_int(in, args[1], "dim"));
    });
  }
  if (name == "chunk") {
    return method([t](Interpreter& in, A& a) {
      const auto args = bind_native(in, "chunk", a, {{"chunks", std::nullopt}, {"dim", Value(0)}});
      return chunk(in, t, to_int(in, args[0], "chunks"), to_int(in, args[1], "dim"));
    });
  }
  if (name == "expand") {
    return method([t](Interpreter& in, A& a) {
      return make_tensor(expand(t, Shape(size_args(in, a.positional, "expand"))));
    });
  }
  if (name == "expand_as") {
    return method([t](Interpreter& in, A& a) {
      const auto args = bind_native(in, "expand_as", a, {{"other", std::nullopt}});
      return make_tensor(expand(t, tensor_value(in, args[0], "expand_as(): argument 'other'").shape()));
    });
  }
  if (name == "repeat") {
    return method([t](Interpreter& in, A& a) { return make_tensor(repeat(in, t, size_args(in, a.positional, "repeat"))); });
  }
  if (name == "mT") {
    if (t.dim() < 2) interp.error("RuntimeError", "tensor.mT is only supported on matrices or batches of matrices. Got " + std::to_string(t.dim()) + "-D tensor.");
    return make_tensor(record_view(t.detach().transpose(-2, -1), t, "TransposeBackward0", [](const Tensor& x) { return x.transpose(-2, -1); }));
  }
  if (name == "roll") {
    return method([t](Interpreter& in, A& a) {
      const auto args = bind_native(in, "roll", a, {{"shifts", std::nullopt}, {"dims", Value()}});
      return make_tensor(roll(in, t, to_ints(in, args[0], "shifts"), args[1].is_none() ? std::vector<int64_t>{} : to_ints(in, args[1], "dims")));
    });
  }
  if (name == "gather") {
    return method([t](Interpreter& in, A& a) {
      const auto args = bind_native(in, "gather", a, {{"dim", std::nullopt}, {"index", std::nullopt}});
      return make_tensor(gather(in, t, to_int(in, args[0], "dim"), tensor_value(in, args[1], "gather(): argument 'index'")));
    });
  }
  if (name == "index_select") {
    return method([t](Interpreter& in, A& a) {
      const auto args = bind_native(in, "index_select", a, {{"dim", std::nullopt}, {"index", std::nullopt}});
      return make_tensor(index_select(in, t, to_int(in, args[0], "dim"), tensor_value(in, args[1], "index_select(): argument 'index'")));
    });
  }
  if (name == "topk") {
    return method([t](Interpreter& in, A& a) {
      const auto args = bind_native(in, "topk", a, {{"k", std::nullopt}, {"dim", Value(-1)}, {"largest", Value(true)}, {"sorted", Value(true)}});
      return topk(in, t, to_int(in, args[0], "k"), to_int(in, args[1], "dim"), in.truthy(args[2]));
    });
  }
  if (name == "cumsum") {
    return method([t](Interpreter& in, A& a) {
      const auto args = bind_native(in, "cumsum", a, {{"dim", std::nullopt}, {"dtype", Value(), true}});
      const DType keep = t.dtype() == DType::boolean ? DType::int64 : t.dtype();
      return make_tensor(cumsum(t, to_int(in, args[0], "dim"), dtype_arg(in, args[1], keep)));
    });
  }
  return std::nullopt;
}

void install_torch_shape(NamespaceObj& torch) {
  const auto def = [&](const std::string& name, Native fn) { torch.members[name] = make_builtin("torch." + name, std::move(fn)); };
  def("stack", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "stack", a, {{"tensors", std::nullopt}, {"dim", Value(0)}});
    nn::set_source_line(in.location().line);
    return make_tensor(stack(in, tensor_list(in, args[0], "stack"), to_int(in, args[1], "dim")));
  });
  def("where", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "where", a, {{"condition", std::nullopt}, {"input", Value()}, {"other", Value()}});
    if (args[1].is_none() || args[2].is_none()) {
      in.error("NotImplementedError", "not supported in initlab: torch.where(condition) with one argument (torch.nonzero)");
    }
    return make_tensor(where(in, tensor_value(in, args[0], "where(): argument 'condition'"), args[1], args[2]));
  });
  for (const char* n : {"tril", "triu"}) {
    const bool upper = std::string(n) == "triu";
    def(n, [upper](Interpreter& in, A& a) {
      const auto args = bind_native(in, upper ? "triu" : "tril", a, {{"input", std::nullopt}, {"diagonal", Value(0)}});
      return make_tensor(triangle(in, tensor_value(in, args[0], std::string(upper ? "triu" : "tril") + "(): argument 'input'"),
                                  to_int(in, args[1], "diagonal"), upper));
    });
  }
  def("masked_fill", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "masked_fill", a, {{"input", std::nullopt}, {"mask", std::nullopt}, {"value", std::nullopt}});
    return make_tensor(masked_fill(in, tensor_value(in, args[0], "masked_fill(): argument 'input'"),
                                   tensor_value(in, args[1], "masked_fill(): argument 'mask'"), scalar_value(in, args[2], "value")));
  });
}

}  // namespace initlab::script
