// Scalar ports of the Cephes float log and sincos that PyTorch's AVX2 normal_ uses
// (ATen/native/cpu/avx_mathfun.h, after Julien Pommier's sse_mathfun). GCC fuses several of
// their multiply-adds when it compiles PyTorch with -mfma; each std::fma below sits exactly
// where that contraction happens, so the results match PyTorch's bit for bit.
// This file must be compiled with -ffp-contract=off (see core/CMakeLists.txt).
#pragma once

#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

namespace initlab::cephes {

// Natural log for x > 0 (normal_ only ever passes (0, 1]).
float logf(float x);
// sin and cos of x for |x| < 8192 (normal_ passes [0, 2*pi)).
void sincosf(float x, float* s, float* c);

#ifdef __wasm_simd128__
// The same two on four lanes of SIMD128, bit for bit the scalar results: wasm has no fused
// multiply-add, and the scalar path pays for an exact one per step (math::fmaf_exact), which
// made normal_ about 45 ns a value in wasm.
v128_t logf_x4(v128_t x);
void sincosf_x4(v128_t x, v128_t* s, v128_t* c);
#endif

}  // namespace initlab::cephes
