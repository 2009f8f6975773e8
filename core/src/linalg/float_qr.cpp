// Reference LAPACK 3.11's single-precision QR (float_qr.hpp), each function named after the
// routine whose steps it follows (read from Reference-LAPACK's v3.11.0 sources, written anew).
// Built in the exact library (no contraction), as the Fortran.
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

// sgeqr2 on the m x n block at a (leading dimension lda): R above the diagonal, the reflectors
// below it, their tau.
void sgeqr2(int64_t m, int64_t n, float* a, int64_t lda, float* tau, std::vector<float>& w) {
  const int64_t k = std::min(m, n);
  for (int64_t i = 0; i < k; ++i) {
    float* col = a + i * lda;
    slarfg(m - i, col[i], col + std::min(i + 1, m - 1), tau[i]);
    if (i < n - 1) {
      const float aii = col[i];
      col[i] = 1.0f;
      slarf_left(m - i, n - i - 1, col + i, tau[i], a + (i + 1) * lda + i, lda, w);
      col[i] = aii;
    }
  }
}

// sorg2r: the m x n block at a becomes Q's first n columns from k reflectors.
void sorg2r(int64_t m, int64_t n, int64_t k, float* a, int64_t lda, const float* tau, std::vector<float>& w) {
  if (n <= 0) return;
  const auto at = [&](int64_t i, int64_t j) -> float& { return a[j * lda + i]; };
  for (int64_t j = k; j < n; ++j) {
    for (int64_t l = 0; l < m; ++l) at(l, j) = 0.0f;
    at(j, j) = 1.0f;
  }
  for (int64_t i = k - 1; i >= 0; --i) {
    if (i < n - 1) {
      at(i, i) = 1.0f;
      slarf_left(m - i, n - i - 1, &at(i, i), tau[i], &at(i, i + 1), lda, w);
    }
    if (i < m - 1) sscal(m - i - 1, -tau[i], &at(i + 1, i));
    at(i, i) = 1.0f - tau[i];
    for (int64_t l = 0; l < i; ++l) at(l, i) = 0.0f;
  }
}

// slarft('Forward', 'Columnwise'): the k x k upper triangular T (leading dimension k) of the
// block reflector H = I - V T V^T of k reflectors of length n stored in v (ldv), through
// sgemv('T') and strmv('Upper', 'No transpose', 'Non-unit') as reference BLAS orders them.
void slarft(int64_t n, int64_t k, const float* v, int64_t ldv, const float* tau, std::vector<float>& t) {
  t.assign(static_cast<std::size_t>(k * k), 0.0f);
  const auto V = [&](int64_t i, int64_t j) { return v[j * ldv + i]; };
  const auto T = [&](int64_t i, int64_t j) -> float& { return t[static_cast<std::size_t>(j * k + i)]; };
  int64_t prevlastv = n;  // 1-based row counts, as the Fortran keeps them
  for (int64_t i = 1; i <= k; ++i) {
    prevlastv = std::max(i, prevlastv);
    const float ti = tau[i - 1];
    if (ti == 0.0f) {
      for (int64_t j = 1; j <= i; ++j) T(j - 1, i - 1) = 0.0f;
      continue;
    }
    int64_t lastv = n;
    while (lastv > i && V(lastv - 1, i - 1) == 0.0f) --lastv;
    for (int64_t j = 1; j <= i - 1; ++j) T(j - 1, i - 1) = -ti * V(i - 1, j - 1);
    const int64_t j = std::min(lastv, prevlastv);
    // sgemv('T', j - i, i - 1, -tau, V(i+1, 1), V(i+1, i), beta = 1, T(1, i))
    if (j - i > 0 && i - 1 > 0) {
      for (int64_t c = 0; c < i - 1; ++c) {
        float temp = 0.0f;
        for (int64_t r = i; r < j; ++r) temp += V(r, c) * V(r, i - 1);
        T(c, i - 1) = T(c, i - 1) + -ti * temp;
      }
    }
    // strmv('U', 'N', 'N', i - 1, T, T(1, i))
    for (int64_t jj = 0; jj < i - 1; ++jj) {
      const float x = T(jj, i - 1);
      if (x == 0.0f) continue;
      for (int64_t ii = 0; ii < jj; ++ii) T(ii, i - 1) = T(ii, i - 1) + x * T(ii, jj);
      T(jj, i - 1) = T(jj, i - 1) * T(jj, jj);
    }
    T(i - 1, i - 1) = ti;
    prevlastv = i > 1 ? std::max(prevlastv, lastv) : lastv;
  }
}

// slarfb('Left', trans, 'Forward', 'Columnwise'): C (m x n, ldc) := H C (transpose false) or
// H^T C (true), H = I - V T V^T with V's first k rows unit lower triangular, through strmm,
// sgemm and the final subtraction in reference BLAS's loop orders.
void slarfb_left(bool transpose, int64_t m, int64_t n, int64_t k, const float* v, int64_t ldv, const std::vector<float>& t,
                 float* c, int64_t ldc, std::vector<float>& work) {
  if (m <= 0 || n <= 0) return;
  work.assign(static_cast<std::size_t>(n * k), 0.0f);
  const auto V = [&](int64_t i, int64_t j) { return v[j * ldv + i]; };
  const auto T = [&](int64_t i, int64_t j) { return t[static_cast<std::size_t>(j * k + i)]; };
  const auto C = [&](int64_t i, int64_t j) -> float& { return c[j * ldc + i]; };
  const auto W = [&](int64_t i, int64_t j) -> float& { return work[static_cast<std::size_t>(j * n + i)]; };
  for (int64_t j = 0; j < k; ++j)
    for (int64_t i = 0; i < n; ++i) W(i, j) = C(j, i);
  // strmm('Right', 'Lower', 'No transpose', 'Unit'): W := W V1
  for (int64_t j = 0; j < k; ++j)
    for (int64_t l = j + 1; l < k; ++l) {
      const float a = V(l, j);
      if (a == 0.0f) continue;
      for (int64_t i = 0; i < n; ++i) W(i, j) = W(i, j) + a * W(i, l);
    }
  // sgemm('Transpose', 'No transpose'): W := W + C2^T V2
  if (m > k)
    for (int64_t j = 0; j < k; ++j)
      for (int64_t i = 0; i < n; ++i) {
        float temp = 0.0f;
        for (int64_t l = k; l < m; ++l) temp += C(l, i) * V(l, j);
        W(i, j) = temp + W(i, j);
      }
  if (!transpose) {
    // H C: strmm('Right', 'Upper', 'Transpose', 'Non-unit'): W := W T^T
    for (int64_t l = 0; l < k; ++l) {
      for (int64_t j = 0; j < l; ++j) {
        const float a = T(j, l);
        if (a == 0.0f) continue;
        for (int64_t i = 0; i < n; ++i) W(i, j) = W(i, j) + a * W(i, l);
      }
      const float d = T(l, l);
      if (d != 1.0f)
        for (int64_t i = 0; i < n; ++i) W(i, l) = d * W(i, l);
    }
  } else {
    // H^T C: strmm('Right', 'Upper', 'No transpose', 'Non-unit'): W := W T
    for (int64_t j = k - 1; j >= 0; --j) {
      const float d = T(j, j);
      for (int64_t i = 0; i < n; ++i) W(i, j) = d * W(i, j);
      for (int64_t l = 0; l < j; ++l) {
        const float a = T(l, j);
        if (a == 0.0f) continue;
        for (int64_t i = 0; i < n; ++i) W(i, j) = W(i, j) + a * W(i, l);
      }
    }
  }
  // sgemm('No transpose', 'Transpose', alpha = -1): C2 := C2 - V2 W^T
  if (m > k)
    for (int64_t j = 0; j < n; ++j)
      for (int64_t l = 0; l < k; ++l) {
        const float temp = -W(j, l);
        for (int64_t i = k; i < m; ++i) C(i, j) = C(i, j) + temp * V(i, l);
      }
  // strmm('Right', 'Lower', 'Transpose', 'Unit'): W := W V1^T
  for (int64_t l = k - 1; l >= 0; --l)
    for (int64_t j = l + 1; j < k; ++j) {
      const float a = V(j, l);
      if (a == 0.0f) continue;
      for (int64_t i = 0; i < n; ++i) W(i, j) = W(i, j) + a * W(i, l);
    }
  for (int64_t j = 0; j < k; ++j)
    for (int64_t i = 0; i < n; ++i) C(j, i) = C(j, i) - W(i, j);
}

// ILAENV's block size and crossover for xGEQRF and xORGQR in LAPACK 3.11.
constexpr int64_t kBlock = 32, kCrossover = 128;

}  // namespace

FloatQr float_qr(std::vector<float> a, int64_t m, int64_t n) {
  const int64_t k = std::min(m, n);
  const int64_t lda = m;
  std::vector<float> tau(static_cast<std::size_t>(k)), w, t, work;
  const auto at = [&](int64_t i, int64_t j) -> float& { return a[static_cast<std::size_t>(j * lda + i)]; };
  // sgeqrf (with the optimal workspace PyTorch queries for, so the full block size)
  int64_t i = 0;
  if (kBlock < k && kCrossover < k) {
    for (; i < k - kCrossover; i += kBlock) {
      const int64_t ib = std::min(k - i, kBlock);
      sgeqr2(m - i, ib, &at(i, i), lda, &tau[static_cast<std::size_t>(i)], w);
      if (i + ib < n) {
        slarft(m - i, ib, &at(i, i), lda, &tau[static_cast<std::size_t>(i)], t);
        slarfb_left(true, m - i, n - i - ib, ib, &at(i, i), lda, t, &at(i, i + ib), lda, work);
      }
    }
  }
  if (i < k) sgeqr2(m - i, n - i, &at(i, i), lda, &tau[static_cast<std::size_t>(i)], w);
  FloatQr out;
  for (int64_t d = 0; d < k; ++d) out.r_diag.push_back(at(d, d));
  // sorgqr on the first k columns (torch.linalg.qr's reduced Q): Q = H(1) ... H(k).
  out.q.assign(static_cast<std::size_t>(m * k), 0.0f);
  for (int64_t j = 0; j < k; ++j)
    for (int64_t r = 0; r < m; ++r) out.q[static_cast<std::size_t>(j * m + r)] = at(r, j);
  float* q = out.q.data();
  const auto qa = [&](int64_t r, int64_t j) -> float& { return q[j * lda + r]; };
  int64_t kk = 0, ki = 0;
  if (kBlock < k && kCrossover < k) {
    ki = ((k - kCrossover - 1) / kBlock) * kBlock;
    kk = std::min(k, ki + kBlock);
    // The first kk rows of the columns the unblocked code makes start at zero (R is there now).
    for (int64_t j = kk; j < k; ++j)
      for (int64_t l = 0; l < kk; ++l) qa(l, j) = 0.0f;
  }
  if (kk < k) sorg2r(m - kk, k - kk, k - kk, &qa(kk, kk), lda, &tau[static_cast<std::size_t>(kk)], w);
  if (kk > 0) {
    for (int64_t b = ki; b >= 0; b -= kBlock) {
      const int64_t ib = std::min(kBlock, k - b);
      if (b + ib < k) {
        slarft(m - b, ib, &qa(b, b), lda, &tau[static_cast<std::size_t>(b)], t);
        slarfb_left(false, m - b, k - b - ib, ib, &qa(b, b), lda, t, &qa(b, b + ib), lda, work);
      }
      sorg2r(m - b, ib, ib, &qa(b, b), lda, &tau[static_cast<std::size_t>(b)], w);
      for (int64_t j = b; j < b + ib; ++j)
        for (int64_t l = 0; l < b; ++l) qa(l, j) = 0.0f;
    }
  }
  return out;
}

}  // namespace initlab::linalg
