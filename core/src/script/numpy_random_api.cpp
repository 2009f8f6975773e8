// np.random: numpy 1.24's legacy RandomState (initlab/py_random.hpp's NumpyRandomState) as the
// module functions (one hidden global state per run, seeded from the clock until np.random.seed)
// and as np.random.RandomState(seed) objects. Arrays are filled element by element in C order,
// as numpy fills them; size=None gives Python scalars, as numpy's legacy functions do.
#include <algorithm>
#include <cmath>
#include <memory>

#include "initlab/py_random.hpp"
#include "native_args.hpp"
#include "numpy_bindings.hpp"

namespace initlab::script::numpy {

namespace {

using A = CallArgs;
using State = std::shared_ptr<NumpyRandomState>;

std::optional<Dims> size_arg(Interpreter& in, const Value& v) {
  if (v.is_none()) return std::nullopt;
  const Dims d = shape_arg(in, v, "size");
  for (int64_t x : d)
    if (x < 0) in.error("ValueError", "negative dimensions are not allowed");
  return d;
}

// rand(2, 3) / randn(2, 3): the dimensions as separate ints.
std::optional<Dims> dims_arg(Interpreter& in, const std::vector<Value>& pos) {
  if (pos.empty()) return std::nullopt;
  Dims d;
  for (const Value& v : pos) {
    const Value x = numpy_python_scalar(in, v, true);
    if (!x.is_int() && !x.is_bool()) in.error("TypeError", "'" + type_name(v) + "' object cannot be interpreted as an integer");
    if (x.as_int() < 0) in.error("ValueError", "negative dimensions are not allowed");
    d.push_back(x.as_int());
  }
  return d;
}

// Draws one float per element: a Python float without a size, an array with one.
Value floats(Interpreter& in, const std::optional<Dims>& size, const std::function<double()>& draw) {
  if (!size) return Value(draw());
  in.check_list_size(numel(*size));
  Array out(DType::float64, *size);
  for (int64_t i = 0; i < out.size(); ++i) out.set(i, draw());
  return make_ndarray(out);
}

// normal(loc, scale, size) and uniform(low, high, size): parameters broadcast with each other
// and with size, one draw per element of the result in C order.
Value two_param(Interpreter& in, const Value& pa, const Value& pb, const Value& size_v, const std::function<void(double, double)>& check,
                const std::function<double(double, double)>& draw) {
  const Array a = to_array(in, pa, DType::float64), b = to_array(in, pb, DType::float64);
  const auto size = size_arg(in, size_v);
  if (!size && a.ndim() == 0 && b.ndim() == 0) {
    check(a.item(), b.item());
    return Value(draw(a.item(), b.item()));
  }
  auto shape = broadcast_shapes(a.shape(), b.shape());
  if (shape && size) {
    const auto with = broadcast_shapes(*shape, *size);
    if (!with || *with != *size) shape.reset();
    else shape = size;
  }
  if (!shape) in.error("ValueError", "shape mismatch: objects cannot be broadcast to a single shape");
  in.check_list_size(numel(*shape));
  const Array x = a.broadcast_to(*shape), y = b.broadcast_to(*shape);
  const auto xp = x.positions(), yp = y.positions();
  for (std::size_t i = 0; i < xp.size(); ++i) check(x.get(xp[i]), y.get(yp[i]));
  Array out(DType::float64, *shape);
  for (std::size_t i = 0; i < xp.size(); ++i) out.set(static_cast<int64_t>(i), draw(x.get(xp[i]), y.get(yp[i])));
  return make_ndarray(out);
}

int64_t int_arg(Interpreter& in, const Value& v, const std::string& what) {
  const Value x = numpy_python_scalar(in, v, true);
  if (x.is_float()) in.error("TypeError", "'float' object cannot be interpreted as an integer");
  return to_int(in, x, what);
}

// Fisher-Yates over the first axis of an array (numpy's shuffle swaps whole rows).
void shuffle_array(NumpyRandomState& rs, Array& a) {
  const int64_t n = a.shape()[0];
  std::vector<int64_t> order(static_cast<std::size_t>(n));
  for (int64_t i = 0; i < n; ++i) order[static_cast<std::size_t>(i)] = i;
  rs.shuffle(order);
  const Array before = a.copy();
  Dims row_shape(a.shape().begin() + 1, a.shape().end()), row_strides(a.strides().begin() + 1, a.strides().end());
  Dims src_strides(before.strides().begin() + 1, before.strides().end());
  for (int64_t i = 0; i < n; ++i) {
    Array dst = a.view(row_shape, row_strides, a.offset() + i * a.strides()[0]);
    dst.assign(before.view(row_shape, src_strides, order[static_cast<std::size_t>(i)] * before.strides()[0]));
  }
}

// cdf.searchsorted(u, side='right'): the first index whose cdf exceeds u.
int64_t search_right(const std::vector<double>& cdf, double u) {
  return static_cast<int64_t>(std::upper_bound(cdf.begin(), cdf.end(), u) - cdf.begin());
}

// numpy's cumsum then cdf /= cdf[-1].
std::vector<double> cdf_of(const std::vector<double>& p) {
  std::vector<double> cdf(p.size());
  double acc = 0.0;
  for (std::size_t i = 0; i < p.size(); ++i) cdf[i] = acc += p[i];
  const double last = cdf.empty() ? 1.0 : cdf.back();
  for (double& c : cdf) c /= last;
  return cdf;
}

Value choice(Interpreter& in, NumpyRandomState& rs, const Value& av, const Value& size_v, bool replace, const Value& pv) {
  const Array a = to_array(in, av);
  int64_t pop = 0;
  const auto shape = size_arg(in, size_v);
  const int64_t count = shape ? numel(*shape) : 1;
  if (a.ndim() == 0) {
    if (!is_integer(a.dtype()) && a.dtype() != DType::bool_) in.error("ValueError", "a must be 1-dimensional or an integer");
    pop = a.item_int();
    if (pop <= 0 && count != 0) in.error("ValueError", "a must be greater than 0 unless no samples are taken");
  } else if (a.ndim() != 1) {
    in.error("ValueError", "a must be 1-dimensional");
  } else {
    pop = a.shape()[0];
    if (pop == 0 && count != 0) in.error("ValueError", "'a' cannot be empty unless no samples are taken");
  }
  std::vector<double> p;
  if (!pv.is_none()) {
    const Array pa = to_array(in, pv, DType::float64);
    if (pa.ndim() != 1) in.error("ValueError", "'p' must be 1-dimensional");
    if (pa.size() != pop) in.error("ValueError", "'a' and 'p' must have same size");
    p = pa.values();
    double sum = 0.0, comp = 0.0;  // numpy's kahan_sum
    for (double x : p) {
      const double y = x - comp, t = sum + y;
      comp = (t - sum) - y;
      sum = t;
    }
    if (std::isnan(sum)) in.error("ValueError", "probabilities contain NaN");
    for (double x : p)
      if (x < 0) in.error("ValueError", "probabilities are not non-negative");
    if (std::fabs(sum - 1.0) > std::sqrt(0x1p-52)) in.error("ValueError", "probabilities do not sum to 1");
  }
  std::vector<int64_t> idx;
  if (replace) {
    if (!p.empty()) {
      const auto cdf = cdf_of(p);
      for (int64_t i = 0; i < count; ++i) idx.push_back(search_right(cdf, rs.random_sample()));
    } else {
      for (int64_t i = 0; i < count; ++i) idx.push_back(rs.randint(0, pop));
    }
  } else {
    if (count > pop) in.error("ValueError", "Cannot take a larger sample than population when 'replace=False'");
    if (!p.empty()) {
      int64_t nonzero = 0;
      for (double x : p) nonzero += x > 0;
      if (nonzero < count) in.error("ValueError", "Fewer non-zero entries in p than size");
      // numpy's loop: draw the missing count at once, keep the first occurrence of each new
      // index (in index order), zero the probabilities of those found, repeat.
      while (static_cast<int64_t>(idx.size()) < count) {
        std::vector<double> x;
        for (int64_t i = static_cast<int64_t>(idx.size()); i < count; ++i) x.push_back(rs.random_sample());
        for (int64_t f : idx) p[static_cast<std::size_t>(f)] = 0.0;
        const auto cdf = cdf_of(p);
        std::vector<std::pair<int64_t, std::size_t>> firsts;  // (index, first position)
        for (std::size_t k = 0; k < x.size(); ++k) {
          const int64_t v = search_right(cdf, x[k]);
          if (std::none_of(firsts.begin(), firsts.end(), [&](const auto& f) { return f.first == v; })) firsts.emplace_back(v, k);
        }
        std::sort(firsts.begin(), firsts.end(), [](const auto& l, const auto& r) { return l.second < r.second; });
        for (const auto& f : firsts) idx.push_back(f.first);
      }
    } else {
      idx = rs.choice_without_replacement(pop, count);
    }
  }
  if (!shape) {
    if (a.ndim() == 0) return Value(idx[0]);
    return numpy_subscript(in, make_ndarray(a), Value(idx[0]));
  }
  const Array ia = Array::from_ints(DType::int64, *shape, idx);
  if (a.ndim() == 0) return make_ndarray(ia);
  return numpy_subscript(in, make_ndarray(a), make_ndarray(ia));
}

void install_methods(std::map<std::string, Value>& m, const State& rs, const std::string& prefix) {
  const auto def = [&](const std::string& name, std::function<Value(Interpreter&, A&, NumpyRandomState&)> fn) {
    m[name] = make_builtin(prefix + name, [rs, fn](Interpreter& in, A& a) { return fn(in, a, *rs); });
  };
  def("seed", [](Interpreter& in, A& a, NumpyRandomState& r) {
    const auto args = bind_native(in, "seed", a, {{"seed", Value()}});
    const Value& s = args[0];
    if (s.is_none()) {
      r.seed_from_clock();
    } else if (s.get<ListObj>() || s.get<TupleObj>() || (s.get<NdArrayObj>() && s.get<NdArrayObj>()->array.ndim() == 1)) {
      const Array k = to_array(in, s);
      if (is_float(k.dtype())) in.error("TypeError", "Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'");
      r.seed_array(k.int_values());
    } else {
      const Value x = numpy_python_scalar(in, s, true);
      if (x.is_float()) in.error("TypeError", "Cannot cast scalar from dtype('float64') to dtype('int64') according to the rule 'safe'");
      r.seed(to_int(in, x, "seed"));
    }
    return Value();
  });
  for (const char* n : {"rand", "randn"}) {
    const bool normal = std::string(n) == "randn";
    def(n, [normal](Interpreter& in, A& a, NumpyRandomState& r) {
      if (!a.keywords.empty()) in.error("TypeError", std::string(normal ? "randn" : "rand") + "() got an unexpected keyword argument '" + a.keywords[0].first + "'");
      return floats(in, dims_arg(in, a.positional), [&]() { return normal ? r.standard_normal() : r.random_sample(); });
    });
  }
  for (const char* n : {"random_sample", "random", "ranf", "sample", "standard_normal"}) {
    const std::string name = n;
    def(name, [name](Interpreter& in, A& a, NumpyRandomState& r) {
      const auto args = bind_native(in, name, a, {{"size", Value()}});
      const bool normal = name == "standard_normal";
      return floats(in, size_arg(in, args[0]), [&]() { return normal ? r.standard_normal() : r.random_sample(); });
    });
  }
  def("normal", [](Interpreter& in, A& a, NumpyRandomState& r) {
    const auto args = bind_native(in, "normal", a, {{"loc", Value(0.0)}, {"scale", Value(1.0)}, {"size", Value()}});
    return two_param(in, args[0], args[1], args[2], [&](double, double s) {
      if (s < 0) in.error("ValueError", "scale < 0");
    }, [&](double l, double s) { return r.normal(l, s); });
  });
  def("uniform", [](Interpreter& in, A& a, NumpyRandomState& r) {
    const auto args = bind_native(in, "uniform", a, {{"low", Value(0.0)}, {"high", Value(1.0)}, {"size", Value()}});
    return two_param(in, args[0], args[1], args[2], [&](double lo, double hi) {
      if (!std::isfinite(hi - lo)) in.error("OverflowError", "Range exceeds valid bounds");
    }, [&](double lo, double hi) { return r.uniform(lo, hi); });
  });
  def("randint", [](Interpreter& in, A& a, NumpyRandomState& r) {
    const auto args = bind_native(in, "randint", a, {{"low", std::nullopt}, {"high", Value()}, {"size", Value()}, {"dtype", Value()}});
    for (int k = 0; k < 2; ++k)
      if (auto* o = args[static_cast<std::size_t>(k)].get<NdArrayObj>(); o && o->array.ndim() > 0) unsupported(in, "np.random.randint with array bounds");
    int64_t lo = int_arg(in, args[0], "low"), hi = 0;
    if (args[1].is_none()) {
      hi = lo;
      lo = 0;
    } else {
      hi = int_arg(in, args[1], "high");
    }
    const DType d = args[3].is_none() ? DType::int64 : dtype_arg(in, args[3]).value_or(DType::int64);
    if (!is_integer(d)) unsupported(in, std::string("np.random.randint(dtype=") + dtype_name(d) + ")");
    if (lo >= hi) in.error("ValueError", "low >= high");
    if (d == DType::int32 && (lo < INT32_MIN || hi - 1 > INT32_MAX)) in.error("ValueError", lo < INT32_MIN ? "low is out of bounds for int32" : "high is out of bounds for int32");
    const auto size = size_arg(in, args[2]);
    if (!size) {
      const int64_t v = r.randint(lo, hi);
      if (args[3].is_none()) return Value(v);
      return make_np_scalar(Array::scalar_int(d, v));
    }
    in.check_list_size(numel(*size));
    Array out(d, *size);
    for (int64_t i = 0; i < out.size(); ++i) out.set_int(i, r.randint(lo, hi));
    return make_ndarray(out);
  });
  def("permutation", [](Interpreter& in, A& a, NumpyRandomState& r) {
    const auto args = bind_native(in, "permutation", a, {{"x", std::nullopt}});
    const Value& x = args[0];
    if (x.is_int() || (x.get<NdArrayObj>() && x.get<NdArrayObj>()->scalar && is_integer(x.get<NdArrayObj>()->array.dtype()))) {
      const int64_t n = int_arg(in, x, "x");
      in.check_list_size(n);
      const auto perm = r.permutation(n);
      return make_ndarray(Array::from_ints(DType::int64, {static_cast<int64_t>(perm.size())}, perm));
    }
    Array arr = to_array(in, x).copy();
    if (arr.ndim() < 1) in.error("IndexError", "x must be an integer or at least 1-dimensional");
    shuffle_array(r, arr);
    return make_ndarray(arr);
  });
  def("shuffle", [](Interpreter& in, A& a, NumpyRandomState& r) {
    const auto args = bind_native(in, "shuffle", a, {{"x", std::nullopt}});
    if (auto* l = args[0].get<ListObj>()) {
      r.shuffle(l->items);
      return Value();
    }
    auto* o = args[0].get<NdArrayObj>();
    if (!o || o->array.ndim() == 0) in.error("TypeError", "object of type '" + type_name(args[0]) + "' has no len()");
    shuffle_array(r, o->array);
    return Value();
  });
  def("choice", [](Interpreter& in, A& a, NumpyRandomState& r) {
    const auto args = bind_native(in, "choice", a, {{"a", std::nullopt}, {"size", Value()}, {"replace", Value(true)}, {"p", Value()}});
    return choice(in, r, args[0], args[1], in.truthy(args[2]), args[3]);
  });
}

Value random_state(const State& rs) {
  auto o = std::make_shared<NativeObj>();
  o->type = "RandomState";
  install_methods(o->members, rs, "RandomState.");
  o->repr = []() { return std::string("RandomState(MT19937)"); };
  return Value(ObjPtr(o));
}

}  // namespace

void install_numpy_random(Interpreter& interp, NamespaceObj& random) {
  const State global = std::make_shared<NumpyRandomState>();
  install_methods(random.members, global, "numpy.random.");
  auto cls = std::make_shared<NativeClassObj>();
  cls->name = "RandomState";
  cls->qualified = "numpy.random.mtrand.RandomState";
  cls->construct = [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "RandomState", a, {{"seed", Value()}});
    const State rs = std::make_shared<NumpyRandomState>();
    if (!args[0].is_none()) {
      CallArgs seed_args;
      seed_args.positional = {args[0]};
      seed_args.where = a.where;
      const Value obj = random_state(rs);
      in.call(obj.get<NativeObj>()->members["seed"], seed_args);
      return obj;
    }
    return random_state(rs);
  };
  cls->is_instance = [](const Value& v) { return v.get<NativeObj>() && v.get<NativeObj>()->type == "RandomState"; };
  random.members["RandomState"] = Value(ObjPtr(cls));
  random.members["default_rng"] = make_builtin("numpy.random.default_rng", [](Interpreter& in, A&) -> Value {
    unsupported(in, "np.random.default_rng (numpy's Generator and PCG64; use np.random.seed or np.random.RandomState, whose legacy streams initlab draws bit for bit)");
  });
  (void)interp;
}

}  // namespace initlab::script::numpy
