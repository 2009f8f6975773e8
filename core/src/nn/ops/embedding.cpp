// Embedding lookup (torch.embedding) and its in-place max_norm renorm (torch.embedding_renorm_),
// as PyTorch's CPU kernels compute them.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "initlab/error.hpp"
#include "initlab/nn/ops.hpp"
#include "backward.hpp"

namespace initlab::ops {

namespace {

// The indices as integers, checked as ATen's embedding checks them.
std::vector<int64_t> index_values(const Tensor& weight, const Tensor& indices) {
  if (indices.dtype() != DType::int64) {
    raise(ErrorKind::RuntimeError,
          std::string("Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got ") +
              (indices.dtype() == DType::boolean ? "torch.BoolTensor" : "torch.FloatTensor") +
              " instead (while checking arguments for embedding)");
  }
  if (weight.dim() != 2) raise(ErrorKind::RuntimeError, "'weight' must be 2-D");
  const Tensor c = indices.contiguous();
  std::vector<int64_t> out(static_cast<std::size_t>(c.numel()));
  const int64_t rows = weight.size(0);
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i] = static_cast<int64_t>(c.data()[i]);
    if (out[i] < 0 || out[i] >= rows) raise(ErrorKind::IndexError, "index out of range in self");
  }
  return out;
}

}  // namespace

Tensor embedding(const Tensor& weight, const Tensor& indices, int64_t padding_idx, bool scale_grad_by_freq) {
  const std::vector<int64_t> idx = index_values(weight, indices);
  const int64_t dim = weight.size(1);
  Shape shape = indices.shape();
  if (shape.size() >= kMaxDims) raise(ErrorKind::RuntimeError, "not supported in initlab: embedding indices of more than 4 dims");
  shape.push_back(dim);
  Tensor y = Tensor::uninitialized(shape);
  const Tensor w = weight.contiguous();
  for (std::size_t i = 0; i < idx.size(); ++i)
    std::copy_n(w.data() + idx[i] * dim, dim, y.data() + static_cast<int64_t>(i) * dim);
  if (autograd::should_record({&weight})) return detail::record_embedding(y, weight, idx, padding_idx, scale_grad_by_freq);
  return y;
}

void embedding_renorm_(Tensor& weight, const Tensor& indices, double max_norm, double norm_type) {
  std::vector<int64_t> idx = index_values(weight, indices);
  // ATen visits each distinct row once, in sorted order.
  std::sort(idx.begin(), idx.end());
  idx.erase(std::unique(idx.begin(), idx.end()), idx.end());
  const int64_t dim = weight.size(1);
  for (int64_t r : idx) {
    Tensor row = weight.select(0, r);
    std::vector<float> v = row.to_vector();
    // The row's norm as PyTorch's norm(p) reduces it (a float accumulation), then as a double.
    double norm;
    if (norm_type == 1.0) {
      float s = 0;
      for (float x : v) s += std::fabs(x);
      norm = static_cast<double>(s);
    } else if (norm_type == 2.0) {
      float s = 0;
      for (float x : v) s += x * x;
      norm = static_cast<double>(std::sqrt(s));
    } else if (std::isinf(norm_type)) {
      float s = norm_type > 0 ? 0.0f : INFINITY;
      for (float x : v) s = norm_type > 0 ? std::max(s, std::fabs(x)) : std::min(s, std::fabs(x));
      norm = static_cast<double>(s);
    } else {
      float s = 0;
      const auto p = static_cast<float>(norm_type);
      for (float x : v) s += std::pow(std::fabs(x), p);
      norm = static_cast<double>(std::pow(s, 1.0f / p));
    }
    if (norm > max_norm) {
      // row *= max_norm / (norm + 1e-7): the double scale applied as a float.
      const auto scale = static_cast<float>(max_norm / (norm + 1e-7));
      for (int64_t j = 0; j < dim; ++j) v[static_cast<std::size_t>(j)] *= scale;
      row.copy_from(Tensor::from_vector(Shape{dim}, v));
    }
  }
}

}  // namespace initlab::ops
