// Training in scripts: grad_fn names as PyTorch prints them, the recorded tensor ops the core
// has no op for (views from indexing, sum/mean, pow, neg, clone, exp/log/sqrt/abs), the
// losses (F.* and nn.*Loss modules) and torch.optim.SGD / Adam / Adadelta bound to initlab::optim.
#include <cctype>
#include <cmath>
#include <memory>

#include "bindings.hpp"
#include "initlab/autograd.hpp"
#include "initlab/error.hpp"
#include "initlab/nn/functional.hpp"
#include "initlab/optim.hpp"
#include "native_args.hpp"

namespace initlab::script {

namespace {

using A = CallArgs;

// The gradient of a view (select, slice, transpose, unsqueeze...): zeros of the input's
// shape with the output's gradient written through the same view. The views replayed here
// never overlap themselves, so every element receives at most one value.
class ViewNode : public autograd::Node {
 public:
  ViewNode(const char* name, std::function<Tensor(const Tensor&)> view) : name_(name), view_(std::move(view)) {}
  const char* name() const override { return name_; }
  void save_for_backward(const Tensor& y) override { is_view_ = y.shares_storage_with(inputs[0]); }
  bool is_view() const override { return is_view_; }
  std::vector<Tensor> backward(const Tensor& gy) override {
    Tensor g(inputs[0].shape());
    view_(g).copy_from(gy);
    return {g};
  }

 private:
  const char* name_;
  std::function<Tensor(const Tensor&)> view_;
  bool is_view_ = false;
};

// Element-wise y = f(x) with dy/dx given from x, y: the gradient is gy * d(x, y).
class UnaryNode : public autograd::Node {
 public:
  UnaryNode(const char* name, Tensor y, std::function<float(float, float)> d)
      : name_(name), y_(std::move(y)), d_(std::move(d)) {}
  const char* name() const override { return name_; }
  // The nodes whose derivative is a function of the result (PyTorch saves the result; d
  // ignores x there) save y; those with a constant derivative nothing; the others x (their
  // d reads only x).
  void save_for_backward(const Tensor& y) override {
    static const char* const constant[] = {"NegBackward0", "SignBackward0", "FloorBackward0", "CeilBackward0", "CloneBackward0", "BernoulliBackward0"};
    for (const char* n : constant)
      if (std::string(n) == name_) return;
    static const char* const result_saving[] = {"ExpBackward0", "TanhBackward0", "SigmoidBackward0", "SqrtBackward0", "RsqrtBackward0", "ReluBackward0"};
    for (const char* n : result_saving) {
      if (std::string(n) == name_) {
        save_output(y);
        result_only_ = true;
        return;
      }
    }
    save_input(0);
  }
  std::vector<Tensor> backward(const Tensor& gy_in) override {
    const Tensor y = y_.contiguous(), gy = gy_in.contiguous();
    const Tensor x = result_only_ ? y : inputs[0].contiguous();
    Tensor g = Tensor::uninitialized(x.shape());
    for (int64_t i = 0; i < x.numel(); ++i) g.data()[i] = gy.data()[i] * d_(x.data()[i], y.data()[i]);
    return {g};
  }

 private:
  const char* name_;
  Tensor y_;
  std::function<float(float, float)> d_;
  bool result_only_ = false;
};

// sum / mean over everything or one dim: the gradient broadcast back (divided by the count
// for a mean).
class ReduceNode : public autograd::Node {
 public:
  ReduceNode(const char* name, std::optional<int64_t> dim, bool keepdim, double divisor)
      : name_(name), dim_(dim), keepdim_(keepdim), divisor_(divisor) {}
  const char* name() const override { return name_; }
  void save_for_backward(const Tensor&) override {}  // shapes only
  std::vector<Tensor> backward(const Tensor& gy) override {
    Tensor g = gy;
    if (dim_ && !keepdim_ && inputs[0].dim() > 0) g = g.unsqueeze(*dim_);
    Tensor out(inputs[0].shape());
    out.copy_from(g);
    if (divisor_ != 1.0) {
      const auto d = static_cast<float>(divisor_);
      out.for_each_in_memory_order([d](float& v) { v /= d; });
    }
    return {out};
  }

 private:
  const char* name_;
  std::optional<int64_t> dim_;
  bool keepdim_;
  double divisor_;
};

// What initlab cannot differentiate yet: the result carries PyTorch's node name (so it prints
// as PyTorch prints it, and .item() and statistics work), and a backward pass that reaches
// it stops with NotImplementedError naming the op, never with a silently wrong gradient.
class UndifferentiableNode : public autograd::Node {
 public:
  UndifferentiableNode(const char* name, std::string what) : name_(name), what_(std::move(what)) {}
  const char* name() const override { return name_; }
  std::vector<Tensor> backward(const Tensor&) override {
    raise(ErrorKind::NotImplementedError, "not supported in initlab: gradients through " + what_);
  }

 private:
  const char* name_;
  std::string what_;
};

bool ends_with_digit(const std::string& s) { return !s.empty() && s.back() >= '0' && s.back() <= '9'; }

}  // namespace

namespace {

std::string node_name_of(const autograd::Node& node, const Shape& shape);
// The engine's messages (a saved tensor modified in place) name nodes as grad_fn prints them.
const bool namer_installed = (autograd::set_node_namer(&node_name_of), true);

}  // namespace

std::string grad_fn_name(const Tensor& t) { return node_name_of(*t.autograd_meta()->grad_fn, t.shape()); }

namespace {

std::string node_name_of(const autograd::Node& node, const Shape& shape) {
  (void)namer_installed;
  const std::string n = node.name();
  if (ends_with_digit(n)) return n;  // the script's own nodes carry PyTorch's full name
  const auto& in = node.inputs;
  if (n == "LinearBackward") {  // PyTorch's linear is addmm, mm, or a view of them
    const bool bias = in.size() > 2 && in[2].defined();
    if (in[0].dim() == 2) return bias ? "AddmmBackward0" : "MmBackward0";
    if (in[0].dim() == 1) return bias ? "AddBackward0" : "SqueezeBackward3";
    return bias ? "ViewBackward0" : "UnsafeViewBackward0";
  }
  if (n == "MmBackward") {  // matmul
    const int64_t a = in[0].dim(), b = in[1].dim();
    if (a == 2 && b == 2) return "MmBackward0";
    if (a == 2 && b == 1) return "MvBackward0";
    if (a == 1 && b == 2) return "SqueezeBackward3";
    if (a == 1 && b == 1) return "DotBackward0";
    return "UnsafeViewBackward0";
  }
  const int rank = shape.size();
  if (n == "AdaptiveAvgPool2DBackward" && rank >= 2 && shape[rank - 1] == 1 && shape[rank - 2] == 1) return "MeanBackward1";
  // Training-mode dropout is a noise multiply (alpha dropout adds b after it), except p = 1,
  // which multiplies by a zero tensor.
  if (n == "DropoutBackward") return "MulBackward0";
  if (n == "AlphaDropoutBackward") return "AddBackward0";
  if (n == "RsubBackward") return "RsubBackward1";
  // A Python autograd.Function's node (full backward hooks): no overload suffix in PyTorch.
  if (n == "BackwardHookFunctionBackward" || n == "CopySlices" || n == "CopyBackwards") return n;
  return n + "0";
}

}  // namespace

Tensor record_view(const Tensor& y, const Tensor& x, const char* name, std::function<Tensor(const Tensor&)> view) {
  if (!autograd::should_record({&x})) return y;
  return autograd::record(y, std::make_shared<ViewNode>(name, std::move(view)), {x});
}

Tensor record_unary(const Tensor& y, const Tensor& x, const char* name, std::function<float(float, float)> d) {
  if (!autograd::should_record({&x})) return y;
  return autograd::record(y, std::make_shared<UnaryNode>(name, y.detach(), std::move(d)), {x});
}

Tensor record_reduce(const Tensor& y, const Tensor& x, bool mean, std::optional<int64_t> dim, bool keepdim) {
  if (!autograd::should_record({&x})) return y;
  std::optional<int64_t> d;
  if (dim) d = ops::wrap_dim(*dim, std::max<int64_t>(x.dim(), 1));
  const double divisor = mean ? static_cast<double>(d && x.dim() > 0 ? x.size(*d) : x.numel()) : 1.0;
  const char* name = mean ? (dim ? "MeanBackward1" : "MeanBackward0") : (dim ? "SumBackward1" : "SumBackward0");
  return autograd::record(y, std::make_shared<ReduceNode>(name, d, keepdim, divisor), {x});
}

Tensor record_undifferentiable(const Tensor& y, const std::vector<Tensor>& inputs, const char* name,
                               const std::string& what) {
  if (!autograd::should_record(inputs)) return y;
  return autograd::record(y, std::make_shared<UndifferentiableNode>(name, what), inputs);
}

// ---------------------------------------------------------------------------------------
// losses

namespace {

ops::Reduction reduction_of(Interpreter& in, const Value& v) {
  const std::string r = to_str(in, v, "reduction");
  if (r == "mean") return ops::Reduction::mean;
  if (r == "sum") return ops::Reduction::sum;
  if (r == "none") return ops::Reduction::none;
  in.error("ValueError", r + " is not a valid value for reduction");
}

Tensor tensor_arg(Interpreter& in, const Value& v, const std::string& fn, const std::string& arg) {
  if (auto* t = v.get<TensorObj>()) return t->tensor;
  in.error("TypeError", fn + "(): argument '" + arg + "' (position " + (arg == "input" ? "1" : "2") +
                            ") must be Tensor, not " + type_name(v));
}

void unsupported_weight(Interpreter& in, const Value& weight, const Value* label_smoothing) {
  if (!weight.is_none()) in.error("NotImplementedError", "not supported in initlab: class weights in a loss (weight=)");
  if (label_smoothing && to_float(in, *label_smoothing, "label_smoothing") != 0.0) {
    in.error("NotImplementedError", "not supported in initlab: label_smoothing");
  }
}

// What a loss takes besides input, target and reduction.
struct LossExtras {
  int64_t ignore_index = -100;
  Tensor weight;      // binary_cross_entropy's (undefined: none)
  double beta = 1.0;  // smooth_l1_loss's
};

// A loss ("cross_entropy", "nll_loss", "mse_loss", "binary_cross_entropy", "smooth_l1_loss")
// on bound arguments: F.<loss> and the nn.<Loss> modules both end here.
Value call_loss(Interpreter& in, const std::string& name, const Value& input, const Value& target,
                ops::Reduction reduction, const LossExtras& extras) {
  const int64_t ignore_index = extras.ignore_index;
  const Tensor x = tensor_arg(in, input, name, "input");
  const Tensor y = tensor_arg(in, target, name, "target");
  nn::set_source_line(in.location().line);
  if (name == "cross_entropy") {
    if (y.dtype() != DType::int64) {
      in.error("NotImplementedError", "not supported in initlab: cross_entropy with probability targets (pass class indices, an int64 tensor)");
    }
    return make_tensor(F::cross_entropy(x, y, reduction, ignore_index));
  }
  if (name == "nll_loss") return make_tensor(F::nll_loss(x, y, reduction, ignore_index));
  if (y.requires_grad() && autograd::grad_enabled()) {
    in.error("NotImplementedError", "not supported in initlab: gradients with respect to the target of " + name + " (pass target.detach())");
  }
  if (name == "binary_cross_entropy") return make_tensor(F::binary_cross_entropy(x, y.detach(), extras.weight, reduction));
  if (name == "smooth_l1_loss") return make_tensor(F::smooth_l1_loss(x, y.detach(), reduction, extras.beta));
  return make_tensor(F::mse_loss(x, y, reduction));
}

// nn.CrossEntropyLoss() and friends: modules without parameters whose call computes the loss
// (not reported to the probe as a model call, and not a candidate for the probed model).
class LossModule : public nn::Module {
 public:
  LossModule(const std::string& type, std::string f, ops::Reduction r, LossExtras e)
      : nn::Module(type), fn(std::move(f)), reduction(r), extras(std::move(e)) {
    // BCELoss(weight=w) keeps w as its buffer 'weight' (in state_dict), as PyTorch's does.
    if (extras.weight.defined()) register_buffer("weight", extras.weight);
  }
  std::string fn;
  ops::Reduction reduction;
  LossExtras extras;
};

}  // namespace

std::optional<Value> call_loss_module(Interpreter& in, const nn::ModulePtr& m, CallArgs& args) {
  auto* loss = dynamic_cast<LossModule*>(m.get());
  if (!loss) return std::nullopt;
  const auto a = bind_native(in, "forward", args, {{"input", std::nullopt}, {"target", std::nullopt}});
  return call_loss(in, loss->fn, a[0], a[1], loss->reduction, loss->extras);
}

void install_losses(Interpreter& interp, NamespaceObj& nn_ns, NamespaceObj& F_ns) {
  (void)interp;
  F_ns.members["cross_entropy"] = make_builtin("torch.nn.functional.cross_entropy", [](Interpreter& in, A& a) {
    const auto p = bind_native(in, "cross_entropy", a,
                               {{"input", std::nullopt}, {"target", std::nullopt}, {"weight", Value()}, {"size_average", Value()},
                                {"ignore_index", Value(-100)}, {"reduce", Value()}, {"reduction", Value("mean")}, {"label_smoothing", Value(0.0)}});
    unsupported_weight(in, p[2], &p[7]);
    LossExtras e;
    e.ignore_index = to_int(in, p[4], "ignore_index");
    return call_loss(in, "cross_entropy", p[0], p[1], reduction_of(in, p[6]), e);
  });
  F_ns.members["nll_loss"] = make_builtin("torch.nn.functional.nll_loss", [](Interpreter& in, A& a) {
    const auto p = bind_native(in, "nll_loss", a,
                               {{"input", std::nullopt}, {"target", std::nullopt}, {"weight", Value()}, {"size_average", Value()},
                                {"ignore_index", Value(-100)}, {"reduce", Value()}, {"reduction", Value("mean")}});
    unsupported_weight(in, p[2], nullptr);
    LossExtras e;
    e.ignore_index = to_int(in, p[4], "ignore_index");
    return call_loss(in, "nll_loss", p[0], p[1], reduction_of(in, p[6]), e);
  });
  F_ns.members["mse_loss"] = make_builtin("torch.nn.functional.mse_loss", [](Interpreter& in, A& a) {
    const auto p = bind_native(in, "mse_loss", a,
                               {{"input", std::nullopt}, {"target", std::nullopt}, {"size_average", Value()}, {"reduce", Value()}, {"reduction", Value("mean")}});
    return call_loss(in, "mse_loss", p[0], p[1], reduction_of(in, p[4]), LossExtras{});
  });
  F_ns.members["binary_cross_entropy"] = make_builtin("torch.nn.functional.binary_cross_entropy", [](Interpreter& in, A& a) {
    const auto p = bind_native(in, "binary_cross_entropy", a,
                               {{"input", std::nullopt}, {"target", std::nullopt}, {"weight", Value()}, {"size_average", Value()},
                                {"reduce", Value()}, {"reduction", Value("mean")}});
    LossExtras e;
    if (!p[2].is_none()) e.weight = tensor_arg(in, p[2], "binary_cross_entropy", "weight");
    return call_loss(in, "binary_cross_entropy", p[0], p[1], reduction_of(in, p[5]), e);
  });
  F_ns.members["smooth_l1_loss"] = make_builtin("torch.nn.functional.smooth_l1_loss", [](Interpreter& in, A& a) {
    const auto p = bind_native(in, "smooth_l1_loss", a,
                               {{"input", std::nullopt}, {"target", std::nullopt}, {"size_average", Value()}, {"reduce", Value()},
                                {"reduction", Value("mean")}, {"beta", Value(1.0)}});
    LossExtras e;
    e.beta = to_float(in, p[5], "beta");
    return call_loss(in, "smooth_l1_loss", p[0], p[1], reduction_of(in, p[4]), e);
  });
  const auto loss_class = [&](const std::string& cls, const std::string& fn, std::vector<ParamSpec> params) {
    auto c = std::make_shared<NativeClassObj>();
    c->name = cls;
    c->qualified = "torch.nn.modules.loss." + cls;
    c->construct = [cls, fn, params](Interpreter& in, A& a) -> Value {
      const auto p = bind_native(in, "__init__", a, params);
      LossExtras e;
      ops::Reduction reduction = ops::Reduction::mean;
      for (std::size_t i = 0; i < params.size(); ++i) {
        const std::string k = params[i].name;
        if (k == "weight" && fn == "binary_cross_entropy") {
          if (!p[i].is_none()) e.weight = tensor_arg(in, p[i], cls, "weight");
        } else if (k == "weight") {
          unsupported_weight(in, p[i], nullptr);
        }
        if (k == "label_smoothing") unsupported_weight(in, Value(), &p[i]);
        if (k == "ignore_index") e.ignore_index = to_int(in, p[i], "ignore_index");
        if (k == "beta") e.beta = to_float(in, p[i], "beta");
        if (k == "reduction") reduction = reduction_of(in, p[i]);
      }
      auto o = std::make_shared<ModuleObj>();
      o->module = std::make_shared<LossModule>(cls, fn, reduction, e);
      // The constructor's settings, as PyTorch's loss modules keep them (crit.reduction).
      auto& attrs = in.module_attrs()[o->module.get()];
      for (std::size_t i = 0; i < params.size(); ++i) {
        const std::string k = params[i].name;
        if (k == "reduction" || k == "ignore_index" || k == "beta" || k == "label_smoothing") attrs[k] = p[i];
      }
      return Value(ObjPtr(o));
    };
    c->is_instance = [cls](const Value& v) {
      auto* m = v.get<ModuleObj>();
      return m && dynamic_cast<LossModule*>(m->module.get()) && m->module->type_name() == cls;
    };
    nn_ns.members[cls] = Value(ObjPtr(c));
  };
  loss_class("CrossEntropyLoss", "cross_entropy",
             {{"weight", Value()}, {"size_average", Value()}, {"ignore_index", Value(-100)}, {"reduce", Value()},
              {"reduction", Value("mean")}, {"label_smoothing", Value(0.0)}});
  loss_class("NLLLoss", "nll_loss",
             {{"weight", Value()}, {"size_average", Value()}, {"ignore_index", Value(-100)}, {"reduce", Value()}, {"reduction", Value("mean")}});
  loss_class("MSELoss", "mse_loss", {{"size_average", Value()}, {"reduce", Value()}, {"reduction", Value("mean")}});
  loss_class("BCELoss", "binary_cross_entropy",
             {{"weight", Value()}, {"size_average", Value()}, {"reduce", Value()}, {"reduction", Value("mean")}});
  loss_class("SmoothL1Loss", "smooth_l1_loss",
             {{"size_average", Value()}, {"reduce", Value()}, {"reduction", Value("mean")}, {"beta", Value(1.0)}});
}

// ---------------------------------------------------------------------------------------
// torch.optim

namespace {

std::vector<Tensor> optimizer_params(Interpreter& in, const Value& params) {
  if (params.get<TensorObj>()) {
    in.error("TypeError", "params argument given to the optimizer should be an iterable of Tensors or dicts, but got torch.FloatTensor");
  }
  std::vector<Tensor> out;
  for (const Value& v : in.to_vector(params)) {
    if (v.get<DictObj>()) in.error("NotImplementedError", "not supported in initlab: parameter groups (pass model.parameters())");
    auto* t = v.get<TensorObj>();
    if (!t) in.error("TypeError", "optimizer can only optimize Tensors, but one of the params is " + type_name(v));
    if (t->tensor.has_grad_fn()) in.error("ValueError", "can't optimize a non-leaf Tensor");
    // The optimizer and the script share the handle's autograd record (where .grad lives);
    // set_grad gives a handle that has none its record.
    if (!t->tensor.autograd_meta()) t->tensor.set_grad(Tensor());
    out.push_back(t->tensor);
  }
  if (out.empty()) in.error("ValueError", "optimizer got an empty parameter list");
  return out;
}

Value make_optimizer(Interpreter& in, const std::string& type, std::shared_ptr<optim::Optimizer> opt,
                     std::vector<std::pair<std::string, std::string>> settings) {
  auto o = std::make_shared<NativeObj>();
  o->type = type;
  o->members["zero_grad"] = make_builtin(type + ".zero_grad", [opt](Interpreter& in2, A& a) {
    const auto p = bind_native(in2, "zero_grad", a, {{"set_to_none", Value(false)}});
    opt->zero_grad(in2.truthy(p[0]));
    return Value();
  });
  o->members["step"] = make_builtin(type + ".step", [opt](Interpreter& in2, A& a) {
    const auto p = bind_native(in2, "step", a, {{"closure", Value()}});
    if (!p[0].is_none()) in2.error("NotImplementedError", "not supported in initlab: step(closure)");
    autograd::NoGrad no_grad;  // PyTorch's step runs under torch.no_grad()
    opt->step();
    return Value();
  });
  o->attribute = [](Interpreter& in2, const std::string& name) -> std::optional<Value> {
    if (name == "param_groups" || name == "state" || name == "state_dict" || name == "load_state_dict" || name == "add_param_group" || name == "defaults") {
      in2.error("NotImplementedError", "not supported in initlab: optimizer." + name +
                                           (name == "param_groups" ? " (the learning rate is fixed when the optimizer is made)" : ""));
    }
    return std::nullopt;
  };
  // PyTorch's Optimizer.__repr__.
  o->repr = [type, settings]() {
    std::string s = type + " (\nParameter Group 0\n";
    for (const auto& [k, v] : settings) s += "    " + k + ": " + v + "\n";
    return s + ")";
  };
  (void)in;
  return Value(ObjPtr(o));
}

}  // namespace

void install_optim(Interpreter& interp, NamespaceObj& torch) {
  auto optim_ns = std::make_shared<NamespaceObj>();
  optim_ns->name = "torch.optim";
  const auto optimizer_class = [&](const std::string& name, Native construct) {
    auto c = std::make_shared<NativeClassObj>();
    c->name = name;
    std::string file = name;  // torch.optim.sgd.SGD, torch.optim.adadelta.Adadelta
    for (char& ch : file) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    c->qualified = "torch.optim." + file + "." + name;
    c->construct = std::move(construct);
    c->is_instance = [name](const Value& v) { return v.get<NativeObj>() && v.get<NativeObj>()->type == name; };
    optim_ns->members[name] = Value(ObjPtr(c));
  };
  optimizer_class("SGD", [](Interpreter& in, A& a) -> Value {
    const auto p = bind_native(in, "SGD", a,
                               {{"params", std::nullopt}, {"lr", Value()}, {"momentum", Value(0)}, {"dampening", Value(0)},
                                {"weight_decay", Value(0)}, {"nesterov", Value(false)}, {"maximize", Value(false), true},
                                {"foreach", Value(), true}, {"differentiable", Value(false), true}});
    if (p[1].is_none()) in.error("ValueError", "parameter group didn't specify a value of required optimization parameter lr");
    optim::SGDOptions o;
    o.lr = to_float(in, p[1], "lr");
    o.momentum = to_float(in, p[2], "momentum");
    o.dampening = to_float(in, p[3], "dampening");
    o.weight_decay = to_float(in, p[4], "weight_decay");
    o.nesterov = in.truthy(p[5]);
    if (o.lr < 0) in.error("ValueError", "Invalid learning rate: " + in.repr(p[1]));
    if (o.momentum < 0) in.error("ValueError", "Invalid momentum value: " + in.repr(p[2]));
    if (o.weight_decay < 0) in.error("ValueError", "Invalid weight_decay value: " + in.repr(p[4]));
    if (o.nesterov && (o.momentum <= 0 || o.dampening != 0)) in.error("ValueError", "Nesterov momentum requires a momentum and zero dampening");
    if (in.truthy(p[6])) in.error("NotImplementedError", "not supported in initlab: maximize=True");
    auto opt = std::make_shared<optim::SGD>(optimizer_params(in, p[0]), o);
    return make_optimizer(in, "SGD", opt,
                          {{"dampening", in.repr(p[3])}, {"differentiable", in.repr(p[8])}, {"foreach", in.repr(p[7])},
                           {"lr", in.repr(p[1])}, {"maximize", in.repr(p[6])}, {"momentum", in.repr(p[2])},
                           {"nesterov", in.repr(p[5])}, {"weight_decay", in.repr(p[4])}});
  });
  optimizer_class("Adam", [](Interpreter& in, A& a) -> Value {
    const auto p = bind_native(in, "Adam", a,
                               {{"params", std::nullopt}, {"lr", Value(1e-3)}, {"betas", make_tuple({Value(0.9), Value(0.999)})},
                                {"eps", Value(1e-8)}, {"weight_decay", Value(0)}, {"amsgrad", Value(false)},
                                {"foreach", Value(), true}, {"maximize", Value(false), true}, {"capturable", Value(false), true},
                                {"differentiable", Value(false), true}, {"fused", Value(false), true}});
    optim::AdamOptions o;
    o.lr = to_float(in, p[1], "lr");
    const std::vector<Value> betas = in.to_vector(p[2]);
    if (betas.size() != 2) in.error("ValueError", "betas must be a pair of floats");
    o.beta1 = to_float(in, betas[0], "betas");
    o.beta2 = to_float(in, betas[1], "betas");
    o.eps = to_float(in, p[3], "eps");
    o.weight_decay = to_float(in, p[4], "weight_decay");
    o.amsgrad = in.truthy(p[5]);
    if (o.lr < 0) in.error("ValueError", "Invalid learning rate: " + in.repr(p[1]));
    if (o.eps < 0) in.error("ValueError", "Invalid epsilon value: " + in.repr(p[3]));
    if (o.beta1 < 0 || o.beta1 >= 1) in.error("ValueError", "Invalid beta parameter at index 0: " + in.repr(betas[0]));
    if (o.beta2 < 0 || o.beta2 >= 1) in.error("ValueError", "Invalid beta parameter at index 1: " + in.repr(betas[1]));
    if (o.weight_decay < 0) in.error("ValueError", "Invalid weight_decay value: " + in.repr(p[4]));
    if (in.truthy(p[7])) in.error("NotImplementedError", "not supported in initlab: maximize=True");
    auto opt = std::make_shared<optim::Adam>(optimizer_params(in, p[0]), o);
    return make_optimizer(in, "Adam", opt,
                          {{"amsgrad", in.repr(p[5])}, {"betas", in.repr(p[2])}, {"capturable", in.repr(p[8])},
                           {"differentiable", in.repr(p[9])}, {"eps", in.repr(p[3])}, {"foreach", in.repr(p[6])},
                           {"fused", in.repr(p[10])}, {"lr", in.repr(p[1])}, {"maximize", in.repr(p[7])},
                           {"weight_decay", in.repr(p[4])}});
  });
  optimizer_class("Adadelta", [](Interpreter& in, A& a) -> Value {
    const auto p = bind_native(in, "Adadelta", a,
                               {{"params", std::nullopt}, {"lr", Value(1.0)}, {"rho", Value(0.9)}, {"eps", Value(1e-6)},
                                {"weight_decay", Value(0)}, {"foreach", Value()}, {"maximize", Value(false), true}});
    optim::AdadeltaOptions o;
    o.lr = to_float(in, p[1], "lr");
    o.rho = to_float(in, p[2], "rho");
    o.eps = to_float(in, p[3], "eps");
    o.weight_decay = to_float(in, p[4], "weight_decay");
    if (o.lr < 0) in.error("ValueError", "Invalid learning rate: " + in.repr(p[1]));
    if (o.rho < 0 || o.rho > 1) in.error("ValueError", "Invalid rho value: " + in.repr(p[2]));
    if (o.eps < 0) in.error("ValueError", "Invalid epsilon value: " + in.repr(p[3]));
    if (o.weight_decay < 0) in.error("ValueError", "Invalid weight_decay value: " + in.repr(p[4]));
    if (in.truthy(p[6])) in.error("NotImplementedError", "not supported in initlab: maximize=True");
    auto opt = std::make_shared<optim::Adadelta>(optimizer_params(in, p[0]), o);
    return make_optimizer(in, "Adadelta", opt,
                          {{"eps", in.repr(p[3])}, {"foreach", in.repr(p[5])},
                           {"lr", in.repr(p[1])}, {"maximize", in.repr(p[6])}, {"rho", in.repr(p[2])},
                           {"weight_decay", in.repr(p[4])}});
  });
  torch.members["optim"] = Value(ObjPtr(optim_ns));
  interp.importable()["torch.optim"] = Value(ObjPtr(optim_ns));
}

}  // namespace initlab::script
