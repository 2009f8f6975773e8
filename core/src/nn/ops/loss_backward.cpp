// Backward of the losses: nll_loss puts -dy (divided by the count for the mean) at each
// sample's target class; the squared-error reduction gives 2 * d * dy (divided by n); the
// elementwise losses (binary cross-entropy, smooth L1) dy times their derivative per element.
#include <vector>

#include "backward.hpp"

namespace initlab::ops::detail {

namespace {

class NllLossBackward : public autograd::Node {
 public:
  NllLossBackward(std::vector<int64_t> classes, int64_t count, Reduction reduction, int64_t ignore)
      : classes_(std::move(classes)), count_(count), reduction_(reduction), ignore_(ignore) {}
  const char* name() const override { return "NllLossBackward"; }
  std::vector<Tensor> backward(const Tensor& gy) override {
    const Tensor& x = inputs[0];
    const Tensor g = gy.contiguous();
    Tensor dx(x.shape());
    const int64_t C = x.size(-1);
    const float scale = reduction_ == Reduction::mean ? 1.0f / static_cast<float>(count_) : 1.0f;
    for (std::size_t i = 0; i < classes_.size(); ++i) {
      const int64_t c = classes_[i];
      if (c == ignore_) continue;
      const float d = reduction_ == Reduction::none ? g.data()[i] : g.data()[0] * scale;
      dx.data()[static_cast<int64_t>(i) * C + c] = -d;
    }
    return {dx};
  }

 private:
  std::vector<int64_t> classes_;
  int64_t count_;
  Reduction reduction_;
  int64_t ignore_;
};

class SumOfSquaresBackward : public autograd::Node {
 public:
  explicit SumOfSquaresBackward(bool mean) : mean_(mean) {}
  const char* name() const override { return "MseLossBackward"; }
  std::vector<Tensor> backward(const Tensor& gy) override {
    const Tensor d = inputs[0].contiguous();
    float scale = 2.0f * gy.contiguous().data()[0];
    if (mean_) scale /= static_cast<float>(d.numel());
    Tensor dx = Tensor::uninitialized(d.shape());
    kernels::binary_scalar(kernels::BinaryOp::mul, d.numel(), d.data(), scale, false, dx.data());
    return {dx};
  }

 private:
  bool mean_;
};

class ElementwiseLossBackward : public autograd::Node {
 public:
  ElementwiseLossBackward(Tensor target, Reduction reduction, const char* name, std::function<float(float, float, int64_t)> d)
      : target_(std::move(target)), reduction_(reduction), name_(name), dloss_(std::move(d)) {}
  const char* name() const override { return name_; }
  std::vector<Tensor> backward(const Tensor& gy_in) override {
    const Tensor x = inputs[0].contiguous();
    const Tensor gy = gy_in.contiguous();
    const int64_t n = x.numel();
    Tensor dx = Tensor::uninitialized(x.shape());
    // The reduced forms spread dy (over n for the mean) to every element first, as PyTorch does.
    float scale = reduction_ == Reduction::none ? 1.0f : gy.data()[0];
    if (reduction_ == Reduction::mean) scale /= static_cast<float>(n);
    for (int64_t i = 0; i < n; ++i) {
      const float g = reduction_ == Reduction::none ? gy.data()[i] : scale;
      dx.data()[i] = g * dloss_(x.data()[i], target_.data()[i], i);
    }
    return {dx};
  }

 private:
  Tensor target_;
  Reduction reduction_;
  const char* name_;
  std::function<float(float, float, int64_t)> dloss_;
};

}  // namespace

Tensor record_elementwise_loss(const Tensor& y, const Tensor& input, const Tensor& target, Reduction reduction,
                               const char* name, std::function<float(float, float, int64_t)> dloss) {
  return autograd::record(y, std::make_shared<ElementwiseLossBackward>(target.contiguous(), reduction, name, std::move(dloss)),
                          {input});
}

Tensor record_nll_loss(const Tensor& y, const Tensor& input, std::vector<int64_t> classes,
                       int64_t count, Reduction reduction, int64_t ignore_index) {
  return autograd::record(
      y, std::make_shared<NllLossBackward>(std::move(classes), count, reduction, ignore_index), {input});
}

Tensor record_sum_of_squares(const Tensor& y, const Tensor& d, bool mean) {
  return autograd::record(y, std::make_shared<SumOfSquaresBackward>(mean), {d});
}

}  // namespace initlab::ops::detail
