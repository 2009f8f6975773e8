// Every SIMD kernel against its scalar reference, at sizes around the vector width
// (W-1, W, W+1, k*W) and odd shapes, as XNNPACK tests its kernels.
#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "initlab/generator.hpp"
#include "initlab/kernels.hpp"

namespace k = initlab::kernels;

namespace {

std::vector<float> random_vector(int64_t n, uint64_t seed, float scale = 1.0f) {
  initlab::Generator g(seed);
  std::vector<float> v(static_cast<std::size_t>(n));
  for (float& x : v) x = g.uniform_float(-scale, scale);
  return v;
}

// Sizes that straddle the vector width.
std::vector<int64_t> sizes_around_width() {
  const int64_t w = k::simd_width();
  return {1, w - 1, w, w + 1, 2 * w, 3 * w + 1, 5 * w - 1, 1024 + w + 3};
}

void check_close(const std::vector<float>& a, const std::vector<float>& b, double rel,
                 double abs_tol) {
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    const double x = static_cast<double>(a[i]), y = static_cast<double>(b[i]);
    if (std::isnan(y)) {
      CHECK(std::isnan(x));
      continue;
    }
    INFO("element " << i);
    CHECK(std::fabs(x - y) <= abs_tol + rel * std::fabs(y));
  }
}

}  // namespace

TEST_SUITE("kernels") {

TEST_CASE("the SIMD width is what the build targets") {
  CHECK(k::simd_width() >= 4);
#ifdef __EMSCRIPTEN__
  CHECK(std::string(k::simd_arch_name()) == "sse4.2");
  CHECK(k::simd_width() == 4);
#endif
}

TEST_CASE("gemm matches the reference for odd shapes, both B layouts and every epilogue") {
  const int64_t w = k::simd_width();
  const std::vector<std::array<int64_t, 3>> shapes = {
      {1, 1, 1},         {3, 2 * w - 1, 5},  {4, 2 * w, 7},     {5, 2 * w + 1, 300},
      {13, 3 * w + 3, 33}, {64, 50, 320},   {10, 576, 25},     {17, 65, 513}};
  for (const auto& shape : shapes) {
    const int64_t M = shape[0], N = shape[1], K = shape[2];
    for (bool b_trans : {false, true}) {
      for (int ep_kind = 0; ep_kind < 3; ++ep_kind) {
        CAPTURE(M);
        CAPTURE(N);
        CAPTURE(K);
        CAPTURE(b_trans);
        CAPTURE(ep_kind);
        const auto A = random_vector(M * K, 1), B = random_vector(K * N, 2);
        const auto scale = random_vector(std::max(M, N), 3), shift = random_vector(std::max(M, N), 4);
        k::Epilogue ep;
        if (ep_kind == 1) {
          ep.shift = shift.data();  // a bias per column (Linear)
        } else if (ep_kind == 2) {
          ep.scale = scale.data();  // folded BatchNorm per row (conv), then ReLU
          ep.shift = shift.data();
          ep.per_row = true;
          ep.relu = true;
        }
        const int64_t ldb = b_trans ? K : N;
        std::vector<float> c(static_cast<std::size_t>(M * N), 7.0f), r(c);
        k::gemm(M, N, K, A.data(), K, B.data(), ldb, b_trans, c.data(), N, ep);
        k::gemm_ref(M, N, K, A.data(), K, B.data(), ldb, b_trans, r.data(), N, ep);
        check_close(c, r, 1e-5, 1e-5 * std::sqrt(static_cast<double>(K)));
      }
    }
  }
}

TEST_CASE("gemm writes only inside C (leading dimension larger than N)") {
  const int64_t M = 5, N = 9, K = 4, ldc = 16;
  const auto A = random_vector(M * K, 5), B = random_vector(K * N, 6);
  std::vector<float> c(static_cast<std::size_t>(M * ldc), 42.0f);
  k::gemm(M, N, K, A.data(), K, B.data(), N, false, c.data(), ldc);
  for (int64_t i = 0; i < M; ++i)
    for (int64_t j = N; j < ldc; ++j) CHECK(c[static_cast<std::size_t>(i * ldc + j)] == 42.0f);
}

TEST_CASE("im2col matches the reference with stride, padding and dilation") {
  for (int64_t stride : {1, 2}) {
    for (int64_t pad : {0, 1, 2}) {
      for (int64_t dil : {1, 2}) {
        k::Conv2dGeometry g{3, 9, 11, 3, 3, stride, stride, pad, pad, dil, dil, 0, 0};
        g.out_h = (g.height + 2 * pad - dil * 2 - 1) / stride + 1;
        g.out_w = (g.width + 2 * pad - dil * 2 - 1) / stride + 1;
        const auto img = random_vector(3 * 9 * 11, 7);
        const auto n = static_cast<std::size_t>(3 * 9 * g.out_h * g.out_w);
        std::vector<float> a(n, -1.0f), b(n, -2.0f);
        k::im2col(g, img.data(), a.data());
        k::im2col_ref(g, img.data(), b.data());
        CHECK(a == b);
      }
    }
  }
}

TEST_CASE("gemm with im2col packed from the images equals gemm on the im2col matrix") {
  for (int64_t stride : {1, 2}) {
    for (int64_t pad : {0, 1}) {
      for (int64_t dil : {1, 2}) {
        for (int64_t width : {k::simd_width() + 3, 2 * k::simd_width()}) {
          const int64_t C = 3, H = 7, images = 3, OC = 5;
          k::Conv2dGeometry g{C, H, width, 3, 3, stride, stride, pad, pad, dil, dil, 0, 0};
          g.out_h = (H + 2 * pad - dil * 2 - 1) / stride + 1;
          g.out_w = (width + 2 * pad - dil * 2 - 1) / stride + 1;
          const int64_t P = g.out_h * g.out_w, K = C * 9, N = images * P;
          const auto img = random_vector(images * C * H * width, 21);
          const auto w = random_vector(OC * K, 22);
          std::vector<float> cols(static_cast<std::size_t>(K * N));
          for (int64_t n = 0; n < images; ++n) {
            std::vector<float> one(static_cast<std::size_t>(K * P));
            k::im2col_ref(g, img.data() + n * C * H * width, one.data());
            for (int64_t r = 0; r < K; ++r)
              for (int64_t p = 0; p < P; ++p)
                cols[static_cast<std::size_t>(r * N + n * P + p)] = one[static_cast<std::size_t>(r * P + p)];
          }
          std::vector<float> a(static_cast<std::size_t>(OC * N)), b(a);
          const k::Im2colBatch batch{g, img.data(), C * H * width, images};
          k::gemm_custom_b(OC, N, K, w.data(), K, k::pack_im2col, &batch, a.data(), N);
          k::gemm_ref(OC, N, K, w.data(), K, cols.data(), N, false, b.data(), N);
          check_close(a, b, 1e-5, 1e-5);
        }
      }
    }
  }
}

TEST_CASE("pooling kernels match their references") {
  for (int64_t h : {4, 7, 9}) {
    for (int64_t w : {k::simd_width() - 1, k::simd_width(), k::simd_width() + 1, 2 * k::simd_width() + 3}) {
      for (int64_t kernel : {2, 3}) {
        for (int64_t stride : {1, 2}) {
          for (int64_t pad : {0, 1}) {
            if (pad * 2 > kernel || w + 2 * pad < kernel || h + 2 * pad < kernel) continue;
            k::Pool2dGeometry g{h, w, kernel, kernel, stride, stride, pad, pad, 0, 0, true};
            g.out_h = (h + 2 * pad - kernel) / stride + 1;
            g.out_w = (w + 2 * pad - kernel) / stride + 1;
            const auto in = random_vector(3 * h * w, 8);
            const auto n = static_cast<std::size_t>(3 * g.out_h * g.out_w);
            std::vector<float> a(n), b(n);
            k::max_pool2d(g, 3, in.data(), a.data());
            k::max_pool2d_ref(g, 3, in.data(), b.data());
            CHECK(a == b);
            k::avg_pool2d(g, 3, in.data(), a.data());
            k::avg_pool2d_ref(g, 3, in.data(), b.data());
            check_close(a, b, 1e-6, 1e-7);
          }
        }
      }
    }
  }
  for (const auto& geo : std::vector<std::array<int64_t, 4>>{{5, 7, 1, 1}, {3, 3, 2, 2}, {7, 9, 3, 4}}) {
    const int64_t h = geo[0], w = geo[1], oh = geo[2], ow = geo[3];
    const auto in = random_vector(2 * h * w, 9);
    std::vector<float> a(static_cast<std::size_t>(2 * oh * ow)), b(a);
    k::adaptive_avg_pool2d(2, h, w, oh, ow, in.data(), a.data());
    k::adaptive_avg_pool2d_ref(2, h, w, oh, ow, in.data(), b.data());
    check_close(a, b, 1e-6, 1e-7);
  }
}

TEST_CASE("normalization kernels match their references") {
  for (int64_t inner : sizes_around_width()) {
    const int64_t outer = 3, channels = 5;
    const auto x = random_vector(outer * channels * inner, 10, 3.0f);
    const auto scale = random_vector(channels, 11), shift = random_vector(channels, 12);
    const auto center = random_vector(channels, 18);
    std::vector<float> a(x.size()), b(x.size());
    for (const float* c : {static_cast<const float*>(nullptr), center.data()}) {
      k::channel_affine(outer, channels, inner, x.data(), c, scale.data(), shift.data(), a.data());
      k::channel_affine_ref(outer, channels, inner, x.data(), c, scale.data(), shift.data(), b.data());
      check_close(a, b, 1e-6, 1e-6);
    }
    std::vector<double> m1(5), v1(5), m2(5), v2(5);
    k::channel_moments(outer, channels, inner, x.data(), m1.data(), v1.data());
    k::channel_moments_ref(outer, channels, inner, x.data(), m2.data(), v2.data());
    for (int c = 0; c < 5; ++c) {
      CHECK(m1[static_cast<std::size_t>(c)] == doctest::Approx(m2[static_cast<std::size_t>(c)]).epsilon(1e-6));
      CHECK(v1[static_cast<std::size_t>(c)] == doctest::Approx(v2[static_cast<std::size_t>(c)]).epsilon(1e-6));
    }
  }
}

TEST_CASE("activations match their references") {
  using A = k::Activation;
  for (A a : {A::relu, A::leaky_relu, A::elu, A::selu, A::gelu, A::gelu_tanh, A::silu, A::tanh,
              A::sigmoid, A::softplus, A::hardtanh, A::hardswish, A::hardsigmoid, A::mish, A::logsigmoid,
              A::softsign, A::celu, A::tanhshrink, A::threshold}) {
    for (int64_t n : sizes_around_width()) {
      CAPTURE(static_cast<int>(a));
      CAPTURE(n);
      auto x = random_vector(n, 13, 8.0f);
      x[0] = 1e-4f;  // near zero, where expm1 matters
      const k::ActivationParams p{0.1f, 1.0f, 20.0f};
      std::vector<float> out(x.size()), ref(x.size());
      k::activation(a, p, n, x.data(), out.data());
      k::activation_ref(a, p, n, x.data(), ref.data());
      check_close(out, ref, 4e-6, 1e-7);
      k::activation(a, p, n, x.data(), x.data());  // in place
      CHECK(x == out);
    }
  }
}

TEST_CASE("softmax and log-softmax match their references") {
  for (bool log : {false, true}) {
    for (int64_t dim : sizes_around_width()) {
      for (int64_t inner : {1, 3}) {
        const auto x = random_vector(2 * dim * inner, 14, 10.0f);
        std::vector<float> a(x.size()), b(x.size());
        k::softmax(log, 2, dim, inner, x.data(), a.data());
        k::softmax_ref(log, 2, dim, inner, x.data(), b.data());
        // log-softmax near 0 is -log(sum) with sum near 1: a one-ulp difference in the sum
        // (summation order) moves it by ~1.2e-7 absolute, so two ulps of 1.0 is the floor.
        check_close(a, b, 2e-6, log ? 2.4e-7 : 1e-7);
      }
    }
  }
}

TEST_CASE("activation backward matches its reference") {
  using A = k::Activation;
  for (A a : {A::relu, A::leaky_relu, A::elu, A::selu, A::gelu, A::gelu_tanh, A::silu, A::tanh,
              A::sigmoid, A::softplus, A::hardtanh, A::hardswish, A::hardsigmoid, A::mish, A::logsigmoid,
              A::softsign, A::celu, A::tanhshrink, A::threshold}) {
    for (int64_t n : sizes_around_width()) {
      CAPTURE(static_cast<int>(a));
      CAPTURE(n);
      const auto x = random_vector(n, 21, 8.0f);
      const auto dy = random_vector(n, 22);
      const k::ActivationParams p{0.1f, 1.5f, 4.0f};
      std::vector<float> y(x.size()), out(x.size()), ref(x.size());
      k::activation_ref(a, p, n, x.data(), y.data());
      k::activation_backward(a, p, n, x.data(), y.data(), dy.data(), out.data());
      k::activation_backward_ref(a, p, n, x.data(), y.data(), dy.data(), ref.data());
      check_close(out, ref, 1e-5, 1e-7);
    }
  }
}

TEST_CASE("softmax backward matches its reference") {
  for (bool log : {false, true}) {
    for (int64_t dim : sizes_around_width()) {
      for (int64_t inner : {1, 3}) {
        CAPTURE(log);
        CAPTURE(dim);
        const auto x = random_vector(2 * dim * inner, 23, 4.0f);
        const auto dy = random_vector(2 * dim * inner, 24);
        std::vector<float> y(x.size()), a(x.size()), b(x.size());
        k::softmax_ref(log, 2, dim, inner, x.data(), y.data());
        k::softmax_backward(log, 2, dim, inner, y.data(), dy.data(), a.data());
        k::softmax_backward_ref(log, 2, dim, inner, y.data(), dy.data(), b.data());
        check_close(a, b, 1e-5, 1e-6);
      }
    }
  }
}

TEST_CASE("BatchNorm backward kernels match their references") {
  for (int64_t inner : sizes_around_width()) {
    for (int64_t channels : {int64_t{1}, int64_t{3}, int64_t{k::simd_width() + 1}}) {
      CAPTURE(inner);
      CAPTURE(channels);
      const int64_t outer = inner == 1 ? 300 : 2;  // inner 1: more rows than one flush
      const int64_t n = outer * channels * inner;
      const auto x = random_vector(n, 27, 3.0f), dy = random_vector(n, 28);
      const auto mean = random_vector(channels, 29), a = random_vector(channels, 30);
      const auto b = random_vector(channels, 31), s = random_vector(channels, 32);
      std::vector<double> s1(static_cast<std::size_t>(channels)), s2(s1), r1(s1), r2(s1);
      k::batch_norm_backward_reduce(outer, channels, inner, x.data(), dy.data(), mean.data(), s1.data(), s2.data());
      k::batch_norm_backward_reduce_ref(outer, channels, inner, x.data(), dy.data(), mean.data(), r1.data(), r2.data());
      for (std::size_t c = 0; c < s1.size(); ++c) {
        // float vectors over runs: relative to the sum of magnitudes (about n of them)
        const double scale = static_cast<double>(n) / static_cast<double>(channels);
        CHECK(std::fabs(s1[c] - r1[c]) <= 1e-6 * scale);
        CHECK(std::fabs(s2[c] - r2[c]) <= 4e-6 * scale);
      }
      std::vector<float> d(static_cast<std::size_t>(n)), dr(d);
      k::batch_norm_backward_input(outer, channels, inner, x.data(), dy.data(), mean.data(), a.data(), b.data(), s.data(), d.data());
      k::batch_norm_backward_input_ref(outer, channels, inner, x.data(), dy.data(), mean.data(), a.data(), b.data(), s.data(), dr.data());
      check_close(d, dr, 1e-5, 1e-6);
    }
  }
}

TEST_CASE("pooling backward matches its reference, ties and NaN included") {
  for (int64_t h : {4, 5, 8}) {
    for (int64_t w : {k::simd_width() - 1, k::simd_width() + 2}) {
      CAPTURE(h);
      CAPTURE(w);
      k::Pool2dGeometry g{h, w, 2, 2, 2, 2, 0, 0, h / 2, w / 2, true};
      auto x = random_vector(3 * h * w, 33);
      for (std::size_t i = 0; i < x.size(); i += 7) x[i] = 0.5f;  // ties in some windows
      x[5] = NAN;
      const auto dy = random_vector(3 * g.out_h * g.out_w, 34);
      std::vector<float> a(x.size(), -1.0f), b(x.size(), -2.0f);
      k::max_pool2d_backward(g, 3, x.data(), dy.data(), a.data());
      k::max_pool2d_backward_ref(g, 3, x.data(), dy.data(), b.data());
      CHECK(a == b);
      k::avg_pool2d_backward(g, 3, dy.data(), a.data());
      k::avg_pool2d_backward_ref(g, 3, dy.data(), b.data());
      CHECK(a == b);
    }
  }
}

TEST_CASE("col2im matches the reference and is the adjoint of im2col") {
  for (int64_t stride : {1, 2}) {
    for (int64_t pad : {0, 1, 2}) {
      for (int64_t dil : {1, 2}) {
        // Widths around the SIMD width, so the vector loop and its tail both run.
        for (int64_t width : {k::simd_width() + 3, 2 * k::simd_width() + 5}) {
          k::Conv2dGeometry g{3, 7, width, 3, 3, stride, stride, pad, pad, dil, dil, 0, 0};
          g.out_h = (g.height + 2 * pad - dil * 2 - 1) / stride + 1;
          g.out_w = (g.width + 2 * pad - dil * 2 - 1) / stride + 1;
          const int64_t P = g.out_h * g.out_w, K = 3 * 9;
          const auto cols = random_vector(K * P, 25);
          const auto img = random_vector(3 * 7 * width, 26);
          std::vector<float> a(img.size(), 0.0f), b(img.size(), 0.0f);
          k::col2im_strided(g, cols.data(), P, a.data());
          k::col2im_ref(g, cols.data(), b.data());
          check_close(a, b, 1e-6, 1e-6);
          // <im2col(img), cols> == <img, col2im(cols)>
          std::vector<float> c(static_cast<std::size_t>(K * P));
          k::im2col_ref(g, img.data(), c.data());
          double lhs = 0, rhs = 0;
          for (std::size_t i = 0; i < c.size(); ++i) lhs += static_cast<double>(c[i]) * static_cast<double>(cols[i]);
          for (std::size_t i = 0; i < img.size(); ++i) rhs += static_cast<double>(img[i]) * static_cast<double>(b[i]);
          CHECK(lhs == doctest::Approx(rhs).epsilon(1e-5));
        }
      }
    }
  }
}

TEST_CASE("softmax keeps subnormal probabilities as libm does (exactly-zero fractions agree)") {
  const int64_t dim = 4 * k::simd_width();
  std::vector<float> x(static_cast<std::size_t>(dim));
  for (int64_t i = 0; i < dim; ++i) x[static_cast<std::size_t>(i)] = -static_cast<float>(i) * 7.5f;
  std::vector<float> a(x.size()), b(x.size());
  k::softmax(false, 1, dim, 1, x.data(), a.data());
  k::softmax_ref(false, 1, dim, 1, x.data(), b.data());
  for (std::size_t i = 0; i < a.size(); ++i) CHECK((a[i] == 0.0f) == (b[i] == 0.0f));
}

TEST_CASE("binary ops match their references") {
  using B = k::BinaryOp;
  for (B op : {B::add, B::sub, B::mul, B::div}) {
    for (int64_t n : sizes_around_width()) {
      const auto a = random_vector(n, 15), b = random_vector(n, 16);
      std::vector<float> out(a.size()), ref(a.size());
      k::binary(op, n, a.data(), b.data(), out.data());
      k::binary_ref(op, n, a.data(), b.data(), ref.data());
      CHECK(out == ref);
      k::binary_scalar(op, n, a.data(), 0.5f, true, out.data());
      for (std::size_t i = 0; i < out.size(); ++i) {
        const float s = 0.5f;
        std::vector<float> one{s}, two{a[i]}, r1(1);
        k::binary_ref(op, 1, one.data(), two.data(), r1.data());
        CHECK(out[i] == r1[0]);
      }
    }
  }
}

TEST_CASE("summaries match the reference, NaN and Inf included") {
  // Sizes below, at and past the 1024-element SIMD block, each with and without special values
  // (a NaN or Inf sends the whole tensor down the checked path, so both paths are covered).
  for (int64_t n : {int64_t{0}, int64_t{1}, int64_t{k::simd_width() + 1}, int64_t{1024}, int64_t{3000},
                    int64_t{4096 + 17}})
  for (const bool special : {false, true}) {
    CAPTURE(n);
    CAPTURE(special);
    auto x = random_vector(n, 17, 5.0f);
    if (n > 10) x[5] = 0.0f;
    if (special && n > 10) {
      x[3] = 0.0f;
      x[7] = std::nanf("");
      x[static_cast<std::size_t>(n - 1)] = -INFINITY;
      x[static_cast<std::size_t>(n / 2)] = INFINITY;
    }
    const auto s = k::summarize(n, x.data()), r = k::summarize_ref(n, x.data());
    CHECK(s.zeros == r.zeros);
    CHECK(s.nans == r.nans);
    CHECK(s.infs == r.infs);
    CHECK(s.finite == r.finite);
    if (r.finite > 0) {
      CHECK(s.min == r.min);
      CHECK(s.max == r.max);
      // A blocked float sum is accurate relative to sum |x| (a sum near zero cancels): each
      // lane adds at most 32 floats, so the error is below 32 * 2^-24 * sum |x| (2e-6).
      double abs_sum = 0;
      for (float v : x) abs_sum += std::isfinite(v) ? std::fabs(static_cast<double>(v)) : 0.0;
      CHECK(std::fabs(s.sum - r.sum) <= 2e-6 * abs_sum);
      CHECK(k::count_outside(n, x.data(), -0.99f, 0.99f) == k::count_outside_ref(n, x.data(), -0.99f, 0.99f));
      const double mean = r.sum / static_cast<double>(r.finite);
      CHECK(k::sum_sq_dev(n, x.data(), mean) ==
            doctest::Approx(k::sum_sq_dev_ref(n, x.data(), mean)).epsilon(1e-5));
    }
  }
}

}  // TEST_SUITE
