// Tensor: float32, up to 5 dims, a strided view onto shared, 64-byte aligned contiguous storage.
// Views (view/reshape/transpose/select) share storage as in PyTorch; writes through a view are
// seen by every tensor on that storage.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "initlab/shape.hpp"

namespace initlab {

namespace autograd {
struct Meta;
}

// Owns one aligned float buffer. Zero-filled on creation, so results never depend on garbage.
class Storage {
 public:
  explicit Storage(int64_t count, bool zero = true);
  ~Storage();
  Storage(const Storage&) = delete;
  Storage& operator=(const Storage&) = delete;

  float* data() { return data_; }
  const float* data() const { return data_; }
  int64_t count() const { return count_; }
  // PyTorch's version counter, shared by every view of this storage: each in-place write
  // bumps it, and autograd's saved tensors compare it with the version they saved.
  int64_t version() const { return version_; }
  void bump_version() { ++version_; }

  static constexpr std::size_t kAlignment = 64;

 private:
  float* data_ = nullptr;
  int64_t count_ = 0;
  int64_t version_ = 0;
};

// Element type as PyTorch would report it. Storage is always float; int64 marks integer
// tensors (BatchNorm's num_batches_tracked, randperm results) whose values are exact in float
// below 2^24, so they print and serialize as integers.
enum class DType { float32, int64, boolean };
// ATen's ScalarType name of a dtype, as its messages print it ("Float", "Long", "Bool").
inline const char* scalar_type_name(DType d) { return d == DType::float32 ? "Float" : d == DType::int64 ? "Long" : "Bool"; }

// Bytes of tensor storage alive now and at the most since the last reset (this thread's
// process-wide view; the benchmark reports the peak of a forward pass).
struct TensorMemory {
  static int64_t live_bytes();
  static int64_t peak_bytes();
  static void reset_peak();
  // A cap on live tensor bytes (0: none). Allocations past it raise LimitError first.
  static void set_cap(int64_t bytes);
  static int64_t cap();
};

class Tensor {
 public:
  // An undefined tensor (PyTorch's None-like "no tensor"); most operations reject it.
  Tensor() = default;
  // A new zero-filled contiguous tensor.
  explicit Tensor(const Shape& shape);

  static Tensor zeros(const Shape& shape) { return Tensor(shape); }
  // Contents unspecified: for op outputs that are written in full before anyone reads them.
  static Tensor uninitialized(const Shape& shape);
  static Tensor full(const Shape& shape, float value);
  // Row-major values; values.size() must equal shape.numel().
  static Tensor from_vector(const Shape& shape, const std::vector<float>& values);

  bool defined() const { return storage_ != nullptr; }
  DType dtype() const { return dtype_; }
  // Autograd's flag, carried by the handle (parameters are registered with it set). Setting
  // it gives the handle its autograd record (core/include/initlab/autograd.hpp), which every
  // copy of the handle made afterwards shares: that is where .grad accumulates.
  bool requires_grad() const { return requires_grad_; }
  Tensor& set_requires_grad(bool r);
  // The accumulated gradient of a leaf (undefined before the first backward or after
  // set_grad({})); PyTorch's .grad.
  Tensor grad() const;
  void set_grad(const Tensor& g);
  // Whether an op recorded for autograd made this tensor (PyTorch's grad_fn is not None).
  bool has_grad_fn() const;
  const std::shared_ptr<autograd::Meta>& autograd_meta() const { return autograd_; }
  void set_autograd_meta(std::shared_ptr<autograd::Meta> meta) { autograd_ = std::move(meta); }
  // Back-propagates from this tensor: `gradient` is d(loss)/d(this) (may be omitted for a
  // one-element tensor, meaning 1). Accumulates into the .grad of every leaf that requires
  // grad. See autograd.hpp.
  void backward() const;
  void backward(const Tensor& gradient) const;
  // retain_graph=false marks every node it ran as released (autograd.hpp): PyTorch's default
  // for loss.backward(). `gradient` may be undefined (an implicit 1 for one element).
  void backward(const Tensor& gradient, bool retain_graph) const;
  // The same values without autograd history (a handle on the same storage).
  Tensor detach() const;
  Tensor& set_dtype(DType d) {
    dtype_ = d;
    return *this;
  }
  int64_t dim() const { return shape_.size(); }
  const Shape& shape() const { return shape_; }
  const Shape& strides() const { return strides_; }
  // Size of dimension d; negative d counts from the end, as in PyTorch.
  int64_t size(int64_t d) const;
  int64_t numel() const { return shape_.numel(); }
  bool is_contiguous() const;

  // Pointer to element [0, ..., 0]. For a contiguous tensor, numel() floats follow it.
  float* data();
  const float* data() const;

  // Views. view() needs a shape compatible without copying (contiguous here); reshape() copies
  // when it must. Both accept one -1 that is inferred.
  Tensor view(const Shape& shape) const;
  Tensor reshape(const Shape& shape) const;
  Tensor transpose(int64_t dim0, int64_t dim1) const;
  // 2-D transpose; 0-D and 1-D tensors are returned as they are (PyTorch's t()).
  Tensor t() const;
  Tensor select(int64_t dim, int64_t index) const;
  // Python's x[start:stop:step] along dim (clamped as Python clamps; step > 0).
  Tensor slice(int64_t dim, int64_t start, int64_t stop, int64_t step = 1) const;
  Tensor unsqueeze(int64_t dim) const;
  Tensor squeeze(int64_t dim) const;
  Tensor permute(const std::vector<int64_t>& dims) const;
  // PyTorch's expand: size-1 (and new leading) dims repeated with stride 0, no copy; -1 keeps
  // a size. PyTorch's RuntimeError when a non-singleton size would change.
  Tensor expand(const Shape& sizes) const;
  // Writes src into this tensor's elements, broadcasting src to this shape (Tensor.copy_).
  void copy_from(const Tensor& src);

  Tensor contiguous() const;
  Tensor clone() const;

  // Element access by full index (bounds-checked).
  float at(std::initializer_list<int64_t> index) const;
  float& at(std::initializer_list<int64_t> index);

  void fill_(float value);
  void zero_() { fill_(0.0f); }
  // Row-major copy of the values.
  std::vector<float> to_vector() const;
  bool shares_storage_with(const Tensor& other) const { return storage_ == other.storage_; }
  // How many tensors (views, autograd's saved copies) hold this storage: 1 when this handle
  // is its only holder (the script layer's test for an in-place write nothing else can see).
  long storage_holders() const { return storage_.use_count(); }
  // The storage's version counter (Storage::version): Tensor._version. In-place writes that
  // a script makes bump it (the core's own writes into fresh tensors do not, as in PyTorch).
  int64_t version() const { return storage_ ? storage_->version() : 0; }
  void bump_version() {
    if (storage_) storage_->bump_version();
  }

  // Calls f(float&) for every element in the order PyTorch's TensorIterator visits a single
  // output: memory order (dimensions sorted by decreasing stride), which is row-major for a
  // contiguous tensor. Sampling depends on this order to match PyTorch's streams.
  template <class F>
  void for_each_in_memory_order(F&& f);

  // Offsets (relative to data()) of every element, in the order for_each_in_memory_order uses.
  std::vector<int64_t> memory_order_offsets() const;

 private:
  Tensor(std::shared_ptr<Storage> storage, int64_t offset, const Shape& shape,
         const Shape& strides, DType dtype);
  int64_t normalize_dim(int64_t d) const;
  Shape infer_shape(const Shape& requested) const;

  std::shared_ptr<Storage> storage_;
  int64_t offset_ = 0;
  Shape shape_;
  Shape strides_;
  DType dtype_ = DType::float32;
  bool requires_grad_ = false;
  std::shared_ptr<autograd::Meta> autograd_;
};

template <class F>
void Tensor::for_each_in_memory_order(F&& f) {
  float* base = data();
  if (is_contiguous()) {
    const int64_t n = numel();
    for (int64_t i = 0; i < n; ++i) f(base[i]);
    return;
  }
  for (int64_t off : memory_order_offsets()) f(base[off]);
}

}  // namespace initlab
