// Backward of torch.embedding: the output gradient's rows added into the weight rows they were
// read from, in index order as ATen's embedding_dense_backward_cpu adds them; the padding row
// gets nothing; with scale_grad_by_freq each row's contributions are divided by how often its
// index occurs in the batch.
#include <map>
#include <vector>

#include "backward.hpp"

namespace initlab::ops::detail {

namespace {

class EmbeddingBackward : public autograd::Node {
 public:
  EmbeddingBackward(std::vector<int64_t> idx, int64_t padding_idx, bool by_freq)
      : idx_(std::move(idx)), padding_idx_(padding_idx), by_freq_(by_freq) {}
  const char* name() const override { return "EmbeddingBackward"; }
  std::vector<Tensor> backward(const Tensor& gy_in) override {
    const Tensor gy = gy_in.contiguous();
    const Shape& ws = inputs[0].shape();
    const int64_t dim = ws[1];
    Tensor g(ws);
    std::map<int64_t, int64_t> counts;
    if (by_freq_)
      for (int64_t k : idx_) ++counts[k];
    for (std::size_t i = 0; i < idx_.size(); ++i) {
      const int64_t k = idx_[i];
      if (k == padding_idx_) continue;
      const float* src = gy.data() + static_cast<int64_t>(i) * dim;
      float* dst = g.data() + k * dim;
      if (by_freq_) {
        // add_(grad, alpha=1/count): the double alpha as a float, times each element.
        const auto alpha = static_cast<float>(1.0 / static_cast<double>(counts[k]));
        for (int64_t j = 0; j < dim; ++j) dst[j] += alpha * src[j];
      } else {
        for (int64_t j = 0; j < dim; ++j) dst[j] += src[j];
      }
    }
    return {g};
  }

 private:
  std::vector<int64_t> idx_;
  int64_t padding_idx_;
  bool by_freq_;
};

}  // namespace

Tensor record_embedding(const Tensor& y, const Tensor& weight, std::vector<int64_t> idx, int64_t padding_idx,
                        bool scale_grad_by_freq) {
  return autograd::record(y, std::make_shared<EmbeddingBackward>(std::move(idx), padding_idx, scale_grad_by_freq), {weight});
}

}  // namespace initlab::ops::detail
