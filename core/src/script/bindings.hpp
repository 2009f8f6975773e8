// How the interpreter reaches the torch world: the hooks that torch_api.cpp and nn_api.cpp
// implement for tensors and nn modules (attributes, operators, indexing, calls).
#pragma once

#include <optional>
#include <string>

#include "interpreter.hpp"

namespace initlab::script {

// Modules: parameters, buffers, submodules, layer attributes, nn.Module's methods.
std::optional<Value> module_attribute(Interpreter& in, const Value& module, const std::string& name);
// Registers modules, parameters and tensors the way nn.Module.__setattr__ does.
void set_module_attribute(Interpreter& in, const Value& module, const std::string& name, const Value& v);
// model(x): runs forward, reporting to the probe.
Value call_module(Interpreter& in, const Value& module, CallArgs& args);

// Tensors: attributes (.shape, .data, .grad) and methods (.view, .fill_, .mean, ...).
std::optional<Value> tensor_attribute(Interpreter& in, const Value& tensor, const std::string& name);
// a op b where either side is a tensor (+ - * / @ ** and comparisons).
Value tensor_binary(Interpreter& in, const std::string& op, const Value& a, const Value& b);
Value tensor_unary(Interpreter& in, const std::string& op, const Value& a);
Value tensor_subscript(Interpreter& in, const Value& tensor, const Value& index);
void tensor_set_subscript(Interpreter& in, const Value& tensor, const Value& index, const Value& v);

// Forward-pass calls report the script line they were made on.
void mark_init_line(Interpreter& in);

// PyTorch's tensor text: "tensor([[ 0.1234, -1.0000], ...])" (formatting.cpp).
std::string tensor_repr(const Tensor& t, bool parameter, bool requires_grad);
// Python's format(value, spec) for numbers and strings (formatting.cpp).
std::string format_value(Interpreter& in, const Value& v, const std::string& spec);
// Python's "fmt % args" (formatting.cpp).
std::string percent_format(Interpreter& in, const std::string& fmt, const Value& args);

}  // namespace initlab::script
