// Derivatives of the element-wise activations (PyTorch's backward formulas), vector loop and
// scalar tail, and the scalar reference.
#include <cmath>

#include "initlab/kernels.hpp"
#include "simd.hpp"

namespace initlab::kernels {

namespace {

constexpr float kSeluAlpha = 1.6732632423543772848170429916717f;
constexpr float kSeluScale = 1.0507009873554804934193349852946f;
constexpr float kGeluTanhCoef = 0.044715f;

float scalar_grad(Activation a, const ActivationParams& p, float x, float y, float dy) {
  switch (a) {
    case Activation::relu: return y > 0.0f ? dy : 0.0f;
    case Activation::leaky_relu: return x > 0.0f ? dy : dy * p.alpha;
    case Activation::elu: return x > 0.0f ? dy : dy * (y + p.alpha);
    case Activation::selu: return x > 0.0f ? dy * kSeluScale : dy * (y + kSeluScale * kSeluAlpha);
    case Activation::gelu: {
      const float cdf = 0.5f * (1.0f + std::erf(x * static_cast<float>(M_SQRT1_2)));
      const float pdf = std::exp(-0.5f * x * x) * static_cast<float>(0.5 * M_2_SQRTPI * M_SQRT1_2);
      return dy * (cdf + x * pdf);
    }
    case Activation::gelu_tanh: {
      const float k = static_cast<float>(M_2_SQRTPI * M_SQRT1_2);  // sqrt(2/pi)
      const float t = std::tanh(k * (x + kGeluTanhCoef * x * x * x));
      const float inner = k * (1.0f + 3.0f * kGeluTanhCoef * x * x);
      return dy * (0.5f * (1.0f + t) + 0.5f * x * (1.0f - t * t) * inner);
    }
    case Activation::silu: {
      const float s = 1.0f / (1.0f + std::exp(-x));
      return dy * s * (1.0f + x * (1.0f - s));
    }
    case Activation::tanh: return dy * (1.0f - y * y);
    case Activation::sigmoid: return dy * (1.0f - y) * y;
    case Activation::softplus: {
      const float z = std::exp(x * p.beta);
      return x * p.beta > p.threshold ? dy : dy * z / (z + 1.0f);
    }
    case Activation::hardtanh: return (x <= p.alpha || x >= p.beta) ? 0.0f : dy;
    case Activation::hardswish:
      return x < -3.0f ? 0.0f : (x <= 3.0f ? dy * (x / 3.0f + 0.5f) : dy);
    case Activation::hardsigmoid: return (x > -3.0f && x < 3.0f) ? dy / 6.0f : 0.0f;
    case Activation::mish: {
      const float s = 1.0f / (1.0f + std::exp(-x));
      const float t = std::tanh(std::log1p(std::exp(x)));
      return dy * (t + x * s * (1.0f - t * t));
    }
    case Activation::logsigmoid: return dy / (1.0f + std::exp(x));
    case Activation::softsign: {
      const float d = 1.0f + std::fabs(x);
      return dy / (d * d);
    }
    case Activation::celu: return x > 0.0f ? dy : dy * std::exp(x / p.alpha);
    case Activation::tanhshrink: {
      const float t = std::tanh(x);
      return dy * t * t;
    }
    case Activation::threshold: return x <= p.threshold ? 0.0f : dy;
  }
  return dy;
}

fbatch vector_grad(Activation a, const ActivationParams& p, fbatch x, fbatch y, fbatch dy) {
  const fbatch zero(0.0f), one(1.0f), half(0.5f);
  switch (a) {
    case Activation::relu: return xsimd::select(y > zero, dy, zero);
    case Activation::leaky_relu: return xsimd::select(x > zero, dy, dy * fbatch(p.alpha));
    case Activation::elu: return xsimd::select(x > zero, dy, dy * (y + fbatch(p.alpha)));
    case Activation::selu:
      return xsimd::select(x > zero, dy * fbatch(kSeluScale), dy * (y + fbatch(kSeluScale * kSeluAlpha)));
    case Activation::gelu: {
      const fbatch cdf = half * (one + xsimd::erf(x * fbatch(static_cast<float>(M_SQRT1_2))));
      const fbatch pdf = xsimd::exp(fbatch(-0.5f) * x * x) * fbatch(static_cast<float>(0.5 * M_2_SQRTPI * M_SQRT1_2));
      return dy * (cdf + x * pdf);
    }
    case Activation::gelu_tanh: {
      const fbatch k(static_cast<float>(M_2_SQRTPI * M_SQRT1_2));
      const fbatch c(kGeluTanhCoef);
      const fbatch t = xsimd::tanh(k * (x + c * x * x * x));
      const fbatch inner = k * (one + fbatch(3.0f) * c * x * x);
      return dy * (half * (one + t) + half * x * (one - t * t) * inner);
    }
    case Activation::silu: {
      const fbatch s = one / (one + xsimd::exp(-x));
      return dy * s * (one + x * (one - s));
    }
    case Activation::tanh: return dy * (one - y * y);
    case Activation::sigmoid: return dy * (one - y) * y;
    case Activation::softplus: {
      const fbatch bx = x * fbatch(p.beta);
      const fbatch z = xsimd::exp(bx);
      return xsimd::select(bx > fbatch(p.threshold), dy, dy * z / (z + one));
    }
    case Activation::hardtanh:
      return xsimd::select((x <= fbatch(p.alpha)) || (x >= fbatch(p.beta)), zero, dy);
    case Activation::hardswish:
      return xsimd::select(x < fbatch(-3.0f), zero,
                           xsimd::select(x <= fbatch(3.0f), dy * (x / fbatch(3.0f) + half), dy));
    case Activation::hardsigmoid:
      return xsimd::select((x > fbatch(-3.0f)) && (x < fbatch(3.0f)), dy / fbatch(6.0f), zero);
    case Activation::mish: {
      const fbatch s = one / (one + xsimd::exp(-x));
      const fbatch t = xsimd::tanh(xsimd::log1p(xsimd::exp(x)));
      return dy * (t + x * s * (one - t * t));
    }
    case Activation::logsigmoid: return dy / (one + xsimd::exp(x));
    case Activation::softsign: {
      const fbatch d = one + xsimd::abs(x);
      return dy / (d * d);
    }
    case Activation::celu: return xsimd::select(x > zero, dy, dy * xsimd::exp(x / fbatch(p.alpha)));
    case Activation::tanhshrink: {
      const fbatch t = xsimd::tanh(x);
      return dy * t * t;
    }
    case Activation::threshold: return xsimd::select(x <= fbatch(p.threshold), zero, dy);
  }
  return dy;
}

}  // namespace

void activation_backward(Activation a, const ActivationParams& p, int64_t n, const float* x,
                         const float* y, const float* dy, float* dx) {
  int64_t i = 0;
  for (; i + W <= n; i += W) {
    vector_grad(a, p, fbatch::load_unaligned(x + i), fbatch::load_unaligned(y + i),
                fbatch::load_unaligned(dy + i))
        .store_unaligned(dx + i);
  }
  for (; i < n; ++i) dx[i] = scalar_grad(a, p, x[i], y[i], dy[i]);
}

void activation_backward_ref(Activation a, const ActivationParams& p, int64_t n, const float* x,
                             const float* y, const float* dy, float* dx) {
  for (int64_t i = 0; i < n; ++i) dx[i] = scalar_grad(a, p, x[i], y[i], dy[i]);
}

}  // namespace initlab::kernels
