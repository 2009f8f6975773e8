// Backward of BatchNorm, LayerNorm and GroupNorm through the kernels of
// src/kernels/normalization_backward.cpp: the closed-form input gradient. With batch statistics the mean and variance depend on
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
  // PyTorch's: the input and the weight (and the statistics, copies here), not the output.
  void save_for_backward(const Tensor&) override {
    save_input(0);
    save_input(1);
  }

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

// LayerNorm and GroupNorm through the same kernels: each row r (n elements, its own mean and
// invstd) is one "channel" of BatchNorm's input-gradient formula applied to gh = dy * w,
// and the weight and bias gradients are BatchNorm's per-channel sums of dy * xhat and dy
// over the (rows / period) x (period * channels_per_row) x inner layout of the weights.
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
    const int64_t rows = l_.rows, n = l_.n;
    const int64_t outer = rows / std::max<int64_t>(l_.period, 1);
    const int64_t channels = l_.period * l_.channels_per_row;
    std::vector<Tensor> grads(3);
    if (needs(0)) {
      Tensor gh = dy;
      if (weight.defined()) {  // gh = dy * w, w broadcast along its layout
        gh = Tensor::uninitialized(dy.shape());
        const Tensor w = weight.contiguous();
        kernels::channel_affine(outer, channels, l_.inner, dy.data(), nullptr, w.data(), zeros(channels), gh.data());
      }
      const auto r = static_cast<std::size_t>(rows);
      std::vector<double> sum_gh(r), sum_gh_xmu(r);
      kernels::batch_norm_backward_reduce(1, rows, n, x.data(), gh.data(), mean_.data(),
                                          sum_gh.data(), sum_gh_xmu.data());
      std::vector<float> a(r), b(r);
      for (std::size_t i = 0; i < r; ++i) {
        const auto inv = static_cast<double>(invstd_[i]);
        a[i] = static_cast<float>(sum_gh[i] / static_cast<double>(n));
        b[i] = static_cast<float>(inv * inv * sum_gh_xmu[i] / static_cast<double>(n));
      }
      grads[0] = Tensor::uninitialized(x.shape());
      kernels::batch_norm_backward_input(1, rows, n, x.data(), gh.data(), mean_.data(), a.data(),
                                         b.data(), invstd_.data(), grads[0].data());
    }
    if (needs(1) || needs(2)) {
      // xhat = (x - mean) * invstd per row, then per-weight sums of dy and dy * xhat.
      Tensor xhat = Tensor::uninitialized(x.shape());
      kernels::channel_affine(1, rows, n, x.data(), mean_.data(), invstd_.data(), zeros(rows), xhat.data());
      const auto c = static_cast<std::size_t>(channels);
      std::vector<double> sum_dy(c), sum_dy_xhat(c);
      kernels::batch_norm_backward_reduce(outer, channels, l_.inner, xhat.data(), dy.data(),
                                          zeros(channels), sum_dy.data(), sum_dy_xhat.data());
      if (needs(1)) {
        grads[1] = Tensor::uninitialized(weight.shape());
        for (std::size_t i = 0; i < c; ++i) grads[1].data()[i] = static_cast<float>(sum_dy_xhat[i]);
      }
      if (needs(2)) {
        grads[2] = Tensor::uninitialized(bias.shape());
        for (std::size_t i = 0; i < c; ++i) grads[2].data()[i] = static_cast<float>(sum_dy[i]);
      }
    }
    return grads;
  }

 private:
  // count zeros (a shift or a center of 0 for the kernels above).
  const float* zeros(int64_t count) {
    zeros_.assign(static_cast<std::size_t>(count), 0.0f);
    return zeros_.data();
  }

  const char* name_;
  RowNorm l_;
  std::vector<float> mean_, invstd_;
  std::vector<float> zeros_;
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
