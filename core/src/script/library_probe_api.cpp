// _initlab.probe_*: the primitives through which the torch.nn layers written in Python
// (core/lib/torch/nn/modules) hand what they compute inside to the probe (probe.hpp's
// GateStats, HiddenStats, AttentionStats). Each belongs to the innermost open module call.
#include <string_view>

#include "initlab/autograd.hpp"
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

// Whether x was made by a matrix product, at most a few scaling/masking/bias ops back.
bool from_matrix_product(const Tensor& x) {
  std::vector<const autograd::Node*> frontier;
  if (x.has_grad_fn()) frontier.push_back(x.autograd_meta()->grad_fn.get());
  const auto starts = [](const char* name, const char* prefix) { return std::string_view(name).rfind(prefix, 0) == 0; };
  for (int depth = 0; depth < 4 && !frontier.empty(); ++depth) {
    std::vector<const autograd::Node*> next;
    for (const autograd::Node* node : frontier) {
      const char* name = node->name();
      if (starts(name, "Mm") || starts(name, "Bmm") || starts(name, "Baddbmm")) return true;
      const bool passes = starts(name, "Mul") || starts(name, "Div") || starts(name, "Add") || starts(name, "Sub") ||
                          starts(name, "MaskedFill") || starts(name, "Where") || starts(name, "Binary");
      if (!passes) continue;
      for (const Tensor& input : node->inputs) {
        if (input.defined() && input.has_grad_fn()) next.push_back(input.autograd_meta()->grad_fn.get());
      }
    }
    frontier = std::move(next);
  }
  return false;
}

}  // namespace

void note_softmax_input(const Tensor& logits, int64_t dim) {
  nn::ForwardObserver* o = nn::current_observer();
  if (!o || logits.dim() < 3 || (dim != -1 && dim != logits.dim() - 1) || !from_matrix_product(logits)) return;
  nn::InnerTensor t;
  t.kind = nn::InnerTensor::Kind::attention_logits;
  t.tensor = logits.detach();
  o->inner_tensor(t);
}

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
