// Thin QR factorization in double, for orthogonal_. Only used on random Gaussian matrices,
// which are full rank with probability 1.
#pragma once

#include <cstdint>
#include <vector>

namespace initlab::linalg {

struct ThinQr {
  std::vector<double> q;       // m x n, row-major, orthonormal columns
  std::vector<double> r_diag;  // the n diagonal entries of R
};

// a: m x n row-major with m >= n.
ThinQr householder_qr(const std::vector<double>& a, int64_t m, int64_t n);

}  // namespace initlab::linalg
