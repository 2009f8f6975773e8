// What the tensor-op families beyond torch_api.cpp share (torch_api_shape.cpp: indexing, masking
// and shape ops; torch_api_math.cpp: element-wise math, reductions over several dims, creation;
// torch_api_random.cpp: randint and the *_like samplers). Each family answers Tensor attribute
// names and installs torch.* functions; torch_api.cpp asks them first.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "bindings.hpp"
#include "native_args.hpp"

namespace initlab::script {

// A recorded op whose backward is a closure over the node's inputs: (gy, inputs) -> one gradient
// per input (undefined where none is needed). Records only when should_record(inputs).
using BackwardFn = std::function<std::vector<Tensor>(const Tensor& gy, const std::vector<Tensor>& inputs)>;
Tensor record_op(const Tensor& y, const std::vector<Tensor>& inputs, const char* name, BackwardFn backward);

// The tensor argument `what`, or PyTorch's TypeError.
Tensor tensor_value(Interpreter& in, const Value& v, const std::string& what);
// A dtype= argument (None: keep `fallback`).
DType dtype_arg(Interpreter& in, const Value& v, DType fallback);
// torch_api_inplace.cpp: PyTorch's checks before an in-place write into self (of src, when
// given) and the version bump; a write into a recorded tensor is NotImplementedError here.
void check_inplace_write(Interpreter& in, const Value& self, const Value* src);
// An in-place op computed out of place (from self's current values) and written into self,
// its history rebased when recorded. Returns self.
Value inplace_via(const Value& self, const Value* src, const std::function<Value()>& out_of_place);
// x[index] = v, where view(x) is x[index]: recorded (PyTorch's CopySlices) when x is.
void set_subscript_recorded(Interpreter& in, const Value& tensor, const Value& index, const Value& v,
                            const std::function<Tensor(const Tensor&)>& view);
std::optional<Value> tensor_inplace_method(Interpreter& in, const Value& self, const std::string& name);
// A tensor's values as int64 (indices).
std::vector<int64_t> int_values(const Tensor& t);

// x.sum(dims) / x.mean(dims) when dim is a list or tuple (nullopt otherwise).
std::optional<Value> reduce_over_dims(Interpreter& in, const Tensor& x, const Value& dim, bool mean, bool keepdim, const Value& dtype);

// x[index] when index holds integer or boolean tensors (or lists): PyTorch's advanced indexing
// (a copy, differentiable); nullopt for basic indexing.
std::optional<Value> advanced_subscript(Interpreter& in, const Value& self, const Value& index);

std::optional<Value> tensor_shape_method(Interpreter& in, const Value& self, const std::string& name);
void install_torch_shape(NamespaceObj& torch);
std::optional<Value> tensor_math_method(Interpreter& in, const Value& self, const std::string& name);
void install_torch_math(NamespaceObj& torch);
std::optional<Value> tensor_random_method(Interpreter& in, const Value& self, const std::string& name);
void install_torch_random(NamespaceObj& torch);

}  // namespace initlab::script
