// torch.optim.SGD, Adam and Adadelta with PyTorch 1.13's update formulas (its single-tensor
// code path, _single_tensor_sgd / _single_tensor_adam / _single_tensor_adadelta), on parameters whose
// .grad a backward pass filled. Parameters without a gradient are skipped, as in PyTorch.
#pragma once

#include <cstdint>
#include <vector>

#include "initlab/tensor.hpp"

namespace initlab::optim {

class Optimizer {
 public:
  explicit Optimizer(std::vector<Tensor> params);
  virtual ~Optimizer() = default;
  Optimizer(const Optimizer&) = delete;
  Optimizer& operator=(const Optimizer&) = delete;

  // PyTorch 1.13's default (set_to_none=False) zeroes every .grad in place; set_to_none
  // drops them instead.
  void zero_grad(bool set_to_none = false);
  virtual void step() = 0;
  const std::vector<Tensor>& params() const { return params_; }

 protected:
  std::vector<Tensor> params_;
};

struct SGDOptions {
  double lr = 0;  // required in PyTorch
  double momentum = 0;
  double dampening = 0;
  double weight_decay = 0;
  bool nesterov = false;
};

// d = g + weight_decay * p; with momentum, buf = d on the first step, then
// buf = momentum * buf + (1 - dampening) * d, and d = nesterov ? d + momentum * buf : buf;
// p -= lr * d.
class SGD : public Optimizer {
 public:
  SGD(std::vector<Tensor> params, const SGDOptions& options);
  void step() override;

 private:
  SGDOptions o_;
  std::vector<Tensor> momentum_buffer_;  // undefined until a parameter's first step
};

struct AdamOptions {
  double lr = 1e-3;
  double beta1 = 0.9, beta2 = 0.999;
  double eps = 1e-8;
  double weight_decay = 0;
  bool amsgrad = false;
};

// Kingma & Ba 2015, as PyTorch writes it: g += weight_decay * p; m = beta1 m + (1-beta1) g;
// v = beta2 v + (1-beta2) g^2; (amsgrad: vmax = max(vmax, v), used for v below);
// p -= lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps).
class Adam : public Optimizer {
 public:
  Adam(std::vector<Tensor> params, const AdamOptions& options);
  void step() override;

 private:
  AdamOptions o_;
  struct State {
    int64_t step = 0;
    Tensor exp_avg, exp_avg_sq, max_exp_avg_sq;
  };
  std::vector<State> state_;
};

struct AdadeltaOptions {
  double lr = 1.0;
  double rho = 0.9;
  double eps = 1e-6;
  double weight_decay = 0;
};

// Zeiler 2012, as PyTorch writes it: g += weight_decay * p; v = rho v + (1-rho) g^2;
// delta = sqrt(u + eps) / sqrt(v + eps) * g; u = rho u + (1-rho) delta^2; p -= lr * delta.
class Adadelta : public Optimizer {
 public:
  Adadelta(std::vector<Tensor> params, const AdadeltaOptions& options);
  void step() override;

 private:
  AdadeltaOptions o_;
  struct State {
    Tensor square_avg, acc_delta;  // undefined until a parameter's first step
  };
  std::vector<State> state_;
};

}  // namespace initlab::optim
