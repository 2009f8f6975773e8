// Shared arithmetic of the fan-based initializers.
#pragma once

#include <string>
#include <string_view>

#include "initlab/init.hpp"

namespace initlab::init::detail {

// PyTorch's _calculate_correct_fan: mode is lower-cased, then must be fan_in or fan_out.
double correct_fan(const Tensor& t, std::string_view mode);

// Python's str.lower() for the ASCII names initializers take.
std::string lower(std::string_view s);

// Python float division, which raises ZeroDivisionError instead of giving inf.
double py_div(double a, double b);

}  // namespace initlab::init::detail
