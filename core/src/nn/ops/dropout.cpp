// The dropout family: PyTorch 1.13's CPU masks and arithmetic bit for bit (ATen's
// _dropout_impl over bernoulli_; see ops.hpp). Compiled with the exact code (no contraction):
// alpha dropout's x * m + b must stay two roundings, as PyTorch's two tensor ops are.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "backward.hpp"
#include "initlab/error.hpp"
#include "initlab/nn/ops.hpp"
#include "initlab/pyformat.hpp"
#include "initlab/sampling.hpp"
#include "initlab/warnings.hpp"

namespace initlab::ops {

namespace {

// F.dropout's ValueError; a NaN passes it and stops at ATen's own check.
void check_p(double p) {
  const std::string message =
      "dropout probability has to be between 0 and 1, but got " + py::repr(p);
  if (p < 0.0 || p > 1.0) raise(ErrorKind::ValueError, message);
  if (!(p >= 0.0 && p <= 1.0)) raise(ErrorKind::RuntimeError, message);
}

// y = x * multiplier (+ shift), element by element over x's row-major order; the multiplier
// and shift of element i are those of noise element i / inner. Records dy * multiplier.
Tensor apply_noise(const Tensor& x, const std::vector<float>& multiplier,
                   const std::vector<float>* shift, int64_t inner) {
  const Tensor xc = x.contiguous();
  const int64_t n = xc.numel();
  Tensor y = Tensor::uninitialized(xc.shape());
  const float* in = xc.data();
  float* out = y.data();
  for (int64_t i = 0; i < n; ++i) {
    const auto k = static_cast<std::size_t>(i / inner);
    const float scaled = in[i] * multiplier[k];
    out[i] = shift ? scaled + (*shift)[k] : scaled;
  }
  if (!autograd::should_record({&x})) return y;
  Tensor m = Tensor::uninitialized(xc.shape());
  float* md = m.data();
  for (int64_t i = 0; i < n; ++i) md[i] = multiplier[static_cast<std::size_t>(i / inner)];
  return detail::record_dropout(y, x, std::move(m), shift != nullptr);
}

// _dropout_impl<feature, alpha>: `noise_count` noise values, each covering `inner` consecutive
// elements of x (row-major).
Tensor dropout_impl(const Tensor& x, double p, Generator& gen, bool alpha, int64_t noise_count,
                    int64_t inner) {
  if (p == 1.0) {
    // x * zeros({}): no draws.
    return apply_noise(x, std::vector<float>(static_cast<std::size_t>(noise_count), 0.0f), nullptr,
                       inner);
  }
  // noise = empty(...).bernoulli_(1 - p): contiguous, so drawn in row-major order.
  Tensor noise = Tensor::uninitialized(Shape{noise_count});
  bernoulli_(noise, 1.0 - p, gen);
  const float* keep = noise.data();
  std::vector<float> multiplier(static_cast<std::size_t>(noise_count));
  if (!alpha) {
    // noise.div_(1 - p): the double scalar becomes a float, then a float division.
    const float q = static_cast<float>(1.0 - p);
    for (std::size_t k = 0; k < multiplier.size(); ++k) multiplier[k] = keep[k] / q;
    return apply_noise(x, multiplier, nullptr, inner);
  }
  constexpr double kAlpha = 1.7580993408473766;
  const double a = 1. / std::sqrt((kAlpha * kAlpha * p + 1) * (1 - p));
  const float a_f = static_cast<float>(a);
  const float alpha_a = static_cast<float>(kAlpha * a);
  const float alpha_a_p = static_cast<float>(kAlpha * a * p);
  std::vector<float> b(multiplier.size());
  for (std::size_t k = 0; k < multiplier.size(); ++k) {
    // b = noise.add(-1).mul_(alpha * a).add_(alpha * a * p); noise.mul_(a)
    const float shifted = keep[k] + -1.0f;
    const float scaled = shifted * alpha_a;
    b[k] = scaled + alpha_a_p;
    multiplier[k] = keep[k] * a_f;
  }
  return apply_noise(x, multiplier, &b, inner);
}

}  // namespace

Tensor dropout(const Tensor& x, double p, bool training, Generator& gen) {
  check_p(p);
  if (p == 0.0 || !training || x.numel() == 0) return x;
  return dropout_impl(x, p, gen, false, x.numel(), 1);
}

Tensor alpha_dropout(const Tensor& x, double p, bool training, Generator& gen) {
  check_p(p);
  if (p == 0.0 || !training || x.numel() == 0) return x;
  return dropout_impl(x, p, gen, true, x.numel(), 1);
}

Tensor feature_dropout(const Tensor& x, double p, bool training, Generator& gen, bool alpha,
                       bool batched) {
  check_p(p);
  if (p == 0.0 || !training || x.numel() == 0) return x;
  // make_feature_noise checks the rank of what it is given (F.dropout1d/3d unsqueeze first),
  // and only when the noise is drawn.
  const int64_t rank = x.dim() + (batched ? 0 : 1);
  if (p < 1.0 && rank < 2) {
    raise(ErrorKind::RuntimeError, "Feature dropout requires at least 2 dimensions in the input");
  }
  const int64_t lead = batched ? 2 : 1;
  int64_t count = 1;
  for (int64_t d = 0; d < std::min<int64_t>(lead, x.dim()); ++d) count *= x.size(d);
  return dropout_impl(x, p, gen, alpha, count, x.numel() / count);
}

Tensor dropout_nd(const Tensor& x, int spatial, double p, bool training, Generator& gen) {
  check_p(p);
  const int64_t dims = x.dim();
  const std::string name = "dropout" + std::to_string(spatial) + "d";
  if (spatial == 1) {
    if (dims != 2 && dims != 3) {
      raise(ErrorKind::RuntimeError, "dropout1d: Expected 2D or 3D input, but received a " +
                                         std::to_string(dims) +
                                         "D input. Note that dropout1d exists to provide "
                                         "channel-wise dropout on inputs with 1 "
                                         "spatial dimension, a channel dimension, and an optional "
                                         "batch dimension (i.e. 2D or 3D "
                                         "inputs).");
    }
    return feature_dropout(x, p, training, gen, false, dims == 3);
  }
  const int64_t lo = spatial + 1, hi = spatial + 2;
  if (dims != lo && dims != hi) {
    const std::string s = std::to_string(spatial);
    warn(name + ": Received a " + std::to_string(dims) + "-D input to " + name +
         ", which is deprecated and will result in an error in a future release. To retain the "
         "behavior and silence this warning, please use dropout instead. Note that " +
         name + " exists to provide channel-wise dropout on inputs with " + s +
         " spatial dimensions, a channel dimension, and an optional batch dimension (i.e. " +
         std::to_string(lo) + "D or " + std::to_string(hi) + "D inputs).");
  }
  if (spatial == 2) {
    // 1.13 still reads a 3-D input as (N, C, L), and never unsqueezes.
    if (dims == 3) {
      warn(
          "dropout2d: Received a 3D input to dropout2d and assuming that channel-wise 1D dropout "
          "behavior is desired - input is interpreted as shape (N, C, L), where C is the channel "
          "dim. This behavior will change in a future release to interpret the input as one "
          "without a batch dimension, i.e. shape (C, H, W). To maintain the 1D channel-wise "
          "dropout behavior, please switch to using dropout1d instead.");
    }
    return feature_dropout(x, p, training, gen, false, true);
  }
  return feature_dropout(x, p, training, gen, false, dims == hi);
}

}  // namespace initlab::ops
