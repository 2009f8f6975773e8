// Backward of BatchNorm, LayerNorm and GroupNorm: per-channel (or per-row) sums in double,
// then the closed-form input gradient. With batch statistics the mean and variance depend on
// x, which gives the two correction terms:
//   dx = w * invstd * (dy - mean(dy) - xhat * mean(dy * xhat)),   xhat = (x - mean) * invstd
// With running statistics (eval) dx = dy * w * invstd. dw = sum(dy * xhat), db = sum(dy).
#include <vector>

#include "backward.hpp"

namespace initlab::ops::detail {

namespace {

class BatchNormBackward : public autograd::Node {
 public:
  BatchNormBackward(std::vector<float> mean, std::vector<float> invstd, bool batch_stats)
      : mean_(std::move(mean)), invstd_(std::move(invstd)), batch_stats_(batch_stats) {}
  const char* name() const override { return "NativeBatchNormBackward"; }

  std::vector<Tensor> backward(const Tensor& gy) override {
    const Tensor x = inputs[0].contiguous(), dy = gy.contiguous();
    const Tensor& weight = inputs[1];
    const int64_t N = x.size(0), C = x.size(1);
    const int64_t inner = x.numel() / std::max<int64_t>(N * C, 1);
    const auto count = static_cast<double>(N * inner);
    std::vector<double> sum_dy(static_cast<std::size_t>(C)), sum_dy_xhat(sum_dy);
    for (int64_t o = 0; o < N; ++o)
      for (int64_t c = 0; c < C; ++c) {
        const auto ci = static_cast<std::size_t>(c);
        const float* xs = x.data() + (o * C + c) * inner;
        const float* g = dy.data() + (o * C + c) * inner;
        double s = 0, sx = 0;
        for (int64_t i = 0; i < inner; ++i) {
          s += static_cast<double>(g[i]);
          sx += static_cast<double>(g[i]) * (static_cast<double>(xs[i]) - static_cast<double>(mean_[ci]));
        }
        sum_dy[ci] += s;
        sum_dy_xhat[ci] += sx * static_cast<double>(invstd_[ci]);
      }
    std::vector<Tensor> grads(3);
    if (needs(0)) {
      grads[0] = Tensor::uninitialized(x.shape());
      for (int64_t c = 0; c < C; ++c) {
        const auto ci = static_cast<std::size_t>(c);
        const double w = weight.defined() ? static_cast<double>(weight.data()[c]) : 1.0;
        const double scale = w * static_cast<double>(invstd_[ci]);
        const double mean_dy = batch_stats_ ? sum_dy[ci] / count : 0.0;
        const double mean_dy_xhat = batch_stats_ ? sum_dy_xhat[ci] / count : 0.0;
        for (int64_t o = 0; o < N; ++o) {
          const float* xs = x.data() + (o * C + c) * inner;
          const float* g = dy.data() + (o * C + c) * inner;
          float* d = grads[0].data() + (o * C + c) * inner;
          for (int64_t i = 0; i < inner; ++i) {
            const double xhat = (static_cast<double>(xs[i]) - static_cast<double>(mean_[ci])) * static_cast<double>(invstd_[ci]);
            d[i] = static_cast<float>(scale * (static_cast<double>(g[i]) - mean_dy - xhat * mean_dy_xhat));
          }
        }
      }
    }
    if (needs(1)) {
      grads[1] = Tensor::uninitialized(Shape{C});
      for (int64_t c = 0; c < C; ++c) grads[1].data()[c] = static_cast<float>(sum_dy_xhat[static_cast<std::size_t>(c)]);
    }
    if (needs(2)) {
      grads[2] = Tensor::uninitialized(Shape{C});
      for (int64_t c = 0; c < C; ++c) grads[2].data()[c] = static_cast<float>(sum_dy[static_cast<std::size_t>(c)]);
    }
    return grads;
  }

 private:
  std::vector<float> mean_, invstd_;
  bool batch_stats_;
};

class RowNormBackward : public autograd::Node {
 public:
  RowNormBackward(const char* name, const RowNorm& layout, std::vector<float> mean,
                  std::vector<float> invstd)
      : name_(name), l_(layout), mean_(std::move(mean)), invstd_(std::move(invstd)) {}
  const char* name() const override { return name_; }

  std::vector<Tensor> backward(const Tensor& gy) override {
    const Tensor x = inputs[0].contiguous(), dy = gy.contiguous();
    const Tensor& weight = inputs[1];
    const Tensor& bias = inputs[2];
    std::vector<Tensor> grads(3);
    if (needs(0)) grads[0] = Tensor::uninitialized(x.shape());
    const int64_t params = weight.defined() ? weight.numel() : (bias.defined() ? bias.numel() : 0);
    std::vector<double> dw(static_cast<std::size_t>(params)), db(dw);
    const auto n = static_cast<double>(l_.n);
    for (int64_t r = 0; r < l_.rows; ++r) {
      const auto ri = static_cast<std::size_t>(r);
      const double m = static_cast<double>(mean_[ri]), inv = static_cast<double>(invstd_[ri]);
      const float* xs = x.data() + r * l_.n;
      const float* g = dy.data() + r * l_.n;
      const int64_t c0 = (r % l_.period) * l_.channels_per_row;
      double sum_gh = 0, sum_ghx = 0;
      for (int64_t j = 0; j < l_.n; ++j) {
        const int64_t c = c0 + j / l_.inner;
        const double w = weight.defined() ? static_cast<double>(weight.data()[c]) : 1.0;
        const double xhat = (static_cast<double>(xs[j]) - m) * inv;
        const double gj = static_cast<double>(g[j]);
        sum_gh += gj * w;
        sum_ghx += gj * w * xhat;
        if (params > 0) {
          dw[static_cast<std::size_t>(c)] += gj * xhat;
          db[static_cast<std::size_t>(c)] += gj;
        }
      }
      if (!needs(0)) continue;
      float* d = grads[0].data() + r * l_.n;
      for (int64_t j = 0; j < l_.n; ++j) {
        const int64_t c = c0 + j / l_.inner;
        const double w = weight.defined() ? static_cast<double>(weight.data()[c]) : 1.0;
        const double xhat = (static_cast<double>(xs[j]) - m) * inv;
        d[j] = static_cast<float>(inv * (static_cast<double>(g[j]) * w - sum_gh / n - xhat * sum_ghx / n));
      }
    }
    if (needs(1)) {
      grads[1] = Tensor::uninitialized(weight.shape());
      for (int64_t c = 0; c < params; ++c) grads[1].data()[c] = static_cast<float>(dw[static_cast<std::size_t>(c)]);
    }
    if (needs(2)) {
      grads[2] = Tensor::uninitialized(bias.shape());
      for (int64_t c = 0; c < params; ++c) grads[2].data()[c] = static_cast<float>(db[static_cast<std::size_t>(c)]);
    }
    return grads;
  }

 private:
  const char* name_;
  RowNorm l_;
  std::vector<float> mean_, invstd_;
};

}  // namespace

Tensor record_batch_norm(const Tensor& y, const Tensor& x, const Tensor& weight,
                         const Tensor& bias, std::vector<float> mean, std::vector<float> invstd,
                         bool batch_stats) {
  return autograd::record(
      y, std::make_shared<BatchNormBackward>(std::move(mean), std::move(invstd), batch_stats),
      {x, weight, bias});
}

Tensor record_row_norm(const char* name, const Tensor& y, const Tensor& x, const Tensor& weight,
                       const Tensor& bias, const RowNorm& layout, std::vector<float> mean,
                       std::vector<float> invstd) {
  return autograd::record(
      y, std::make_shared<RowNormBackward>(name, layout, std::move(mean), std::move(invstd)),
      {x, weight, bias});
}

}  // namespace initlab::ops::detail
