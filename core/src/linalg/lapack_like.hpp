// numpy.linalg's QR and SVD the way numpy gets them from reference LAPACK 3.11 (Debian's
// liblapack3, which python3-numpy links): the same Householder conventions (dlarfg: no
// reflection for an empty or zero sub-column), the same path through dgesdd (QR or LQ first
// when one side is at least 11/6 of the other, upper or lower bidiagonal form otherwise) and
// the same signs for the singular vectors: bidiagonal problems of up to 25 rows go through
// dbdsqr's implicit QR iteration (shifts, rotation order, final sign flips) step by step, larger
// ones through dbdsdc's divide and conquer (lapack_dc.cpp: dlasdq leaves, dlasd1-dlasd3 merges
// with their deflation and -1 middle-row convention); only the secular equation's roots are
// found differently (bisection to the last bit instead of dlasd4's rational iteration).
// Where LAPACK runs unblocked code (QR with k <= 128 columns, bidiagonalization below 128) the
// arithmetic is LAPACK's, so QR and the SVD of small tall matrices are numpy's bits; wide ones
// (their LQ is done as the QR of the transpose) and larger ones agree within a few ulps
// (LAPACK's blocked dlabrd/dlarfb round differently), always with the same signs.
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
