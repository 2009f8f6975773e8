// _initlab.probe_*: the primitives through which the torch.nn layers written in Python
// (core/lib/torch/nn/modules) hand what they compute inside to the probe (probe.hpp's
// GateStats, HiddenStats, AttentionStats). Each belongs to the innermost open module call.
#include "initlab/nn/module.hpp"
#include "interpreter.hpp"
#include "native_args.hpp"

namespace initlab::script {

namespace {

using A = CallArgs;

const Tensor& tensor_arg(Interpreter& in, const Value& v, const char* fn) {
  const auto* t = v.get<TensorObj>();
  if (!t) in.error("TypeError", std::string(fn) + "() needs a tensor");
  return t->tensor;
}

}  // namespace

void install_probe_primitives(NamespaceObj& ns) {
  const auto def = [&](const std::string& name, Native fn) { ns.members[name] = make_builtin("_initlab." + name, std::move(fn)); };

  // Whether anything listens: layers collect their inner tensors only then.
  def("probe_active", [](Interpreter&, A&) { return Value(nn::current_observer() != nullptr); });
  // A gate's pre-activation over all steps, (steps * batch, hidden).
  def("probe_gate", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "probe_gate", a,
                                  {{"layer", std::nullopt}, {"reverse", std::nullopt}, {"gate", std::nullopt},
                                   {"activation", std::nullopt}, {"pre_activation", std::nullopt}});
    if (nn::ForwardObserver* o = nn::current_observer()) {
      nn::InnerTensor t;
      t.kind = nn::InnerTensor::Kind::gate;
      t.layer = static_cast<int>(to_int(in, args[0], "layer"));
      t.reverse = to_bool(in, args[1], "reverse");
      t.gate = to_str(in, args[2], "gate");
      t.activation = to_str(in, args[3], "activation");
      t.tensor = tensor_arg(in, args[4], "probe_gate").detach();
      o->inner_tensor(t);
    }
    return Value();
  });
  // A layer's hidden states, (steps, batch, hidden).
  def("probe_hidden", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "probe_hidden", a, {{"layer", std::nullopt}, {"reverse", std::nullopt}, {"outputs", std::nullopt}});
    if (nn::ForwardObserver* o = nn::current_observer()) {
      nn::InnerTensor t;
      t.kind = nn::InnerTensor::Kind::hidden;
      t.layer = static_cast<int>(to_int(in, args[0], "layer"));
      t.reverse = to_bool(in, args[1], "reverse");
      t.tensor = tensor_arg(in, args[2], "probe_hidden").detach();
      o->inner_tensor(t);
    }
    return Value();
  });
  // An attention's logits after the masks, (..., queries, keys).
  def("probe_attention", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "probe_attention", a, {{"logits", std::nullopt}});
    if (nn::ForwardObserver* o = nn::current_observer()) {
      nn::InnerTensor t;
      t.kind = nn::InnerTensor::Kind::attention_logits;
      t.tensor = tensor_arg(in, args[0], "probe_attention").detach();
      o->inner_tensor(t);
    }
    return Value();
  });
}

}  // namespace initlab::script
