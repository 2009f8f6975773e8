// The forward-pass benchmark's workloads, one function each, timed in-process. Natively,
// main() prints the table; in wasm the same functions are exported and bench.mjs calls them
// interleaved with tfjs-wasm, so machine noise hits both systems alike.
//   W1: the tutorial CNN (eval) at batch 64 on 1x28x28       ~61.5 MFLOP
//   W2: 20 x [Linear(512, 512) + tanh] at batch 256          ~2.68 GFLOP
//   W3: one 512 x 512 x 512 GEMM                              ~268 MFLOP
//   peak: a register-resident SIMD multiply-add loop (8 independent accumulators)
//   T1, T2: a training step (forward, loss, backward, SGD with momentum) of W1 in train mode
//           with F.nll_loss, and of W2 with F.mse_loss
// The forward workloads run under NoGrad (torch.no_grad()): the parameters require grad, so
// grad mode would record a graph.
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
#include "initlab/optim.hpp"
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

// The training workloads: their own models (steps change the weights), fixed targets.
struct T1 {
  W1 w;
  initlab::Tensor target{initlab::Shape{64}};
  std::unique_ptr<initlab::optim::SGD> sgd;
  T1() {
    w.model.train();
    target.set_dtype(initlab::DType::int64);
    for (int64_t i = 0; i < 64; ++i) target.data()[i] = static_cast<float>(i % 10);
    sgd = std::make_unique<initlab::optim::SGD>(params(w.model), initlab::optim::SGDOptions{0.01, 0.9, 0, 0, false});
  }
  static std::vector<initlab::Tensor> params(initlab::nn::Module& m) {
    std::vector<initlab::Tensor> out;
    for (auto& [name, p] : m.named_parameters()) out.push_back(p);
    return out;
  }
};

struct T2 {
  W2 w;
  initlab::Tensor target{initlab::Shape{256, 512}};
  std::unique_ptr<initlab::optim::SGD> sgd;
  T2() {
    initlab::normal_(target, 0, 0.5, initlab::default_generator());
    sgd = std::make_unique<initlab::optim::SGD>(T1::params(w.net), initlab::optim::SGDOptions{0.01, 0.9, 0, 0, false});
  }
};

T1& t1() {
  static T1 t;
  return t;
}
T2& t2() {
  static T2 t;
  return t;
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
  const initlab::autograd::NoGrad no_grad;
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
  const initlab::autograd::NoGrad no_grad;
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

// One training step: zero_grad, forward, loss, backward, SGD step (momentum 0.9).
double bench_t1(int iters) {
  T1& t = t1();
  const auto t0 = Clock::now();
  for (int i = 0; i < iters; ++i) {
    t.sgd->zero_grad();
    const initlab::Tensor loss = initlab::F::nll_loss(t.w.model(t.w.x), t.target);
    loss.backward();
    t.sgd->step();
    sink = loss.data()[0];
  }
  return ms_since(t0) / iters;
}

double bench_t2(int iters) {
  T2& t = t2();
  const auto t0 = Clock::now();
  for (int i = 0; i < iters; ++i) {
    t.sgd->zero_grad();
    const initlab::Tensor loss = initlab::F::mse_loss(t.w.net(t.w.x), t.target);
    loss.backward();
    t.sgd->step();
    sink = loss.data()[0];
  }
  return ms_since(t0) / iters;
}

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
  bench_t1(2);
  bench_t2(1);
  const double t1_ms = median_of(9, [] { return bench_t1(3); });
  const double t2_ms = median_of(5, [] { return bench_t2(1); });
  std::printf("  T1 train step W1         %8.3f ms          = %.1fx the W1 forward\n", t1_ms, t1_ms / w1_ms);
  std::printf("  T2 train step W2         %8.3f ms          = %.1fx the W2 forward\n", t2_ms, t2_ms / w2_ms);
  return 0;
}
#endif
