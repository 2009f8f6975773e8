// Element-wise binary arithmetic on equal-length buffers or with a scalar.
#include "initlab/kernels.hpp"
#include "simd.hpp"

namespace initlab::kernels {

namespace {

template <class T>
T apply(BinaryOp op, T a, T b) {
  switch (op) {
    case BinaryOp::add: return a + b;
    case BinaryOp::sub: return a - b;
    case BinaryOp::mul: return a * b;
    case BinaryOp::div: return a / b;
  }
  return a;
}

}  // namespace

void binary(BinaryOp op, int64_t n, const float* a, const float* b, float* out) {
  int64_t i = 0;
  for (; i + W <= n; i += W)
    apply(op, fbatch::load_unaligned(a + i), fbatch::load_unaligned(b + i)).store_unaligned(out + i);
  for (; i < n; ++i) out[i] = apply(op, a[i], b[i]);
}

void binary_ref(BinaryOp op, int64_t n, const float* a, const float* b, float* out) {
  for (int64_t i = 0; i < n; ++i) out[i] = apply(op, a[i], b[i]);
}

void binary_scalar(BinaryOp op, int64_t n, const float* a, float s, bool scalar_left, float* out) {
  const fbatch sv(s);
  int64_t i = 0;
  for (; i + W <= n; i += W) {
    const fbatch x = fbatch::load_unaligned(a + i);
    (scalar_left ? apply(op, sv, x) : apply(op, x, sv)).store_unaligned(out + i);
  }
  for (; i < n; ++i) out[i] = scalar_left ? apply(op, s, a[i]) : apply(op, a[i], s);
}

}  // namespace initlab::kernels
