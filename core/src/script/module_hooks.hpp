// Module hooks as PyTorch 1.13's Module._call_impl runs them: forward pre-hooks see
// (module, input tuple) and may replace the input, forward hooks see (module, input, output)
// and may replace the output; full backward hooks see (module, grad_input, grad_output) and
// may replace grad_input. The hooks live in the module's _forward_pre_hooks /
// _forward_hooks / _backward_hooks dicts (keyed by handle id, as PyTorch's OrderedDicts are).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "interpreter.hpp"

namespace initlab::script {

// register_forward_hook / register_forward_pre_hook / register_full_backward_hook ... of a
// module, or nullopt for other names.
std::optional<Value> module_hook_method(Interpreter& in, const Value& self, const std::string& name);
// Runs the pre-hooks on args.positional (replaced by a hook's non-None result).
void run_forward_pre_hooks(Interpreter& in, const Value& self, CallArgs& args);
// Runs the forward hooks on (input, out) and returns the output they leave.
Value run_forward_hooks(Interpreter& in, const Value& self, const CallArgs& args, Value out);
// Whether the module's parameter slot `name` holds a tensor that weight_norm or spectral_norm
// recompute (named in the module's `_initlab_reparametrized` list, core/lib/torch/nn/utils):
// the layer's forward, the probe and the theory read it there, but for the script it is a
// plain tensor attribute, absent from parameters(), state_dict() and load_state_dict().
bool reparametrized(Interpreter& in, const nn::Module& m, const std::string& name);
// Full backward hooks (register_full_backward_hook): before forward, the tensor input is passed
// through the node that will call them (null when the module has none); after the forward
// hooks, the output through the node that keeps grad_output.
struct BackwardHooks;
std::shared_ptr<BackwardHooks> setup_backward_input(Interpreter& in, const Value& self, CallArgs& args);
Value setup_backward_output(Interpreter& in, const std::shared_ptr<BackwardHooks>& state, const Value& out);

}  // namespace initlab::script
