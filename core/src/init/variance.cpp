// The fan-based initializers: Glorot/Xavier, He/Kaiming, variance scaling, LeCun.
#include <cmath>
#include <string>

#include "fans.hpp"
#include "initlab/error.hpp"
#include "initlab/init.hpp"
#include "initlab/init_trace.hpp"
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

// U(-bound, bound) and N(0, std^2), the two shapes of the fan-based initializers, scaled and
// recorded for the call.
void uniform_bound(const InitCall& call, Tensor& t, double bound, Generator& gen) {
  bound *= call.scale();
  initlab::uniform_(t, -bound, bound, gen);
  call.record(t, Distribution::uniform(-bound, bound));
}

void normal_std(const InitCall& call, Tensor& t, double std, Generator& gen) {
  std *= call.scale();
  initlab::normal_(t, 0., std, gen);
  call.record(t, Distribution::normal(0., std));
}

Tensor& variance_scaling(const char* name, Tensor& t, double scale, std::string_view mode,
                         std::string_view distribution, Generator& gen) {
  const InitCall call(name);
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
    const double std = std::sqrt(detail::py_div(scale, n)) / .87962566103423978 * call.scale();
    trunc_normal_(t, 0., 1., -2., 2., gen);
    const float s = static_cast<float>(std);
    t.for_each_in_memory_order([s](float& x) { x = x * s; });
    call.record(t, Distribution::trunc_normal(0., std, -2 * std, 2 * std));
  } else if (distribution == "untruncated_normal") {
    normal_std(call, t, std::sqrt(detail::py_div(scale, n)), gen);
  } else if (distribution == "uniform") {
    uniform_bound(call, t, std::sqrt(detail::py_div(3.0 * scale, n)), gen);
  } else {
    raise(ErrorKind::ValueError,
          "Distribution " + std::string(distribution) +
              " not supported, please use one of truncated_normal, untruncated_normal, uniform");
  }
  return t;
}

}  // namespace

Tensor& xavier_uniform_(Tensor& t, double gain, Generator& gen) {
  const InitCall call("xavier_uniform_");
  uniform_bound(call, t, std::sqrt(3.0) * xavier_std(t, gain), gen);
  return t;
}

Tensor& xavier_normal_(Tensor& t, double gain, Generator& gen) {
  const InitCall call("xavier_normal_");
  normal_std(call, t, xavier_std(t, gain), gen);
  return t;
}

Tensor& kaiming_uniform_(Tensor& t, double a, std::string_view mode,
                         std::string_view nonlinearity, Generator& gen) {
  const InitCall call("kaiming_uniform_");
  if (is_zero_element(t)) return t;
  uniform_bound(call, t, std::sqrt(3.0) * kaiming_std(t, a, mode, nonlinearity), gen);
  return t;
}

Tensor& kaiming_normal_(Tensor& t, double a, std::string_view mode,
                        std::string_view nonlinearity, Generator& gen) {
  const InitCall call("kaiming_normal_");
  if (is_zero_element(t)) return t;
  normal_std(call, t, kaiming_std(t, a, mode, nonlinearity), gen);
  return t;
}

Tensor& variance_scaling_(Tensor& t, double scale, std::string_view mode,
                          std::string_view distribution, Generator& gen) {
  return variance_scaling("variance_scaling_", t, scale, mode, distribution, gen);
}

Tensor& lecun_uniform_(Tensor& t, Generator& gen) {
  return variance_scaling("lecun_uniform_", t, 1.0, "fan_in", "uniform", gen);
}

Tensor& lecun_normal_(Tensor& t, Generator& gen) {
  return variance_scaling("lecun_normal_", t, 1.0, "fan_in", "truncated_normal", gen);
}

}  // namespace initlab::init
