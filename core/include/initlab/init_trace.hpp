// What an initialization drew, for the playground: the distribution each nn.init call (and each
// layer's default initialization, which goes through the same functions) filled a tensor with,
// so a weight histogram can carry the theoretical density; and the "scale" knob that multiplies
// every initializer's std or bound without editing code.
//
// Only the outermost initializer call counts (lecun_normal_ calling variance_scaling_ calling
// trunc_normal_ is one draw from lecun_normal_'s distribution), and only while an InitTrace is
// alive on this thread. Without one, the initializers are exactly PyTorch's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "initlab/tensor.hpp"

namespace initlab::init {

struct Distribution {
  std::string initializer;  // the nn.init function called, "kaiming_uniform_"
  // "uniform" U(lo, hi); "normal" N(mean, std^2); "trunc_normal" N(mean, std^2) cut to
  // [lo, hi]; "constant" (value); "" when the values follow no simple density (orthogonal_,
  // eye_, dirac_, sparse_).
  std::string kind;
  double lo = 0, hi = 0, mean = 0, std = 0, value = 0;
  double scale = 1;  // the InitTrace scale applied to the std or bound

  static Distribution uniform(double lo, double hi) { return {"", "uniform", lo, hi, 0, 0, 0, 1}; }
  static Distribution normal(double mean, double std) { return {"", "normal", 0, 0, mean, std, 0, 1}; }
  static Distribution trunc_normal(double mean, double std, double lo, double hi) {
    return {"", "trunc_normal", lo, hi, mean, std, 0, 1};
  }
  static Distribution constant(double value) { return {"", "constant", 0, 0, 0, 0, value, 1}; }
  static Distribution none() { return {}; }
};

class InitTrace {
 public:
  // scale multiplies every random initializer's spread about its mean: U(a, b) becomes
  // U(m - s(m - a), m + s(b - m)), N(mean, std) becomes N(mean, s*std), the fan-based ones
  // scale their bound or std, orthogonal ones their gain. Fills (constant_, eye_, ...) keep
  // their values. scale = 1 leaves every bit as PyTorch draws it.
  explicit InitTrace(double scale = 1.0);
  ~InitTrace();
  InitTrace(const InitTrace&) = delete;
  InitTrace& operator=(const InitTrace&) = delete;

  // The distribution last drawn into exactly this tensor, if its values have not changed since
  // (a weight set by hand, or filled again by a tensor method, has none).
  std::optional<Distribution> find(const Tensor& t) const;

  struct Entry {
    const float* data;
    int64_t numel;
    uint64_t hash;
    Distribution distribution;
  };

 private:
  friend class InitCall;
  double scale_;
  InitTrace* previous_;
  std::vector<Entry> entries_;
};

// Used by the initializers themselves: one per call, first thing in the function.
class InitCall {
 public:
  explicit InitCall(const char* initializer);
  ~InitCall();
  InitCall(const InitCall&) = delete;
  InitCall& operator=(const InitCall&) = delete;
  // The scale this call applies: the trace's for the outermost call, 1 for nested ones.
  double scale() const { return scale_; }
  // Remembers what the outermost call drew into t, under its name (no-op when nested or
  // untraced).
  void record(const Tensor& t, Distribution d) const;

 private:
  const char* initializer_;
  bool outermost_;
  double scale_ = 1.0;
};

}  // namespace initlab::init
