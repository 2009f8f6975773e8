// Backward of the losses: nll_loss puts -dy (divided by the count for the mean) at each
// sample's target class; the squared-error reduction gives 2 * d * dy (divided by n).
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

}  // namespace

Tensor record_nll_loss(const Tensor& y, const Tensor& input, std::vector<int64_t> classes,
                       int64_t count, Reduction reduction, int64_t ignore_index) {
  return autograd::record(
      y, std::make_shared<NllLossBackward>(std::move(classes), count, reduction, ignore_index), {input});
}

Tensor record_sum_of_squares(const Tensor& y, const Tensor& d, bool mean) {
  return autograd::record(y, std::make_shared<SumOfSquaresBackward>(mean), {d});
}

}  // namespace initlab::ops::detail
