#include "initlab/init_registry.hpp"

#include <cmath>
#include <string>

#include "initlab/error.hpp"
#include "initlab/init.hpp"
#include "initlab/pyformat.hpp"
#include "fans.hpp"
#include "initlab/warnings.hpp"

namespace initlab::init {

namespace {

const char* type_name(const Arg& a) {
  switch (a.index()) {
    case 0: return "NoneType";
    case 1: return "bool";
    case 2: return "int";
    case 3: return "float";
    default: return "str";
  }
}

// kaiming_*'s `a` is calculate_gain's param. A non-number `a` must fail where Python fails:
// after the zero-element exit and the fan checks, in calculate_gain, and only for leaky_relu.
double kaiming_a(const Tensor& t, const BoundArgs& args) {
  const Arg& a = args.get("a");
  if (std::holds_alternative<int64_t>(a) || std::holds_alternative<double>(a)) {
    return args.number("a");
  }
  if (t.numel() == 0) return 0.0;
  detail::correct_fan(t, args.text("mode"));
  calculate_gain(args.text("nonlinearity"), a);
  return std::holds_alternative<bool>(a) ? args.number("a") : 0.0;
}

std::vector<Initializer> make_initializers() {
  using A = const BoundArgs&;
  const Arg none;
  return {
      {"uniform_", "torch.nn.init", {{"a", 0.0}, {"b", 1.0}}, true,
       [](Tensor& t, A a, Generator& g) -> Tensor& {
         return uniform_(t, a.number("a"), a.number("b"), g);
       }},
      {"normal_", "torch.nn.init", {{"mean", 0.0}, {"std", 1.0}}, true,
       [](Tensor& t, A a, Generator& g) -> Tensor& {
         return normal_(t, a.number("mean"), a.number("std"), g);
       }},
      {"trunc_normal_", "torch.nn.init (inverse CDF, as timm)",
       {{"mean", 0.0}, {"std", 1.0}, {"a", -2.0}, {"b", 2.0}}, true,
       [](Tensor& t, A a, Generator& g) -> Tensor& {
         return trunc_normal_(t, a.number("mean"), a.number("std"), a.number("a"),
                              a.number("b"), g);
       }},
      {"constant_", "torch.nn.init", {{"val", none, true}}, false,
       [](Tensor& t, A a, Generator&) -> Tensor& { return constant_(t, a.number("val")); }},
      {"ones_", "torch.nn.init", {}, false,
       [](Tensor& t, A, Generator&) -> Tensor& { return ones_(t); }},
      {"zeros_", "torch.nn.init", {}, false,
       [](Tensor& t, A, Generator&) -> Tensor& { return zeros_(t); }},
      {"eye_", "torch.nn.init", {}, false,
       [](Tensor& t, A, Generator&) -> Tensor& { return eye_(t); }},
      {"dirac_", "torch.nn.init", {{"groups", int64_t{1}}}, false,
       [](Tensor& t, A a, Generator&) -> Tensor& { return dirac_(t, a.integer("groups")); }},
      {"xavier_uniform_", "Glorot & Bengio 2010", {{"gain", 1.0}}, true,
       [](Tensor& t, A a, Generator& g) -> Tensor& {
         return xavier_uniform_(t, a.number("gain"), g);
       }},
      {"xavier_normal_", "Glorot & Bengio 2010", {{"gain", 1.0}}, true,
       [](Tensor& t, A a, Generator& g) -> Tensor& {
         return xavier_normal_(t, a.number("gain"), g);
       }},
      {"kaiming_uniform_", "He et al. 2015",
       {{"a", int64_t{0}}, {"mode", std::string("fan_in")},
        {"nonlinearity", std::string("leaky_relu")}},
       true,
       [](Tensor& t, A a, Generator& g) -> Tensor& {
         return kaiming_uniform_(t, kaiming_a(t, a), a.text("mode"), a.text("nonlinearity"), g);
       }},
      {"kaiming_normal_", "He et al. 2015",
       {{"a", int64_t{0}}, {"mode", std::string("fan_in")},
        {"nonlinearity", std::string("leaky_relu")}},
       true,
       [](Tensor& t, A a, Generator& g) -> Tensor& {
         return kaiming_normal_(t, kaiming_a(t, a), a.text("mode"), a.text("nonlinearity"), g);
       }},
      {"orthogonal_", "Saxe et al. 2013", {{"gain", int64_t{1}}}, true,
       [](Tensor& t, A a, Generator& g) -> Tensor& {
         return orthogonal_(t, a.number("gain"), g);
       }},
      {"sparse_", "Martens 2010", {{"sparsity", none, true}, {"std", 0.01}}, true,
       [](Tensor& t, A a, Generator& g) -> Tensor& {
         return sparse_(t, a.number("sparsity"), a.number("std"), g);
       }},
      {"variance_scaling_", "Keras/JAX VarianceScaling",
       {{"scale", 1.0}, {"mode", std::string("fan_in")},
        {"distribution", std::string("truncated_normal")}},
       true,
       [](Tensor& t, A a, Generator& g) -> Tensor& {
         return variance_scaling_(t, a.number("scale"), a.text("mode"), a.text("distribution"),
                                  g);
       }},
      {"lecun_uniform_", "LeCun et al. 1998", {}, true,
       [](Tensor& t, A, Generator& g) -> Tensor& { return lecun_uniform_(t, g); }},
      {"lecun_normal_", "LeCun et al. 1998", {}, true,
       [](Tensor& t, A, Generator& g) -> Tensor& { return lecun_normal_(t, g); }},
      {"delta_orthogonal_", "Xiao et al. 2018", {{"gain", 1.0}}, true,
       [](Tensor& t, A a, Generator& g) -> Tensor& {
         return delta_orthogonal_(t, a.number("gain"), g);
       }},
  };
}

}  // namespace

const std::vector<Initializer>& initializers() {
  static const std::vector<Initializer> table = make_initializers();
  return table;
}

const std::vector<Alias>& initializer_aliases() {
  static const std::vector<Alias> table = {
      // torch.nn.init keeps these pre-0.4 spellings, each warning on use.
      {"uniform", "uniform_", true},
      {"normal", "normal_", true},
      {"constant", "constant_", true},
      {"xavier_uniform", "xavier_uniform_", true},
      {"xavier_normal", "xavier_normal_", true},
      {"kaiming_uniform", "kaiming_uniform_", true},
      {"kaiming_normal", "kaiming_normal_", true},
      {"orthogonal", "orthogonal_", true},
      {"sparse", "sparse_", true},
      // initlab's additions under their Keras/JAX names.
      {"variance_scaling", "variance_scaling_", false},
      {"lecun_uniform", "lecun_uniform_", false},
      {"lecun_normal", "lecun_normal_", false},
      {"delta_orthogonal", "delta_orthogonal_", false},
  };
  return table;
}

const Initializer* find_initializer(std::string_view name, const Alias** alias) {
  if (alias) *alias = nullptr;
  for (const Alias& al : initializer_aliases()) {
    if (name == al.name) {
      if (alias) *alias = &al;
      name = al.target;
      break;
    }
  }
  for (const Initializer& init : initializers())
    if (name == init.name) return &init;
  return nullptr;
}

const Arg& BoundArgs::get(std::string_view name) const {
  for (std::size_t i = 0; i < params_.size(); ++i)
    if (name == params_[i]->name) return values_[i];
  raise(ErrorKind::RuntimeError,
        std::string(function_) + "() has no parameter '" + std::string(name) + "'");
}

double BoundArgs::number(std::string_view name) const {
  const Arg& a = get(name);
  if (const auto* d = std::get_if<double>(&a)) return *d;
  if (const auto* i = std::get_if<int64_t>(&a)) return static_cast<double>(*i);
  if (const auto* b = std::get_if<bool>(&a)) return *b ? 1.0 : 0.0;
  raise(ErrorKind::TypeError, std::string(function_) + "(): argument '" + std::string(name) +
                                  "' must be a number, not " + type_name(a));
}

int64_t BoundArgs::integer(std::string_view name) const {
  const Arg& a = get(name);
  if (const auto* i = std::get_if<int64_t>(&a)) return *i;
  if (const auto* b = std::get_if<bool>(&a)) return *b ? 1 : 0;
  raise(ErrorKind::TypeError, std::string(function_) + "(): argument '" + std::string(name) +
                                  "' must be int, not " + type_name(a));
}

std::string BoundArgs::text(std::string_view name) const {
  const Arg& a = get(name);
  if (const auto* s = std::get_if<std::string>(&a)) return *s;
  raise(ErrorKind::TypeError, std::string(function_) + "(): argument '" + std::string(name) +
                                  "' must be str, not " + type_name(a));
}

BoundArgs bind(const Initializer& init, const std::vector<Arg>& positional,
               const std::vector<Kwarg>& kwargs) {
  const std::string fn = init.name;
  const std::size_t n = init.params.size();
  if (positional.size() > n) {
    std::size_t required = 1;  // the tensor
    for (const Param& p : init.params) required += p.required ? 1 : 0;
    const std::size_t given = positional.size() + 1;
    std::string takes = required == n + 1 ? std::to_string(n + 1)
                                          : "from " + std::to_string(required) + " to " +
                                                std::to_string(n + 1);
    raise(ErrorKind::TypeError, fn + "() takes " + takes + " positional argument" +
                                    (n + 1 == 1 ? "" : "s") + " but " + std::to_string(given) +
                                    (given == 1 ? " was" : " were") + " given");
  }
  std::vector<const Param*> params;
  std::vector<Arg> values(n);
  std::vector<bool> set(n, false);
  for (std::size_t i = 0; i < n; ++i) params.push_back(&init.params[i]);
  for (std::size_t i = 0; i < positional.size(); ++i) {
    values[i] = positional[i];
    set[i] = true;
  }
  for (const Kwarg& kw : kwargs) {
    std::size_t i = 0;
    while (i < n && kw.name != init.params[i].name) ++i;
    if (i == n) {
      raise(ErrorKind::TypeError,
            fn + "() got an unexpected keyword argument '" + kw.name + "'");
    }
    if (set[i]) {
      raise(ErrorKind::TypeError, fn + "() got multiple values for argument '" + kw.name + "'");
    }
    values[i] = kw.value;
    set[i] = true;
  }
  std::vector<std::string> missing;
  for (std::size_t i = 0; i < n; ++i) {
    if (set[i]) continue;
    if (init.params[i].required) missing.push_back(init.params[i].name);
    values[i] = init.params[i].default_value;
  }
  if (!missing.empty()) {
    std::string names;
    for (std::size_t i = 0; i < missing.size(); ++i) {
      if (i) names += missing.size() == 2 ? " and " : (i + 1 == missing.size() ? ", and " : ", ");
      names += "'" + missing[i] + "'";
    }
    raise(ErrorKind::TypeError, fn + "() missing " + std::to_string(missing.size()) +
                                    " required positional argument" +
                                    (missing.size() == 1 ? "" : "s") + ": " + names);
  }
  return BoundArgs(init.name, std::move(params), std::move(values));
}

Tensor& call_initializer(std::string_view name, Tensor& t, const std::vector<Arg>& positional,
                         const std::vector<Kwarg>& kwargs, Generator& gen) {
  const Alias* alias = nullptr;
  const Initializer* init = find_initializer(name, &alias);
  if (init == nullptr) {
    raise(ErrorKind::ValueError,
          "module 'torch.nn.init' has no attribute '" + std::string(name) + "'");
  }
  if (alias != nullptr && alias->deprecated) {
    warn("nn.init." + std::string(alias->name) + " is now deprecated in favor of nn.init." +
         alias->target + ".");
  }
  return init->apply(t, bind(*init, positional, kwargs), gen);
}

double calculate_gain(std::string_view nonlinearity, const Arg& param) {
  if (nonlinearity == "leaky_relu" && !std::holds_alternative<std::monostate>(param) &&
      !std::holds_alternative<int64_t>(param) && !std::holds_alternative<double>(param)) {
    raise(ErrorKind::ValueError, "negative_slope " + arg_to_string(param) + " not a valid number");
  }
  std::optional<double> p;
  if (const auto* d = std::get_if<double>(&param)) p = *d;
  if (const auto* i = std::get_if<int64_t>(&param)) p = static_cast<double>(*i);
  return calculate_gain(nonlinearity, p);
}

std::string arg_to_string(const Arg& a) {
  switch (a.index()) {
    case 0: return "None";
    case 1: return std::get<bool>(a) ? "True" : "False";
    case 2: return std::to_string(std::get<int64_t>(a));
    case 3: return py::repr(std::get<double>(a));
    default: return std::get<std::string>(a);
  }
}

}  // namespace initlab::init
