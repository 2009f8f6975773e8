#include "native_args.hpp"

#include "numpy_bindings.hpp"

namespace initlab::script {

std::vector<Value> bind_native(Interpreter& in, const std::string& fn, const CallArgs& args,
                               const std::vector<ParamSpec>& params) {
  std::size_t positional_params = 0;
  for (const ParamSpec& p : params)
    if (!p.keyword_only) ++positional_params;
  if (args.positional.size() > positional_params) {
    std::size_t required = 0;
    for (const ParamSpec& p : params)
      if (!p.keyword_only && !p.default_value) ++required;
    const std::string takes = required == positional_params
                                  ? std::to_string(positional_params)
                                  : "from " + std::to_string(required) + " to " + std::to_string(positional_params);
    const std::size_t given = args.positional.size();
    in.error("TypeError", fn + "() takes " + takes + " positional argument" + (positional_params == 1 ? "" : "s") +
                              " but " + std::to_string(given) + (given == 1 ? " was" : " were") + " given");
  }
  std::vector<Value> out(params.size());
  std::vector<bool> set(params.size(), false);
  for (std::size_t i = 0; i < args.positional.size(); ++i) {
    out[i] = args.positional[i];
    set[i] = true;
  }
  for (const auto& [name, value] : args.keywords) {
    std::size_t i = 0;
    while (i < params.size() && name != params[i].name) ++i;
    if (i == params.size()) in.error("TypeError", fn + "() got an unexpected keyword argument '" + name + "'");
    if (set[i]) in.error("TypeError", fn + "() got multiple values for argument '" + name + "'");
    out[i] = value;
    set[i] = true;
  }
  std::vector<std::string> missing;
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (set[i]) continue;
    if (params[i].default_value) {
      out[i] = *params[i].default_value;
    } else {
      missing.push_back(params[i].name);
    }
  }
  if (!missing.empty()) {
    std::string names;
    for (std::size_t i = 0; i < missing.size(); ++i) {
      if (i) names += missing.size() == 2 ? " and " : (i + 1 == missing.size() ? ", and " : ", ");
      names += "'" + missing[i] + "'";
    }
    in.error("TypeError", fn + "() missing " + std::to_string(missing.size()) + " required positional argument" +
                              (missing.size() == 1 ? "" : "s") + ": " + names);
  }
  return out;
}

int64_t to_int(Interpreter& in, const Value& v, const std::string& what) {
  if (v.is_int() || v.is_bool()) return v.as_int();
  if (auto n = numpy_number(v); n && v.get<NdArrayObj>()->scalar && !n->is_float()) return n->as_int();  // np.int64
  if (auto* t = v.get<TensorObj>(); t && t->tensor.numel() == 1 && t->tensor.dtype() == DType::int64) {
    return static_cast<int64_t>(t->tensor.contiguous().data()[0]);
  }
  in.error("TypeError", what + " must be int, not " + type_name(v));
}

double to_float(Interpreter& in, const Value& v, const std::string& what) {
  if (v.is_number()) return v.as_float();
  if (auto n = numpy_number(v)) return n->as_float();  // numpy scalars stand in for Python numbers
  if (auto* t = v.get<TensorObj>(); t && t->tensor.numel() == 1) {
    return static_cast<double>(t->tensor.contiguous().data()[0]);
  }
  in.error("TypeError", what + " must be a number, not " + type_name(v));
}

bool to_bool(Interpreter& in, const Value& v, const std::string& what) {
  if (v.is_bool()) return v.as_bool();
  if (v.is_int()) return v.as_int() != 0;
  in.error("TypeError", what + " must be bool, not " + type_name(v));
}

std::string to_str(Interpreter& in, const Value& v, const std::string& what) {
  if (v.is_str()) return v.as_str();
  in.error("TypeError", what + " must be str, not " + type_name(v));
}

std::vector<int64_t> to_ints(Interpreter& in, const Value& v, const std::string& what) {
  if (v.is_int() || v.is_bool()) return {v.as_int()};
  if (v.get<ListObj>() || v.get<TupleObj>()) {
    std::vector<int64_t> out;
    for (const Value& x : in.to_vector(v)) out.push_back(to_int(in, x, what + " elements"));
    return out;
  }
  in.error("TypeError", what + " must be an int or a tuple of ints, not " + type_name(v));
}

std::vector<int64_t> size_args(Interpreter& in, const std::vector<Value>& positional, const std::string& fn) {
  if (positional.size() == 1 && (positional[0].get<ListObj>() || positional[0].get<TupleObj>())) {
    return to_ints(in, positional[0], fn + "(): size");
  }
  std::vector<int64_t> out;
  for (const Value& arg : positional) {
    const Value v = numpy_python_scalar(in, arg, true);
    if (!v.is_int() && !v.is_bool()) {
      in.error("TypeError", fn + "() received an invalid combination of arguments - got (" + type_name(v) +
                                "), but expected one of: (tuple of ints size, ...) or (int... size, ...)");
    }
    out.push_back(v.as_int());
  }
  return out;
}

Generator& generator_arg(Interpreter& in, const Value& v) {
  if (v.is_none()) return default_generator();
  if (auto* g = v.get<GeneratorObj>()) return *g->generator;
  in.error("TypeError", "generator must be a torch.Generator, not " + type_name(v));
}

}  // namespace initlab::script
