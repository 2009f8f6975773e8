// Element-wise math (sin, cos, rsqrt, erf), sum/mean over several dims, matrix products (mm,
// bmm, baddbmm), linspace, dtype conversion (.to(dtype), .bool()), the creation functions that
// keep a dtype (zeros_like ..., new_zeros ...), and the helpers the torch_api_* families share.
#include <cmath>

#include "../math/special_float.hpp"
#include "initlab/autograd.hpp"
#include "initlab/error.hpp"
#include "initlab/nn/functional.hpp"
#include "torch_api_ext.hpp"

namespace initlab::script {

namespace {

using A = CallArgs;

class FunctionNode : public autograd::Node {
 public:
  FunctionNode(const char* name, BackwardFn f) : name_(name), f_(std::move(f)) {}
  const char* name() const override { return name_; }
  std::vector<Tensor> backward(const Tensor& gy) override { return f_(gy, inputs); }

 private:
  const char* name_;
  BackwardFn f_;
};

Tensor map_values(const Tensor& x, float (*f)(float)) {
  const Tensor c = x.contiguous();
  Tensor y = Tensor::uninitialized(c.shape());
  for (int64_t i = 0; i < c.numel(); ++i) y.data()[i] = f(c.data()[i]);
  return y;
}

// x converted to dtype d as PyTorch's .to(d) converts values (floats truncate toward zero
// into int64; anything nonzero is True).
Tensor convert(const Tensor& x, DType d) {
  if (x.dtype() == d) return x;
  Tensor y = x.detach().contiguous().clone();
  for (int64_t i = 0; i < y.numel(); ++i) {
    float& v = y.data()[i];
    if (d == DType::int64) v = std::trunc(v);
    else if (d == DType::boolean) v = v != 0.0f ? 1.0f : 0.0f;
  }
  y.set_dtype(d);
  return y;
}

Tensor filled(const Shape& shape, float value, DType d) {
  Tensor t = Tensor::full(shape, value);
  t.set_dtype(d);
  return t;
}

// PyTorch's CPU linspace: step in float, the first half counted from start and the second from
// end, in blocks of 8 (its AVX2 vector: each block's base computed once, then base + i * step)
// for the first whole pairs of blocks, the rest one by one.
Tensor linspace(double start_d, double end_d, int64_t steps) {
  Tensor t(Shape{steps});
  if (steps == 0) return t;
  const auto start = static_cast<float>(start_d), end = static_cast<float>(end_d);
  if (steps == 1) {
    t.data()[0] = start;
    return t;
  }
  const float step = (end - start) / static_cast<float>(steps - 1);
  const int64_t halfway = steps / 2;
  float* out = t.data();
  int64_t idx = 0;
  for (; idx + 16 <= steps;) {
    for (int block = 0; block < 2; ++block) {
      const float base = idx < halfway ? start + step * static_cast<float>(idx)
                                       : end - step * static_cast<float>(steps - idx - 1);
      for (int i = 0; i < 8; ++i) out[idx + i] = base + static_cast<float>(i) * step;
      idx += 8;
    }
  }
  for (; idx < steps; ++idx) {
    out[idx] = idx < halfway ? start + step * static_cast<float>(idx) : end - step * static_cast<float>(steps - idx - 1);
  }
  return t;
}

// x.sum(dims) / x.mean(dims) over a list of dims, accumulated in double.
Tensor reduce_dims(Interpreter& in, const Tensor& x, const std::vector<int64_t>& dims_in, bool mean, bool keepdim, DType dtype) {
  bool reduced[kMaxDims] = {};
  for (int64_t d : dims_in) {
    const int64_t w = ops::wrap_dim(d, std::max<int64_t>(x.dim(), 1));
    if (x.dim() > 0) {
      if (reduced[w]) in.error("RuntimeError", "dim " + std::to_string(w) + " appears multiple times in the list of dims");
      reduced[w] = true;
    }
  }
  if (dims_in.empty())
    for (int64_t d = 0; d < x.dim(); ++d) reduced[d] = true;  // PyTorch: an empty list reduces everything
  Shape kept, out_shape;
  int64_t count = 1;
  for (int64_t d = 0; d < x.dim(); ++d) {
    kept.push_back(reduced[d] ? 1 : x.size(d));
    if (reduced[d]) count *= x.size(d);
    if (!reduced[d]) out_shape.push_back(x.size(d));
    else if (keepdim) out_shape.push_back(1);
  }
  const Tensor xc = x.detach().contiguous();
  std::vector<double> acc(static_cast<std::size_t>(kept.numel()), 0.0);
  int64_t idx[kMaxDims];
  for (int64_t i = 0; i < xc.numel(); ++i) {
    int64_t rem = i, off = 0, mul = 1;
    for (int d = x.dim() - 1; d >= 0; --d) {
      idx[d] = rem % x.size(d);
      rem /= x.size(d);
    }
    for (int d = x.dim() - 1; d >= 0; --d) {
      off += (reduced[d] ? 0 : idx[d]) * mul;
      mul *= kept[d];
    }
    acc[static_cast<std::size_t>(off)] += static_cast<double>(xc.data()[i]);
  }
  Tensor y(out_shape);
  for (std::size_t i = 0; i < acc.size(); ++i) y.data()[i] = static_cast<float>(mean ? acc[i] / static_cast<double>(count) : acc[i]);
  y.set_dtype(dtype);
  const float scale = mean ? 1.0f / static_cast<float>(count) : 1.0f;
  return record_op(y, {x}, mean ? "MeanBackward1" : "SumBackward1", [kept, mean, count](const Tensor& gy, const std::vector<Tensor>& inputs) {
    Tensor g(inputs[0].shape());
    g.copy_from(gy.contiguous().view(kept));
    if (mean) {
      const auto c = static_cast<float>(count);
      for (int64_t i = 0; i < g.numel(); ++i) g.data()[i] /= c;
    }
    return std::vector<Tensor>{g};
  });
  (void)scale;
}

Value binary(Interpreter& in, const std::string& op, const Value& a, const Value& b) { return tensor_binary(in, op, a, b); }

}  // namespace

Tensor record_op(const Tensor& y, const std::vector<Tensor>& inputs, const char* name, BackwardFn backward) {
  if (!autograd::should_record(inputs)) return y;
  return autograd::record(y, std::make_shared<FunctionNode>(name, std::move(backward)), inputs);
}

Tensor tensor_value(Interpreter& in, const Value& v, const std::string& what) {
  if (auto* t = v.get<TensorObj>()) return t->tensor;
  in.error("TypeError", what + " must be Tensor, not " + type_name(v));
}

DType dtype_arg(Interpreter& in, const Value& v, DType fallback) {
  if (v.is_none()) return fallback;
  auto* d = v.get<DtypeObj>();
  if (!d) in.error("TypeError", "dtype must be torch.dtype, not " + type_name(v));
  if (d->name == "int64") return DType::int64;
  if (d->name == "bool") return DType::boolean;
  if (d->name == "float32") return DType::float32;
  in.error("NotImplementedError", "not supported in initlab: dtype torch." + d->name + " (initlab has float32, int64 and bool)");
}

std::vector<int64_t> int_values(const Tensor& t) {
  const Tensor c = t.contiguous();
  std::vector<int64_t> out(static_cast<std::size_t>(c.numel()));
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<int64_t>(c.data()[i]);
  return out;
}

std::optional<Value> reduce_over_dims(Interpreter& in, const Tensor& x, const Value& dim, bool mean, bool keepdim, const Value& dtype) {
  if (!dim.get<ListObj>() && !dim.get<TupleObj>()) return std::nullopt;
  if (mean && x.dtype() != DType::float32 && dtype.is_none()) {
    in.error("RuntimeError", std::string("mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: ") +
                                 (x.dtype() == DType::int64 ? "Long" : "Bool"));
  }
  const DType keep = x.dtype() == DType::boolean ? DType::int64 : x.dtype();
  return make_tensor(reduce_dims(in, x, to_ints(in, dim, "dim"), mean, keepdim, dtype_arg(in, dtype, keep)));
}

std::optional<Value> tensor_math_method(Interpreter& interp, const Value& self, const std::string& name) {
  const Tensor t = self.get<TensorObj>()->tensor;
  const auto method = [&](Native fn) { return std::optional<Value>(make_builtin("Tensor." + name, std::move(fn))); };
  using Fn = float (*)(float);
  struct Unary {
    Fn f;
    const char* node;
    float (*d)(float x, float y);
  };
  static const std::map<std::string, Unary> unary = {
      {"sin", {[](float x) { return std::sin(x); }, "SinBackward0", [](float x, float) { return std::cos(x); }}},
      {"cos", {[](float x) { return std::cos(x); }, "CosBackward0", [](float x, float) { return -std::sin(x); }}},
      {"rsqrt", {[](float x) { return 1.0f / std::sqrt(x); }, "RsqrtBackward0", [](float, float y) { return -0.5f * y * y * y; }}},
      {"erf", {[](float x) { return special::erff(x); }, "ErfBackward0",
               [](float x, float) { return static_cast<float>(2.0 / std::sqrt(M_PI)) * std::exp(-x * x); }}},
  };
  if (auto it = unary.find(name); it != unary.end()) {
    const Unary u = it->second;
    return method([t, u](Interpreter&, A&) {
      const Tensor x = t.dtype() == DType::float32 ? t : convert(t, DType::float32);
      return make_tensor(record_unary(map_values(x.detach(), u.f), t, u.node, u.d));
    });
  }
  if (name == "mm" || name == "bmm") {
    const bool batched = name == "bmm";
    return method([self, t, batched](Interpreter& in, A& a) {
      const auto args = bind_native(in, batched ? "bmm" : "mm", a, {{"mat2", std::nullopt}});
      const Tensor b = tensor_value(in, args[0], std::string(batched ? "bmm" : "mm") + "(): argument 'mat2'");
      const int64_t want = batched ? 3 : 2;
      if (t.dim() != want) in.error("RuntimeError", std::string(batched ? "batch1" : "self") + " must be a " + std::to_string(want) + "D tensor");
      if (b.dim() != want) in.error("RuntimeError", std::string(batched ? "batch2" : "mat2") + " must be a " + std::to_string(want) + "D tensor");
      return binary(in, "@", self, args[0]);
    });
  }
  // (Tensor.to, with its device forms, is device_api.cpp's.)
  if (name == "type_as") {
    return method([self, t](Interpreter& in, A& a) -> Value {
      std::optional<DType> target;
      const auto look = [&](const Value& v) {
        if (v.get<DtypeObj>()) target = dtype_arg(in, v, t.dtype());
        else if (auto* o = v.get<TensorObj>()) target = o->tensor.dtype();
      };
      for (const Value& v : a.positional) look(v);
      for (const auto& [k, v] : a.keywords) {
        if (k == "dtype" || k == "other") look(v);
        else if (k != "device" && k != "non_blocking" && k != "copy" && k != "memory_format") {
          in.error("TypeError", "to() received an invalid combination of arguments - got an unexpected keyword argument '" + k + "'");
        }
      }
      if (!target) in.error("TypeError", "type_as(): argument 'other' must be Tensor");
      if (!target || *target == t.dtype()) return self;
      return make_tensor(convert(t, *target));
    });
  }
  if (name == "bool") return method([t](Interpreter&, A&) { return make_tensor(convert(t, DType::boolean)); });
  if (name == "new_zeros" || name == "new_ones" || name == "new_empty" || name == "new_full") {
    const bool full = name == "new_full";
    const float fill = name == "new_ones" ? 1.0f : 0.0f;
    return method([t, full, fill, name](Interpreter& in, A& a) {
      std::vector<ParamSpec> spec = {{"size", std::nullopt}};
      if (full) spec.push_back({"fill_value", std::nullopt});
      for (const char* k : {"dtype", "device", "requires_grad", "layout", "pin_memory"}) spec.push_back({k, Value(), true});
      // new_zeros(2, 3) as well as new_zeros((2, 3)).
      CallArgs b = a;
      if (!full && b.positional.size() > 1) b.positional = {make_tuple(b.positional)};
      const auto args = bind_native(in, name, b, spec);
      const double v = full ? to_float(in, args[1], "fill_value") : static_cast<double>(fill);
      Tensor r = filled(Shape(to_ints(in, args[0], "size")), static_cast<float>(v), dtype_arg(in, args[full ? 2 : 1], t.dtype()));
      if (in.truthy(args[full ? 4 : 3])) r.set_requires_grad(true);
      return make_tensor(r);
    });
  }
  (void)interp;
  return std::nullopt;
}

void install_torch_math(NamespaceObj& torch) {
  const auto def = [&](const std::string& name, Native fn) { torch.members[name] = make_builtin("torch." + name, std::move(fn)); };
  for (const char* n : {"zeros_like", "ones_like", "empty_like", "full_like"}) {
    const std::string name = n;
    const bool full = name == "full_like";
    const float fill = name == "ones_like" ? 1.0f : 0.0f;
    def(name, [name, full, fill](Interpreter& in, A& a) {
      std::vector<ParamSpec> spec = {{"input", std::nullopt}};
      if (full) spec.push_back({"fill_value", std::nullopt});
      for (const char* k : {"dtype", "device", "requires_grad", "layout", "pin_memory", "memory_format"}) spec.push_back({k, Value(), true});
      const auto args = bind_native(in, name, a, spec);
      const Tensor x = tensor_value(in, args[0], name + "(): argument 'input'");
      const double v = full ? to_float(in, args[1], "fill_value") : static_cast<double>(fill);
      Tensor r = filled(x.shape(), static_cast<float>(v), dtype_arg(in, args[full ? 2 : 1], x.dtype()));
      if (in.truthy(args[full ? 4 : 3])) r.set_requires_grad(true);
      return make_tensor(r);
    });
  }
  def("linspace", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "linspace", a, {{"start", std::nullopt}, {"end", std::nullopt}, {"steps", std::nullopt},
                                                      {"dtype", Value(), true}, {"device", Value(), true}, {"requires_grad", Value(false), true}});
    const int64_t steps = to_int(in, args[2], "steps");
    if (steps < 0) in.error("RuntimeError", "number of steps must be non-negative");
    in.check_list_size(steps);
    Tensor t = linspace(to_float(in, args[0], "start"), to_float(in, args[1], "end"), steps);
    const DType d = dtype_arg(in, args[3], DType::float32);
    if (d != DType::float32) t = convert(t, d);
    if (in.truthy(args[5])) t.set_requires_grad(true);
    return make_tensor(t);
  });
  def("baddbmm", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "baddbmm", a, {{"input", std::nullopt}, {"batch1", std::nullopt}, {"batch2", std::nullopt},
                                                     {"beta", Value(1), true}, {"alpha", Value(1), true}});
    const Tensor b1 = tensor_value(in, args[1], "baddbmm(): argument 'batch1'");
    const Tensor b2 = tensor_value(in, args[2], "baddbmm(): argument 'batch2'");
    if (b1.dim() != 3) in.error("RuntimeError", "batch1 must be a 3D tensor");
    if (b2.dim() != 3) in.error("RuntimeError", "batch2 must be a 3D tensor");
    // beta * input + alpha * (batch1 @ batch2), each term skipped when its factor is 1.
    Value prod = binary(in, "@", args[1], args[2]);
    if (!(args[4].is_int() && args[4].as_int() == 1)) prod = binary(in, "*", args[4], prod);
    Value base = args[0];
    if (!(args[3].is_int() && args[3].as_int() == 1)) base = binary(in, "*", args[3], base);
    return binary(in, "+", base, prod);
  });
}

}  // namespace initlab::script
