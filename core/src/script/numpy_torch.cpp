// numpy and torch together, the way init code hands weights over: torch.from_numpy(a),
// torch.tensor(a), torch.Tensor(a), t.numpy(). initlab's tensors are float32 (with int64 and
// bool markers): a float32 array and a tensor share storage as in PyTorch; a float64 array
// becomes a float32 tensor (PyTorch would make a float64 one), with a warning saying so.
#include "native_args.hpp"
#include "numpy_bindings.hpp"

namespace initlab::script {

using numpy::Array;
using numpy::DType;

namespace {

using A = CallArgs;

// A tensor with the array's values (sharing its storage when it can).
Tensor tensor_of_array(Interpreter& in, const Array& a, const std::string& fn, bool share) {
  if (a.ndim() > kMaxDims) numpy::unsupported(in, "tensors with more than 5 dimensions");
  for (int64_t s : a.strides()) {
    if (s < 0 && fn == "from_numpy") {
      in.error("ValueError", "At least one stride in the given numpy array is negative, and tensors with negative strides are not currently supported. (You can probably work around this by making a copy of your array  with array.copy().) ");
    }
  }
  if (share && a.dtype() == DType::float32)
    if (auto t = a.tensor_view()) return *t;
  if (a.dtype() == DType::float64) {
    numpy::np_warn(in, "initlab has no float64 tensors: torch." + fn + "() made a float32 tensor from a float64 array (values rounded to float32; PyTorch would keep float64)", false);
  }
  std::vector<float> values;
  for (double v : a.values()) values.push_back(static_cast<float>(v));
  Tensor t = Tensor::from_vector(initlab::Shape(a.shape()), values);
  if (numpy::is_integer(a.dtype())) {
    if (a.dtype() == DType::int32) numpy::unsupported(in, "int32 tensors (torch." + fn + " of an int32 array; use a.astype(np.int64))");
    t.set_dtype(initlab::DType::int64);
  }
  if (a.dtype() == DType::bool_) t.set_dtype(initlab::DType::boolean);
  return t;
}

Array array_of_tensor(const Tensor& t) {
  if (t.dtype() == initlab::DType::float32) return Array::wrap_tensor(t);
  const DType d = t.dtype() == initlab::DType::int64 ? DType::int64 : DType::bool_;
  std::vector<int64_t> v;
  for (float f : t.to_vector()) v.push_back(static_cast<int64_t>(f));
  return Array::from_ints(d, t.shape().to_vector(), v);
}

}  // namespace

namespace numpy {

// A ufunc applied to a tensor gives a tensor back (torch's __array_wrap__).
Value tensor_result(Interpreter& in, const Array& a) {
  if (a.dtype() == DType::float64) unsupported(in, "float64 tensors (a numpy function of a tensor gave float64 values)");
  return make_tensor(tensor_of_array(in, a, "tensor", false));
}

}  // namespace numpy

std::optional<Tensor> tensor_from_numpy_data(Interpreter& in, const Value& data) {
  if (auto* o = data.get<NdArrayObj>()) return tensor_of_array(in, o->array, "tensor", false);
  return std::nullopt;
}

std::optional<Value> tensor_numpy_attribute(Interpreter& in, const Value& tensor, const std::string& name) {
  if (name != "numpy") return std::nullopt;
  const Tensor t = tensor.get<TensorObj>()->tensor;
  install_numpy(in);  // an ndarray needs numpy's classes (its type, its exceptions), import or not
  return make_builtin("Tensor.numpy", [t](Interpreter& interp, A& a) {
    bind_native(interp, "numpy", a, {{"force", Value(false), true}});
    if (t.requires_grad()) interp.error("RuntimeError", "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.");
    return make_ndarray(array_of_tensor(t));
  });
}

void install_torch_numpy(Interpreter& interp, NamespaceObj& torch) {
  torch.members["from_numpy"] = make_builtin("torch.from_numpy", [](Interpreter& in, A& a) {
    const auto args = bind_native(in, "from_numpy", a, {{"ndarray", std::nullopt}});
    auto* o = args[0].get<NdArrayObj>();
    if (!o || o->scalar) in.error("TypeError", "expected np.ndarray (got " + (o ? "numpy." + o->type_name() : type_name(args[0])) + ")");
    return make_tensor(tensor_of_array(in, o->array, "from_numpy", true));
  });
  // torch.Tensor(data) / torch.Tensor(2, 3) / torch.FloatTensor(...): always float32.
  const Native legacy = [](Interpreter& in, A& a) -> Value {
    if (!a.keywords.empty()) in.error("TypeError", "new() got an unexpected keyword argument '" + a.keywords[0].first + "'");
    if (a.positional.empty()) return make_tensor(Tensor(initlab::Shape{0}));
    const Value& x = a.positional[0];
    if (a.positional.size() == 1 && (x.get<NdArrayObj>() || x.get<ListObj>() || x.get<TupleObj>() || x.get<TensorObj>())) {
      Array arr = numpy::to_array(in, x);
      std::vector<float> values;
      for (double v : arr.values()) values.push_back(static_cast<float>(v));
      if (arr.ndim() > kMaxDims) numpy::unsupported(in, "tensors with more than 5 dimensions");
      return make_tensor(Tensor::from_vector(initlab::Shape(arr.shape()), values));
    }
    return make_tensor(Tensor(initlab::Shape(size_args(in, a.positional, "Tensor"))));
  };
  if (auto* cls = torch.members["Tensor"].get<NativeClassObj>()) cls->construct = legacy;
  torch.members["FloatTensor"] = make_builtin("torch.FloatTensor", legacy);
  (void)interp;
}

}  // namespace initlab::script
