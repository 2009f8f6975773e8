// The torch namespace and Tensor's attributes, methods and operators, bound to the core.
// Calls that a forward pass makes (torch.cat, x.view, x + y, ...) go through F:: so the probe
// sees them, attributed to the script line that made them.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "bindings.hpp"
#include "device_api.hpp"
#include "initlab/autograd.hpp"
#include "initlab/error.hpp"
#include "initlab/init.hpp"
#include "initlab/nn/functional.hpp"
#include "initlab/sampling.hpp"
#include "initlab/warnings.hpp"
#include "native_args.hpp"
#include "numpy_bindings.hpp"
#include "torch_api_ext.hpp"

namespace initlab::script {

namespace {

using A = CallArgs;
using kernels::BinaryOp;

Tensor& tensor_of(const Value& v) { return v.get<TensorObj>()->tensor; }

Tensor as_tensor(Interpreter& in, const Value& v, const std::string& what) {
  if (auto* t = v.get<TensorObj>()) return t->tensor;
  in.error("TypeError", what + " must be Tensor, not " + type_name(v));
}

// Forward-pass ops report the script line they came from.
void mark_line(Interpreter& in) { nn::set_source_line(in.location().line); }

Value size_tuple(const Tensor& t) {
  std::vector<Value> dims;
  for (int64_t d : t.shape()) dims.emplace_back(d);
  Value v = make_tuple(std::move(dims));
  v.get<TupleObj>()->is_size = true;
  return v;
}

Value scalar_of(const Tensor& t) {
  const float f = t.contiguous().data()[0];
  if (t.dtype() == DType::int64) return Value(static_cast<int64_t>(f));
  if (t.dtype() == DType::boolean) return Value(f != 0.0f);
  return Value(static_cast<double>(f));
}

Tensor scalar_tensor(double v) {
  Tensor t(Shape{});
  t.data()[0] = static_cast<float>(v);
  return t;
}

// torch.bernoulli(input[, p]) and Tensor.bernoulli([p]): a new contiguous tensor of input's
// shape, drawn from the float p or, without one, from input's values as probabilities. Its
// gradient is zero (BernoulliBackward0), as PyTorch's.
Value bernoulli_of(Interpreter& in, const Tensor& x, const Value& p, const Value& generator) {
  Tensor out(x.shape());
  out.set_dtype(x.dtype());
  Generator& gen = generator_arg(in, generator);
  if (p.is_none()) initlab::bernoulli_(out, x.detach(), gen);
  else initlab::bernoulli_(out, to_float(in, p, "p"), gen);
  return make_tensor(record_unary(out, x, "BernoulliBackward0", [](float, float) { return 0.0f; }));
}

// Nested Python lists of numbers -> shape and values.
void flatten_data(Interpreter& in, const Value& v, int depth, std::vector<int64_t>& shape,
                  std::vector<float>& out, bool& all_int) {
  if (auto n = numpy_number(v); n && v.get<NdArrayObj>()->scalar) {
    if (numpy_is_float64_scalar(v)) warn("initlab has no float64 tensors: torch.tensor() made a float32 tensor from numpy float64 values (PyTorch would make a float64 one)");
    return flatten_data(in, *n, depth, shape, out, all_int);
  }
  if (v.is_number()) {
    if (depth != static_cast<int>(shape.size())) in.error("ValueError", "expected sequence of length " + std::to_string(shape.size() > static_cast<std::size_t>(depth) ? shape[static_cast<std::size_t>(depth)] : 0) + " at dim " + std::to_string(depth) + " (got a number)");
    if (v.is_float()) all_int = false;
    out.push_back(static_cast<float>(v.as_float()));
    return;
  }
  if (auto* t = v.get<TensorObj>(); t && t->tensor.numel() == 1 && t->tensor.dim() == 0) {
    out.push_back(t->tensor.contiguous().data()[0]);
    if (t->tensor.dtype() == DType::float32) all_int = false;
    return;
  }
  if (!v.get<ListObj>() && !v.get<TupleObj>()) {
    in.error("TypeError", "new(): invalid data type '" + type_name(v) + "'");
  }
  const std::vector<Value> items = in.to_vector(v);
  if (static_cast<int>(shape.size()) == depth) {
    shape.push_back(static_cast<int64_t>(items.size()));
  } else if (shape[static_cast<std::size_t>(depth)] != static_cast<int64_t>(items.size())) {
    in.error("ValueError", "expected sequence of length " + std::to_string(shape[static_cast<std::size_t>(depth)]) +
                               " at dim " + std::to_string(depth) + " (got " + std::to_string(items.size()) + ")");
  }
  if (shape.size() > kMaxDims) in.error("ValueError", "initlab tensors have at most 5 dimensions");
  for (const Value& item : items) flatten_data(in, item, depth + 1, shape, out, all_int);
}

// Reductions over all elements or one dim, in double like PyTorch's CPU kernels.
enum class Reduce { sum, mean, var, std, max, min, prod, norm };

Tensor reduce(Interpreter& in, const Tensor& x_in, Reduce kind, std::optional<int64_t> dim, bool keepdim,
              int64_t correction = 1, double p = 2.0) {
  const Tensor x = x_in.contiguous();
  const auto fold = [&](const float* data, int64_t n, int64_t stride) -> double {
    if ((kind == Reduce::max || kind == Reduce::min) && n == 0) {
      in.error("RuntimeError", std::string(kind == Reduce::max ? "max" : "min") +
                                   "(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.");
    }
    double acc = kind == Reduce::prod ? 1.0 : 0.0;
    double best = kind == Reduce::max ? -HUGE_VAL : HUGE_VAL;
    for (int64_t i = 0; i < n; ++i) {
      const double v = static_cast<double>(data[i * stride]);
      if (kind == Reduce::max) best = (v > best || std::isnan(v)) ? v : best;
      else if (kind == Reduce::min) best = (v < best || std::isnan(v)) ? v : best;
      else if (kind == Reduce::prod) acc *= v;
      else if (kind == Reduce::norm) acc += std::pow(std::fabs(v), p);
      else acc += v;
    }
    if (kind == Reduce::max || kind == Reduce::min) return best;
    if (kind == Reduce::sum || kind == Reduce::prod) return acc;
    if (kind == Reduce::norm) return std::pow(acc, 1.0 / p);
    const double mean = acc / static_cast<double>(n);
    if (kind == Reduce::mean) return n == 0 ? std::nan("") : mean;
    double sq = 0;
    for (int64_t i = 0; i < n; ++i) {
      const double d = static_cast<double>(data[i * stride]) - mean;
      sq += d * d;
    }
    const double var = n - correction > 0 ? sq / static_cast<double>(n - correction) : std::nan("");
    return kind == Reduce::var ? var : std::sqrt(var);
  };
  // Sums of integer and boolean tensors are int64, as in PyTorch.
  const bool int_sum = kind == Reduce::sum && x.dtype() != DType::float32;
  if (!dim) {
    Tensor out = scalar_tensor(fold(x.data(), x.numel(), 1));
    if (int_sum) out.set_dtype(DType::int64);
    return out;
  }
  const int64_t d = ops::wrap_dim(*dim, x.dim());
  int64_t outer = 1, inner = 1;
  for (int64_t i = 0; i < d; ++i) outer *= x.size(i);
  for (int64_t i = d + 1; i < x.dim(); ++i) inner *= x.size(i);
  const int64_t n = x.dim() == 0 ? 1 : x.size(d);
  Shape shape;
  for (int64_t i = 0; i < x.dim(); ++i) {
    if (i == d) {
      if (keepdim) shape.push_back(1);
    } else {
      shape.push_back(x.size(i));
    }
  }
  Tensor out(shape);
  if (int_sum) out.set_dtype(DType::int64);
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t j = 0; j < inner; ++j)
      out.data()[o * inner + j] = static_cast<float>(fold(x.data() + o * n * inner + j, n, inner));
  return out;
}

Tensor argreduce(const Tensor& x_in, bool is_max, int64_t dim) {
  const Tensor x = x_in.contiguous();
  const int64_t d = ops::wrap_dim(dim, x.dim());
  int64_t outer = 1, inner = 1;
  for (int64_t i = 0; i < d; ++i) outer *= x.size(i);
  for (int64_t i = d + 1; i < x.dim(); ++i) inner *= x.size(i);
  const int64_t n = x.size(d);
  Shape shape;
  for (int64_t i = 0; i < x.dim(); ++i)
    if (i != d) shape.push_back(x.size(i));
  Tensor out(shape);
  out.set_dtype(DType::int64);
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t j = 0; j < inner; ++j) {
      const float* p = x.data() + o * n * inner + j;
      int64_t best = 0;
      for (int64_t i = 1; i < n; ++i)
        if (is_max ? p[i * inner] > p[best * inner] : p[i * inner] < p[best * inner]) best = i;
      out.data()[o * inner + j] = static_cast<float>(best);
    }
  return out;
}

std::optional<int64_t> optional_dim(Interpreter& in, const Value& v) {
  if (v.is_none()) return std::nullopt;
  return to_int(in, v, "dim");
}

Tensor elementwise(const Tensor& x_in, const std::function<float(float)>& f) {
  const Tensor x = x_in.contiguous();
  Tensor y = Tensor::uninitialized(x.shape());
  for (int64_t i = 0; i < x.numel(); ++i) y.data()[i] = f(x.data()[i]);
  return y;
}

Tensor compare_tensors(Interpreter& in, const std::string& op, const Value& a, const Value& b) {
  // Broadcast through a subtraction-shaped walk: compute both as tensors of the common shape.
  const Tensor ta = a.get<TensorObj>() ? tensor_of(a) : scalar_tensor(to_float(in, a, "comparison operand"));
  const Tensor tb = b.get<TensorObj>() ? tensor_of(b) : scalar_tensor(to_float(in, b, "comparison operand"));
  const Shape shape = ops::broadcast_shapes(ta.shape(), tb.shape());
  Tensor x(shape), y(shape);
  x.copy_from(ta);
  y.copy_from(tb);
  Tensor out(shape);
  out.set_dtype(DType::boolean);
  for (int64_t i = 0; i < out.numel(); ++i) {
    const float u = x.data()[i], v = y.data()[i];
    bool r = false;
    if (op == "<") r = u < v;
    else if (op == "<=") r = u <= v;
    else if (op == ">") r = u > v;
    else if (op == ">=") r = u >= v;
    else if (op == "==") r = u == v;
    else if (op == "!=") r = u != v;
    out.data()[i] = r ? 1.0f : 0.0f;
  }
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// operators

Value tensor_binary(Interpreter& in, const std::string& op, const Value& a, const Value& b) {
  // numpy scalars count as Python numbers (t.mul(np.float32(3)), t > np.float64(0)).
  if (auto* o = a.get<NdArrayObj>(); o && o->scalar) return tensor_binary(in, op, *numpy_number(a), b);
  if (auto* o = b.get<NdArrayObj>(); o && o->scalar) return tensor_binary(in, op, a, *numpy_number(b));
  if (op == "<" || op == "<=" || op == ">" || op == ">=" || op == "==" || op == "!=") {
    if (!(a.get<TensorObj>() || a.is_number()) || !(b.get<TensorObj>() || b.is_number())) {
      if (op == "==") return Value(false);
      if (op == "!=") return Value(true);
      in.error("TypeError", "'" + op + "' not supported between instances of '" + type_name(a) + "' and '" + type_name(b) + "'");
    }
    return make_tensor(compare_tensors(in, op, a, b));
  }
  mark_line(in);
  const bool ta = a.get<TensorObj>() != nullptr, tb = b.get<TensorObj>() != nullptr;
  const auto number = [&](const Value& v) {
    if (!v.is_number()) {
      in.error("TypeError", "unsupported operand type(s) for " + op + ": '" + type_name(a) + "' and '" + type_name(b) + "'");
    }
    return v.as_float();
  };
  const auto keep_int = [&](Tensor t) {
    // int tensor op int scalar/tensor stays int for + - * (as in PyTorch).
    const bool ints = (!ta || tensor_of(a).dtype() == DType::int64) && (!tb || tensor_of(b).dtype() == DType::int64) &&
                      (ta || a.is_int() || a.is_bool()) && (tb || b.is_int() || b.is_bool());
    if (ints && (op == "+" || op == "-" || op == "*")) t.set_dtype(DType::int64);
    return make_tensor(std::move(t));
  };
  if (op == "@") {
    if (!ta || !tb) in.error("TypeError", "unsupported operand type(s) for @: '" + type_name(a) + "' and '" + type_name(b) + "'");
    return make_tensor(F::matmul(tensor_of(a), tensor_of(b)));
  }
  if (op == "+" || op == "-" || op == "*") {
    if (ta && tb) {
      const Tensor& x = tensor_of(a);
      const Tensor& y = tensor_of(b);
      return keep_int(op == "+" ? F::add(x, y) : op == "-" ? F::sub(x, y) : F::mul(x, y));
    }
    const Tensor& x = ta ? tensor_of(a) : tensor_of(b);
    const double s = number(ta ? b : a);
    return keep_int(op == "+" ? F::add(x, s, !ta) : op == "-" ? F::sub(x, s, !ta) : F::mul(x, s, !ta));
  }
  if (op == "/") {
    Tensor out = ta && tb ? ops::binary(tensor_of(a), tensor_of(b), BinaryOp::div)
                          : ops::binary(ta ? tensor_of(a) : tensor_of(b), number(ta ? b : a), BinaryOp::div, !ta);
    return make_tensor(std::move(out));
  }
  if (op == "**") {
    if (ta && !tb) {
      const double e = number(b);
      const Tensor& x = tensor_of(a);
      Tensor y = elementwise(x, [e](float v) {
        return e == 2.0 ? v * v : static_cast<float>(std::pow(static_cast<double>(v), e));
      });
      // d(x^e) = e * x^(e-1)
      return make_tensor(record_unary(y, x, "PowBackward0", [e](float v, float) {
        return e == 2.0 ? 2.0f * v : static_cast<float>(e * std::pow(static_cast<double>(v), e - 1.0));
      }));
    }
    const char* kPow = "a tensor exponent (x ** y, 2 ** x; only tensor ** number is differentiable)";
    if (!ta && tb) {
      const double base = number(a);
      return make_tensor(record_undifferentiable(elementwise(tensor_of(b), [base](float x) { return static_cast<float>(std::pow(base, static_cast<double>(x))); }),
                                                 {tensor_of(b)}, "PowBackward1", kPow));
    }
    const Tensor& x = tensor_of(a);
    const Tensor& y = tensor_of(b);
    const Shape shape = ops::broadcast_shapes(x.shape(), y.shape());
    Tensor u(shape), v(shape);
    u.copy_from(x);
    v.copy_from(y);
    for (int64_t i = 0; i < u.numel(); ++i)
      u.data()[i] = static_cast<float>(std::pow(static_cast<double>(u.data()[i]), static_cast<double>(v.data()[i])));
    return make_tensor(record_undifferentiable(u, {x, y}, "PowBackward1", kPow));
  }
  in.error("TypeError", "unsupported operand type(s) for " + op + ": '" + type_name(a) + "' and '" + type_name(b) + "'");
}

Value tensor_unary(Interpreter& in, const std::string& op, const Value& a) {
  mark_line(in);
  if (op == "-") {
    const Tensor& x = tensor_of(a);
    Tensor y = ops::binary(x.detach(), -1.0, BinaryOp::mul);
    if (x.dtype() == DType::int64) y.set_dtype(DType::int64);  // -x keeps an int64 tensor's dtype
    return make_tensor(record_unary(y, x, "NegBackward0", [](float, float) { return -1.0f; }));
  }
  if (op == "+") return a;
  in.error("TypeError", "bad operand type for unary " + op + ": 'Tensor'");
}

// ---------------------------------------------------------------------------------------
// Tensor attributes and methods

std::optional<Value> tensor_attribute(Interpreter& interp, const Value& self, const std::string& name) {
  auto* obj = self.get<TensorObj>();
  const Tensor t = obj->tensor;
  const auto method = [&](Native fn) { return make_builtin("Tensor." + name, std::move(fn)); };
  // The op families of torch_api_shape/math/random.cpp answer first.
  if (auto v = tensor_shape_method(interp, self, name)) return v;
  if (auto v = tensor_math_method(interp, self, name)) return v;
  if (auto v = tensor_random_method(interp, self, name)) return v;
  if (name == "shape") return size_tuple(t);
  if (name == "data") return make_tensor(t.detach(), false);
  if (name == "grad") {
    const Tensor g = t.grad();
    return g.defined() ? make_tensor(g, false) : Value();
  }
  if (name == "requires_grad") return Value(t.requires_grad());
  if (name == "is_leaf") return Value(!t.has_grad_fn());
  if (name == "grad_fn") {
    if (!t.has_grad_fn()) return Value();
    auto fn = std::make_shared<NativeObj>();
    fn->type = grad_fn_name(t);
    const std::string cls = fn->type;
    fn->repr = [cls]() { return "<" + cls + " object>"; };
    fn->members["name"] = make_builtin(cls + ".name", [cls](Interpreter&, A&) { return Value(cls); });
    return Value(ObjPtr(fn));
  }
  if (name == "backward") {
    return method([t](Interpreter& in, A& a) {
      const auto args = bind_native(in, "backward", a, {{"gradient", Value()}, {"retain_graph", Value()}, {"create_graph", Value(false)}, {"inputs", Value()}});
      if (in.truthy(args[2])) in.error("NotImplementedError", "not supported in initlab: create_graph=True (higher-order gradients)");
      if (!args[3].is_none()) in.error("NotImplementedError", "not supported in initlab: backward(inputs=...)");
      // PyTorch frees the graph unless retain_graph=True (a second backward then fails).
      const bool retain = in.truthy(args[1]);
      t.backward(args[0].is_none() ? Tensor() : as_tensor(in, args[0], "backward(): argument 'gradient'").detach(), retain);
      return Value();
    });
  }
  if (name == "ndim") return Value(t.dim());
  if (auto np = tensor_numpy_attribute(interp, self, name)) return np;  // t.numpy()
  if (name == "T") {
    if (t.dim() < 2) return self;
    std::vector<int64_t> dims;
    for (int64_t i = t.dim() - 1; i >= 0; --i) dims.push_back(i);
    return make_tensor(record_view(t.detach().permute(dims), t, "PermuteBackward0",
                                   [dims](const Tensor& x) { return x.permute(dims); }));
  }
  if (name == "dtype") return dtype_value(dtype_name(t.dtype()));
  if (name == "device") return cpu_device(interp);
  if (name == "is_cuda") return Value(false);
  if (name == "is_cpu") return Value(true);
  if (name == "get_device") return method([](Interpreter&, A&) { return Value(int64_t{-1}); });
  if (name == "cuda") {
    return method([](Interpreter& in, A& a) -> Value {
      for (const Value& v : a.positional) require_cpu(in, v.is_none() ? v : Value("cuda"));
      no_cuda(in);
    });
  }
  if (name == "size") {
    return method([t](Interpreter& in, A& a) {
      const auto args = bind_native(in, "size", a, {{"dim", Value()}});
      if (args[0].is_none()) return size_tuple(t);
      return Value(t.size(to_int(in, args[0], "dim")));
    });
  }
  if (name == "dim" || name == "ndimension") return method([t](Interpreter&, A&) { return Value(t.dim()); });
  if (name == "numel" || name == "nelement") return method([t](Interpreter&, A&) { return Value(t.numel()); });
  if (name == "item") {
    return method([t](Interpreter& in, A&) {
      if (t.numel() != 1) {
        in.error("RuntimeError", "a Tensor with " + std::to_string(t.numel()) + " elements cannot be converted to Scalar");
      }
      return scalar_of(t);
    });
  }
  if (name == "tolist") {
    return method([t](Interpreter&, A&) {
      std::function<Value(const Tensor&)> conv = [&](const Tensor& x) -> Value {
        if (x.dim() == 0) return scalar_of(x);
        std::vector<Value> items;
        for (int64_t i = 0; i < x.size(0); ++i) items.push_back(conv(x.select(0, i)));
        return make_list(std::move(items));
      };
      return conv(t);
    });
  }
  // ---- in-place (torch_api_inplace.cpp) ----
  if (auto v = tensor_inplace_method(interp, self, name)) return v;
  if (name == "_version") return Value(t.version());
  if (name == "bernoulli") {
    return method([t](Interpreter& in, A& a) {
      const auto args = bind_native(in, "bernoulli", a, {{"p", Value()}, {"generator", Value(), true}});
      return bernoulli_of(in, t, args[0], args[1]);
    });
  }
  if (name == "requires_grad_") {
    Value keep = self;
    return method([keep](Interpreter& in, A& a) {
      const auto args = bind_native(in, "requires_grad_", a, {{"requires_grad", Value(true)}});
      Tensor& k = keep.get<TensorObj>()->tensor;
      const bool r = in.truthy(args[0]);
      if (k.has_grad_fn()) {
        if (!r) in.error("RuntimeError", "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().");
        return keep;
      }
      keep.get<TensorObj>()->set_requires_grad(r);
      return keep;
    });
  }
  // ---- views and copies ----
  if (name == "view" || name == "reshape") {
    const bool view = name == "view";
    return method([t, view](Interpreter& in, A& a) {
      mark_line(in);
      const auto shape = size_args(in, a.positional, view ? "view" : "reshape");
      return make_tensor(view ? F::view(t, Shape(shape)) : F::reshape(t, Shape(shape)));
    });
  }
  if (name == "flatten") {
    return method([t](Interpreter& in, A& a) {
      const auto args = bind_native(in, "flatten", a, {{"start_dim", Value(0)}, {"end_dim", Value(-1)}});
      mark_line(in);
      return make_tensor(F::flatten(t, to_int(in, args[0], "start_dim"), to_int(in, args[1], "end_dim")));
    });
  }
  // Views record a node that replays them on the gradient.
  const auto view_op = [](const Tensor& x, const char* node, std::function<Tensor(const Tensor&)> f) {
    return make_tensor(record_view(f(x.detach()), x, node, f));
  };
  if (name == "t") return method([t, view_op](Interpreter&, A&) { return view_op(t, "TBackward0", [](const Tensor& x) { return x.t(); }); });
  if (name == "transpose") {
    return method([t, view_op](Interpreter& in, A& a) {
      const auto args = bind_native(in, "transpose", a, {{"dim0", std::nullopt}, {"dim1", std::nullopt}});
      const int64_t d0 = to_int(in, args[0], "dim0"), d1 = to_int(in, args[1], "dim1");
      return view_op(t, "TransposeBackward0", [d0, d1](const Tensor& x) { return x.transpose(d0, d1); });
    });
  }
  if (name == "permute") {
    return method([t, view_op](Interpreter& in, A& a) {
      const auto dims = size_args(in, a.positional, "permute");
      return view_op(t, "PermuteBackward0", [dims](const Tensor& x) { return x.permute(dims); });
    });
  }
  if (name == "unsqueeze") {
    return method([t, view_op](Interpreter& in, A& a) {
      const auto args = bind_native(in, "unsqueeze", a, {{"dim", std::nullopt}});
      const int64_t d = to_int(in, args[0], "dim");
      return view_op(t, "UnsqueezeBackward0", [d](const Tensor& x) { return x.unsqueeze(d); });
    });
  }
  if (name == "squeeze") {
    return method([t, view_op](Interpreter& in, A& a) {
      const auto args = bind_native(in, "squeeze", a, {{"dim", Value()}});
      if (!args[0].is_none()) {
        const int64_t d = to_int(in, args[0], "dim");
        return view_op(t, "SqueezeBackward1", [d](const Tensor& x) { return x.squeeze(d); });
      }
      Shape s;
      for (int64_t d : t.shape())
        if (d != 1) s.push_back(d);
      return view_op(t, "SqueezeBackward0", [s](const Tensor& x) { return x.view(s); });
    });
  }
  if (name == "contiguous" || name == "clone") {
    const bool clone = name == "clone";
    return method([t, clone](Interpreter&, A&) {
      if (!clone && t.is_contiguous()) return make_tensor(t);
      return make_tensor(record_unary(t.detach().clone(), t, "CloneBackward0", [](float, float) { return 1.0f; }));
    });
  }
  if (name == "detach") return method([t](Interpreter&, A&) { return make_tensor(t.detach()); });
  if (name == "to") return method([self](Interpreter& in, A& a) { return tensor_to(in, self, a); });
  if (name == "type") return method([self](Interpreter& in, A& a) { return tensor_type(in, self, a); });
  if (name == "cpu" || name == "float") {
    const bool is_float = name == "float";
    return method([self, t, is_float](Interpreter&, A&) {
      if (is_float && t.dtype() != DType::float32) {
        Tensor r = t.detach().clone();
        r.set_dtype(DType::float32);
        return make_tensor(r);
      }
      return self;  // PyTorch returns the tensor itself when nothing changes
    });
  }
  if (name == "long" || name == "int") {
    return method([t](Interpreter&, A&) {
      Tensor r = elementwise(t, [](float x) { return std::trunc(x); });
      r.set_dtype(DType::int64);
      return make_tensor(r);
    });
  }
  if (name == "double") {
    return method([](Interpreter& in, A&) -> Value {
      in.error("NotImplementedError", "not supported in initlab: float64 tensors (initlab computes in float32)");
    });
  }
  // ---- reductions ----
  const auto reduction = [&](Reduce kind) {
    return method([t, kind, name](Interpreter& in, A& a) -> Value {
      std::vector<ParamSpec> spec = {{"dim", Value()}, {"keepdim", Value(false)}};
      if (kind == Reduce::std || kind == Reduce::var) {
        spec = {{"dim", Value()}, {"unbiased", Value(true)}, {"keepdim", Value(false)}, {"correction", Value(), true}};
      }
      const auto args = bind_native(in, name, a, spec);
      if (kind == Reduce::std || kind == Reduce::var) {
        // x.std(0) reads the first argument as dim; x.std(False) as unbiased.
        Value dim = args[0], unbiased = args[1];
        if (dim.is_bool()) std::swap(dim, unbiased);
        const int64_t correction = !args[3].is_none() ? to_int(in, args[3], "correction") : (in.truthy(unbiased) ? 1 : 0);
        return make_tensor(record_undifferentiable(reduce(in, t, kind, optional_dim(in, dim), in.truthy(args[2]), correction), {t},
                                                   kind == Reduce::std ? "StdBackward0" : "VarBackward0",
                                                   "Tensor." + name + "() (write it with mean() and ** 2)"));
      }
      if (kind == Reduce::sum || kind == Reduce::mean) {
        if (auto r = reduce_over_dims(in, t, args[0], kind == Reduce::mean, in.truthy(args[1]), Value())) return *r;
      }
      const auto dim = optional_dim(in, args[0]);
      if (kind == Reduce::sum || kind == Reduce::mean) {
        const bool keep = in.truthy(args[1]);
        return make_tensor(record_reduce(reduce(in, t, kind, dim, keep), t, kind == Reduce::mean, dim, keep));
      }
      const std::string what = "Tensor." + name + "()";
      if ((kind == Reduce::max || kind == Reduce::min) && dim) {
        const bool keep = in.truthy(args[1]);
        Tensor values = record_undifferentiable(reduce(in, t, kind, dim, keep), {t},
                                                kind == Reduce::max ? "MaxBackward0" : kind == Reduce::min ? "MinBackward0" : "ProdBackward1", what);
        Tensor idx = argreduce(t, kind == Reduce::max, *dim);
        if (keep) idx = idx.unsqueeze(*dim);
        return make_tuple({make_tensor(values), make_tensor(idx)});
      }
      const char* node = kind == Reduce::max ? (dim ? "MaxBackward0" : "MaxBackward1")
                         : kind == Reduce::min ? (dim ? "MinBackward0" : "MinBackward1")
                                               : (dim ? "ProdBackward1" : "ProdBackward0");
      return make_tensor(record_undifferentiable(reduce(in, t, kind, dim, in.truthy(args[1])), {t}, node, what));
    });
  };
  if (name == "sum") return reduction(Reduce::sum);
  if (name == "mean") return reduction(Reduce::mean);
  if (name == "std") return reduction(Reduce::std);
  if (name == "var") return reduction(Reduce::var);
  if (name == "max") return reduction(Reduce::max);
  if (name == "min") return reduction(Reduce::min);
  if (name == "prod") return reduction(Reduce::prod);
  if (name == "norm") {
    return method([t](Interpreter& in, A& a) {
      const auto args = bind_native(in, "norm", a, {{"p", Value(2.0)}, {"dim", Value()}, {"keepdim", Value(false)}});
      return make_tensor(record_undifferentiable(reduce(in, t, Reduce::norm, optional_dim(in, args[1]), in.truthy(args[2]), 1,
                                                        to_float(in, args[0], "p")),
                                                 {t}, "NormBackward1", "Tensor.norm() (write it with ** 2, sum() and ** 0.5)"));
    });
  }
  if (name == "argmax" || name == "argmin") {
    const bool is_max = name == "argmax";
    return method([t, is_max](Interpreter& in, A& a) {
      const auto args = bind_native(in, is_max ? "argmax" : "argmin", a, {{"dim", Value()}, {"keepdim", Value(false)}});
      if (args[0].is_none()) {
        Tensor r = argreduce(t.reshape(Shape{t.numel()}), is_max, 0);
        return make_tensor(r);
      }
      return make_tensor(argreduce(t, is_max, to_int(in, args[0], "dim")));
    });
  }
  // ---- element-wise math ----
  using Fn = float (*)(float);
  static const std::map<std::string, Fn> unary = {
      {"abs", [](float x) { return std::fabs(x); }},   {"exp", [](float x) { return std::exp(x); }},
      {"log", [](float x) { return std::log(x); }},    {"sqrt", [](float x) { return std::sqrt(x); }},
      {"sign", [](float x) { return x > 0 ? 1.0f : (x < 0 ? -1.0f : 0.0f); }},
      {"floor", [](float x) { return std::floor(x); }}, {"ceil", [](float x) { return std::ceil(x); }},
      {"square", [](float x) { return x * x; }},
  };
  if (auto it = unary.find(name); it != unary.end()) {
    const Fn f = it->second;
    return method([t, f, name](Interpreter&, A&) {
      Tensor y = elementwise(t, f);
      if (!autograd::should_record({&t})) return make_tensor(y);
      // PyTorch's derivatives, in float as its kernels compute them.
      if (name == "exp") return make_tensor(record_unary(y, t, "ExpBackward0", [](float, float r) { return r; }));
      if (name == "log") return make_tensor(record_unary(y, t, "LogBackward0", [](float x, float) { return 1.0f / x; }));
      if (name == "sqrt") return make_tensor(record_unary(y, t, "SqrtBackward0", [](float, float r) { return 1.0f / (2.0f * r); }));
      if (name == "abs") return make_tensor(record_unary(y, t, "AbsBackward0", [](float x, float) { return x > 0 ? 1.0f : (x < 0 ? -1.0f : 0.0f); }));
      if (name == "square") return make_tensor(record_unary(y, t, "PowBackward0", [](float x, float) { return 2.0f * x; }));
      // sign, floor, ceil: zero almost everywhere.
      const char* node = name == "sign" ? "SignBackward0" : name == "floor" ? "FloorBackward0" : "CeilBackward0";
      return make_tensor(record_unary(y, t, node, [](float, float) { return 0.0f; }));
    });
  }
  if (name == "pow") {
    return method([self](Interpreter& in, A& a) {
      const auto args = bind_native(in, "pow", a, {{"exponent", std::nullopt}});
      return tensor_binary(in, "**", self, args[0]);
    });
  }
  if (name == "add" || name == "sub" || name == "mul" || name == "div" || name == "matmul") {
    const std::string op = name == "add" ? "+" : name == "sub" ? "-" : name == "mul" ? "*" : name == "div" ? "/" : "@";
    return method([self, op](Interpreter& in, A& a) {
      if (a.positional.size() != 1) in.error("TypeError", "expected one argument");
      return tensor_binary(in, op, self, a.positional[0]);
    });
  }
  if (name == "clamp") {
    return method([t](Interpreter& in, A& a) {
      const auto args = bind_native(in, "clamp", a, {{"min", Value()}, {"max", Value()}});
      const float lo = args[0].is_none() ? -INFINITY : static_cast<float>(to_float(in, args[0], "min"));
      const float hi = args[1].is_none() ? INFINITY : static_cast<float>(to_float(in, args[1], "max"));
      // PyTorch passes the gradient where min <= x <= max.
      return make_tensor(record_unary(elementwise(t, [lo, hi](float x) { return std::min(std::max(x, lo), hi); }), t,
                                      "ClampBackward1", [lo, hi](float x, float) { return x >= lo && x <= hi ? 1.0f : 0.0f; }));
    });
  }
  if (name == "clamp_min" || name == "clamp_max") {
    const bool is_min = name == "clamp_min";
    return method([t, is_min](Interpreter& in, A& a) {
      const auto args = bind_native(in, is_min ? "clamp_min" : "clamp_max", a, {{is_min ? "min" : "max", std::nullopt}});
      const float b = static_cast<float>(to_float(in, args[0], is_min ? "min" : "max"));
      // PyTorch passes the gradient where x >= min (x <= max).
      if (is_min) {
        return make_tensor(record_unary(elementwise(t, [b](float x) { return std::max(x, b); }), t, "ClampMinBackward0",
                                        [b](float x, float) { return x >= b ? 1.0f : 0.0f; }));
      }
      return make_tensor(record_unary(elementwise(t, [b](float x) { return std::min(x, b); }), t, "ClampMaxBackward0",
                                      [b](float x, float) { return x <= b ? 1.0f : 0.0f; }));
    });
  }
  if (name == "relu" || name == "tanh" || name == "sigmoid") {
    return method([t, name](Interpreter& in, A&) {
      mark_line(in);
      return make_tensor(name == "relu" ? F::relu(t) : name == "tanh" ? F::tanh(t) : F::sigmoid(t));
    });
  }
  if (name == "softmax" || name == "log_softmax") {
    const bool log = name == "log_softmax";
    return method([t, log](Interpreter& in, A& a) {
      const auto args = bind_native(in, log ? "log_softmax" : "softmax", a, {{"dim", std::nullopt}});
      mark_line(in);
      const int64_t dim = to_int(in, args[0], "dim");
      if (!log) note_softmax_input(t, dim);
      return make_tensor(log ? F::log_softmax(t, dim) : F::softmax(t, dim));
    });
  }
  if (name == "eq" || name == "ne" || name == "gt" || name == "lt" || name == "ge" || name == "le") {
    const std::string op = name == "eq" ? "==" : name == "ne" ? "!=" : name == "gt" ? ">" : name == "lt" ? "<" : name == "ge" ? ">=" : "<=";
    return method([self, op](Interpreter& in, A& a) { return tensor_binary(in, op, self, a.positional.at(0)); });
  }
  (void)interp;
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------
// the torch namespace

void install_torch_tensors(Interpreter& interp, NamespaceObj& torch) {
  const auto def = [&](const std::string& name, Native fn) { torch.members[name] = make_builtin("torch." + name, std::move(fn)); };
  const auto creator = [&](const std::string& name, std::function<void(Interpreter&, Tensor&, Generator&)> fill) {
    def(name, [name, fill](Interpreter& in, A& a) {
      Value generator, requires_grad(false), dtype;
      for (const auto& [k, v] : a.keywords) {
        if (k == "generator") generator = v;
        else if (k == "requires_grad") requires_grad = v;
        else if (k == "device") require_cpu(in, v);
        else if (k == "dtype") require_supported_dtype(in, v, name), dtype = v;
        else if (k == "layout" || k == "pin_memory") continue;
        else in.error("TypeError", name + "() got an unexpected keyword argument '" + k + "'");
      }
      Tensor t(Shape(size_args(in, a.positional, name)));
      fill(in, t, generator_arg(in, generator));
      // zeros/ones/empty take any dtype; the samplers only float32 (PyTorch's kernel error).
      const DType d = dtype_arg(in, dtype, DType::float32);
      if (d != DType::float32) {
        if (name == "randn" || name == "rand") {
          in.error("RuntimeError", std::string(name == "rand" ? "\"check_uniform_bounds\"" : "\"normal_kernel_cpu\"") +
                                       " not implemented for '" + (d == DType::int64 ? "Long" : "Bool") + "'");
        }
        t.set_dtype(d);
      }
      if (in.truthy(requires_grad)) t.set_requires_grad(true);
      return make_tensor(t);
    });
  };
  creator("randn", [](Interpreter&, Tensor& t, Generator& g) { initlab::normal_(t, 0, 1, g); });
  creator("rand", [](Interpreter&, Tensor& t, Generator& g) { initlab::uniform_(t, 0, 1, g); });
  creator("zeros", [](Interpreter&, Tensor&, Generator&) {});
  creator("empty", [](Interpreter&, Tensor&, Generator&) {});
  creator("ones", [](Interpreter&, Tensor& t, Generator&) { t.fill_(1.0f); });
  def("full", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "full", a, {{"size", std::nullopt}, {"fill_value", std::nullopt}, {"dtype", Value(), true}, {"requires_grad", Value(false), true}});
    Tensor t(Shape(to_ints(in, args[0], "size")));
    t.fill_(static_cast<float>(to_float(in, args[1], "fill_value")));
    if (args[1].is_int()) t.set_dtype(DType::int64);
    return make_tensor(t);
  });
  def("tensor", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "tensor", a, {{"data", std::nullopt}, {"dtype", Value(), true}, {"requires_grad", Value(false), true}, {"device", Value(), true}});
    require_supported_dtype(in, args[1], "tensor");
    require_cpu(in, args[3]);
    std::vector<int64_t> shape;
    std::vector<float> values;
    bool all_int = true;
    const std::optional<Tensor> from_array = tensor_from_numpy_data(in, args[0]);  // torch.tensor(ndarray)
    if (!from_array) flatten_data(in, args[0], 0, shape, values, all_int);
    in.check_list_size(static_cast<int64_t>(values.size()));
    Tensor t = from_array ? *from_array : Tensor::from_vector(Shape(shape), values);
    if (from_array) all_int = t.dtype() != DType::float32;
    // torch.tensor([True, False]) is a bool tensor: every leaf a bool.
    std::function<bool(const Value&)> all_bools = [&](const Value& v) -> bool {
      if (v.is_bool()) return true;
      if (!v.get<ListObj>() && !v.get<TupleObj>()) return false;
      const auto items = in.to_vector(v);
      return !items.empty() && std::all_of(items.begin(), items.end(), all_bools);
    };
    const bool is_bool = from_array ? t.dtype() == DType::boolean : all_bools(args[0]);
    if (auto* d = args[1].get<DtypeObj>()) {
      if (d->name == "int64") t.set_dtype(DType::int64);
    } else if (all_int) {
      t.set_dtype(is_bool ? DType::boolean : DType::int64);
    }
    if (in.truthy(args[2])) {
      if (t.dtype() != DType::float32) in.error("RuntimeError", "Only Tensors of floating point and complex dtype can require gradients");
      t.set_requires_grad(true);
    }
    return make_tensor(t);
  });
  def("arange", [](Interpreter& in, A& a) {
    std::vector<Value> pos = a.positional;
    bool float_dtype = false;
    for (const auto& [k, v] : a.keywords) {
      if (k == "dtype") require_supported_dtype(in, v, "arange");
      if (k == "device") require_cpu(in, v);
      if (k == "dtype") float_dtype = v.get<DtypeObj>() && v.get<DtypeObj>()->name == "float32";
      else if (k == "start" || k == "end" || k == "step") pos.push_back(v);
      else if (k != "device" && k != "requires_grad") in.error("TypeError", "arange() got an unexpected keyword argument '" + k + "'");
    }
    if (pos.empty() || pos.size() > 3) in.error("TypeError", "arange() received an invalid combination of arguments");
    double start = 0, end, step = 1;
    bool ints = true;
    for (const Value& v : pos) ints = ints && (v.is_int() || v.is_bool());
    if (pos.size() == 1) {
      end = to_float(in, pos[0], "end");
    } else {
      start = to_float(in, pos[0], "start");
      end = to_float(in, pos[1], "end");
      if (pos.size() == 3) step = to_float(in, pos[2], "step");
    }
    if (step == 0) in.error("RuntimeError", "step must be nonzero");
    const auto n = static_cast<int64_t>(std::max(0.0, std::ceil((end - start) / step)));
    in.check_list_size(n);
    Tensor t(Shape{n});
    for (int64_t i = 0; i < n; ++i) t.data()[i] = static_cast<float>(start + static_cast<double>(i) * step);
    if (ints && !float_dtype) t.set_dtype(DType::int64);
    return make_tensor(t);
  });
  def("eye", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "eye", a, {{"n", std::nullopt}, {"m", Value()}, {"dtype", Value(), true}, {"requires_grad", Value(false), true}});
    const int64_t n = to_int(in, args[0], "n");
    const int64_t m = args[1].is_none() ? n : to_int(in, args[1], "m");
    Tensor t(Shape{n, m});
    init::eye_(t);
    return make_tensor(t);
  });
  def("manual_seed", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "manual_seed", a, {{"seed", std::nullopt}});
    if (!args[0].is_int() && !args[0].is_bool()) {
      in.error("TypeError", "manual_seed expected a long, but got " + type_name(args[0]));
    }
    default_generator().manual_seed(static_cast<uint64_t>(args[0].as_int()));
    auto g = std::make_shared<GeneratorObj>();
    g->generator = std::shared_ptr<Generator>(&default_generator(), [](Generator*) {});
    return Value(ObjPtr(g));
  });
  def("initial_seed", [](Interpreter&, A&) { return Value(static_cast<int64_t>(default_generator().initial_seed())); });
  def("seed", [](Interpreter& in, A&) -> Value {
    in.error("NotImplementedError", "not supported in initlab: torch.seed() (initlab runs are reproducible; use torch.manual_seed)");
  });
  def("no_grad", [](Interpreter&, A&) { return Value(ObjPtr(std::make_shared<NoGradObj>())); });
  def("equal", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "equal", a, {{"input", std::nullopt}, {"other", std::nullopt}});
    const Tensor x = as_tensor(in, args[0], "equal(): argument 'input'");
    const Tensor y = as_tensor(in, args[1], "equal(): argument 'other'");
    return Value(x.shape() == y.shape() && x.to_vector() == y.to_vector());
  });
  def("allclose", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "allclose", a, {{"input", std::nullopt}, {"other", std::nullopt}, {"rtol", Value(1e-5)}, {"atol", Value(1e-8)}, {"equal_nan", Value(false)}});
    const Tensor x = as_tensor(in, args[0], "allclose(): argument 'input'");
    const Tensor y = as_tensor(in, args[1], "allclose(): argument 'other'");
    const Shape shape = ops::broadcast_shapes(x.shape(), y.shape());
    Tensor u(shape), v(shape);
    u.copy_from(x);
    v.copy_from(y);
    const double rtol = to_float(in, args[2], "rtol"), atol = to_float(in, args[3], "atol");
    for (int64_t i = 0; i < u.numel(); ++i) {
      const double p = static_cast<double>(u.data()[i]), q = static_cast<double>(v.data()[i]);
      if (!(std::fabs(p - q) <= atol + rtol * std::fabs(q))) return Value(false);
    }
    return Value(true);
  });
  def("bernoulli", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "bernoulli", a, {{"input", std::nullopt}, {"p", Value()}, {"generator", Value(), true}});
    return bernoulli_of(in, as_tensor(in, args[0], "bernoulli(): argument 'input'"), args[1], args[2]);
  });
  def("is_grad_enabled", [](Interpreter&, A&) { return Value(autograd::grad_enabled()); });
  def("is_tensor", [](Interpreter&, A& a) { return Value(!a.positional.empty() && a.positional[0].get<TensorObj>() != nullptr); });
  def("numel", [](Interpreter& in, A& a) { return Value(as_tensor(in, a.positional.at(0), "input").numel()); });
  def("flatten", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "flatten", a, {{"input", std::nullopt}, {"start_dim", Value(0)}, {"end_dim", Value(-1)}});
    mark_line(in);
    return make_tensor(F::flatten(as_tensor(in, args[0], "flatten(): argument 'input'"), to_int(in, args[1], "start_dim"), to_int(in, args[2], "end_dim")));
  });
  for (const char* n : {"tanh", "sigmoid", "relu"}) {
    const std::string name = n;
    def(name, [name](Interpreter& in, A& a) {
      const auto args = bind_native(in, name, a, {{"input", std::nullopt}});
      mark_line(in);
      const Tensor x = as_tensor(in, args[0], name + "(): argument 'input'");
      return make_tensor(name == "tanh" ? F::tanh(x) : name == "sigmoid" ? F::sigmoid(x) : F::relu(x));
    });
  }
  def("cat", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "cat", a, {{"tensors", std::nullopt}, {"dim", Value(0)}});
    std::vector<Tensor> ts;
    for (const Value& v : in.to_vector(args[0])) ts.push_back(as_tensor(in, v, "cat(): tensors"));
    mark_line(in);
    return make_tensor(F::cat(ts, to_int(in, args[1], "dim")));
  });
  def("matmul", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "matmul", a, {{"input", std::nullopt}, {"other", std::nullopt}});
    return tensor_binary(in, "@", args[0], args[1]);
  });
  def("mm", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "mm", a, {{"input", std::nullopt}, {"mat2", std::nullopt}});
    return tensor_binary(in, "@", args[0], args[1]);
  });
  for (const char* n : {"add", "sub", "mul", "div"}) {
    const std::string name = n;
    def(name, [name](Interpreter& in, A& a) {
      const auto args = bind_native(in, name, a, {{"input", std::nullopt}, {"other", std::nullopt}});
      const std::string op = name == "add" ? "+" : name == "sub" ? "-" : name == "mul" ? "*" : "/";
      return tensor_binary(in, op, args[0], args[1]);
    });
  }
  for (const char* n : {"mean", "sum", "std", "var", "max", "min", "abs", "exp", "log", "sqrt", "norm", "argmax", "argmin", "softmax", "log_softmax", "clamp"}) {
    const std::string name = n;
    def(name, [name](Interpreter& in, A& a) -> Value {
      if (a.positional.empty()) in.error("TypeError", name + "() missing 1 required positional argument: 'input'");
      const Value self = a.positional[0];
      as_tensor(in, self, name + "(): argument 'input'");
      A rest = a;
      rest.positional.erase(rest.positional.begin());
      return in.call(in.getattr(self, name), rest);
    });
  }
  def("randperm", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "randperm", a, {{"n", std::nullopt}, {"generator", Value(), true}, {"dtype", Value(), true}});
    const int64_t n = to_int(in, args[0], "n");
    in.check_list_size(n);
    const auto perm = initlab::randperm(n, generator_arg(in, args[1]));
    Tensor t(Shape{n});
    for (int64_t i = 0; i < n; ++i) t.data()[i] = static_cast<float>(perm[static_cast<std::size_t>(i)]);
    t.set_dtype(DType::int64);
    return make_tensor(t);
  });
  // dtypes (accepted where PyTorch takes them; initlab computes in float32)
  // float64 and float16 exist so that .to(torch.float64) and dtype=torch.double are refused
  // by name (device_api.cpp) instead of failing on a missing attribute.
  for (const char* n : {"float32", "float", "int64", "long", "bool", "float64", "double", "float16", "half", "bfloat16"}) {
    const std::string s = n;
    torch.members[n] = dtype_value(s == "float" ? "float32" : s == "long" ? "int64" : s == "double" ? "float64" : s == "half" ? "float16" : s);
  }
  torch.members["__version__"] = Value("1.13.1 (initlab)");
  install_torch_shape(torch);
  install_torch_math(torch);
  install_torch_random(torch);
  (void)interp;
}

}  // namespace initlab::script
