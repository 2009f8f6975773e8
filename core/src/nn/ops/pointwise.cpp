// Activations, softmax and broadcasting arithmetic (dropout is in dropout.cpp).
#include <string>

#include "initlab/error.hpp"
#include "initlab/nn/ops.hpp"
#include "backward.hpp"

namespace initlab::ops {

int64_t wrap_dim(int64_t dim, int64_t rank) {
  const int64_t r = std::max<int64_t>(rank, 1);
  if (dim < -r || dim >= r) {
    raise(ErrorKind::IndexError, "Dimension out of range (expected to be in range of [" +
                                     std::to_string(-r) + ", " + std::to_string(r - 1) +
                                     "], but got " + std::to_string(dim) + ")");
  }
  return dim < 0 ? dim + r : dim;
}

Tensor activation(const Tensor& x_in, kernels::Activation a, const kernels::ActivationParams& p) {
  const Tensor x = x_in.contiguous();
  Tensor y = Tensor::uninitialized(x.shape());
  kernels::activation(a, p, x.numel(), x.data(), y.data());
  if (autograd::should_record({&x_in})) return detail::record_activation(y, x_in, a, p);
  return y;
}

Tensor softmax(const Tensor& x_in, int64_t dim, bool log) {
  const Tensor x = x_in.contiguous();
  const int64_t d = wrap_dim(dim, x.dim());
  int64_t outer = 1, inner = 1;
  for (int64_t i = 0; i < d; ++i) outer *= x.size(i);
  for (int64_t i = d + 1; i < x.dim(); ++i) inner *= x.size(i);
  Tensor y = Tensor::uninitialized(x.shape());
  kernels::softmax(log, outer, x.dim() == 0 ? 1 : x.size(d), inner, x.data(), y.data());
  if (autograd::should_record({&x_in})) return detail::record_softmax(y, x_in, d, log);
  return y;
}

Shape broadcast_shapes(const Shape& a, const Shape& b) {
  const int rank = std::max(a.size(), b.size());
  Shape out;
  for (int i = 0; i < rank; ++i) out.push_back(1);
  for (int i = 0; i < rank; ++i) {
    const int ia = a.size() - rank + i, ib = b.size() - rank + i;
    const int64_t da = ia >= 0 ? a[ia] : 1, db = ib >= 0 ? b[ib] : 1;
    if (da != db && da != 1 && db != 1) {
      raise(ErrorKind::RuntimeError, "The size of tensor a (" + std::to_string(da) +
                                         ") must match the size of tensor b (" +
                                         std::to_string(db) + ") at non-singleton dimension " +
                                         std::to_string(i));
    }
    out[i] = da == 1 ? db : da;
  }
  return out;
}

namespace {

// Strides that read `t` as if broadcast to `shape` (0 along broadcast dims).
Shape broadcast_strides(const Tensor& t, const Shape& shape) {
  Shape s;
  const int offset = shape.size() - t.dim();
  for (int i = 0; i < shape.size(); ++i) {
    const int j = i - offset;
    s.push_back(j < 0 || t.shape()[j] == 1 ? 0 : t.strides()[j]);
  }
  return s;
}

}  // namespace

namespace {

Tensor binary_forward(const Tensor& a, const Tensor& b, kernels::BinaryOp op);
Tensor binary_scalar_forward(const Tensor& a_in, double s, kernels::BinaryOp op, bool scalar_left);

}  // namespace

Tensor binary(const Tensor& a, const Tensor& b, kernels::BinaryOp op) {
  Tensor y = binary_forward(a, b, op);
  if (autograd::should_record({&a, &b})) return detail::record_binary(y, a, b, op);
  return y;
}

Tensor binary(const Tensor& a, double s, kernels::BinaryOp op, bool scalar_left) {
  Tensor y = binary_scalar_forward(a, s, op, scalar_left);
  if (autograd::should_record({&a})) return detail::record_binary_scalar(y, a, s, op, scalar_left);
  return y;
}

namespace {

Tensor binary_forward(const Tensor& a, const Tensor& b, kernels::BinaryOp op) {
  if (a.shape() == b.shape() && a.is_contiguous() && b.is_contiguous()) {
    Tensor y = Tensor::uninitialized(a.shape());
    kernels::binary(op, a.numel(), a.data(), b.data(), y.data());
    return y;
  }
  if (b.numel() == 1 && b.dim() <= a.dim()) return binary_scalar_forward(a, static_cast<double>(b.data()[0]), op, false);
  if (a.numel() == 1 && a.dim() <= b.dim()) return binary_scalar_forward(b, static_cast<double>(a.data()[0]), op, true);
  const Shape shape = broadcast_shapes(a.shape(), b.shape());
  const Shape sa = broadcast_strides(a, shape), sb = broadcast_strides(b, shape);
  Tensor y = Tensor::uninitialized(shape);
  const int rank = shape.size();
  const int64_t n = y.numel();
  if (n == 0) return y;
  const float* pa = a.data();
  const float* pb = b.data();
  float* out = y.data();
  // Innermost dimension as a run; the outer index advances like an odometer.
  const int64_t inner = rank ? shape[rank - 1] : 1;
  const int64_t ia = rank ? sa[rank - 1] : 0, ib = rank ? sb[rank - 1] : 0;
  int64_t index[kMaxDims] = {};
  int64_t oa = 0, ob = 0;
  for (int64_t done = 0; done < n; done += inner) {
    for (int64_t j = 0; j < inner; ++j) {
      const float x = pa[oa + j * ia], z = pb[ob + j * ib];
      switch (op) {
        case kernels::BinaryOp::add: out[done + j] = x + z; break;
        case kernels::BinaryOp::sub: out[done + j] = x - z; break;
        case kernels::BinaryOp::mul: out[done + j] = x * z; break;
        case kernels::BinaryOp::div: out[done + j] = x / z; break;
      }
    }
    for (int d = rank - 2; d >= 0; --d) {
      if (++index[d] < shape[d]) {
        oa += sa[d];
        ob += sb[d];
        break;
      }
      oa -= sa[d] * (shape[d] - 1);
      ob -= sb[d] * (shape[d] - 1);
      index[d] = 0;
    }
  }
  return y;
}

Tensor binary_scalar_forward(const Tensor& a_in, double s, kernels::BinaryOp op, bool scalar_left) {
  const Tensor a = a_in.contiguous();
  Tensor y = Tensor::uninitialized(a.shape());
  kernels::binary_scalar(op, a.numel(), a.data(), static_cast<float>(s), scalar_left, y.data());
  return y;
}

}  // namespace

}  // namespace initlab::ops
