// How the interpreter reaches numpy: the hooks it calls for ndarrays, numpy scalars and dtypes
// (operators, indexing, iteration, text, attributes), and the helpers the numpy_*.cpp files
// share (converting script values to arrays, numpy 1.24's type promotion).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "interpreter.hpp"
#include "numpy_array.hpp"

namespace initlab::script {

// ---- hooks (numpy_api.cpp, numpy_math.cpp) ----
// An ndarray, a numpy scalar or a numpy dtype object.
inline bool is_numpy(const Value& v) { return v.get<NdArrayObj>() != nullptr || v.get<NpDtypeObj>() != nullptr; }
// a op b where either side is numpy: + - * / // % ** @ & | ^ and comparisons.
Value numpy_binary(Interpreter& in, const std::string& op, const Value& a, const Value& b);
Value numpy_unary(Interpreter& in, const std::string& op, const Value& a);
// a op= b: writes into a (numpy's in-place operators keep a's dtype and its views).
Value numpy_inplace(Interpreter& in, const std::string& op, const Value& a, const Value& b);
Value numpy_subscript(Interpreter& in, const Value& a, const Value& index);
void numpy_set_subscript(Interpreter& in, const Value& a, const Value& index, const Value& v);
void numpy_iterate(Interpreter& in, const Value& a, const std::function<bool(const Value&)>& fn);
bool numpy_truthy(Interpreter& in, const Value& a);
int64_t numpy_len(Interpreter& in, const Value& a);
std::string numpy_repr(const Value& v);
std::string numpy_str(const Value& v);
std::optional<Value> numpy_attribute(Interpreter& in, const Value& a, const std::string& name);
// A numpy scalar or one-element array as a Python bool, int or float (for int(), float(),
// format specs and native arguments, where numpy's scalars stand in for Python numbers).
std::optional<Value> numpy_number(const Value& v);
// v as the Python number a numpy scalar or one-element array stands for (int() and float()
// of arrays; with `integers_only`, only numpy integers convert, as for range() and sizes);
// anything else comes back as it is.
Value numpy_python_scalar(Interpreter& in, const Value& v, bool integers_only);
// np.float64 scalars are Python floats (numpy's float64 subclasses float).
bool numpy_is_float64_scalar(const Value& v);

// type(x): np.ndarray, np.float64, ... (numpy's classes, even when a tensor's .numpy() made x
// without an import).
Value numpy_type(Interpreter& in, const Value& v);
// Registers numpy, numpy.linalg and numpy.random (on the first import of any of them).
void install_numpy(Interpreter& in);
// torch.from_numpy, Tensor.numpy(), torch.tensor(ndarray) and torch.Tensor(...) (numpy_torch.cpp).
void install_torch_numpy(Interpreter& in, NamespaceObj& torch);
std::optional<Value> tensor_numpy_attribute(Interpreter& in, const Value& tensor, const std::string& name);
// torch.tensor(data) when data holds numpy values; nullopt for other data.
std::optional<Tensor> tensor_from_numpy_data(Interpreter& in, const Value& data);

namespace numpy {

// numpy's text (numpy_format.cpp).
std::string array_repr(const Array& a);
std::string array_str(const Array& a);
std::string scalar_text(DType dtype, double v, int64_t i);

// An argument of a numpy function, as its type resolution sees it: Python scalars and numpy
// scalars (and 0-d arrays) take part in numpy 1.24's value-based casting, arrays do not.
struct Operand {
  Array array;
  bool scalar = false;  // a Python or numpy scalar or a 0-d array
  bool python = false;  // a Python bool, int or float
};

// An array_like (ndarray, numpy scalar, number, nested lists and tuples, tensor) as an array;
// `dtype` converts it.
Array to_array(Interpreter& in, const Value& v, std::optional<DType> dtype = std::nullopt);
Operand operand(Interpreter& in, const Value& v);
// np.result_type of ufunc operands in numpy 1.24 (value-based casting for scalars).
DType result_type(const std::vector<Operand>& ops);
// A dtype= argument (np.float32, 'float32', float, a.dtype...); nullopt for None.
std::optional<DType> dtype_arg(Interpreter& in, const Value& v);
// A shape argument: an int or a sequence of ints.
Dims shape_arg(Interpreter& in, const Value& v, const std::string& what);
// An axis in [0, ndim), from a possibly negative one; numpy's AxisError (a ValueError) otherwise.
int normalize_axis(Interpreter& in, int64_t axis, int ndim);
// Reduction axes from an axis= argument (None: all).
std::vector<int> axes_arg(Interpreter& in, const Value& v, int ndim);
// The Python value of one element (int, float or bool).
Value python_value(const Array& a, int64_t pos);
// Nested lists of Python values (ndarray.tolist()).
Value to_list(const Array& a);
[[noreturn]] void unsupported(Interpreter& in, const std::string& what);
// numpy's RuntimeWarnings ("divide by zero encountered in log"), once per message in a run
// (`runtime_warning` false: initlab's own warnings, also once).
void np_warn(Interpreter& in, const std::string& message, bool runtime_warning = true);

// ---- numpy_math.cpp ----
// Element-wise binary ufuncs by operator ("+", "maximum", "arctan2"...).
Value ufunc_binary(Interpreter& in, const std::string& name, const Value& a, const Value& b);
// Element-wise unary ufuncs by name ("sqrt", "negative"...).
Value ufunc_unary(Interpreter& in, const std::string& name, const Value& a);
enum class Reduction { sum, prod, max, min, mean, var, std, argmax, argmin, any, all };
Value reduce(Interpreter& in, Reduction r, const Value& a, const Value& axis, bool keepdims, int64_t ddof = 0,
             std::optional<DType> dtype = std::nullopt);
Array cumulative(Interpreter& in, const Array& a, const Value& axis, bool product);
Value matmul(Interpreter& in, const Value& a, const Value& b, bool dot);
// numpy's 'K' order for an element-wise result: the operands' axes from largest stride to
// smallest where they agree (C order where they do not), and a new array laid out that way.
std::vector<int> k_order(const std::vector<Array>& operands, int ndim);
Array alloc_in_order(DType dtype, const Dims& shape, const std::vector<int>& order);
Array concatenate(Interpreter& in, const std::vector<Array>& arrays, int64_t axis);
// Registers the math functions on the numpy namespace.
void install_numpy_math(Interpreter& in, NamespaceObj& np);
// ---- numpy_linalg.cpp ----
void install_numpy_linalg(Interpreter& in, NamespaceObj& np, NamespaceObj& linalg);
// ---- numpy_random_api.cpp ----
void install_numpy_random(Interpreter& in, NamespaceObj& random);

}  // namespace numpy

}  // namespace initlab::script
