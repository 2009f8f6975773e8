// The one SIMD type the kernels use: xsimd's best batch for this build's target.
#pragma once

#include <xsimd/xsimd.hpp>

namespace initlab::kernels {

using fbatch = xsimd::batch<float>;
constexpr int64_t W = static_cast<int64_t>(fbatch::size);

}  // namespace initlab::kernels
