// The LAPACK kernels the QR, bidiagonalization and bidiagonal SVD share (lapack_internal.hpp):
// Householder reflectors (dlarfg, dlarf), plane rotations (dlartg, dlasr, drot), the 2 x 2
// singular value problems (dlas2, dlasv2), dbdsqr, and dnrm2/dlapy2, each following the
// LAPACK 3.11 routine it names step by step. Built in the exact library (no contraction).
#include <algorithm>
#include <cmath>

#include "lapack_internal.hpp"

namespace initlab::linalg {

void scal(int64_t n, double da, double* x, int64_t inc) {
  for (int64_t i = 0; i < n; ++i) x[i * inc] = da * x[i * inc];
}

// dlarfg: alpha and x (n-1 values) become beta and v(2:n) of H = I - tau v v^T with
// H [alpha; x] = [beta; 0]. No reflection (tau = 0) when x is empty or zero.
void larfg(int64_t n, double& alpha, double* x, int64_t incx, double& tau) {
  if (n <= 1) {
    tau = 0.0;
    return;
  }
  double xnorm = nrm2(n - 1, x, incx);
  if (xnorm == 0.0) {
    tau = 0.0;
    return;
  }
  double beta = -std::copysign(lapy2(alpha, xnorm), alpha);
  const double safmin = kSafeMin / kEps;
  int knt = 0;
  if (std::fabs(beta) < safmin) {
    const double rsafmn = 1.0 / safmin;
    do {
      ++knt;
      scal(n - 1, rsafmn, x, incx);
      beta *= rsafmn;
      alpha *= rsafmn;
    } while (std::fabs(beta) < safmin && knt < 20);
    xnorm = nrm2(n - 1, x, incx);
    beta = -std::copysign(lapy2(alpha, xnorm), alpha);
  }
  tau = (beta - alpha) / beta;
  scal(n - 1, 1.0 / (alpha - beta), x, incx);
  for (int j = 0; j < knt; ++j) beta *= safmin;
  alpha = beta;
}

// dlarf('Left'): C (m x n, leading dimension ldc) := (I - tau v v^T) C, v(1) = 1 stored at v.
// Trailing zeros of v and trailing zero columns of C are skipped, as dlarf skips them.
void larf_left(int64_t m, int64_t n, const double* v, int64_t incv, double tau, double* c, int64_t ldc, std::vector<double>& w) {
  if (tau == 0.0) return;
  int64_t lastv = m;
  while (lastv > 0 && v[(lastv - 1) * incv] == 0.0) --lastv;
  int64_t lastc = n;  // iladlc
  if (n > 0 && c[(n - 1) * ldc] == 0.0 && c[(n - 1) * ldc + lastv - 1] == 0.0) {
    lastc = 0;
    for (int64_t j = n - 1; j >= 0 && lastc == 0; --j)
      for (int64_t i = 0; i < lastv; ++i)
        if (c[j * ldc + i] != 0.0) {
          lastc = j + 1;
          break;
        }
  }
  if (lastv == 0 || lastc == 0) return;
  w.assign(static_cast<std::size_t>(lastc), 0.0);
  for (int64_t j = 0; j < lastc; ++j) {  // dgemv('T')
    double temp = 0.0;
    for (int64_t i = 0; i < lastv; ++i) temp += c[j * ldc + i] * v[i * incv];
    w[static_cast<std::size_t>(j)] = temp;
  }
  for (int64_t j = 0; j < lastc; ++j) {  // dger
    if (w[static_cast<std::size_t>(j)] == 0.0) continue;
    const double temp = -tau * w[static_cast<std::size_t>(j)];
    for (int64_t i = 0; i < lastv; ++i) c[j * ldc + i] += v[i * incv] * temp;
  }
}

// dlarf('Right'): C (m x n) := C (I - tau v v^T).
void larf_right(int64_t m, int64_t n, const double* v, int64_t incv, double tau, double* c, int64_t ldc, std::vector<double>& w) {
  if (tau == 0.0) return;
  int64_t lastv = n;
  while (lastv > 0 && v[(lastv - 1) * incv] == 0.0) --lastv;
  int64_t lastc = m;  // iladlr
  if (m > 0 && c[m - 1] == 0.0 && c[(lastv - 1) * ldc + m - 1] == 0.0) {
    lastc = 0;
    for (int64_t j = 0; j < lastv; ++j) {
      int64_t i = m;
      while (i >= 1 && c[j * ldc + i - 1] == 0.0) --i;
      lastc = std::max(lastc, i);
    }
  }
  if (lastv == 0 || lastc == 0) return;
  w.assign(static_cast<std::size_t>(lastc), 0.0);
  for (int64_t j = 0; j < lastv; ++j) {  // dgemv('N')
    const double temp = v[j * incv];
    for (int64_t i = 0; i < lastc; ++i) w[static_cast<std::size_t>(i)] += temp * c[j * ldc + i];
  }
  for (int64_t j = 0; j < lastv; ++j) {  // dger
    if (v[j * incv] == 0.0) continue;
    const double temp = -tau * v[j * incv];
    for (int64_t i = 0; i < lastc; ++i) c[j * ldc + i] += w[static_cast<std::size_t>(i)] * temp;
  }
}

// dlartg (LAPACK 3.10+): c, s, r with [c s; -s c] [f; g] = [r; 0], r carrying f's sign.
void lartg(double f, double g, double& c, double& s, double& r) {
  const double rtmin = std::sqrt(kSafeMin);
  const double rtmax = std::sqrt(0x1.fffffffffffffp1023 / 2);
  const double f1 = std::fabs(f), g1 = std::fabs(g);
  if (g == 0.0) {
    c = 1.0;
    s = 0.0;
    r = f;
  } else if (f == 0.0) {
    c = 0.0;
    s = std::copysign(1.0, g);
    r = g1;
  } else if (f1 > rtmin && f1 < rtmax && g1 > rtmin && g1 < rtmax) {
    const double d = std::sqrt(f * f + g * g);
    c = f1 / d;
    r = std::copysign(d, f);
    s = g / r;
  } else {
    const double u = std::min(0x1.fffffffffffffp1023, std::max({kSafeMin, f1, g1}));
    const double fs = f / u, gs = g / u;
    const double d = std::sqrt(fs * fs + gs * gs);
    c = std::fabs(fs) / d;
    r = std::copysign(d, f);
    s = gs / r;
    r = r * u;
  }
}

// dlas2: the singular values of [f g; 0 h].
void las2(double f, double g, double h, double& ssmin, double& ssmax) {
  const double fa = std::fabs(f), ga = std::fabs(g), ha = std::fabs(h);
  const double fhmn = std::min(fa, ha), fhmx = std::max(fa, ha);
  if (fhmn == 0.0) {
    ssmin = 0.0;
    if (fhmx == 0.0) ssmax = ga;
    else {
      const double mx = std::max(fhmx, ga), mn = std::min(fhmx, ga);
      ssmax = mx * std::sqrt(1.0 + (mn / mx) * (mn / mx));
    }
  } else if (ga < fhmx) {
    const double as = 1.0 + fhmn / fhmx, at = (fhmx - fhmn) / fhmx, au = (ga / fhmx) * (ga / fhmx);
    const double c = 2.0 / (std::sqrt(as * as + au) + std::sqrt(at * at + au));
    ssmin = fhmn * c;
    ssmax = fhmx / c;
  } else {
    const double au = fhmx / ga;
    if (au == 0.0) {
      ssmin = (fhmn * fhmx) / ga;
      ssmax = ga;
    } else {
      const double as = 1.0 + fhmn / fhmx, at = (fhmx - fhmn) / fhmx;
      const double c = 1.0 / (std::sqrt(1.0 + (as * au) * (as * au)) + std::sqrt(1.0 + (at * au) * (at * au)));
      ssmin = (fhmn * c) * au;
      ssmin = ssmin + ssmin;
      ssmax = ga / (c + c);
    }
  }
}


// dlasv2: the SVD of [f g; 0 h] with the rotations' signs as LAPACK chooses them.
namespace {
double sign1(double x) { return std::copysign(1.0, x); }
}  // namespace

void lasv2(double f, double g, double h, double& ssmin, double& ssmax, double& snr, double& csr, double& snl, double& csl) {
  double ft = f, fa = std::fabs(ft), ht = h, ha = std::fabs(h);
  int pmax = 1;
  const bool swap = ha > fa;
  if (swap) {
    pmax = 3;
    std::swap(ft, ht);
    std::swap(fa, ha);
  }
  const double gt = g, ga = std::fabs(gt);
  double clt, crt, slt, srt;
  if (ga == 0.0) {
    ssmin = ha;
    ssmax = fa;
    clt = 1.0;
    crt = 1.0;
    slt = 0.0;
    srt = 0.0;
  } else {
    bool gasmal = true;
    if (ga > fa) {
      pmax = 2;
      if (fa / ga < kEps) {
        gasmal = false;
        ssmax = ga;
        ssmin = ha > 1.0 ? fa / (ga / ha) : (fa / ga) * ha;
        clt = 1.0;
        slt = ht / gt;
        srt = 1.0;
        crt = ft / gt;
      }
    }
    if (gasmal) {
      const double d = fa - ha;
      double l = d == fa ? 1.0 : d / fa;
      const double m = gt / ft;
      double t = 2.0 - l;
      const double mm = m * m, tt = t * t;
      const double s = std::sqrt(tt + mm);
      const double r = l == 0.0 ? std::fabs(m) : std::sqrt(l * l + mm);
      const double a = 0.5 * (s + r);
      ssmin = ha / a;
      ssmax = fa * a;
      if (mm == 0.0) {
        if (l == 0.0) t = std::copysign(2.0, ft) * sign1(gt);
        else t = gt / std::copysign(d, ft) + m / t;
      } else {
        t = (m / (s + t) + m / (r + l)) * (1.0 + a);
      }
      l = std::sqrt(t * t + 4.0);
      crt = 2.0 / l;
      srt = t / l;
      clt = (crt + srt * m) / a;
      slt = (ht / ft) * srt / a;
    }
  }
  if (swap) {
    csl = srt;
    snl = crt;
    csr = slt;
    snr = clt;
  } else {
    csl = clt;
    snl = slt;
    csr = crt;
    snr = srt;
  }
  double tsign = 1.0;
  if (pmax == 1) tsign = sign1(csr) * sign1(csl) * sign1(f);
  if (pmax == 2) tsign = sign1(snr) * sign1(csl) * sign1(g);
  if (pmax == 3) tsign = sign1(snr) * sign1(snl) * sign1(h);
  ssmax = std::copysign(ssmax, tsign);
  ssmin = std::copysign(ssmin, tsign * sign1(f) * sign1(h));
}

// dlasr with PIVOT='V': plane rotations (c[j], s[j]) between rows (SIDE='L') or columns ('R')
// j and j+1 of the block at (r0, c0) of a with `rows` x `cols`, forward or backward.
void lasr(bool left, bool forward, int64_t rows, int64_t cols, const double* c, const double* s, ColMajor& a, int64_t r0, int64_t c0) {
  const int64_t count = left ? rows - 1 : cols - 1;
  for (int64_t step = 0; step < count; ++step) {
    const int64_t j = forward ? step : count - 1 - step;
    const double ct = c[j], st = s[j];
    if (ct == 1.0 && st == 0.0) continue;
    if (left) {
      for (int64_t i = 0; i < cols; ++i) {
        const double temp = a(r0 + j + 1, c0 + i);
        a(r0 + j + 1, c0 + i) = ct * temp - st * a(r0 + j, c0 + i);
        a(r0 + j, c0 + i) = st * temp + ct * a(r0 + j, c0 + i);
      }
    } else {
      for (int64_t i = 0; i < rows; ++i) {
        const double temp = a(r0 + i, c0 + j + 1);
        a(r0 + i, c0 + j + 1) = ct * temp - st * a(r0 + i, c0 + j);
        a(r0 + i, c0 + j) = st * temp + ct * a(r0 + i, c0 + j);
      }
    }
  }
}

// drot on rows (of vt) or columns (of u) p and q.
void rot_rows(ColMajor& a, int64_t p, int64_t q, double c, double s) {
  for (int64_t j = 0; j < a.cols; ++j) {
    const double temp = c * a(p, j) + s * a(q, j);
    a(q, j) = c * a(q, j) - s * a(p, j);
    a(p, j) = temp;
  }
}

void rot_cols(ColMajor& a, int64_t p, int64_t q, double c, double s) {
  for (int64_t i = 0; i < a.rows; ++i) {
    const double temp = c * a(i, p) + s * a(i, q);
    a(i, q) = c * a(i, q) - s * a(i, p);
    a(i, p) = temp;
  }
}

// dbdsqr('U') with vectors: B = U S VT for the upper bidiagonal (d, e); u and vt come in as the
// identity (dbdsdc sets them so) and leave as B's singular vectors, s sorted decreasing.
bool bdsqr(std::vector<double>& d, std::vector<double>& e, ColMajor& u, ColMajor& vt) {
  const int64_t n = static_cast<int64_t>(d.size());
  const auto D = [&](int64_t i) -> double& { return d[static_cast<std::size_t>(i - 1)]; };  // 1-based, as LAPACK
  const auto E = [&](int64_t i) -> double& { return e[static_cast<std::size_t>(i - 1)]; };
  bool converged = true;
  if (n > 1) {
    const int64_t nm1 = n - 1;
    std::vector<double> work(static_cast<std::size_t>(4 * nm1));
    double* w_cr = work.data();
    double* w_sr = work.data() + nm1;
    double* w_cl = work.data() + 2 * nm1;
    double* w_sl = work.data() + 3 * nm1;
    const double tolmul = std::max(10.0, std::min(100.0, std::pow(kEps, -0.125)));
    const double tol = tolmul * kEps;
    double smax = 0.0;
    for (int64_t i = 1; i <= n; ++i) smax = std::max(smax, std::fabs(D(i)));
    for (int64_t i = 1; i <= n - 1; ++i) smax = std::max(smax, std::fabs(E(i)));
    double sminoa = std::fabs(D(1));
    if (sminoa != 0.0) {
      double mu = sminoa;
      for (int64_t i = 2; i <= n; ++i) {
        mu = std::fabs(D(i)) * (mu / (mu + std::fabs(E(i - 1))));
        sminoa = std::min(sminoa, mu);
        if (sminoa == 0.0) break;
      }
    }
    sminoa = sminoa / std::sqrt(static_cast<double>(n));
    const double dn = static_cast<double>(n);
    const double thresh = std::max(tol * sminoa, 6.0 * (dn * (dn * kSafeMin)));
    const int64_t maxitdivn = 6 * n;
    int64_t iterdivn = 0, iter = -1, oldll = -1, oldm = -1, idir = 0;
    int64_t m = n;
    double smin = 0.0;
    while (m > 1) {
      if (iter >= n) {
        iter -= n;
        ++iterdivn;
        if (iterdivn >= maxitdivn) {
          converged = false;
          break;
        }
      }
      // Find the diagonal block to work on.
      smax = std::fabs(D(m));
      int64_t ll = 0;
      bool split = false;
      for (int64_t lll = 1; lll <= m - 1; ++lll) {
        ll = m - lll;
        const double abss = std::fabs(D(ll)), abse = std::fabs(E(ll));
        if (abse <= thresh) {
          split = true;
          break;
        }
        smax = std::max({smax, abss, abse});
      }
      if (split) {
        E(ll) = 0.0;
        if (ll == m - 1) {
          m -= 1;
          continue;
        }
      } else {
        ll = 0;
      }
      ll += 1;
      if (ll == m - 1) {
        // A 2 x 2 block.
        double sigmn, sigmx, sinr, cosr, sinl, cosl;
        lasv2(D(m - 1), E(m - 1), D(m), sigmn, sigmx, sinr, cosr, sinl, cosl);
        D(m - 1) = sigmx;
        E(m - 1) = 0.0;
        D(m) = sigmn;
        rot_rows(vt, m - 2, m - 1, cosr, sinr);
        rot_cols(u, m - 2, m - 1, cosl, sinl);
        m -= 2;
        continue;
      }
      if (ll > oldm || m < oldll) idir = std::fabs(D(ll)) >= std::fabs(D(m)) ? 1 : 2;
      // Convergence tests.
      bool restart = false;
      if (idir == 1) {
        if (std::fabs(E(m - 1)) <= std::fabs(tol) * std::fabs(D(m))) {
          E(m - 1) = 0.0;
          continue;
        }
        double mu = std::fabs(D(ll));
        smin = mu;
        for (int64_t lll = ll; lll <= m - 1; ++lll) {
          if (std::fabs(E(lll)) <= tol * mu) {
            E(lll) = 0.0;
            restart = true;
            break;
          }
          mu = std::fabs(D(lll + 1)) * (mu / (mu + std::fabs(E(lll))));
          smin = std::min(smin, mu);
        }
      } else {
        if (std::fabs(E(ll)) <= std::fabs(tol) * std::fabs(D(ll))) {
          E(ll) = 0.0;
          continue;
        }
        double mu = std::fabs(D(m));
        smin = mu;
        for (int64_t lll = m - 1; lll >= ll; --lll) {
          if (std::fabs(E(lll)) <= tol * mu) {
            E(lll) = 0.0;
            restart = true;
            break;
          }
          mu = std::fabs(D(lll)) * (mu / (mu + std::fabs(E(lll))));
          smin = std::min(smin, mu);
        }
      }
      if (restart) continue;
      oldll = ll;
      oldm = m;
      // The shift: zero when shifting would ruin relative accuracy.
      double shift = 0.0, r = 0.0;
      if (dn * tol * (smin / smax) <= std::max(kEps, 0.01 * tol)) {
        shift = 0.0;
      } else {
        double sll;
        if (idir == 1) {
          sll = std::fabs(D(ll));
          las2(D(m - 1), E(m - 1), D(m), shift, r);
        } else {
          sll = std::fabs(D(m));
          las2(D(ll), E(ll), D(ll + 1), shift, r);
        }
        if (sll > 0.0 && (shift / sll) * (shift / sll) < kEps) shift = 0.0;
      }
      iter += m - ll;
      const int64_t len = m - ll + 1;
      if (shift == 0.0) {
        if (idir == 1) {
          double cs = 1.0, oldcs = 1.0, sn = 0.0, oldsn = 0.0;
          for (int64_t i = ll; i <= m - 1; ++i) {
            lartg(D(i) * cs, E(i), cs, sn, r);
            if (i > ll) E(i - 1) = oldsn * r;
            lartg(oldcs * r, D(i + 1) * sn, oldcs, oldsn, D(i));
            w_cr[i - ll] = cs;
            w_sr[i - ll] = sn;
            w_cl[i - ll] = oldcs;
            w_sl[i - ll] = oldsn;
          }
          const double h = D(m) * cs;
          D(m) = h * oldcs;
          E(m - 1) = h * oldsn;
          lasr(true, true, len, vt.cols, w_cr, w_sr, vt, ll - 1, 0);
          lasr(false, true, u.rows, len, w_cl, w_sl, u, 0, ll - 1);
          if (std::fabs(E(m - 1)) <= thresh) E(m - 1) = 0.0;
        } else {
          double cs = 1.0, oldcs = 1.0, sn = 0.0, oldsn = 0.0;
          for (int64_t i = m; i >= ll + 1; --i) {
            lartg(D(i) * cs, E(i - 1), cs, sn, r);
            if (i < m) E(i) = oldsn * r;
            lartg(oldcs * r, D(i - 1) * sn, oldcs, oldsn, D(i));
            w_cr[i - ll - 1] = cs;
            w_sr[i - ll - 1] = -sn;
            w_cl[i - ll - 1] = oldcs;
            w_sl[i - ll - 1] = -oldsn;
          }
          const double h = D(ll) * cs;
          D(ll) = h * oldcs;
          E(ll) = h * oldsn;
          lasr(true, false, len, vt.cols, w_cl, w_sl, vt, ll - 1, 0);
          lasr(false, false, u.rows, len, w_cr, w_sr, u, 0, ll - 1);
          if (std::fabs(E(ll)) <= thresh) E(ll) = 0.0;
        }
      } else {
        if (idir == 1) {
          double f = (std::fabs(D(ll)) - shift) * (sign1(D(ll)) + shift / D(ll));
          double g = E(ll);
          double cosr, sinr, cosl, sinl;
          for (int64_t i = ll; i <= m - 1; ++i) {
            lartg(f, g, cosr, sinr, r);
            if (i > ll) E(i - 1) = r;
            f = cosr * D(i) + sinr * E(i);
            E(i) = cosr * E(i) - sinr * D(i);
            g = sinr * D(i + 1);
            D(i + 1) = cosr * D(i + 1);
            lartg(f, g, cosl, sinl, r);
            D(i) = r;
            f = cosl * E(i) + sinl * D(i + 1);
            D(i + 1) = cosl * D(i + 1) - sinl * E(i);
            if (i < m - 1) {
              g = sinl * E(i + 1);
              E(i + 1) = cosl * E(i + 1);
            }
            w_cr[i - ll] = cosr;
            w_sr[i - ll] = sinr;
            w_cl[i - ll] = cosl;
            w_sl[i - ll] = sinl;
          }
          E(m - 1) = f;
          lasr(true, true, len, vt.cols, w_cr, w_sr, vt, ll - 1, 0);
          lasr(false, true, u.rows, len, w_cl, w_sl, u, 0, ll - 1);
          if (std::fabs(E(m - 1)) <= thresh) E(m - 1) = 0.0;
        } else {
          double f = (std::fabs(D(m)) - shift) * (sign1(D(m)) + shift / D(m));
          double g = E(m - 1);
          double cosr, sinr, cosl, sinl;
          for (int64_t i = m; i >= ll + 1; --i) {
            lartg(f, g, cosr, sinr, r);
            if (i < m) E(i) = r;
            f = cosr * D(i) + sinr * E(i - 1);
            E(i - 1) = cosr * E(i - 1) - sinr * D(i);
            g = sinr * D(i - 1);
            D(i - 1) = cosr * D(i - 1);
            lartg(f, g, cosl, sinl, r);
            D(i) = r;
            f = cosl * E(i - 1) + sinl * D(i - 1);
            D(i - 1) = cosl * D(i - 1) - sinl * E(i - 1);
            if (i > ll + 1) {
              g = sinl * E(i - 2);
              E(i - 2) = cosl * E(i - 2);
            }
            w_cr[i - ll - 1] = cosr;
            w_sr[i - ll - 1] = -sinr;
            w_cl[i - ll - 1] = cosl;
            w_sl[i - ll - 1] = -sinl;
          }
          E(ll) = f;
          if (std::fabs(E(ll)) <= thresh) E(ll) = 0.0;
          lasr(true, false, len, vt.cols, w_cl, w_sl, vt, ll - 1, 0);
          lasr(false, false, u.rows, len, w_cr, w_sr, u, 0, ll - 1);
        }
      }
    }
  }
  // Make the singular values positive (flipping vt's rows), then sort them decreasing.
  for (int64_t i = 1; i <= n; ++i) {
    if (D(i) == 0.0) D(i) = 0.0;
    if (D(i) < 0.0) {
      D(i) = -D(i);
      for (int64_t j = 0; j < vt.cols; ++j) vt(i - 1, j) = -vt(i - 1, j);
    }
  }
  for (int64_t i = 1; i <= n - 1; ++i) {
    int64_t isub = 1;
    double smin = D(1);
    for (int64_t j = 2; j <= n + 1 - i; ++j) {
      if (D(j) <= smin) {
        isub = j;
        smin = D(j);
      }
    }
    if (isub != n + 1 - i) {
      D(isub) = D(n + 1 - i);
      D(n + 1 - i) = smin;
      for (int64_t j = 0; j < vt.cols; ++j) std::swap(vt(isub - 1, j), vt(n - i, j));
      for (int64_t j = 0; j < u.rows; ++j) std::swap(u(j, isub - 1), u(j, n - i));
    }
  }
  return converged;
}

double lapy2(double x, double y) {
  if (std::isnan(x)) return x;
  if (std::isnan(y)) return y;
  const double xa = std::fabs(x), ya = std::fabs(y);
  const double w = std::max(xa, ya), z = std::min(xa, ya);
  if (z == 0.0 || w > 0x1.fffffffffffffp1023) return w;
  return w * std::sqrt(1.0 + (z / w) * (z / w));
}

double nrm2(int64_t n, const double* x, int64_t inc) {
  const double tsml = 0x1p-511, tbig = 0x1p486, ssml = 0x1p537, sbig = 0x1p-538;
  bool notbig = true;
  double asml = 0.0, amed = 0.0, abig = 0.0;
  for (int64_t i = 0; i < n; ++i) {
    const double ax = std::fabs(x[i * inc]);
    if (ax > tbig) {
      abig += (ax * sbig) * (ax * sbig);
      notbig = false;
    } else if (ax < tsml) {
      if (notbig) asml += (ax * ssml) * (ax * ssml);
    } else {
      amed += ax * ax;
    }
  }
  double scl = 1.0, sumsq = amed;
  if (abig > 0.0) {
    if (amed > 0.0 || std::isnan(amed)) abig += (amed * sbig) * sbig;
    scl = 1.0 / sbig;
    sumsq = abig;
  } else if (asml > 0.0) {
    if (amed > 0.0 || std::isnan(amed)) {
      amed = std::sqrt(amed);
      asml = std::sqrt(asml) / ssml;
      const double ymin = asml > amed ? amed : asml, ymax = asml > amed ? asml : amed;
      scl = 1.0;
      sumsq = ymax * ymax * (1.0 + (ymin / ymax) * (ymin / ymax));
    } else {
      scl = 1.0 / ssml;
      sumsq = asml;
    }
  }
  return scl * std::sqrt(sumsq);
}

}  // namespace initlab::linalg
