// The structured random initializers: orthogonal, delta-orthogonal, sparse.
#include <cmath>
#include <utility>
#include <vector>

#include "../linalg/float_qr.hpp"
#include "initlab/error.hpp"
#include "initlab/init.hpp"
#include "initlab/init_trace.hpp"
#include "initlab/sampling.hpp"

namespace initlab::init {

Tensor& orthogonal_(Tensor& t, double gain, Generator& gen) {
  const InitCall call("orthogonal_");
  gain *= call.scale();
  if (t.dim() < 2) {
    raise(ErrorKind::ValueError, "Only tensors with 2 or more dimensions are supported");
  }
  if (t.numel() == 0) return t;
  const int64_t rows = t.size(0);
  const int64_t cols = t.numel() / rows;
  Tensor flat(Shape{rows, cols});
  initlab::normal_(flat, 0, 1, gen);
  // PyTorch 1.13: flattened.t_() when wide, torch.linalg.qr (LAPACK's float sgeqrf + sorgqr,
  // float_qr.hpp), q *= sign(diag(r)) (Mezzadri 2007: Haar-distributed and unique), q.t_().
  // The row-major wide matrix is the column-major storage of its transpose; a tall one is
  // transposed into LAPACK's column-major layout.
  const bool wide = rows < cols;
  const int64_t m = wide ? cols : rows, n = wide ? rows : cols;
  const float* src = flat.data();
  std::vector<float> a(static_cast<std::size_t>(m * n));
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t j = 0; j < cols; ++j)
      a[static_cast<std::size_t>(wide ? i * cols + j : j * rows + i)] = src[i * cols + j];
  const linalg::FloatQr qr = linalg::float_qr(std::move(a), m, n);
  std::vector<float> values(static_cast<std::size_t>(rows * cols));
  for (int64_t i = 0; i < rows; ++i) {
    for (int64_t j = 0; j < cols; ++j) {
      // Element (i, j) of the result is Q(j, i) when wide, Q(i, j) when tall.
      const int64_t qi = wide ? j : i, qj = wide ? i : j;
      const float d = qr.r_diag[static_cast<std::size_t>(qj)];
      const float sign = d > 0 ? 1.0f : (d < 0 ? -1.0f : 0.0f);
      values[static_cast<std::size_t>(i * cols + j)] = qr.q[static_cast<std::size_t>(qj * m + qi)] * sign;
    }
  }
  const float g = static_cast<float>(gain);
  Tensor view = t.view(Shape{rows, cols});
  std::size_t k = 0;
  view.for_each_in_memory_order([&](float& x) { x = values[k++] * g; });
  call.record(t, Distribution::none());
  return t;
}

Tensor& delta_orthogonal_(Tensor& t, double gain, Generator& gen) {
  const InitCall call("delta_orthogonal_");
  gain *= call.scale();
  if (t.dim() < 3 || t.dim() > 5) {
    raise(ErrorKind::ValueError, "Only tensors with 3, 4, or 5 dimensions are supported");
  }
  const int64_t out = t.size(0), in = t.size(1);
  if (in > out) raise(ErrorKind::ValueError, "In_channels cannot be greater than out_channels");
  Tensor q(Shape{out, in});
  orthogonal_(q, gain, gen);
  t.zero_();
  for (int64_t o = 0; o < out; ++o) {
    for (int64_t i = 0; i < in; ++i) {
      Tensor kernel = t.select(0, o).select(0, i);
      while (kernel.dim() > 0) kernel = kernel.select(0, kernel.size(0) / 2);
      kernel.fill_(q.at({o, i}));
    }
  }
  call.record(t, Distribution::none());
  return t;
}

Tensor& sparse_(Tensor& t, double sparsity, double std, Generator& gen) {
  const InitCall call("sparse_");
  std *= call.scale();
  if (t.dim() != 2) raise(ErrorKind::ValueError, "Only tensors with 2 dimensions are supported");
  const int64_t rows = t.size(0), cols = t.size(1);
  const auto num_zeros = static_cast<int64_t>(std::ceil(sparsity * static_cast<double>(rows)));
  initlab::normal_(t, 0, std, gen);
  for (int64_t c = 0; c < cols; ++c) {
    const std::vector<int64_t> perm = randperm(rows, gen);
    for (int64_t k = 0; k < num_zeros && k < rows; ++k) t.at({perm[static_cast<std::size_t>(k)], c}) = 0.0f;
  }
  call.record(t, Distribution::none());
  return t;
}

}  // namespace initlab::init
