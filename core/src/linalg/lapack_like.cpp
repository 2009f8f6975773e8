// Reference LAPACK 3.11's algorithms as numpy.linalg reaches them (see lapack_like.hpp), written
// for initlab in C++; each function names the LAPACK routine whose steps it follows. Built in
// the exact library (no contraction), like the Fortran it follows.
#include "lapack_like.hpp"

#include <algorithm>
#include <cmath>

#include "lapack_internal.hpp"

namespace initlab::linalg {

namespace {

// dgeqr2: a is overwritten by R (upper triangle) and the reflectors (below it).
std::vector<double> geqr2(ColMajor& a) {
  const int64_t m = a.rows, n = a.cols, k = std::min(m, n);
  std::vector<double> tau(static_cast<std::size_t>(k)), w;
  for (int64_t i = 0; i < k; ++i) {
    larfg(m - i, a(i, i), &a(std::min(i + 1, m - 1), i), 1, tau[static_cast<std::size_t>(i)]);
    if (i < n - 1) {
      const double aii = a(i, i);
      a(i, i) = 1.0;
      larf_left(m - i, n - i - 1, &a(i, i), 1, tau[static_cast<std::size_t>(i)], &a(i, i + 1), m, w);
      a(i, i) = aii;
    }
  }
  return tau;
}

// dorg2r: the first `cols` columns of Q = H(1)...H(k) from geqr2's reflectors in a.
ColMajor org2r(const ColMajor& a, const std::vector<double>& tau, int64_t cols) {
  const int64_t m = a.rows, k = static_cast<int64_t>(tau.size());
  ColMajor q(m, cols);
  for (int64_t j = 0; j < std::min(k, cols); ++j)
    for (int64_t i = 0; i < m; ++i) q(i, j) = a(i, j);
  for (int64_t j = k; j < cols; ++j) q(j, j) = 1.0;  // columns past k start as the unit matrix's
  std::vector<double> w;
  for (int64_t i = k - 1; i >= 0; --i) {
    const double t = tau[static_cast<std::size_t>(i)];
    if (i < cols - 1) {
      q(i, i) = 1.0;
      larf_left(m - i, cols - i - 1, &q(i, i), 1, t, &q(i, i + 1), m, w);
    }
    if (i < m - 1) scal(m - i - 1, -t, &q(i + 1, i), 1);
    q(i, i) = 1.0 - t;
    for (int64_t l = 0; l < i; ++l) q(l, i) = 0.0;
  }
  return q;
}

// dgebd2 for m >= n: a = Q B P^T with B upper bidiagonal (d, e); the reflectors of Q stay
// below the diagonal, those of P right of the superdiagonal.
struct Bidiag {
  ColMajor a;
  std::vector<double> d, e, tauq, taup;
};

Bidiag gebd2_upper(ColMajor a) {
  const int64_t m = a.rows, n = a.cols;
  Bidiag b;
  b.d.resize(static_cast<std::size_t>(n));
  b.e.resize(static_cast<std::size_t>(std::max<int64_t>(n - 1, 0)));
  b.tauq.resize(static_cast<std::size_t>(n));
  b.taup.resize(static_cast<std::size_t>(n));
  std::vector<double> w;
  for (int64_t i = 0; i < n; ++i) {
    const auto ui = static_cast<std::size_t>(i);
    larfg(m - i, a(i, i), &a(std::min(i + 1, m - 1), i), 1, b.tauq[ui]);
    b.d[ui] = a(i, i);
    a(i, i) = 1.0;
    if (i < n - 1) larf_left(m - i, n - i - 1, &a(i, i), 1, b.tauq[ui], &a(i, i + 1), m, w);
    a(i, i) = b.d[ui];
    if (i < n - 1) {
      larfg(n - i - 1, a(i, i + 1), &a(i, std::min(i + 2, n - 1)), m, b.taup[ui]);
      b.e[ui] = a(i, i + 1);
      a(i, i + 1) = 1.0;
      larf_right(m - i - 1, n - i - 1, &a(i, i + 1), m, b.taup[ui], &a(i + 1, i + 1), m, w);
      a(i, i + 1) = b.e[ui];
    } else {
      b.taup[ui] = 0.0;
    }
  }
  b.a = std::move(a);
  return b;
}

// C := Q C with Q = H(1)...H(k) of gebd2_upper (dormbr('Q', 'L', 'N')).
void apply_q_left(const Bidiag& b, ColMajor& c) {
  std::vector<double> w;
  const int64_t m = b.a.rows;
  ColMajor& a = const_cast<ColMajor&>(b.a);
  for (int64_t i = static_cast<int64_t>(b.tauq.size()) - 1; i >= 0; --i) {
    const double aii = a(i, i);
    a(i, i) = 1.0;
    larf_left(m - i, c.cols, &a(i, i), 1, b.tauq[static_cast<std::size_t>(i)], &c(i, 0), c.rows, w);
    a(i, i) = aii;
  }
}

// C := C P^T (dormbr('P', 'R', 'T')): P^T = G(k)...G(1), G(k) applied first.
void apply_pt_right(const Bidiag& b, ColMajor& c) {
  std::vector<double> w;
  const int64_t n = b.a.cols, lda = b.a.rows;
  ColMajor& a = const_cast<ColMajor&>(b.a);
  for (int64_t i = n - 2; i >= 0; --i) {
    const double e = a(i, i + 1);
    a(i, i + 1) = 1.0;
    larf_right(c.rows, n - i - 1, &a(i, i + 1), lda, b.taup[static_cast<std::size_t>(i)], &c(0, i + 1), c.rows, w);
    a(i, i + 1) = e;
  }
}

// dgelq2: a is overwritten by L (lower triangle) and the row reflectors (right of it).
std::vector<double> gelq2(ColMajor& a) {
  const int64_t m = a.rows, n = a.cols, k = std::min(m, n);
  std::vector<double> tau(static_cast<std::size_t>(k)), w;
  for (int64_t i = 0; i < k; ++i) {
    larfg(n - i, a(i, i), &a(i, std::min(i + 1, n - 1)), m, tau[static_cast<std::size_t>(i)]);
    if (i < m - 1) {
      const double aii = a(i, i);
      a(i, i) = 1.0;
      larf_right(m - i - 1, n - i, &a(i, i), m, tau[static_cast<std::size_t>(i)], &a(i + 1, i), m, w);
      a(i, i) = aii;
    }
  }
  return tau;
}

// dorgl2: the first `rows` rows of Q = H(k)...H(1) from gelq2's reflectors in a (m x n).
ColMajor orgl2(const ColMajor& a, const std::vector<double>& tau, int64_t rows) {
  const int64_t n = a.cols, k = static_cast<int64_t>(tau.size());
  ColMajor q(rows, n);
  for (int64_t j = 0; j < n; ++j)
    for (int64_t i = 0; i < std::min(k, rows); ++i) q(i, j) = a(i, j);
  for (int64_t j = k; j < std::min(rows, n); ++j) q(j, j) = 1.0;  // rows past k start as the unit matrix's
  std::vector<double> w;
  for (int64_t i = k - 1; i >= 0; --i) {
    const double t = tau[static_cast<std::size_t>(i)];
    if (i < n - 1) {
      if (i < rows - 1) {
        q(i, i) = 1.0;
        larf_right(rows - i - 1, n - i, &q(i, i), rows, t, &q(i + 1, i), rows, w);
      }
      scal(n - i - 1, -t, &q(i, i + 1), rows);
    }
    q(i, i) = 1.0 - t;
    for (int64_t l = 0; l < i; ++l) q(i, l) = 0.0;
  }
  return q;
}

// dgebd2 for m < n: a = Q B P^T with B lower bidiagonal (d on the diagonal, e below it); the
// reflectors of P stay right of the diagonal, those of Q below the subdiagonal.
Bidiag gebd2_lower(ColMajor a) {
  const int64_t m = a.rows, n = a.cols;
  Bidiag b;
  b.d.resize(static_cast<std::size_t>(m));
  b.e.resize(static_cast<std::size_t>(std::max<int64_t>(m - 1, 0)));
  b.tauq.resize(static_cast<std::size_t>(m));
  b.taup.resize(static_cast<std::size_t>(m));
  std::vector<double> w;
  for (int64_t i = 0; i < m; ++i) {
    const auto ui = static_cast<std::size_t>(i);
    larfg(n - i, a(i, i), &a(i, std::min(i + 1, n - 1)), m, b.taup[ui]);
    b.d[ui] = a(i, i);
    a(i, i) = 1.0;
    if (i < m - 1) larf_right(m - i - 1, n - i, &a(i, i), m, b.taup[ui], &a(i + 1, i), m, w);
    a(i, i) = b.d[ui];
    if (i < m - 1) {
      larfg(m - i - 1, a(i + 1, i), &a(std::min(i + 2, m - 1), i), 1, b.tauq[ui]);
      b.e[ui] = a(i + 1, i);
      a(i + 1, i) = 1.0;
      larf_left(m - i - 1, n - i - 1, &a(i + 1, i), 1, b.tauq[ui], &a(i + 1, i + 1), m, w);
      a(i + 1, i) = b.e[ui];
    } else {
      b.tauq[ui] = 0.0;
    }
  }
  b.a = std::move(a);
  return b;
}

// For gebd2_lower: C := Q C (dormbr('Q', 'L', 'N') with its m - 1 reflectors), and
// C := C P^T (dormbr('P', 'R', 'T'), G(m) applied first).
void apply_lower_q_left(const Bidiag& b, ColMajor& c) {
  std::vector<double> w;
  const int64_t m = b.a.rows;
  ColMajor& a = const_cast<ColMajor&>(b.a);
  for (int64_t i = m - 2; i >= 0; --i) {
    const double e = a(i + 1, i);
    a(i + 1, i) = 1.0;
    larf_left(m - i - 1, c.cols, &a(i + 1, i), 1, b.tauq[static_cast<std::size_t>(i)], &c(i + 1, 0), c.rows, w);
    a(i + 1, i) = e;
  }
}

void apply_lower_pt_right(const Bidiag& b, ColMajor& c) {
  std::vector<double> w;
  const int64_t m = b.a.rows, n = b.a.cols;
  ColMajor& a = const_cast<ColMajor&>(b.a);
  for (int64_t i = m - 1; i >= 0; --i) {
    const double d = a(i, i);
    a(i, i) = 1.0;
    larf_right(c.rows, n - i, &a(i, i), m, b.taup[static_cast<std::size_t>(i)], &c(0, i), c.rows, w);
    a(i, i) = d;
  }
}

ColMajor matmul(const ColMajor& a, const ColMajor& b) {
  ColMajor c(a.rows, b.cols);
  for (int64_t j = 0; j < b.cols; ++j)
    for (int64_t l = 0; l < a.cols; ++l) {
      const double t = b(l, j);
      for (int64_t i = 0; i < a.rows; ++i) c(i, j) += t * a(i, l);
    }
  return c;
}

// The SVD of a with m >= n (dgesdd paths 2-5, JOBZ = 'S' or 'A').
Svd svd_tall(const ColMajor& a, bool full) {
  const int64_t m = a.rows, n = a.cols;
  Svd out;
  const auto mnthr = static_cast<int64_t>(static_cast<double>(n) * 11.0 / 6.0);
  if (m >= mnthr && m > n) {
    // QR first, then the bidiagonal form of R.
    ColMajor qr = a;
    const std::vector<double> tau = geqr2(qr);
    ColMajor r(n, n);
    for (int64_t j = 0; j < n; ++j)
      for (int64_t i = 0; i <= j; ++i) r(i, j) = qr(i, j);
    const ColMajor q = org2r(qr, tau, full ? m : n);
    Bidiag b = gebd2_upper(r);
    ColMajor ub, vtb;
    out.converged = bdsdc(b.d, b.e, ub, vtb);
    apply_q_left(b, ub);
    apply_pt_right(b, vtb);
    ColMajor qn(m, n);
    for (int64_t j = 0; j < n; ++j)
      for (int64_t i = 0; i < m; ++i) qn(i, j) = q(i, j);
    const ColMajor un = matmul(qn, ub);
    out.u = ColMajor(m, full ? m : n);
    for (int64_t j = 0; j < out.u.cols; ++j)
      for (int64_t i = 0; i < m; ++i) out.u(i, j) = j < n ? un(i, j) : q(i, j);
    out.vt = vtb;
    out.s = b.d;
    return out;
  }
  Bidiag b = gebd2_upper(a);
  ColMajor ub, vtb;
  out.converged = bdsdc(b.d, b.e, ub, vtb);
  out.u = ColMajor(m, full ? m : n);
  for (int64_t j = 0; j < n; ++j)
    for (int64_t i = 0; i < n; ++i) out.u(i, j) = ub(i, j);
  for (int64_t j = n; j < out.u.cols; ++j) out.u(j, j) = 1.0;
  apply_q_left(b, out.u);
  apply_pt_right(b, vtb);
  out.vt = vtb;
  out.s = b.d;
  return out;
}

// m < n (dgesdd paths 2t-5t): LQ first when n >= 11/6 m (then the square L is bidiagonalized
// upper), else the lower bidiagonal form, which dbdsdc turns upper by rotations from the left.
Svd svd_wide(const ColMajor& a, bool full) {
  const int64_t m = a.rows, n = a.cols;
  Svd out;
  const auto mnthr = static_cast<int64_t>(static_cast<double>(m) * 11.0 / 6.0);
  if (n >= mnthr) {
    ColMajor lq = a;
    const std::vector<double> tau = gelq2(lq);
    ColMajor l(m, m);
    for (int64_t j = 0; j < m; ++j)
      for (int64_t i = j; i < m; ++i) l(i, j) = lq(i, j);
    const ColMajor q = orgl2(lq, tau, full ? n : m);  // (m or n) x n, orthonormal rows
    Bidiag b = gebd2_upper(l);
    ColMajor ub, vtb;
    out.converged = bdsdc(b.d, b.e, ub, vtb);
    apply_q_left(b, ub);
    apply_pt_right(b, vtb);
    ColMajor qm(m, n);
    for (int64_t i = 0; i < m; ++i)
      for (int64_t j = 0; j < n; ++j) qm(i, j) = q(i, j);
    const ColMajor vm = matmul(vtb, qm);
    out.vt = ColMajor(full ? n : m, n);
    for (int64_t i = 0; i < out.vt.rows; ++i)
      for (int64_t j = 0; j < n; ++j) out.vt(i, j) = i < m ? vm(i, j) : q(i, j);
    out.u = ub;
    out.s = b.d;
    return out;
  }
  Bidiag b = gebd2_lower(a);
  std::vector<double> d = b.d, e = b.e;
  // dbdsdc('L'): rotate to upper bidiagonal from the left, remembering (c, -s).
  std::vector<double> cs(static_cast<std::size_t>(std::max<int64_t>(m - 1, 0))), sn(cs.size());
  for (int64_t i = 0; i + 1 < m; ++i) {
    const auto ui = static_cast<std::size_t>(i);
    double c, s, r;
    lartg(d[ui], e[ui], c, s, r);
    d[ui] = r;
    e[ui] = s * d[ui + 1];
    d[ui + 1] = c * d[ui + 1];
    cs[ui] = c;
    sn[ui] = -s;
  }
  ColMajor ub, vtb;
  out.converged = bdsdc(d, e, ub, vtb);
  if (m > 1) lasr(true, false, m, m, cs.data(), sn.data(), ub, 0, 0);
  apply_lower_q_left(b, ub);
  out.u = ub;
  out.vt = ColMajor(full ? n : m, n);
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < m; ++j) out.vt(i, j) = vtb(i, j);
  for (int64_t i = m; i < out.vt.rows; ++i) out.vt(i, i) = 1.0;
  apply_lower_pt_right(b, out.vt);
  out.s = d;
  return out;
}

}  // namespace

Qr qr(const ColMajor& a) {
  ColMajor work = a;
  const std::vector<double> tau = geqr2(work);
  const int64_t k = std::min(a.rows, a.cols);
  Qr out;
  out.r = ColMajor(k, a.cols);
  for (int64_t j = 0; j < a.cols; ++j)
    for (int64_t i = 0; i <= std::min(j, k - 1); ++i) out.r(i, j) = work(i, j);
  out.q = org2r(work, tau, k);
  return out;
}

Svd svd(const ColMajor& a, bool full_matrices) {
  if (a.rows >= a.cols) return svd_tall(a, full_matrices);
  return svd_wide(a, full_matrices);
}

}  // namespace initlab::linalg
