// Devices and dtype moves (device_api.hpp). The message texts are PyTorch 1.13's (a CPU-only
// build), checked by tests/script/55x cases generated from it.
#include "device_api.hpp"

#include <algorithm>
#include <iterator>
#include <map>

#include "bindings.hpp"
#include "interpreter_util.hpp"
#include "native_args.hpp"

namespace initlab::script {

namespace {

const DtypeObj* dtype_of(const Value& v) { return v.get<DtypeObj>(); }

bool is_device_instance(const Value& v) {
  auto* inst = v.get<InstanceObj>();
  return inst && inst->cls->name == "device";
}

// float64 and float16 are dtypes PyTorch has and initlab does not compute in.
[[noreturn]] void no_float_dtype(Interpreter& in, const std::string& dtype, const std::string& what) {
  in.error("NotImplementedError", "not supported in initlab: " + what + " to torch." + dtype +
                                      " (initlab computes in float32; its tensors are float32, int64 or bool)");
}

}  // namespace

const char* dtype_name(DType dtype) {
  return dtype == DType::int64 ? "int64" : dtype == DType::boolean ? "bool" : "float32";
}

Value dtype_value(const std::string& name) {
  // One object per dtype, as in PyTorch (torch.long is torch.int64, x.dtype is torch.int64):
  // made once per process and never changed, so every run may share them.
  static const std::map<std::string, Value> kDtypes = [] {
    std::map<std::string, Value> m;
    for (const char* n : {"float32", "int64", "bool", "float64", "float16", "bfloat16"}) {
      auto d = std::make_shared<DtypeObj>();
      d->name = n;
      m[n] = Value(ObjPtr(d));
    }
    return m;
  }();
  auto it = kDtypes.find(name);
  if (it == kDtypes.end()) raise(ErrorKind::RuntimeError, "unknown dtype " + name);
  return it->second;
}

void install_memory_formats(NamespaceObj& torch) {
  for (const char* n : {"contiguous_format", "channels_last", "channels_last_3d", "preserve_format"}) {
    auto f = std::make_shared<NativeObj>();
    f->type = "torch.memory_format";
    const std::string text = std::string("torch.") + n;
    f->repr = [text]() { return text; };
    torch.members[n] = Value(ObjPtr(f));
  }
}

Value cpu_device(Interpreter& in) {
  const Value cls = in.getattr(in.importable()["torch"], "device");
  return in.call(cls, {Value("cpu")});
}

void no_cuda(Interpreter& in) {
  in.error("AssertionError", "Torch not compiled with CUDA enabled\n"
                             "initlab runs PyTorch code on the CPU only: use torch.device('cpu') (or drop .cuda())");
}

std::string device_type_of(Interpreter& in, const Value& v) {
  if (v.is_str()) {
    const std::string& s = v.as_str();
    return s.substr(0, s.find(':'));
  }
  if (is_device_instance(v)) return in.getattr(v, "type").as_str();
  if (v.is_int() && !v.is_bool()) return "cuda";  // .to(0): a CUDA index
  return "";
}

void require_cpu(Interpreter& in, const Value& device) {
  if (device.is_none()) return;
  if (device.is_str()) in.call(in.getattr(in.importable()["torch"], "device"), {device});  // PyTorch's parse errors
  const std::string type = device_type_of(in, device);
  if (type == "cpu" || type.empty()) return;
  if (type == "cuda") no_cuda(in);
  in.error("NotImplementedError", "not supported in initlab: the '" + type + "' device (initlab runs on the CPU)");
}

void require_supported_dtype(Interpreter& in, const Value& dtype, const std::string& fn) {
  if (auto* d = dtype_of(dtype); d && (d->name == "float64" || d->name == "float16" || d->name == "bfloat16")) {
    no_float_dtype(in, d->name, fn + "(dtype=...)");
  }
}

namespace {

// The device and dtype of a .to(...) call, in any of PyTorch's forms.
struct ToCall {
  Value device;
  Value dtype;
  bool copy = false;
};

ToCall parse_to(Interpreter& in, CallArgs& a, const std::string& what) {
  ToCall c;
  for (const Value& v : a.positional) {
    if (dtype_of(v)) c.dtype = v;
    else if (auto* t = v.get<TensorObj>()) {
      c.dtype = dtype_value(dtype_name(t->tensor.dtype()));
    } else if (v.is_bool()) {
      continue;  // non_blocking / copy given positionally
    } else if (v.is_str() || is_device_instance(v) || v.is_int()) {
      c.device = v;
    } else {
      in.error("TypeError", what + "() received an invalid combination of arguments - got (" + type_name(v) + ")");
    }
  }
  for (const auto& [k, v] : a.keywords) {
    if (k == "device") c.device = v;
    else if (k == "dtype") c.dtype = v;
    else if (k == "copy") c.copy = in.truthy(v);
    else if (k != "non_blocking" && k != "memory_format") in.error("TypeError", what + "() got an unexpected keyword argument '" + k + "'");
  }
  require_cpu(in, c.device);
  return c;
}

}  // namespace

Value tensor_to(Interpreter& in, const Value& self, CallArgs& a) {
  const ToCall c = parse_to(in, a, "to");
  const Tensor& t = self.get<TensorObj>()->tensor;
  std::string target;
  if (auto* d = dtype_of(c.dtype)) {
    if (d->name == "float64" || d->name == "float16" || d->name == "bfloat16") no_float_dtype(in, d->name, "Tensor.to");
    const std::string have = dtype_name(t.dtype());
    if (d->name != have) target = d->name == "int64" ? "long" : d->name == "bool" ? "bool" : "float";
  }
  if (target == "bool") {
    Tensor r = t.detach().clone();
    for (int64_t i = 0; i < r.numel(); ++i) r.data()[i] = r.data()[i] != 0.0f ? 1.0f : 0.0f;
    r.set_dtype(DType::boolean);
    return make_tensor(r);
  }
  if (!target.empty()) {
    CallArgs none;
    return in.call_method(self, target, none);
  }
  if (c.copy) {
    CallArgs none;
    return in.call_method(self, "clone", none);
  }
  return self;  // PyTorch returns the tensor itself when nothing changes
}

Value tensor_type(Interpreter& in, const Value& self, CallArgs& a) {
  const auto args = bind_native(in, "type", a, {{"dtype", Value()}, {"non_blocking", Value(false)}});
  const Tensor& t = self.get<TensorObj>()->tensor;
  static const std::map<std::string, std::string> kTypes = {
      {"float32", "torch.FloatTensor"}, {"int64", "torch.LongTensor"}, {"bool", "torch.BoolTensor"},
      {"float64", "torch.DoubleTensor"}, {"float16", "torch.HalfTensor"}, {"bfloat16", "torch.BFloat16Tensor"}};
  const std::string have = dtype_name(t.dtype());
  if (args[0].is_none()) return Value(kTypes.at(have));
  Value dtype = args[0];
  if (args[0].is_str()) {
    const std::string name = args[0].as_str();
    auto it = std::find_if(kTypes.begin(), kTypes.end(), [&](const auto& kv) { return kv.second == name; });
    if (it == kTypes.end()) {
      static const char* const kOthers[] = {"torch.ByteTensor", "torch.CharTensor", "torch.ShortTensor", "torch.IntTensor"};
      if (std::find(std::begin(kOthers), std::end(kOthers), name) != std::end(kOthers)) {
        in.error("NotImplementedError", "not supported in initlab: Tensor.type('" + name + "') (its tensors are float32, int64 or bool)");
      }
      in.error("ValueError", "invalid type: '" + name + "'");
    }
    dtype = dtype_value(it->first);
  }
  CallArgs to_args;
  to_args.positional.push_back(dtype);
  return tensor_to(in, self, to_args);
}

Value module_to(Interpreter& in, const Value& self, CallArgs& a) {
  const ToCall c = parse_to(in, a, "to");
  if (auto* d = dtype_of(c.dtype)) {
    if (d->name == "int64" || d->name == "bool") {
      in.error("TypeError", "nn.Module.to only accepts floating point or complex dtypes, but got desired dtype=torch." + d->name);
    }
    if (d->name != "float32") no_float_dtype(in, d->name, "Module.to");
  }
  return self;
}

}  // namespace initlab::script
