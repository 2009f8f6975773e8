// The LAPACK kernels shared by lapack_like.cpp (QR, bidiagonalization, dgesdd's paths) and
// lapack_dc.cpp (dbdsdc's divide and conquer); lapack_kernels.cpp defines them.
#pragma once

#include <cstdint>
#include <vector>

#include "lapack_like.hpp"

namespace initlab::linalg {

constexpr double kEps = 0x1p-53;        // dlamch('E')
constexpr double kSafeMin = 0x1p-1022;  // dlamch('S')

void scal(int64_t n, double da, double* x, int64_t inc);
// dlarfg: alpha and x (n-1 values) become beta and v(2:n) of H = I - tau v v^T with
// H [alpha; x] = [beta; 0]. No reflection (tau = 0) when x is empty or zero.
void larfg(int64_t n, double& alpha, double* x, int64_t incx, double& tau);
// dlarf('Left'): C (m x n, leading dimension ldc) := (I - tau v v^T) C, v(1) = 1 stored at v.
void larf_left(int64_t m, int64_t n, const double* v, int64_t incv, double tau, double* c, int64_t ldc, std::vector<double>& w);
// dlarf('Right'): C (m x n) := C (I - tau v v^T).
void larf_right(int64_t m, int64_t n, const double* v, int64_t incv, double tau, double* c, int64_t ldc, std::vector<double>& w);
// dlartg (LAPACK 3.10+): c, s, r with [c s; -s c] [f; g] = [r; 0], r carrying f's sign.
void lartg(double f, double g, double& c, double& s, double& r);
// dlas2: the singular values of [f g; 0 h].
void las2(double f, double g, double h, double& ssmin, double& ssmax);
// dlasv2: the SVD of [f g; 0 h] with the rotations' signs as LAPACK chooses them.
void lasv2(double f, double g, double h, double& ssmin, double& ssmax, double& snr, double& csr, double& snl, double& csl);
// dlasr with PIVOT='V': plane rotations (c[j], s[j]) between rows (SIDE='L') or columns ('R')
// j and j+1 of the block at (r0, c0) of a with `rows` x `cols`, forward or backward.
void lasr(bool left, bool forward, int64_t rows, int64_t cols, const double* c, const double* s, ColMajor& a, int64_t r0, int64_t c0);
// drot on rows (of vt) or columns (of u) p and q.
void rot_rows(ColMajor& a, int64_t p, int64_t q, double c, double s);
void rot_cols(ColMajor& a, int64_t p, int64_t q, double c, double s);
// dbdsqr('U') with vectors: the n x n upper bidiagonal (d, e) = U S VT, applied to the given
// u (its n columns) and vt (its first n rows); s sorted decreasing, as dbdsqr leaves it.
bool bdsqr(std::vector<double>& d, std::vector<double>& e, ColMajor& u, ColMajor& vt);
// dbdsdc('U', 'I') (lapack_dc.cpp): u and vt become n x n; dbdsqr up to SMLSIZ = 25, divide and
// conquer (dlasd0) above, and the values sorted decreasing.
bool bdsdc(std::vector<double>& d, std::vector<double>& e, ColMajor& u, ColMajor& vt);

}  // namespace initlab::linalg
