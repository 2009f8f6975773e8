// torch.nn, torch.nn.functional and torch.nn.init for scripts: module classes with PyTorch's
// constructor signatures, module attributes and methods (nn.Module's __getattr__/__setattr__
// rules), model calls that the probe observes, and the initializers through their registry.
#include <algorithm>
#include <cmath>
#include <map>

#include "device_api.hpp"
#include "nn_api_util.hpp"
#include "initlab/error.hpp"
#include "initlab/init.hpp"
#include "initlab/init_registry.hpp"
#include "initlab/nn/functional.hpp"
#include "initlab/nn/layers.hpp"
#include "initlab/warnings.hpp"
#include "native_args.hpp"
#include "numpy_bindings.hpp"
#include "script_module.hpp"

namespace initlab::script {

void install_torch_tensors(Interpreter& in, NamespaceObj& torch);
void install_functional_sparse(NamespaceObj& F_ns);
void install_functional_normalization(NamespaceObj& F_ns);

using A = CallArgs;
using nn::IntOrTuple;

Value wrap(nn::ModulePtr m) {
  auto o = std::make_shared<ModuleObj>();
  o->module = std::move(m);
  return Value(ObjPtr(o));
}

IntOrTuple int_or_tuple(Interpreter& in, const Value& v, const std::string& what) {
  if (v.is_int() || v.is_bool()) return IntOrTuple(v.as_int());
  return IntOrTuple::tuple(to_ints(in, v, what));
}

py::Number number(Interpreter& in, const Value& v, const std::string& what) {
  if (v.is_int() || v.is_bool()) return py::Number::of_int(v.as_int());
  return py::Number::of(to_float(in, v, what));
}

Tensor tensor_arg(Interpreter& in, const Value& v, const std::string& fn) {
  if (auto* t = v.get<TensorObj>()) return t->tensor;
  in.error("TypeError", fn + "(): argument 'input' (position 1) must be Tensor, not " + type_name(v));
}

std::array<int64_t, 2> pair_of(Interpreter& in, const Value& v, const std::string& what) {
  const auto x = to_ints(in, v, what);
  if (x.size() == 1) return {x[0], x[0]};
  if (x.size() != 2) in.error("ValueError", what + " must be an int or a pair of ints");
  return {x[0], x[1]};
}

namespace {

std::string call_text(Interpreter& in, const std::string& name, const A& a) {
  std::string s = "nn." + name + "(";
  bool first = true;
  for (const Value& v : a.positional) {
    s += (first ? "" : ", ") + in.repr(v);
    first = false;
  }
  for (const auto& [k, v] : a.keywords) {
    s += (first ? "" : ", ") + k + "=" + in.repr(v);
    first = false;
  }
  return s + ")";
}

}  // namespace

// A module class: constructor with PyTorch's signature, isinstance by class name.
void module_class(NamespaceObj& nn, const std::string& name, const std::string& file, std::vector<ParamSpec> params,
                  std::function<nn::ModulePtr(Interpreter&, const std::vector<Value>&)> make) {
  auto c = std::make_shared<NativeClassObj>();
  c->name = name;
  // type(m) names the file PyTorch defines the class in: torch.nn.modules.linear.Linear.
  c->qualified = "torch.nn.modules." + file + "." + name;
  c->build = [name, params, make](Interpreter& in, A& a) -> nn::ModulePtr {
    const auto args = bind_native(in, "__init__", a, params);
    nn::ModulePtr m;
    try {
      m = make(in, args);
    } catch (const initlab::Error& e) {
      // Name the layer: "nn.Linear(100000, 100000): a tensor of shape ... needs ... bytes".
      in.error(kind_name(e.kind()), call_text(in, name, a) + ": " + e.what());
    }
    in.created_modules().push_back(m);
    // How copy.deepcopy makes another one of these (clone_module): the same arguments.
    in.module_rebuilders()[m.get()] = [make, args](Interpreter& i) { return make(i, args); };
    return m;
  };
  c->construct = [build = c->build](Interpreter& in, A& a) -> Value { return wrap(build(in, a)); };
  c->is_instance = [name](const Value& v) {
    auto* m = v.get<ModuleObj>();
    return m && m->module->type_name() == name && !dynamic_cast<ScriptModule*>(m->module.get());
  };
  nn.members[name] = Value(ObjPtr(c));
}

namespace {

const std::vector<ParamSpec> kConvParams = {
    {"in_channels", std::nullopt}, {"out_channels", std::nullopt}, {"kernel_size", std::nullopt},
    {"stride", Value(1)},          {"padding", Value(0)},          {"dilation", Value(1)},
    {"groups", Value(1)},          {"bias", Value(true)},          {"padding_mode", Value("zeros")},
    {"device", Value()},           {"dtype", Value()}};

nn::ConvOptions conv_options(Interpreter& in, const std::vector<Value>& a) {
  nn::ConvOptions o;
  o.in_channels = to_int(in, a[0], "in_channels");
  o.out_channels = to_int(in, a[1], "out_channels");
  o.kernel_size = int_or_tuple(in, a[2], "kernel_size");
  o.stride = int_or_tuple(in, a[3], "stride");
  if (a[4].is_str()) o.padding_string = a[4].as_str();
  else o.padding = int_or_tuple(in, a[4], "padding");
  o.dilation = int_or_tuple(in, a[5], "dilation");
  o.groups = to_int(in, a[6], "groups");
  o.bias = in.truthy(a[7]);
  o.padding_mode = to_str(in, a[8], "padding_mode");
  if (o.in_channels <= 0 || o.out_channels <= 0) {
    in.error("ValueError", "in_channels and out_channels must be positive integers, got " +
                               std::to_string(o.in_channels) + " and " + std::to_string(o.out_channels));
  }
  return o;
}

nn::BatchNormOptions bn_options(Interpreter& in, const std::vector<Value>& a) {
  nn::BatchNormOptions o;
  o.num_features = to_int(in, a[0], "num_features");
  o.eps = number(in, a[1], "eps");
  if (a[2].is_none()) o.momentum.reset();
  else o.momentum = number(in, a[2], "momentum");
  o.affine = in.truthy(a[3]);
  o.track_running_stats = in.truthy(a[4]);
  return o;
}

nn::PoolOptions pool_options(Interpreter& in, const std::vector<Value>& a, bool max_pool) {
  nn::PoolOptions o;
  o.kernel_size = int_or_tuple(in, a[0], "kernel_size");
  if (!a[1].is_none()) o.stride = int_or_tuple(in, a[1], "stride");
  o.padding = int_or_tuple(in, a[2], "padding");
  if (max_pool) {
    o.dilation = int_or_tuple(in, a[3], "dilation");
    if (in.truthy(a[4])) in.error("NotImplementedError", "not supported in initlab: return_indices=True");
    o.ceil_mode = in.truthy(a[5]);
  } else {
    o.ceil_mode = in.truthy(a[3]);
    o.count_include_pad = in.truthy(a[4]);
    if (!a[5].is_none()) in.error("NotImplementedError", "not supported in initlab: divisor_override");
  }
  return o;
}

void install_modules(NamespaceObj& nn) {
  module_class(nn, "Linear", "linear", {{"in_features", std::nullopt}, {"out_features", std::nullopt}, {"bias", Value(true)}, {"device", Value()}, {"dtype", Value()}},
               [](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr {
                 const int64_t i = to_int(in, a[0], "in_features"), o = to_int(in, a[1], "out_features");
                 if (i < 0 || o < 0) in.error("RuntimeError", "Trying to create tensor with negative dimension " + std::to_string(std::min(i, o)) + ": [" + std::to_string(o) + ", " + std::to_string(i) + "]");
                 return std::make_shared<nn::Linear>(i, o, in.truthy(a[2]));
               });
  module_class(nn, "Conv1d", "conv", kConvParams, [](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr {
    return std::make_shared<nn::Conv1d>(conv_options(in, a));
  });
  module_class(nn, "Conv2d", "conv", kConvParams, [](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr {
    return std::make_shared<nn::Conv2d>(conv_options(in, a));
  });
  const std::vector<ParamSpec> bn = {{"num_features", std::nullopt}, {"eps", Value(1e-5)}, {"momentum", Value(0.1)}, {"affine", Value(true)}, {"track_running_stats", Value(true)}, {"device", Value()}, {"dtype", Value()}};
  module_class(nn, "BatchNorm1d", "batchnorm", bn, [](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr {
    return std::make_shared<nn::BatchNorm1d>(bn_options(in, a));
  });
  module_class(nn, "BatchNorm2d", "batchnorm", bn, [](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr {
    return std::make_shared<nn::BatchNorm2d>(bn_options(in, a));
  });
  module_class(nn, "LayerNorm", "normalization", {{"normalized_shape", std::nullopt}, {"eps", Value(1e-5)}, {"elementwise_affine", Value(true)}, {"device", Value()}, {"dtype", Value()}},
               [](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr {
                 return std::make_shared<nn::LayerNorm>(to_ints(in, a[0], "normalized_shape"), number(in, a[1], "eps"), in.truthy(a[2]));
               });
  module_class(nn, "GroupNorm", "normalization", {{"num_groups", std::nullopt}, {"num_channels", std::nullopt}, {"eps", Value(1e-5)}, {"affine", Value(true)}, {"device", Value()}, {"dtype", Value()}},
               [](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr {
                 return std::make_shared<nn::GroupNorm>(to_int(in, a[0], "num_groups"), to_int(in, a[1], "num_channels"), number(in, a[2], "eps"), in.truthy(a[3]));
               });
  module_class(nn, "MaxPool2d", "pooling", {{"kernel_size", std::nullopt}, {"stride", Value()}, {"padding", Value(0)}, {"dilation", Value(1)}, {"return_indices", Value(false)}, {"ceil_mode", Value(false)}},
               [](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr { return std::make_shared<nn::MaxPool2d>(pool_options(in, a, true)); });
  module_class(nn, "AvgPool2d", "pooling", {{"kernel_size", std::nullopt}, {"stride", Value()}, {"padding", Value(0)}, {"ceil_mode", Value(false)}, {"count_include_pad", Value(true)}, {"divisor_override", Value()}},
               [](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr { return std::make_shared<nn::AvgPool2d>(pool_options(in, a, false)); });
  module_class(nn, "AdaptiveAvgPool2d", "pooling", {{"output_size", std::nullopt}},
               [](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr { return std::make_shared<nn::AdaptiveAvgPool2d>(int_or_tuple(in, a[0], "output_size")); });
  using DropoutKind = nn::Dropout::Kind;
  for (const DropoutKind kind : {DropoutKind::plain, DropoutKind::d1, DropoutKind::d2, DropoutKind::d3,
                                 DropoutKind::alpha, DropoutKind::feature_alpha}) {
    module_class(nn, nn::Dropout::class_name(kind), "dropout", {{"p", Value(0.5)}, {"inplace", Value(false)}},
                 [kind](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr {
                   return std::make_shared<nn::Dropout>(number(in, a[0], "p"), in.truthy(a[1]), kind);
                 });
  }
  module_class(nn, "Identity", "linear", {}, [](Interpreter&, const std::vector<Value>&) -> nn::ModulePtr { return std::make_shared<nn::Identity>(); });
  module_class(nn, "Flatten", "flatten", {{"start_dim", Value(1)}, {"end_dim", Value(-1)}},
               [](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr { return std::make_shared<nn::Flatten>(to_int(in, a[0], "start_dim"), to_int(in, a[1], "end_dim")); });
  module_class(nn, "ReLU", "activation", {{"inplace", Value(false)}}, [](Interpreter& in, const std::vector<Value>& a) { return nn::make_relu(in.truthy(a[0])); });
  module_class(nn, "LeakyReLU", "activation", {{"negative_slope", Value(0.01)}, {"inplace", Value(false)}},
               [](Interpreter& in, const std::vector<Value>& a) { return nn::make_leaky_relu(number(in, a[0], "negative_slope"), in.truthy(a[1])); });
  module_class(nn, "ELU", "activation", {{"alpha", Value(1.0)}, {"inplace", Value(false)}},
               [](Interpreter& in, const std::vector<Value>& a) { return nn::make_elu(number(in, a[0], "alpha"), in.truthy(a[1])); });
  module_class(nn, "SELU", "activation", {{"inplace", Value(false)}}, [](Interpreter& in, const std::vector<Value>& a) { return nn::make_selu(in.truthy(a[0])); });
  module_class(nn, "GELU", "activation", {{"approximate", Value("none")}}, [](Interpreter& in, const std::vector<Value>& a) {
    const std::string approx = to_str(in, a[0], "approximate");
    if (approx != "none" && approx != "tanh") in.error("RuntimeError", "approximate argument must be either none or tanh.");
    return nn::make_gelu(approx);
  });
  module_class(nn, "SiLU", "activation", {{"inplace", Value(false)}}, [](Interpreter& in, const std::vector<Value>& a) { return nn::make_silu(in.truthy(a[0])); });
  module_class(nn, "Tanh", "activation", {}, [](Interpreter&, const std::vector<Value>&) { return nn::make_tanh(); });
  module_class(nn, "Sigmoid", "activation", {}, [](Interpreter&, const std::vector<Value>&) { return nn::make_sigmoid(); });
  module_class(nn, "Softplus", "activation", {{"beta", Value(1)}, {"threshold", Value(20)}},
               [](Interpreter& in, const std::vector<Value>& a) { return nn::make_softplus(number(in, a[0], "beta"), number(in, a[1], "threshold")); });
  for (const char* n : {"Softmax", "LogSoftmax"}) {
    const bool log = std::string(n) == "LogSoftmax";
    module_class(nn, n, "activation", {{"dim", Value()}}, [log](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr {
      std::optional<int64_t> dim;
      if (!a[0].is_none()) dim = to_int(in, a[0], "dim");
      return std::make_shared<nn::SoftmaxModule>(log, dim);
    });
  }
  // Containers take modules.
  auto seq = std::make_shared<NativeClassObj>();
  seq->name = "Sequential";
  seq->qualified = "torch.nn.modules.container.Sequential";
  seq->construct = [](Interpreter& in, A& a) -> Value {
    if (!a.keywords.empty()) in.error("TypeError", "Sequential.__init__() got an unexpected keyword argument '" + a.keywords[0].first + "'");
    auto s = std::make_shared<nn::Sequential>();
    if (a.positional.size() == 1 && in.as_dict(a.positional[0]).get<DictObj>()) {
      // Sequential(OrderedDict([("conv", ...), ...])): the children take the keys as names.
      for (const auto& [k, v] : in.as_dict(a.positional[0]).get<DictObj>()->items) {
        if (!k.is_str()) in.error("TypeError", "module name should be a string. Got " + type_name(k));
        if (!v.get<ModuleObj>()) in.error("TypeError", type_name(v) + " is not a Module subclass");
        s->register_module(k.as_str(), module_of(v));
      }
    } else {
      for (const Value& v : a.positional) {
        if (!v.get<ModuleObj>()) in.error("TypeError", type_name(v) + " is not a Module subclass");
        s->append(module_of(v));
      }
    }
    in.created_modules().push_back(s);
    return wrap(s);
  };
  seq->is_instance = [](const Value& v) { return v.get<ModuleObj>() && container_kind(*v.get<ModuleObj>()->module) == "Sequential"; };
  nn.members["Sequential"] = Value(ObjPtr(seq));
  auto list = std::make_shared<NativeClassObj>();
  list->name = "ModuleList";
  list->qualified = "torch.nn.modules.container.ModuleList";
  list->construct = [](Interpreter& in, A& a) -> Value {
    const auto args = bind_native(in, "__init__", a, {{"modules", Value()}});
    auto l = std::make_shared<nn::ModuleList>();
    if (!args[0].is_none()) {
      for (const Value& v : in.to_vector(args[0])) {
        if (!v.get<ModuleObj>()) in.error("TypeError", "ModuleList.extend should be called with an iterable of Modules, but got " + type_name(v));
        l->append(module_of(v));
      }
    }
    return wrap(l);
  };
  list->is_instance = [](const Value& v) { return v.get<ModuleObj>() && container_kind(*v.get<ModuleObj>()->module) == "ModuleList"; };
  nn.members["ModuleList"] = Value(ObjPtr(list));
  // nn.Module: the base class of script models; isinstance(x, nn.Module) for any module.
  auto module = std::make_shared<NativeClassObj>();
  module->name = "Module";
  module->qualified = "torch.nn.modules.module.Module";
  module->is_instance = [](const Value& v) { return v.get<ModuleObj>() != nullptr; };
  module->construct = [](Interpreter& in, A& a) -> Value {
    bind_native(in, "__init__", a, {});
    // nn.Module() itself: an empty module that takes attributes and submodules.
    auto cls = std::make_shared<ClassObj>();
    cls->name = "Module";
    cls->module_subclass = true;
    auto m = std::make_shared<ScriptModule>(in, cls);
    m->init_called = true;
    in.created_modules().push_back(m);
    return wrap(m);
  };
  nn.members["Module"] = Value(ObjPtr(module));
  // nn.Parameter(tensor, requires_grad=True): shares the tensor's storage.
  auto param = std::make_shared<NativeClassObj>();
  param->name = "Parameter";
  param->qualified = "torch.nn.parameter.Parameter";
  param->construct = [](Interpreter& in, A& a) -> Value {
    const auto args = bind_native(in, "__new__", a, {{"data", Value()}, {"requires_grad", Value(true)}});
    Tensor t = args[0].is_none() ? Tensor(Shape{0}) : args[0].get<TensorObj>() ? args[0].get<TensorObj>()->tensor
                                                                                 : (in.error("TypeError", "Parameter data must be a Tensor, not " + type_name(args[0])), Tensor());
    // A new leaf on the same storage.
    Tensor leaf = t.detach();
    leaf.set_requires_grad(in.truthy(args[1]));
    return make_tensor(leaf, true);
  };
  param->is_instance = [](const Value& v) { return v.get<TensorObj>() && v.get<TensorObj>()->parameter; };
  nn.members["Parameter"] = Value(ObjPtr(param));
}

// ---- nn.init ----
init::Arg to_arg(Interpreter& in, const Value& v) {
  if (v.is_none()) return std::monostate{};
  if (v.is_bool()) return v.as_bool();
  if (v.is_int()) return v.as_int();
  if (v.is_float()) return v.as_float();
  if (v.is_str()) return v.as_str();
  if (auto n = numpy_number(v); n && v.get<NdArrayObj>()->scalar) return to_arg(in, *n);  // np.sqrt(2.0 / fan_in)
  if (auto* t = v.get<TensorObj>(); t && t->tensor.numel() == 1) return static_cast<double>(t->tensor.contiguous().data()[0]);
  in.error("TypeError", "expected a number or a string, not " + type_name(v));
}

void install_init(NamespaceObj& init_ns) {
  const auto add = [&](const std::string& name) {
    init_ns.members[name] = make_builtin("torch.nn.init." + name, [name](Interpreter& in, A& a) {
      Value tensor;
      Generator* gen = &default_generator();
      std::vector<init::Arg> positional;
      std::vector<init::Kwarg> kwargs;
      std::size_t start = 0;
      if (!a.positional.empty()) {
        tensor = a.positional[0];
        start = 1;
      }
      for (std::size_t i = start; i < a.positional.size(); ++i) positional.push_back(to_arg(in, a.positional[i]));
      for (const auto& [k, v] : a.keywords) {
        if (k == "tensor") {
          if (!tensor.is_none()) in.error("TypeError", name + "() got multiple values for argument 'tensor'");
          tensor = v;
        } else if (k == "generator") {
          if (!v.is_none()) {
            auto* g = v.get<GeneratorObj>();
            if (!g) in.error("TypeError", "generator must be a torch.Generator, not " + type_name(v));
            gen = g->generator.get();
          }
        } else {
          kwargs.push_back({k, to_arg(in, v)});
        }
      }
      if (tensor.is_none()) in.error("TypeError", name + "() missing 1 required positional argument: 'tensor'");
      auto* t = tensor.get<TensorObj>();
      if (!t) in.error("AttributeError", "'" + type_name(tensor) + "' object has no attribute 'ndimension'");
      mark_init_line(in);
      init::call_initializer(name, t->tensor, positional, kwargs, *gen);
      // An in-place write under no_grad, as PyTorch's: a graph that saved the tensor before
      // refuses its backward. (One bump; PyTorch's multi-step initializers bump more.)
      t->tensor.bump_version();
      return tensor;
    });
  };
  for (const auto& i : init::initializers()) add(i.name);
  for (const auto& al : init::initializer_aliases()) add(al.name);
  init_ns.members["calculate_gain"] = make_builtin("torch.nn.init.calculate_gain", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "calculate_gain", a, {{"nonlinearity", std::nullopt}, {"param", Value()}});
    const double g = init::calculate_gain(to_str(in, args[0], "nonlinearity"), to_arg(in, args[1]));
    // PyTorch returns the int 1 for the linear family and sigmoid.
    if (g == 1.0 && args[0].as_str() != "leaky_relu") return Value(1);
    return Value(g);
  });
  init_ns.members["_calculate_fan_in_and_fan_out"] = make_builtin("torch.nn.init._calculate_fan_in_and_fan_out", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "_calculate_fan_in_and_fan_out", a, {{"tensor", std::nullopt}});
    auto* t = args[0].get<TensorObj>();
    if (!t) in.error("TypeError", "expected a Tensor");
    const auto f = init::calculate_fan_in_and_fan_out(t->tensor);
    return make_tuple({Value(f.fan_in), Value(f.fan_out)});
  });
}

// ---- torch.nn.functional ----
void install_functional(NamespaceObj& F_ns) {
  const auto def = [&](const std::string& name, Native fn) { F_ns.members[name] = make_builtin("torch.nn.functional." + name, std::move(fn)); };
  def("relu", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "relu", a, {{"input", std::nullopt}, {"inplace", Value(false)}});
    nn::set_source_line(in.location().line);
    if (in.truthy(args[1]) && args[0].get<TensorObj>()) {  // PyTorch's relu_: the input itself, rebased
      A none;
      none.where = a.where;
      return in.call_method(args[0], "relu_", none);
    }
    return make_tensor(F::relu(tensor_arg(in, args[0], "relu")));
  });
  def("leaky_relu", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "leaky_relu", a, {{"input", std::nullopt}, {"negative_slope", Value(0.01)}, {"inplace", Value(false)}});
    nn::set_source_line(in.location().line);
    return make_tensor(F::leaky_relu(tensor_arg(in, args[0], "leaky_relu"), to_float(in, args[1], "negative_slope")));
  });
  for (const char* n : {"max_pool2d", "avg_pool2d"}) {
    const bool is_max = std::string(n) == "max_pool2d";
    def(n, [is_max](Interpreter& in, A& a) {
      const std::string fn = is_max ? "max_pool2d" : "avg_pool2d";
      const auto args = is_max ? bind_native(in, fn, a, {{"input", std::nullopt}, {"kernel_size", std::nullopt}, {"stride", Value()}, {"padding", Value(0)}, {"dilation", Value(1)}, {"ceil_mode", Value(false)}, {"return_indices", Value(false)}})
                               : bind_native(in, fn, a, {{"input", std::nullopt}, {"kernel_size", std::nullopt}, {"stride", Value()}, {"padding", Value(0)}, {"ceil_mode", Value(false)}, {"count_include_pad", Value(true)}, {"divisor_override", Value()}});
      const Tensor x = tensor_arg(in, args[0], fn);
      const auto k = pair_of(in, args[1], "kernel_size");
      std::optional<std::array<int64_t, 2>> s;
      if (!args[2].is_none()) s = pair_of(in, args[2], "stride");
      const auto p = pair_of(in, args[3], "padding");
      nn::set_source_line(in.location().line);
      if (is_max) {
        if (pair_of(in, args[4], "dilation") != std::array<int64_t, 2>{1, 1}) in.error("NotImplementedError", "not supported in initlab: max_pool2d with dilation != 1");
        return make_tensor(F::max_pool2d(x, k, s, p, in.truthy(args[5])));
      }
      return make_tensor(F::avg_pool2d(x, k, s, p, in.truthy(args[4]), in.truthy(args[5])));
    });
  }
  def("adaptive_avg_pool2d", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "adaptive_avg_pool2d", a, {{"input", std::nullopt}, {"output_size", std::nullopt}});
    nn::set_source_line(in.location().line);
    return make_tensor(F::adaptive_avg_pool2d(tensor_arg(in, args[0], "adaptive_avg_pool2d"), pair_of(in, args[1], "output_size")));
  });
  for (const char* n : {"softmax", "log_softmax"}) {
    const bool log = std::string(n) == "log_softmax";
    def(n, [log](Interpreter& in, A& a) {
      const std::string fn = log ? "log_softmax" : "softmax";
      const auto args = bind_native(in, fn, a, {{"input", std::nullopt}, {"dim", Value()}, {"_stacklevel", Value(3)}, {"dtype", Value()}});
      const Tensor x = tensor_arg(in, args[0], fn);
      int64_t dim;
      if (args[1].is_none()) {
        dim = (x.dim() == 0 || x.dim() == 1 || x.dim() == 3) ? 0 : 1;
        warn("Implicit dimension choice for " + fn + " has been deprecated. Change the call to include dim=X as an argument.");
      } else {
        dim = to_int(in, args[1], "dim");
      }
      nn::set_source_line(in.location().line);
      if (!log) note_softmax_input(x, dim);
      return make_tensor(log ? F::log_softmax(x, dim) : F::softmax(x, dim));
    });
  }
  // The dropout family (inplace=True computes a new tensor, as the in-place activations do).
  struct DropoutFn {
    const char* name;
    bool training;  // the default: False for the alpha dropouts
    Tensor (*fn)(const Tensor&, double, bool);
  };
  for (const DropoutFn d : {DropoutFn{"dropout", true, F::dropout}, DropoutFn{"dropout1d", true, F::dropout1d},
                            DropoutFn{"dropout2d", true, F::dropout2d}, DropoutFn{"dropout3d", true, F::dropout3d},
                            DropoutFn{"alpha_dropout", false, F::alpha_dropout},
                            DropoutFn{"feature_alpha_dropout", false, F::feature_alpha_dropout}}) {
    const std::string name = d.name;
    def(name, [name, d](Interpreter& in, A& a) {
      const auto args = bind_native(in, name, a, {{"input", std::nullopt}, {"p", Value(0.5)}, {"training", Value(d.training)}, {"inplace", Value(false)}});
      const py::Number p = number(in, args[1], "p");
      if (p.value < 0.0 || p.value > 1.0) in.error("ValueError", "dropout probability has to be between 0 and 1, but got " + p.repr());
      nn::set_source_line(in.location().line);
      return make_tensor(d.fn(tensor_arg(in, args[0], name), p.value, in.truthy(args[2])));
    });
  }
  for (const char* n : {"tanh", "sigmoid"}) {
    const std::string name = n;
    def(name, [name](Interpreter& in, A& a) {
      const auto args = bind_native(in, name, a, {{"input", std::nullopt}});
      nn::set_source_line(in.location().line);
      const Tensor x = tensor_arg(in, args[0], name);
      return make_tensor(name == "tanh" ? F::tanh(x) : F::sigmoid(x));
    });
  }
  struct Act {
    const char* name;
    kernels::Activation a;
  };
  for (const Act act : {Act{"gelu", kernels::Activation::gelu}, Act{"elu", kernels::Activation::elu},
                        Act{"selu", kernels::Activation::selu}, Act{"silu", kernels::Activation::silu},
                        Act{"softplus", kernels::Activation::softplus}}) {
    const std::string name = act.name;
    const kernels::Activation kind = act.a;
    def(name, [name, kind](Interpreter& in, A& a) {
      if (a.positional.empty()) in.error("TypeError", name + "() missing 1 required positional argument: 'input'");
      kernels::ActivationParams p;
      if (kind == kernels::Activation::elu) p.alpha = 1.0f;
      for (const auto& [k, v] : a.keywords) {
        if (k == "alpha") p.alpha = static_cast<float>(to_float(in, v, "alpha"));
        else if (k == "beta") p.beta = static_cast<float>(to_float(in, v, "beta"));
        else if (k == "threshold") p.threshold = static_cast<float>(to_float(in, v, "threshold"));
      }
      return make_tensor(ops::activation(tensor_arg(in, a.positional[0], name), kind, p));
    });
  }
  def("linear", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "linear", a, {{"input", std::nullopt}, {"weight", std::nullopt}, {"bias", Value()}});
    const Tensor b = args[2].is_none() ? Tensor() : tensor_arg(in, args[2], "linear");
    return make_tensor(ops::linear(tensor_arg(in, args[0], "linear"), tensor_arg(in, args[1], "linear"), b));
  });
  // F.conv1d / F.conv2d: what a Conv subclass's own forward calls (timm's Conv2dSame).
  for (const int dims : {1, 2}) {
    const std::string name = dims == 1 ? "conv1d" : "conv2d";
    def(name, [name, dims](Interpreter& in, A& a) {
      const auto args = bind_native(in, name, a, {{"input", std::nullopt}, {"weight", std::nullopt}, {"bias", Value()},
                                                  {"stride", Value(1)}, {"padding", Value(0)}, {"dilation", Value(1)},
                                                  {"groups", Value(1)}});
      const Tensor x = tensor_arg(in, args[0], name);
      const Tensor w = tensor_arg(in, args[1], name);
      const Tensor b = args[2].is_none() ? Tensor() : tensor_arg(in, args[2], name);
      const auto d = static_cast<std::size_t>(dims);
      const auto stride = int_or_tuple(in, args[3], "stride").expand(d);
      const auto dilation = int_or_tuple(in, args[5], "dilation").expand(d);
      ops::ConvParams p;
      p.groups = to_int(in, args[6], "groups");
      p.stride = {dims == 2 ? stride[0] : 1, stride[d - 1]};
      p.dilation = {dims == 2 ? dilation[0] : 1, dilation[d - 1]};
      if (args[4].is_str()) {
        const std::string mode = args[4].as_str();
        if (mode != "valid" && mode != "same") {
          in.error("RuntimeError", "Invalid padding string: '" + mode + "'");
        }
        if (mode == "same") {
          for (int64_t st : stride)
            if (st != 1) in.error("RuntimeError", "padding='same' is not supported for strided convolutions");
          // PyTorch's same padding: d*(k-1) in all, the odd one at the bottom/right.
          for (std::size_t i = 0; i < d; ++i) {
            const int64_t k = w.dim() == dims + 2 ? w.shape()[static_cast<int>(2 + i)] : 1;
            const int64_t total = dilation[i] * (k - 1);
            const std::size_t slot = dims == 2 ? i : 1;
            p.padding[slot] = total / 2;
            p.padding[slot + 2] = total - total / 2;
          }
        }
      } else {
        const auto pad = int_or_tuple(in, args[4], "padding").expand(d);
        const int64_t ph = dims == 2 ? pad[0] : 0, pw = pad[d - 1];
        p.padding = {ph, pw, ph, pw};
      }
      return make_tensor(dims == 2 ? ops::conv2d(x, w, b, p) : ops::conv1d(x, w, b, p));
    });
  }
}

}  // namespace

void mark_init_line(Interpreter& in) { nn::set_source_line(in.location().line); }

void install_torch(Interpreter& interp) {
  auto torch = std::make_shared<NamespaceObj>();
  torch->name = "torch";
  auto nn_ns = std::make_shared<NamespaceObj>();
  nn_ns->name = "torch.nn";
  auto F_ns = std::make_shared<NamespaceObj>();
  F_ns->name = "torch.nn.functional";
  auto init_ns = std::make_shared<NamespaceObj>();
  init_ns->name = "torch.nn.init";
  install_torch_tensors(interp, *torch);
  install_memory_formats(*torch);
  install_modules(*nn_ns);
  install_init(*init_ns);
  install_functional(*F_ns);
  install_functional_sparse(*F_ns);
  install_functional_normalization(*F_ns);
  install_losses(interp, *nn_ns, *F_ns);
  install_vision(*nn_ns, *F_ns);
  install_optim(interp, *torch);
  nn_ns->members["functional"] = Value(ObjPtr(F_ns));
  nn_ns->members["init"] = Value(ObjPtr(init_ns));
  torch->members["nn"] = Value(ObjPtr(nn_ns));
  auto tensor_cls = std::make_shared<NativeClassObj>();
  tensor_cls->name = "Tensor";
  tensor_cls->qualified = "torch.Tensor";
  tensor_cls->is_instance = [](const Value& v) { return v.get<TensorObj>() != nullptr; };
  torch->members["Tensor"] = Value(ObjPtr(tensor_cls));
  install_torch_numpy(interp, *torch);
  auto gen_cls = std::make_shared<NativeClassObj>();
  gen_cls->name = "Generator";
  gen_cls->qualified = "torch._C.Generator";
  gen_cls->construct = [](Interpreter& in, A& a) -> Value {
    bind_native(in, "Generator", a, {{"device", Value("cpu")}});
    auto g = std::make_shared<GeneratorObj>();
    g->generator = std::make_shared<Generator>();
    return Value(ObjPtr(g));
  };
  gen_cls->is_instance = [](const Value& v) { return v.get<GeneratorObj>() != nullptr; };
  torch->members["Generator"] = Value(ObjPtr(gen_cls));
  auto size_cls = std::make_shared<NativeClassObj>();
  size_cls->name = "Size";
  size_cls->qualified = "torch.Size";
  size_cls->construct = [](Interpreter& in, A& a) -> Value {
    Value t = make_tuple(a.positional.empty() ? std::vector<Value>{} : in.to_vector(a.positional[0]));
    t.get<TupleObj>()->is_size = true;
    return t;
  };
  size_cls->is_instance = [](const Value& v) { return v.get<TupleObj>() && v.get<TupleObj>()->is_size; };
  torch->members["Size"] = Value(ObjPtr(size_cls));

  auto& mods = interp.importable();
  mods["torch"] = Value(ObjPtr(torch));
  mods["torch.nn"] = Value(ObjPtr(nn_ns));
  mods["torch.nn.functional"] = Value(ObjPtr(F_ns));
  mods["torch.nn.init"] = Value(ObjPtr(init_ns));
}

}  // namespace initlab::script
