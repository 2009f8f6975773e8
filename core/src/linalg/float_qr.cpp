// Reference LAPACK 3.11's single-precision QR (float_qr.hpp), each function named after the
// routine whose steps it follows. Built in the exact library (no contraction), as the Fortran.
#include "float_qr.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace initlab::linalg {

namespace {

constexpr float kSafeMin = 0x1p-126f;  // slamch('S')
constexpr float kEps = 0x1p-24f;       // slamch('E')

void sscal(int64_t n, float da, float* x) {
  for (int64_t i = 0; i < n; ++i) x[i] = da * x[i];
}

// slapy2: sqrt(x^2 + y^2) without needless overflow.
float slapy2(float x, float y) {
  if (std::isnan(x)) return x;
  if (std::isnan(y)) return y;
  const float xa = std::fabs(x), ya = std::fabs(y);
  const float w = std::max(xa, ya), z = std::min(xa, ya);
  if (z == 0.0f || w > FLT_MAX) return w;
  const float q = z / w;
  return w * std::sqrt(1.0f + q * q);
}

// snrm2 (BLAS 3.10+, Blue's algorithm) with single precision's thresholds: tsml = 2^-63,
// tbig = 2^52, ssml = 2^75, sbig = 2^-76 (from minexponent -125, maxexponent 128, digits 24).
float snrm2(int64_t n, const float* x) {
  const float tsml = 0x1p-63f, tbig = 0x1p52f, ssml = 0x1p75f, sbig = 0x1p-76f;
  bool notbig = true;
  float asml = 0.0f, amed = 0.0f, abig = 0.0f;
  for (int64_t i = 0; i < n; ++i) {
    const float ax = std::fabs(x[i]);
    if (ax > tbig) {
      abig += (ax * sbig) * (ax * sbig);
      notbig = false;
    } else if (ax < tsml) {
      if (notbig) asml += (ax * ssml) * (ax * ssml);
    } else {
      amed += ax * ax;
    }
  }
  float scl = 1.0f, sumsq = amed;
  if (abig > 0.0f) {
    if (amed > 0.0f || std::isnan(amed)) abig += (amed * sbig) * sbig;
    scl = 1.0f / sbig;
    sumsq = abig;
  } else if (asml > 0.0f) {
    if (amed > 0.0f || std::isnan(amed)) {
      amed = std::sqrt(amed);
      asml = std::sqrt(asml) / ssml;
      const float ymin = asml > amed ? amed : asml, ymax = asml > amed ? asml : amed;
      scl = 1.0f;
      const float r = ymin / ymax;
      sumsq = ymax * ymax * (1.0f + r * r);
    } else {
      scl = 1.0f / ssml;
      sumsq = asml;
    }
  }
  return scl * std::sqrt(sumsq);
}

// slarfg: alpha and x (n-1 values) become beta and v(2:n); tau = 0 for an empty or zero x.
void slarfg(int64_t n, float& alpha, float* x, float& tau) {
  if (n <= 1) {
    tau = 0.0f;
    return;
  }
  float xnorm = snrm2(n - 1, x);
  if (xnorm == 0.0f) {
    tau = 0.0f;
    return;
  }
  float beta = -std::copysign(slapy2(alpha, xnorm), alpha);
  const float safmin = kSafeMin / kEps;
  int knt = 0;
  if (std::fabs(beta) < safmin) {
    const float rsafmn = 1.0f / safmin;
    do {
      ++knt;
      sscal(n - 1, rsafmn, x);
      beta *= rsafmn;
      alpha *= rsafmn;
    } while (std::fabs(beta) < safmin && knt < 20);
    xnorm = snrm2(n - 1, x);
    beta = -std::copysign(slapy2(alpha, xnorm), alpha);
  }
  tau = (beta - alpha) / beta;
  sscal(n - 1, 1.0f / (alpha - beta), x);
  for (int j = 0; j < knt; ++j) beta *= safmin;
  alpha = beta;
}

// slarf('Left'): C (m x n, leading dimension ldc) := (I - tau v v^T) C, with v(1) = 1 stored;
// trailing zeros of v and trailing zero columns of C skipped (ilaslr/ilaslc), as slarf does.
void slarf_left(int64_t m, int64_t n, const float* v, float tau, float* c, int64_t ldc, std::vector<float>& w) {
  if (tau == 0.0f) return;
  int64_t lastv = m;
  while (lastv > 0 && v[lastv - 1] == 0.0f) --lastv;
  int64_t lastc = n;
  if (n > 0 && c[(n - 1) * ldc] == 0.0f && c[(n - 1) * ldc + lastv - 1] == 0.0f) {
    lastc = 0;
    for (int64_t j = n - 1; j >= 0 && lastc == 0; --j)
      for (int64_t i = 0; i < lastv; ++i)
        if (c[j * ldc + i] != 0.0f) {
          lastc = j + 1;
          break;
        }
  }
  if (lastv == 0 || lastc == 0) return;
  w.assign(static_cast<std::size_t>(lastc), 0.0f);
  for (int64_t j = 0; j < lastc; ++j) {  // sgemv('T', alpha = 1, beta = 0)
    float temp = 0.0f;
    for (int64_t i = 0; i < lastv; ++i) temp += c[j * ldc + i] * v[i];
    w[static_cast<std::size_t>(j)] = temp;
  }
  for (int64_t j = 0; j < lastc; ++j) {  // sger(alpha = -tau)
    if (w[static_cast<std::size_t>(j)] == 0.0f) continue;
    const float temp = -tau * w[static_cast<std::size_t>(j)];
    for (int64_t i = 0; i < lastv; ++i) c[j * ldc + i] += v[i] * temp;
  }
}

}  // namespace

FloatQr float_qr(std::vector<float> a, int64_t m, int64_t n) {
  const int64_t k = std::min(m, n);
  std::vector<float> tau(static_cast<std::size_t>(k)), w;
  const auto at = [&](int64_t i, int64_t j) -> float& { return a[static_cast<std::size_t>(j * m + i)]; };
  // sgeqr2
  for (int64_t i = 0; i < k; ++i) {
    slarfg(m - i, at(i, i), &at(std::min(i + 1, m - 1), i), tau[static_cast<std::size_t>(i)]);
    if (i < n - 1) {
      const float aii = at(i, i);
      at(i, i) = 1.0f;
      slarf_left(m - i, n - i - 1, &at(i, i), tau[static_cast<std::size_t>(i)], &at(i, i + 1), m, w);
      at(i, i) = aii;
    }
  }
  FloatQr out;
  for (int64_t i = 0; i < k; ++i) out.r_diag.push_back(at(i, i));
  // sorg2r on the first k columns (torch.linalg.qr's reduced Q): Q = H(1) ... H(k).
  out.q.assign(static_cast<std::size_t>(m * k), 0.0f);
  const auto q = [&](int64_t i, int64_t j) -> float& { return out.q[static_cast<std::size_t>(j * m + i)]; };
  for (int64_t j = 0; j < k; ++j)
    for (int64_t i = 0; i < m; ++i) q(i, j) = at(i, j);
  for (int64_t i = k - 1; i >= 0; --i) {
    const float t = tau[static_cast<std::size_t>(i)];
    if (i < k - 1) {
      q(i, i) = 1.0f;
      slarf_left(m - i, k - i - 1, &q(i, i), t, &q(i, i + 1), m, w);
    }
    if (i < m - 1) sscal(m - i - 1, -t, &q(i + 1, i));
    q(i, i) = 1.0f - t;
    for (int64_t l = 0; l < i; ++l) q(l, i) = 0.0f;
  }
  return out;
}

}  // namespace initlab::linalg
