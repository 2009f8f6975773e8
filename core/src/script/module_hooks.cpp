// Module hooks (module_hooks.hpp). What a hook receives and what its result does are
// PyTorch 1.13's (torch/nn/modules/module.py, _call_impl); tests/script/55x_module_hooks.py
// prints what hooks see, generated from PyTorch.
#include "module_hooks.hpp"

#include "bindings.hpp"
#include "interpreter_util.hpp"
#include "native_args.hpp"
#include "nn_api_util.hpp"

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
    if (dict == "_backward_hooks") {
      in.error("NotImplementedError", "not supported in initlab: Module." + name +
                                          " (initlab's backward pass does not call module hooks; read .grad after backward())");
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

}  // namespace initlab::script
