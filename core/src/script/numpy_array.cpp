#include "numpy_array.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include "initlab/error.hpp"

namespace initlab::script::numpy {

int itemsize(DType d) {
  switch (d) {
    case DType::bool_: return 1;
    case DType::int32:
    case DType::float32: return 4;
    case DType::int64:
    case DType::float64: return 8;
  }
  return 8;
}

Kind kind(DType d) {
  switch (d) {
    case DType::bool_: return Kind::boolean;
    case DType::int32:
    case DType::int64: return Kind::integer;
    default: return Kind::floating;
  }
}

const char* dtype_name(DType d) {
  switch (d) {
    case DType::bool_: return "bool";
    case DType::int32: return "int32";
    case DType::int64: return "int64";
    case DType::float32: return "float32";
    case DType::float64: return "float64";
  }
  return "float64";
}

const char* scalar_type_name(DType d) { return d == DType::bool_ ? "bool_" : dtype_name(d); }

DType promote(DType a, DType b) {
  if (a == b) return a;
  if (a == DType::bool_) return b;
  if (b == DType::bool_) return a;
  const Kind ka = kind(a), kb = kind(b);
  if (ka == kb) return itemsize(a) >= itemsize(b) ? a : b;
  // An integer with a float: float32 holds int32 and int64 only approximately, so numpy goes
  // to float64 (np.promote_types(np.int32, np.float32) is float64).
  return DType::float64;
}

int64_t numel(const Dims& shape) {
  int64_t n = 1;
  for (int64_t d : shape) n *= d;
  return n;
}

std::string shape_text(const Dims& shape, bool compact) {
  std::string s = "(";
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (i) s += compact ? "," : ", ";
    s += std::to_string(shape[i]);
  }
  if (shape.size() == 1) s += ",";
  return s + ")";
}

std::optional<Dims> broadcast_shapes(const Dims& a, const Dims& b) {
  const std::size_t n = std::max(a.size(), b.size());
  Dims out(n);
  for (std::size_t i = 0; i < n; ++i) {
    const int64_t x = i < n - a.size() ? 1 : a[i - (n - a.size())];
    const int64_t y = i < n - b.size() ? 1 : b[i - (n - b.size())];
    if (x != y && x != 1 && y != 1) return std::nullopt;
    out[i] = x == 1 ? y : x;
  }
  return out;
}

namespace {

Dims c_strides(const Dims& shape) {
  Dims s(shape.size());
  int64_t acc = 1;
  for (std::size_t i = shape.size(); i-- > 0;) {
    s[i] = acc;
    acc *= std::max<int64_t>(shape[i], 1);
  }
  return s;
}

// numpy's cast of a double to a fixed-width integer is C's (truncation); NaN and out-of-range
// values give the x86 "integer indefinite" value, as numpy's compiled casts do there.
int64_t double_to_int64(double v) {
  if (!(v >= -9223372036854775808.0 && v < 9223372036854775808.0)) return std::numeric_limits<int64_t>::min();
  return static_cast<int64_t>(v);
}

int32_t wrap_int32(int64_t v) { return static_cast<int32_t>(static_cast<uint32_t>(static_cast<uint64_t>(v))); }

}  // namespace

Array::Array(DType dtype, Dims shape) : dtype_(dtype), shape_(std::move(shape)) {
  for (int64_t d : shape_)
    if (d < 0) raise(ErrorKind::ValueError, "negative dimensions are not allowed");
  strides_ = c_strides(shape_);
  const int64_t bytes = size() * itemsize(dtype_);
  buffer_ = Tensor(initlab::Shape{(bytes + 3) / 4});
}

unsigned char* Array::base() const {
  return reinterpret_cast<unsigned char*>(const_cast<Tensor&>(buffer_).data());
}

bool Array::c_contiguous() const {
  int64_t expect = 1;
  for (std::size_t i = shape_.size(); i-- > 0;) {
    if (shape_[i] == 1) continue;
    if (strides_[i] != expect) return false;
    expect *= shape_[i];
  }
  return true;
}

bool Array::f_contiguous() const {
  int64_t expect = 1;
  for (std::size_t i = 0; i < shape_.size(); ++i) {
    if (shape_[i] == 1) continue;
    if (strides_[i] != expect) return false;
    expect *= shape_[i];
  }
  return true;
}

double Array::get(int64_t pos) const {
  const unsigned char* p = base() + pos * itemsize(dtype_);
  switch (dtype_) {
    case DType::bool_: return *p ? 1.0 : 0.0;
    case DType::int32: {
      int32_t v;
      std::memcpy(&v, p, 4);
      return static_cast<double>(v);
    }
    case DType::int64: {
      int64_t v;
      std::memcpy(&v, p, 8);
      return static_cast<double>(v);
    }
    case DType::float32: {
      float v;
      std::memcpy(&v, p, 4);
      return static_cast<double>(v);
    }
    case DType::float64: {
      double v;
      std::memcpy(&v, p, 8);
      return v;
    }
  }
  return 0.0;
}

int64_t Array::get_int(int64_t pos) const {
  const unsigned char* p = base() + pos * itemsize(dtype_);
  switch (dtype_) {
    case DType::bool_: return *p ? 1 : 0;
    case DType::int32: {
      int32_t v;
      std::memcpy(&v, p, 4);
      return v;
    }
    case DType::int64: {
      int64_t v;
      std::memcpy(&v, p, 8);
      return v;
    }
    default: return double_to_int64(get(pos));
  }
}

void Array::set(int64_t pos, double v) {
  unsigned char* p = base() + pos * itemsize(dtype_);
  switch (dtype_) {
    case DType::bool_: *p = v != 0.0 ? 1 : 0; return;
    case DType::int32: {
      const int32_t x = std::isfinite(v) && std::fabs(v) < 2147483648.0 ? static_cast<int32_t>(v) : std::numeric_limits<int32_t>::min();
      std::memcpy(p, &x, 4);
      return;
    }
    case DType::int64: {
      const int64_t x = double_to_int64(v);
      std::memcpy(p, &x, 8);
      return;
    }
    case DType::float32: {
      const float x = static_cast<float>(v);
      std::memcpy(p, &x, 4);
      return;
    }
    case DType::float64: std::memcpy(p, &v, 8); return;
  }
}

void Array::set_int(int64_t pos, int64_t v) {
  unsigned char* p = base() + pos * itemsize(dtype_);
  switch (dtype_) {
    case DType::bool_: *p = v != 0 ? 1 : 0; return;
    case DType::int32: {
      const int32_t x = wrap_int32(v);
      std::memcpy(p, &x, 4);
      return;
    }
    case DType::int64: std::memcpy(p, &v, 8); return;
    case DType::float32: {
      const float x = static_cast<float>(v);
      std::memcpy(p, &x, 4);
      return;
    }
    case DType::float64: {
      const double x = static_cast<double>(v);
      std::memcpy(p, &x, 8);
      return;
    }
  }
}

std::vector<int64_t> Array::positions() const {
  const int64_t n = size();
  std::vector<int64_t> out;
  out.reserve(static_cast<std::size_t>(std::max<int64_t>(n, 0)));
  if (n == 0) return out;
  const int nd = ndim();
  if (c_contiguous()) {
    for (int64_t i = 0; i < n; ++i) out.push_back(offset_ + i);
    return out;
  }
  // An odometer over the index, innermost dimension fastest.
  Dims index(static_cast<std::size_t>(nd), 0);
  int64_t pos = offset_;
  for (int64_t k = 0; k < n; ++k) {
    out.push_back(pos);
    for (int d = nd - 1; d >= 0; --d) {
      const auto ud = static_cast<std::size_t>(d);
      if (++index[ud] < shape_[ud]) {
        pos += strides_[ud];
        break;
      }
      pos -= strides_[ud] * (shape_[ud] - 1);
      index[ud] = 0;
    }
  }
  return out;
}

std::vector<double> Array::values() const {
  std::vector<double> out;
  const auto pos = positions();
  out.reserve(pos.size());
  for (int64_t p : pos) out.push_back(get(p));
  return out;
}

std::vector<int64_t> Array::int_values() const {
  std::vector<int64_t> out;
  const auto pos = positions();
  out.reserve(pos.size());
  for (int64_t p : pos) out.push_back(get_int(p));
  return out;
}

Array Array::from_values(DType dtype, Dims shape, const std::vector<double>& values) {
  Array a(dtype, std::move(shape));
  for (std::size_t i = 0; i < values.size(); ++i) a.set(static_cast<int64_t>(i), values[i]);
  return a;
}

Array Array::from_ints(DType dtype, Dims shape, const std::vector<int64_t>& values) {
  Array a(dtype, std::move(shape));
  for (std::size_t i = 0; i < values.size(); ++i) a.set_int(static_cast<int64_t>(i), values[i]);
  return a;
}

Array Array::scalar(DType dtype, double v) {
  Array a(dtype, {});
  a.set(0, v);
  return a;
}

Array Array::scalar_int(DType dtype, int64_t v) {
  Array a(dtype, {});
  a.set_int(0, v);
  return a;
}

Array Array::view(Dims shape, Dims strides, int64_t offset) const {
  Array a = *this;
  a.shape_ = std::move(shape);
  a.strides_ = std::move(strides);
  a.offset_ = offset;
  return a;
}

Array Array::broadcast_to(const Dims& shape) const {
  Dims strides(shape.size(), 0);
  const std::size_t lead = shape.size() - shape_.size();
  for (std::size_t i = 0; i < shape_.size(); ++i)
    strides[lead + i] = shape_[i] == 1 && shape[lead + i] != 1 ? 0 : strides_[i];
  return view(shape, strides, offset_);
}

Array Array::transpose(const std::vector<int64_t>& axes) const {
  Dims shape, strides;
  for (int64_t ax : axes) {
    shape.push_back(shape_[static_cast<std::size_t>(ax)]);
    strides.push_back(strides_[static_cast<std::size_t>(ax)]);
  }
  return view(shape, strides, offset_);
}

std::optional<Array> Array::reshape_view(const Dims& shape) const {
  if (c_contiguous()) return view(shape, c_strides(shape), offset_);
  // Otherwise, as numpy's attempt_nocopy_reshape: merge runs of old dimensions that are
  // contiguous with each other and split them into the new ones.
  Dims old_shape, old_strides;
  for (std::size_t i = 0; i < shape_.size(); ++i) {
    if (shape_[i] != 1) {
      old_shape.push_back(shape_[i]);
      old_strides.push_back(strides_[i]);
    }
  }
  Dims new_strides(shape.size(), 0);
  std::size_t oi = 0, oj = 1, ni = 0, nj = 1;
  const std::size_t on = old_shape.size(), nn = shape.size();
  while (ni < nn && oi < on) {
    int64_t np_ = shape[ni], op = old_shape[oi];
    while (np_ != op) {
      if (np_ < op) np_ *= shape[nj++];
      else op *= old_shape[oj++];
    }
    for (std::size_t ok = oi; ok + 1 < oj; ++ok)
      if (old_strides[ok] != old_shape[ok + 1] * old_strides[ok + 1]) return std::nullopt;
    new_strides[nj - 1] = old_strides[oj - 1];
    for (std::size_t nk = nj - 1; nk > ni; --nk) new_strides[nk - 1] = new_strides[nk] * shape[nk];
    ni = nj++;
    oi = oj++;
  }
  for (std::size_t k = ni; k < nn; ++k) new_strides[k] = 1;  // trailing ones
  return view(shape, new_strides, offset_);
}

Array Array::copy() const { return astype(dtype_); }

Array Array::astype(DType dtype) const {
  Array out(dtype, shape_);
  out.assign(*this);
  return out;
}

void Array::assign(const Array& src_in) {
  const Array src = src_in.shape_ == shape_ ? src_in : src_in.broadcast_to(shape_);
  // A copy first when the two overlap (a[1:] = a[:-1] reads the old values, as numpy does).
  const Array from = shares_buffer(src) ? src.copy() : src;
  const auto dst_pos = positions();
  const auto src_pos = from.positions();
  const bool ints = !is_float(from.dtype_) && !is_float(dtype_);
  for (std::size_t i = 0; i < dst_pos.size(); ++i) {
    if (ints) set_int(dst_pos[i], from.get_int(src_pos[i]));
    else set(dst_pos[i], from.get(src_pos[i]));
  }
}

void Array::fill(double v) {
  for (int64_t p : positions()) set(p, v);
}

Array Array::wrap_tensor(const Tensor& t) {
  Array a;
  a.dtype_ = DType::float32;
  a.buffer_ = t;
  a.shape_ = t.shape().to_vector();
  a.strides_ = t.strides().to_vector();
  a.offset_ = 0;  // positions count from t.data(), the tensor's first element
  return a;
}

std::optional<Tensor> Array::tensor_view() const {
  if (dtype_ != DType::float32 || !c_contiguous() || ndim() > kMaxDims) return std::nullopt;
  // The buffer as a flat tensor of its elements, narrowed to this array's run of them.
  const Tensor flat = buffer_.is_contiguous() ? buffer_.view(initlab::Shape{buffer_.numel()}) : Tensor();
  if (!flat.defined()) {
    if (offset_ == 0 && shape_ == buffer_.shape().to_vector() && strides_ == buffer_.strides().to_vector()) return buffer_;
    return std::nullopt;
  }
  return flat.slice(0, offset_, offset_ + size()).view(initlab::Shape(shape_));
}

}  // namespace initlab::script::numpy

namespace initlab::script {

Value make_ndarray(numpy::Array a) {
  auto o = std::make_shared<NdArrayObj>();
  o->array = std::move(a);
  return Value(ObjPtr(o));
}

Value make_np_scalar(numpy::Array a) {
  auto o = std::make_shared<NdArrayObj>();
  o->array = a.ndim() == 0 ? std::move(a) : a.reshape_view({}).value_or(a.copy().view({}, {}, 0));
  o->scalar = true;
  return Value(ObjPtr(o));
}

Value make_np_result(numpy::Array a) {
  if (a.ndim() == 0) return make_np_scalar(std::move(a));
  return make_ndarray(std::move(a));
}

Value make_np_dtype(numpy::DType d) {
  auto o = std::make_shared<NpDtypeObj>();
  o->dtype = d;
  return Value(ObjPtr(o));
}

}  // namespace initlab::script
