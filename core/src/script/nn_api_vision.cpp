// The vision and generative layers for scripts: module classes (ConvTranspose1d/2d, Upsample,
// the padding modules, shuffles, InstanceNorm, PReLU, the hard activations, MaxPool2d with
// return_indices, MaxUnpool2d) with PyTorch's signatures, their functional forms, and the
// module calls that take more than one tensor or return more than one.
#include <cmath>
#include <string>

#include "initlab/nn/layers.hpp"
#include "initlab/warnings.hpp"
#include "nn_api_util.hpp"
#include "script_module.hpp"

namespace initlab::script {

namespace {

using A = CallArgs;
using nn::IntOrTuple;

Tensor observed(const char* op, Tensor out) {
  if (nn::ForwardObserver* o = nn::current_observer()) o->op_output(op, out);
  return out;
}

bool is_sequence(const Value& v) { return v.get<TupleObj>() != nullptr || v.get<ListObj>() != nullptr; }

// PyTorch's _single / _pair / _quadruple for the layers' int-or-tuple arguments.
std::vector<int64_t> ntuple(Interpreter& in, const Value& v, std::size_t n, const std::string& what) {
  std::vector<int64_t> r = to_ints(in, v, what);
  // (A copy first: assign() may free r's storage before it reads an element of r.)
  if (!is_sequence(v)) r.assign(n, int64_t{r.at(0)});
  return r;
}

std::array<int64_t, 2> pair2(const std::vector<int64_t>& v) {
  return v.size() == 1 ? std::array<int64_t, 2>{v[0], v[0]} : std::array<int64_t, 2>{v[0], v[1]};
}

// str() of a Python value, for the Upsample repr (size=(4, 4), scale_factor=2.0).
std::string str_of(Interpreter& in, const Value& v) { return in.repr(v); }

const std::vector<ParamSpec> kConvTransposeParams = {
    {"in_channels", std::nullopt}, {"out_channels", std::nullopt}, {"kernel_size", std::nullopt},
    {"stride", Value(1)},          {"padding", Value(0)},          {"output_padding", Value(0)},
    {"groups", Value(1)},          {"bias", Value(true)},          {"dilation", Value(1)},
    {"padding_mode", Value("zeros")}, {"device", Value()},          {"dtype", Value()}};

nn::ModulePtr make_conv_transpose(Interpreter& in, const std::vector<Value>& a, int dims) {
  nn::ConvOptions o;
  o.in_channels = to_int(in, a[0], "in_channels");
  o.out_channels = to_int(in, a[1], "out_channels");
  o.kernel_size = int_or_tuple(in, a[2], "kernel_size");
  o.stride = int_or_tuple(in, a[3], "stride");
  if (a[4].is_str()) o.padding_string = a[4].as_str();
  else o.padding = int_or_tuple(in, a[4], "padding");
  const auto output_padding = ntuple(in, a[5], static_cast<std::size_t>(dims), "output_padding");
  o.groups = to_int(in, a[6], "groups");
  o.bias = in.truthy(a[7]);
  o.dilation = int_or_tuple(in, a[8], "dilation");
  o.padding_mode = to_str(in, a[9], "padding_mode");
  const char* type = dims == 2 ? "ConvTranspose2d" : "ConvTranspose1d";
  // _ConvTransposeNd's check, then _ConvNd's, in PyTorch's order and words.
  if (o.padding_mode != "zeros") in.error("ValueError", std::string("Only \"zeros\" padding mode is supported for ") + type);
  if (o.groups <= 0) in.error("ValueError", "groups must be a positive integer");
  if (o.in_channels % o.groups != 0) in.error("ValueError", "in_channels must be divisible by groups");
  if (o.out_channels % o.groups != 0) in.error("ValueError", "out_channels must be divisible by groups");
  if (!o.padding_string.empty()) in.error("NotImplementedError", std::string("not supported in initlab: a string padding for ") + type);
  return std::make_shared<nn::ConvTransposeNd>(type, dims, o, output_padding,
                                               default_generator());
}

// F.interpolate's size / scale_factor values.
ops::InterpolateOptions interpolate_options(Interpreter& in, const Value& size, const Value& scale, const Value& mode,
                                            const Value& align, const Value& recompute) {
  ops::InterpolateOptions o;
  if (!size.is_none()) {
    o.size = to_ints(in, size, "size");
    o.size_is_sequence = is_sequence(size);
  }
  if (!scale.is_none()) {
    if (is_sequence(scale)) {
      for (const Value& v : in.to_vector(scale)) o.scale_factor.push_back(to_float(in, v, "scale_factor"));
      o.scale_is_sequence = true;
      o.scale_text = in.repr(scale);
    } else {
      o.scale_factor.push_back(to_float(in, scale, "scale_factor"));
    }
  }
  o.mode = to_str(in, mode, "mode");
  if (!align.is_none()) o.align_corners = in.truthy(align);
  if (!recompute.is_none()) o.recompute_scale_factor = in.truthy(recompute);
  return o;
}

nn::ModulePtr make_upsample(Interpreter& in, const char* type, const Value& size, const Value& scale_in,
                            const std::string& mode, const Value& align, const Value& recompute) {
  // Upsample keeps float(scale_factor) (a tuple of floats), None for a falsy one.
  Value scale;
  if (scale_in.get<TupleObj>()) {
    std::vector<Value> items;
    for (const Value& v : in.to_vector(scale_in)) items.push_back(Value(to_float(in, v, "scale_factor")));
    scale = make_tuple(items);
  } else if (!scale_in.is_none() && in.truthy(scale_in)) {
    scale = Value(to_float(in, scale_in, "scale_factor"));
  }
  auto o = interpolate_options(in, size, scale, Value(mode), align, recompute);
  return std::make_shared<nn::Upsample>(type, o, str_of(in, size), str_of(in, scale));
}

ops::PoolParams pool_params(Interpreter& in, const Value& k, const Value& s, const Value& p, const Value& d, bool ceil) {
  ops::PoolParams pp;
  pp.kernel = pair2(to_ints(in, k, "kernel_size"));
  pp.stride = s.is_none() ? pp.kernel : pair2(to_ints(in, s, "stride"));
  pp.padding = pair2(to_ints(in, p, "padding"));
  pp.dilation = pair2(to_ints(in, d, "dilation"));
  pp.ceil_mode = ceil;
  return pp;
}

// torch.max_pool1d's int-list arguments as given (stride None or []: empty, the kernel size).
ops::MaxPool1dArgs max_pool1d_args(Interpreter& in, const Value& k, const Value& s, const Value& p, const Value& d, bool ceil) {
  ops::MaxPool1dArgs a;
  a.kernel = to_ints(in, k, "kernel_size");
  if (!s.is_none()) a.stride = to_ints(in, s, "stride");
  a.padding = to_ints(in, p, "padding");
  a.dilation = to_ints(in, d, "dilation");
  a.ceil_mode = ceil;
  return a;
}

void install_vision_modules(NamespaceObj& nn) {
  module_class(nn, "ConvTranspose1d", "conv", kConvTransposeParams,
               [](Interpreter& in, const std::vector<Value>& a) { return make_conv_transpose(in, a, 1); });
  module_class(nn, "ConvTranspose2d", "conv", kConvTransposeParams,
               [](Interpreter& in, const std::vector<Value>& a) { return make_conv_transpose(in, a, 2); });
  module_class(nn, "Upsample", "upsampling",
               {{"size", Value()}, {"scale_factor", Value()}, {"mode", Value("nearest")}, {"align_corners", Value()}, {"recompute_scale_factor", Value()}},
               [](Interpreter& in, const std::vector<Value>& a) {
                 return make_upsample(in, "Upsample", a[0], a[1], to_str(in, a[2], "mode"), a[3], a[4]);
               });
  module_class(nn, "UpsamplingNearest2d", "upsampling", {{"size", Value()}, {"scale_factor", Value()}},
               [](Interpreter& in, const std::vector<Value>& a) {
                 return make_upsample(in, "UpsamplingNearest2d", a[0], a[1], "nearest", Value(), Value());
               });
  module_class(nn, "UpsamplingBilinear2d", "upsampling", {{"size", Value()}, {"scale_factor", Value()}},
               [](Interpreter& in, const std::vector<Value>& a) {
                 return make_upsample(in, "UpsamplingBilinear2d", a[0], a[1], "bilinear", Value(true), Value());
               });
  struct Pad {
    const char* name;
    std::size_t dims;
    const char* mode;
    bool has_value;
  };
  for (const Pad p : {Pad{"ZeroPad2d", 2, "constant", false}, Pad{"ConstantPad1d", 1, "constant", true},
                      Pad{"ConstantPad2d", 2, "constant", true}, Pad{"ReflectionPad1d", 1, "reflect", false},
                      Pad{"ReflectionPad2d", 2, "reflect", false}, Pad{"ReplicationPad1d", 1, "replicate", false},
                      Pad{"ReplicationPad2d", 2, "replicate", false}}) {
    std::vector<ParamSpec> params = {{"padding", std::nullopt}};
    if (p.has_value) params.push_back({"value", std::nullopt});
    module_class(nn, p.name, "padding", params, [p](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr {
      const auto padding = ntuple(in, a[0], 2 * p.dims, "padding");
      std::optional<py::Number> value;
      if (p.has_value) value = number(in, a[1], "value");
      else if (std::string(p.name) == "ZeroPad2d") value = py::Number::of(0.0);
      return std::make_shared<nn::PadModule>(p.name, padding, p.mode, value);
    });
  }
  using SK = nn::ShuffleModule::Kind;
  module_class(nn, "PixelShuffle", "pixelshuffle", {{"upscale_factor", std::nullopt}},
               [](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr {
                 return std::make_shared<nn::ShuffleModule>(SK::pixel_shuffle, to_int(in, a[0], "upscale_factor"));
               });
  module_class(nn, "PixelUnshuffle", "pixelshuffle", {{"downscale_factor", std::nullopt}},
               [](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr {
                 return std::make_shared<nn::ShuffleModule>(SK::pixel_unshuffle, to_int(in, a[0], "downscale_factor"));
               });
  module_class(nn, "ChannelShuffle", "channelshuffle", {{"groups", std::nullopt}},
               [](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr {
                 return std::make_shared<nn::ShuffleModule>(SK::channel_shuffle, to_int(in, a[0], "groups"));
               });
  for (int spatial : {1, 2}) {
    const char* name = spatial == 1 ? "InstanceNorm1d" : "InstanceNorm2d";
    module_class(nn, name, "instancenorm",
                 {{"num_features", std::nullopt}, {"eps", Value(1e-5)}, {"momentum", Value(0.1)}, {"affine", Value(false)},
                  {"track_running_stats", Value(false)}, {"device", Value()}, {"dtype", Value()}},
                 [name, spatial](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr {
                   std::optional<py::Number> momentum;
                   if (!a[2].is_none()) momentum = number(in, a[2], "momentum");
                   return std::make_shared<nn::InstanceNorm>(name, spatial, to_int(in, a[0], "num_features"), number(in, a[1], "eps"),
                                                             momentum, in.truthy(a[3]), in.truthy(a[4]));
                 });
  }
  module_class(nn, "PReLU", "activation", {{"num_parameters", Value(1)}, {"init", Value(0.25)}, {"device", Value()}, {"dtype", Value()}},
               [](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr {
                 const int64_t n = to_int(in, a[0], "num_parameters");
                 if (n < 0) in.error("RuntimeError", "Trying to create tensor with negative dimension " + std::to_string(n) + ": [" + std::to_string(n) + "]");
                 return std::make_shared<nn::PReLU>(n, to_float(in, a[1], "init"));
               });
  module_class(nn, "Hardtanh", "activation",
               {{"min_val", Value(-1.0)}, {"max_val", Value(1.0)}, {"inplace", Value(false)}, {"min_value", Value()}, {"max_value", Value()}},
               [](Interpreter& in, const std::vector<Value>& a) {
                 Value lo = a[0], hi = a[1];
                 if (!a[3].is_none()) {
                   warn("keyword argument min_value is deprecated and rename to min_val");
                   lo = a[3];
                 }
                 if (!a[4].is_none()) {
                   warn("keyword argument max_value is deprecated and rename to max_val");
                   hi = a[4];
                 }
                 const py::Number mn = number(in, lo, "min_val"), mx = number(in, hi, "max_val");
                 if (!(mx.value > mn.value)) in.error("AssertionError", "");
                 return nn::make_hardtanh(mn, mx, in.truthy(a[2]));
               });
  module_class(nn, "ReLU6", "activation", {{"inplace", Value(false)}}, [](Interpreter& in, const std::vector<Value>& a) { return nn::make_relu6(in.truthy(a[0])); });
  module_class(nn, "Hardswish", "activation", {{"inplace", Value(false)}}, [](Interpreter& in, const std::vector<Value>& a) { return nn::make_hardswish(in.truthy(a[0])); });
  module_class(nn, "Hardsigmoid", "activation", {{"inplace", Value(false)}}, [](Interpreter& in, const std::vector<Value>& a) { return nn::make_hardsigmoid(in.truthy(a[0])); });
  module_class(nn, "Mish", "activation", {{"inplace", Value(false)}}, [](Interpreter& in, const std::vector<Value>& a) { return nn::make_mish(in.truthy(a[0])); });
  module_class(nn, "LogSigmoid", "activation", {}, [](Interpreter&, const std::vector<Value>&) { return nn::make_logsigmoid(); });
  module_class(nn, "Softsign", "activation", {}, [](Interpreter&, const std::vector<Value>&) { return nn::make_softsign(); });
  module_class(nn, "Tanhshrink", "activation", {}, [](Interpreter&, const std::vector<Value>&) { return nn::make_tanhshrink(); });
  module_class(nn, "CELU", "activation", {{"alpha", Value(1.0)}, {"inplace", Value(false)}},
               [](Interpreter& in, const std::vector<Value>& a) { return nn::make_celu(number(in, a[0], "alpha"), in.truthy(a[1])); });
  module_class(nn, "Threshold", "activation", {{"threshold", std::nullopt}, {"value", std::nullopt}, {"inplace", Value(false)}},
               [](Interpreter& in, const std::vector<Value>& a) {
                 return nn::make_threshold(number(in, a[0], "threshold"), number(in, a[1], "value"), in.truthy(a[2]));
               });
  // MaxPool2d again, now with return_indices: the plain class without it, as before.
  module_class(nn, "MaxPool2d", "pooling",
               {{"kernel_size", std::nullopt}, {"stride", Value()}, {"padding", Value(0)}, {"dilation", Value(1)}, {"return_indices", Value(false)}, {"ceil_mode", Value(false)}},
               [](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr {
                 nn::PoolOptions o;
                 o.kernel_size = int_or_tuple(in, a[0], "kernel_size");
                 if (!a[1].is_none()) o.stride = int_or_tuple(in, a[1], "stride");
                 o.padding = int_or_tuple(in, a[2], "padding");
                 o.dilation = int_or_tuple(in, a[3], "dilation");
                 o.ceil_mode = in.truthy(a[5]);
                 auto plain = std::make_shared<nn::MaxPool2d>(o);
                 if (!in.truthy(a[4])) return plain;
                 return std::make_shared<nn::MaxPool2dIndices>(pool_params(in, a[0], a[1], a[2], a[3], o.ceil_mode), plain->extra_repr());
               });
  module_class(nn, "MaxUnpool2d", "pooling", {{"kernel_size", std::nullopt}, {"stride", Value()}, {"padding", Value(0)}},
               [](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr {
                 const auto k = pair2(to_ints(in, a[0], "kernel_size"));
                 const auto s = a[1].is_none() ? k : pair2(to_ints(in, a[1], "stride"));
                 const auto p = pair2(to_ints(in, a[2], "padding"));
                 const auto t = [](std::array<int64_t, 2> v) { return py::tuple({v[0], v[1]}); };
                 return std::make_shared<nn::MaxUnpool2d>(k, s, p, "kernel_size=" + t(k) + ", stride=" + t(s) + ", padding=" + t(p));
               });
  using PK = nn::Pool1dModule::Kind;
  module_class(nn, "MaxPool1d", "pooling",
               {{"kernel_size", std::nullopt}, {"stride", Value()}, {"padding", Value(0)}, {"dilation", Value(1)}, {"return_indices", Value(false)}, {"ceil_mode", Value(false)}},
               [](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr {
                 // _MaxPoolNd keeps the arguments as given (stride None: kernel_size).
                 const Value stride = a[1].is_none() ? a[0] : a[1];
                 const std::string repr = "kernel_size=" + in.repr(a[0]) + ", stride=" + in.repr(stride) + ", padding=" + in.repr(a[2]) +
                                          ", dilation=" + in.repr(a[3]) + ", ceil_mode=" + (in.truthy(a[5]) ? "True" : "False");
                 return std::make_shared<nn::Pool1dModule>(max_pool1d_args(in, a[0], stride, a[2], a[3], in.truthy(a[5])), in.truthy(a[4]), repr);
               });
  module_class(nn, "MaxUnpool1d", "pooling", {{"kernel_size", std::nullopt}, {"stride", Value()}, {"padding", Value(0)}},
               [](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr {
                 const int64_t k = to_ints(in, a[0], "kernel_size").at(0);
                 const int64_t s = a[1].is_none() ? k : to_ints(in, a[1], "stride").at(0);
                 return std::make_shared<nn::MaxUnpool1d>(k, s, to_ints(in, a[2], "padding").at(0));
               });
  module_class(nn, "AvgPool1d", "pooling",
               {{"kernel_size", std::nullopt}, {"stride", Value()}, {"padding", Value(0)}, {"ceil_mode", Value(false)}, {"count_include_pad", Value(true)}},
               [](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr {
                 const Value stride = a[1].is_none() ? a[0] : a[1];
                 ops::PoolParams p = pool_params(in, Value(1), Value(1), Value(0), Value(1), in.truthy(a[3]));
                 p.count_include_pad = in.truthy(a[4]);
                 const int64_t k = to_ints(in, a[0], "kernel_size")[0], s = to_ints(in, stride, "stride")[0], pad = to_ints(in, a[2], "padding")[0];
                 p.kernel[1] = k;
                 p.stride[1] = s;
                 p.padding[1] = pad;
                 // _single: one-element tuples in the repr
                 const auto one = [](int64_t v) { return "(" + std::to_string(v) + ",)"; };
                 return std::make_shared<nn::Pool1dModule>(PK::avg, p, 0, "kernel_size=" + one(k) + ", stride=" + one(s) + ", padding=" + one(pad));
               });
  module_class(nn, "AdaptiveAvgPool1d", "pooling", {{"output_size", std::nullopt}},
               [](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr {
                 return std::make_shared<nn::Pool1dModule>(PK::adaptive_avg, ops::PoolParams{}, to_ints(in, a[0], "output_size")[0],
                                                           "output_size=" + in.repr(a[0]));
               });
  for (int spatial : {1, 2}) {
    module_class(nn, spatial == 1 ? "AdaptiveMaxPool1d" : "AdaptiveMaxPool2d", "pooling", {{"output_size", std::nullopt}, {"return_indices", Value(false)}},
                 [spatial](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr {
                   const auto v = to_ints(in, a[0], "output_size");
                   const std::array<int64_t, 2> size = spatial == 1 ? std::array<int64_t, 2>{1, v[0]} : pair2(v);
                   return std::make_shared<nn::AdaptiveMaxPool>(spatial, size, in.truthy(a[1]), "output_size=" + in.repr(a[0]));
                 });
  }
  module_class(nn, "GLU", "activation", {{"dim", Value(-1)}},
               [](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr { return std::make_shared<nn::GLU>(to_int(in, a[0], "dim")); });
  module_class(nn, "Softmin", "activation", {{"dim", Value()}}, [](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr {
    std::optional<int64_t> dim;
    if (!a[0].is_none()) dim = to_int(in, a[0], "dim");
    return std::make_shared<nn::Softmin>(dim);
  });
  module_class(nn, "Unflatten", "flatten", {{"dim", std::nullopt}, {"unflattened_size", std::nullopt}},
               [](Interpreter& in, const std::vector<Value>& a) -> nn::ModulePtr {
                 if (!is_sequence(a[1])) in.error("TypeError", "unflattened_size must be tuple of ints, but found type " + type_name(a[1]));
                 return std::make_shared<nn::Unflatten>(to_int(in, a[0], "dim"), to_ints(in, a[1], "unflattened_size"), in.repr(a[1]));
               });
}

void install_vision_functional(NamespaceObj& F_ns) {
  const auto def = [&](const std::string& name, Native fn) { F_ns.members[name] = make_builtin("torch.nn.functional." + name, std::move(fn)); };
  for (int dims : {1, 2}) {
    const std::string name = dims == 1 ? "conv_transpose1d" : "conv_transpose2d";
    def(name, [name, dims](Interpreter& in, A& a) {
      const auto args = bind_native(in, name, a, {{"input", std::nullopt}, {"weight", std::nullopt}, {"bias", Value()}, {"stride", Value(1)},
                                                  {"padding", Value(0)}, {"output_padding", Value(0)}, {"groups", Value(1)}, {"dilation", Value(1)}});
      const Tensor x = tensor_arg(in, args[0], name), w = tensor_arg(in, args[1], name);
      const Tensor b = args[2].is_none() ? Tensor() : tensor_arg(in, args[2], name);
      const auto one = [&](const Value& v, const char* what, int64_t fill) {
        const auto r = to_ints(in, v, what);
        if (dims == 1) return std::array<int64_t, 2>{fill, r[0]};
        return pair2(r);
      };
      ops::ConvTransposeParams p;
      p.stride = one(args[3], "stride", 1);
      p.padding = one(args[4], "padding", 0);
      p.output_padding = one(args[5], "output_padding", 0);
      p.groups = to_int(in, args[6], "groups");
      p.dilation = one(args[7], "dilation", 1);
      nn::set_source_line(in.location().line);
      const char* op = dims == 1 ? "F.conv_transpose1d" : "F.conv_transpose2d";
      return make_tensor(observed(op, dims == 1 ? ops::conv_transpose1d(x, w, b, p) : ops::conv_transpose2d(x, w, b, p)));
    });
  }
  def("interpolate", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "interpolate", a, {{"input", std::nullopt}, {"size", Value()}, {"scale_factor", Value()}, {"mode", Value("nearest")},
                                                         {"align_corners", Value()}, {"recompute_scale_factor", Value()}, {"antialias", Value(false)}});
    if (in.truthy(args[6])) in.error("NotImplementedError", "not supported in initlab: F.interpolate(antialias=True)");
    const auto o = interpolate_options(in, args[1], args[2], args[3], args[4], args[5]);
    nn::set_source_line(in.location().line);
    return make_tensor(observed("F.interpolate", ops::interpolate(tensor_arg(in, args[0], "interpolate"), o)));
  });
  def("upsample", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "upsample", a, {{"input", std::nullopt}, {"size", Value()}, {"scale_factor", Value()}, {"mode", Value("nearest")}, {"align_corners", Value()}});
    warn("nn.functional.upsample is deprecated. Use nn.functional.interpolate instead.");
    const auto o = interpolate_options(in, args[1], args[2], args[3], args[4], Value());
    nn::set_source_line(in.location().line);
    return make_tensor(observed("F.upsample", ops::interpolate(tensor_arg(in, args[0], "upsample"), o)));
  });
  def("pad", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "pad", a, {{"input", std::nullopt}, {"pad", std::nullopt}, {"mode", Value("constant")}, {"value", Value()}});
    const Tensor x = tensor_arg(in, args[0], "pad");
    const auto p = to_ints(in, args[1], "pad");
    const std::string mode = to_str(in, args[2], "mode");
    if (mode != "constant" && !args[3].is_none() && to_float(in, args[3], "value") != 0.0) {
      in.error("RuntimeError", "Padding mode \"" + mode + "\" doesn't take in value argument");
    }
    const double value = args[3].is_none() ? 0.0 : to_float(in, args[3], "value");
    nn::set_source_line(in.location().line);
    return make_tensor(observed("F.pad", ops::pad(x, p, mode, value)));
  });
  struct Shuffle {
    const char* name;
    const char* arg;
    Tensor (*fn)(const Tensor&, int64_t);
  };
  for (const Shuffle s : {Shuffle{"pixel_shuffle", "upscale_factor", ops::pixel_shuffle},
                          Shuffle{"pixel_unshuffle", "downscale_factor", ops::pixel_unshuffle},
                          Shuffle{"channel_shuffle", "groups", ops::channel_shuffle}}) {
    const std::string name = s.name;
    def(name, [name, s](Interpreter& in, A& a) {
      const auto args = bind_native(in, name, a, {{"input", std::nullopt}, {s.arg, std::nullopt}});
      nn::set_source_line(in.location().line);
      const std::string op = "F." + name;
      return make_tensor(observed(name == "pixel_shuffle" ? "F.pixel_shuffle" : name == "pixel_unshuffle" ? "F.pixel_unshuffle" : "F.channel_shuffle",
                                  s.fn(tensor_arg(in, args[0], name), to_int(in, args[1], s.arg))));
    });
  }
  def("prelu", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "prelu", a, {{"input", std::nullopt}, {"weight", std::nullopt}});
    nn::set_source_line(in.location().line);
    return make_tensor(observed("F.prelu", ops::prelu(tensor_arg(in, args[0], "prelu"), tensor_arg(in, args[1], "prelu"))));
  });
  // The activations: F.NAME(input, <params>, inplace=False); inplace computes a new tensor, as
  // the other activations here do.
  struct Act {
    const char* name;
    kernels::Activation a;
  };
  using K = kernels::Activation;
  for (const Act act : {Act{"relu6", K::hardtanh}, Act{"hardtanh", K::hardtanh}, Act{"hardswish", K::hardswish},
                        Act{"hardsigmoid", K::hardsigmoid}, Act{"mish", K::mish}, Act{"logsigmoid", K::logsigmoid},
                        Act{"softsign", K::softsign}, Act{"celu", K::celu}, Act{"tanhshrink", K::tanhshrink},
                        Act{"threshold", K::threshold}}) {
    const std::string name = act.name;
    const K kind = act.a;
    def(name, [name, kind](Interpreter& in, A& a) {
      std::vector<ParamSpec> params = {{"input", std::nullopt}};
      if (name == "hardtanh") params.insert(params.end(), {{"min_val", Value(-1.0)}, {"max_val", Value(1.0)}});
      if (name == "celu") params.push_back({"alpha", Value(1.0)});
      if (name == "threshold") params.insert(params.end(), {{"threshold", std::nullopt}, {"value", std::nullopt}});
      if (name != "logsigmoid" && name != "softsign" && name != "tanhshrink") params.push_back({"inplace", Value(false)});
      const auto args = bind_native(in, name, a, params);
      kernels::ActivationParams p;
      if (name == "relu6") p.alpha = 0.0f, p.beta = 6.0f;
      if (name == "hardtanh") {
        p.alpha = static_cast<float>(to_float(in, args[1], "min_val"));
        p.beta = static_cast<float>(to_float(in, args[2], "max_val"));
      }
      if (name == "celu") p.alpha = static_cast<float>(to_float(in, args[1], "alpha"));
      if (name == "threshold") {
        p.threshold = static_cast<float>(to_float(in, args[1], "threshold"));
        p.alpha = static_cast<float>(to_float(in, args[2], "value"));
      }
      nn::set_source_line(in.location().line);
      const std::string op = "F." + name;
      Tensor y = ops::activation(tensor_arg(in, args[0], name), kind, p);
      if (nn::ForwardObserver* o = nn::current_observer()) o->op_output(op.c_str(), y);
      return make_tensor(y);
    });
  }
  for (int spatial : {1, 2}) {
    const std::string name = spatial == 1 ? "adaptive_max_pool1d" : "adaptive_max_pool2d";
    def(name, [name, spatial](Interpreter& in, A& a) {
      const auto args = bind_native(in, name, a, {{"input", std::nullopt}, {"output_size", std::nullopt}, {"return_indices", Value(false)}});
      const auto v = to_ints(in, args[1], "output_size");
      const std::array<int64_t, 2> size = spatial == 1 ? std::array<int64_t, 2>{1, v[0]} : pair2(v);
      nn::AdaptiveMaxPool pool(spatial, size, true, "");
      nn::set_source_line(in.location().line);
      auto [y, idx] = pool.forward_with_indices(tensor_arg(in, args[0], name));
      observed(spatial == 1 ? "F.adaptive_max_pool1d" : "F.adaptive_max_pool2d", y);
      if (in.truthy(args[2])) return make_tuple({make_tensor(y), make_tensor(idx)});
      return make_tensor(y);
    });
  }
  // F.max_pool1d (torch.max_pool1d, or max_pool1d_with_indices) / F.avg_pool1d (the module's
  // 1-D pooling).
  def("max_pool1d", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "max_pool1d", a, {{"input", std::nullopt}, {"kernel_size", std::nullopt}, {"stride", Value()},
                                                        {"padding", Value(0)}, {"dilation", Value(1)}, {"ceil_mode", Value(false)},
                                                        {"return_indices", Value(false)}});
    const Tensor x = tensor_arg(in, args[0], "max_pool1d");
    const ops::MaxPool1dArgs p = max_pool1d_args(in, args[1], args[2], args[3], args[4], in.truthy(args[5]));
    nn::set_source_line(in.location().line);
    if (in.truthy(args[6])) {
      auto [y, idx] = ops::max_pool1d_with_indices(x, p);
      observed("F.max_pool1d", y);
      return make_tuple({make_tensor(y), make_tensor(idx)});
    }
    return make_tensor(observed("F.max_pool1d", ops::max_pool1d(x, p)));
  });
  def("max_unpool1d", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "max_unpool1d", a, {{"input", std::nullopt}, {"indices", std::nullopt}, {"kernel_size", std::nullopt}, {"stride", Value()},
                                                          {"padding", Value(0)}, {"output_size", Value()}});
    const Tensor x = tensor_arg(in, args[0], "max_unpool1d"), idx = tensor_arg(in, args[1], "max_unpool1d");
    const int64_t k = to_ints(in, args[2], "kernel_size").at(0);
    const int64_t s = args[3].is_none() ? k : to_ints(in, args[3], "stride").at(0);
    const int64_t pad = to_ints(in, args[4], "padding").at(0);
    const std::vector<int64_t> out = args[5].is_none() ? std::vector<int64_t>{} : to_ints(in, args[5], "output_size");
    const int64_t size = nn::unpool1d_output_size(x, k, s, pad, out, args[5].get<TupleObj>() != nullptr);
    nn::set_source_line(in.location().line);
    return make_tensor(observed("F.max_unpool1d", ops::max_unpool1d(x, idx, size)));
  });
  def("avg_pool1d", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "avg_pool1d", a, {{"input", std::nullopt}, {"kernel_size", std::nullopt}, {"stride", Value()},
                                                        {"padding", Value(0)}, {"ceil_mode", Value(false)}, {"count_include_pad", Value(true)}});
    ops::PoolParams p = pool_params(in, Value(1), Value(1), Value(0), Value(1), in.truthy(args[4]));
    p.count_include_pad = in.truthy(args[5]);
    const Value stride = args[2].is_none() ? args[1] : args[2];
    p.kernel[1] = to_ints(in, args[1], "kernel_size")[0];
    p.stride[1] = to_ints(in, stride, "stride")[0];
    p.padding[1] = to_ints(in, args[3], "padding")[0];
    nn::Pool1dModule pool(nn::Pool1dModule::Kind::avg, p, 0, "");
    nn::set_source_line(in.location().line);
    return make_tensor(observed("F.avg_pool1d", pool.forward(tensor_arg(in, args[0], "avg_pool1d"))));
  });
  def("glu", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "glu", a, {{"input", std::nullopt}, {"dim", Value(-1)}});
    nn::set_source_line(in.location().line);
    return make_tensor(observed("F.glu", ops::glu(tensor_arg(in, args[0], "glu"), to_int(in, args[1], "dim"))));
  });
  def("softmin", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "softmin", a, {{"input", std::nullopt}, {"dim", Value()}, {"_stacklevel", Value(3)}, {"dtype", Value()}});
    const Tensor x = tensor_arg(in, args[0], "softmin");
    int64_t dim;
    if (args[1].is_none()) {
      dim = (x.dim() == 0 || x.dim() == 1 || x.dim() == 3) ? 0 : 1;
      warn("Implicit dimension choice for softmin has been deprecated. Change the call to include dim=X as an argument.");
    } else {
      dim = to_int(in, args[1], "dim");
    }
    nn::set_source_line(in.location().line);
    return make_tensor(observed("F.softmin", ops::softmax(ops::binary(x, -1.0, kernels::BinaryOp::mul), dim, false)));
  });
  // F.max_pool2d again, with return_indices.
  def("max_pool2d", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "max_pool2d", a, {{"input", std::nullopt}, {"kernel_size", std::nullopt}, {"stride", Value()}, {"padding", Value(0)},
                                                        {"dilation", Value(1)}, {"ceil_mode", Value(false)}, {"return_indices", Value(false)}});
    const Tensor x = tensor_arg(in, args[0], "max_pool2d");
    // PyTorch: stride=None or an empty list means the kernel size.
    const bool no_stride = args[2].is_none() || (is_sequence(args[2]) && in.to_vector(args[2]).empty());
    const ops::PoolParams p = pool_params(in, args[1], no_stride ? Value() : args[2], args[3], args[4], in.truthy(args[5]));
    nn::set_source_line(in.location().line);
    if (in.truthy(args[6])) {
      auto [y, idx] = ops::max_pool2d_with_indices(x, p);
      observed("F.max_pool2d", y);
      return make_tuple({make_tensor(y), make_tensor(idx)});
    }
    return make_tensor(observed("F.max_pool2d", ops::max_pool2d(x, p)));
  });
  def("max_unpool2d", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "max_unpool2d", a, {{"input", std::nullopt}, {"indices", std::nullopt}, {"kernel_size", std::nullopt}, {"stride", Value()},
                                                          {"padding", Value(0)}, {"output_size", Value()}});
    const Tensor x = tensor_arg(in, args[0], "max_unpool2d"), idx = tensor_arg(in, args[1], "max_unpool2d");
    const auto k = pair2(to_ints(in, args[2], "kernel_size"));
    const auto s = args[3].is_none() ? k : pair2(to_ints(in, args[3], "stride"));
    const auto p = pair2(to_ints(in, args[4], "padding"));
    const std::vector<int64_t> out = args[5].is_none() ? std::vector<int64_t>{} : to_ints(in, args[5], "output_size");
    nn::set_source_line(in.location().line);
    return make_tensor(observed("F.max_unpool2d", ops::max_unpool2d(x, idx, nn::unpool_output_size(x, k, s, p, out))));
  });
}

}  // namespace

void install_vision(NamespaceObj& nn, NamespaceObj& F) {
  install_vision_modules(nn);
  install_vision_functional(F);
}

std::optional<Value> call_vision_module(Interpreter& in, const nn::ModulePtr& m, CallArgs& args) {
  auto* conv = dynamic_cast<nn::ConvTransposeNd*>(m.get());
  auto* pool = dynamic_cast<nn::MaxPool2dIndices*>(m.get());
  auto* unpool = dynamic_cast<nn::MaxUnpool2d*>(m.get());
  auto* adaptive = dynamic_cast<nn::AdaptiveMaxPool*>(m.get());
  if (adaptive && !adaptive->return_indices()) adaptive = nullptr;
  auto* pool1d = dynamic_cast<nn::Pool1dModule*>(m.get());
  if (pool1d && !pool1d->return_indices()) pool1d = nullptr;
  auto* unpool1d = dynamic_cast<nn::MaxUnpool1d*>(m.get());
  if (!conv && !pool && !unpool && !adaptive && !pool1d && !unpool1d) return std::nullopt;
  std::vector<Value> a;
  if (conv) a = bind_native(in, "forward", args, {{"input", std::nullopt}, {"output_size", Value()}});
  if (pool || adaptive || pool1d) a = bind_native(in, "forward", args, {{"input", std::nullopt}});
  if (unpool || unpool1d) a = bind_native(in, m->type_name() + ".forward", args, {{"input", std::nullopt}, {"indices", std::nullopt}, {"output_size", Value()}});
  auto* t = a[0].get<TensorObj>();
  if (!t) in.error("TypeError", m->type_name() + ".forward(): argument 'input' (position 1) must be Tensor, not " + type_name(a[0]));
  nn::set_source_line(in.location().line);
  nn::ForwardObserver* observer = nn::current_observer();
  if (observer) observer->module_enter(*m, &t->tensor);
  ++in.module_call_depth;
  Value out;
  Tensor first;
  try {
    if (conv) {
      const std::vector<int64_t> size = a[1].is_none() ? std::vector<int64_t>{} : to_ints(in, a[1], "output_size");
      first = conv->forward_sized(t->tensor, size);
      out = make_tensor(first);
    } else if (pool || adaptive || pool1d) {
      auto [y, idx] = pool ? pool->forward_with_indices(t->tensor)
                    : pool1d ? pool1d->forward_with_indices(t->tensor) : adaptive->forward_with_indices(t->tensor);
      first = y;
      out = make_tuple({make_tensor(y), make_tensor(idx)});
    } else if (unpool1d) {
      const Tensor idx = tensor_arg(in, a[1], "max_unpool1d");
      const std::vector<int64_t> size = a[2].is_none() ? std::vector<int64_t>{} : to_ints(in, a[2], "output_size");
      first = unpool1d->unpool(t->tensor, idx, size, a[2].get<TupleObj>() != nullptr);
      out = make_tensor(first);
    } else {
      const Tensor idx = tensor_arg(in, a[1], "max_unpool2d");
      const std::vector<int64_t> size = a[2].is_none() ? std::vector<int64_t>{} : to_ints(in, a[2], "output_size");
      first = unpool->unpool(t->tensor, idx, size);
      out = make_tensor(first);
    }
  } catch (...) {
    --in.module_call_depth;
    if (observer) observer->module_abandon(*m);
    throw;
  }
  --in.module_call_depth;
  if (observer) observer->module_output(*m, first);
  return out;
}

}  // namespace initlab::script
