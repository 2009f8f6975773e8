// Module hooks (module_hooks.hpp). What a hook receives and what its result does are
// PyTorch 1.13's (torch/nn/modules/module.py, _call_impl); tests/script/55x_module_hooks.py
// prints what hooks see, generated from PyTorch.
#include "module_hooks.hpp"

#include "bindings.hpp"
#include "interpreter_util.hpp"
#include "native_args.hpp"
#include "nn_api_util.hpp"
#include "script_module.hpp"
#include "initlab/autograd.hpp"

namespace initlab::script {

namespace {

// The module's hooks dict of that name, made on first use.
Value hooks_dict(Interpreter& in, const nn::Module* m, const std::string& name, bool create) {
  auto& attrs = in.module_attrs()[m];
  auto it = attrs.find(name);
  if (it != attrs.end()) return it->second;
  if (!create) return Value();
  Value d(ObjPtr(std::make_shared<DictObj>()));
  attrs[name] = d;
  return d;
}

// The hooks in registration order (a copy: a hook may remove itself while they run).
std::vector<Value> hooks_of(Interpreter& in, const nn::Module* m, const std::string& name) {
  auto found = in.module_attrs().find(m);
  if (found == in.module_attrs().end()) return {};
  auto it = found->second.find(name);
  if (it == found->second.end()) return {};
  std::vector<Value> out;
  if (auto* d = it->second.get<DictObj>())
    for (const auto& [k, v] : d->items) out.push_back(v);
  return out;
}

Value input_tuple(const CallArgs& args) { return make_tuple(args.positional); }

}  // namespace

std::optional<Value> module_hook_method(Interpreter& interp, const Value& self, const std::string& name) {
  std::string dict;
  if (name == "register_forward_hook") dict = "_forward_hooks";
  else if (name == "register_forward_pre_hook") dict = "_forward_pre_hooks";
  else if (name == "register_full_backward_hook" || name == "register_backward_hook") dict = "_backward_hooks";
  else if (name == "_forward_hooks" || name == "_forward_pre_hooks" || name == "_backward_hooks") {
    return hooks_dict(interp, module_of(self).get(), name, true);
  } else {
    return std::nullopt;
  }
  const nn::ModulePtr m = module_of(self);
  return make_builtin(m->type_name() + "." + name, [m, name, dict](Interpreter& in, CallArgs& a) -> Value {
    const auto args = bind_native(in, name, a, {{"hook", std::nullopt}});
    if (name == "register_backward_hook") {
      in.error("NotImplementedError", "not supported in initlab: Module.register_backward_hook (PyTorch's deprecated "
                                      "form; use register_full_backward_hook)");
    }
    const Value d = hooks_dict(in, m.get(), dict, true);
    const Value handle_cls = in.getattr(in.import_module("torch.utils.hooks"), "RemovableHandle");
    const Value handle = in.call(handle_cls, {d});
    d.get<DictObj>()->items.emplace_back(in.getattr(handle, "id"), args[0]);
    return handle;
  });
}

void run_forward_pre_hooks(Interpreter& in, const Value& self, CallArgs& args) {
  for (const Value& hook : hooks_of(in, module_of(self).get(), "_forward_pre_hooks")) {
    const Value result = in.call(hook, {self, input_tuple(args)});
    if (result.is_none()) continue;
    // A result that is not a tuple becomes the only input (PyTorch wraps it in one).
    if (auto* t = result.get<TupleObj>()) args.positional = t->items;
    else args.positional = {result};
  }
}

Value run_forward_hooks(Interpreter& in, const Value& self, const CallArgs& args, Value out) {
  for (const Value& hook : hooks_of(in, module_of(self).get(), "_forward_hooks")) {
    const Value result = in.call(hook, {self, input_tuple(args), out});
    if (!result.is_none()) out = result;
  }
  return out;
}

bool reparametrized(Interpreter& in, const nn::Module& m, const std::string& name) {
  const Value* list = nullptr;
  if (const auto* sm = dynamic_cast<const ScriptModule*>(&m)) {
    auto it = sm->attrs.find("_initlab_reparametrized");
    if (it != sm->attrs.end()) list = &it->second;
  } else if (auto extra = in.module_attrs().find(&m); extra != in.module_attrs().end()) {
    auto it = extra->second.find("_initlab_reparametrized");
    if (it != extra->second.end()) list = &it->second;
  }
  const auto* names = list ? list->get<ListObj>() : nullptr;
  if (!names) return false;
  for (const Value& n : names->items)
    if (n.is_str() && n.as_str() == name) return true;
  return false;
}

// ---- full backward hooks (PyTorch's torch/utils/hooks.py BackwardHook) --------------------
//
// The call's tensor input and its output each pass through an identity node named
// BackwardHookFunctionBackward. The output's node keeps grad_output; the input's node, which the
// engine reaches once the module's whole gradient has arrived, calls the hooks with
// (module, grad_input, grad_output) and passes on what they return. When no input requires
// grad, the output's node calls them with grad_input all None, as PyTorch does.

struct BackwardHooks {
  Interpreter* in = nullptr;
  Value module;
  std::vector<Value> hooks;
  std::size_t n_inputs = 0;
  std::optional<std::size_t> input_index;  // the tensor input, when it was wrapped
  Value grad_outputs;                      // a tuple while a backward is under way, else None
};

namespace {

class HookNode : public autograd::Node {
 public:
  HookNode(std::shared_ptr<BackwardHooks> state, bool output_side) : s_(std::move(state)), output_side_(output_side) {}
  const char* name() const override { return "BackwardHookFunctionBackward"; }
  std::vector<Tensor> backward(const Tensor& grad) override {
    Interpreter& in = *s_->in;
    autograd::NoGrad no_grad;
    if (output_side_) {
      s_->grad_outputs = make_tuple({make_tensor(grad)});
      if (!s_->input_index) {
        const Value none_inputs = make_tuple(std::vector<Value>(s_->n_inputs));
        for (const Value& hook : s_->hooks) {
          const Value res = in.call(hook, {s_->module, none_inputs, s_->grad_outputs});
          bool all_none = res.is_none();
          if (auto* t = res.get<TupleObj>()) {
            all_none = true;
            for (const Value& v : t->items) all_none = all_none && v.is_none();
          }
          if (!all_none) {
            in.error("RuntimeError", "Backward hook for Modules where no input requires gradient should always return None "
                                     "or None for all gradients.");
          }
        }
        s_->grad_outputs = Value();
      }
      return {grad};
    }
    if (s_->grad_outputs.is_none()) return {grad};
    std::vector<Value> items(s_->n_inputs);
    items[*s_->input_index] = make_tensor(grad);
    Value res = make_tuple(items);
    for (const Value& hook : s_->hooks) {
      const Value out = in.call(hook, {s_->module, res, s_->grad_outputs});
      if (out.is_none()) continue;
      const Value n = in.call(in.builtins()["len"], {out});
      const auto got = static_cast<std::size_t>(n.as_int());
      if (got != s_->n_inputs) {
        in.error("RuntimeError", "Backward hook returned an invalid number of grad_input, got " + std::to_string(got) +
                                     ", but expected " + std::to_string(s_->n_inputs));
      }
      res = out;
    }
    s_->grad_outputs = Value();
    const Value g = in.subscript(res, Value(static_cast<int64_t>(*s_->input_index)));
    if (g.is_none()) return {Tensor()};
    auto* t = g.get<TensorObj>();
    if (!t) in.error("TypeError", "a backward hook's grad_input must hold tensors or None, not '" + type_name(g) + "'");
    return {t->tensor};
  }

 private:
  std::shared_ptr<BackwardHooks> s_;
  bool output_side_;
};

Tensor through(const Tensor& t, std::shared_ptr<BackwardHooks> state, bool output_side) {
  return autograd::record(t.detach(), std::make_shared<HookNode>(std::move(state), output_side), {t});
}

}  // namespace

std::shared_ptr<BackwardHooks> setup_backward_input(Interpreter& in, const Value& self, CallArgs& args) {
  std::vector<Value> hooks = hooks_of(in, module_of(self).get(), "_backward_hooks");
  if (hooks.empty()) return nullptr;
  auto state = std::make_shared<BackwardHooks>();
  state->in = &in;
  state->module = self;
  state->hooks = std::move(hooks);
  state->n_inputs = args.positional.size();
  std::vector<std::size_t> tensors;
  for (std::size_t i = 0; i < args.positional.size(); ++i)
    if (args.positional[i].get<TensorObj>()) tensors.push_back(i);
  if (tensors.size() > 1) {
    in.error("NotImplementedError", "not supported in initlab: a full backward hook on a module called with " +
                                        std::to_string(tensors.size()) + " tensor inputs (one is supported)");
  }
  if (!tensors.empty()) {
    const Tensor& x = args.positional[tensors[0]].get<TensorObj>()->tensor;
    if (x.requires_grad() && autograd::grad_enabled()) {
      state->input_index = tensors[0];
      args.positional[tensors[0]] = make_tensor(through(x, state, false));
    }
  }
  return state;
}

Value setup_backward_output(Interpreter& in, const std::shared_ptr<BackwardHooks>& state, const Value& out) {
  auto* t = out.get<TensorObj>();
  if (!t) {
    in.error("NotImplementedError", "not supported in initlab: a full backward hook on a module whose forward returns '" +
                                        type_name(out) + "' (a single tensor is supported)");
  }
  if (!t->tensor.requires_grad() || !autograd::grad_enabled()) return out;
  return make_tensor(through(t->tensor, state, true));
}

}  // namespace initlab::script
