// Tensor's in-place methods (add_, mul_, clamp_, relu_, fill_, copy_, normal_, ...) and
// x[index] = v, with PyTorch's autograd rules: every write bumps the storage's version
// counter (Tensor._version), which saved tensors check at backward; a leaf that requires grad
// (or a view of one) is refused; a write into a recorded tensor is recorded as the
// out-of-place op whose node becomes the tensor's grad_fn (autograd::rebase_history).
#include <cmath>
#include <map>

#include "bindings.hpp"
#include "initlab/autograd.hpp"
#include "initlab/error.hpp"
#include "initlab/nn/ops.hpp"
#include "initlab/init.hpp"
#include "initlab/sampling.hpp"
#include "native_args.hpp"
#include "torch_api_ext.hpp"

namespace initlab::script {

namespace {

using A = CallArgs;

Tensor& tensor_of(const Value& v) { return v.get<TensorObj>()->tensor; }

// PyTorch's checks before a write into self (of src, when given), then the version bump.
// Returns whether the write is to be recorded.
bool check_inplace(const Value& self, const Value* src) {
  auto* t = self.get<TensorObj>();
  if (!t) return false;
  auto* s = src ? src->get<TensorObj>() : nullptr;
  const bool record = autograd::check_inplace(t->tensor, s && s->tensor.requires_grad());
  t->tensor.bump_version();
  return record;
}

// Writes `result` (the op computed out of place from self's current values) into self:
// recorded, self's history is rebased onto result's node.
Value write_result(const Value& self, const Value& result) {
  Tensor& target = tensor_of(self);
  const Tensor& r = tensor_of(result);
  if (r.has_grad_fn() && autograd::grad_enabled()) {
    autograd::rebase_history(target, r);
  } else {
    if (r.shape() != target.shape() && ops::broadcast_shapes(target.shape(), r.shape()) != target.shape()) {
      raise(ErrorKind::RuntimeError, "output with shape " + target.shape().to_string() +
                                         " doesn't match the broadcast shape " + r.shape().to_string());
    }
    target.copy_from(r);
  }
  return self;
}

// A recorded in-place op with no out-of-place form to borrow a node from (fill_, zero_,
// copy_): `values` are the new contents; `name` PyTorch's node; src (may be undefined) gets
// the gradient of the positions it filled, summed back to its shape.
Value record_write(const Value& self, Tensor values, const Tensor& src, const char* name) {
  const Tensor target = tensor_of(self);
  std::vector<Tensor> inputs{target};
  if (src.defined()) inputs.push_back(src);
  const Tensor r = record_op(values, inputs, name, [](const Tensor& gy, const std::vector<Tensor>& in) {
    std::vector<Tensor> g{Tensor(in[0].shape())};
    if (in.size() > 1) g.push_back(autograd::sum_to(gy.contiguous(), in[1].shape()));
    return g;
  });
  return write_result(self, make_tensor(r));
}

// add_(other, alpha=k) and sub_: the out-of-place form takes other * k.
CallArgs scaled_other(Interpreter& in, const std::string& name, A& a) {
  const auto args = bind_native(in, name, a, {{"other", std::nullopt}, {"alpha", Value(1)}});
  CallArgs call;
  call.where = a.where;
  call.positional.push_back(args[1].is_number() && args[1].as_float() != 1.0 ? in.binary("*", args[0], args[1]) : args[0]);
  return call;
}

}  // namespace

void check_inplace_write(Interpreter&, const Value& self, const Value* src) {
  if (check_inplace(self, src)) {
    raise(ErrorKind::NotImplementedError,
          "not supported in initlab: this in-place write into a tensor that autograd recorded");
  }
}

Value inplace_via(const Value& self, const Value* src, const std::function<Value()>& out_of_place) {
  check_inplace(self, src);
  return write_result(self, out_of_place());
}

void set_subscript_recorded(Interpreter& in, const Value& tensor, const Value& index, const Value& v,
                            const std::function<Tensor(const Tensor&)>& view) {
  auto* s = v.get<TensorObj>();
  if (!check_inplace(tensor, &v)) {
    Tensor dst = view(tensor_of(tensor));
    if (s) dst.copy_from(s->tensor);
    else dst.fill_(static_cast<float>(to_float(in, v, "assigned value")));
    return;
  }
  // PyTorch's CopySlices: the old values' gradient is zero where the write went, the
  // written value's is the gradient there.
  Tensor values = tensor_of(tensor).detach().clone();
  if (s) view(values).copy_from(s->tensor);
  else view(values).fill_(static_cast<float>(to_float(in, v, "assigned value")));
  std::vector<Tensor> inputs{tensor_of(tensor)};
  if (s) inputs.push_back(s->tensor);
  (void)index;
  const Tensor r = record_op(values, inputs, "CopySlices", [view](const Tensor& gy, const std::vector<Tensor>& ins) {
    std::vector<Tensor> g{gy.contiguous().clone()};
    view(g[0]).fill_(0.0f);
    if (ins.size() > 1) g.push_back(autograd::sum_to(view(gy.contiguous()).contiguous(), ins[1].shape()));
    return g;
  });
  write_result(tensor, make_tensor(r));
}

std::optional<Value> tensor_inplace_method(Interpreter&, const Value& self, const std::string& name) {
  const auto method = [&](Native fn) { return std::optional<Value>(make_builtin("Tensor." + name, std::move(fn))); };
  Value keep = self;
  // Written from the sampler straight into self; refused on a recorded tensor.
  const auto sampler = [&](std::function<void(Interpreter&, A&, Tensor&)> fn) {
    return method([keep, fn, name](Interpreter& in, A& a) {
      if (check_inplace(keep, nullptr)) {
        in.error("NotImplementedError", "not supported in initlab: " + name + " on a tensor that autograd recorded (call it under torch.no_grad() or on a leaf)");
      }
      Tensor target = tensor_of(keep);
      fn(in, a, target);
      return keep;
    });
  };
  if (name == "normal_") {
    return sampler([](Interpreter& in, A& a, Tensor& dst) {
      const auto args = bind_native(in, "normal_", a, {{"mean", Value(0.0)}, {"std", Value(1.0)}, {"generator", Value(), true}});
      initlab::normal_(dst, to_float(in, args[0], "mean"), to_float(in, args[1], "std"), generator_arg(in, args[2]));
    });
  }
  if (name == "uniform_") {
    return sampler([](Interpreter& in, A& a, Tensor& dst) {
      const auto args = bind_native(in, "uniform_", a, {{"from", Value(0.0)}, {"to", Value(1.0)}, {"generator", Value(), true}});
      initlab::uniform_(dst, to_float(in, args[0], "from"), to_float(in, args[1], "to"), generator_arg(in, args[2]));
    });
  }
  if (name == "bernoulli_") {
    // A probability tensor that requires grad is only read.
    return sampler([](Interpreter& in, A& a, Tensor& dst) {
      const auto args = bind_native(in, "bernoulli_", a, {{"p", Value(0.5)}, {"generator", Value(), true}});
      Generator& gen = generator_arg(in, args[1]);
      if (auto* probs = args[0].get<TensorObj>()) initlab::bernoulli_(dst, probs->tensor.detach(), gen);
      else initlab::bernoulli_(dst, to_float(in, args[0], "p"), gen);
    });
  }
  if (name == "fill_" || name == "zero_") {
    const bool zero = name == "zero_";
    return method([keep, zero](Interpreter& in, A& a) {
      float v = 0.0f;
      if (!zero) v = static_cast<float>(to_float(in, bind_native(in, "fill_", a, {{"value", std::nullopt}})[0], "value"));
      if (!check_inplace(keep, nullptr)) {
        tensor_of(keep).fill_(v);
        return keep;
      }
      return record_write(keep, Tensor::full(tensor_of(keep).shape(), v), Tensor(), zero ? "ZeroBackward0" : "FillBackward2");
    });
  }
  if (name == "copy_") {
    return method([keep](Interpreter& in, A& a) {
      const auto args = bind_native(in, "copy_", a, {{"src", std::nullopt}, {"non_blocking", Value(false)}});
      const Tensor src = tensor_value(in, args[0], "copy_(): argument 'src'");
      if (!check_inplace(keep, &args[0])) {
        tensor_of(keep).copy_from(src);
        return keep;
      }
      Tensor values(tensor_of(keep).shape());
      values.copy_from(src);
      return record_write(keep, values, src.requires_grad() ? src : Tensor(), "CopyBackwards");
    });
  }
  // The ops with an out-of-place form: computed by it (recorded under its node), then written.
  static const std::map<std::string, std::string> out_of_place = {
      {"add_", "add"},         {"sub_", "sub"},         {"mul_", "mul"},     {"div_", "div"},
      {"clamp_", "clamp"},     {"clamp_min_", "clamp_min"}, {"clamp_max_", "clamp_max"},
      {"relu_", "relu"},       {"pow_", "pow"},         {"exp_", "exp"},     {"tanh_", "tanh"},
      {"sigmoid_", "sigmoid"}, {"abs_", "abs"},         {"sqrt_", "sqrt"},   {"log_", "log"},
      {"sin_", "sin"},         {"cos_", "cos"},         {"square_", "square"}, {"rsqrt_", "rsqrt"},
      {"floor_", "floor"},     {"ceil_", "ceil"},       {"sign_", "sign"},   {"erf_", "erf"},
  };
  if (name == "neg_") {
    return method([keep](Interpreter& in, A&) { return inplace_via(keep, nullptr, [&] { return tensor_unary(in, "-", keep); }); });
  }
  if (auto it = out_of_place.find(name); it != out_of_place.end()) {
    const std::string base = it->second;
    return method([keep, base](Interpreter& in, A& a) {
      const Value* src = a.positional.empty() ? nullptr : &a.positional[0];
      return inplace_via(keep, src, [&] {
        if (base == "add" || base == "sub") {
          A call = scaled_other(in, base + "_", a);
          return in.call_method(keep, base, call);
        }
        return in.call_method(keep, base, a);
      });
    });
  }
  return std::nullopt;
}

}  // namespace initlab::script
