// Ops that move data rather than compute it: flatten, cat, row indexing, and matmul's batching.
#include <algorithm>
#include <string>

#include "initlab/error.hpp"
#include "initlab/nn/ops.hpp"
#include "backward.hpp"

namespace initlab::ops {

Tensor view(const Tensor& x, const Shape& shape) {
  Tensor y = x.view(shape);
  if (autograd::should_record({&x})) return detail::record_reshape(y, x, true);
  return y;
}

Tensor reshape(const Tensor& x, const Shape& shape) {
  Tensor y = x.reshape(shape);
  if (autograd::should_record({&x})) return detail::record_reshape(y, x, false);
  return y;
}

Tensor flatten(const Tensor& x, int64_t start_dim, int64_t end_dim) {
  if (x.dim() == 0) return reshape(x, Shape{1});
  const int64_t s = wrap_dim(start_dim, x.dim()), e = wrap_dim(end_dim, x.dim());
  if (s > e) raise(ErrorKind::RuntimeError, "flatten() has invalid args: start_dim cannot come after end_dim");
  Shape shape;
  for (int64_t i = 0; i < s; ++i) shape.push_back(x.size(i));
  int64_t merged = 1;
  for (int64_t i = s; i <= e; ++i) merged *= x.size(i);
  shape.push_back(merged);
  for (int64_t i = e + 1; i < x.dim(); ++i) shape.push_back(x.size(i));
  return reshape(x, shape);
}

Tensor index_rows(const Tensor& x, const std::vector<int64_t>& rows) {
  if (x.dim() == 0) raise(ErrorKind::IndexError, "too many indices for tensor of dimension 0");
  const int64_t n = x.size(0);
  for (int64_t r : rows) {
    if (r < 0 || r >= n) {
      raise(ErrorKind::IndexError, "index " + std::to_string(r) + " is out of bounds for dimension 0 with size " + std::to_string(n));
    }
  }
  Shape shape = x.shape();
  shape[0] = static_cast<int64_t>(rows.size());
  Tensor y = Tensor::uninitialized(shape);
  y.set_dtype(x.dtype());
  const Tensor xc = x.contiguous();
  const int64_t row = x.numel() / std::max<int64_t>(n, 1);
  for (std::size_t r = 0; r < rows.size(); ++r)
    std::copy_n(xc.data() + rows[r] * row, row, y.data() + static_cast<int64_t>(r) * row);
  if (autograd::should_record({&x})) return detail::record_index_rows(y, x, rows);
  return y;
}

Tensor cat(const std::vector<Tensor>& tensors, int64_t dim) {
  if (tensors.empty()) raise(ErrorKind::RuntimeError, "torch.cat(): expected a non-empty list of Tensors");
  const Tensor& first = tensors[0];
  const int64_t d = wrap_dim(dim, first.dim());
  Shape shape = first.shape();
  int64_t total = 0;
  for (std::size_t k = 0; k < tensors.size(); ++k) {
    const Tensor& t = tensors[k];
    if (t.dim() != first.dim()) {
      raise(ErrorKind::RuntimeError, "Tensors must have same number of dimensions: got " +
                                         std::to_string(first.dim()) + " and " +
                                         std::to_string(t.dim()));
    }
    for (int64_t i = 0; i < t.dim(); ++i) {
      if (i != d && t.size(i) != first.size(i)) {
        raise(ErrorKind::RuntimeError,
              "Sizes of tensors must match except in dimension " + std::to_string(d) +
                  ". Expected size " + std::to_string(first.size(i)) + " but got size " +
                  std::to_string(t.size(i)) + " for tensor number " + std::to_string(k) +
                  " in the list.");
      }
    }
    total += t.size(d);
  }
  shape[static_cast<int>(d)] = total;
  Tensor y = Tensor::uninitialized(shape);
  // PyTorch's type promotion over the list: float if any is, else int64 if any is, else bool.
  DType dtype = DType::boolean;
  for (const Tensor& t : tensors) {
    if (t.dtype() == DType::float32) dtype = DType::float32;
    else if (t.dtype() == DType::int64 && dtype == DType::boolean) dtype = DType::int64;
  }
  y.set_dtype(dtype);
  int64_t outer = 1, inner = 1;
  for (int64_t i = 0; i < d; ++i) outer *= shape[static_cast<int>(i)];
  for (int64_t i = d + 1; i < first.dim(); ++i) inner *= shape[static_cast<int>(i)];
  float* out = y.data();
  int64_t offset = 0;
  for (const Tensor& t_in : tensors) {
    const Tensor t = t_in.contiguous();
    const int64_t chunk = t.size(d) * inner;
    for (int64_t o = 0; o < outer; ++o) {
      const float* src = t.data() + o * chunk;
      std::copy(src, src + chunk, out + o * total * inner + offset);
    }
    offset += chunk;
  }
  if (autograd::should_record(tensors)) return detail::record_cat(y, tensors, d);
  return y;
}

Tensor matmul(const Tensor& a_in, const Tensor& b_in) {
  if (a_in.dim() == 0 || b_in.dim() == 0) {
    raise(ErrorKind::RuntimeError, "both arguments to matmul need to be at least 1D, but they are " +
                                       std::to_string(a_in.dim()) + "D and " +
                                       std::to_string(b_in.dim()) + "D");
  }
  // 1-D operands become a row (left) or a column (right), removed again from the result.
  const bool a_vec = a_in.dim() == 1, b_vec = b_in.dim() == 1;
  const Tensor a = (a_vec ? a_in.reshape(Shape{1, a_in.size(0)}) : a_in).contiguous();
  const Tensor b = (b_vec ? b_in.reshape(Shape{b_in.size(0), 1}) : b_in).contiguous();
  const int64_t n = a.size(-2), k = a.size(-1), k2 = b.size(-2), m = b.size(-1);
  if (k != k2) {
    if (a.dim() <= 2 && b.dim() <= 2) {
      raise(ErrorKind::RuntimeError, "mat1 and mat2 shapes cannot be multiplied (" +
                                         std::to_string(n) + "x" + std::to_string(k) + " and " +
                                         std::to_string(k2) + "x" + std::to_string(m) + ")");
    }
    raise(ErrorKind::RuntimeError, "Expected size for first two dimensions of batch2 tensor to be: [" +
                                       std::to_string(b.numel() / (k2 * m)) + ", " +
                                       std::to_string(k) + "] but got: [" +
                                       std::to_string(b.numel() / (k2 * m)) + ", " +
                                       std::to_string(k2) + "].");
  }
  Shape batch_a, batch_b;
  for (int64_t i = 0; i + 2 < a.dim(); ++i) batch_a.push_back(a.size(i));
  for (int64_t i = 0; i + 2 < b.dim(); ++i) batch_b.push_back(b.size(i));
  const Shape batch = broadcast_shapes(batch_a, batch_b);
  Shape out_shape = batch;
  out_shape.push_back(n);
  out_shape.push_back(m);
  Tensor y = Tensor::uninitialized(out_shape);
  const int64_t batches = batch.numel();
  for (int64_t bi = 0; bi < batches; ++bi) {
    const auto [off_a, off_b] = detail::batch_offsets(batch, batch_a, batch_b, bi);
    kernels::gemm(n, m, k, a.data() + off_a * n * k, k, b.data() + off_b * k * m, m, false,
                  y.data() + bi * n * m, m);
  }
  Shape final_shape = batch;
  if (!a_vec) final_shape.push_back(n);
  if (!b_vec) final_shape.push_back(m);
  if (autograd::should_record({&a_in, &b_in})) return detail::record_matmul(y.view(final_shape), a_in, b_in);
  return y.view(final_shape);
}

}  // namespace initlab::ops
