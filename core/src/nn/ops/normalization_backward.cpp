// Backward of BatchNorm (the kernels of src/kernels/normalization_backward.cpp), LayerNorm
// and GroupNorm (per-row sums in double): the closed-form input gradient. With batch statistics the mean and variance depend on
// x, which gives the two correction terms:
//   dx = w * invstd * (dy - mean(dy) - xhat * mean(dy * xhat)),   xhat = (x - mean) * invstd
// With running statistics (eval) dx = dy * w * invstd. dw = sum(dy * xhat), db = sum(dy).
#include <algorithm>
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
    const auto n = static_cast<std::size_t>(C);
    std::vector<double> sum_dy(n), sum_dy_xmu(n);
    kernels::batch_norm_backward_reduce(N, C, inner, x.data(), dy.data(), mean_.data(),
                                        sum_dy.data(), sum_dy_xmu.data());
    std::vector<Tensor> grads(3);
    if (needs(0)) {
      // dx = (dy - a - (x - mean) * b) * s: a = mean(dy), b = invstd^2 * mean(dy * (x - mean)),
      // s = w * invstd (a = b = 0 with running statistics).
      std::vector<float> a(n), b(n), sc(n);
      for (std::size_t c = 0; c < n; ++c) {
        const auto inv = static_cast<double>(invstd_[c]);
        const double w = weight.defined() ? static_cast<double>(weight.data()[c]) : 1.0;
        a[c] = batch_stats_ ? static_cast<float>(sum_dy[c] / count) : 0.0f;
        b[c] = batch_stats_ ? static_cast<float>(inv * inv * sum_dy_xmu[c] / count) : 0.0f;
        sc[c] = static_cast<float>(w * inv);
      }
      grads[0] = Tensor::uninitialized(x.shape());
      kernels::batch_norm_backward_input(N, C, inner, x.data(), dy.data(), mean_.data(), a.data(),
                                         b.data(), sc.data(), grads[0].data());
    }
    if (needs(1)) {
      grads[1] = Tensor::uninitialized(Shape{C});
      for (std::size_t c = 0; c < n; ++c) {
        grads[1].data()[c] = static_cast<float>(sum_dy_xmu[c] * static_cast<double>(invstd_[c]));
      }
    }
    if (needs(2)) {
      grads[2] = Tensor::uninitialized(Shape{C});
      for (std::size_t c = 0; c < n; ++c) grads[2].data()[c] = static_cast<float>(sum_dy[c]);
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
