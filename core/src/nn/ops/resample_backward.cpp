// Backward of the separable resampling: each output's gradient spread back to its taps with
// the product of their weights (the adjoint of the forward's weighted sums).
#include <vector>

#include "vision_backward.hpp"

namespace initlab::ops::detail {

namespace {

class ResampleBackward : public autograd::Node {
 public:
  ResampleBackward(int spatial, AxisTaps rows, AxisTaps cols, const char* name)
      : spatial_(spatial), rows_(std::move(rows)), cols_(std::move(cols)), name_(name) {}
  const char* name() const override { return name_; }
  std::vector<Tensor> backward(const Tensor& gy) override {
    const Tensor dy = gy.contiguous();
    const Shape& xs = inputs[0].shape();
    const int64_t H = spatial_ == 1 ? 1 : xs[xs.size() - 2], W = xs[xs.size() - 1];
    const int64_t OH = rows_.size(), OW = cols_.size();
    const int64_t planes = OH * OW == 0 ? 0 : dy.numel() / (OH * OW);
    Tensor dx(xs);
    for (int64_t pl = 0; pl < planes; ++pl) {
      const float* g = dy.data() + pl * OH * OW;
      float* out = dx.data() + pl * H * W;
      for (int64_t oy = 0; oy < OH; ++oy)
        for (int64_t a = 0; a < rows_.taps; ++a) {
          const int64_t iy = rows_.index[static_cast<std::size_t>(oy * rows_.taps + a)];
          if (iy < 0) continue;
          const float rw = rows_.weight[static_cast<std::size_t>(oy * rows_.taps + a)];
          for (int64_t ox = 0; ox < OW; ++ox) {
            bool inside = true;
            for (int64_t b = 0; b < cols_.taps; ++b) inside = inside && cols_.index[static_cast<std::size_t>(ox * cols_.taps + b)] >= 0;
            if (!inside) continue;  // a padded output: the fill value, no gradient
            const float v = g[oy * OW + ox] * rw;
            for (int64_t b = 0; b < cols_.taps; ++b) {
              const std::size_t t = static_cast<std::size_t>(ox * cols_.taps + b);
              out[iy * W + cols_.index[t]] += v * cols_.weight[t];
            }
          }
        }
    }
    return {dx};
  }

 private:
  int spatial_;
  AxisTaps rows_, cols_;
  const char* name_;
};

class GatherBackward : public autograd::Node {
 public:
  GatherBackward(std::vector<int64_t> src, const char* name) : src_(std::move(src)), name_(name) {}
  const char* name() const override { return name_; }
  std::vector<Tensor> backward(const Tensor& gy) override {
    const Tensor dy = gy.contiguous();
    Tensor dx(inputs[0].shape());
    for (std::size_t i = 0; i < src_.size(); ++i)
      if (src_[i] >= 0) dx.data()[src_[i]] += dy.data()[i];
    return {dx};
  }

 private:
  std::vector<int64_t> src_;
  const char* name_;
};

// max_unpool: every input element's gradient is the output's at its index, also when a later
// element overwrote it there (PyTorch's gather of the gradient by the indices).
class ScatterBackward : public autograd::Node {
 public:
  ScatterBackward(std::vector<int64_t> dst, const char* name) : dst_(std::move(dst)), name_(name) {}
  const char* name() const override { return name_; }
  std::vector<Tensor> backward(const Tensor& gy) override {
    const Tensor dy = gy.contiguous();
    Tensor dx(inputs[0].shape());
    for (std::size_t i = 0; i < dst_.size(); ++i) dx.data()[i] = dy.data()[dst_[i]];
    return {dx};
  }

 private:
  std::vector<int64_t> dst_;
  const char* name_;
};

}  // namespace

Tensor record_resample(const Tensor& y, const Tensor& x, int spatial, AxisTaps rows, AxisTaps cols,
                       const char* grad_name) {
  return autograd::record(y, std::make_shared<ResampleBackward>(spatial, std::move(rows), std::move(cols), grad_name), {x});
}

Tensor record_gather_flat(const Tensor& y, const Tensor& x, std::vector<int64_t> src, const char* grad_name) {
  return autograd::record(y, std::make_shared<GatherBackward>(std::move(src), grad_name), {x});
}

Tensor record_scatter_flat(const Tensor& y, const Tensor& x, std::vector<int64_t> dst, const char* grad_name) {
  return autograd::record(y, std::make_shared<ScatterBackward>(std::move(dst), grad_name), {x});
}

}  // namespace initlab::ops::detail
