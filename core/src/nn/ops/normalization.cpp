// BatchNorm, InstanceNorm (over batch_norm), LayerNorm, GroupNorm: statistics in double,
// then a centered affine in float.
#include <cmath>
#include <utility>
#include <string>
#include <vector>

#include "initlab/autograd.hpp"
#include "initlab/error.hpp"
#include "initlab/nn/ops.hpp"
#include "initlab/nn/instance_norm.hpp"
#include "backward.hpp"
#include "../../math/fused.hpp"

namespace initlab::ops {

Tensor batch_norm(const Tensor& x_in, const BatchNormState& state, const Tensor& weight,
                  const Tensor& bias, bool use_batch_stats, double momentum, double eps) {
  // PyTorch's CPU kernel, step by step, so outputs agree to rounding: the mean is a double sum
  // rounded to float; the variance sums float (x - mean)^2 in double; the output is
  // x * alpha + beta with alpha = invstd * weight and beta = bias - mean * alpha, each fused
  // the way its AVX2 build fuses them.
  const Tensor x = x_in.contiguous();
  const int64_t N = x.size(0), C = x.size(1);
  const int64_t inner = x.numel() / std::max<int64_t>(N * C, 1);
  const int64_t n = N * inner;
  std::vector<float> mean(static_cast<std::size_t>(C)), invstd(mean), alpha(mean), beta(mean);
  if (use_batch_stats) {
    if (n <= 1) {
      raise(ErrorKind::ValueError,
            "Expected more than 1 value per channel when training, got input size torch.Size(" +
                x.shape().to_string() + ")");
    }
    std::vector<float> var_sum(static_cast<std::size_t>(C));
    kernels::batch_norm_stats(N, C, inner, x.data(), mean.data(), var_sum.data());
    for (int64_t c = 0; c < C; ++c) {
      const auto i = static_cast<std::size_t>(c);
      invstd[i] = static_cast<float>(1 / std::sqrt(static_cast<double>(var_sum[i]) / static_cast<double>(n) + eps));
    }
    if (state.running_mean && state.running_var) {
      double factor = momentum;
      if (state.num_batches_tracked) {
        float& count = state.num_batches_tracked->data()[0];
        count += 1.0f;
        if (momentum < 0) factor = 1.0 / static_cast<double>(count);  // momentum=None
      }
      float* rm = state.running_mean->data();
      float* rv = state.running_var->data();
      for (int64_t c = 0; c < C; ++c) {
        const auto i = static_cast<std::size_t>(c);
        const double unbiased = static_cast<double>(var_sum[i]) / static_cast<double>(n - 1);
        rm[c] = static_cast<float>(factor * static_cast<double>(mean[i]) + (1 - factor) * static_cast<double>(rm[c]));
        rv[c] = static_cast<float>(factor * unbiased + (1 - factor) * static_cast<double>(rv[c]));
      }
    }
  } else {
    batch_norm_eval_affine(*state.running_mean, *state.running_var, weight, bias, eps, alpha, beta);
  }
  if (use_batch_stats) {
    for (int64_t c = 0; c < C; ++c) {
      const auto i = static_cast<std::size_t>(c);
      alpha[i] = invstd[i] * (weight.defined() ? weight.data()[c] : 1.0f);
      beta[i] = math::fmaf_exact(-mean[i], alpha[i], bias.defined() ? bias.data()[c] : 0.0f);
    }
  }
  Tensor y = Tensor::uninitialized(x.shape());
  kernels::channel_affine(N, C, inner, x.data(), nullptr, alpha.data(), beta.data(), y.data());
  if (autograd::should_record({&x_in, &weight, &bias})) {
    if (!use_batch_stats) {  // eval: the running statistics, as the affine above used them
      for (int64_t c = 0; c < C; ++c) {
        const auto i = static_cast<std::size_t>(c);
        mean[i] = state.running_mean->data()[c];
        invstd[i] = 1.0f / std::sqrt(state.running_var->data()[c] + static_cast<float>(eps));
      }
    }
    return detail::record_batch_norm(y, x_in, weight, bias, std::move(mean), std::move(invstd),
                                     use_batch_stats);
  }
  return y;
}

Tensor instance_norm(const Tensor& x, Tensor* running_mean, Tensor* running_var, const Tensor& weight,
                     const Tensor& bias, bool use_input_stats, double momentum, double eps) {
  if (x.dim() < 2) {
    raise(ErrorKind::ValueError, "Expected more than 1 spatial element when training, got input size torch.Size(" +
                                     x.shape().to_string() + ")");
  }
  if (!use_input_stats && (running_mean == nullptr || running_var == nullptr)) {
    raise(ErrorKind::RuntimeError, "Expected running_mean and running_var to be defined when use_input_stats is false");
  }
  const int64_t N = x.size(0), C = x.size(1);
  // F.instance_norm's _verify_spatial_size, in training mode only.
  if (use_input_stats && x.numel() == N * C) {
    raise(ErrorKind::ValueError, "Expected more than 1 spatial element when training, got input size torch.Size(" +
                                     x.shape().to_string() + ")");
  }
  // batch_norm's checks on the repeated tensors, in its order and with its counts.
  for (auto [name, t] : {std::pair<const char*, const Tensor*>{"running_mean", running_mean}, {"running_var", running_var},
                         {"weight", &weight}, {"bias", &bias}}) {
    if (t != nullptr && t->defined() && t->numel() != C) {
      raise(ErrorKind::RuntimeError, std::string(name) + " should contain " + std::to_string(N * C) + " elements not " +
                                         std::to_string(N * t->numel()));
    }
  }
  Shape flat = x.shape();
  flat[0] = 1;
  flat[1] = N * C;
  const auto repeat = [&](const Tensor& t) {
    if (!t.defined()) return Tensor();
    std::vector<Tensor> copies(static_cast<std::size_t>(N), t);
    return cat(copies, 0);
  };
  const Tensor w = repeat(weight), b = repeat(bias);
  const bool tracking = running_mean != nullptr && running_var != nullptr;
  Tensor rm_rep, rv_rep;
  BatchNormState state;
  if (tracking) {
    autograd::NoGrad no_grad;
    rm_rep = repeat(*running_mean).contiguous();
    rv_rep = repeat(*running_var).contiguous();
    state.running_mean = &rm_rep;
    state.running_var = &rv_rep;
  }
  Tensor y = batch_norm(reshape(x, flat), state, w, b, use_input_stats, momentum, eps);
  if (tracking && use_input_stats) {
    // running_mean.copy_(running_mean_.view(b, c).mean(0)), likewise the variance
    for (auto [src, dst] : {std::pair<Tensor*, Tensor*>{&rm_rep, running_mean}, {&rv_rep, running_var}}) {
      for (int64_t c = 0; c < C; ++c) {
        float s = 0.0f;
        for (int64_t n = 0; n < N; ++n) s += src->data()[n * C + c];
        dst->data()[c] = s / static_cast<float>(N);
      }
    }
  }
  return reshape(y, x.shape());
}

void batch_norm_eval_affine(const Tensor& running_mean, const Tensor& running_var,
                            const Tensor& weight, const Tensor& bias, double eps,
                            std::vector<float>& alpha, std::vector<float>& beta) {
  const int64_t C = running_mean.numel();
  alpha.resize(static_cast<std::size_t>(C));
  beta.resize(static_cast<std::size_t>(C));
  const float* rm = running_mean.data();
  const float* rv = running_var.data();
  for (int64_t c = 0; c < C; ++c) {
    const auto i = static_cast<std::size_t>(c);
    const float invstd = 1.0f / std::sqrt(rv[c] + static_cast<float>(eps));
    alpha[i] = invstd * (weight.defined() ? weight.data()[c] : 1.0f);
    beta[i] = math::fmaf_exact(-rm[c], alpha[i], bias.defined() ? bias.data()[c] : 0.0f);
  }
}

namespace {

// y[r, j] = (x[r, j] - mean[r]) * invstd[r] * w[j / inner] + b[j / inner], for rows of n
// elements whose per-position weights repeat every `inner` elements (LayerNorm: inner = 1).
Tensor normalize_rows(const char* name, const Tensor& x_in, const Tensor& x, int64_t rows,
                      int64_t n, int64_t channels_per_row, int64_t inner, const Tensor& weight,
                      const Tensor& bias, double eps, int64_t channel_period) {
  std::vector<double> mean(static_cast<std::size_t>(rows)), var(mean);
  kernels::row_moments(rows, n, x.data(), mean.data(), var.data());
  Tensor y = Tensor::uninitialized(x.shape());
  const float* in = x.data();
  float* out = y.data();
  const bool recording = autograd::should_record({&x_in, &weight, &bias});
  std::vector<float> row_mean, row_invstd;
  if (recording) {
    row_mean.resize(static_cast<std::size_t>(rows));
    row_invstd.resize(static_cast<std::size_t>(rows));
  }
  for (int64_t r = 0; r < rows; ++r) {
    const auto m = static_cast<float>(mean[static_cast<std::size_t>(r)]);
    const auto inv = static_cast<float>(1.0 / std::sqrt(var[static_cast<std::size_t>(r)] + eps));
    if (recording) {
      row_mean[static_cast<std::size_t>(r)] = m;
      row_invstd[static_cast<std::size_t>(r)] = inv;
    }
    const int64_t c0 = (r % channel_period) * channels_per_row;
    for (int64_t j = 0; j < n; ++j) {
      const int64_t c = c0 + j / inner;
      const float w = weight.defined() ? weight.data()[c] : 1.0f;
      const float b = bias.defined() ? bias.data()[c] : 0.0f;
      out[r * n + j] = (in[r * n + j] - m) * inv * w + b;
    }
  }
  if (recording) {
    return detail::record_row_norm(name, y, x_in, weight, bias,
                                   {rows, n, channels_per_row, inner, channel_period},
                                   std::move(row_mean), std::move(row_invstd));
  }
  return y;
}

}  // namespace

Tensor layer_norm(const Tensor& x_in, const std::vector<int64_t>& normalized, const Tensor& weight,
                  const Tensor& bias, double eps) {
  const Tensor x = x_in.contiguous();
  const auto k = static_cast<int64_t>(normalized.size());
  bool ok = x.dim() >= k;
  int64_t n = 1;
  for (int64_t i = 0; ok && i < k; ++i) {
    ok = x.size(x.dim() - k + i) == normalized[static_cast<std::size_t>(i)];
    n *= normalized[static_cast<std::size_t>(i)];
  }
  if (!ok) {
    std::string expected = "[*";
    for (int64_t d : normalized) expected += ", " + std::to_string(d);
    raise(ErrorKind::RuntimeError, "Given normalized_shape=" + Shape(normalized).to_string() +
                                       ", expected input with shape " + expected +
                                       "], but got input of size" + x.shape().to_string());
  }
  return normalize_rows("NativeLayerNormBackward", x_in, x, x.numel() / std::max<int64_t>(n, 1), n,
                        n, 1, weight, bias, eps, 1);
}

Tensor group_norm(const Tensor& x_in, int64_t groups, const Tensor& weight, const Tensor& bias,
                  double eps) {
  const Tensor x = x_in.contiguous();
  const int64_t N = x.size(0), C = x.size(1);
  if (C % groups != 0) {
    raise(ErrorKind::RuntimeError, "Expected number of channels in input to be divisible by "
                                   "num_groups, but got input of shape " +
                                       x.shape().to_string() + " and num_groups=" +
                                       std::to_string(groups));
  }
  const int64_t inner = x.numel() / std::max<int64_t>(N * C, 1);
  const int64_t per_group = C / groups;
  return normalize_rows("NativeGroupNormBackward", x_in, x, N * groups, per_group * inner,
                        per_group, inner, weight, bias, eps, groups);
}

}  // namespace initlab::ops
