// Singular values by one-sided Jacobi (Hestenes 1958): plane rotations applied to pairs of
// columns until every pair is orthogonal; the singular values are then the column norms.
// Chosen over bidiagonalization + QR iteration because it is short and accurate to the last
// digits even for the small singular values (Demmel and Veselic 1992), which a
// condition number needs.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <functional>

#include "initlab/error.hpp"
#include "initlab/theory_jacobian.hpp"

namespace initlab::theory {

std::vector<double> singular_values(const std::vector<double>& a, int64_t rows, int64_t cols) {
  if (rows < 0 || cols < 0 || static_cast<int64_t>(a.size()) != rows * cols) {
    raise(ErrorKind::ValueError, "singular_values: the matrix has " + std::to_string(a.size()) +
                                     " values, not rows * cols = " + std::to_string(rows * cols));
  }
  // Work on the orientation with n <= m columns (J and J^T have the same singular values),
  // each column contiguous: column j of the m x n working matrix is u[j * m .. j * m + m).
  const bool wide = cols > rows;
  const int64_t m = wide ? cols : rows, n = wide ? rows : cols;
  std::vector<double> u(static_cast<size_t>(m * n));
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t j = 0; j < cols; ++j) {
      const double v = a[static_cast<size_t>(i * cols + j)];
      if (wide) u[static_cast<size_t>(i * m + j)] = v;  // column i of A^T is row i of A
      else u[static_cast<size_t>(j * m + i)] = v;
    }
  auto col = [&](int64_t j) { return u.data() + j * m; };
  auto dot = [m](const double* x, const double* y) {
    double s = 0;
    for (int64_t i = 0; i < m; ++i) s += x[i] * y[i];
    return s;
  };
  // A pair counts as orthogonal when |<a_p, a_q>| <= tol * |a_p| |a_q|; m * eps is the
  // rounding floor of the dot product itself, so a tighter test could rotate forever.
  const double tol = static_cast<double>(std::max<int64_t>(m, 1)) * DBL_EPSILON;
  constexpr int kMaxSweeps = 60;  // quadratic convergence: 6-12 sweeps in practice
  std::vector<double> norm2(static_cast<size_t>(n));
  // Columns below eps * ||A||_F are rounding noise (a rank-deficient J's null directions):
  // treated as zero, or the relative test above would keep rotating noise against noise.
  double frobenius2 = 0;
  for (double v : u) frobenius2 += v * v;
  const double negligible = DBL_EPSILON * DBL_EPSILON * frobenius2;
  for (int sweep = 0; sweep < kMaxSweeps; ++sweep) {
    for (int64_t j = 0; j < n; ++j) norm2[static_cast<size_t>(j)] = dot(col(j), col(j));
    bool rotated = false;
    for (int64_t p = 0; p + 1 < n; ++p) {
      for (int64_t q = p + 1; q < n; ++q) {
        double& alpha = norm2[static_cast<size_t>(p)];
        double& beta = norm2[static_cast<size_t>(q)];
        if (alpha <= negligible || beta <= negligible) continue;  // orthogonal to everything
        double* x = col(p);
        double* y = col(q);
        const double gamma = dot(x, y);
        if (std::fabs(gamma) <= tol * std::sqrt(alpha * beta)) continue;
        rotated = true;
        // The rotation that zeroes the pair's off-diagonal entry of A^T A (Rutishauser's
        // formulas; t the smaller root, so the angle is at most pi/4).
        const double zeta = (beta - alpha) / (2 * gamma);
        const double t = (zeta >= 0 ? 1.0 : -1.0) / (std::fabs(zeta) + std::sqrt(1 + zeta * zeta));
        const double c = 1 / std::sqrt(1 + t * t), s = c * t;
        for (int64_t i = 0; i < m; ++i) {
          const double xi = x[i], yi = y[i];
          x[i] = c * xi - s * yi;
          y[i] = s * xi + c * yi;
        }
        alpha -= t * gamma;
        beta += t * gamma;
      }
    }
    if (!rotated) break;
  }
  std::vector<double> s(static_cast<size_t>(n));
  for (int64_t j = 0; j < n; ++j) s[static_cast<size_t>(j)] = std::sqrt(dot(col(j), col(j)));
  std::sort(s.begin(), s.end(), std::greater<double>());
  return s;
}

}  // namespace initlab::theory
