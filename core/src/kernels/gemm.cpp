// Packed, register-blocked GEMM (after Goto & van de Geijn, "Anatomy of High-Performance
// Matrix Multiplication", 2008). A 4 x 2W tile of C lives in 8 registers while k runs; in V8
// this shape beat 6x8, 3x12, 4x12 and 5x8 by 1.6-1.9x (prototype measured on this machine).
#include <algorithm>
#include <vector>

#include "initlab/kernels.hpp"
#include "simd.hpp"

namespace initlab::kernels {

namespace {

constexpr int64_t MR = kGemmRowTile;
constexpr int64_t NR = 2 * W;
constexpr int64_t KC = 256;  // k-block: a packed A and B panel stay in L1/L2
constexpr int64_t NC = 512;   // a packed B block (KC x NC floats) fits in L2

using AlignedVec = std::vector<float, xsimd::aligned_allocator<float>>;

// Pack B[k0:k0+kc, j0:j0+nc] into panels of NR columns, k-major, zero-padded.
void pack_b(int64_t kc, int64_t nc, const float* B, int64_t ldb, bool b_trans, int64_t k0,
            int64_t j0, float* out) {
  for (int64_t jp = 0; jp < nc; jp += NR) {
    const int64_t cols = std::min(NR, nc - jp);
    for (int64_t k = 0; k < kc; ++k) {
      float* dst = out + (jp / NR) * kc * NR + k * NR;
      if (!b_trans) {
        const float* src = B + (k0 + k) * ldb + j0 + jp;
        int64_t j = 0;
        for (; j < cols; ++j) dst[j] = src[j];
        for (; j < NR; ++j) dst[j] = 0.0f;
      } else {
        int64_t j = 0;
        for (; j < cols; ++j) dst[j] = B[(j0 + jp + j) * ldb + k0 + k];
        for (; j < NR; ++j) dst[j] = 0.0f;
      }
    }
  }
}

// Pack A[i0:i0+mc, k0:k0+kc] into panels of MR rows, k-major, zero-padded.
void pack_a(int64_t mc, int64_t kc, const float* A, int64_t lda, int64_t i0, int64_t k0,
            float* out) {
  for (int64_t ip = 0; ip < mc; ip += MR) {
    const int64_t rows = std::min(MR, mc - ip);
    float* dst = out + (ip / MR) * kc * MR;
    for (int64_t k = 0; k < kc; ++k) {
      int64_t r = 0;
      for (; r < rows; ++r) dst[k * MR + r] = A[(i0 + ip + r) * lda + k0 + k];
      for (; r < MR; ++r) dst[k * MR + r] = 0.0f;
    }
  }
}

// The register tile: c[MR x NR] (+)= a_panel (kc x MR) * b_panel (kc x NR).
void micro_kernel(int64_t kc, const float* a, const float* b, float* c, int64_t ldc,
                  bool accumulate) {
  fbatch c00(0.0f), c01(0.0f), c10(0.0f), c11(0.0f), c20(0.0f), c21(0.0f), c30(0.0f),
      c31(0.0f);
  for (int64_t k = 0; k < kc; ++k) {
    const fbatch b0 = fbatch::load_aligned(b);
    const fbatch b1 = fbatch::load_aligned(b + W);
    fbatch ak(a[0]);
    c00 = xsimd::fma(ak, b0, c00);
    c01 = xsimd::fma(ak, b1, c01);
    ak = fbatch(a[1]);
    c10 = xsimd::fma(ak, b0, c10);
    c11 = xsimd::fma(ak, b1, c11);
    ak = fbatch(a[2]);
    c20 = xsimd::fma(ak, b0, c20);
    c21 = xsimd::fma(ak, b1, c21);
    ak = fbatch(a[3]);
    c30 = xsimd::fma(ak, b0, c30);
    c31 = xsimd::fma(ak, b1, c31);
    a += MR;
    b += NR;
  }
  const fbatch acc[MR][2] = {{c00, c01}, {c10, c11}, {c20, c21}, {c30, c31}};
  for (int64_t r = 0; r < MR; ++r) {
    float* row = c + r * ldc;
    for (int h = 0; h < 2; ++h) {
      fbatch v = acc[r][h];
      if (accumulate) v += fbatch::load_unaligned(row + h * W);
      v.store_unaligned(row + h * W);
    }
  }
}

void apply_epilogue(int64_t M, int64_t N, float* C, int64_t ldc, const Epilogue& ep) {
  if (!ep.scale && !ep.shift && !ep.relu) return;
  const fbatch zero(0.0f);
  for (int64_t i = 0; i < M; ++i) {
    float* row = C + i * ldc;
    if (ep.per_row) {
      const fbatch s(ep.scale ? ep.scale[i] : 1.0f), t(ep.shift ? ep.shift[i] : 0.0f);
      int64_t j = 0;
      for (; j + W <= N; j += W) {
        fbatch v = fbatch::load_unaligned(row + j) * s + t;
        if (ep.relu) v = xsimd::max(v, zero);
        v.store_unaligned(row + j);
      }
      for (; j < N; ++j) {
        float v = row[j] * (ep.scale ? ep.scale[i] : 1.0f) + (ep.shift ? ep.shift[i] : 0.0f);
        row[j] = ep.relu ? std::max(v, 0.0f) : v;
      }
    } else {
      int64_t j = 0;
      for (; j + W <= N; j += W) {
        fbatch v = fbatch::load_unaligned(row + j);
        if (ep.scale) v *= fbatch::load_unaligned(ep.scale + j);
        if (ep.shift) v += fbatch::load_unaligned(ep.shift + j);
        if (ep.relu) v = xsimd::max(v, zero);
        v.store_unaligned(row + j);
      }
      for (; j < N; ++j) {
        float v = row[j] * (ep.scale ? ep.scale[j] : 1.0f) + (ep.shift ? ep.shift[j] : 0.0f);
        row[j] = ep.relu ? std::max(v, 0.0f) : v;
      }
    }
  }
}

}  // namespace

namespace {

struct MatrixB {
  const float* B;
  int64_t ldb;
  bool b_trans;
};

void pack_matrix_b(const void* context, int64_t k0, int64_t kc, int64_t j0, int64_t nc,
                   float* out) {
  const auto* m = static_cast<const MatrixB*>(context);
  pack_b(kc, nc, m->B, m->ldb, m->b_trans, k0, j0, out);
}

}  // namespace

int64_t gemm_panel_width() { return NR; }

void gemm(int64_t M, int64_t N, int64_t K, const float* A, int64_t lda, const float* B,
          int64_t ldb, bool b_trans, float* C, int64_t ldc, const Epilogue& ep) {
  const MatrixB b{B, ldb, b_trans};
  gemm_custom_b(M, N, K, A, lda, pack_matrix_b, &b, C, ldc, ep);
}

void gemm_custom_b(int64_t M, int64_t N, int64_t K, const float* A, int64_t lda, PackB pack,
                   const void* context, float* C, int64_t ldc, const Epilogue& ep,
                   bool rows_padded) {
  if (M <= 0 || N <= 0) return;
  if (K <= 0) {
    for (int64_t i = 0; i < M; ++i) std::fill(C + i * ldc, C + i * ldc + N, 0.0f);
    apply_epilogue(M, N, C, ldc, ep);
    return;
  }
  // Packing buffers live as long as the thread: no allocation once they have grown.
  thread_local AlignedVec packed_a, packed_b, edge;
  const int64_t kc_max = std::min(K, KC);
  const int64_t m_padded = (M + MR - 1) / MR * MR;
  packed_a.resize(static_cast<std::size_t>(m_padded * kc_max));
  packed_b.resize(static_cast<std::size_t>((std::min(N, NC) + NR - 1) / NR * NR * kc_max));
  edge.resize(static_cast<std::size_t>(MR * NR));

  for (int64_t j0 = 0; j0 < N; j0 += NC) {
    const int64_t nc = std::min(NC, N - j0);
    for (int64_t k0 = 0; k0 < K; k0 += KC) {
      const int64_t kc = std::min(KC, K - k0);
      const bool accumulate = k0 > 0;
      pack(context, k0, kc, j0, nc, packed_b.data());
      pack_a(M, kc, A, lda, 0, k0, packed_a.data());
      for (int64_t ip = 0; ip < M; ip += MR) {
        const int64_t rows = std::min(MR, M - ip);
        const float* a_panel = packed_a.data() + (ip / MR) * kc * MR;
        for (int64_t jp = 0; jp < nc; jp += NR) {
          const int64_t cols = std::min(NR, nc - jp);
          const float* b_panel = packed_b.data() + (jp / NR) * kc * NR;
          float* c = C + ip * ldc + j0 + jp;
          if ((rows == MR || rows_padded) && cols == NR) {
            micro_kernel(kc, a_panel, b_panel, c, ldc, accumulate);
            continue;
          }
          // A partial tile goes through a scratch tile so the kernel never writes outside C.
          float* t = edge.data();
          for (int64_t r = 0; r < rows; ++r)
            for (int64_t j = 0; j < cols; ++j) t[r * NR + j] = accumulate ? c[r * ldc + j] : 0.0f;
          micro_kernel(kc, a_panel, b_panel, t, NR, true);
          for (int64_t r = 0; r < rows; ++r)
            for (int64_t j = 0; j < cols; ++j) c[r * ldc + j] = t[r * NR + j];
        }
      }
    }
  }
  apply_epilogue(M, N, C, ldc, ep);
}

void gemm_ref(int64_t M, int64_t N, int64_t K, const float* A, int64_t lda, const float* B,
              int64_t ldb, bool b_trans, float* C, int64_t ldc, const Epilogue& ep) {
  for (int64_t i = 0; i < M; ++i) {
    for (int64_t j = 0; j < N; ++j) {
      float acc = 0.0f;
      for (int64_t k = 0; k < K; ++k)
        acc += A[i * lda + k] * (b_trans ? B[j * ldb + k] : B[k * ldb + j]);
      const int64_t idx = ep.per_row ? i : j;
      float v = acc * (ep.scale ? ep.scale[idx] : 1.0f) + (ep.shift ? ep.shift[idx] : 0.0f);
      C[i * ldc + j] = ep.relu ? std::max(v, 0.0f) : v;
    }
  }
}

}  // namespace initlab::kernels
