// The forward-pass benchmark's workloads, one function each, timed in-process. Natively,
// main() prints the table; in wasm the same functions are exported and bench.mjs calls them
// interleaved with tfjs-wasm, so machine noise hits both systems alike.
//   W1: the tutorial CNN (eval) at batch 64 on 1x28x28       ~61.5 MFLOP
//   W2: 20 x [Linear(512, 512) + tanh] at batch 256          ~2.68 GFLOP
//   W3: one 512 x 512 x 512 GEMM                              ~268 MFLOP
//   peak: a register-resident SIMD multiply-add loop (8 independent accumulators)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <vector>

#include <xsimd/xsimd.hpp>

#include "initlab/autograd.hpp"
#include "initlab/generator.hpp"
#include "initlab/kernels.hpp"
#include "initlab/nn/functional.hpp"
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

// GFLOP/s of a loop of independent SIMD multiply-adds that never leaves registers. Without
// hardware FMA (wasm), a multiply-add is a multiply then a dependent add: it takes many
// independent chains to hide that latency, so this tries 8, 12 and 14 and keeps the best.
template <int Chains>
double peak_with(int iters) {
  using B = xsimd::batch<float>;
  B acc[Chains];
  for (int c = 0; c < Chains; ++c) acc[c] = B(1.0f + 0.1f * static_cast<float>(c));
  const B m(0.999999f), k(1e-7f);
  const auto t0 = Clock::now();
  for (int i = 0; i < iters; ++i) {
    for (int c = 0; c < Chains; ++c) acc[c] = xsimd::fma(acc[c], m, k);
  }
  const double ms = ms_since(t0);
  B total(0.0f);
  for (int c = 0; c < Chains; ++c) total += acc[c];
  sink = xsimd::hadd(total);
  return Chains * 2.0 * static_cast<double>(B::size) * iters / (ms * 1e6);
}

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

// GFLOP/s of the best register-resident multiply-add loop (peak_with above).
double bench_peak_gflops(int iters) {
  return std::max({peak_with<8>(iters), peak_with<12>(iters * 2 / 3), peak_with<14>(iters * 4 / 7)});
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

namespace {

template <class F>
double median_of(int reps, F&& f) {
  std::vector<double> v;
  for (int r = 0; r < reps; ++r) v.push_back(f());
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// The tutorial CNN at batch 64 in train mode (BatchNorm with batch statistics): a forward
// alone (nothing recorded), or forward + F.nll_loss + backward with grad mode on. Native
// only (not part of the comparison with tfjs).
double bench_w1_train(int iters, bool backward) {
  static examples::TutorialCNN model;
  static initlab::Tensor target = [] {
    initlab::Tensor t(initlab::Shape{64});
    t.set_dtype(initlab::DType::int64);
    for (int64_t i = 0; i < 64; ++i) t.data()[i] = static_cast<float>(i % 10);
    return t;
  }();
  model.train();
  const bool previous = initlab::autograd::grad_enabled();
  initlab::autograd::set_grad_enabled(backward);
  const auto t0 = Clock::now();
  for (int i = 0; i < iters; ++i) {
    for (auto& [name, p] : model.named_parameters()) p.set_grad(initlab::Tensor());
    const initlab::Tensor loss = initlab::F::nll_loss(model(w1().x), target);
    if (backward) loss.backward();
    sink = loss.data()[0];
  }
  const double ms = ms_since(t0) / iters;
  initlab::autograd::set_grad_enabled(previous);
  return ms;
}

}  // namespace

int main() {
  // Inference, as torch.no_grad(): parameters require grad, so grad mode would record a graph.
  initlab::autograd::NoGrad no_grad;
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
  bench_w1_train(2, true);
  const double train_fwd = median_of(9, [] { return bench_w1_train(3, false); });
  const double train_step = median_of(9, [] { return bench_w1_train(3, true); });
  std::printf("  W1 train forward + loss  %8.3f ms\n", train_fwd);
  std::printf("  W1 train fwd + backward  %8.3f ms          backward = %.1fx the forward\n",
              train_step, train_step / train_fwd - 1);
  return 0;
}
#endif
