// dbdsdc('U', 'I'): the SVD of an upper bidiagonal matrix as dgesdd (numpy.linalg.svd) gets it
// from reference LAPACK 3.11: dbdsqr-based leaves of at most 25 rows (dlasdq), merged pairwise
// up a tree (dlasdt, dlasd0) by Gu and Eisenstat's divide and conquer (dlasd1-dlasd3), with
// its deflation tests, orderings and sign conventions step by step, so the singular vectors
// come out with LAPACK's signs. One part is initlab's own: the secular equation's roots
// (LAPACK's dlasd4/dlasd5) are found by bisection to the last bit, which gives the same
// roots within an ulp or so.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "lapack_internal.hpp"

namespace initlab::linalg {

namespace {

constexpr int64_t kSmlSiz = 25;  // ilaenv(9, 'DBDSDC')

// A block of a column-major matrix, indexed from 1 as LAPACK indexes it.
struct Blk {
  ColMajor* m;
  int64_t r0, c0;
  double& operator()(int64_t i, int64_t j) const { return (*m)(r0 + i - 1, c0 + j - 1); }
};

// dlascl('G') on a vector: x := x * (cto / cfrom), in the steps dlascl takes to stay in range.
void lascl(double cfrom, double cto, double* x, int64_t n) {
  const double smlnum = kSafeMin, bignum = 1.0 / smlnum;
  double cfromc = cfrom, ctoc = cto;
  bool done = false;
  while (!done) {
    const double cfrom1 = cfromc * smlnum;
    double mul;
    if (cfrom1 == cfromc) {
      mul = ctoc / cfromc;
      done = true;
    } else {
      const double cto1 = ctoc / bignum;
      if (cto1 == ctoc) {
        mul = ctoc;
        done = true;
        cfromc = 1.0;
      } else if (std::fabs(cfrom1) > std::fabs(ctoc) && ctoc != 0.0) {
        mul = smlnum;
        cfromc = cfrom1;
      } else if (std::fabs(cto1) > std::fabs(cfromc)) {
        mul = bignum;
        ctoc = cto1;
      } else {
        mul = ctoc / cfromc;
        done = true;
        if (mul == 1.0) return;
      }
    }
    for (int64_t i = 0; i < n; ++i) x[i] = x[i] * mul;
  }
}

// dlamrg: the permutation (1-based, into index[0..]) that merges a[0..n1) and a[n1..n1+n2),
// each sorted (ascending for dtrd 1, descending for -1), into ascending order.
void lamrg(int64_t n1, int64_t n2, const double* a, int dtrd1, int dtrd2, int64_t* index) {
  int64_t n1sv = n1, n2sv = n2;
  int64_t ind1 = dtrd1 > 0 ? 1 : n1, ind2 = dtrd2 > 0 ? 1 + n1 : n1 + n2;
  int64_t i = 0;
  while (n1sv > 0 && n2sv > 0) {
    if (a[ind1 - 1] <= a[ind2 - 1]) {
      index[i++] = ind1;
      ind1 += dtrd1;
      --n1sv;
    } else {
      index[i++] = ind2;
      ind2 += dtrd2;
      --n2sv;
    }
  }
  for (; n2sv > 0; --n2sv, ind2 += dtrd2) index[i++] = ind2;
  for (; n1sv > 0; --n1sv, ind1 += dtrd1) index[i++] = ind1;
}

// dlasdq('U', sqre, n, n + sqre, n, 0): u (n x n) and vt ((n + sqre) square) come in as the
// identity. A non-square (sqre = 1) matrix is rotated lower from the right, then back upper
// from the left; then dbdsqr; then the values sorted ascending.
bool lasdq(int sqre, std::vector<double>& d, std::vector<double>& e, ColMajor& u, ColMajor& vt) {
  const int64_t n = static_cast<int64_t>(d.size());
  if (n == 0) return true;
  std::vector<double> work(static_cast<std::size_t>(2 * n + 2));
  const auto D = [&](int64_t i) -> double& { return d[static_cast<std::size_t>(i - 1)]; };
  const auto E = [&](int64_t i) -> double& { return e[static_cast<std::size_t>(i - 1)]; };
  int iuplo = 1;
  double cs, sn, r;
  if (sqre == 1) {
    for (int64_t i = 1; i <= n - 1; ++i) {
      lartg(D(i), E(i), cs, sn, r);
      D(i) = r;
      E(i) = sn * D(i + 1);
      D(i + 1) = cs * D(i + 1);
      work[static_cast<std::size_t>(i - 1)] = cs;
      work[static_cast<std::size_t>(n + i - 1)] = sn;
    }
    lartg(D(n), E(n), cs, sn, r);
    D(n) = r;
    E(n) = 0.0;
    work[static_cast<std::size_t>(n - 1)] = cs;
    work[static_cast<std::size_t>(2 * n - 1)] = sn;
    iuplo = 2;
    lasr(true, true, n + 1, vt.cols, work.data(), work.data() + n, vt, 0, 0);
  }
  if (iuplo == 2) {
    for (int64_t i = 1; i <= n - 1; ++i) {
      lartg(D(i), E(i), cs, sn, r);
      D(i) = r;
      E(i) = sn * D(i + 1);
      D(i + 1) = cs * D(i + 1);
      work[static_cast<std::size_t>(i - 1)] = cs;
      work[static_cast<std::size_t>(n + i - 1)] = sn;
    }
    lasr(false, true, u.rows, n, work.data(), work.data() + n, u, 0, 0);
  }
  const bool ok = bdsqr(d, e, u, vt);
  for (int64_t i = 1; i <= n; ++i) {
    int64_t isub = i;
    double smin = D(i);
    for (int64_t j = i + 1; j <= n; ++j) {
      if (D(j) < smin) {
        isub = j;
        smin = D(j);
      }
    }
    if (isub != i) {
      D(isub) = D(i);
      D(i) = smin;
      for (int64_t c = 0; c < vt.cols; ++c) std::swap(vt(isub - 1, c), vt(i - 1, c));
      for (int64_t c = 0; c < u.rows; ++c) std::swap(u(c, isub - 1), u(c, i - 1));
    }
  }
  return ok;
}

// dlasdt: the tree of subproblems (1-based node arrays; node 1 is the root).
void lasdt(int64_t n, int64_t msub, int64_t& lvl, int64_t& nd, std::vector<int64_t>& inode, std::vector<int64_t>& ndiml,
           std::vector<int64_t>& ndimr) {
  const int64_t maxn = std::max<int64_t>(1, n);
  const double temp = std::log(static_cast<double>(maxn) / static_cast<double>(msub + 1)) / std::log(2.0);
  lvl = static_cast<int64_t>(temp) + 1;
  const std::size_t size = static_cast<std::size_t>(2 * n + 2);
  inode.assign(size, 0);
  ndiml.assign(size, 0);
  ndimr.assign(size, 0);
  int64_t i = n / 2;
  inode[1] = i + 1;
  ndiml[1] = i;
  ndimr[1] = n - i - 1;
  int64_t il = 0, ir = 1, llst = 1;
  for (int64_t nlvl = 1; nlvl <= lvl - 1; ++nlvl) {
    for (i = 0; i <= llst - 1; ++i) {
      il += 2;
      ir += 2;
      const auto ncrnt = static_cast<std::size_t>(llst + i);
      const auto l = static_cast<std::size_t>(il), rr = static_cast<std::size_t>(ir);
      ndiml[l] = ndiml[ncrnt] / 2;
      ndimr[l] = ndiml[ncrnt] - ndiml[l] - 1;
      inode[l] = inode[ncrnt] - ndimr[l] - 1;
      ndiml[rr] = ndimr[ncrnt] / 2;
      ndimr[rr] = ndimr[ncrnt] - ndiml[rr] - 1;
      inode[rr] = inode[ncrnt] + ndiml[rr] + 1;
    }
    llst *= 2;
  }
  nd = llst * 2 - 1;
}

// The i-th root (1-based) of the secular equation 1 + rho * sum_j z_j^2 / (d_j^2 - s^2) = 0,
// d increasing: delta_j = d_j - s and work_j = d_j + s, computed from s^2 = origin^2 + tau
// with origin the nearer pole, as dlasd4 returns them. tau is found by bisecting its bit
// pattern, so the result is the double where the function changes sign.
void secular_root(int64_t k, int64_t i, const double* d, const double* z, double rho, double* delta, double* work, double& sigma) {
  const bool last = i == k;
  const double dlo = d[i - 1];
  double origin, lo, hi;  // tau in [lo, hi]
  const auto f = [&](double o, double tau) {
    double s = 1.0;
    for (int64_t j = 0; j < k; ++j) s += rho * z[j] * z[j] / ((d[j] - o) * (d[j] + o) - tau);
    return s;
  };
  if (last) {
    origin = dlo;
    lo = 0.0;
    hi = rho;
  } else {
    const double dhi = d[i];
    const double half = (dhi - dlo) * (dhi + dlo) / 2.0;
    if (f(dlo, half) >= 0.0) {
      origin = dlo;
      lo = 0.0;
      hi = half;
    } else {
      origin = dhi;
      lo = -half;
      hi = 0.0;
    }
  }
  // Bisection over the doubles between lo and hi (ordered by their bit patterns, which for
  // one sign is the order of the values), excluding the pole at tau = 0.
  const auto bits = [](double x) {
    uint64_t b;
    std::memcpy(&b, &x, 8);
    return b;
  };
  const auto from_bits = [](uint64_t b) {
    double x;
    std::memcpy(&x, &b, 8);
    return x;
  };
  double tau;
  if (lo >= 0.0) {
    uint64_t a = bits(0x1p-1074), b = bits(hi);  // f(a) < 0 at the pole side
    while (b - a > 1) {
      const uint64_t mid = a + (b - a) / 2;
      if (f(origin, from_bits(mid)) < 0.0) a = mid;
      else b = mid;
    }
    tau = std::fabs(f(origin, from_bits(a))) < std::fabs(f(origin, from_bits(b))) ? from_bits(a) : from_bits(b);
  } else {
    // Negative taus: larger bit patterns are more negative; f(-|x|) falls as |x| grows.
    uint64_t a = bits(-0x1p-1074), b = bits(lo);  // f(a) > 0 next to the pole
    while (b - a > 1) {
      const uint64_t mid = a + (b - a) / 2;
      if (f(origin, from_bits(mid)) > 0.0) a = mid;
      else b = mid;
    }
    tau = std::fabs(f(origin, from_bits(a))) < std::fabs(f(origin, from_bits(b))) ? from_bits(a) : from_bits(b);
  }
  sigma = std::sqrt(origin * origin + tau);
  for (int64_t j = 0; j < k; ++j) {
    work[j] = d[j] + sigma;
    delta[j] = ((d[j] - origin) * (d[j] + origin) - tau) / work[j];
  }
}

// dlasd2: deflation. D(1..n) holds the children's values (D(nl+1) = 0), u (n x n) and vt
// (m x m) their vectors; out: k non-deflated values in dsigma with z, the vectors sorted into
// u2/vt2 by column type, the deflated ones at the back of d, u and vt.
struct Merge {
  int64_t k = 0;
  std::vector<double> z, dsigma;
  ColMajor u2, vt2;
  std::vector<int64_t> idxp, idx, idxc, coltyp;
  int64_t ctot[5] = {0, 0, 0, 0, 0};
};

void lasd2(int64_t nl, int64_t nr, int sqre, double* dd, double alpha, double beta, Blk U, Blk VT, int64_t* idxq_p, Merge& g) {
  const int64_t n = nl + nr + 1, m = n + sqre, nlp1 = nl + 1, nlp2 = nl + 2;
  g.z.assign(static_cast<std::size_t>(m + 1), 0.0);
  g.dsigma.assign(static_cast<std::size_t>(n + 1), 0.0);
  g.u2 = ColMajor(n, n);
  g.vt2 = ColMajor(m, m);
  g.idxp.assign(static_cast<std::size_t>(n + 1), 0);
  g.idx.assign(static_cast<std::size_t>(n + 1), 0);
  g.idxc.assign(static_cast<std::size_t>(n + 1), 0);
  g.coltyp.assign(static_cast<std::size_t>(n + 1), 0);
  const auto D = [&](int64_t i) -> double& { return dd[i - 1]; };
  const auto Z = [&](int64_t i) -> double& { return g.z[static_cast<std::size_t>(i)]; };
  const auto DS = [&](int64_t i) -> double& { return g.dsigma[static_cast<std::size_t>(i)]; };
  const auto IDXQ = [&](int64_t i) -> int64_t& { return idxq_p[i - 1]; };
  const auto IDXP = [&](int64_t i) -> int64_t& { return g.idxp[static_cast<std::size_t>(i)]; };
  const auto IDX = [&](int64_t i) -> int64_t& { return g.idx[static_cast<std::size_t>(i)]; };
  const auto IDXC = [&](int64_t i) -> int64_t& { return g.idxc[static_cast<std::size_t>(i)]; };
  const auto CT = [&](int64_t i) -> int64_t& { return g.coltyp[static_cast<std::size_t>(i)]; };
  const auto U2 = [&](int64_t i, int64_t j) -> double& { return g.u2(i - 1, j - 1); };
  const auto VT2 = [&](int64_t i, int64_t j) -> double& { return g.vt2(i - 1, j - 1); };

  const double z1 = alpha * VT(nlp1, nlp1);
  Z(1) = z1;
  for (int64_t i = nl; i >= 1; --i) {
    Z(i + 1) = alpha * VT(i, nlp1);
    D(i + 1) = D(i);
    IDXQ(i + 1) = IDXQ(i) + 1;
  }
  for (int64_t i = nlp2; i <= m; ++i) Z(i) = beta * VT(i, nlp2);
  for (int64_t i = 2; i <= nlp1; ++i) CT(i) = 1;
  for (int64_t i = nlp2; i <= n; ++i) CT(i) = 2;
  for (int64_t i = nlp2; i <= n; ++i) IDXQ(i) += nlp1;
  for (int64_t i = 2; i <= n; ++i) {
    DS(i) = D(IDXQ(i));
    U2(i, 1) = Z(IDXQ(i));
    IDXC(i) = CT(IDXQ(i));
  }
  lamrg(nl, nr, &DS(2), 1, 1, &IDX(2));
  for (int64_t i = 2; i <= n; ++i) {
    const int64_t idxi = 1 + IDX(i);
    D(i) = DS(idxi);
    Z(i) = U2(idxi, 1);
    CT(i) = IDXC(idxi);
  }
  double tol = std::max(std::fabs(alpha), std::fabs(beta));
  tol = 8.0 * kEps * std::max(std::fabs(D(n)), tol);
  int64_t k = 1, k2 = n + 1, jprev = 0;
  bool all_deflated = false;
  int64_t j = 2;
  for (; j <= n; ++j) {
    if (std::fabs(Z(j)) <= tol) {
      --k2;
      IDXP(k2) = j;
      CT(j) = 4;
      if (j == n) {
        all_deflated = true;
        break;
      }
    } else {
      jprev = j;
      break;
    }
  }
  if (!all_deflated) {
    j = jprev;
    while (true) {
      ++j;
      if (j > n) break;
      if (std::fabs(Z(j)) <= tol) {
        --k2;
        IDXP(k2) = j;
        CT(j) = 4;
      } else if (std::fabs(D(j) - D(jprev)) <= tol) {
        // Close values: a rotation makes z(jprev) zero, and jprev deflates.
        double s = Z(jprev), c = Z(j);
        const double tau = lapy2(c, s);
        c = c / tau;
        s = -s / tau;
        Z(j) = tau;
        Z(jprev) = 0.0;
        int64_t idxjp = IDXQ(IDX(jprev) + 1), idxj = IDXQ(IDX(j) + 1);
        if (idxjp <= nlp1) --idxjp;
        if (idxj <= nlp1) --idxj;
        for (int64_t r = 1; r <= n; ++r) {
          const double temp = c * U(r, idxjp) + s * U(r, idxj);
          U(r, idxj) = c * U(r, idxj) - s * U(r, idxjp);
          U(r, idxjp) = temp;
        }
        for (int64_t cc = 1; cc <= m; ++cc) {
          const double temp = c * VT(idxjp, cc) + s * VT(idxj, cc);
          VT(idxj, cc) = c * VT(idxj, cc) - s * VT(idxjp, cc);
          VT(idxjp, cc) = temp;
        }
        if (CT(j) != CT(jprev)) CT(j) = 3;
        CT(jprev) = 4;
        --k2;
        IDXP(k2) = jprev;
        jprev = j;
      } else {
        ++k;
        U2(k, 1) = Z(jprev);
        DS(k) = D(jprev);
        IDXP(k) = jprev;
        jprev = j;
      }
    }
    ++k;
    U2(k, 1) = Z(jprev);
    DS(k) = D(jprev);
    IDXP(k) = jprev;
  }
  int64_t ctot[5] = {0, 0, 0, 0, 0};
  for (int64_t jj = 2; jj <= n; ++jj) ++ctot[CT(jj)];
  int64_t psm[5] = {0, 2, 2 + ctot[1], 0, 0};
  psm[3] = psm[2] + ctot[2];
  psm[4] = psm[3] + ctot[3];
  for (int64_t jj = 2; jj <= n; ++jj) {
    const int64_t jp = IDXP(jj), ct = CT(jp);
    IDXC(psm[ct]) = jj;
    ++psm[ct];
  }
  for (int64_t jj = 2; jj <= n; ++jj) {
    const int64_t jp = IDXP(jj);
    DS(jj) = D(jp);
    int64_t idxj = IDXQ(IDX(IDXP(IDXC(jj))) + 1);
    if (idxj <= nlp1) --idxj;
    for (int64_t r = 1; r <= n; ++r) U2(r, jj) = U(r, idxj);
    for (int64_t cc = 1; cc <= m; ++cc) VT2(jj, cc) = VT(idxj, cc);
  }
  DS(1) = 0.0;
  const double hlftol = tol / 2.0;
  if (std::fabs(DS(2)) <= hlftol) DS(2) = hlftol;
  double c = 1.0, s = 0.0;
  if (m > n) {
    Z(1) = lapy2(z1, Z(m));
    if (Z(1) <= tol) {
      c = 1.0;
      s = 0.0;
      Z(1) = tol;
    } else {
      c = z1 / Z(1);
      s = Z(m) / Z(1);
    }
  } else {
    Z(1) = std::fabs(z1) <= tol ? tol : z1;
  }
  for (int64_t i = 2; i <= k; ++i) Z(i) = U2(i, 1);
  for (int64_t r = 1; r <= n; ++r) U2(r, 1) = 0.0;
  U2(nlp1, 1) = 1.0;
  if (m > n) {
    for (int64_t i = 1; i <= nlp1; ++i) {
      VT(m, i) = -s * VT(nlp1, i);
      VT2(1, i) = c * VT(nlp1, i);
    }
    for (int64_t i = nlp2; i <= m; ++i) {
      VT2(1, i) = s * VT(m, i);
      VT(m, i) = c * VT(m, i);
    }
  } else {
    for (int64_t cc = 1; cc <= m; ++cc) VT2(1, cc) = VT(nlp1, cc);
  }
  if (m > n)
    for (int64_t cc = 1; cc <= m; ++cc) VT2(m, cc) = VT(m, cc);
  if (n > k) {
    for (int64_t i = k + 1; i <= n; ++i) D(i) = DS(i);
    for (int64_t jj = k + 1; jj <= n; ++jj)
      for (int64_t r = 1; r <= n; ++r) U(r, jj) = U2(r, jj);
    for (int64_t i = k + 1; i <= n; ++i)
      for (int64_t cc = 1; cc <= m; ++cc) VT(i, cc) = VT2(i, cc);
  }
  g.k = k;
  for (int t = 1; t <= 4; ++t) g.ctot[t] = ctot[t];
}

// dlasd3: the merged problem's singular values from the secular equation, and its vectors:
// the left ones with -1 at the middle row before normalizing (the sign convention), both
// multiplied into the children's.
bool lasd3(int64_t nl, int64_t nr, int sqre, double* dd, Blk U, Blk VT, Merge& g) {
  const int64_t n = nl + nr + 1, m = n + sqre, nlp1 = nl + 1, k = g.k;
  const auto D = [&](int64_t i) -> double& { return dd[i - 1]; };
  const auto Z = [&](int64_t i) -> double& { return g.z[static_cast<std::size_t>(i)]; };
  const auto DS = [&](int64_t i) -> double& { return g.dsigma[static_cast<std::size_t>(i)]; };
  const auto IDXC = [&](int64_t i) -> int64_t { return g.idxc[static_cast<std::size_t>(i)]; };
  const auto U2 = [&](int64_t i, int64_t j) -> double& { return g.u2(i - 1, j - 1); };
  const auto VT2 = [&](int64_t i, int64_t j) -> double& { return g.vt2(i - 1, j - 1); };
  if (k == 1) {
    D(1) = std::fabs(Z(1));
    for (int64_t cc = 1; cc <= m; ++cc) VT(1, cc) = VT2(1, cc);
    for (int64_t r = 1; r <= n; ++r) U(r, 1) = Z(1) > 0.0 ? U2(r, 1) : -U2(r, 1);
    return true;
  }
  std::vector<double> qcopy(static_cast<std::size_t>(k + 1));
  for (int64_t i = 1; i <= k; ++i) qcopy[static_cast<std::size_t>(i)] = Z(i);
  const double rho0 = nrm2(k, &Z(1), 1);
  lascl(rho0, 1.0, &Z(1), k);
  const double rho = rho0 * rho0;
  // u(i, j) = dsigma_i - sigma_j and vt(i, j) = dsigma_i + sigma_j, as dlasd4 leaves them.
  ColMajor du(k, k), dv(k, k);
  for (int64_t jj = 1; jj <= k; ++jj) secular_root(k, jj, &DS(1), &Z(1), rho, &du(0, jj - 1), &dv(0, jj - 1), D(jj));
  for (int64_t i = 1; i <= k; ++i) {
    double zi = du(i - 1, k - 1) * dv(i - 1, k - 1);
    for (int64_t jj = 1; jj <= i - 1; ++jj)
      zi = zi * (du(i - 1, jj - 1) * dv(i - 1, jj - 1) / (DS(i) - DS(jj)) / (DS(i) + DS(jj)));
    for (int64_t jj = i; jj <= k - 1; ++jj)
      zi = zi * (du(i - 1, jj - 1) * dv(i - 1, jj - 1) / (DS(i) - DS(jj + 1)) / (DS(i) + DS(jj + 1)));
    Z(i) = std::copysign(std::sqrt(std::fabs(zi)), qcopy[static_cast<std::size_t>(i)]);
  }
  ColMajor q(k, k);
  for (int64_t i = 1; i <= k; ++i) {
    dv(0, i - 1) = Z(1) / du(0, i - 1) / dv(0, i - 1);
    du(0, i - 1) = -1.0;
    for (int64_t jj = 2; jj <= k; ++jj) {
      dv(jj - 1, i - 1) = Z(jj) / du(jj - 1, i - 1) / dv(jj - 1, i - 1);
      du(jj - 1, i - 1) = DS(jj) * dv(jj - 1, i - 1);
    }
    const double temp = nrm2(k, &du(0, i - 1), 1);
    q(0, i - 1) = du(0, i - 1) / temp;
    for (int64_t jj = 2; jj <= k; ++jj) q(jj - 1, i - 1) = du(IDXC(jj) - 1, i - 1) / temp;
  }
  // U = U2(:, 1:k) Q (the zero blocks of U2 add exact zeros).
  for (int64_t jj = 1; jj <= k; ++jj)
    for (int64_t r = 1; r <= n; ++r) {
      double acc = 0.0;
      for (int64_t l = 1; l <= k; ++l) acc += U2(r, l) * q(l - 1, jj - 1);
      U(r, jj) = acc;
    }
  (void)nlp1;
  ColMajor qv(k, k);
  for (int64_t i = 1; i <= k; ++i) {
    const double temp = nrm2(k, &dv(0, i - 1), 1);
    qv(i - 1, 0) = dv(0, i - 1) / temp;
    for (int64_t jj = 2; jj <= k; ++jj) qv(i - 1, jj - 1) = dv(IDXC(jj) - 1, i - 1) / temp;
  }
  for (int64_t cc = 1; cc <= m; ++cc)
    for (int64_t i = 1; i <= k; ++i) {
      double acc = 0.0;
      for (int64_t l = 1; l <= k; ++l) acc += qv(i - 1, l - 1) * VT2(l, cc);
      VT(i, cc) = acc;
    }
  return true;
}

// dlasd1: merge two solved children through the row (alpha, beta) between them.
bool lasd1(int64_t nl, int64_t nr, int sqre, double* dd, double alpha, double beta, Blk U, Blk VT, int64_t* idxq) {
  const int64_t n = nl + nr + 1;
  double orgnrm = std::max(std::fabs(alpha), std::fabs(beta));
  dd[nl] = 0.0;
  for (int64_t i = 0; i < n; ++i) orgnrm = std::max(orgnrm, std::fabs(dd[i]));
  lascl(orgnrm, 1.0, dd, n);
  alpha = alpha / orgnrm;
  beta = beta / orgnrm;
  Merge g;
  lasd2(nl, nr, sqre, dd, alpha, beta, U, VT, idxq, g);
  const bool ok = lasd3(nl, nr, sqre, dd, U, VT, g);
  lascl(1.0, orgnrm, dd, n);
  lamrg(g.k, n - g.k, dd, 1, -1, idxq);
  return ok;
}

// dlasd0: leaves by dlasdq, then merges bottom-up, on the block of u (n x n) and vt
// ((n + sqre) square) at `at`.
bool lasd0(int64_t n, int sqre, double* d, double* e, ColMajor& u, ColMajor& vt, int64_t at) {
  const auto leaf = [&](int64_t start, int64_t size, int sq) {
    std::vector<double> ld(d + start - 1, d + start - 1 + size), le(static_cast<std::size_t>(size), 0.0);
    for (int64_t i = 0; i < size - 1 + sq; ++i) le[static_cast<std::size_t>(i)] = e[start - 1 + i];
    ColMajor lu(size, size), lvt(size + sq, size + sq);
    for (int64_t i = 0; i < size; ++i) lu(i, i) = 1.0;
    for (int64_t i = 0; i < size + sq; ++i) lvt(i, i) = 1.0;
    const bool ok = lasdq(sq, ld, le, lu, lvt);
    for (int64_t i = 0; i < size; ++i) d[start - 1 + i] = ld[static_cast<std::size_t>(i)];
    for (int64_t i = 0; i < size - 1 + sq; ++i) e[start - 1 + i] = le[static_cast<std::size_t>(i)];
    for (int64_t c = 0; c < size; ++c)
      for (int64_t r = 0; r < size; ++r) u(at + start - 1 + r, at + start - 1 + c) = lu(r, c);
    for (int64_t c = 0; c < size + sq; ++c)
      for (int64_t r = 0; r < size + sq; ++r) vt(at + start - 1 + r, at + start - 1 + c) = lvt(r, c);
    return ok;
  };
  if (n <= kSmlSiz) return leaf(1, n, sqre);
  int64_t nlvl = 0, nd = 0;
  std::vector<int64_t> inode, ndiml, ndimr;
  lasdt(n, kSmlSiz, nlvl, nd, inode, ndiml, ndimr);
  std::vector<int64_t> idxq(static_cast<std::size_t>(n + 1), 0);  // idxq[1..n]
  bool ok = true;
  const int64_t ndb1 = (nd + 1) / 2;
  for (int64_t i = ndb1; i <= nd; ++i) {
    const auto ui = static_cast<std::size_t>(i);
    const int64_t ic = inode[ui], nl = ndiml[ui], nr = ndimr[ui], nlf = ic - nl, nrf = ic + 1;
    ok = leaf(nlf, nl, 1) && ok;
    for (int64_t j = 1; j <= nl; ++j) idxq[static_cast<std::size_t>(nlf - 1 + j)] = j;
    const int sqrei = i == nd ? sqre : 1;
    ok = leaf(nrf, nr, sqrei) && ok;
    for (int64_t j = 1; j <= nr; ++j) idxq[static_cast<std::size_t>(ic + j)] = j;
  }
  for (int64_t lvl = nlvl; lvl >= 1; --lvl) {
    const int64_t lf = lvl == 1 ? 1 : (int64_t{1} << (lvl - 1));
    const int64_t ll = lvl == 1 ? 1 : 2 * lf - 1;
    for (int64_t i = lf; i <= ll; ++i) {
      const auto ui = static_cast<std::size_t>(i);
      const int64_t ic = inode[ui], nl = ndiml[ui], nr = ndimr[ui], nlf = ic - nl;
      const int sqrei = sqre == 0 && i == ll ? sqre : 1;
      const double alpha = d[ic - 1], beta = e[ic - 1];
      ok = lasd1(nl, nr, sqrei, d + nlf - 1, alpha, beta, Blk{&u, at + nlf - 1, at + nlf - 1}, Blk{&vt, at + nlf - 1, at + nlf - 1},
                 &idxq[static_cast<std::size_t>(nlf)]) && ok;
    }
  }
  return ok;
}

}  // namespace

bool bdsdc(std::vector<double>& d, std::vector<double>& e, ColMajor& u, ColMajor& vt) {
  const int64_t n = static_cast<int64_t>(d.size());
  u = ColMajor(n, n);
  vt = ColMajor(n, n);
  for (int64_t i = 0; i < n; ++i) u(i, i) = vt(i, i) = 1.0;
  if (n == 0) return true;
  if (n == 1) {
    u(0, 0) = std::copysign(1.0, d[0]);
    d[0] = std::fabs(d[0]);
    return true;
  }
  bool ok = true;
  if (n <= kSmlSiz) {
    std::vector<double> ee = e;
    ok = lasdq(0, d, ee, u, vt);
  } else {
    double orgnrm = 0.0;  // dlanst('M')
    for (double x : d) orgnrm = std::max(orgnrm, std::fabs(x));
    for (double x : e) orgnrm = std::max(orgnrm, std::fabs(x));
    if (orgnrm == 0.0) return true;
    lascl(orgnrm, 1.0, d.data(), n);
    lascl(orgnrm, 1.0, e.data(), n - 1);
    const double eps = 0.9 * kEps;
    for (double& x : d)
      if (std::fabs(x) < eps) x = std::copysign(eps, x);
    int64_t start = 1;
    for (int64_t i = 1; i <= n - 1; ++i) {
      const double ei = std::fabs(e[static_cast<std::size_t>(i - 1)]);
      if (!(ei < eps || i == n - 1)) continue;
      int64_t nsize;
      if (i < n - 1) {
        nsize = i - start + 1;
      } else if (ei >= eps) {
        nsize = n - start + 1;
      } else {
        nsize = i - start + 1;
        u(n - 1, n - 1) = std::copysign(1.0, d[static_cast<std::size_t>(n - 1)]);
        vt(n - 1, n - 1) = 1.0;
        d[static_cast<std::size_t>(n - 1)] = std::fabs(d[static_cast<std::size_t>(n - 1)]);
      }
      ok = lasd0(nsize, 0, d.data() + start - 1, e.data() + start - 1, u, vt, start - 1) && ok;
      start = i + 1;
    }
    lascl(1.0, orgnrm, d.data(), n);
  }
  // Selection sort, decreasing, as dbdsdc finishes.
  for (int64_t ii = 2; ii <= n; ++ii) {
    const int64_t i = ii - 1;
    int64_t kk = i;
    double p = d[static_cast<std::size_t>(i - 1)];
    for (int64_t j = ii; j <= n; ++j) {
      if (d[static_cast<std::size_t>(j - 1)] > p) {
        kk = j;
        p = d[static_cast<std::size_t>(j - 1)];
      }
    }
    if (kk != i) {
      d[static_cast<std::size_t>(kk - 1)] = d[static_cast<std::size_t>(i - 1)];
      d[static_cast<std::size_t>(i - 1)] = p;
      for (int64_t r = 0; r < n; ++r) std::swap(u(r, i - 1), u(r, kk - 1));
      for (int64_t c = 0; c < n; ++c) std::swap(vt(i - 1, c), vt(kk - 1, c));
    }
  }
  return ok;
}

}  // namespace initlab::linalg
