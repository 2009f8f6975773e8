#include "fans.hpp"

#include <cctype>
#include <cmath>
#include <string>

#include "initlab/error.hpp"

namespace initlab::init {

Fans calculate_fan_in_and_fan_out(const Tensor& t) {
  if (t.dim() < 2) {
    raise(ErrorKind::ValueError,
          "Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
  }
  int64_t receptive_field = 1;
  for (int64_t d = 2; d < t.dim(); ++d) receptive_field *= t.size(d);
  return {t.size(1) * receptive_field, t.size(0) * receptive_field};
}

double calculate_gain(std::string_view nonlinearity, std::optional<double> param) {
  if (nonlinearity == "linear" || nonlinearity == "conv1d" || nonlinearity == "conv2d" ||
      nonlinearity == "conv3d" || nonlinearity == "conv_transpose1d" ||
      nonlinearity == "conv_transpose2d" || nonlinearity == "conv_transpose3d" ||
      nonlinearity == "sigmoid") {
    return 1.0;
  }
  if (nonlinearity == "tanh") return 5.0 / 3;
  if (nonlinearity == "relu") return std::sqrt(2.0);
  if (nonlinearity == "leaky_relu") {
    const double slope = param.value_or(0.01);
    return std::sqrt(2.0 / (1 + slope * slope));
  }
  if (nonlinearity == "selu") return 3.0 / 4;
  raise(ErrorKind::ValueError, "Unsupported nonlinearity " + std::string(nonlinearity));
}

namespace detail {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

double py_div(double a, double b) {
  if (b == 0.0) raise(ErrorKind::ZeroDivisionError, "float division by zero");
  return a / b;
}

double correct_fan(const Tensor& t, std::string_view mode) {
  const std::string m = lower(mode);
  if (m != "fan_in" && m != "fan_out") {
    raise(ErrorKind::ValueError,
          "Mode " + m + " not supported, please use one of ['fan_in', 'fan_out']");
  }
  const Fans fans = calculate_fan_in_and_fan_out(t);
  return static_cast<double>(m == "fan_in" ? fans.fan_in : fans.fan_out);
}

}  // namespace detail
}  // namespace initlab::init
