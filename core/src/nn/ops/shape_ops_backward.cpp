// Backward of view/reshape/flatten (reshape the gradient back), cat (slice it), row indexing
// (add it back to the rows) and matmul
// (dA = dY B^T, dB = A^T dY per batch, summed over broadcast batch dims).
#include <algorithm>
#include <vector>

#include "backward.hpp"

namespace initlab::ops::detail {

namespace {

class ReshapeBackward : public autograd::Node {
 public:
  explicit ReshapeBackward(const char* name) : name_(name) {}
  const char* name() const override { return name_; }
  // Only shapes are read; a reshape that did not copy is a view.
  void save_for_backward(const Tensor& y) override { view_ = y.shares_storage_with(inputs[0]); }
  bool is_view() const override { return view_; }
  std::vector<Tensor> backward(const Tensor& gy) override {
    return {gy.contiguous().view(inputs[0].shape())};
  }

 private:
  const char* name_;
  bool view_ = false;
};

// Each selected row's gradient added back to its row (a row taken twice gets both).
class IndexBackward : public autograd::Node {
 public:
  explicit IndexBackward(std::vector<int64_t> rows) : rows_(std::move(rows)) {}
  const char* name() const override { return "IndexBackward"; }
  void save_for_backward(const Tensor&) override {}  // shapes only
  std::vector<Tensor> backward(const Tensor& gy_in) override {
    const Tensor gy = gy_in.contiguous();
    Tensor g(inputs[0].shape());
    const int64_t row = inputs[0].dim() == 0 ? 1 : inputs[0].numel() / std::max<int64_t>(inputs[0].size(0), 1);
    for (std::size_t r = 0; r < rows_.size(); ++r)
      for (int64_t j = 0; j < row; ++j) g.data()[rows_[r] * row + j] += gy.data()[static_cast<int64_t>(r) * row + j];
    return {g};
  }

 private:
  std::vector<int64_t> rows_;
};

class CatBackward : public autograd::Node {
 public:
  explicit CatBackward(int64_t dim) : dim_(dim) {}
  const char* name() const override { return "CatBackward"; }
  void save_for_backward(const Tensor&) override {}  // shapes only
  std::vector<Tensor> backward(const Tensor& gy) override {
    const Tensor g = gy.contiguous();
    int64_t outer = 1, inner = 1;
    for (int64_t i = 0; i < dim_; ++i) outer *= g.size(i);
    for (int64_t i = dim_ + 1; i < g.dim(); ++i) inner *= g.size(i);
    const int64_t total = g.size(dim_);
    std::vector<Tensor> grads(inputs.size());
    int64_t offset = 0;
    for (std::size_t k = 0; k < inputs.size(); ++k) {
      const int64_t chunk = inputs[k].size(dim_) * inner;
      if (needs(k)) {
        grads[k] = Tensor::uninitialized(inputs[k].shape());
        for (int64_t o = 0; o < outer; ++o)
          std::copy_n(g.data() + o * total * inner + offset, chunk, grads[k].data() + o * chunk);
      }
      offset += chunk;
    }
    return grads;
  }

 private:
  int64_t dim_;
};

class MatmulBackward : public autograd::Node {
 public:
  const char* name() const override { return "MmBackward"; }
  std::vector<Tensor> backward(const Tensor& gy) override {
    const Tensor& a_in = inputs[0];
    const Tensor& b_in = inputs[1];
    // The forward's promotion: 1-D a is a row (1 x K), 1-D b a column (K x 1).
    const Tensor a = (a_in.dim() == 1 ? a_in.reshape(Shape{1, a_in.size(0)}) : a_in).contiguous();
    const Tensor b = (b_in.dim() == 1 ? b_in.reshape(Shape{b_in.size(0), 1}) : b_in).contiguous();
    const int64_t n = a.size(-2), k = a.size(-1), m = b.size(-1);
    Shape batch_a, batch_b;
    for (int64_t i = 0; i + 2 < a.dim(); ++i) batch_a.push_back(a.size(i));
    for (int64_t i = 0; i + 2 < b.dim(); ++i) batch_b.push_back(b.size(i));
    const Shape batch = broadcast_shapes(batch_a, batch_b);
    const Tensor g = gy.contiguous();  // (batch, n, m) in memory
    Tensor da = needs(0) ? Tensor(a.shape()) : Tensor();
    Tensor db = needs(1) ? Tensor(b.shape()) : Tensor();
    std::vector<float> tmp(static_cast<std::size_t>(std::max(n * k, k * m)));
    std::vector<float> at(static_cast<std::size_t>(n * k));
    const int64_t batches = batch.numel();
    for (int64_t bi = 0; bi < batches; ++bi) {
      const auto [off_a, off_b] = detail::batch_offsets(batch, batch_a, batch_b, bi);
      const float* gi = g.data() + bi * n * m;
      const float* ai = a.data() + off_a * n * k;
      const float* bm = b.data() + off_b * k * m;
      if (da.defined()) {  // dA_i (n x k) += dY_i (n x m) . B_i^T; B_i (k x m) is B^T's (N x K)
        kernels::gemm(n, k, m, gi, m, bm, m, /*b_trans=*/true, tmp.data(), k);
        float* d = da.data() + off_a * n * k;
        kernels::binary(kernels::BinaryOp::add, n * k, d, tmp.data(), d);
      }
      if (db.defined()) {  // dB_i (k x m) += A_i^T (k x n) . dY_i (n x m)
        for (int64_t r = 0; r < n; ++r)
          for (int64_t c = 0; c < k; ++c) at[static_cast<std::size_t>(c * n + r)] = ai[r * k + c];
        kernels::gemm(k, m, n, at.data(), n, gi, m, false, tmp.data(), m);
        float* d = db.data() + off_b * k * m;
        kernels::binary(kernels::BinaryOp::add, k * m, d, tmp.data(), d);
      }
    }
    return {da.defined() ? da.view(a_in.shape()) : Tensor(), db.defined() ? db.view(b_in.shape()) : Tensor()};
  }
};

}  // namespace

Tensor record_reshape(const Tensor& y, const Tensor& x, bool is_view) {
  // PyTorch's names: view is ViewBackward; reshape is a view when it can be
  // (ReshapeAliasBackward), else a copy (UnsafeViewBackward).
  const char* name = is_view ? "ViewBackward" : y.shares_storage_with(x) ? "ReshapeAliasBackward" : "UnsafeViewBackward";
  return autograd::record(y, std::make_shared<ReshapeBackward>(name), {x});
}

Tensor record_cat(const Tensor& y, const std::vector<Tensor>& inputs, int64_t dim) {
  return autograd::record(y, std::make_shared<CatBackward>(dim), inputs);
}

Tensor record_index_rows(const Tensor& y, const Tensor& x, std::vector<int64_t> rows) {
  return autograd::record(y, std::make_shared<IndexBackward>(std::move(rows)), {x});
}

Tensor record_matmul(const Tensor& y, const Tensor& a, const Tensor& b) {
  return autograd::record(y, std::make_shared<MatmulBackward>(), {a, b});
}

}  // namespace initlab::ops::detail
