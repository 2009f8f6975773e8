#include "householder_qr.hpp"

#include <cmath>
#include <cstddef>

namespace initlab::linalg {

ThinQr householder_qr(const std::vector<double>& a, int64_t m, int64_t n) {
  auto at = [m, n](std::vector<double>& v, int64_t i, int64_t j) -> double& {
    (void)m;
    return v[static_cast<std::size_t>(i * n + j)];
  };
  std::vector<double> r = a;
  // Householder vectors, stored column by column (each of length m, zero above k).
  std::vector<double> vs(static_cast<std::size_t>(m * n), 0.0);
  std::vector<double> tau(static_cast<std::size_t>(n), 0.0);
  ThinQr out;
  out.r_diag.resize(static_cast<std::size_t>(n));

  for (int64_t k = 0; k < n; ++k) {
    double norm = 0.0;
    for (int64_t i = k; i < m; ++i) norm += at(r, i, k) * at(r, i, k);
    norm = std::sqrt(norm);
    const double alpha = at(r, k, k);
    // Reflect onto -sign(alpha)*norm to avoid cancellation (LAPACK's choice).
    const double beta = alpha >= 0 ? -norm : norm;
    out.r_diag[static_cast<std::size_t>(k)] = beta;
    if (norm == 0.0) continue;
    double* v = &vs[static_cast<std::size_t>(k * m)];
    v[k] = alpha - beta;
    for (int64_t i = k + 1; i < m; ++i) v[i] = at(r, i, k);
    double vnorm2 = 0.0;
    for (int64_t i = k; i < m; ++i) vnorm2 += v[i] * v[i];
    tau[static_cast<std::size_t>(k)] = 2.0 / vnorm2;
    // R <- (I - tau v v^T) R on columns k..n-1.
    for (int64_t j = k; j < n; ++j) {
      double dot = 0.0;
      for (int64_t i = k; i < m; ++i) dot += v[i] * at(r, i, j);
      dot *= tau[static_cast<std::size_t>(k)];
      for (int64_t i = k; i < m; ++i) at(r, i, j) -= dot * v[i];
    }
  }

  // Q = H_0 H_1 ... H_{n-1} applied to the first n columns of the identity.
  out.q.assign(static_cast<std::size_t>(m * n), 0.0);
  for (int64_t i = 0; i < n; ++i) at(out.q, i, i) = 1.0;
  for (int64_t k = n - 1; k >= 0; --k) {
    const double t = tau[static_cast<std::size_t>(k)];
    if (t == 0.0) continue;
    const double* v = &vs[static_cast<std::size_t>(k * m)];
    for (int64_t j = 0; j < n; ++j) {
      double dot = 0.0;
      for (int64_t i = k; i < m; ++i) dot += v[i] * at(out.q, i, j);
      dot *= t;
      for (int64_t i = k; i < m; ++i) at(out.q, i, j) -= dot * v[i];
    }
  }
  return out;
}

}  // namespace initlab::linalg
