// What the files that expose torch.nn to scripts share: wrapping modules as values, PyTorch's
// argument conversions, and module_class, which registers one native module class.
#pragma once

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "bindings.hpp"
#include "initlab/nn/layers.hpp"
#include "initlab/nn/module.hpp"
#include "native_args.hpp"

namespace initlab::script {

Value wrap(nn::ModulePtr m);
inline nn::ModulePtr module_of(const Value& v) { return v.get<ModuleObj>()->module; }

nn::IntOrTuple int_or_tuple(Interpreter& in, const Value& v, const std::string& what);
py::Number number(Interpreter& in, const Value& v, const std::string& what);
// The input tensor of F.NAME, or PyTorch's TypeError.
Tensor tensor_arg(Interpreter& in, const Value& v, const std::string& fn);
std::array<int64_t, 2> pair_of(Interpreter& in, const Value& v, const std::string& what);

// Registers nn.NAME: a constructor with PyTorch's signature (params, bound as PyTorch binds
// them, reach make), isinstance by class name, type(m) naming torch.nn.modules.FILE.NAME.
void module_class(NamespaceObj& nn, const std::string& name, const std::string& file, std::vector<ParamSpec> params,
                  std::function<nn::ModulePtr(Interpreter&, const std::vector<Value>&)> make);

// nn_api_vision.cpp: the vision layers and their functional forms (installed after nn's and
// F's own members, which it may extend), and the calls of the modules among them that take or
// return more than one tensor (ConvTranspose's output_size, MaxPool2d's indices,
// MaxUnpool2d); nullopt for other modules.
void install_vision(NamespaceObj& nn, NamespaceObj& F);
std::optional<Value> call_vision_module(Interpreter& in, const nn::ModulePtr& m, CallArgs& args);

}  // namespace initlab::script
