// The Node CLI: table output, --json, --state-dict (JSON and safetensors), --state-dict-of,
// --output, exit codes.
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

// The script calls only model[0]: the probed module is Net, the script's `model` a ModuleList.
// Special values in the last Linear; BatchNorm's buffers (num_batches_tracked is int64).
// tests/js/cli_safetensors_pytorch.py checks the same files against PyTorch.
const listModel = join(dir, 'listmodel.py');
writeFileSync(listModel, `import torch
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(4, 3), nn.BatchNorm1d(3)])

    def forward(self, x):
        return self.layers[1](self.layers[0](x))

model = nn.ModuleList([Net(), nn.Linear(3, 2)])
other = nn.Linear(2, 2)
with torch.no_grad():
    model[1].weight[0, 0] = -0.0
    model[1].weight[0, 1] = float('nan')
    model[1].weight[0, 2] = float('inf')
    model[1].weight[1, 0] = float('-inf')
out = model[0](torch.randn(5, 4))
print(out.shape)
`);
const listKeys = ['0.layers.0.weight', '0.layers.0.bias', '0.layers.1.weight', '0.layers.1.bias',
  '0.layers.1.running_mean', '0.layers.1.running_var', '0.layers.1.num_batches_tracked', '1.weight', '1.bias'];

test("--state-dict writes the script's global model, with -0.0, NaN and +-Inf exact in JSON", () => {
  const file = join(dir, 'list_state.json');
  const r = cli(listModel, '--state-dict', file);
  assert.equal(r.status, 0, r.stderr);
  const text = readFileSync(file, 'utf8');
  assert.match(text, /"1\.weight":\{"shape":\[2,3\],"dtype":"float32","data":\[-0\.0,"NaN","Infinity","-Infinity",/);
  const state = JSON.parse(text);
  assert.deepEqual(Object.keys(state), listKeys);
  const w = state['1.weight'].data;
  assert.ok(Object.is(w[0], -0), `-0.0 came back as ${w[0]}`);
  assert.deepEqual(w.slice(1, 4).map(Number), [NaN, Infinity, -Infinity]);
  assert.deepEqual(state['0.layers.1.num_batches_tracked'], { shape: [], dtype: 'int64', data: [1] });
});

test('--state-dict-of picks the global; a name that is no module warns and writes {}', () => {
  const file = join(dir, 'other.json');
  const r = cli(listModel, '--state-dict', file, '--state-dict-of', 'other');
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(Object.keys(JSON.parse(readFileSync(file, 'utf8'))), ['weight', 'bias']);
  const bad = cli(listModel, '--state-dict', file, '--state-dict-of', 'out');
  assert.equal(bad.status, 0, bad.stderr);
  assert.match(bad.stderr, /^warning: no state_dict: the script has no global module named 'out'$/m);
  assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), {});
  const lone = cli(listModel, '--state-dict-of', 'other');
  assert.equal(lone.status, 2);
  assert.match(lone.stderr, /--state-dict-of needs --state-dict FILE/);
});

test("--output writes the output of the script's own call of the model", () => {
  const file = join(dir, 'list_out.json');
  const r = cli(listModel, '--output', file);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  const out = JSON.parse(readFileSync(file, 'utf8'));
  assert.deepEqual(out.shape, [5, 3]);
  assert.equal(out.data.length, 15);
  // BatchNorm in train mode: every column of the script's batch of 5 has mean ~0.
  for (let c = 0; c < 3; ++c) assert.ok(Math.abs(out.data[c] + out.data[3 + c] + out.data[6 + c] + out.data[9 + c] + out.data[12 + c]) < 1e-5);
});

test('*.safetensors: the header length, F32/I64 entries, aligned data, the JSON values as raw bits', () => {
  const file = join(dir, 'list_state.safetensors');
  const r = cli(listModel, '--state-dict', file, '--output', join(dir, 'list_out.safetensors'));
  assert.equal(r.status, 0, r.stderr);
  const bytes = readFileSync(file);
  const n = Number(bytes.readBigUInt64LE(0));
  assert.equal((8 + n) % 8, 0);
  const header = JSON.parse(bytes.subarray(8, 8 + n).toString('utf8'));
  assert.deepEqual(Object.keys(header), ['__metadata__', ...listKeys]);
  assert.deepEqual(header['0.layers.1.num_batches_tracked'], { dtype: 'I64', shape: [], data_offsets: [0, 8] });
  assert.equal(bytes.readBigInt64LE(8 + n), 1n);
  const w = header['1.weight'];
  assert.equal(w.dtype, 'F32');
  assert.deepEqual(w.shape, [2, 3]);
  const at = 8 + n + w.data_offsets[0];
  const state = JSON.parse(readFileSync(join(dir, 'list_state.json'), 'utf8'));
  const want = state['1.weight'].data.map(Number);
  for (let i = 0; i < 6; ++i) assert.equal(BigInt(bytes.readUInt32LE(at + 4 * i)), float32Bits(want[i]), `1.weight[${i}]`);
  assert.equal(bytes.readUInt32LE(at), 0x80000000);  // -0.0
  assert.equal(bytes.length, 8 + n + Math.max(...listKeys.map((k) => header[k].data_offsets[1])));
  const out = readFileSync(join(dir, 'list_out.safetensors'));
  const outHeader = JSON.parse(out.subarray(8, 8 + Number(out.readBigUInt64LE(0))).toString('utf8'));
  assert.deepEqual(outHeader.output, { dtype: 'F32', shape: [5, 3], data_offsets: [0, 60] });
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
