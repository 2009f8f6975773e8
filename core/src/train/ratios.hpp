// Update:data and grad:data ratios of every weight at every step (Karpathy's makemore part 3;
// cs231n's "about 1e-3"): log10(std(dW) / std(W)) with dW the step the optimizer applied,
// W_after - W_before (exact in double: both are floats), and log10(std(grad) / std(W)); W is
// the weight before the step. Weights are the parameters of two or more dimensions (makemore
// plots the 2-d ones; conv kernels are weights too), biases and norm scales are left out.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "initlab/tensor.hpp"
#include "initlab/trainer.hpp"

namespace initlab::train {

class RatioMeter {
 public:
  // The chunk's weights, in the model's parameter order.
  explicit RatioMeter(const std::vector<std::pair<std::string, Tensor>>& parameters);
  // After backward, before optimizer.step(): std(W), std(grad) and a copy of W.
  void before_step();
  // After optimizer.step(): std(W_after - W_before).
  void after_step();
  std::vector<TrainWeight> take() { return std::move(out_); }

 private:
  struct Weight {
    Tensor param;
    std::vector<float> before;
    double std_before = 0;
  };
  std::vector<Weight> weights_;
  std::vector<TrainWeight> out_;
};

}  // namespace initlab::train
