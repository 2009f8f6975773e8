#include "initlab/tensor.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <numeric>
#include <string>

#include "initlab/error.hpp"

namespace initlab {

namespace {

Shape contiguous_strides(const Shape& shape) {
  Shape strides = shape;
  int64_t stride = 1;
  for (int i = shape.size() - 1; i >= 0; --i) {
    strides[i] = stride;
    stride *= std::max<int64_t>(shape[i], 1);
  }
  return strides;
}

void check_sizes(const Shape& shape) {
  for (int64_t d : shape) {
    if (d < 0) {
      raise(ErrorKind::RuntimeError, "Trying to create tensor with negative dimension " +
                                         std::to_string(d) + ": " + shape.to_string());
    }
  }
}

int64_t live_storage_bytes = 0;
int64_t peak_storage_bytes = 0;
int64_t storage_cap_bytes = 0;  // 0: no cap

// Refuses, before allocating, a tensor that would take tensor memory over the cap.
void check_allocation(const Shape& shape) {
  int64_t n = 1;
  for (int64_t d : shape) {
    if (d != 0 && n > std::numeric_limits<int64_t>::max() / 4 / d) {
      raise(ErrorKind::LimitError, "a tensor of shape " + shape.to_string() + " is too large to allocate");
    }
    n *= d;
  }
  const int64_t bytes = n * static_cast<int64_t>(sizeof(float));
  if (storage_cap_bytes > 0 && live_storage_bytes + bytes > storage_cap_bytes) {
    raise(ErrorKind::LimitError,
          "a tensor of shape " + shape.to_string() + " needs " + std::to_string(bytes) +
              " bytes, over the tensor memory cap of " + std::to_string(storage_cap_bytes) + " bytes (" +
              std::to_string(live_storage_bytes) + " in use); raise the max_tensor_bytes limit to allow more");
  }
}

}  // namespace

void TensorMemory::set_cap(int64_t bytes) { storage_cap_bytes = bytes; }
int64_t TensorMemory::cap() { return storage_cap_bytes; }

int64_t TensorMemory::live_bytes() { return live_storage_bytes; }
int64_t TensorMemory::peak_bytes() { return peak_storage_bytes; }
void TensorMemory::reset_peak() { peak_storage_bytes = live_storage_bytes; }

Storage::Storage(int64_t count, bool zero) : count_(count) {
  // aligned_alloc wants a size that is a multiple of the alignment, and a non-zero one.
  std::size_t bytes = static_cast<std::size_t>(std::max<int64_t>(count, 1)) * sizeof(float);
  bytes = (bytes + kAlignment - 1) / kAlignment * kAlignment;
  data_ = static_cast<float*>(std::aligned_alloc(kAlignment, bytes));
  if (data_ == nullptr) {
    raise(ErrorKind::RuntimeError,
          "out of memory allocating " + std::to_string(bytes) + " bytes for a tensor (" +
              std::to_string(live_storage_bytes) +
              " bytes of tensors are live): make the layers or the batch smaller");
  }
  if (zero) std::memset(data_, 0, bytes);
  live_storage_bytes += count * static_cast<int64_t>(sizeof(float));
  peak_storage_bytes = std::max(peak_storage_bytes, live_storage_bytes);
}

Storage::~Storage() {
  live_storage_bytes -= count_ * static_cast<int64_t>(sizeof(float));
  std::free(data_);
}

Tensor::Tensor(const Shape& shape) : shape_(shape), strides_(contiguous_strides(shape)) {
  check_sizes(shape);
  check_allocation(shape);
  storage_ = std::make_shared<Storage>(shape.numel());
}

Tensor::Tensor(std::shared_ptr<Storage> storage, int64_t offset, const Shape& shape,
               const Shape& strides, DType dtype)
    : storage_(std::move(storage)), offset_(offset), shape_(shape), strides_(strides),
      dtype_(dtype) {}

Tensor Tensor::uninitialized(const Shape& shape) {
  check_sizes(shape);
  check_allocation(shape);
  Tensor t;
  t.shape_ = shape;
  t.strides_ = contiguous_strides(shape);
  t.storage_ = std::make_shared<Storage>(shape.numel(), false);
  return t;
}

Tensor Tensor::full(const Shape& shape, float value) {
  Tensor t(shape);
  t.fill_(value);
  return t;
}

Tensor Tensor::from_vector(const Shape& shape, const std::vector<float>& values) {
  Tensor t(shape);
  if (static_cast<int64_t>(values.size()) != t.numel()) {
    raise(ErrorKind::ValueError, "expected " + std::to_string(t.numel()) +
                                     " values for shape " + shape.to_string() + ", got " +
                                     std::to_string(values.size()));
  }
  std::copy(values.begin(), values.end(), t.data());
  return t;
}

int64_t Tensor::normalize_dim(int64_t d) const {
  const int64_t n = dim();
  if (n == 0) {
    raise(ErrorKind::IndexError,
          "dimension specified as " + std::to_string(d) + " but tensor has no dimensions");
  }
  if (d < -n || d >= n) {
    raise(ErrorKind::IndexError, "Dimension out of range (expected to be in range of [" +
                                     std::to_string(-n) + ", " + std::to_string(n - 1) +
                                     "], but got " + std::to_string(d) + ")");
  }
  return d < 0 ? d + n : d;
}

int64_t Tensor::size(int64_t d) const { return shape_[static_cast<int>(normalize_dim(d))]; }

bool Tensor::is_contiguous() const {
  int64_t expected = 1;
  for (int i = dim() - 1; i >= 0; --i) {
    if (shape_[i] == 1) continue;  // a size-1 dimension's stride never matters
    if (shape_[i] == 0) return true;
    if (strides_[i] != expected) return false;
    expected *= shape_[i];
  }
  return true;
}

float* Tensor::data() {
  if (!defined()) raise(ErrorKind::RuntimeError, "tensor is undefined");
  return storage_->data() + offset_;
}

const float* Tensor::data() const {
  if (!defined()) raise(ErrorKind::RuntimeError, "tensor is undefined");
  return storage_->data() + offset_;
}

Shape Tensor::infer_shape(const Shape& requested) const {
  Shape out = requested;
  int infer = -1;
  int64_t known = 1;
  for (int i = 0; i < out.size(); ++i) {
    if (out[i] == -1) {
      if (infer >= 0) raise(ErrorKind::RuntimeError, "only one dimension can be inferred");
      infer = i;
    } else if (out[i] < 0) {
      raise(ErrorKind::RuntimeError, "invalid shape dimension " + std::to_string(out[i]));
    } else {
      known *= out[i];
    }
  }
  const int64_t n = numel();
  if (infer >= 0) {
    if (known == 0) {
      raise(ErrorKind::RuntimeError,
            "cannot reshape tensor of " + std::to_string(n) + " elements into shape " +
                requested.to_string() +
                " because the unspecified dimension size -1 can be any value and is ambiguous");
    }
    if (n % known == 0) out[infer] = n / known;
  }
  if (out.numel() != n || (infer >= 0 && n % known != 0)) {
    raise(ErrorKind::RuntimeError, "shape '" + requested.to_string() +
                                       "' is invalid for input of size " + std::to_string(n));
  }
  return out;
}

namespace {

// PyTorch's rule for viewing a strided tensor as another shape (ATen's computeStride): the old
// dims split into runs that are contiguous among themselves; each run of old dims must map onto
// a run of new dims of the same element count, which then get strides within the run. False
// when a new dim would span two runs (the copy reshape() makes instead).
bool view_strides(const Shape& old_shape, const Shape& old_strides, const Shape& shape, Shape& out) {
  out = shape;
  if (old_shape.numel() == 0 || old_shape.size() == 0) {
    out = contiguous_strides(shape);
    return true;
  }
  int view_d = shape.size() - 1;
  int64_t chunk_base_stride = old_strides[old_shape.size() - 1];
  int64_t tensor_numel = 1, view_numel = 1;
  for (int tensor_d = old_shape.size() - 1; tensor_d >= 0; --tensor_d) {
    tensor_numel *= old_shape[tensor_d];
    if (tensor_d == 0 ||
        (old_shape[tensor_d - 1] != 1 && old_strides[tensor_d - 1] != tensor_numel * chunk_base_stride)) {
      while (view_d >= 0 && (view_numel < tensor_numel || shape[view_d] == 1)) {
        out[view_d] = view_numel * chunk_base_stride;
        view_numel *= shape[view_d];
        --view_d;
      }
      if (view_numel != tensor_numel) return false;
      if (tensor_d > 0) {
        chunk_base_stride = old_strides[tensor_d - 1];
        tensor_numel = 1;
        view_numel = 1;
      }
    }
  }
  return view_d == -1;
}

}  // namespace

Tensor Tensor::view(const Shape& shape) const {
  Shape out = infer_shape(shape);
  if (is_contiguous()) return Tensor(storage_, offset_, out, contiguous_strides(out), dtype_);
  Shape strides;
  if (!view_strides(shape_, strides_, out, strides)) {
    raise(ErrorKind::RuntimeError,
          "view size is not compatible with input tensor's size and stride (at least one "
          "dimension spans across two contiguous subspaces). Use .reshape(...) instead.");
  }
  return Tensor(storage_, offset_, out, strides, dtype_);
}

Tensor Tensor::reshape(const Shape& shape) const {
  if (is_contiguous()) return view(shape);
  // A view where PyTorch's stride rule allows one (as reshape does in PyTorch), else a copy.
  const Shape out = infer_shape(shape);
  Shape strides;
  if (view_strides(shape_, strides_, out, strides)) return Tensor(storage_, offset_, out, strides, dtype_);
  return contiguous().view(shape);
}

Tensor Tensor::transpose(int64_t dim0, int64_t dim1) const {
  const int a = static_cast<int>(normalize_dim(dim0));
  const int b = static_cast<int>(normalize_dim(dim1));
  Shape shape = shape_, strides = strides_;
  std::swap(shape[a], shape[b]);
  std::swap(strides[a], strides[b]);
  return Tensor(storage_, offset_, shape, strides, dtype_);
}

Tensor Tensor::t() const {
  if (dim() > 2) {
    raise(ErrorKind::RuntimeError, "t() expects a tensor with <= 2 dimensions, but self is " +
                                       std::to_string(dim()) + "D");
  }
  return dim() < 2 ? *this : transpose(0, 1);
}

Tensor Tensor::select(int64_t d, int64_t index) const {
  const int k = static_cast<int>(normalize_dim(d));
  const int64_t n = shape_[k];
  if (index < -n || index >= n) {
    raise(ErrorKind::IndexError, "select(): index " + std::to_string(index) +
                                     " out of range for tensor of size " + shape_.to_string() +
                                     " at dimension " + std::to_string(k));
  }
  if (index < 0) index += n;
  Shape shape, strides;
  for (int i = 0; i < dim(); ++i) {
    if (i == k) continue;
    shape.push_back(shape_[i]);
    strides.push_back(strides_[i]);
  }
  return Tensor(storage_, offset_ + index * strides_[k], shape, strides, dtype_);
}

Tensor Tensor::slice(int64_t d, int64_t start, int64_t stop, int64_t step) const {
  const int k = static_cast<int>(normalize_dim(d));
  const int64_t n = shape_[k];
  if (step <= 0) raise(ErrorKind::ValueError, "step must be greater than zero");
  const auto clamp = [n](int64_t v) {
    if (v < 0) v += n;
    return std::min(std::max<int64_t>(v, 0), n);
  };
  start = clamp(start);
  stop = std::max(clamp(stop), start);
  Shape shape = shape_, strides = strides_;
  shape[k] = (stop - start + step - 1) / step;
  strides[k] = strides_[k] * step;
  return Tensor(storage_, offset_ + start * strides_[k], shape, strides, dtype_);
}

Tensor Tensor::unsqueeze(int64_t d) const {
  const int64_t n = dim() + 1;
  if (d < -n || d >= n) {
    raise(ErrorKind::IndexError, "Dimension out of range (expected to be in range of [" + std::to_string(-n) +
                                     ", " + std::to_string(n - 1) + "], but got " + std::to_string(d) + ")");
  }
  if (d < 0) d += n;
  Shape shape, strides;
  for (int i = 0; i < n; ++i) {
    if (i == d) {
      shape.push_back(1);
      strides.push_back(i < dim() ? strides_[i] * shape_[i] : 1);
    }
    if (i < dim()) {
      shape.push_back(shape_[i]);
      strides.push_back(strides_[i]);
    }
  }
  return Tensor(storage_, offset_, shape, strides, dtype_);
}

Tensor Tensor::squeeze(int64_t d) const {
  const int k = static_cast<int>(normalize_dim(d));
  if (shape_[k] != 1) return *this;
  Shape shape, strides;
  for (int i = 0; i < dim(); ++i) {
    if (i == k) continue;
    shape.push_back(shape_[i]);
    strides.push_back(strides_[i]);
  }
  return Tensor(storage_, offset_, shape, strides, dtype_);
}

Tensor Tensor::permute(const std::vector<int64_t>& dims) const {
  if (static_cast<int64_t>(dims.size()) != dim()) {
    raise(ErrorKind::RuntimeError, "permute(sparse_coo): number of dimensions in the tensor input does not match the "
                                   "length of the desired ordering of dimensions i.e. input.dim() = " +
                                       std::to_string(dim()) + " is not equal to len(dims) = " + std::to_string(dims.size()));
  }
  Shape shape, strides;
  std::vector<bool> seen(static_cast<std::size_t>(dim()), false);
  for (int64_t d : dims) {
    const int k = static_cast<int>(normalize_dim(d));
    if (seen[static_cast<std::size_t>(k)]) raise(ErrorKind::RuntimeError, "permute(): duplicate dims are not allowed.");
    seen[static_cast<std::size_t>(k)] = true;
    shape.push_back(shape_[k]);
    strides.push_back(strides_[k]);
  }
  return Tensor(storage_, offset_, shape, strides, dtype_);
}

void Tensor::copy_from(const Tensor& src) {
  // Broadcast src to this shape: size-1 (or missing leading) dims repeat.
  const int n = dim(), m = src.dim();
  if (m > n) {
    raise(ErrorKind::RuntimeError, "output with shape " + shape_.to_string() +
                                       " doesn't match the broadcast shape " + src.shape().to_string());
  }
  int64_t sstrides[kMaxDims] = {};
  for (int i = 0; i < n; ++i) {
    const int j = i - (n - m);
    if (j < 0) continue;
    if (src.shape()[j] == shape_[i]) {
      sstrides[i] = src.strides()[j];
    } else if (src.shape()[j] == 1) {
      sstrides[i] = 0;
    } else {
      raise(ErrorKind::RuntimeError, "The size of tensor a (" + std::to_string(shape_[i]) +
                                         ") must match the size of tensor b (" + std::to_string(src.shape()[j]) +
                                         ") at non-singleton dimension " + std::to_string(i));
    }
  }
  // A source overlapping this tensor is read from a copy, so writes cannot feed later reads.
  const Tensor source = src.shares_storage_with(*this) ? src.clone() : src;
  const float* in = source.numel() > 0 ? source.data() : nullptr;
  float* out = numel() > 0 ? data() : nullptr;
  if (!out) return;
  int64_t index[kMaxDims] = {};
  const int64_t total = numel();
  for (int64_t e = 0; e < total; ++e) {
    int64_t oo = 0, io = 0;
    for (int i = 0; i < n; ++i) {
      oo += index[i] * strides_[i];
      io += index[i] * sstrides[i];
    }
    out[oo] = in[io];
    for (int i = n - 1; i >= 0; --i) {
      if (++index[i] < shape_[i]) break;
      index[i] = 0;
    }
  }
}

std::vector<int64_t> Tensor::memory_order_offsets() const {
  // Loop order: outermost = largest stride; a stable sort keeps row-major order on ties.
  const int n = dim();
  int order[kMaxDims];
  std::iota(order, order + n, 0);
  std::stable_sort(order, order + n, [&](int a, int b) { return strides_[a] > strides_[b]; });
  std::vector<int64_t> offsets;
  offsets.reserve(static_cast<std::size_t>(numel()));
  if (numel() == 0) return offsets;
  int64_t index[kMaxDims] = {};
  int64_t offset = 0;
  for (;;) {
    offsets.push_back(offset);
    int level = n - 1;
    for (; level >= 0; --level) {
      const int d = order[level];
      if (++index[d] < shape_[d]) {
        offset += strides_[d];
        break;
      }
      offset -= strides_[d] * (shape_[d] - 1);
      index[d] = 0;
    }
    if (level < 0) break;
  }
  return offsets;
}

Tensor Tensor::expand(const Shape& sizes) const {
  const int extra = sizes.size() - dim();
  const auto fail = [&](const std::string& why) {
    raise(ErrorKind::RuntimeError, why);
  };
  if (extra < 0) {
    fail("expand(torch.FloatTensor{" + [&] {
      std::string s;
      for (int i = 0; i < dim(); ++i) s += (i ? ", " : "") + std::to_string(shape_[i]);
      return s;
    }() + "}, size=" + sizes.to_string() + "): the number of sizes provided (" + std::to_string(sizes.size()) +
         ") must be greater or equal to the number of dimensions in the tensor (" + std::to_string(dim()) + ")");
  }
  Shape shape = sizes, strides = sizes;
  for (int i = sizes.size() - 1; i >= 0; --i) {
    const int j = i - extra;
    if (j < 0) {
      if (sizes[i] < 0) fail("The expanded size of the tensor (-1) isn't allowed in a leading, non-existing dimension " + std::to_string(i));
      strides[i] = 0;
      continue;
    }
    if (sizes[i] == -1) shape[i] = shape_[j];
    if (shape_[j] == shape[i]) {
      strides[i] = strides_[j];
    } else if (shape_[j] == 1) {
      strides[i] = 0;
    } else {
      fail("The expanded size of the tensor (" + std::to_string(shape[i]) + ") must match the existing size (" +
           std::to_string(shape_[j]) + ") at non-singleton dimension " + std::to_string(i) + ".  Target sizes: " +
           sizes.to_string() + ".  Tensor sizes: " + shape_.to_string());
    }
  }
  return Tensor(storage_, offset_, shape, strides, dtype_);
}

Tensor Tensor::contiguous() const {
  if (is_contiguous()) return *this;
  return clone();
}

Tensor Tensor::clone() const {
  // Written once: no zero fill, and a contiguous source needs no staging copy.
  Tensor out = Tensor::uninitialized(shape_);
  out.dtype_ = dtype_;
  if (is_contiguous()) {
    std::copy_n(data(), numel(), out.data());
    return out;
  }
  const std::vector<float> values = to_vector();
  std::copy(values.begin(), values.end(), out.data());
  return out;
}

std::vector<float> Tensor::to_vector() const {
  const int64_t n = numel();
  std::vector<float> out(static_cast<std::size_t>(n));
  if (n == 0) return out;
  const float* base = data();
  if (is_contiguous()) {
    std::copy(base, base + n, out.begin());
    return out;
  }
  int64_t index[kMaxDims] = {};
  for (int64_t i = 0; i < n; ++i) {
    int64_t off = 0;
    for (int d = 0; d < dim(); ++d) off += index[d] * strides_[d];
    out[static_cast<std::size_t>(i)] = base[off];
    for (int d = dim() - 1; d >= 0; --d) {
      if (++index[d] < shape_[d]) break;
      index[d] = 0;
    }
  }
  return out;
}

void Tensor::fill_(float value) {
  for_each_in_memory_order([value](float& x) { x = value; });
}

float Tensor::at(std::initializer_list<int64_t> index) const {
  return const_cast<Tensor*>(this)->at(index);
}

float& Tensor::at(std::initializer_list<int64_t> index) {
  if (static_cast<int64_t>(index.size()) != dim()) {
    raise(ErrorKind::IndexError, "expected " + std::to_string(dim()) + " indices, got " +
                                     std::to_string(index.size()));
  }
  int64_t off = 0;
  int d = 0;
  for (int64_t i : index) {
    if (i < -shape_[d] || i >= shape_[d]) {
      raise(ErrorKind::IndexError, "index " + std::to_string(i) +
                                       " is out of bounds for dimension " + std::to_string(d) +
                                       " with size " + std::to_string(shape_[d]));
    }
    if (i < 0) i += shape_[d];
    off += i * strides_[d];
    ++d;
  }
  return data()[off];
}

}  // namespace initlab
