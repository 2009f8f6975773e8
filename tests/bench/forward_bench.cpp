// The forward-pass benchmark's workloads, one function each, timed in-process. Natively,
// main() prints the table; in wasm the same functions are exported and bench.mjs calls them
// interleaved with tfjs-wasm, so machine noise hits both systems alike.
//   W1: the tutorial CNN (eval) at batch 64 on 1x28x28       ~61.5 MFLOP
//   W2: 20 x [Linear(512, 512) + tanh] at batch 256          ~2.68 GFLOP
//   W3: one 512 x 512 x 512 GEMM                              ~268 MFLOP
//   peak: a register-resident SIMD multiply-add loop (8 independent accumulators)
#include <chrono>
#include <cstdio>
#include <memory>
#include <vector>

#include <xsimd/xsimd.hpp>

#include "initlab/generator.hpp"
#include "initlab/kernels.hpp"
#include "initlab/nn/layers.hpp"
#include "initlab/probe.hpp"
#include "initlab/sampling.hpp"
#include "tutorial_cnn.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

struct W1 {
  examples::TutorialCNN model;
  initlab::Tensor x{initlab::Shape{64, 1, 28, 28}};
  W1() {
    initlab::default_generator().manual_seed(0);
    model.eval();
    initlab::normal_(x, 0, 1, initlab::default_generator());
  }
};

struct W2 {
  initlab::nn::Sequential net;
  initlab::Tensor x{initlab::Shape{256, 512}};
  W2() {
    initlab::default_generator().manual_seed(0);
    for (int i = 0; i < 20; ++i) {
      net.append(std::make_shared<initlab::nn::Linear>(512, 512));
      net.append(initlab::nn::make_tanh());
    }
    initlab::normal_(x, 0, 1, initlab::default_generator());
  }
};

struct W3 {
  std::vector<float> a = std::vector<float>(512 * 512), b = a, c = a;
  W3() {
    initlab::Generator g(0);
    for (float& v : a) v = g.uniform_float(-1, 1);
    for (float& v : b) v = g.uniform_float(-1, 1);
  }
};

W1& w1() {
  static W1 w;
  return w;
}
W2& w2() {
  static W2 w;
  return w;
}
W3& w3() {
  static W3 w;
  return w;
}

volatile float sink;

}  // namespace

extern "C" {

// Each returns milliseconds per iteration over `iters` iterations.
double bench_w1(int iters, int with_probe) {
  W1& w = w1();
  const auto t0 = Clock::now();
  for (int i = 0; i < iters; ++i) {
    if (with_probe) {
      initlab::probe::Probe probe(w.model);
      initlab::nn::ObserveForward observe(&probe);
      sink = w.model(w.x).data()[0];
    } else {
      sink = w.model(w.x).data()[0];
    }
  }
  return ms_since(t0) / iters;
}

double bench_w2(int iters) {
  W2& w = w2();
  const auto t0 = Clock::now();
  for (int i = 0; i < iters; ++i) sink = w.net(w.x).data()[0];
  return ms_since(t0) / iters;
}

double bench_w3(int iters) {
  W3& w = w3();
  const auto t0 = Clock::now();
  for (int i = 0; i < iters; ++i) {
    initlab::kernels::gemm(512, 512, 512, w.a.data(), 512, w.b.data(), 512, false, w.c.data(), 512);
  }
  sink = w.c[7];
  return ms_since(t0) / iters;
}

// GFLOP/s of a loop of independent SIMD multiply-adds that never leaves registers.
double bench_peak_gflops(int iters) {
  using B = xsimd::batch<float>;
  B a0(1.0f), a1(1.1f), a2(1.2f), a3(1.3f), a4(1.4f), a5(1.5f), a6(1.6f), a7(1.7f);
  const B m(0.999999f), k(1e-7f);
  const auto t0 = Clock::now();
  for (int i = 0; i < iters; ++i) {
    a0 = xsimd::fma(a0, m, k);
    a1 = xsimd::fma(a1, m, k);
    a2 = xsimd::fma(a2, m, k);
    a3 = xsimd::fma(a3, m, k);
    a4 = xsimd::fma(a4, m, k);
    a5 = xsimd::fma(a5, m, k);
    a6 = xsimd::fma(a6, m, k);
    a7 = xsimd::fma(a7, m, k);
  }
  const double ms = ms_since(t0);
  sink = xsimd::hadd(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7);
  return 8.0 * 2.0 * static_cast<double>(B::size) * iters / (ms * 1e6);
}

// Peak bytes of tensor storage alive during one W1 forward with the probe on.
double bench_w1_peak_bytes() {
  w1();  // built before the measurement starts
  initlab::TensorMemory::reset_peak();
  const auto before = initlab::TensorMemory::live_bytes();
  bench_w1(1, 1);
  return static_cast<double>(initlab::TensorMemory::peak_bytes() - before);
}

int bench_simd_width() { return initlab::kernels::simd_width(); }

}  // extern "C"

#ifndef __EMSCRIPTEN__
#include <algorithm>

namespace {

template <class F>
double median_of(int reps, F&& f) {
  std::vector<double> v;
  for (int r = 0; r < reps; ++r) v.push_back(f());
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main() {
  bench_w1(3, 0);  // warm up: packing buffers, page faults
  const double peak = median_of(5, [] { return bench_peak_gflops(20000000); });
  const double w1_ms = median_of(15, [] { return bench_w1(5, 0); });
  const double w1p_ms = median_of(15, [] { return bench_w1(5, 1); });
  const double w2_ms = median_of(7, [] { return bench_w2(1); });
  const double w3_ms = median_of(9, [] { return bench_w3(2); });
  const double w3_gflops = 2.0 * 512 * 512 * 512 / (w3_ms * 1e6);
  std::printf("native (%s, %d floats per vector), one thread\n", initlab::kernels::simd_arch_name(),
              bench_simd_width());
  std::printf("  peak SIMD mul+add        %8.1f GFLOP/s\n", peak);
  std::printf("  W1 tutorial CNN b64      %8.3f ms/forward  %6.1f GFLOP/s\n", w1_ms, 0.0615 / w1_ms * 1e3);
  std::printf("  W1 + probe               %8.3f ms/forward  probe adds %.1f%%\n", w1p_ms,
              100 * (w1p_ms / w1_ms - 1));
  std::printf("  W2 20x[Linear512+tanh]   %8.3f ms/forward  %6.1f GFLOP/s\n", w2_ms,
              20 * 2.0 * 256 * 512 * 512 / (w2_ms * 1e6));
  std::printf("  W3 GEMM 512^3            %8.3f ms          %6.1f GFLOP/s = %.0f%% of peak\n", w3_ms,
              w3_gflops, 100 * w3_gflops / peak);
  std::printf("  W1 peak tensor memory    %8.2f MB\n", bench_w1_peak_bytes() / 1e6);
  return 0;
}
#endif
