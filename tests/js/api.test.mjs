// The JavaScript API in Node: PyTorch's bits through the wasm build, errors as JS Errors with
// their location, limits, and no leaks over many runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exampleState, fnv1a, float32Bits, loadApi, readExample } from './support.mjs';

const { createInitlab, InitlabError } = await loadApi();
const lab = await createInitlab();
const tutorial = readExample('tutorial_cnn.py');

// Parameters are PyTorch's bits; BatchNorm's running statistics, which the script's forward
// pass updates through float sums in another order, agree within 1e-5.
test("the tutorial model's state_dict equals PyTorch's bit for bit", () => {
  const state = lab.stateDict(tutorial);
  const want = exampleState('tutorial_cnn.py');
  assert.equal(state.length, want.length);
  for (const [i, w] of want.entries()) {
    const got = state[i];
    assert.equal(got.name, w.name);
    if (w.dtype === 'i64') {
      assert.deepEqual(Array.from(got.data), w.values.map(Number));
      continue;
    }
    if (w.name.includes('running_')) {
      for (const [k, bits] of w.values.entries()) {
        const view = new DataView(new ArrayBuffer(4));
        view.setUint32(0, Number(bits), true);
        assert.ok(Math.abs(got.data[k * w.stride] - view.getFloat32(0, true)) <= 1e-5, `${w.name}[${k * w.stride}]`);
      }
      continue;
    }
    assert.equal(fnv1a(new Uint8Array(got.data.buffer, got.data.byteOffset, got.data.byteLength)), w.fnv, w.name);
    for (const [k, bits] of w.values.entries()) assert.equal(float32Bits(got.data[k * w.stride]), bits, `${w.name}[${k * w.stride}]`);
  }
});

test('a report is plain data with typed-array copies', () => {
  const r = lab.run(tutorial);
  assert.equal(r.modelName, 'CNN');
  assert.ok(r.layers.length >= 14);
  const conv1 = r.layers.find((l) => l.path === 'conv1');
  assert.deepEqual(conv1.output.shape, [64, 10, 24, 24]);
  assert.ok(conv1.output.histogram.counts instanceof Uint32Array);
  assert.ok(conv1.output.histogram.counts.buffer !== lab.module.HEAP8.buffer, 'a copy, not a heap view');
  assert.equal(r.parameters.length, 12);
  assert.ok(r.output.includes('torch.Size([64, 10])'));
  for (const k of ['parse', 'build', 'forward', 'probe', 'total']) assert.equal(typeof r.timings[k], 'number');
});

test('errors are InitlabErrors with kind, message, line, column and the source line', () => {
  assert.throws(() => lab.run('import torch.nn as nn\nnn.init.constant_(, 0)\n'), (e) => {
    assert.ok(e instanceof InitlabError);
    assert.ok(e instanceof Error);
    assert.equal(e.kind, 'SyntaxError');
    assert.equal(e.message, 'invalid syntax');
    assert.equal(e.line, 2);
    assert.equal(e.column, 19);
    assert.equal(e.sourceLine, 'nn.init.constant_(, 0)');
    return true;
  });
  assert.throws(() => lab.run('x = nn.Linear(3, 4)'), (e) => e.kind === 'NameError' && e.line === 1 && e.column === 5);
});

test('limits stop runaway scripts and the module stays usable', () => {
  const t0 = performance.now();
  assert.throws(() => lab.run('while True: pass', { limits: { maxSteps: 1e9, maxMilliseconds: 500 } }), (e) => e.kind === 'LimitError');
  assert.ok(performance.now() - t0 < 3000);
  assert.throws(() => lab.run('import torch.nn as nn\nlayer = nn.Linear(100000, 100000)\n'),
    (e) => e.kind === 'LimitError' && e.message.startsWith('nn.Linear(100000, 100000): a tensor of shape [100000, 100000] needs 40000000000 bytes') && e.line === 2);
  assert.throws(() => lab.run('def f(n):\n    return f(n + 1)\nf(0)\n'), (e) => e.kind === 'RecursionError');
  assert.equal(lab.run('print(1 + 1)').output, '2\n');
});

test('1000 erroring runs in a row, then a good run', () => {
  for (let i = 0; i < 1000; ++i) {
    assert.throws(() => lab.run(`x = [1, 2]\nprint(x[${i + 2}])\n`), (e) => e.kind === 'IndexError' && e.line === 2);
  }
  assert.equal(lab.run(tutorial).modelName, 'CNN');
});

test('the heap stays flat over 1000 runs', () => {
  const small = 'import torch\nimport torch.nn as nn\nm = nn.Sequential(nn.Linear(16, 32), nn.Tanh(), nn.Linear(32, 4))\nprint(m(torch.randn(8, 16)).shape)\n';
  for (let i = 0; i < 50; ++i) lab.run(small);
  lab.run(tutorial);
  const heap = lab.heapBytes();
  for (let i = 0; i < 1000; ++i) lab.run(i % 100 === 0 ? tutorial : small);
  assert.equal(lab.heapBytes(), heap, 'the wasm memory did not grow');
  assert.equal(lab.liveTensorBytes(), 0, 'no tensor outlives its run');
});

test('out of wasm memory is an error; an aborted instance says so and restart() gives a working one', async () => {
  const own = await createInitlab();
  // Above the limit's default but allowed: the allocation itself fails, cleanly.
  const big = 'import torch\nx = torch.zeros(300000000)\n';
  assert.throws(() => own.run(big, { limits: { maxTensorBytes: 4e9 } }),
    (e) => e.kind === 'RuntimeError' && e.message.includes('out of memory') && e.message.includes('smaller') && e.line === 2);
  assert.equal(own.run('print(3)').output, '3\n');
  // With the recursion limit lifted, the wasm stack overflows: the instance is unusable.
  assert.throws(() => own.run('def f(n):\n    return f(n + 1)\nf(0)\n', { limits: { maxDepth: 1e7, maxSteps: 1e9 } }),
    (e) => e instanceof InitlabError && e.kind === 'AbortError');
  assert.ok(own.aborted);
  assert.throws(() => own.run('print(1)'), (e) => e.kind === 'AbortError' && e.message.includes('restart()'));
  const fresh = await own.restart();
  assert.equal(fresh.aborted, false);
  assert.equal(fresh.run(tutorial).modelName, 'CNN');
});

// The page's scale slider and density overlays: initScale multiplies every initializer's bound,
// and each parameter says which initializer drew it.
test('initScale scales the bounds and parameters name their initializer', () => {
  const plain = lab.run(tutorial, { seed: 0 });
  const doubled = lab.run(tutorial, { seed: 0, initScale: 2 });
  const conv1 = (r) => r.parameters.find((p) => p.name === 'conv1.weight');
  const b = Math.sqrt(6 / 25);  // kaiming_uniform_ defaults: gain sqrt(2), fan_in 1*5*5
  assert.equal(conv1(plain).init.initializer, 'kaiming_uniform_');
  assert.equal(conv1(plain).init.kind, 'uniform');
  assert.ok(Math.abs(conv1(plain).init.hi - b) < 1e-12);
  assert.ok(Math.abs(conv1(doubled).init.hi - 2 * b) < 1e-12);
  assert.ok(Math.abs(conv1(doubled).stats.max / conv1(plain).stats.max - 2) < 1e-6);
  const bias = plain.parameters.find((p) => p.name === 'conv1.bias');
  assert.equal(bias.init.kind, 'constant');
  assert.equal(bias.init.value, 0);
  assert.equal(lab.runReport(tutorial, { initScale: -1 }).error.kind, 'ValueError');
});

// initlab.datasets.digits needs digits.bin, which Node's createInitlab loads beside the module.
test('scripts can load the digits in Node; bad bytes are refused', async () => {
  const r = lab.run('from initlab import datasets\nx, y = datasets.digits("test", size=28)\nprint(x.shape, y[:3])\n');
  assert.equal(r.output, 'torch.Size([360, 1, 28, 28]) tensor([2, 3, 4])\n');
  await lab.prepare('print(1)');
  assert.throws(() => lab.provideDigits(new Uint8Array(10)), /are not core\/data\/digits\.bin/);
  // The good copy stays.
  assert.equal(lab.run('from initlab import datasets\nprint(len(datasets.digits()[1]))').output, '1437\n');
});

// options.grad: the gradient of a loss at every layer output and parameter (the page's
// gradient view). A deep tanh MLP at default init: the gradient shrinks toward the input.
test('grad: gradients through depth, transferred like the rest of the report', () => {
  const mlp = 'import torch.nn as nn\nlayers = []\nfor _ in range(10):\n    layers += [nn.Linear(64, 64), nn.Tanh()]\nmodel = nn.Sequential(*layers)\n';
  const r = lab.run(mlp, { grad: 'mse', batch: 32 });
  assert.equal(typeof r.loss, 'number');
  const linears = r.layers.filter((l) => l.type === 'Linear');
  assert.equal(linears.length, 10);
  assert.ok(linears.every((l) => l.grad && l.grad.histogram.counts instanceof Uint32Array));
  assert.ok(linears[0].grad.std < 0.5 * linears[9].grad.std, `${linears[0].grad.std} vs ${linears[9].grad.std}`);
  assert.ok(r.parameters.every((p) => p.grad && p.grad.numel === p.stats.numel));
  assert.equal(lab.run(mlp).loss, null);
});

test('inside recurrent and attention layers: gates, hidden std per step, attention entropy', () => {
  const src = `import torch
import torch.nn as nn
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(8, 16, num_layers=2)
        self.attn = nn.MultiheadAttention(16, 4)
    def forward(self, x):
        h, _ = self.lstm(x)
        y, _ = self.attn(h, h, h)
        return y
model = Net()
out = model(torch.randn(5, 3, 8))
`;
  const r = lab.run(src);
  const lstm = r.layers.find((l) => l.path === 'lstm');
  assert.deepEqual(lstm.gates.map((g) => `${g.layer}:${g.gate}:${g.activation}`),
    ['0:input:sigmoid', '0:forget:sigmoid', '0:cell:tanh', '0:output:sigmoid',
     '1:input:sigmoid', '1:forget:sigmoid', '1:cell:tanh', '1:output:sigmoid']);
  assert.ok(lstm.gates.every((g) => g.preActivation.numel === 5 * 3 * 16 && g.saturated >= 0 && g.saturated <= 1));
  assert.equal(lstm.hidden.length, 2);
  assert.ok(lstm.hidden[0].stdPerStep instanceof Float64Array && lstm.hidden[0].stdPerStep.length === 5);
  const attn = r.layers.find((l) => l.path === 'attn');
  assert.equal(attn.attention.length, 1);
  const a = attn.attention[0];
  assert.equal(a.logits.numel, 3 * 4 * 5 * 5);
  assert.equal(a.rows, 3 * 4 * 5);
  assert.ok(a.entropy > 0.5 && a.entropy <= 1 && a.entropyMin <= a.entropy, `${a.entropy} ${a.entropyMin}`);
  // What a layer does not have is an empty list, not a missing one.
  assert.deepEqual([attn.gates.length, attn.hidden.length, lstm.attention.length], [0, 0, 0]);
});
