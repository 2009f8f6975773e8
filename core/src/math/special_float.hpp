// Float special functions whose exact results PyTorch's trunc_normal_ depends on.
// This file must be compiled with -ffp-contract=off (see core/CMakeLists.txt).
#pragma once

namespace initlab::special {

// erf in float with glibc's algorithm (fdlibm's s_erff.c as glibc ships it), because
// PyTorch on Linux calls glibc's erff, and Emscripten's musl erff differs on ~1% of inputs.
float erff(float x);

// PyTorch's calc_erfinv<float> (ATen/native/Math.h): a rational first guess whose
// polynomials GCC fuses under -mfma, then two Newton steps.
float erfinv(float y);

}  // namespace initlab::special
