// How the interpreter reaches the torch world: the hooks that torch_api.cpp and nn_api.cpp
// implement for tensors and nn modules (attributes, operators, indexing, calls).
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "interpreter.hpp"

namespace initlab::script {

// Modules: parameters, buffers, submodules, the script class's attributes (with_class),
// layer attributes, nn.Module's methods.
std::optional<Value> module_attribute(Interpreter& in, const Value& module, const std::string& name,
                                      bool with_class = true);
// load_state_dict, get_submodule, get_parameter, get_buffer (module_state.cpp).
std::optional<Value> module_state_method(Interpreter& in, const Value& module, const std::string& name);
// Registers modules, parameters and tensors the way nn.Module.__setattr__ does.
void set_module_attribute(Interpreter& in, const Value& module, const std::string& name, const Value& v);
// copy.deepcopy of a module (library_api.cpp's _initlab.clone_module): cloned parameters and
// buffers, children copied through copy_value (deepcopy itself, so its memo holds).
Value clone_module(Interpreter& in, const Value& module, const Value& copy_value);
// super().__init__(...) of a container subclass: Sequential(*modules | OrderedDict) or
// ModuleList(iterable) registers the children as the container would.
void init_container(Interpreter& in, nn::Module& m, const std::string& kind, CallArgs& args);
// "Sequential" / "ModuleList" for those containers and script classes deriving from them.
std::string container_kind(const nn::Module& m);
// model(x): runs forward, reporting to the probe.
Value call_module(Interpreter& in, const Value& module, CallArgs& args);
// The forward part of a call (no hooks): the script's forward, or the layer's.
Value call_layer_forward(Interpreter& in, const Value& module, CallArgs& args);

// Tensors: attributes (.shape, .data, .grad) and methods (.view, .fill_, .mean, ...).
std::optional<Value> tensor_attribute(Interpreter& in, const Value& tensor, const std::string& name);
// torch.NAME for a dtype ("float32", "int64", "bool", "float64", ...): one object per dtype.
Value dtype_value(const std::string& name);
// PyTorch's name of a tensor's dtype, as dtype_value takes it: "float32", "int64", "bool".
const char* dtype_name(DType dtype);
// a op b where either side is a tensor (+ - * / @ ** and comparisons).
Value tensor_binary(Interpreter& in, const std::string& op, const Value& a, const Value& b);
Value tensor_unary(Interpreter& in, const std::string& op, const Value& a);
Value tensor_subscript(Interpreter& in, const Value& tensor, const Value& index);
void tensor_set_subscript(Interpreter& in, const Value& tensor, const Value& index, const Value& v);

// Forward-pass calls report the script line they were made on.
void mark_init_line(Interpreter& in);

// PyTorch's tensor text: "tensor([[ 0.1234, -1.0000], ...])", with ", requires_grad=True" for
// a leaf that requires grad and ", grad_fn=<MulBackward0>" for a recorded result (formatting.cpp).
std::string tensor_repr(const Tensor& t, bool parameter);
// The class name of t's grad_fn as PyTorch 1.13 prints it ("AddmmBackward0"); t must have one
// (autograd_api.cpp).
std::string grad_fn_name(const Tensor& t);
// Python's format(value, spec) for numbers and strings (formatting.cpp).
std::string format_value(Interpreter& in, const Value& v, const std::string& spec);
// Python's "fmt % args" (formatting.cpp).
std::string percent_format(Interpreter& in, const std::string& fmt, const Value& args);

// ---- autograd_api.cpp ----
// Records y = view(x) (select, slice, transpose...) when x requires grad; `view` replays the
// same view on another tensor of x's shape. `name` is PyTorch's node ("SelectBackward0").
Tensor record_view(const Tensor& y, const Tensor& x, const char* name, std::function<Tensor(const Tensor&)> view);
// Records element-wise y = f(x); d(x, y) is dy/dx.
Tensor record_unary(const Tensor& y, const Tensor& x, const char* name, std::function<float(float, float)> d);
// Records y = x.sum(dim, keepdim) or x.mean(...) (dim nullopt: over everything).
Tensor record_reduce(const Tensor& y, const Tensor& x, bool mean, std::optional<int64_t> dim, bool keepdim);
// For ops initlab cannot differentiate yet: y gets a node named as PyTorch names it
// ("StdBackward0") whose backward raises NotImplementedError naming `what` (and what to do).
Tensor record_undifferentiable(const Tensor& y, const std::vector<Tensor>& inputs, const char* name,
                               const std::string& what);
// nn.CrossEntropyLoss()(input, target) and friends; nullopt for other modules.
std::optional<Value> call_loss_module(Interpreter& in, const nn::ModulePtr& m, CallArgs& args);
void install_losses(Interpreter& interp, NamespaceObj& nn_ns, NamespaceObj& F_ns);
void install_optim(Interpreter& interp, NamespaceObj& torch);

}  // namespace initlab::script
