// The Node CLI: table output, --json, --state-dict, --output, exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleState, float32Bits, repo, wasmDir } from './support.mjs';

const cli = (...args) => spawnSync(process.execPath, [join(repo, 'wasm/cli.mjs'), ...args], {
  encoding: 'utf8', env: { ...process.env, INITLAB_WASM_DIR: wasmDir },
});
const tutorial = join(repo, 'examples/models/tutorial_cnn.py');
const dir = mkdtempSync(join(tmpdir(), 'initlab-cli-'));

test('prints the script output and a table of every layer', () => {
  const r = cli(tutorial);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(r.stdout.startsWith('CNN(\n'));
  assert.match(r.stdout, /torch\.Size\(\[64, 10\]\)/);
  assert.match(r.stdout, /^conv2_bn\s+BatchNorm2d\s+64x20x8x8\s/m);
  assert.match(r.stdout, /^\s+F\.log_softmax\s+line 23\s+64x10\s/m);
});

test('--json gives the report as JSON', () => {
  const r = cli(tutorial, '--json');
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.modelName, 'CNN');
  assert.ok(Array.isArray(report.layers[0].output.histogram.counts));
});

test('--state-dict writes values that read back as the same float32 bits', () => {
  const file = join(dir, 'state.json');
  const r = cli(tutorial, '--state-dict', file);
  assert.equal(r.status, 0, r.stderr);
  const state = JSON.parse(readFileSync(file, 'utf8'));
  const conv1 = exampleState('tutorial_cnn.py').find((s) => s.name === 'conv1.weight');
  assert.deepEqual(state['conv1.weight'].shape, [10, 1, 5, 5]);
  for (const [k, bits] of conv1.values.entries()) assert.equal(float32Bits(state['conv1.weight'].data[k]), bits);
});

test('--output writes the forward output of the run', () => {
  const model = join(dir, 'mlp.py');
  writeFileSync(model, 'import torch.nn as nn\nmodel = nn.Sequential(nn.Linear(8, 4), nn.Tanh())\n');
  const file = join(dir, 'out.json');
  const r = cli(model, '--output', file, '--input', '3x8', '--seed', '5', '--eval');
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')).shape, [3, 4]);
});

test('an error in the script exits 1 with line:column, the source line and a caret', () => {
  const bad = join(dir, 'bad.py');
  writeFileSync(bad, 'import torch.nn as nn\nnn.init.constant_(, 0)\n');
  const r = cli(bad);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /bad\.py:2:19: SyntaxError: invalid syntax\n    nn\.init\.constant_\(, 0\)\n {22}\^/);
});

test('usage errors exit 2', () => {
  assert.equal(cli().status, 2);
  assert.equal(cli(tutorial, '--seed', 'x').status, 2);
  assert.equal(cli(tutorial, '--bogus').status, 2);
  assert.equal(cli(join(dir, 'missing.py')).status, 2);
});

test('--grad adds the gradient at every layer and parameter; a bad loss is a usage error', () => {
  const r = cli(tutorial, '--grad', 'nll');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^gradients of the nll loss \(\d\.\d{4}\):$/m);
  assert.match(r.stdout, /^conv1\s+Conv2d\s+64x10x24x24\s+\S+\s+\S+\s+\S+\s+\d+\.\d%$/m);
  assert.match(r.stdout, /^dense2\.weight\s+10x50\s+\S+\s+\S+\s+\S+\s+\S+$/m);
  const bad = cli(tutorial, '--grad', 'hinge');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--grad needs one of mean, cross_entropy, nll, mse, got 'hinge'/);
});

test('--steps trains the model and prints a row per chunk; --json gives setup and chunks', () => {
  const r = cli(join(repo, 'examples/models/digits_tanh_mlp.py'), '--steps', '40', '--chunk', '20', '--optimizer', 'adam', '--lr', '0.001');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /training MLP on digits 8x8 flattened \(1437 train, 360 test\): cross_entropy loss, Adam\(lr=0\.001\), batch 64/);
  assert.match(r.stdout, /^step\s+loss\s+train acc\s+test acc\s+test loss\s+grad net\.0\.weight\s+grad net\.18\.weight\s+upd:data net\.0\.weight\s+upd:data net\.18\.weight\s+grad:data net\.0\.weight\s+grad:data net\.18\.weight$/m);
  const rows = r.stdout.split('\n').filter((l) => /^(20|40)\s/.test(l));
  assert.equal(rows.length, 2);
  // Adam's steps are about lr = 1e-3 of weights ~1: log10 update:data near -3.
  for (const row of rows) {
    const cells = row.trim().split(/\s+/);
    for (const u of cells.slice(7, 9).map(Number)) assert.ok(u > -4 && u < -2, row);
  }
  const j = cli(tutorial, '--steps', '6', '--chunk', '3', '--json');
  assert.equal(j.status, 0, j.stderr);
  const { setup, chunks } = JSON.parse(j.stdout);
  assert.equal(setup.dataset, 'digits 28x28');
  assert.deepEqual(chunks.map((c) => c.step), [3, 6]);
  assert.equal(chunks[1].losses.length, 3);
});

test('training errors exit 1 with the place; bad training options are usage errors', () => {
  const vgg = cli(join(repo, 'examples/models/vgg_style.py'), '--steps', '5');
  assert.equal(vgg.status, 1);
  assert.match(vgg.stderr, /vgg_style\.py: ValueError: the digits are 1-channel 28x28 images .*make its first layer nn\.Conv2d\(1, \.\.\.\)/);
  const bad = join(dir, 'bad.py');
  writeFileSync(bad, 'import torch.nn as nn\nmodel = nn.Linear(64, 10)\nmodel = nn.Linear(64, 10) +\n');
  const syntax = cli(bad, '--steps', '5');
  assert.equal(syntax.status, 1);
  assert.match(syntax.stderr, /bad\.py:3:\d+: SyntaxError/);
  assert.equal(cli(tutorial, '--lr', '0.1').status, 2);
  assert.match(cli(tutorial, '--steps', '5', '--optimizer', 'rmsprop').stderr, /--optimizer needs one of sgd, adam, got 'rmsprop'/);
  assert.match(cli(tutorial, '--steps', '5', '--lr', 'fast').stderr, /--lr needs a number, got 'fast'/);
});

test('--digits runs the model on real digits; --grad nll then uses their real labels', () => {
  const real = cli(tutorial, '--digits', '--grad', 'nll', '--json');
  const random = cli(tutorial, '--grad', 'nll', '--json');
  assert.equal(real.status, 0, real.stderr);
  const r = JSON.parse(real.stdout);
  assert.deepEqual(r.inputShape, [64, 1, 28, 28]);
  // PyTorch's loss on the first 64 training digits (tests/fixtures/train_fixtures.txt, probe).
  const fixture = readFileSync(join(repo, 'tests/fixtures/train_fixtures.txt'), 'utf8');
  const expected = Number(/^probe tutorial_cnn\.py input=digits batch=64 grad=nll\nloss (\S+)$/m.exec(fixture)[1]);
  assert.ok(Math.abs(r.loss - expected) < 1e-5 * expected, `${r.loss} vs ${expected}`);
  assert.notEqual(JSON.parse(random.stdout).loss, r.loss);
});
