#include "script_module.hpp"

#include "bindings.hpp"

namespace initlab::script {

ScriptModule::ScriptModule(Interpreter& in, std::shared_ptr<ClassObj> c)
    : Module(c->name), interp(in), cls(std::move(c)) {}

Value ScriptModule::self_value() {
  auto o = std::make_shared<ModuleObj>();
  o->module = shared_from_this();
  return Value(ObjPtr(o));
}

Tensor ScriptModule::forward(const Tensor& x) {
  if (!cls->native_base.empty() && !cls->find("forward") && cls->native_base == "Sequential") {
    Tensor h = x;
    for (const auto& [name, child] : children()) h = (*child)(h);
    return h;
  }
  CallArgs args;
  args.positional.push_back(make_tensor(x));
  args.where = interp.location();
  const Value out = interp.call_method(self_value(), "forward", args);
  auto* t = out.get<TensorObj>();
  if (!t) {
    interp.error("TypeError", cls->name + ".forward returned " + script::type_name(out) +
                                  ", but its container passes on only tensors");
  }
  return t->tensor;
}

std::string ScriptModule::extra_repr() const {
  if (!cls->find("extra_repr")) return "";
  auto* self = const_cast<ScriptModule*>(this);
  CallArgs args;
  const Value r = self->interp.call_method(self->self_value(), "extra_repr", args);
  return r.is_str() ? r.as_str() : "";
}

}  // namespace initlab::script
