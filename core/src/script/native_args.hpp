// Binding a native function's arguments the way Python binds a def's: positional, keyword,
// defaults, with Python's TypeError wording; and checked conversions of argument values.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "interpreter.hpp"

namespace initlab::script {

struct ParamSpec {
  const char* name;
  std::optional<Value> default_value;  // nullopt: required
  bool keyword_only = false;
};

// Values in parameter order. `fn` is the name used in messages ("randn", "Linear").
std::vector<Value> bind_native(Interpreter& in, const std::string& fn, const CallArgs& args,
                               const std::vector<ParamSpec>& params);

int64_t to_int(Interpreter& in, const Value& v, const std::string& what);
double to_float(Interpreter& in, const Value& v, const std::string& what);
bool to_bool(Interpreter& in, const Value& v, const std::string& what);
std::string to_str(Interpreter& in, const Value& v, const std::string& what);
// An int or a sequence of ints (sizes, kernel sizes...). `allow_scalar`: a lone int is fine.
std::vector<int64_t> to_ints(Interpreter& in, const Value& v, const std::string& what);
// A generator= argument: None is torch's default generator.
Generator& generator_arg(Interpreter& in, const Value& v);
// torch.randn(2, 3) and torch.randn((2, 3)) alike.
std::vector<int64_t> size_args(Interpreter& in, const std::vector<Value>& positional, const std::string& fn);

}  // namespace initlab::script
