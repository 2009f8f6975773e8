#include "native_subclass.hpp"

#include <algorithm>
#include <set>

#include "bindings.hpp"
#include "native_args.hpp"
#include "nn_api_util.hpp"
#include "script_module.hpp"

namespace initlab::script {

namespace {

// The built-in layers whose PyTorch __init__ ends in self.reset_parameters() (Linear, _ConvNd,
// _NormBase, LayerNorm, GroupNorm in torch/nn/modules): a subclass's override runs there.
// Activations, dropout and pooling have none, so an override is only a method.
const std::set<std::string> kResetOnInit = {
    "Linear",      "Conv1d",         "Conv2d",         "ConvTranspose1d", "ConvTranspose2d", "BatchNorm1d",
    "BatchNorm2d", "InstanceNorm1d", "InstanceNorm2d", "LayerNorm",       "GroupNorm"};

bool script_method(const ClassObj& cls, const std::string& name) {
  const Value* f = cls.find(name);
  return f && f->get<FunctionObj>();
}

// Drops the module calls of one module (the layer's own forward run by super().forward,
// inside the call of the same module the probe has open) and passes everything else on.
class WithoutModule : public nn::ForwardObserver {
 public:
  WithoutModule(nn::ForwardObserver* to, const nn::Module* skip) : to_(to), skip_(skip) {}
  void module_enter(const nn::Module& m, const Tensor* input) override {
    if (&m != skip_) to_->module_enter(m, input);
  }
  void module_output(const nn::Module& m, const Tensor& output) override {
    if (&m != skip_) to_->module_output(m, output);
  }
  void module_abandon(const nn::Module& m) override {
    if (&m != skip_) to_->module_abandon(m);
  }
  void op_output(const char* op, const Tensor& output) override { to_->op_output(op, output); }
  void op_operands(const Tensor& a, const Tensor& b) override { to_->op_operands(a, b); }
  void inner_tensor(const nn::InnerTensor& inner) override { to_->inner_tensor(inner); }

 private:
  nn::ForwardObserver* to_;
  const nn::Module* skip_;
};

// The layer's own reset_parameters: the parameters and buffers of a layer built again from
// the same arguments, drawn from the generator now as PyTorch's reset_parameters draws them
// (its constructor draws nothing else), copied into this layer's tensors.
void reset_layer(Interpreter& in, nn::Module& m) {
  auto rebuild = in.module_rebuilders().find(&m);
  if (rebuild == in.module_rebuilders().end()) {
    in.error("NotImplementedError", "not supported in initlab: reset_parameters() of a " + m.type_name());
  }
  const nn::ModulePtr fresh = rebuild->second(in);
  const auto copy = [](const auto& from, nn::Module& to, bool params) {
    for (const auto& [name, t] : from) {
      Tensor* dst = params ? to.parameter(name) : to.buffer(name);
      if (dst && dst->defined() && t.defined() && dst->shape() == t.shape()) dst->copy_from(t);
    }
  };
  copy(fresh->own_parameters(), m, true);
  copy(fresh->own_buffers(), m, false);
}

}  // namespace

bool NativeSubclass::overrides_forward() const { return native_forward_depth == 0 && script_method(*cls, "forward"); }

Tensor NativeSubclass::forward(nn::Module&, const Tensor& input) {
  CallArgs args;
  args.positional.push_back(make_tensor(input));
  args.where = interp.location();
  const Value out = interp.call_method(wrap(module.lock()), "forward", args);
  auto* t = out.get<TensorObj>();
  if (!t) {
    interp.error("TypeError", cls->name + ".forward returned " + script::type_name(out) +
                                  ", but its container passes on only tensors");
  }
  return t->tensor;
}

std::optional<std::string> NativeSubclass::extra_repr(const nn::Module&) const {
  if (!script_method(*cls, "extra_repr")) return std::nullopt;
  CallArgs none;
  const Value r = interp.call_method(wrap(module.lock()), "extra_repr", none);
  if (!r.is_str()) interp.error("TypeError", "extra_repr() must return a str, not " + script::type_name(r));
  return r.as_str();
}

NativeSubclass* native_subclass_of(const nn::Module& m) { return dynamic_cast<NativeSubclass*>(m.subclass()); }

void init_native_layer(Interpreter& in, const Value& self, CallArgs& args) {
  auto* mo = self.get<ModuleObj>();
  const nn::ModulePtr before = mo->module;
  std::shared_ptr<ClassObj> cls;
  auto* placeholder = dynamic_cast<ScriptModule*>(before.get());
  if (placeholder) cls = placeholder->cls;
  else if (auto* sub = native_subclass_of(*before)) cls = sub->cls;
  if (!cls || !cls->native_layer || !cls->native_layer->build) {
    in.error("TypeError", "__init__() of a built-in layer called on a " + type_name(self));
  }
  const NativeClassObj& layer = *cls->native_layer;
  const Generator saved = default_generator();
  const nn::ModulePtr m = layer.build(in, args);
  auto sub = std::make_shared<NativeSubclass>(in, cls);
  sub->module = m;
  m->set_subclass(sub);
  auto& created = in.created_modules();
  if (!created.empty() && created.back() == m) created.pop_back();
  std::replace(created.begin(), created.end(), before, m);
  // Plain attributes set before super().__init__ stay the instance's.
  if (placeholder)
    for (const auto& [k, v] : placeholder->attrs) in.module_attrs()[m.get()][k] = v;
  if (auto extra = in.module_attrs().find(before.get()); !placeholder && extra != in.module_attrs().end()) {
    in.module_attrs()[m.get()] = extra->second;
  }
  mo->module = m;
  if (kResetOnInit.count(layer.name) && script_method(*cls, "reset_parameters")) {
    // PyTorch's constructor creates the parameters with torch.empty (no draws) and then calls
    // self.reset_parameters(), which is the override: the layer's own draws are undone.
    default_generator() = saved;
    CallArgs none;
    none.where = args.where;
    in.call_method(self, "reset_parameters", none);
  }
}

std::optional<Value> native_super_attribute(Interpreter& in, const Value& self, const std::string& name) {
  const nn::ModulePtr m = module_of(self);
  NativeSubclass* sub = native_subclass_of(*m);
  const auto method = [&](Native fn) { return make_builtin(m->type_name() + "." + name, std::move(fn)); };
  if (name == "__init__") {
    return method([self](Interpreter& i, CallArgs& a) {
      init_native_layer(i, self, a);
      return Value();
    });
  }
  if (!sub) return module_attribute(in, self, name, false);
  if (name == "forward") {
    return method([self, m, sub](Interpreter& i, CallArgs& a) {
      struct Depth {
        int& d;
        explicit Depth(int& x) : d(x) { ++d; }
        ~Depth() { --d; }
      } depth(sub->native_forward_depth);
      nn::ForwardObserver* observer = nn::current_observer();
      WithoutModule filter(observer, m.get());
      nn::ObserveForward observe(observer ? &filter : nullptr);
      return call_layer_forward(i, self, a);
    });
  }
  if (name == "reset_parameters" && kResetOnInit.count(m->type_name())) {
    return method([m](Interpreter& i, CallArgs& a) {
      bind_native(i, "reset_parameters", a, {});
      reset_layer(i, *m);
      return Value();
    });
  }
  if (name == "extra_repr") return method([m](Interpreter&, CallArgs&) { return Value(m->extra_repr()); });
  return module_attribute(in, self, name, false);
}

}  // namespace initlab::script
