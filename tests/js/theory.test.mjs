// The mean-field theory beside the measurement through the wasm build: report.theory per
// layer, report.meanField, the chi1 phase diagram, and the CLI's --theory and --json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadApi, repo, wasmDir } from './support.mjs';

const { createInitlab } = await loadApi();
const lab = await createInitlab();

const mlp = (activation, init, depth = 6, width = 512) => `import torch.nn as nn
layers = []
for _ in range(${depth}):
    layers += [nn.Linear(${width}, ${width}), nn.${activation}()]
model = nn.Sequential(*layers)
def init(m):
    if isinstance(m, nn.Linear):
${init}
model.apply(init)
`;
// Xavier with gain 1 on a square layer: sigma_w^2 = 1, the tanh net's critical point.
const tanhCritical = mlp('Tanh', '        nn.init.xavier_normal_(m.weight)\n        nn.init.zeros_(m.bias)');
const reluDefault = mlp('ReLU', '        pass');

test('a wide tanh MLP at sigma_w^2 = 1: every layer predicted within 5%, chi1 = 1 at the fixed point', () => {
  const r = lab.run(tanhCritical, { batch: 256, seed: 3 });
  assert.equal(r.theory.length, 12);
  for (const t of r.theory) {
    assert.ok(t.covered, `${t.path} ${t.stopLabel}`);
    assert.equal(t.measuredStd, r.layers[t.layer].output.std);
    assert.ok(Math.abs(t.ratio - 1) < 0.05, `${t.path} ${t.type}: measured ${t.measuredStd} predicted ${t.predictedStd}`);
  }
  const m = r.meanField;
  assert.equal(m.nonlinearity, 'Tanh');
  assert.equal(m.affineLayers, 6);
  assert.equal(m.disagrees, false);
  // The drawn weights' sigma_w^2 is 1 up to sampling (262144 values: relative sd 0.3%).
  assert.ok(Math.abs(m.meanSigmaW2 - 1) < 0.01, String(m.meanSigmaW2));
  assert.equal(m.meanSigmaB2, 0);
  // q* is 0 below sigma_w^2 = 1 and tiny just above it (about (sigma_w^2 - 1) / 2).
  assert.ok(m.fixedPoint.q < 0.01, String(m.fixedPoint.q));
  assert.ok(Math.abs(m.fixedPoint.chi1 - 1) < 0.01, String(m.fixedPoint.chi1));
});

test("PyTorch's default Linear has sigma_w^2 = 1/3: a ReLU stack shrinks by about sqrt(1/6) per layer", () => {
  const r = lab.run(reluDefault, { batch: 256 });
  const m = r.meanField;
  assert.ok(Math.abs(m.meanSigmaW2 - 1 / 3) < 0.01, String(m.meanSigmaW2));
  assert.ok(m.fixedPoint.chi1 < 0.2 && m.fixedPoint.chi1 > 0.15, String(m.fixedPoint.chi1));
  const linears = r.theory.filter((t) => t.type === 'Linear');
  for (let i = 1; i < linears.length; ++i) {
    const shrink = linears[i].predictedStd / linears[i - 1].predictedStd;
    // sqrt(1/6) = 0.408 while the signal dominates (q = 1/3 after the first layer against
    // sigma_b^2 = 1/(3 fan_in) = 6.5e-4: 0.410); deeper the biases take over and it slows.
    if (i === 1) {
      // The infinite-width closed form for ReLU (E[relu(h)^2] = q/2) with this layer's drawn
      // sigma_w^2, sigma_b^2; the per-unit prediction carries this draw's own weights, which
      // moved it by 1.5% at width 512 (seed 0).
      const q0 = linears[0].predictedStd ** 2;
      const expected = Math.sqrt(linears[1].sigmaW2 / 2 + linears[1].sigmaB2 / q0);
      assert.ok(Math.abs(shrink - expected) < 0.03 * expected, `${shrink} vs ${expected}`);
      const measured = linears[1].measuredStd / linears[0].measuredStd;
      assert.ok(Math.abs(measured - expected) < 0.03 * expected, `measured ${measured} vs ${expected}`);
      assert.ok(Math.abs(expected - Math.sqrt(1 / 6)) < 0.02, String(expected));
    }
    assert.ok(Math.abs(linears[i].ratio - 1) < 0.1, `layer ${i}: ratio ${linears[i].ratio}`);
  }
});

test('where the theory has no rule it stops with a label and restarts from the measurement', () => {
  const src = 'import torch.nn as nn\nmodel = nn.Sequential(nn.Conv2d(3, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(16, 16, 3, padding=1), nn.ReLU())\n';
  const r = lab.run(src, { inputShape: [64, 3, 8, 8] });
  const pool = r.theory.find((t) => t.type === 'MaxPool2d');
  assert.equal(pool.covered, false);
  assert.match(pool.stopLabel, /maximum/);
  assert.ok(Number.isNaN(pool.predictedStd));
  const after = r.theory[r.theory.indexOf(pool) + 1];
  assert.equal(after.type, 'Conv2d');
  assert.ok(after.covered && Math.abs(after.ratio - 1) < 0.15, String(after.ratio));
});

test("constant weights break the theory's independence: the disagreement is flagged from the second layer", () => {
  const src = mlp('Tanh', '        nn.init.constant_(m.weight, 0.1)\n        nn.init.zeros_(m.bias)', 3, 64);
  const r = lab.run(src, { batch: 256 });
  assert.equal(r.meanField.disagrees, true);
  const first = r.theory[r.meanField.firstDisagreement];
  assert.equal(first.path, '2');
  assert.ok(first.disagrees && first.ratio > 1.25);
  assert.ok(r.theory.slice(0, r.meanField.firstDisagreement).every((t) => !t.disagrees));
});

test('the phase diagram: ReLU chi1 = sigma_w^2 / 2 everywhere, tanh crosses 1 at (1, 0), cached copies', () => {
  const relu = lab.run(reluDefault, { batch: 8 }).meanField.phi;
  const g = lab.phaseDiagram(relu, { w2Max: 4, b2Max: 0.5, nw: 8, nb: 5 });
  assert.ok(g.chi1 instanceof Float64Array && g.chi1.length === 40);
  assert.deepEqual(Array.from(g.w2), [0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4]);
  assert.deepEqual(Array.from(g.b2), [0, 0.125, 0.25, 0.375, 0.5]);
  for (let i = 0; i < 5; ++i) for (let j = 0; j < 8; ++j) assert.ok(Math.abs(g.chi1[i * 8 + j] - g.w2[j] / 2) < 1e-9, `${i} ${j}`);
  g.chi1.fill(0);
  assert.notEqual(lab.phaseDiagram(relu, { w2Max: 4, b2Max: 0.5, nw: 8, nb: 5 }).chi1[0], 0);

  const tanh = lab.run(tanhCritical, { batch: 8 }).meanField.phi;
  const t = lab.phaseDiagram(tanh, { w2Max: 2, b2Max: 0.2, nw: 4, nb: 2 });
  assert.ok(Math.abs(t.chi1[1] - 1) < 1e-6, String(t.chi1[1]));  // (sigma_w^2 = 1, sigma_b^2 = 0)
  assert.ok(t.chi1[0] < 1 && t.chi1[3] > 1);
  // sigma_b^2 > 0 moves tanh's edge of chaos to larger sigma_w^2: at sigma_w^2 = 1 it is ordered.
  assert.ok(t.chi1[4 + 1] < 1, String(t.chi1[5]));

  const r = lab.run(tanhCritical, { batch: 8, phaseDiagram: { nw: 4, nb: 2, w2Max: 2, b2Max: 0.2 } });
  assert.deepEqual(Array.from(r.meanField.phase.chi1), Array.from(t.chi1));
});

test('bad phase diagram arguments are TypeErrors and leave the instance working', () => {
  assert.throws(() => lab.phaseDiagram(null), { name: 'TypeError', message: /meanField\.phi/ });
  assert.throws(() => lab.phaseDiagram({ kind: 99 }), { name: 'TypeError', message: /phi\.kind/ });
  const phi = lab.run(reluDefault, { batch: 8 }).meanField.phi;
  assert.throws(() => lab.phaseDiagram(phi, { nw: 1000 }), { name: 'TypeError', message: /nw, nb <= 200/ });
  assert.equal(lab.aborted, false);
  assert.equal(lab.run('print(1)').output, '1\n');
});

test('no model: theory is empty and meanField null', () => {
  const r = lab.run('x = 1\n');
  assert.deepEqual(r.theory, []);
  assert.equal(r.meanField, null);
});

test('the unit map: a ReLU pushed below zero is dead on every unit; tanh saturates; other layers have none', () => {
  const src = 'import torch.nn as nn\nmodel = nn.Sequential(nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 8), nn.Tanh())\n' +
    'nn.init.constant_(model[0].bias, -100.0)\nnn.init.normal_(model[2].weight, 0, 50.0)\nnn.init.constant_(model[2].bias, 3.0)\n';
  const r = lab.run(src, { batch: 64 });
  const [linear, relu, , tanh] = r.layers.filter((l) => l.isLeaf);
  assert.equal(linear.units, null);
  assert.deepEqual({ ...relu.units, fraction: Array.from(relu.units.fraction) },
    { kind: 'active', axis: 1, units: 32, valuesPerUnit: 64, fraction: new Array(32).fill(0), dead: 32 });
  // After the dead ReLU every input of the tanh is its bias 3: tanh(3) = 0.995 > 0.97 everywhere.
  assert.equal(tanh.units.kind, 'saturated');
  assert.equal(tanh.units.dead, 8);
  assert.ok(tanh.units.fraction instanceof Float32Array && tanh.units.fraction.every((f) => f === 1));
});

test('report.jacobian: singular values of a linear net, the theory beside them, reinit, skipped sentences', () => {
  const linear = 'import torch.nn as nn\nmodel = nn.Sequential(nn.Linear(12, 20, bias=False), nn.Linear(20, 8, bias=False))\n';
  assert.equal(lab.run(linear, { batch: 8 }).jacobian, null);
  const r = lab.run(linear, { batch: 8, jacobian: true });
  const j = r.jacobian;
  assert.equal(j.skipped, '');
  assert.deepEqual([j.nIn, j.nOut, j.inputs], [12, 8, 4]);
  assert.ok(j.singularValues instanceof Float64Array && j.singularValues.length === 32);
  // A linear net's J is the same at every input: four copies of one spectrum.
  for (const v of j.perInput) assert.deepEqual(Array.from(v).map((x) => x.toFixed(5)), Array.from(j.perInput[0]).map((x) => x.toFixed(5)));
  assert.ok(Math.abs(j.meanS2 - j.theoryMeanS2) < 0.3 * j.meanS2, `${j.meanS2} vs ${j.theoryMeanS2}`);
  const o = lab.run(linear, { batch: 8, jacobian: true, reinit: 'orthogonal' }).jacobian;
  // Orthogonal 20x12 then 8x20: J = W2 W1 need not be an isometry, but it is no worse conditioned.
  assert.ok(o.condition < 1e3, String(o.condition));
  const big = lab.run('import torch.nn as nn\nmodel = nn.Sequential(nn.Flatten(), nn.Linear(3 * 64 * 64, 10))\n', { inputShape: [2, 3, 64, 64], jacobian: true }).jacobian;
  assert.match(big.skipped, /12288 values per sample/);
  assert.ok(Number.isNaN(big.meanS2));
  const bad = lab.runReport(linear, { reinit: 'xavier' });
  assert.equal(bad.error.kind, 'ValueError');
  assert.match(bad.error.message, /unknown reinit option 'xavier'/);
});

test("the Trainer's chunks carry every weight's update:data and grad:data ratio per step", async () => {
  await lab.prepareData();
  const src = 'import torch.nn as nn\nmodel = nn.Sequential(nn.Linear(64, 32), nn.Tanh(), nn.Linear(32, 10))\n';
  const trainer = lab.trainer(src, { lr: 0.1, momentum: 0, batch: 32 });
  const c = trainer.step(4);
  trainer.dispose();
  assert.deepEqual(c.weights.map((w) => w.name), ['0.weight', '2.weight']);
  for (const w of c.weights) {
    assert.ok(w.update instanceof Float64Array && w.update.length === 4 && w.grad.length === 4);
    // Plain SGD: the applied step is lr * grad up to W's rounding.
    w.update.forEach((u, k) => assert.ok(Math.abs(u - (Math.log10(0.1) + w.grad[k])) < 1e-3, `${w.name} ${k}: ${u} ${w.grad[k]}`));
  }
  assert.ok(c.layers[0].histogram.counts instanceof Uint32Array && c.layers[0].histogram.hi > c.layers[0].histogram.lo);
});

const cli = (...args) => spawnSync(process.execPath, [join(repo, 'wasm/cli.mjs'), ...args], {
  encoding: 'utf8', env: { ...process.env, INITLAB_WASM_DIR: wasmDir },
});
const dir = mkdtempSync(join(tmpdir(), 'initlab-theory-'));

test('CLI --theory: predicted, ratio and chi1 columns, the stops and the model at its fixed point', () => {
  const file = join(dir, 'tanh.py');
  writeFileSync(file, tanhCritical);
  const plain = cli(file, '--batch', '128');
  assert.equal(plain.status, 0, plain.stderr);
  assert.doesNotMatch(plain.stdout, /predicted/);
  const r = cli(file, '--batch', '128', '--theory', '--grad', 'mse');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^layer\s+type\s+shape\s+mean\s+std\s+min\s+max\s+zeros\s+nan\/inf\s+predicted\s+ratio\s+chi1$/m);
  // A Linear row: its predicted std, the ratio near 1 and chi1 near 1.
  assert.match(r.stdout, /^0\s+Linear\s+128x512\s+\S+\s+\S+\s+\S+\s+\S+\s+\S+\s+0\/0\s+\d\.\d{4}\s+(0\.9[5-9]|1\.0[0-5])\d*\s+(0\.99|1\.00)\d*$/m);
  assert.match(r.stdout, /^mean field \(Tanh\): 6 affine layers, mean sigma_w\^2 (0\.99|1\.00)\d+, sigma_b\^2 0\.0000$/m);
  assert.match(r.stdout, /chi1 (0\.99|1\.00)\d+ \(at the edge of chaos\)/);
  assert.match(r.stdout, /^layer\s+type\s+shape\s+grad mean\s+grad std\s+grad norm\s+zeros\s+predicted norm$/m);

  const pool = join(dir, 'pool.py');
  writeFileSync(pool, 'import torch.nn as nn\nmodel = nn.Sequential(nn.Conv2d(3, 8, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(72, 4))\n');
  const p = cli(pool, '--input', '16x3x8x8', '--theory');
  assert.equal(p.status, 0, p.stderr);
  assert.match(p.stdout, /^2\s+MaxPool2d\s.*\sstop\s+-\s+-$/m);
  assert.match(p.stdout, /^ {2}stop at 2 \(MaxPool2d\): MaxPool2d: /m);
});

test('CLI --jacobian prints the singular-value summary; --reinit redraws; --json carries jacobian', () => {
  const file = join(dir, 'iso.py');
  // Width 256: the SVD of a 512 x 512 J is past the work cap (theory_jacobian.hpp).
  writeFileSync(file, mlp('Tanh', '        nn.init.orthogonal_(m.weight)\n        nn.init.zeros_(m.bias)', 6, 256));
  const r = cli(file, '--batch', '8', '--jacobian');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^input-output Jacobian \(256 x 256 per sample, 4 samples\):$/m);
  assert.match(r.stdout, /^ {2}mean s\^2 \S+ \(theory: \S+\), condition number \S+$/m);
  const g = cli(file, '--batch', '8', '--jacobian', '--reinit', 'gaussian', '--json');
  assert.equal(g.status, 0, g.stderr);
  const j = JSON.parse(g.stdout).jacobian;
  assert.equal(j.singularValues.length, 4 * 256);
  assert.ok(j.condition > 10, String(j.condition));
  const bad = cli(file, '--reinit', 'xavier');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--reinit needs one of gaussian, orthogonal, got 'xavier'/);
});

test('fix lsuv: every layer scaled to std 1, the PyTorch code it writes runs in initlab to the same weights', () => {
  const src = mlp('ReLU', '        nn.init.normal_(m.weight, 0, 1)', 6, 128);
  const fixed = lab.run(src, { batch: 64, fix: 'lsuv', stateDict: true });
  assert.equal(fixed.fixLayers.length, 6);
  for (const f of fixed.fixLayers) {
    assert.ok(Math.abs(f.stdAfter - 1) <= 0.1, `${f.path} ${f.stdAfter}`);
    assert.ok(f.factors instanceof Float32Array && f.factors.length === f.iterations);
  }
  assert.match(fixed.fixCode, /^def fix_init\(model\):$/m);
  // The written code, run as a script of its own, draws the same weights bit for bit.
  const again = lab.run(fixed.fixCode, { batch: 64, stateDict: true });
  const bits = (r) => Object.fromEntries(r.stateDict.map((t) => [t.name, Array.from(new Uint32Array(t.data.buffer, t.data.byteOffset, t.data.length))]));
  assert.deepEqual(bits(again), bits(fixed));
  const bad = lab.runReport(src, { fix: 'magic' });
  assert.equal(bad.error.kind, 'ValueError');
});

test('CLI --fix lsuv prints each layer before and after and the PyTorch code', () => {
  const file = join(dir, 'normal.py');
  writeFileSync(file, mlp('ReLU', '        nn.init.normal_(m.weight, 0, 1)', 4, 64));
  const r = cli(file, '--fix', 'lsuv');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^LSUV \(Mishkin & Matas 2015\): each layer's output std scaled to 1 on the run's input$/m);
  assert.match(r.stdout, /^layer\s+iterations\s+std before\s+std after$/m);
  assert.match(r.stdout, /^PyTorch code that reproduces these weights bit for bit \(same seed\):$/m);
  assert.match(r.stdout, /^def fix_init\(model\):$/m);
});

test('CLI --json carries theory: [{path, measuredStd, predictedStd, chi1}] and meanField', () => {
  const file = join(dir, 'relu.py');
  writeFileSync(file, reluDefault);
  const r = cli(file, '--batch', '64', '--json');
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.theory.length, 12);
  const first = report.theory[0];
  assert.equal(first.path, '0');
  for (const k of ['measuredStd', 'predictedStd', 'chi1', 'ratio']) assert.equal(typeof first[k], 'number', k);
  assert.equal(report.theory[1].chi1, null);  // NaN (no chi1 for an activation) -> null in JSON
  assert.equal(report.meanField.nonlinearity, 'ReLU');
});
