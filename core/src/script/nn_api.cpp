// torch.nn, torch.nn.functional and torch.nn.init for scripts: module classes with PyTorch's
// constructor signatures, module attributes and methods (nn.Module's __getattr__/__setattr__
// rules), model calls that the probe observes, and the initializers through their registry.
#include <algorithm>
#include <cmath>
#include <map>

#include "bindings.hpp"
#include "initlab/error.hpp"
#include "initlab/init.hpp"
#include "initlab/init_registry.hpp"
#include "initlab/nn/functional.hpp"
#include "initlab/nn/layers.hpp"
#include "initlab/warnings.hpp"
#include "native_args.hpp"
#include "script_module.hpp"

namespace initlab::script {

void install_torch_tensors(Interpreter& in, NamespaceObj& torch);

namespace {

using A = CallArgs;
using nn::IntOrTuple;

Value wrap(nn::ModulePtr m) {
  auto o = std::make_shared<ModuleObj>();
  o->module = std::move(m);
  return Value(ObjPtr(o));
}

nn::ModulePtr module_of(const Value& v) { return v.get<ModuleObj>()->module; }

IntOrTuple int_or_tuple(Interpreter& in, const Value& v, const std::string& what) {
  if (v.is_int() || v.is_bool()) return IntOrTuple(v.as_int());
  return IntOrTuple::tuple(to_ints(in, v, what));
}

py::Number number(Interpreter& in, const Value& v, const std::string& what) {
  if (v.is_int() || v.is_bool()) return py::Number::of_int(v.as_int());
  return py::Number::of(to_float(in, v, what));
}

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

// A module class: constructor with PyTorch's signature, isinstance by class name.
void module_class(Interpreter& interp, NamespaceObj& nn, const std::string& name,
                  std::vector<ParamSpec> params,
                  std::function<nn::ModulePtr(Interpreter&, const std::vector<Value>&)> make) {
  auto c = std::make_shared<NativeClassObj>();
  c->name = name;
  // type(m) names the file PyTorch defines the class in: torch.nn.modules.linear.Linear.
  static const std::map<std::string, std::string> kFiles = {
      {"Linear", "linear"}, {"Identity", "linear"}, {"Conv1d", "conv"}, {"Conv2d", "conv"},
      {"BatchNorm1d", "batchnorm"}, {"BatchNorm2d", "batchnorm"}, {"LayerNorm", "normalization"},
      {"GroupNorm", "normalization"}, {"MaxPool2d", "pooling"}, {"AvgPool2d", "pooling"},
      {"AdaptiveAvgPool2d", "pooling"}, {"Dropout", "dropout"}, {"Dropout1d", "dropout"},
      {"Dropout2d", "dropout"}, {"Dropout3d", "dropout"}, {"AlphaDropout", "dropout"},
      {"FeatureAlphaDropout", "dropout"}, {"Flatten", "flatten"}};
  auto file = kFiles.find(name);
  c->qualified = "torch.nn.modules." + (file != kFiles.end() ? file->second : std::string("activation")) + "." + name;
  c->construct = [name, params, make](Interpreter& in, A& a) -> Value {
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
    return wrap(m);
  };
  c->is_instance = [name](const Value& v) {
    auto* m = v.get<ModuleObj>();
    return m && m->module->type_name() == name && !dynamic_cast<ScriptModule*>(m->module.get());
  };
  nn.members[name] = Value(ObjPtr(c));
  (void)interp;
}

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

void install_modules(Interpreter& interp, NamespaceObj& nn) {
  module_class(interp, nn, "Linear", {{"in_features", std::nullopt}, {"out_features", std::nullopt}, {"bias", Value(true)}, {"device", Value()}, {"dtype", Value()}},
               [](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr {
                 const int64_t i = to_int(in, a[0], "in_features"), o = to_int(in, a[1], "out_features");
                 if (i < 0 || o < 0) in.error("RuntimeError", "Trying to create tensor with negative dimension " + std::to_string(std::min(i, o)) + ": [" + std::to_string(o) + ", " + std::to_string(i) + "]");
                 return std::make_shared<nn::Linear>(i, o, in.truthy(a[2]));
               });
  module_class(interp, nn, "Conv1d", kConvParams, [](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr {
    return std::make_shared<nn::Conv1d>(conv_options(in, a));
  });
  module_class(interp, nn, "Conv2d", kConvParams, [](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr {
    return std::make_shared<nn::Conv2d>(conv_options(in, a));
  });
  const std::vector<ParamSpec> bn = {{"num_features", std::nullopt}, {"eps", Value(1e-5)}, {"momentum", Value(0.1)}, {"affine", Value(true)}, {"track_running_stats", Value(true)}, {"device", Value()}, {"dtype", Value()}};
  module_class(interp, nn, "BatchNorm1d", bn, [](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr {
    return std::make_shared<nn::BatchNorm1d>(bn_options(in, a));
  });
  module_class(interp, nn, "BatchNorm2d", bn, [](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr {
    return std::make_shared<nn::BatchNorm2d>(bn_options(in, a));
  });
  module_class(interp, nn, "LayerNorm", {{"normalized_shape", std::nullopt}, {"eps", Value(1e-5)}, {"elementwise_affine", Value(true)}, {"device", Value()}, {"dtype", Value()}},
               [](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr {
                 return std::make_shared<nn::LayerNorm>(to_ints(in, a[0], "normalized_shape"), number(in, a[1], "eps"), in.truthy(a[2]));
               });
  module_class(interp, nn, "GroupNorm", {{"num_groups", std::nullopt}, {"num_channels", std::nullopt}, {"eps", Value(1e-5)}, {"affine", Value(true)}, {"device", Value()}, {"dtype", Value()}},
               [](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr {
                 return std::make_shared<nn::GroupNorm>(to_int(in, a[0], "num_groups"), to_int(in, a[1], "num_channels"), number(in, a[2], "eps"), in.truthy(a[3]));
               });
  module_class(interp, nn, "MaxPool2d", {{"kernel_size", std::nullopt}, {"stride", Value()}, {"padding", Value(0)}, {"dilation", Value(1)}, {"return_indices", Value(false)}, {"ceil_mode", Value(false)}},
               [](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr { return std::make_shared<nn::MaxPool2d>(pool_options(in, a, true)); });
  module_class(interp, nn, "AvgPool2d", {{"kernel_size", std::nullopt}, {"stride", Value()}, {"padding", Value(0)}, {"ceil_mode", Value(false)}, {"count_include_pad", Value(true)}, {"divisor_override", Value()}},
               [](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr { return std::make_shared<nn::AvgPool2d>(pool_options(in, a, false)); });
  module_class(interp, nn, "AdaptiveAvgPool2d", {{"output_size", std::nullopt}},
               [](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr { return std::make_shared<nn::AdaptiveAvgPool2d>(int_or_tuple(in, a[0], "output_size")); });
  using DropoutKind = nn::Dropout::Kind;
  for (const DropoutKind kind : {DropoutKind::plain, DropoutKind::d1, DropoutKind::d2, DropoutKind::d3,
                                 DropoutKind::alpha, DropoutKind::feature_alpha}) {
    module_class(interp, nn, nn::Dropout::class_name(kind), {{"p", Value(0.5)}, {"inplace", Value(false)}},
                 [kind](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr {
                   return std::make_shared<nn::Dropout>(number(in, a[0], "p"), in.truthy(a[1]), kind);
                 });
  }
  module_class(interp, nn, "Identity", {}, [](Interpreter&, const std::vector<Value>&) -> nn::ModulePtr { return std::make_shared<nn::Identity>(); });
  module_class(interp, nn, "Flatten", {{"start_dim", Value(1)}, {"end_dim", Value(-1)}},
               [](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr { return std::make_shared<nn::Flatten>(to_int(in, a[0], "start_dim"), to_int(in, a[1], "end_dim")); });
  module_class(interp, nn, "ReLU", {{"inplace", Value(false)}}, [](Interpreter& in, const std::vector<Value>& a) { return nn::make_relu(in.truthy(a[0])); });
  module_class(interp, nn, "LeakyReLU", {{"negative_slope", Value(0.01)}, {"inplace", Value(false)}},
               [](Interpreter& in, const std::vector<Value>& a) { return nn::make_leaky_relu(number(in, a[0], "negative_slope"), in.truthy(a[1])); });
  module_class(interp, nn, "ELU", {{"alpha", Value(1.0)}, {"inplace", Value(false)}},
               [](Interpreter& in, const std::vector<Value>& a) { return nn::make_elu(number(in, a[0], "alpha"), in.truthy(a[1])); });
  module_class(interp, nn, "SELU", {{"inplace", Value(false)}}, [](Interpreter& in, const std::vector<Value>& a) { return nn::make_selu(in.truthy(a[0])); });
  module_class(interp, nn, "GELU", {{"approximate", Value("none")}}, [](Interpreter& in, const std::vector<Value>& a) {
    const std::string approx = to_str(in, a[0], "approximate");
    if (approx != "none" && approx != "tanh") in.error("RuntimeError", "approximate argument must be either none or tanh.");
    return nn::make_gelu(approx);
  });
  module_class(interp, nn, "SiLU", {{"inplace", Value(false)}}, [](Interpreter& in, const std::vector<Value>& a) { return nn::make_silu(in.truthy(a[0])); });
  module_class(interp, nn, "Tanh", {}, [](Interpreter&, const std::vector<Value>&) { return nn::make_tanh(); });
  module_class(interp, nn, "Sigmoid", {}, [](Interpreter&, const std::vector<Value>&) { return nn::make_sigmoid(); });
  module_class(interp, nn, "Softplus", {{"beta", Value(1)}, {"threshold", Value(20)}},
               [](Interpreter& in, const std::vector<Value>& a) { return nn::make_softplus(number(in, a[0], "beta"), number(in, a[1], "threshold")); });
  for (const char* n : {"Softmax", "LogSoftmax"}) {
    const bool log = std::string(n) == "LogSoftmax";
    module_class(interp, nn, n, {{"dim", Value()}}, [log](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr {
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

void install_functional(NamespaceObj& F_ns) {
  const auto def = [&](const std::string& name, Native fn) { F_ns.members[name] = make_builtin("torch.nn.functional." + name, std::move(fn)); };
  def("relu", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "relu", a, {{"input", std::nullopt}, {"inplace", Value(false)}});
    nn::set_source_line(in.location().line);
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
  install_modules(interp, *nn_ns);
  install_init(*init_ns);
  install_functional(*F_ns);
  install_losses(interp, *nn_ns, *F_ns);
  install_optim(interp, *torch);
  nn_ns->members["functional"] = Value(ObjPtr(F_ns));
  nn_ns->members["init"] = Value(ObjPtr(init_ns));
  torch->members["nn"] = Value(ObjPtr(nn_ns));
  auto tensor_cls = std::make_shared<NativeClassObj>();
  tensor_cls->name = "Tensor";
  tensor_cls->qualified = "torch.Tensor";
  tensor_cls->is_instance = [](const Value& v) { return v.get<TensorObj>() != nullptr; };
  torch->members["Tensor"] = Value(ObjPtr(tensor_cls));
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

// ---------------------------------------------------------------------------------------
// module attributes, assignment and calls

std::optional<Value> module_attribute(Interpreter& interp, const Value& self, const std::string& name) {
  nn::ModulePtr m = module_of(self);
  // nn.Module.__getattr__: parameters, buffers, submodules...
  for (const auto& [n, t] : m->own_parameters()) {
    if (n != name) continue;
    if (!t.defined()) return Value();
    Value p = make_tensor(t, true);
    p.get<TensorObj>()->owner = m;
    p.get<TensorObj>()->owner_name = n;
    return p;
  }
  for (const auto& [n, t] : m->own_buffers())
    if (n == name) return t.defined() ? make_tensor(t, false) : Value();
  for (const auto& [n, c] : m->children())
    if (n == name) return c ? wrap(c) : Value();
  // ...then the script class's own attributes and methods.
  if (auto* sm = dynamic_cast<ScriptModule*>(m.get())) {
    auto it = sm->attrs.find(name);
    if (it != sm->attrs.end()) return it->second;
    if (const Value* v = sm->cls->find(name)) return interp.bind_class_attr(*v, self, Value(ObjPtr(sm->cls)));
  }
  const auto method = [&](Native fn) { return make_builtin(m->type_name() + "." + name, std::move(fn)); };
  if (auto extra = interp.module_attrs().find(m.get()); extra != interp.module_attrs().end()) {
    auto it = extra->second.find(name);
    if (it != extra->second.end()) return it->second;
  }
  if (name == "training") return Value(m->is_training());
  // Layer attributes PyTorch exposes.
  if (auto* l = dynamic_cast<nn::Linear*>(m.get())) {
    if (name == "in_features") return Value(l->in_features);
    if (name == "out_features") return Value(l->out_features);
  }
  if (auto* c = dynamic_cast<nn::ConvNd*>(m.get())) {
    const auto& o = c->options();
    const std::size_t dims = m->type_name() == "Conv1d" ? 1 : 2;
    const auto tuple = [](const std::vector<int64_t>& v) {
      std::vector<Value> items;
      for (int64_t x : v) items.emplace_back(x);
      return make_tuple(std::move(items));
    };
    if (name == "in_channels") return Value(o.in_channels);
    if (name == "out_channels") return Value(o.out_channels);
    if (name == "kernel_size") return tuple(o.kernel_size.expand(dims));
    if (name == "stride") return tuple(o.stride.expand(dims));
    if (name == "dilation") return tuple(o.dilation.expand(dims));
    if (name == "padding") return o.padding_string.empty() ? tuple(o.padding.expand(dims)) : Value(o.padding_string);
    if (name == "groups") return Value(o.groups);
    if (name == "padding_mode") return Value(o.padding_mode);
  }
  if (auto* b = dynamic_cast<nn::BatchNorm*>(m.get())) {
    const auto& o = b->options();
    if (name == "num_features") return Value(o.num_features);
    if (name == "eps") return Value(o.eps.value);
    if (name == "momentum") return o.momentum ? Value(o.momentum->value) : Value();
    if (name == "affine") return Value(o.affine);
    if (name == "track_running_stats") return Value(o.track_running_stats);
  }
  if (auto* ln = dynamic_cast<nn::LayerNorm*>(m.get())) {
    if (name == "normalized_shape") {
      std::vector<Value> dims;
      for (int64_t d : ln->normalized_shape()) dims.emplace_back(d);
      return make_tuple(std::move(dims));
    }
    if (name == "eps") return Value(ln->eps());
    if (name == "elementwise_affine") return Value(ln->elementwise_affine());
  }
  if (auto* gn = dynamic_cast<nn::GroupNorm*>(m.get())) {
    if (name == "num_groups") return Value(gn->num_groups());
    if (name == "num_channels") return Value(gn->num_channels());
    if (name == "eps") return Value(gn->eps());
    if (name == "affine") return Value(gn->affine());
  }
  // nn.Module's methods.
  const auto modules_list = [&](bool named, bool children_only) {
    return method([m, named, children_only](Interpreter&, A&) {
      std::vector<Value> out;
      if (children_only) {
        for (const auto& [n, c] : m->children()) {
          if (!c) continue;
          out.push_back(named ? make_tuple({Value(n), wrap(c)}) : wrap(c));
        }
      } else {
        // named_modules() lists each module once; modules share their wrappers' identity.
        std::vector<const nn::Module*> seen;
        for (auto& [path, mod] : m->named_modules()) {
          if (std::find(seen.begin(), seen.end(), mod) != seen.end()) continue;
          seen.push_back(mod);
          nn::ModulePtr ptr = mod == m.get() ? m : nullptr;
          if (!ptr) {
            // Find the owning shared_ptr among the parents' children.
            for (auto& [p2, parent] : m->named_modules())
              for (const auto& [n, c] : parent->children())
                if (c.get() == mod) ptr = c;
          }
          out.push_back(named ? make_tuple({Value(path), wrap(ptr)}) : wrap(ptr));
        }
      }
      return make_list(std::move(out));
    });
  };
  if (name == "modules") return modules_list(false, false);
  if (name == "named_modules") return modules_list(true, false);
  if (name == "children") return modules_list(false, true);
  if (name == "named_children") return modules_list(true, true);
  const auto tensors_list = [&](bool named, bool buffers) {
    return method([m, named, buffers](Interpreter& in, A& a) {
      bind_native(in, "parameters", a, {{"recurse", Value(true)}});
      std::vector<Value> out;
      for (auto& [n, t] : buffers ? m->named_buffers() : m->named_parameters()) {
        const Value v = make_tensor(t, !buffers);
        if (!buffers) {
          // The module that holds it (the path's prefix) and its own name there.
          const auto dot = n.rfind('.');
          const std::string prefix = dot == std::string::npos ? "" : n.substr(0, dot);
          for (auto& [path, mod] : m->named_modules())
            if (path == prefix) {
              for (auto& [p2, parent] : m->named_modules())
                for (const auto& [cn, c] : parent->children())
                  if (c.get() == mod) v.get<TensorObj>()->owner = c;
              if (mod == m.get()) v.get<TensorObj>()->owner = m;
              v.get<TensorObj>()->owner_name = dot == std::string::npos ? n : n.substr(dot + 1);
              break;
            }
        }
        out.push_back(named ? make_tuple({Value(n), v}) : v);
      }
      return make_list(std::move(out));
    });
  };
  if (name == "parameters") return tensors_list(false, false);
  if (name == "named_parameters") return tensors_list(true, false);
  if (name == "buffers") return tensors_list(false, true);
  if (name == "named_buffers") return tensors_list(true, true);
  if (name == "state_dict") {
    return method([m](Interpreter&, A&) {
      auto d = std::make_shared<DictObj>();
      for (auto& [n, t] : m->state_dict()) d->items.emplace_back(Value(n), make_tensor(t.detach(), false));  // keep_vars=False
      return Value(ObjPtr(d));
    });
  }
  if (name == "apply") {
    return method([m, self](Interpreter& in, A& a) {
      const auto args = bind_native(in, "apply", a, {{"fn", std::nullopt}});
      const Value fn = args[0];
      // Children first, then the module itself (PyTorch's order).
      std::function<void(const nn::ModulePtr&)> visit = [&](const nn::ModulePtr& mod) {
        for (const auto& [n, c] : mod->children())
          if (c) visit(c);
        in.call(fn, {wrap(mod)});
      };
      visit(m);
      return self;
    });
  }
  if (name == "train" || name == "eval") {
    const bool eval = name == "eval";
    return method([m, self, eval](Interpreter& in, A& a) {
      bool mode = !eval;
      if (!eval) {
        const auto args = bind_native(in, "train", a, {{"mode", Value(true)}});
        mode = in.truthy(args[0]);
      }
      m->train(mode);
      return self;
    });
  }
  if (name == "forward") {
    return method([self](Interpreter& in, A& a) { return call_module(in, self, a); });
  }
  if (name == "requires_grad_") {
    // Sets (or clears) requires_grad on every parameter, the modules' own handles included.
    return method([m, self](Interpreter& in, A& a) {
      const auto args = bind_native(in, "requires_grad_", a, {{"requires_grad", Value(true)}});
      const bool r = in.truthy(args[0]);
      for (auto& [path, mod] : m->named_modules())
        for (const auto& [n, t] : mod->own_parameters())
          if (t.defined()) mod->parameter(n)->set_requires_grad(r);
      return self;
    });
  }
  if (name == "to" || name == "cpu" || name == "float") {
    return method([self](Interpreter&, A&) { return self; });
  }
  if (name == "zero_grad") {
    // PyTorch 1.13's default (set_to_none=False) zeroes each .grad in place.
    return method([m](Interpreter& in, A& a) {
      const auto args = bind_native(in, "zero_grad", a, {{"set_to_none", Value(false)}});
      const bool to_none = in.truthy(args[0]);
      for (auto& [n, p] : m->named_parameters()) {
        Tensor g = p.grad();
        if (!g.defined()) continue;
        if (to_none) p.set_grad(Tensor());
        else g.zero_();
      }
      return Value();
    });
  }
  if (!container_kind(*m).empty()) {
    if (name == "append") {
      return method([m, self](Interpreter& in, A& a) {
        const auto args = bind_native(in, "append", a, {{"module", std::nullopt}});
        if (!args[0].get<ModuleObj>()) in.error("TypeError", type_name(args[0]) + " is not a Module subclass");
        m->register_module(std::to_string(m->children().size()), module_of(args[0]));
        return self;
      });
    }
    if (name == "extend") {
      return method([m, self](Interpreter& in, A& a) {
        const auto args = bind_native(in, "extend", a, {{"modules", std::nullopt}});
        for (const Value& v : in.to_vector(args[0])) {
          if (!v.get<ModuleObj>()) in.error("TypeError", type_name(v) + " is not a Module subclass");
          m->register_module(std::to_string(m->children().size()), module_of(v));
        }
        return self;
      });
    }
  }
  if (name == "extra_repr") return method([m](Interpreter&, A&) { return Value(m->extra_repr()); });
  if (name == "add_module" || name == "register_module") {
    return method([self](Interpreter& in, A& a) {
      const auto args = bind_native(in, "add_module", a, {{"name", std::nullopt}, {"module", std::nullopt}});
      set_module_attribute(in, self, to_str(in, args[0], "name"), args[1]);
      return Value();
    });
  }
  if (name == "register_buffer" || name == "register_parameter") {
    const bool buffer = name == "register_buffer";
    return method([m, buffer](Interpreter& in, A& a) {
      const auto args = bind_native(in, buffer ? "register_buffer" : "register_parameter", a,
                                    {{"name", std::nullopt}, {buffer ? "tensor" : "param", std::nullopt}, {"persistent", Value(true)}});
      const std::string n = to_str(in, args[0], "name");
      Tensor t;
      if (!args[1].is_none()) {
        auto* o = args[1].get<TensorObj>();
        if (!o) in.error("TypeError", "cannot assign '" + type_name(args[1]) + "' object to " + (buffer ? "buffer '" : "parameter '") + n + "'");
        t = o->tensor;
      }
      if (buffer) m->register_buffer(n, t);
      else m->register_parameter(n, t);
      return Value();
    });
  }
  if (name == "__class__") {
    if (auto* sm = dynamic_cast<ScriptModule*>(m.get())) return Value(ObjPtr(sm->cls));
    return interp.try_getattr(interp.importable()["torch.nn"], m->type_name());
  }
  return std::nullopt;
}

void set_module_attribute(Interpreter& in, const Value& self, const std::string& name, const Value& v) {
  nn::ModulePtr m = module_of(self);
  auto* sm = dynamic_cast<ScriptModule*>(m.get());
  if (sm) {
    if (const Value* p = sm->cls->find(name); p && p->get<PropertyObj>()) return in.set_property(*p, self, name, v);
  }
  const bool initialized = !sm || sm->init_called;
  const auto has = [&](const auto& list) {
    for (const auto& [n, x] : list)
      if (n == name) return true;
    return false;
  };
  if (auto* t = v.get<TensorObj>(); t && t->parameter) {
    if (!initialized) in.error("AttributeError", "cannot assign parameters before Module.__init__() call");
    if (sm) sm->attrs.erase(name);
    const bool requires_grad = t->tensor.requires_grad();
    m->register_parameter(name, t->tensor).set_requires_grad(requires_grad);
    return;
  }
  if (auto* child = v.get<ModuleObj>()) {
    if (!initialized) in.error("AttributeError", "cannot assign module before Module.__init__() call");
    if (sm) sm->attrs.erase(name);
    m->register_module(name, child->module);
    return;
  }
  if (has(m->own_parameters())) {
    if (v.is_none()) {
      m->register_parameter(name, Tensor());
      return;
    }
    in.error("TypeError", "cannot assign '" + std::string(v.get<TensorObj>() ? "torch.FloatTensor" : type_name(v)) +
                              "' as parameter '" + name + "' (torch.nn.Parameter or None expected)");
  }
  if (has(m->own_buffers())) {
    auto* t = v.get<TensorObj>();
    if (!t && !v.is_none()) {
      in.error("TypeError", "cannot assign '" + type_name(v) + "' as buffer '" + name + "' (torch.Tensor or None expected)");
    }
    m->register_buffer(name, t ? t->tensor : Tensor());
    return;
  }
  if (has(m->children())) {
    if (!v.is_none()) {
      in.error("TypeError", "cannot assign '" + type_name(v) + "' as child module '" + name + "' (torch.nn.Module or None expected)");
    }
    m->register_module(name, nullptr);
    return;
  }
  if (name == "training") {
    m->train(in.truthy(v));
    return;
  }
  if (!sm) {
    // Plain attributes on built-in layers (m.tag = "head") live beside the module.
    in.module_attrs()[m.get()][name] = v;
    return;
  }
  sm->attrs[name] = v;
}

Value call_module(Interpreter& in, const Value& self, A& args) {
  nn::ModulePtr m = module_of(self);
  if (auto loss = call_loss_module(in, m, args)) return *loss;
  nn::ForwardObserver* observer = nn::current_observer();
  if (auto* sm = dynamic_cast<ScriptModule*>(m.get())) {
    const bool chain = !sm->cls->find("forward") && sm->cls->native_base == "Sequential";
    if (!sm->cls->find("forward") && !chain) {
      in.error("NotImplementedError", "Module [" + sm->cls->name + "] is missing the required \"forward\" function");
    }
    nn::set_source_line(in.location().line);
    if (observer) {
      const Tensor* input = nullptr;
      for (const Value& a : args.positional) {
        if (const auto* t = a.get<TensorObj>()) {
          input = &t->tensor;
          break;
        }
      }
      observer->module_enter(*m, input);
    }
    ++in.module_call_depth;
    Value out;
    try {
      if (chain) {
        // Sequential's forward: each child on the previous one's output.
        if (args.positional.size() != 1 || !args.keywords.empty()) {
          in.error("TypeError", "forward() takes 2 positional arguments but " + std::to_string(args.positional.size() + 1) + " were given");
        }
        out = args.positional[0];
        for (const auto& [child_name, child] : m->children()) {
          CallArgs step;
          step.positional.push_back(out);
          step.where = args.where;
          out = call_module(in, wrap(child), step);
        }
      } else {
        out = in.call_method(self, "forward", args);
      }
    } catch (...) {
      --in.module_call_depth;
      if (observer) observer->module_abandon(*m);
      throw;
    }
    --in.module_call_depth;
    if (observer) {
      if (auto* t = out.get<TensorObj>()) {
        observer->module_output(*m, t->tensor);
      } else if (auto* tup = out.get<TupleObj>(); tup && !tup->items.empty() && tup->items[0].get<TensorObj>()) {
        observer->module_output(*m, tup->items[0].get<TensorObj>()->tensor);
      } else if (auto* inst = out.get<InstanceObj>(); inst && inst->cls->find("_fields") && in.subscript(out, Value(0)).get<TensorObj>()) {
        // A namedtuple of outputs (GoogLeNetOutputs): its first item, as for a tuple.
        observer->module_output(*m, in.subscript(out, Value(0)).get<TensorObj>()->tensor);
      } else {
        // A forward that returns no tensor still closes its call for the probe.
        observer->module_output(*m, Tensor(Shape{0}));
      }
    }
    return out;
  }
  if (m->type_name() == "ModuleList") {
    in.error("NotImplementedError", "Module [ModuleList] is missing the required \"forward\" function");
  }
  if (args.positional.size() != 1 || !args.keywords.empty()) {
    in.error("TypeError", "forward() takes 2 positional arguments but " + std::to_string(args.positional.size() + 1) + " were given");
  }
  auto* t = args.positional[0].get<TensorObj>();
  if (!t) {
    in.error("TypeError", m->type_name() + ".forward(): argument 'input' (position 1) must be Tensor, not " + type_name(args.positional[0]));
  }
  nn::set_source_line(in.location().line);
  ++in.module_call_depth;
  Tensor out;
  try {
    out = (*m)(t->tensor);
  } catch (...) {
    --in.module_call_depth;
    throw;
  }
  --in.module_call_depth;
  return make_tensor(out);
}

}  // namespace initlab::script

namespace initlab::script {

Value clone_module(Interpreter& in, const Value& module, const Value& copy_value) {
  auto* mo = module.get<ModuleObj>();
  if (!mo) in.error("TypeError", "clone_module() needs an nn.Module");
  const nn::ModulePtr src = mo->module;
  nn::ModulePtr dst;
  if (auto* sm = dynamic_cast<ScriptModule*>(src.get())) {
    auto c = std::make_shared<ScriptModule>(in, sm->cls);
    c->init_called = true;
    for (const auto& [k, v] : sm->attrs) c->attrs[k] = in.call(copy_value, {v});
    dst = c;
  } else if (src->type_name() == "Sequential") {
    dst = std::make_shared<nn::Sequential>();
  } else if (src->type_name() == "ModuleList") {
    dst = std::make_shared<nn::ModuleList>();
  } else {
    auto rebuild = in.module_rebuilders().find(src.get());
    if (rebuild == in.module_rebuilders().end()) {
      in.error("NotImplementedError", "not supported in initlab: copying a " + src->type_name());
    }
    // Built again from its arguments without drawing: the generator is put back, and the
    // parameters are replaced by copies of the original's just below.
    const Generator saved = default_generator();
    dst = rebuild->second(in);
    default_generator() = saved;
    in.module_rebuilders()[dst.get()] = rebuild->second;
  }
  for (const auto& [name, t] : src->own_parameters()) {
    Tensor copy = t.defined() ? t.detach().clone() : Tensor();
    if (t.defined()) copy.set_requires_grad(t.requires_grad());
    dst->register_parameter(name, copy);
  }
  for (const auto& [name, t] : src->own_buffers()) dst->register_buffer(name, t.defined() ? t.detach().clone() : Tensor());
  for (const auto& [name, child] : src->children()) {
    if (!child) {
      dst->register_module(name, nullptr);
      continue;
    }
    auto o = std::make_shared<ModuleObj>();
    o->module = child;
    dst->register_module(name, in.call(copy_value, {Value(ObjPtr(o))}).get<ModuleObj>()->module);
  }
  dst->train(src->is_training());
  if (auto extra = in.module_attrs().find(src.get()); extra != in.module_attrs().end()) {
    auto copied = extra->second;
    for (auto& [k, v] : copied) v = in.call(copy_value, {v});
    in.module_attrs()[dst.get()] = copied;
  }
  in.created_modules().push_back(dst);
  auto out = std::make_shared<ModuleObj>();
  out->module = dst;
  return Value(ObjPtr(out));
}

}  // namespace initlab::script

namespace initlab::script {

std::string container_kind(const nn::Module& m) {
  if (auto* sm = dynamic_cast<const ScriptModule*>(&m)) return sm->cls->native_base;
  if (m.type_name() == "Sequential" || m.type_name() == "ModuleList") return m.type_name();
  return "";
}

void init_container(Interpreter& in, nn::Module& m, const std::string& kind, CallArgs& args) {
  if (!args.keywords.empty()) in.error("TypeError", kind + ".__init__() got an unexpected keyword argument '" + args.keywords[0].first + "'");
  std::vector<std::pair<std::string, Value>> children;
  if (kind == "Sequential") {
    if (args.positional.size() == 1 && in.as_dict(args.positional[0]).get<DictObj>()) {
      for (const auto& [k, v] : in.as_dict(args.positional[0]).get<DictObj>()->items) {
        if (!k.is_str()) in.error("TypeError", "module name should be a string. Got " + type_name(k));
        children.emplace_back(k.as_str(), v);
      }
    } else {
      for (const Value& v : args.positional) children.emplace_back(std::to_string(children.size()), v);
    }
  } else {
    if (args.positional.size() > 1) in.error("TypeError", "ModuleList.__init__() takes from 1 to 2 positional arguments");
    if (!args.positional.empty() && !args.positional[0].is_none())
      for (const Value& v : in.to_vector(args.positional[0])) children.emplace_back(std::to_string(children.size()), v);
  }
  for (const auto& [name, v] : children) {
    if (!v.get<ModuleObj>()) in.error("TypeError", type_name(v) + " is not a Module subclass");
    m.register_module(name, module_of(v));
  }
}

}  // namespace initlab::script
