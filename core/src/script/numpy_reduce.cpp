// numpy's reductions (sum, prod, mean, var, std, max, min, argmax, argmin, any, all), cumsum,
// matmul/dot and concatenate, adding in the order numpy 1.24 adds so float results match its bits:
//  - the axes are walked in numpy's iterator order (largest stride outermost, 'K' order);
//  - when the innermost axis is reduced, the innermost run of reduced axes is summed in
//    chunks of 8192 (the iterator's buffer) with numpy's pairwise summation
//    (numpy/core/src/umath/loops_utils.h.src: 8 accumulators per block of 128, halving above),
//    each chunk added to the running total; otherwise elements are added one by one;
//  - float32 stays float32 throughout; matmul sums over k in order, as reference BLAS does.
#include <algorithm>
#include <cmath>
#include <limits>

#include "native_args.hpp"
#include "numpy_bindings.hpp"

namespace initlab::script::numpy {

std::vector<int> k_order(const std::vector<Array>& operands, int ndim) {
  // numpy's npyiter_find_best_axis_ordering: an insertion sort that moves an axis outward only
  // when every operand with non-zero strides on both axes agrees (C order wins conflicts).
  std::vector<int> order;
  for (int i = 0; i < ndim; ++i) order.push_back(i);
  const auto swap_needed = [&](int outer, int inner) {
    bool any = false;
    for (const Array& a : operands) {
      if (a.ndim() != ndim) continue;
      const int64_t so = std::llabs(a.strides()[static_cast<std::size_t>(outer)]);
      const int64_t si = std::llabs(a.strides()[static_cast<std::size_t>(inner)]);
      if (so == 0 || si == 0 || a.shape()[static_cast<std::size_t>(outer)] == 1 || a.shape()[static_cast<std::size_t>(inner)] == 1) continue;
      if (si <= so) return false;
      any = true;
    }
    return any;
  };
  for (int i = 1; i < ndim; ++i)
    for (int k = i; k > 0 && swap_needed(order[static_cast<std::size_t>(k - 1)], order[static_cast<std::size_t>(k)]); --k)
      std::swap(order[static_cast<std::size_t>(k - 1)], order[static_cast<std::size_t>(k)]);
  return order;
}

Array alloc_in_order(DType dtype, const Dims& shape, const std::vector<int>& order) {
  Dims permuted;
  for (int ax : order) permuted.push_back(shape[static_cast<std::size_t>(ax)]);
  const Array base(dtype, permuted);
  std::vector<int64_t> inverse(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) inverse[static_cast<std::size_t>(order[i])] = static_cast<int64_t>(i);
  return base.transpose(inverse);
}

namespace {

constexpr int64_t kBufferSize = 8192;

template <class T>
T pairwise(const T* a, int64_t n) {
  if (n < 8) {
    T res = T(0);
    for (int64_t i = 0; i < n; ++i) res += a[i];
    return res;
  }
  if (n <= 128) {
    T r[8];
    for (int k = 0; k < 8; ++k) r[k] = a[k];
    int64_t i = 8;
    for (; i < n - (n % 8); i += 8)
      for (int k = 0; k < 8; ++k) r[k] += a[i + k];
    T res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; ++i) res += a[i];
    return res;
  }
  int64_t n2 = n / 2;
  n2 -= n2 % 8;
  return pairwise(a, n2) + pairwise(a + n2, n - n2);
}

// Where a reduction reads: for each output element (C order over the kept axes) a base
// position, and the reduced axes in iteration order.
struct Plan {
  Dims out_shape;                  // kept axes
  std::vector<int64_t> bases;      // one per output element
  Dims red_shape, red_stride;      // reduced axes, outermost first
  std::size_t block = 0;           // trailing reduced axes summed pairwise (0: innermost axis is kept)
  int64_t count = 1;               // elements per output
};

Plan plan(const Array& a, const std::vector<int>& axes) {
  Plan p;
  std::vector<bool> reduced(static_cast<std::size_t>(a.ndim()), false);
  for (int ax : axes) reduced[static_cast<std::size_t>(ax)] = true;
  Dims kept_shape, kept_stride;
  for (int d = 0; d < a.ndim(); ++d) {
    const auto ud = static_cast<std::size_t>(d);
    if (reduced[ud]) {
      p.count *= a.shape()[ud];
    } else {
      kept_shape.push_back(a.shape()[ud]);
      kept_stride.push_back(a.strides()[ud]);
    }
  }
  p.out_shape = kept_shape;
  p.bases = a.view(kept_shape, kept_stride, a.offset()).positions();
  // Iteration order over all axes (dimensions of size one do not take part).
  std::vector<int> order = k_order({a}, a.ndim());
  std::vector<int> it;
  for (int d : order)
    if (a.shape()[static_cast<std::size_t>(d)] != 1) it.push_back(d);
  for (int d : it) {
    const auto ud = static_cast<std::size_t>(d);
    if (!reduced[ud]) continue;
    p.red_shape.push_back(a.shape()[ud]);
    p.red_stride.push_back(a.strides()[ud]);
  }
  for (std::size_t k = it.size(); k-- > 0;) {
    if (!reduced[static_cast<std::size_t>(it[k])]) break;
    ++p.block;
  }
  return p;
}

// The positions one output element reduces, in iteration order.
std::vector<int64_t> walk(const Plan& p, int64_t base) {
  std::vector<int64_t> out;
  const std::size_t nd = p.red_shape.size();
  out.reserve(static_cast<std::size_t>(std::max<int64_t>(p.count, 0)));
  if (p.count == 0) return out;
  Dims index(nd, 0);
  int64_t pos = base;
  for (int64_t k = 0; k < p.count; ++k) {
    out.push_back(pos);
    for (std::size_t d = nd; d-- > 0;) {
      if (++index[d] < p.red_shape[d]) {
        pos += p.red_stride[d];
        break;
      }
      pos -= p.red_stride[d] * (p.red_shape[d] - 1);
      index[d] = 0;
    }
  }
  return out;
}

template <class T>
T sum_float(const Array& a, const Plan& p, const std::vector<int64_t>& pos) {
  T acc = T(0);
  if (p.block == 0) {
    for (int64_t q : pos) acc += static_cast<T>(a.get(q));
    return acc;
  }
  int64_t block = 1;
  for (std::size_t d = p.red_shape.size() - p.block; d < p.red_shape.size(); ++d) block *= p.red_shape[d];
  std::vector<T> buf(static_cast<std::size_t>(std::min(block, kBufferSize)));
  for (std::size_t start = 0; start < pos.size(); start += static_cast<std::size_t>(block)) {
    for (int64_t c = 0; c < block; c += kBufferSize) {
      const int64_t n = std::min(kBufferSize, block - c);
      for (int64_t i = 0; i < n; ++i) buf[static_cast<std::size_t>(i)] = static_cast<T>(a.get(pos[start + static_cast<std::size_t>(c + i)]));
      acc += pairwise(buf.data(), n);
    }
  }
  return acc;
}

DType sum_dtype(DType d) { return is_float(d) ? d : DType::int64; }

DType mean_dtype(DType d) { return is_float(d) ? d : DType::float64; }

const char* ufunc_of(Reduction r) {
  switch (r) {
    case Reduction::max: return "maximum";
    case Reduction::min: return "minimum";
    case Reduction::argmax: return "argmax";
    case Reduction::argmin: return "argmin";
    default: return "add";
  }
}

// Sums (of `a`, converted to `t`) for every output element.
Array sums(const Array& a, const std::vector<int>& axes, DType t) {
  const Plan p = plan(a, axes);
  Array out(t, p.out_shape);
  for (std::size_t i = 0; i < p.bases.size(); ++i) {
    const auto pos = walk(p, p.bases[i]);
    if (t == DType::float32) {
      out.set(static_cast<int64_t>(i), static_cast<double>(sum_float<float>(a, p, pos)));
    } else if (t == DType::float64) {
      out.set(static_cast<int64_t>(i), sum_float<double>(a, p, pos));
    } else {
      int64_t acc = 0;
      for (int64_t q : pos) acc = wrap_add(acc, a.get_int(q));
      out.set_int(static_cast<int64_t>(i), acc);
    }
  }
  return out;
}

Dims keep_shape(const Array& a, const std::vector<int>& axes) {
  Dims s = a.shape();
  for (int ax : axes) s[static_cast<std::size_t>(ax)] = 1;
  return s;
}

// Element-wise division of sums by a count (numpy's true_divide with out=). Dividing in double
// and rounding to float32 is what numpy does for counts from 65536 (a float64 loop), and equals
// its float32 loop below that (double rounding is harmless for a quotient).
void divide_by(Array& s, int64_t n) {
  for (int64_t i = 0; i < s.size(); ++i) s.set(i, s.get(i) / static_cast<double>(n));
}

}  // namespace

Value reduce(Interpreter& in, Reduction r, const Value& av, const Value& axis, bool keepdims, int64_t ddof,
             std::optional<DType> dtype) {
  Array a = to_array(in, av);
  const std::vector<int> axes = axes_arg(in, axis, a.ndim());
  const auto finish = [&](Array out) {
    if (keepdims) out = out.reshape_view(keep_shape(a, axes)).value();
    return make_np_result(out);
  };
  const Plan p = plan(a, axes);
  if ((r == Reduction::max || r == Reduction::min || r == Reduction::argmax || r == Reduction::argmin) && p.count == 0) {
    if (r == Reduction::argmax || r == Reduction::argmin) {
      in.error("ValueError", std::string("attempt to get ") + ufunc_of(r) + " of an empty sequence");
    }
    in.error("ValueError", std::string("zero-size array to reduction operation ") + ufunc_of(r) + " which has no identity");
  }
  switch (r) {
    case Reduction::sum: {
      const DType t = dtype.value_or(sum_dtype(a.dtype()));
      return finish(sums(a, axes, t));
    }
    case Reduction::mean: {
      const DType t = dtype.value_or(mean_dtype(a.dtype()));
      Array s = sums(a, axes, t);
      if (p.count == 0) {
        np_warn(in, "Mean of empty slice.");
        np_warn(in, "invalid value encountered in " + std::string(s.size() == 1 ? "scalar divide" : "divide"));
      }
      divide_by(s, p.count);
      return finish(s);
    }
    case Reduction::var:
    case Reduction::std: {
      const DType t = dtype.value_or(mean_dtype(a.dtype()));
      // numpy's _var: the mean (kept dims), the squared deviations, their sum over the count
      // less ddof.
      Array mean = sums(a, axes, t);
      divide_by(mean, p.count);
      const Array m = mean.reshape_view(keep_shape(a, axes)).value().broadcast_to(a.shape());
      const DType dt = promote(a.dtype(), t);
      Array dev = alloc_in_order(dt, a.shape(), k_order({a}, a.ndim()));
      const auto ap = a.positions(), mp = m.positions(), dp = dev.positions();
      for (std::size_t i = 0; i < dp.size(); ++i) {
        if (dt == DType::float32) {
          const float d = static_cast<float>(a.get(ap[i])) - static_cast<float>(m.get(mp[i]));
          dev.set(dp[i], static_cast<double>(d * d));
        } else {
          const double d = a.get(ap[i]) - m.get(mp[i]);
          dev.set(dp[i], d * d);
        }
      }
      Array s = sums(dev, axes, t);
      const int64_t n = std::max<int64_t>(p.count - ddof, 0);
      if (ddof >= p.count) np_warn(in, "Degrees of freedom <= 0 for slice");
      divide_by(s, n);
      if (r == Reduction::std) {
        for (int64_t i = 0; i < s.size(); ++i) {
          if (s.dtype() == DType::float32) s.set(i, static_cast<double>(std::sqrt(static_cast<float>(s.get(i)))));
          else s.set(i, std::sqrt(s.get(i)));
        }
      }
      return finish(s);
    }
    default: break;
  }
  const DType t = r == Reduction::prod ? dtype.value_or(sum_dtype(a.dtype()))
                  : (r == Reduction::any || r == Reduction::all) ? DType::bool_
                  : (r == Reduction::argmax || r == Reduction::argmin) ? DType::int64 : a.dtype();
  if ((r == Reduction::argmax || r == Reduction::argmin) && axes.empty()) return make_np_result(Array::scalar_int(DType::int64, 0));
  if ((r == Reduction::argmax || r == Reduction::argmin) && axes.size() > 1) {
    // argmax over everything: the index into the flattened (C-order) array.
    a = a.copy().reshape_view({a.size()}).value();
    return reduce(in, r, make_ndarray(a), Value(0), false, 0, std::nullopt);
  }
  Array out(t, p.out_shape);
  const bool fl = is_float(a.dtype()) || is_float(t);
  for (std::size_t i = 0; i < p.bases.size(); ++i) {
    // argmax/argmin count along the axis in index order; the others read in iteration order.
    std::vector<int64_t> pos;
    if (r == Reduction::argmax || r == Reduction::argmin) {
      const auto ax = static_cast<std::size_t>(axes[0]);
      for (int64_t k = 0; k < a.shape()[ax]; ++k) pos.push_back(p.bases[i] + k * a.strides()[ax]);
    } else {
      pos = walk(p, p.bases[i]);
    }
    const auto o = static_cast<int64_t>(i);
    if (r == Reduction::any || r == Reduction::all) {
      bool acc = r == Reduction::all;
      for (int64_t q : pos) {
        const bool v = fl ? a.get(q) != 0.0 : a.get_int(q) != 0;
        acc = r == Reduction::all ? acc && v : acc || v;
      }
      out.set_int(o, acc);
    } else if (r == Reduction::prod) {
      if (t == DType::float32) {
        float acc = 1.0f;
        for (int64_t q : pos) acc *= static_cast<float>(a.get(q));
        out.set(o, static_cast<double>(acc));
      } else if (t == DType::float64) {
        double acc = 1.0;
        for (int64_t q : pos) acc *= a.get(q);
        out.set(o, acc);
      } else {
        int64_t acc = 1;
        for (int64_t q : pos) acc = wrap_mul(acc, a.get_int(q));
        out.set_int(o, acc);
      }
    } else if (r == Reduction::max || r == Reduction::min) {
      const bool mx = r == Reduction::max;
      if (fl) {
        double best = a.get(pos[0]);
        for (int64_t q : pos) {
          const double v = a.get(q);
          if (std::isnan(best)) break;
          if (std::isnan(v) || (mx ? v > best : v < best)) best = v;
        }
        out.set(o, best);
      } else {
        int64_t best = a.get_int(pos[0]);
        for (int64_t q : pos) best = mx ? std::max(best, a.get_int(q)) : std::min(best, a.get_int(q));
        out.set_int(o, best);
      }
    } else {
      // argmax/argmin: the first extreme; a NaN counts as the extreme (numpy's rule).
      const bool mx = r == Reduction::argmax;
      int64_t best = 0;
      for (std::size_t k = 1; k < pos.size(); ++k) {
        if (fl) {
          const double b = a.get(pos[static_cast<std::size_t>(best)]), v = a.get(pos[k]);
          if (std::isnan(b)) break;
          if (std::isnan(v) || (mx ? v > b : v < b)) best = static_cast<int64_t>(k);
        } else {
          const int64_t b = a.get_int(pos[static_cast<std::size_t>(best)]), v = a.get_int(pos[k]);
          if (mx ? v > b : v < b) best = static_cast<int64_t>(k);
        }
      }
      out.set_int(o, best);
    }
  }
  if ((r == Reduction::argmax || r == Reduction::argmin) && keepdims) {
    return make_np_result(out.reshape_view(keep_shape(a, axes)).value());
  }
  return finish(out);
}

Array cumulative(Interpreter& in, const Array& a_in, const Value& axis, bool product) {
  Array a = a_in;
  int ax = 0;
  if (axis.is_none()) {
    a = a.c_contiguous() ? a.reshape_view({a.size()}).value() : a.copy().reshape_view({a.size()}).value();
  } else {
    const auto n = numpy_number(axis);
    ax = normalize_axis(in, to_int(in, n.value_or(axis), "axis"), a.ndim());
  }
  const DType t = sum_dtype(a.dtype());
  Array out(t, a.shape());
  const auto uax = static_cast<std::size_t>(ax);
  Dims rest_shape = a.shape(), rest_stride = a.strides(), out_stride = out.strides();
  rest_shape[uax] = 1;
  const auto src = a.view(rest_shape, rest_stride, a.offset()).positions();
  const auto dst = out.view(rest_shape, out_stride, 0).positions();
  const int64_t n = a.shape()[uax];
  for (std::size_t i = 0; i < src.size(); ++i) {
    double f = product ? 1.0 : 0.0;
    float f32 = product ? 1.0f : 0.0f;
    int64_t acc = product ? 1 : 0;
    for (int64_t k = 0; k < n; ++k) {
      const int64_t s = src[i] + k * a.strides()[uax], d = dst[i] + k * out.strides()[uax];
      if (t == DType::float32) {
        f32 = product ? f32 * static_cast<float>(a.get(s)) : f32 + static_cast<float>(a.get(s));
        out.set(d, static_cast<double>(f32));
      } else if (t == DType::float64) {
        f = product ? f * a.get(s) : f + a.get(s);
        out.set(d, f);
      } else {
        acc = product ? wrap_mul(acc, a.get_int(s)) : wrap_add(acc, a.get_int(s));
        out.set_int(d, acc);
      }
    }
  }
  return out;
}

Value matmul(Interpreter& in, const Value& av, const Value& bv, bool dot) {
  const Operand oa = operand(in, av), ob = operand(in, bv);
  Array a = oa.array, b = ob.array;
  const DType t = result_type({oa, ob});
  const std::string sig = "(n?,k),(k,m?)->(n?,m?)";
  if (dot && (a.ndim() == 0 || b.ndim() == 0)) return ufunc_binary(in, "multiply", av, bv);
  for (int k = 0; k < 2; ++k) {
    const Array& x = k == 0 ? a : b;
    if (x.ndim() == 0) {
      in.error("ValueError", "matmul: Input operand " + std::to_string(k) + " does not have enough dimensions (has 0, gufunc core with signature " + sig + " requires 1)");
    }
  }
  if (dot && (a.ndim() > 2 || b.ndim() > 2)) unsupported(in, "np.dot of arrays with more than 2 dimensions (use np.matmul or @)");
  // 1-D operands become a row (left) or a column (right), as matmul's signature says.
  const bool a_vec = a.ndim() == 1, b_vec = b.ndim() == 1;
  if (a_vec) a = a.view({1, a.shape()[0]}, {0, a.strides()[0]}, a.offset());
  if (b_vec) b = b.view({b.shape()[0], 1}, {b.strides()[0], 0}, b.offset());
  const int64_t n = a.shape()[static_cast<std::size_t>(a.ndim() - 2)], k = a.shape()[static_cast<std::size_t>(a.ndim() - 1)];
  const int64_t kb = b.shape()[static_cast<std::size_t>(b.ndim() - 2)], m = b.shape()[static_cast<std::size_t>(b.ndim() - 1)];
  if (k != kb) {
    if (dot) {
      in.error("ValueError", "shapes " + shape_text(oa.array.shape(), true) + " and " + shape_text(ob.array.shape(), true) + " not aligned: " +
                                 std::to_string(k) + " (dim " + std::to_string(oa.array.ndim() - 1) + ") != " + std::to_string(kb) +
                                 " (dim " + std::to_string(std::max(ob.array.ndim() - 2, 0)) + ")");
    }
    in.error("ValueError", "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature " + sig +
                               " (size " + std::to_string(kb) + " is different from " + std::to_string(k) + ")");
  }
  const Dims ba(a.shape().begin(), a.shape().end() - 2), bb(b.shape().begin(), b.shape().end() - 2);
  const auto batch = broadcast_shapes(ba, bb);
  if (!batch) {
    in.error("ValueError", "operands could not be broadcast together with remapped shapes [original->remapped]: " +
                               shape_text(oa.array.shape(), true) + "->" + shape_text(a.shape(), true) + " " +
                               shape_text(ob.array.shape(), true) + "->" + shape_text(b.shape(), true) + "  and requested shape (" +
                               std::to_string(n) + "," + std::to_string(m) + ")");
  }
  Dims sa = *batch, sb = *batch;
  sa.push_back(n);
  sa.push_back(k);
  sb.push_back(k);
  sb.push_back(m);
  const Array x = a.broadcast_to(sa), y = b.broadcast_to(sb);
  Dims out_shape = *batch;
  out_shape.push_back(n);
  out_shape.push_back(m);
  Array out(t, out_shape);
  const int nd = static_cast<int>(out_shape.size());
  const auto xs = x.strides(), ys = y.strides();
  const int64_t xi = xs[static_cast<std::size_t>(nd - 2)], xk = xs[static_cast<std::size_t>(nd - 1)];
  const int64_t yk = ys[static_cast<std::size_t>(nd - 2)], yj = ys[static_cast<std::size_t>(nd - 1)];
  Dims bshape(out_shape.begin(), out_shape.end() - 2);
  Dims bxs(xs.begin(), xs.end() - 2), bys(ys.begin(), ys.end() - 2);
  const auto xbase = x.view(bshape, bxs, x.offset()).positions(), ybase = y.view(bshape, bys, y.offset()).positions();
  int64_t o = 0;
  for (std::size_t bi = 0; bi < xbase.size(); ++bi) {
    for (int64_t i = 0; i < n; ++i) {
      for (int64_t j = 0; j < m; ++j, ++o) {
        const int64_t px = xbase[bi] + i * xi, py = ybase[bi] + j * yj;
        if (t == DType::float32) {
          float acc = 0.0f;
          for (int64_t q = 0; q < k; ++q) acc += static_cast<float>(x.get(px + q * xk)) * static_cast<float>(y.get(py + q * yk));
          out.set(o, static_cast<double>(acc));
        } else if (t == DType::float64) {
          double acc = 0.0;
          for (int64_t q = 0; q < k; ++q) acc += x.get(px + q * xk) * y.get(py + q * yk);
          out.set(o, acc);
        } else if (t == DType::bool_) {
          bool acc = false;
          for (int64_t q = 0; q < k; ++q) acc = acc || (x.get_int(px + q * xk) && y.get_int(py + q * yk));
          out.set_int(o, acc);
        } else {
          int64_t acc = 0;
          for (int64_t q = 0; q < k; ++q) acc = wrap_add(acc, wrap_mul(x.get_int(px + q * xk), y.get_int(py + q * yk)));
          out.set_int(o, acc);
        }
      }
    }
  }
  // Drop the dimensions the 1-D operands were given.
  Dims final_shape = *batch;
  if (!a_vec) final_shape.push_back(n);
  if (!b_vec) final_shape.push_back(m);
  return make_np_result(out.reshape_view(final_shape).value());
}

Array concatenate(Interpreter& in, const std::vector<Array>& arrays, int64_t axis_in) {
  if (arrays.empty()) in.error("ValueError", "need at least one array to concatenate");
  const Array& first = arrays[0];
  if (first.ndim() == 0) in.error("ValueError", "zero-dimensional arrays cannot be concatenated");
  const int axis = normalize_axis(in, axis_in, first.ndim());
  DType t = first.dtype();
  Dims shape = first.shape();
  for (std::size_t i = 1; i < arrays.size(); ++i) {
    const Array& a = arrays[i];
    if (a.ndim() != first.ndim()) {
      in.error("ValueError", "all the input arrays must have same number of dimensions, but the array at index 0 has " +
                                 std::to_string(first.ndim()) + " dimension(s) and the array at index " + std::to_string(i) +
                                 " has " + std::to_string(a.ndim()) + " dimension(s)");
    }
    for (int d = 0; d < a.ndim(); ++d) {
      const auto ud = static_cast<std::size_t>(d);
      if (d == axis) continue;
      if (a.shape()[ud] != first.shape()[ud]) {
        in.error("ValueError", "all the input array dimensions except for the concatenation axis must match exactly, but along dimension " +
                                   std::to_string(d) + ", the array at index 0 has size " + std::to_string(first.shape()[ud]) +
                                   " and the array at index " + std::to_string(i) + " has size " + std::to_string(a.shape()[ud]));
      }
    }
    shape[static_cast<std::size_t>(axis)] += a.shape()[static_cast<std::size_t>(axis)];
    t = promote(t, a.dtype());
  }
  Array out(t, shape);
  int64_t at = 0;
  for (const Array& a : arrays) {
    Dims s = out.shape();
    s[static_cast<std::size_t>(axis)] = a.shape()[static_cast<std::size_t>(axis)];
    Array part = out.view(s, out.strides(), at * out.strides()[static_cast<std::size_t>(axis)]);
    part.assign(a);
    at += a.shape()[static_cast<std::size_t>(axis)];
  }
  return out;
}

}  // namespace initlab::script::numpy
