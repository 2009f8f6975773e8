// numpy.linalg's QR and SVD the way numpy gets them from reference LAPACK 3.11 (Debian's
// liblapack3, which python3-numpy links): the same Householder conventions (dlarfg: no
// reflection for an empty or zero sub-column), the same path through dgesdd (QR or LQ first
// when one side is at least 11/6 of the other, upper or lower bidiagonal form otherwise) and
// the same signs for the singular vectors:
//  - bidiagonal problems of size <= 25 (dbdsdc hands them to dbdsqr): dbdsqr's implicit QR
//    iteration, shifts, rotation order and final sign flips, step for step;
//  - larger ones (dbdsdc's divide and conquer, dlasd0..dlasd3): the values come from the same
//    QR iteration, the signs from divide and conquer's last merge, which makes the component of
//    every left singular vector on the middle row (n/2, 0-based) negative (dlasd3 sets it to
//    -1 before normalizing). A singular value that merge deflates keeps a child's sign instead;
//    for matrices with distinct singular values (random ones) that does not happen.
// All matrices are column-major, as LAPACK's.
#pragma once

#include <cstdint>
#include <vector>

namespace initlab::linalg {

struct ColMajor {
  int64_t rows = 0, cols = 0;
  std::vector<double> a;
  ColMajor() = default;
  ColMajor(int64_t r, int64_t c) : rows(r), cols(c), a(static_cast<std::size_t>(r * c), 0.0) {}
  double& operator()(int64_t i, int64_t j) { return a[static_cast<std::size_t>(j * rows + i)]; }
  double operator()(int64_t i, int64_t j) const { return a[static_cast<std::size_t>(j * rows + i)]; }
};

// dgeqrf + dorgqr as numpy.linalg.qr(mode='reduced') calls them: q is m x k, r is k x n,
// k = min(m, n). Unblocked (dgeqr2/dorg2r), which is what LAPACK runs for k <= 128.
struct Qr {
  ColMajor q, r;
};
Qr qr(const ColMajor& a);

// dgesdd(JOBZ='S' or 'A'): u is m x k (or m x m), s has k values, vt is k x n (or n x n).
struct Svd {
  ColMajor u, vt;
  std::vector<double> s;
  bool converged = true;
};
Svd svd(const ColMajor& a, bool full_matrices);

// LAPACK 3.10+'s dnrm2 (Blue's scaled sum of squares) and dlapy2, as LAPACK computes them.
double nrm2(int64_t n, const double* x, int64_t inc);
double lapy2(double x, double y);

}  // namespace initlab::linalg
