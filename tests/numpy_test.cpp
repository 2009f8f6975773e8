// numpy.linalg's QR and SVD against numpy 1.24 on reference LAPACK 3.11
// (tests/fixtures/numpy_fixtures.txt, from make_numpy_fixtures.py): the matrices are
// np.random.RandomState(seed).normal(0, 1, (m, n)), drawn here by NumpyRandomState. QR and the
// small SVDs must be numpy's bits; every SVD must have numpy's signs and values within ulps, and
// the float32 weights of the orthogonal init (u if u.shape == (m, n) else vt) must be numpy's.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <sstream>
#include <string>
#include <vector>

#include "initlab/py_random.hpp"
#include "linalg/lapack_like.hpp"
#include "support/fixtures.hpp"

namespace {

using initlab::linalg::ColMajor;

struct Record {
  std::string kind;  // "svd" or "qr"
  int64_t m = 0, n = 0, seed = 0;
  bool full = false;
  std::vector<std::pair<std::string, std::vector<double>>> rows;  // "s", "u", "ucols", ...
  uint64_t q32 = 0;
  bool has_q32 = false;

  const std::vector<double>* get(const std::string& key) const {
    for (const auto& [k, v] : rows)
      if (k == key) return &v;
    return nullptr;
  }
};

std::vector<Record> read_records() {
  const std::string text = fixtures::read_file(std::string(INITLAB_FIXTURE_DIR) + "/numpy_fixtures.txt");
  std::istringstream in(text);
  std::vector<Record> out;
  Record cur;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream ls(line);
    std::string key;
    ls >> key;
    if (key == "svd" || key == "qr") {
      cur = Record();
      cur.kind = key;
      ls >> cur.m >> cur.n >> cur.seed;
      if (key == "svd") {
        int full = 0;
        ls >> full;
        cur.full = full != 0;
      }
    } else if (key == "end") {
      out.push_back(cur);
    } else if (key == "q32") {
      ls >> cur.q32;
      cur.has_q32 = true;
    } else {
      std::vector<double> values;
      for (std::string tok; ls >> tok;) values.push_back(std::strtod(tok.c_str(), nullptr));
      cur.rows.emplace_back(key, values);
    }
  }
  return out;
}

ColMajor matrix(int64_t m, int64_t n, int64_t seed) {
  initlab::NumpyRandomState rs(seed);
  ColMajor a(m, n);
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < n; ++j) a(i, j) = rs.normal(0.0, 1.0);
  return a;
}

std::vector<double> row_major(const ColMajor& a) {
  std::vector<double> out;
  for (int64_t i = 0; i < a.rows; ++i)
    for (int64_t j = 0; j < a.cols; ++j) out.push_back(a(i, j));
  return out;
}

uint64_t fnv1a_f32(const ColMajor& a) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (double v : row_major(a)) {
    const float f = static_cast<float>(v);
    unsigned char b[4];
    std::memcpy(b, &f, 4);
    for (unsigned char c : b) {
      h ^= c;
      h *= 0x100000001b3ull;
    }
  }
  return h;
}

// Bits equal, or (when `exact` is false) within `tol` of numpy's with the same sign.
void check_values(const std::string& what, const std::vector<double>& got, const std::vector<double>& want, bool exact, double tol) {
  REQUIRE_MESSAGE(got.size() == want.size(), what << ": " << got.size() << " values, numpy has " << want.size());
  int wrong = 0;
  for (std::size_t i = 0; i < got.size(); ++i) {
    const bool ok = exact ? std::memcmp(&got[i], &want[i], 8) == 0
                          : std::fabs(got[i] - want[i]) <= tol && (std::signbit(got[i]) == std::signbit(want[i]) || std::fabs(want[i]) < tol);
    if (!ok && ++wrong <= 3) {
      MESSAGE(what << "[" << i << "] = " << got[i] << " (" << std::hexfloat << got[i] << std::defaultfloat << "), numpy " << want[i]
                   << " (" << std::hexfloat << want[i] << std::defaultfloat << ")");
    }
  }
  CHECK_MESSAGE(wrong == 0, what << ": " << wrong << " of " << got.size() << " values differ");
}

}  // namespace

TEST_SUITE("numpy linalg") {

TEST_CASE("np.linalg.qr is numpy's dgeqrf/dorgqr bit for bit") {
  int cases = 0;
  for (const Record& r : read_records()) {
    if (r.kind != "qr") continue;
    ++cases;
    CAPTURE(r.m);
    CAPTURE(r.n);
    const initlab::linalg::Qr qr = initlab::linalg::qr(matrix(r.m, r.n, r.seed));
    check_values("q", row_major(qr.q), *r.get("q"), true, 0);
    check_values("r", row_major(qr.r), *r.get("r"), true, 0);
  }
  CHECK(cases >= 5);
}

TEST_CASE("np.linalg.svd has numpy's signs and values, and numpy's bits for small matrices") {
  int cases = 0, exact_cases = 0;
  for (const Record& r : read_records()) {
    if (r.kind != "svd") continue;
    ++cases;
    CAPTURE(r.m);
    CAPTURE(r.n);
    CAPTURE(r.full);
    const initlab::linalg::Svd svd = initlab::linalg::svd(matrix(r.m, r.n, r.seed), r.full);
    REQUIRE(svd.converged);
    const std::vector<double>& s = *r.get("s");
    check_values("s", svd.s, s, false, 1e-13 * s[0]);
    std::vector<double> ucols(static_cast<std::size_t>(svd.u.cols), 0.0), vtrows(static_cast<std::size_t>(svd.vt.rows), 0.0);
    for (int64_t j = 0; j < svd.u.cols; ++j)
      for (int64_t i = 0; i < svd.u.rows; ++i) ucols[static_cast<std::size_t>(j)] += svd.u(i, j);
    for (int64_t i = 0; i < svd.vt.rows; ++i)
      for (int64_t j = 0; j < svd.vt.cols; ++j) vtrows[static_cast<std::size_t>(i)] += svd.vt(i, j);
    // A sum of a vector's entries flips with its sign: equal sums mean equal signs.
    check_values("u column sums", ucols, *r.get("ucols"), false, 1e-11);
    check_values("vt row sums", vtrows, *r.get("vtrows"), false, 1e-11);
    if (const auto* u = r.get("u")) {
      ++exact_cases;
      check_values("u", row_major(svd.u), *u, true, 0);
      check_values("vt", row_major(svd.vt), *r.get("vt"), true, 0);
      check_values("s (bits)", svd.s, s, true, 0);
    }
    if (r.has_q32) {
      const bool tall = r.m >= r.n;
      CHECK_MESSAGE(fnv1a_f32(tall ? svd.u : svd.vt) == r.q32, "the orthogonal init's float32 weights differ from numpy's");
    }
  }
  CHECK(cases >= 40);
  CHECK(exact_cases >= 10);
}

}  // TEST_SUITE
