// Script classes deriving from initlab's built-in layers (class MyLinear(nn.Linear),
// Conv2dSame(nn.Conv2d), LayerNorm2d(nn.LayerNorm)): an instance is the built-in layer itself
// (its parameters, options, forward, default initialization, the layer rules of the probe and
// the theory) with the script class attached, which supplies the class's name, its methods and
// attributes, and the forward, reset_parameters and extra_repr it overrides.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "interpreter.hpp"

namespace initlab::script {

class NativeSubclass : public nn::Subclass {
 public:
  NativeSubclass(Interpreter& in, std::shared_ptr<ClassObj> c) : interp(in), cls(std::move(c)) {}
  const std::string& name() const override { return cls->name; }
  bool overrides_forward() const override;
  Tensor forward(nn::Module& self, const Tensor& input) override;
  std::optional<std::string> extra_repr(const nn::Module& self) const override;

  Interpreter& interp;
  std::shared_ptr<ClassObj> cls;
  std::weak_ptr<nn::Module> module;  // the layer this is attached to (no cycle)
  int native_forward_depth = 0;      // > 0 while super().forward runs the layer's own forward
};

// The script class attached to a built-in layer, or nullptr.
NativeSubclass* native_subclass_of(const nn::Module& m);

// nn.Linear.__init__(self, ...) for an instance of a script subclass (its super().__init__, or
// the instantiation of a class that defines no __init__): builds the layer from PyTorch's
// arguments and puts it in place of the placeholder module `self` held until then. When
// PyTorch's constructor ends by calling self.reset_parameters() and the class overrides it,
// the layer's own draws are undone and the override runs instead, as in PyTorch.
void init_native_layer(Interpreter& in, const Value& self, CallArgs& args);

// super().NAME on such an instance: the layer's own __init__, forward, reset_parameters and
// extra_repr, then the layer's attributes and nn.Module's methods (never the script class's).
std::optional<Value> native_super_attribute(Interpreter& in, const Value& self, const std::string& name);

}  // namespace initlab::script
