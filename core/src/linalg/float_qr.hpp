// torch.linalg.qr of a float32 matrix as PyTorch 1.13 computes it on Debian, where it calls
// reference LAPACK 3.11 and reference BLAS (liblapack3, libblas3): sgeqrf then sorgqr, which
// for k = min(m, n) <= 128 run their unblocked forms sgeqr2 and sorg2r (ILAENV's crossover
// NX = 128), over slarfg (snrm2, slapy2, sscal) and slarf (sgemv, sger), all in float32 with
// no fused multiply-adds (the Fortran is built for baseline x86-64). Followed step by step, the
// result is PyTorch's bits; above 128 PyTorch's blocked code (slarft/slarfb) rounds
// differently and this one stays within float32 rounding of it.
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
