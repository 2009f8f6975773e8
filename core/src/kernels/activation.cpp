// Element-wise activations with PyTorch's definitions (GELU exact or tanh-approximated, ELU
// and SELU via expm1, Softplus with its linear threshold).
#include <cmath>

#include "initlab/kernels.hpp"
#include "simd.hpp"

namespace initlab::kernels {

namespace {

constexpr float kSeluAlpha = 1.6732632423543772848170429916717f;
constexpr float kSeluScale = 1.0507009873554804934193349852946f;

float scalar_activation(Activation a, const ActivationParams& p, float x) {
  switch (a) {
    case Activation::relu: return x > 0.0f ? x : (std::isnan(x) ? x : 0.0f);
    case Activation::leaky_relu: return x > 0.0f ? x : x * p.alpha;
    case Activation::elu: return x > 0.0f ? x : p.alpha * std::expm1(x);
    case Activation::selu: return kSeluScale * (x > 0.0f ? x : kSeluAlpha * std::expm1(x));
    case Activation::gelu: return 0.5f * x * (1.0f + std::erf(x * static_cast<float>(M_SQRT1_2)));
    case Activation::gelu_tanh: {
      const float k = static_cast<float>(M_2_SQRTPI * M_SQRT1_2);  // sqrt(2/pi)
      return 0.5f * x * (1.0f + std::tanh(k * (x + 0.044715f * x * x * x)));
    }
    case Activation::silu: return x / (1.0f + std::exp(-x));
    case Activation::tanh: return std::tanh(x);
    case Activation::sigmoid: return 1.0f / (1.0f + std::exp(-x));
    case Activation::softplus:
      return x * p.beta > p.threshold ? x : std::log1p(std::exp(x * p.beta)) / p.beta;
    // clamp keeps NaN
    case Activation::hardtanh: return x < p.alpha ? p.alpha : (x > p.beta ? p.beta : x);
    case Activation::hardswish: return x * std::min(std::max(x + 3.0f, 0.0f), 6.0f) / 6.0f;
    case Activation::hardsigmoid: return std::min(std::max(x + 3.0f, 0.0f), 6.0f) / 6.0f;
    case Activation::mish: return x * std::tanh(std::log1p(std::exp(x)));
    case Activation::logsigmoid: return std::min(x, 0.0f) - std::log1p(std::exp(-std::fabs(x)));
    case Activation::softsign: return x / (1.0f + std::fabs(x));
    case Activation::celu: return x > 0.0f ? x : p.alpha * std::expm1(x / p.alpha);
    case Activation::tanhshrink: return x - std::tanh(x);
    case Activation::threshold: return x <= p.threshold ? p.alpha : x;
  }
  return x;
}

fbatch vector_activation(Activation a, const ActivationParams& p, fbatch x) {
  const fbatch zero(0.0f), one(1.0f);
  switch (a) {
    case Activation::relu: return xsimd::select(x <= zero, zero, x);  // NaN stays NaN
    case Activation::leaky_relu: return xsimd::select(x > zero, x, x * fbatch(p.alpha));
    case Activation::elu: return xsimd::select(x > zero, x, fbatch(p.alpha) * xsimd::expm1(x));
    case Activation::selu:
      return fbatch(kSeluScale) * xsimd::select(x > zero, x, fbatch(kSeluAlpha) * xsimd::expm1(x));
    case Activation::gelu:
      return fbatch(0.5f) * x * (one + xsimd::erf(x * fbatch(static_cast<float>(M_SQRT1_2))));
    case Activation::gelu_tanh: {
      const fbatch k(static_cast<float>(M_2_SQRTPI * M_SQRT1_2));
      return fbatch(0.5f) * x * (one + xsimd::tanh(k * (x + fbatch(0.044715f) * x * x * x)));
    }
    case Activation::silu: return x / (one + xsimd::exp(-x));
    case Activation::tanh: return xsimd::tanh(x);
    case Activation::sigmoid: return one / (one + xsimd::exp(-x));
    case Activation::softplus: {
      const fbatch bx = x * fbatch(p.beta);
      return xsimd::select(bx > fbatch(p.threshold), x, xsimd::log1p(xsimd::exp(bx)) / fbatch(p.beta));
    }
    case Activation::hardtanh:
      return xsimd::select(x < fbatch(p.alpha), fbatch(p.alpha), xsimd::select(x > fbatch(p.beta), fbatch(p.beta), x));
    case Activation::hardswish:
      return x * xsimd::min(xsimd::max(x + fbatch(3.0f), zero), fbatch(6.0f)) / fbatch(6.0f);
    case Activation::hardsigmoid: return xsimd::min(xsimd::max(x + fbatch(3.0f), zero), fbatch(6.0f)) / fbatch(6.0f);
    case Activation::mish: return x * xsimd::tanh(xsimd::log1p(xsimd::exp(x)));
    case Activation::logsigmoid: return xsimd::min(x, zero) - xsimd::log1p(xsimd::exp(-xsimd::abs(x)));
    case Activation::softsign: return x / (one + xsimd::abs(x));
    case Activation::celu:
      return xsimd::select(x > zero, x, fbatch(p.alpha) * xsimd::expm1(x / fbatch(p.alpha)));
    case Activation::tanhshrink: return x - xsimd::tanh(x);
    case Activation::threshold: return xsimd::select(x <= fbatch(p.threshold), fbatch(p.alpha), x);
  }
  return x;
}

}  // namespace

void activation(Activation a, const ActivationParams& p, int64_t n, const float* in, float* out) {
  int64_t i = 0;
  for (; i + W <= n; i += W) vector_activation(a, p, fbatch::load_unaligned(in + i)).store_unaligned(out + i);
  for (; i < n; ++i) out[i] = scalar_activation(a, p, in[i]);
}

void activation_ref(Activation a, const ActivationParams& p, int64_t n, const float* in,
                    float* out) {
  for (int64_t i = 0; i < n; ++i) out[i] = scalar_activation(a, p, in[i]);
}

}  // namespace initlab::kernels
