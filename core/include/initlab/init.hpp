// torch.nn.init, with PyTorch's names, argument names, defaults, arithmetic (in double, as
// Python floats) and error messages; plus Keras/JAX variance scaling, LeCun and delta-orthogonal.
// Every function fills its tensor in place and returns it. With the same seed, every random
// initializer except the QR-based ones gives PyTorch 1.13's float32 bits.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "initlab/generator.hpp"
#include "initlab/tensor.hpp"

namespace initlab::init {

struct Fans {
  int64_t fan_in;
  int64_t fan_out;
};

// fan_in = size(1) * receptive field, fan_out = size(0) * receptive field, where the receptive
// field is the product of dims 2.. (PyTorch's _calculate_fan_in_and_fan_out).
Fans calculate_fan_in_and_fan_out(const Tensor& t);

// Recommended gain for a nonlinearity; param is leaky_relu's negative slope (default 0.01).
double calculate_gain(std::string_view nonlinearity, std::optional<double> param = std::nullopt);

// U(a, b).
Tensor& uniform_(Tensor& t, double a = 0.0, double b = 1.0, Generator& gen = default_generator());
// N(mean, std^2).
Tensor& normal_(Tensor& t, double mean = 0.0, double std = 1.0, Generator& gen = default_generator());
// N(mean, std^2) truncated to [a, b] by inverse-CDF sampling (PyTorch's trunc_normal_, after
// the method used in timm).
Tensor& trunc_normal_(Tensor& t, double mean = 0.0, double std = 1.0, double a = -2.0,
                      double b = 2.0, Generator& gen = default_generator());
Tensor& constant_(Tensor& t, double val);
Tensor& ones_(Tensor& t);
Tensor& zeros_(Tensor& t);
// Identity matrix, to preserve the identity of the inputs in Linear layers (2-D only).
Tensor& eye_(Tensor& t);
// Dirac delta, to preserve the identity of the inputs in Conv layers (3-D to 5-D).
Tensor& dirac_(Tensor& t, int64_t groups = 1);
// Glorot & Bengio 2010, "Understanding the difficulty of training deep feedforward neural
// networks": U(-a, a), a = gain * sqrt(6 / (fan_in + fan_out)).
Tensor& xavier_uniform_(Tensor& t, double gain = 1.0, Generator& gen = default_generator());
// Glorot & Bengio 2010: N(0, std^2), std = gain * sqrt(2 / (fan_in + fan_out)).
Tensor& xavier_normal_(Tensor& t, double gain = 1.0, Generator& gen = default_generator());
// He et al. 2015, "Delving deep into rectifiers": U(-b, b), b = gain * sqrt(3 / fan_mode).
Tensor& kaiming_uniform_(Tensor& t, double a = 0.0, std::string_view mode = "fan_in",
                         std::string_view nonlinearity = "leaky_relu",
                         Generator& gen = default_generator());
// He et al. 2015: N(0, std^2), std = gain / sqrt(fan_mode).
Tensor& kaiming_normal_(Tensor& t, double a = 0.0, std::string_view mode = "fan_in",
                        std::string_view nonlinearity = "leaky_relu",
                        Generator& gen = default_generator());
// Saxe et al. 2013, "Exact solutions to the nonlinear dynamics of learning in deep linear
// neural networks": a (semi-)orthogonal matrix from the QR of a Gaussian one, times gain.
// The QR is PyTorch's float one (src/linalg/float_qr.hpp): PyTorch's bits.
Tensor& orthogonal_(Tensor& t, double gain = 1.0, Generator& gen = default_generator());
// Martens 2010, "Deep learning via Hessian-free optimization": N(0, std^2) with a fraction
// `sparsity` of each column zeroed.
Tensor& sparse_(Tensor& t, double sparsity, double std = 0.01, Generator& gen = default_generator());

// Keras/JAX VarianceScaling: variance scale/n, n = fan_in | fan_out | fan_avg, drawn from a
// truncated normal (std corrected by 0.87962566103423978), an untruncated normal or a uniform.
Tensor& variance_scaling_(Tensor& t, double scale = 1.0, std::string_view mode = "fan_in",
                          std::string_view distribution = "truncated_normal",
                          Generator& gen = default_generator());
// LeCun et al. 1998, "Efficient BackProp": variance_scaling_(1, fan_in, uniform).
Tensor& lecun_uniform_(Tensor& t, Generator& gen = default_generator());
// LeCun et al. 1998 (as Keras/JAX define it): variance_scaling_(1, fan_in, truncated_normal).
Tensor& lecun_normal_(Tensor& t, Generator& gen = default_generator());
// Xiao et al. 2018, "Dynamical Isometry and a Mean Field Theory of CNNs": zeros except an
// orthogonal (out x in) matrix at the spatial centre of the kernel.
Tensor& delta_orthogonal_(Tensor& t, double gain = 1.0, Generator& gen = default_generator());

}  // namespace initlab::init
