// numpy's ndarray for scripts that `import numpy as np`: the dtypes init code uses (bool,
// int32, int64, float32, float64), a shape, strides and an offset onto a shared buffer, so
// slices, .T and reshape are views whose writes reach the original, as in numpy.
//
// The buffer is a 1-D float32 Tensor used as raw bytes. That gives every array the run's tensor
// memory cap (LimitError instead of exhausting the page), and lets a float32 array and a torch
// tensor share one storage (Tensor.numpy(), torch.from_numpy), as they do in PyTorch.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "initlab/tensor.hpp"
#include "value.hpp"

namespace initlab::script::numpy {

enum class DType { bool_, int32, int64, float32, float64 };
// numpy's type categories, ordered as its value-based casting compares them.
enum class Kind { boolean = 0, integer = 1, floating = 2 };

int itemsize(DType d);
Kind kind(DType d);
inline bool is_float(DType d) { return kind(d) == Kind::floating; }
inline bool is_integer(DType d) { return kind(d) == Kind::integer; }
// dtype.name: "bool", "int32", "int64", "float32", "float64".
const char* dtype_name(DType d);
// The scalar type's name: "bool_", "int32", ... (type(np.float64(1)).__name__).
const char* scalar_type_name(DType d);
// np.promote_types for the supported dtypes (int32 with float32 is float64, as numpy has it).
DType promote(DType a, DType b);

using Dims = std::vector<int64_t>;
int64_t numel(const Dims& shape);
// "(2, 3)", "(3,)" as Python prints a shape tuple; compact "(2,3)" as numpy's broadcast
// error prints it.
std::string shape_text(const Dims& shape, bool compact = false);
// The broadcast shape of two shapes, or nullopt when they do not broadcast.
std::optional<Dims> broadcast_shapes(const Dims& a, const Dims& b);

// Integer results wrap as numpy's fixed-width integers do (two's complement).
inline int64_t wrap_add(int64_t a, int64_t b) { return static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b)); }
inline int64_t wrap_sub(int64_t a, int64_t b) { return static_cast<int64_t>(static_cast<uint64_t>(a) - static_cast<uint64_t>(b)); }
inline int64_t wrap_mul(int64_t a, int64_t b) { return static_cast<int64_t>(static_cast<uint64_t>(a) * static_cast<uint64_t>(b)); }

class Array {
 public:
  Array() = default;
  // A new C-contiguous, zero-filled array.
  Array(DType dtype, Dims shape);

  DType dtype() const { return dtype_; }
  const Dims& shape() const { return shape_; }
  const Dims& strides() const { return strides_; }  // in elements, may be 0 or negative
  int64_t offset() const { return offset_; }        // in elements from the buffer's start
  int ndim() const { return static_cast<int>(shape_.size()); }
  int64_t size() const { return numel(shape_); }
  bool c_contiguous() const;
  bool f_contiguous() const;

  // Element access by position (offset + sum of index * stride). Floats read as double; ints and
  // bools as int64; stores convert as numpy's unsafe casts do (float to int truncates).
  double get(int64_t pos) const;
  int64_t get_int(int64_t pos) const;
  void set(int64_t pos, double v);
  void set_int(int64_t pos, int64_t v);
  // Positions of every element in C (row-major) order.
  std::vector<int64_t> positions() const;
  std::vector<double> values() const;        // C order, as double
  std::vector<int64_t> int_values() const;   // C order, as int64 (floats truncated)
  double item() const { return get(offset_); }
  int64_t item_int() const { return get_int(offset_); }

  // New contiguous arrays from C-order values (rounded or wrapped to the dtype).
  static Array from_values(DType dtype, Dims shape, const std::vector<double>& values);
  static Array from_ints(DType dtype, Dims shape, const std::vector<int64_t>& values);
  static Array scalar(DType dtype, double v);
  static Array scalar_int(DType dtype, int64_t v);

  // Views on the same buffer.
  Array view(Dims shape, Dims strides, int64_t offset) const;
  Array broadcast_to(const Dims& shape) const;  // shape must be a broadcast of this one
  Array transpose(const std::vector<int64_t>& axes) const;
  // reshape() without copying, when the strides allow it (nullopt otherwise).
  std::optional<Array> reshape_view(const Dims& shape) const;

  Array copy() const;              // a C-contiguous copy
  Array astype(DType dtype) const; // a C-contiguous copy converted to dtype
  // Copies src (broadcast to this shape, converted to this dtype) into this array's elements.
  void assign(const Array& src);
  void fill(double v);
  bool shares_buffer(const Array& o) const { return buffer_.defined() && buffer_.shares_storage_with(o.buffer_); }

  // float32 arrays and tensors can share storage. wrap_tensor views a tensor's elements (its
  // strides become the array's); to_tensor gives a tensor on this array's storage when the
  // layout allows it (C-contiguous float32), else nullopt.
  static Array wrap_tensor(const Tensor& t);
  std::optional<Tensor> tensor_view() const;

 private:
  unsigned char* base() const;

  DType dtype_ = DType::float64;
  Dims shape_, strides_;
  int64_t offset_ = 0;
  Tensor buffer_;  // raw bytes (see the file comment); element positions index from its data()
};

}  // namespace initlab::script::numpy

namespace initlab::script {

// An ndarray, or a numpy scalar (np.float64(0.5), a[0, 0], a reduction's result): numpy keeps
// the two apart (repr "array(0.5)" vs "0.5"), and ufuncs return scalars for 0-d results.
struct NdArrayObj : Object {
  numpy::Array array;
  bool scalar = false;
  std::string type_name() const override { return scalar ? numpy::scalar_type_name(array.dtype()) : "ndarray"; }
};

// A numpy dtype object (a.dtype): repr "dtype('float32')", equal to np.float32 and 'float32'.
struct NpDtypeObj : Object {
  numpy::DType dtype = numpy::DType::float64;
  std::string type_name() const override { return std::string("dtype[") + numpy::scalar_type_name(dtype) + "]"; }
};

Value make_ndarray(numpy::Array a);
Value make_np_scalar(numpy::Array a);  // a must have one element; kept as a 0-d scalar
// A ufunc's result: 0-d results are numpy scalars, others arrays.
Value make_np_result(numpy::Array a);
Value make_np_dtype(numpy::DType d);

}  // namespace initlab::script
