// Runs initlab's wasm forward benchmark and the same workloads on tfjs-wasm (XNNPACK, SIMD,
// one thread) in one Node process, interleaved round by round so that machine noise hits
// both systems alike; prints medians and our/tfjs ratios.
//   node tests/bench/bench.mjs build/wasm/tests/bench/forward_bench.js
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const { dirname, join } = path;
const require = createRequire(import.meta.url);
const benchJs = path.resolve(process.argv[2] ?? path.join(here, '../../build/wasm/tests/bench/forward_bench.js'));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

// Native PyTorch 1.13 on one thread (tests/bench/torch_baseline.py), the target's baseline for
// T1: timed before and after the wasm rounds, in this same run.
function torchBaseline() {
  const r = spawnSync('/usr/bin/python3', [path.join(here, 'torch_baseline.py'), '5'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tests/bench/torch_baseline.py failed: ${r.stderr.trim().split('\n').pop()}`);
  return JSON.parse(r.stdout);
}
const torchBefore = torchBaseline();

const createForwardBench = require(benchJs);
const ours = await createForwardBench({
  wasmBinary: fs.readFileSync(benchJs.replace(/\.js$/, '.wasm')),
});

const tf = await import('@tensorflow/tfjs-core');
const wasmBackend = await import('@tensorflow/tfjs-backend-wasm');
// tfjs-core's CommonJS build registers no gradients (the @tensorflow/tfjs umbrella does that);
// its ES sources can: bundled with esbuild (web/'s dev dependency), they register every
// gradient in the engine's global registry, which all copies of tfjs-core share.
{
  const esbuild = await import(pathToFileURL(path.join(here, '../../web/node_modules/esbuild/lib/main.js')).href);
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'initlab-bench-')), 'gradients.mjs');
  await esbuild.build({
    entryPoints: [path.join(path.dirname(require.resolve('@tensorflow/tfjs-core')), 'register_all_gradients.js')],
    bundle: true, format: 'esm', platform: 'node', outfile: out, logLevel: 'error',
  });
  await import(pathToFileURL(out).href);
}
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
tf.env().set('WASM_HAS_SIMD_SUPPORT', true);
wasmBackend.setWasmPaths(path.join(here, 'node_modules/@tensorflow/tfjs-backend-wasm/dist/'));
await tf.setBackend('wasm');
await tf.ready();
// tfjs's own BatchMatMul gradient multiplies with transposeA/transposeB, which the wasm backend
// runs 8-20x slower than a plain product (measured here, 256x512 by 512x512: a.b 5.5 ms,
// a.b^T 47 ms, a^T.a 113 ms; with an explicit tf.transpose first, 8 ms). The baseline should be
// tfjs at its best: the same gradient, with the transposes made explicit.
{
  const t = (x) => tf.transpose(x, [...Array(x.rank - 2).keys(), x.rank - 1, x.rank - 2]);
  const mm = (x, y) => tf.matMul(x, y);
  // Every transpose combination's gradients, to check the replacement against tfjs's own.
  const a = tf.randomNormal([3, 5], 0, 1, 'float32', 2), b = tf.randomNormal([5, 4], 0, 1, 'float32', 3);
  const r = tf.randomNormal([3, 4], 0, 1, 'float32', 4);
  const combos = [[false, false], [false, true], [true, false], [true, true]];
  const grads = () => combos.map(([ta, tb]) => tf.grads((x, y) => tf.sum(tf.mul(tf.matMul(x, y, ta, tb), r)))(
    [ta ? t(a) : a, tb ? t(b) : b]).map((g) => g.dataSync()));
  const before = grads();
  const quiet = console.warn;
  console.warn = () => {};  // "Overriding the gradient for 'BatchMatMul'": intended
  tf.registerGradient({
    kernelName: 'BatchMatMul',
    inputsToSave: ['a', 'b'],
    gradFunc: (dy, [a, b], { transposeA, transposeB }) => {
      if (!transposeA && !transposeB) return { a: () => mm(dy, t(b)), b: () => mm(t(a), dy) };
      if (!transposeA && transposeB) return { a: () => mm(dy, b), b: () => mm(t(dy), a) };
      if (transposeA && !transposeB) return { a: () => mm(b, t(dy)), b: () => mm(a, dy) };
      return { a: () => mm(t(b), t(dy)), b: () => mm(t(dy), t(a)) };
    },
  });
  console.warn = quiet;
  grads().forEach((gs, i) => gs.forEach((g, j) => g.forEach((v, k) => {
    if (Math.abs(v - before[i][j][k]) > 1e-4 * (1 + Math.abs(v))) throw new Error(`the BatchMatMul gradient replacement differs from tfjs's (${combos[i]}, input ${j})`);
  })));
}

// ---- the same workloads in tfjs (NHWC, eval-mode BatchNorm) ----
// The wasm backend runs each kernel when it is called; reading one element marks the end of a
// workload without timing tfjs's copy-out of the whole result (dataSync of a 512x512 output
// costs it ~50 ms in Node, more than the GEMM), as initlab's side reads only one element too.
const finish = (t) => (t.rank === 0 ? t : tf.slice(t, new Array(t.rank).fill(0), new Array(t.rank).fill(1))).dataSync();
const rnd = (shape, scale = 0.1) => tf.randomNormal(shape, 0, scale, 'float32', 1);
const w1 = {
  x: rnd([64, 28, 28, 1], 1), c1: rnd([5, 5, 1, 10]), b1: rnd([10]), c2: rnd([5, 5, 10, 20]), b2: rnd([20]),
  m2: tf.zeros([20]), v2: tf.ones([20]), g2: tf.ones([20]), o2: tf.zeros([20]),
  d1: rnd([320, 50]), e1: rnd([50]), m3: tf.zeros([50]), v3: tf.ones([50]), g3: tf.ones([50]), o3: tf.zeros([50]),
  d2: rnd([50, 10]), e2: rnd([10]),
};
function tfjsW1() {
  tf.tidy(() => {
    let x = tf.relu(tf.maxPool(tf.add(tf.conv2d(w1.x, w1.c1, 1, 'valid'), w1.b1), 2, 2, 'valid'));
    x = tf.add(tf.conv2d(x, w1.c2, 1, 'valid'), w1.b2);
    x = tf.relu(tf.maxPool(tf.batchNorm(x, w1.m2, w1.v2, w1.o2, w1.g2, 1e-5), 2, 2, 'valid'));
    x = tf.reshape(x, [64, 320]);
    x = tf.relu(tf.batchNorm(tf.add(tf.matMul(x, w1.d1), w1.e1), w1.m3, w1.v3, w1.o3, w1.g3, 1e-5));
    finish(tf.logSoftmax(tf.add(tf.matMul(x, w1.d2), w1.e2)));
  });
}
const w2 = { x: rnd([256, 512], 1), w: Array.from({ length: 20 }, () => rnd([512, 512], 0.04)), b: rnd([512]) };
function tfjsW2() {
  tf.tidy(() => {
    let x = w2.x;
    for (const w of w2.w) x = tf.tanh(tf.add(tf.matMul(x, w), w2.b));
    finish(x);
  });
}
const w3 = { a: rnd([512, 512], 1), b: rnd([512, 512], 1) };
function tfjsW3() {
  tf.tidy(() => finish(tf.matMul(w3.a, w3.b)));
}

// Training steps (forward, loss, backward, SGD with momentum 0.9), as forward_bench's T1/T2.
const variable = (t) => tf.variable(t);
const t1 = Object.fromEntries(Object.entries(w1).map(([k, v]) => [k, k === 'x' || k.startsWith('m') || k.startsWith('v') ? v : variable(tf.clone(v))]));
const t1Labels = tf.oneHot(tf.tensor1d(Array.from({ length: 64 }, (_, i) => i % 10), 'int32'), 10);
const t1Opt = tf.train.momentum(0.01, 0.9);
function tfjsT1() {
  tf.tidy(() => {
    const cost = t1Opt.minimize(() => {
      let x = tf.relu(tf.maxPool(tf.add(tf.conv2d(t1.x, t1.c1, 1, 'valid'), t1.b1), 2, 2, 'valid'));
      x = tf.add(tf.conv2d(x, t1.c2, 1, 'valid'), t1.b2);
      const m2 = tf.moments(x, [0, 1, 2]);
      x = tf.relu(tf.maxPool(tf.batchNorm(x, m2.mean, m2.variance, t1.o2, t1.g2, 1e-5), 2, 2, 'valid'));
      x = tf.add(tf.matMul(tf.reshape(x, [64, 320]), t1.d1), t1.e1);
      const m3 = tf.moments(x, [0]);
      x = tf.relu(tf.batchNorm(x, m3.mean, m3.variance, t1.o3, t1.g3, 1e-5));
      const logp = tf.logSoftmax(tf.add(tf.matMul(x, t1.d2), t1.e2));
      return tf.neg(tf.mean(tf.sum(tf.mul(logp, t1Labels), 1)));
    }, true);
    finish(cost);
  });
}
const t2 = { x: w2.x, w: w2.w.map((w) => variable(tf.clone(w))), b: w2.w.map(() => variable(tf.clone(w2.b))), target: rnd([256, 512], 0.5) };
const t2Opt = tf.train.momentum(0.01, 0.9);
function tfjsT2() {
  tf.tidy(() => {
    const cost = t2Opt.minimize(() => {
      let x = t2.x;
      t2.w.forEach((w, i) => { x = tf.tanh(tf.add(tf.matMul(x, w), t2.b[i])); });
      return tf.mean(tf.square(tf.sub(x, t2.target)));
    }, true);
    finish(cost);
  });
}
// tfjs-backend-wasm 4.22 registers no Conv2DBackpropFilter kernel: it cannot train a CNN. Say so
// instead of comparing with another backend.
let tfjsT1Error = null;
try {
  tfjsT1();
} catch (e) {
  tfjsT1Error = e.message.split('\n')[0];
}

function timeMs(fn, iters) {
  const t0 = performance.now();
  for (let i = 0; i < iters; ++i) fn();
  return (performance.now() - t0) / iters;
}

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const series = {};
const add = (k, v) => (series[k] ??= []).push(v);

// warm-up, both systems
ours._bench_w1(3, 0); tfjsW1(); ours._bench_w2(1); tfjsW2(); ours._bench_w3(1); tfjsW3();
ours._bench_t1(2); ours._bench_t2(1); tfjsT2();

for (let r = 0; r < ROUNDS; ++r) {
  add('peak', ours._bench_peak_gflops(20000000));
  add('w1', ours._bench_w1(10, 0));
  add('tf_w1', timeMs(tfjsW1, 10));
  add('w1_probe', ours._bench_w1(10, 1));
  add('w2', ours._bench_w2(1));
  add('tf_w2', timeMs(tfjsW2, 1));
  add('w3', ours._bench_w3(3));
  add('tf_w3', timeMs(tfjsW3, 3));
  add('t1', ours._bench_t1(3));
  if (!tfjsT1Error) add('tf_t1', timeMs(tfjsT1, 3));
  add('t2', ours._bench_t2(1));
  add('tf_t2', timeMs(tfjsT2, 1));
}

// The whole run() of the tutorial script through the JS API (parse + build + init + forward +
// probe + copy-out), warm, and the size of what a page downloads.
const { createInitlab } = await import(pathToFileURL(join(dirname(benchJs), '../../wasm/initlab.mjs')).href);
const lab = await createInitlab();
const tutorial = fs.readFileSync(join(here, '../../examples/models/tutorial_cnn.py'), 'utf8');
for (let i = 0; i < 10; ++i) lab.run(tutorial);
for (let i = 0; i < 30; ++i) {
  const t0 = performance.now();
  lab.run(tutorial);
  add('run', performance.now() - t0);
}
const wasmDir = join(dirname(benchJs), '../../wasm');
const shipped = ['initlab_wasm.wasm', 'initlab_wasm.mjs', 'initlab.mjs', 'worker.mjs'].map((f) => fs.readFileSync(join(wasmDir, f)));
const raw = shipped.reduce((a, b) => a + b.length, 0);
const gz = shipped.reduce((a, b) => a + gzipSync(b, { level: 9 }).length, 0);
// The library written in the interpreter's Python (core/lib), which the module embeds.
const libFiles = fs.readdirSync(join(here, '../../core/lib'), { recursive: true }).filter((f) => f.endsWith('.py'));
const libText = Buffer.concat(libFiles.map((f) => fs.readFileSync(join(here, '../../core/lib', f))));
const libRaw = libText.length, libGz = gzipSync(libText, { level: 9 }).length;

const torchAfter = torchBaseline();
const m = Object.fromEntries(Object.entries(series).map(([k, v]) => [k, median(v)]));
const torchT1 = (torchBefore.t1 + torchAfter.t1) / 2, torchW1 = (torchBefore.w1 + torchAfter.w1) / 2;
const gflops = (flop, ms) => flop / (ms * 1e6);
const W1_FLOP = 61.5e6, W2_FLOP = 20 * 2 * 256 * 512 * 512, W3_FLOP = 2 * 512 ** 3;
const f = (x, d = 3) => x.toFixed(d).padStart(9);
console.log(`wasm in Node ${process.versions.node} (SIMD128, ${ours._bench_simd_width()} floats per vector), one thread; medians of ${ROUNDS} interleaved rounds`);
console.log(`  peak SIMD mul+add          ${f(m.peak, 1)} GFLOP/s`);
console.log(`  W1 tutorial CNN b64   ours ${f(m.w1)} ms  tfjs ${f(m.tf_w1)} ms  ours/tfjs ${f(m.w1 / m.tf_w1, 2)}  (target <= 0.50)  ${f(gflops(W1_FLOP, m.w1), 1)} GFLOP/s`);
console.log(`  W1 + probe            ours ${f(m.w1_probe)} ms  probe adds ${(100 * (m.w1_probe / m.w1 - 1)).toFixed(1)}%  (target <= 15%)`);
console.log(`  W2 20x[Lin512+tanh]   ours ${f(m.w2)} ms  tfjs ${f(m.tf_w2)} ms  ours/tfjs ${f(m.w2 / m.tf_w2, 2)}  (target <= 0.60)  ${f(gflops(W2_FLOP, m.w2), 1)} GFLOP/s`);
console.log(`  W3 GEMM 512^3         ours ${f(m.w3)} ms  tfjs ${f(m.tf_w3)} ms  ours/tfjs ${f(m.w3 / m.tf_w3, 2)}  ours ${f(gflops(W3_FLOP, m.w3), 1)} GFLOP/s = ${(100 * gflops(W3_FLOP, m.w3) / m.peak).toFixed(0)}% of peak (target >= 90%); tfjs ${f(gflops(W3_FLOP, m.tf_w3), 1)} GFLOP/s`);
console.log(`  T1 train step W1      ours ${f(m.t1)} ms  ${tfjsT1Error ? `tfjs cannot: ${tfjsT1Error}` : `tfjs ${f(m.tf_t1)} ms  ours/tfjs ${f(m.t1 / m.tf_t1, 2)}`}`);
console.log(`    against PyTorch ${torchBefore.torch} native, ${torchBefore.threads} thread: ${f(torchT1)} ms (before ${torchBefore.t1.toFixed(3)}, after ${torchAfter.t1.toFixed(3)})  ours/PyTorch ${f(m.t1 / torchT1, 2)}  (target <= 1.00)`);
console.log(`    W1 forward: PyTorch ${f(torchW1)} ms  ours/PyTorch ${f(m.w1 / torchW1, 2)}`);
console.log(`  T2 train step W2      ours ${f(m.t2)} ms  tfjs ${f(m.tf_t2)} ms  ours/tfjs ${f(m.t2 / m.tf_t2, 2)}  (target <= 0.60)`);
console.log(`  W1 peak tensor memory      ${f(ours._bench_w1_peak_bytes() / 1e6, 2)} MB; wasm heap ${f(ours.HEAP8.length / 1e6, 1)} MB`);
console.log(`  run() tutorial script      ${f(m.run)} ms median of 30 warm runs (target <= 12)`);
console.log(`  shipped wasm + JS          ${f(raw / 1024, 1)} KiB raw, ${f(gz / 1024, 1)} KiB gzipped  ${(gz / 1024 / 400).toFixed(2)}x the target <= 400`);
console.log(`    of which the library's .py modules (embedded in the wasm) ${f(libRaw / 1024, 1)} KiB raw, ${f(libGz / 1024, 1)} KiB gzipped alone`);
