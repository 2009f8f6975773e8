// An nn.Module subclass defined in the script: a C++ Module whose attributes live in the
// interpreter and whose forward runs the script's method.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "interpreter.hpp"

namespace initlab::script {

class ScriptModule : public nn::Module, public std::enable_shared_from_this<ScriptModule> {
 public:
  ScriptModule(Interpreter& interp, std::shared_ptr<ClassObj> cls);
  // Called by C++ containers (Sequential): runs the script's forward with one tensor.
  Tensor forward(const Tensor& x) override;
  // extra_repr, when the class defines one.
  std::string extra_repr() const override;

  Interpreter& interp;
  std::shared_ptr<ClassObj> cls;
  std::map<std::string, Value> attrs;  // plain (non-module, non-parameter) attributes
  bool init_called = false;
  Value self_value();
};

}  // namespace initlab::script
