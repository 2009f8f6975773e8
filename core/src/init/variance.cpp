// The fan-based initializers: Glorot/Xavier, He/Kaiming, variance scaling, LeCun.
#include <cmath>
#include <string>

#include "fans.hpp"
#include "initlab/error.hpp"
#include "initlab/init.hpp"
#include "initlab/sampling.hpp"
#include "initlab/warnings.hpp"

namespace initlab::init {

namespace {

double xavier_std(const Tensor& t, double gain) {
  const Fans fans = calculate_fan_in_and_fan_out(t);
  return gain * std::sqrt(detail::py_div(2.0, static_cast<double>(fans.fan_in + fans.fan_out)));
}

// Kaiming's early exit: PyTorch warns and leaves zero-element tensors alone.
bool is_zero_element(const Tensor& t) {
  for (int64_t d : t.shape()) {
    if (d == 0) {
      warn("Initializing zero-element tensors is a no-op");
      return true;
    }
  }
  return false;
}

double kaiming_std(const Tensor& t, double a, std::string_view mode,
                   std::string_view nonlinearity) {
  const double fan = detail::correct_fan(t, mode);
  const double gain = calculate_gain(nonlinearity, a);
  return gain / std::sqrt(fan);
}

}  // namespace

Tensor& xavier_uniform_(Tensor& t, double gain, Generator& gen) {
  const double a = std::sqrt(3.0) * xavier_std(t, gain);
  initlab::uniform_(t, -a, a, gen);
  return t;
}

Tensor& xavier_normal_(Tensor& t, double gain, Generator& gen) {
  initlab::normal_(t, 0., xavier_std(t, gain), gen);
  return t;
}

Tensor& kaiming_uniform_(Tensor& t, double a, std::string_view mode,
                         std::string_view nonlinearity, Generator& gen) {
  if (is_zero_element(t)) return t;
  const double bound = std::sqrt(3.0) * kaiming_std(t, a, mode, nonlinearity);
  initlab::uniform_(t, -bound, bound, gen);
  return t;
}

Tensor& kaiming_normal_(Tensor& t, double a, std::string_view mode,
                        std::string_view nonlinearity, Generator& gen) {
  if (is_zero_element(t)) return t;
  initlab::normal_(t, 0, kaiming_std(t, a, mode, nonlinearity), gen);
  return t;
}

Tensor& variance_scaling_(Tensor& t, double scale, std::string_view mode,
                          std::string_view distribution, Generator& gen) {
  const Fans fans = calculate_fan_in_and_fan_out(t);
  double n;
  if (mode == "fan_in") {
    n = static_cast<double>(fans.fan_in);
  } else if (mode == "fan_out") {
    n = static_cast<double>(fans.fan_out);
  } else if (mode == "fan_avg") {
    n = static_cast<double>(fans.fan_in + fans.fan_out) / 2.0;
  } else {
    raise(ErrorKind::ValueError, "Mode " + std::string(mode) +
                                     " not supported, please use one of fan_in, fan_out, fan_avg");
  }
  if (distribution == "truncated_normal") {
    // 0.879... is the std of a standard normal truncated to [-2, 2] (JAX's constant).
    const double std = std::sqrt(detail::py_div(scale, n)) / .87962566103423978;
    trunc_normal_(t, 0., 1., -2., 2., gen);
    const float s = static_cast<float>(std);
    t.for_each_in_memory_order([s](float& x) { x = x * s; });
  } else if (distribution == "untruncated_normal") {
    initlab::normal_(t, 0., std::sqrt(detail::py_div(scale, n)), gen);
  } else if (distribution == "uniform") {
    const double limit = std::sqrt(detail::py_div(3.0 * scale, n));
    initlab::uniform_(t, -limit, limit, gen);
  } else {
    raise(ErrorKind::ValueError,
          "Distribution " + std::string(distribution) +
              " not supported, please use one of truncated_normal, untruncated_normal, uniform");
  }
  return t;
}

Tensor& lecun_uniform_(Tensor& t, Generator& gen) {
  return variance_scaling_(t, 1.0, "fan_in", "uniform", gen);
}

Tensor& lecun_normal_(Tensor& t, Generator& gen) {
  return variance_scaling_(t, 1.0, "fan_in", "truncated_normal", gen);
}

}  // namespace initlab::init
