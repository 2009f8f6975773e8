// The one table of initializers by name: what the interpreter, the bindings, the docs and the
// fixture tests all read. Binds Python-style arguments (positional, keyword, defaults) with
// Python's TypeError wording, then calls the typed function in init.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "initlab/generator.hpp"
#include "initlab/tensor.hpp"

namespace initlab::init {

// A Python scalar argument: None, bool, int, float or str.
using Arg = std::variant<std::monostate, bool, int64_t, double, std::string>;

struct Kwarg {
  std::string name;
  Arg value;
};

struct Param {
  const char* name;
  Arg default_value;  // std::monostate with required = true means "no default"
  bool required = false;
};

class BoundArgs {
 public:
  BoundArgs(const char* function, std::vector<const Param*> params, std::vector<Arg> values)
      : function_(function), params_(std::move(params)), values_(std::move(values)) {}

  const Arg& get(std::string_view name) const;
  // int, float or bool (Python's bool is an int), as a double.
  double number(std::string_view name) const;
  int64_t integer(std::string_view name) const;
  std::string text(std::string_view name) const;

 private:
  const char* function_;
  std::vector<const Param*> params_;
  std::vector<Arg> values_;
};

struct Initializer {
  const char* name;
  const char* source;         // the paper or library it comes from
  std::vector<Param> params;  // the arguments after the tensor
  bool draws;                 // consumes the generator
  Tensor& (*apply)(Tensor&, const BoundArgs&, Generator&);
};

// Every initializer, in torch.nn.init's documentation order, then initlab's additions.
const std::vector<Initializer>& initializers();

struct Alias {
  const char* name;
  const char* target;
  bool deprecated;  // PyTorch's deprecated spellings warn; initlab's own aliases do not
};
const std::vector<Alias>& initializer_aliases();

// Looks up a name or alias; nullptr when unknown. Sets *alias when the name was an alias.
const Initializer* find_initializer(std::string_view name, const Alias** alias = nullptr);

// Binds args after the tensor as Python would for `name(tensor, *positional, **kwargs)`.
BoundArgs bind(const Initializer& init, const std::vector<Arg>& positional,
               const std::vector<Kwarg>& kwargs);

// find + bind + apply, warning for deprecated aliases; unknown names raise AttributeError-like
// ValueError "module 'torch.nn.init' has no attribute 'x'".
Tensor& call_initializer(std::string_view name, Tensor& t, const std::vector<Arg>& positional,
                         const std::vector<Kwarg>& kwargs, Generator& gen);

// calculate_gain with a Python param (None, bool, int, float), rejecting bool as PyTorch does.
double calculate_gain(std::string_view nonlinearity, const Arg& param);

// Python's str() of an argument: None, True, 3, 0.1, text.
std::string arg_to_string(const Arg& a);

}  // namespace initlab::init
