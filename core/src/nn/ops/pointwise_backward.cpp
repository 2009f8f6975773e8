// Backward of the activations, softmax, dropout and broadcasting arithmetic. Runs under the
// engine's NoGrad, so the ops:: calls here record nothing.
#include <vector>

#include "backward.hpp"

namespace initlab::ops::detail {

namespace {

using kernels::BinaryOp;

class ActivationBackward : public autograd::Node {
 public:
  ActivationBackward(Tensor y, kernels::Activation a, const kernels::ActivationParams& p)
      : y_(std::move(y)), a_(a), p_(p) {}
  // PyTorch's node of each activation (SELU is computed by elu, tanh-approximated GELU by gelu).
  const char* name() const override {
    switch (a_) {
      case kernels::Activation::relu: return "ReluBackward";
      case kernels::Activation::leaky_relu: return "LeakyReluBackward";
      case kernels::Activation::elu:
      case kernels::Activation::selu: return "EluBackward";
      case kernels::Activation::gelu:
      case kernels::Activation::gelu_tanh: return "GeluBackward";
      case kernels::Activation::silu: return "SiluBackward";
      case kernels::Activation::tanh: return "TanhBackward";
      case kernels::Activation::sigmoid: return "SigmoidBackward";
      case kernels::Activation::softplus: return "SoftplusBackward";
      case kernels::Activation::hardtanh: return "HardtanhBackward";
      case kernels::Activation::hardswish: return "HardswishBackward";
      case kernels::Activation::hardsigmoid: return "HardsigmoidBackward";
      case kernels::Activation::mish: return "MishBackward";
      case kernels::Activation::logsigmoid: return "LogSigmoidBackward";
      // PyTorch composes these two: x / (1 + |x|) and x - tanh(x)
      case kernels::Activation::softsign: return "DivBackward";
      case kernels::Activation::tanhshrink: return "SubBackward";
      case kernels::Activation::celu: return "CeluBackward";
      case kernels::Activation::threshold: return "ThresholdBackward";
    }
    return "ActivationBackward";
  }
  // relu, tanh and sigmoid: PyTorch saves the result, and so does the backward read only y.
  // The others: PyTorch saves the input; initlab's kernels may also read y (initlab's read).
  void save_for_backward(const Tensor& y) override {
    if (a_ == kernels::Activation::relu || a_ == kernels::Activation::tanh || a_ == kernels::Activation::sigmoid) {
      save_output(y);
      return;
    }
    save_input(0);
    save_output(y, false);
  }
  std::vector<Tensor> backward(const Tensor& gy) override {
    // (x is unread for the result-saving ones: hand the kernel y, which may be all there is
    // of x's values after an in-place write into x.)
    const bool y_only = a_ == kernels::Activation::relu || a_ == kernels::Activation::tanh || a_ == kernels::Activation::sigmoid;
    const Tensor x = y_only ? y_.contiguous() : inputs[0].contiguous(), dy = gy.contiguous();
    Tensor dx = Tensor::uninitialized(x.shape());
    kernels::activation_backward(a_, p_, x.numel(), x.data(), y_.data(), dy.data(), dx.data());
    return {dx};
  }

 private:
  Tensor y_;  // the forward's output, detached (a node never holds its own output's history)
  kernels::Activation a_;
  kernels::ActivationParams p_;
};

class SoftmaxBackward : public autograd::Node {
 public:
  SoftmaxBackward(Tensor y, int64_t dim, bool log) : y_(std::move(y)), dim_(dim), log_(log) {}
  const char* name() const override { return log_ ? "LogSoftmaxBackward" : "SoftmaxBackward"; }
  void save_for_backward(const Tensor& y) override { save_output(y); }  // PyTorch's: the result
  std::vector<Tensor> backward(const Tensor& gy) override {
    const Tensor dy = gy.contiguous();
    int64_t outer = 1, inner = 1;
    for (int64_t i = 0; i < dim_; ++i) outer *= y_.size(i);
    for (int64_t i = dim_ + 1; i < y_.dim(); ++i) inner *= y_.size(i);
    Tensor dx = Tensor::uninitialized(y_.shape());
    kernels::softmax_backward(log_, outer, y_.dim() == 0 ? 1 : y_.size(dim_), inner, y_.data(),
                              dy.data(), dx.data());
    return {dx};
  }

 private:
  Tensor y_;
  int64_t dim_;
  bool log_;
};

// Dropout's y = x * multiplier (+ b for alpha dropout): dx = dy * multiplier, which is
// PyTorch's MulBackward0 (dropout) or AddBackward0 -> MulBackward0 (alpha dropout).
class DropoutBackward : public autograd::Node {
 public:
  DropoutBackward(Tensor mask, bool alpha) : mask_(std::move(mask)), alpha_(alpha) {}
  const char* name() const override { return alpha_ ? "AlphaDropoutBackward" : "DropoutBackward"; }
  void save_for_backward(const Tensor&) override {}  // the mask is the node's own
  std::vector<Tensor> backward(const Tensor& gy) override {
    return {binary(gy, mask_, BinaryOp::mul).reshape(inputs[0].shape())};
  }

 private:
  Tensor mask_;
  bool alpha_;
};

Tensor neg(const Tensor& t) { return binary(t, -1.0, BinaryOp::mul); }

class BinaryBackward : public autograd::Node {
 public:
  explicit BinaryBackward(BinaryOp op) : op_(op) {}
  const char* name() const override {
    switch (op_) {
      case BinaryOp::add: return "AddBackward";
      case BinaryOp::sub: return "SubBackward";
      case BinaryOp::mul: return "MulBackward";
      case BinaryOp::div: return "DivBackward";
    }
    return "BinaryBackward";
  }
  // PyTorch's: add/sub save nothing; a * b saves b for a's gradient and a for b's; a / b
  // saves b for either and a for b's.
  void save_for_backward(const Tensor&) override {
    if (op_ == BinaryOp::add || op_ == BinaryOp::sub) return;
    if (needs(1)) save_input(0);
    if (needs(0) || (op_ == BinaryOp::div && needs(1))) save_input(1);
  }
  std::vector<Tensor> backward(const Tensor& gy) override {
    const Tensor& a = inputs[0];
    const Tensor& b = inputs[1];
    std::vector<Tensor> grads(2);
    // Each gradient is formed at the broadcast shape, then summed back to its input's shape.
    if (needs(0)) {
      Tensor ga;
      switch (op_) {
        case BinaryOp::add:
        case BinaryOp::sub: ga = gy; break;
        case BinaryOp::mul: ga = binary(gy, b, BinaryOp::mul); break;
        case BinaryOp::div: ga = binary(gy, b, BinaryOp::div); break;
      }
      grads[0] = autograd::sum_to(ga, a.shape());
    }
    if (needs(1)) {
      Tensor gb;
      switch (op_) {
        case BinaryOp::add: gb = gy; break;
        case BinaryOp::sub: gb = neg(gy); break;
        case BinaryOp::mul: gb = binary(gy, a, BinaryOp::mul); break;
        case BinaryOp::div:  // -dy * a / b^2
          gb = neg(binary(binary(gy, a, BinaryOp::mul), binary(b, b, BinaryOp::mul), BinaryOp::div));
          break;
      }
      grads[1] = autograd::sum_to(gb, b.shape());
    }
    return grads;
  }

 private:
  BinaryOp op_;
};

class BinaryScalarBackward : public autograd::Node {
 public:
  BinaryScalarBackward(double s, BinaryOp op, bool left) : s_(s), op_(op), left_(left) {}
  // PyTorch's nodes: s - a is rsub; s / a is s * reciprocal(a), a MulBackward.
  const char* name() const override {
    switch (op_) {
      case BinaryOp::add: return "AddBackward";
      case BinaryOp::sub: return left_ ? "RsubBackward" : "SubBackward";
      case BinaryOp::mul: return "MulBackward";
      case BinaryOp::div: return left_ ? "MulBackward" : "DivBackward";
    }
    return "BinaryScalarBackward";
  }
  // Only s / a reads a (PyTorch keeps its own reciprocal of it).
  void save_for_backward(const Tensor&) override {
    if (op_ == BinaryOp::div && left_) save_input(0, false);
  }
  std::vector<Tensor> backward(const Tensor& gy) override {
    const Tensor& a = inputs[0];
    switch (op_) {
      case BinaryOp::add: return {gy};
      case BinaryOp::sub: return {left_ ? neg(gy) : gy};
      case BinaryOp::mul: return {binary(gy, s_, BinaryOp::mul)};
      case BinaryOp::div:
        if (!left_) return {binary(gy, s_, BinaryOp::div)};
        // d(s / a) = -s / a^2
        return {neg(binary(binary(binary(gy, s_, BinaryOp::mul), a, BinaryOp::div), a, BinaryOp::div))};
    }
    return {gy};
  }

 private:
  double s_;
  BinaryOp op_;
  bool left_;
};

}  // namespace

Tensor record_activation(const Tensor& y, const Tensor& x, kernels::Activation a,
                         const kernels::ActivationParams& p) {
  return autograd::record(y, std::make_shared<ActivationBackward>(y.detach(), a, p), {x});
}

Tensor record_softmax(const Tensor& y, const Tensor& x, int64_t dim, bool log) {
  return autograd::record(y, std::make_shared<SoftmaxBackward>(y.detach(), dim, log), {x});
}

Tensor record_dropout(const Tensor& y, const Tensor& x, Tensor multiplier, bool alpha) {
  return autograd::record(y, std::make_shared<DropoutBackward>(std::move(multiplier), alpha), {x});
}

Tensor record_binary(const Tensor& y, const Tensor& a, const Tensor& b, kernels::BinaryOp op) {
  return autograd::record(y, std::make_shared<BinaryBackward>(op), {a, b});
}

Tensor record_binary_scalar(const Tensor& y, const Tensor& a, double s, kernels::BinaryOp op,
                            bool scalar_left) {
  return autograd::record(y, std::make_shared<BinaryScalarBackward>(s, op, scalar_left), {a});
}

}  // namespace initlab::ops::detail
