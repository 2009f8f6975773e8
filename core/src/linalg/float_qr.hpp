// torch.linalg.qr of a float32 matrix as PyTorch 1.13 computes it on Debian, where it calls
// reference LAPACK 3.11 and reference BLAS (liblapack3, libblas3): sgeqrf then sorgqr with the
// optimal workspace. For k = min(m, n) <= 128 (ILAENV's crossover NX) they run their unblocked
// forms sgeqr2 and sorg2r over slarfg (snrm2, slapy2, sscal) and slarf (sgemv, sger); above,
// blocks of NB = 32 columns through slarft (sgemv, strmv) and slarfb (strmm, sgemm) first. All
// in float32 with no fused multiply-adds (the Fortran is built for baseline x86-64), each BLAS
// loop in the reference order: the result is PyTorch's bits (checked up to 784 x 256 and
// 256 x 2304 against Debian's python3-torch).
#pragma once

#include <cstdint>
#include <vector>

namespace initlab::linalg {

struct FloatQr {
  std::vector<float> q;       // m x k, column-major (LAPACK's layout)
  std::vector<float> r_diag;  // R's k diagonal entries
};

// a: m x n, column-major.
FloatQr float_qr(std::vector<float> a, int64_t m, int64_t n);

}  // namespace initlab::linalg
