// The Trainer through the JavaScript API and the worker: setup, chunks, errors, disposal, and
// a worker training job with several variants, a stop, and runs in between.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadApi, readExample, repo, wasmDir } from './support.mjs';

const { createInitlab } = await loadApi();
const { InitlabWorker } = await import(pathToFileURL(join(wasmDir, 'worker.mjs')).href);
const lab = await createInitlab();
const tutorial = readExample('tutorial_cnn.py');
const zeroInit = tutorial.replaceAll('nn.init.kaiming_uniform_(m.weight)', 'nn.init.constant_(m.weight, 0)');

test('trainer(): setup says what it trains on; step(k) returns the chunk; dispose frees the heap', () => {
  const before = lab.liveTensorBytes();
  const t = lab.trainer(tutorial, { seed: 0, batch: 32 });
  try {
    assert.equal(t.setup.ok, true);
    assert.equal(t.setup.error, null);
    assert.equal(t.setup.modelName, 'CNN');
    assert.equal(t.setup.dataset, 'digits 28x28');
    assert.deepEqual(t.setup.inputShape, [32, 1, 28, 28]);
    assert.equal(t.setup.loss, 'nll');
    assert.equal(t.setup.optimizer, 'SGD(lr=0.01, momentum=0.9)');
    assert.match(t.setup.output, /torch\.Size\(\[64, 10\]\)/);
    const c = t.step(4);
    assert.equal(c.error, null);
    assert.equal(c.step, 4);
    assert.ok(c.losses instanceof Float64Array);
    assert.equal(c.losses.length, 4);
    assert.equal(c.probedStep, 0);
    assert.deepEqual(c.layers.slice(0, 2).map((l) => [l.path, l.type]), [['conv1', 'Conv2d'], ['', 'F.max_pool2d']]);
    assert.ok(c.layers.every((l) => Number.isFinite(l.std) && l.gradNorm > 0));
    assert.equal(c.parameters[0].name, 'conv1.weight');
    assert.equal(t.step(2).probedStep, 4);
    assert.throws(() => t.step(0), TypeError);
    assert.ok(lab.liveTensorBytes() > before);
  } finally {
    t.dispose();
  }
  assert.equal(lab.liveTensorBytes(), before);
  assert.throws(() => t.step(1), /disposed/);
});

test('a script error is the setup\'s, with line and column; the next trainer works', () => {
  const t = lab.trainer('import torch.nn as nn\nmodel = nn.Linear(64, 10)\nprint(undefined_name)\n');
  assert.equal(t.setup.ok, false);
  assert.equal(t.setup.error.kind, 'NameError');
  assert.equal(t.setup.error.line, 3);
  assert.equal(t.setup.error.column, 7);
  assert.equal(t.step(1).error.kind, 'NameError');
  t.dispose();
  const next = lab.trainer('import torch.nn as nn\nmodel = nn.Linear(64, 10)\n', { optimizer: 'adam', lr: 0.01 });
  assert.equal(next.setup.ok, true);
  assert.equal(next.step(3).losses.length, 3);
  next.dispose();
});

test('a worker trains variants in turns with the same data order, and stops between chunks', async () => {
  const w = new InitlabWorker(pathToFileURL(join(wasmDir, 'worker.mjs')));
  try {
    const setups = [];
    const chunks = [[], []];
    const job = w.train([{ name: 'kaiming', source: tutorial }, { name: 'zeros', source: zeroInit }], { seed: 2 }, {
      steps: 30, chunk: 10,
      onSetup: (v, s) => { setups[v] = s; },
      onChunk: (v, c) => chunks[v].push(c),
    });
    // A run in the middle of the job is answered between chunks.
    const report = await w.run('import torch\nprint(torch.ones(2).sum().item())');
    assert.equal(report.output, '2.0\n');
    assert.deepEqual(await job.done, { stopped: false });
    assert.deepEqual(setups.map((s) => s.dataset), ['digits 28x28', 'digits 28x28']);
    assert.deepEqual(chunks.map((cs) => cs.map((c) => c.step)), [[10, 20, 30], [10, 20, 30]]);
    // Same as training alone in this thread: the run in between changed nothing.
    const alone = lab.trainer(tutorial, { seed: 2 });
    const first = alone.step(10);
    alone.dispose();
    assert.deepEqual(chunks[0][0].losses, first.losses);
    // All-zero weights: every step's loss stays near log(10) while Kaiming's falls.
    assert.ok(chunks[1][2].losses.every((l) => l > 2.0), `zero-init losses ${chunks[1][2].losses}`);
    assert.ok(chunks[0][2].losses[9] < 1.5, `kaiming losses ${chunks[0][2].losses}`);

    const long = w.train([{ source: tutorial }], { seed: 0 }, { steps: 10000, chunk: 5, onChunk: () => long.stop() });
    assert.deepEqual(await long.done, { stopped: true });
    // And the worker is fine afterwards.
    const again = [];
    await w.train([{ source: tutorial }], { seed: 0, batch: 16 }, { steps: 4, chunk: 2, onChunk: (v, c) => again.push(c.step) }).done;
    assert.deepEqual(again, [2, 4]);
  } finally {
    w.terminate();
  }
});

test('the residual preset: Fixup and ReZero train 50 blocks without normalization where the default init diverges', async () => {
  const { PRESETS } = await import(pathToFileURL(join(repo, 'web/js/preset_list.js')).href);
  const preset = PRESETS.find((p) => p.id === 'train_residual_mlp');
  const source = readExample(preset.file);
  const result = {};
  for (const v of preset.variants) {
    const trainer = lab.trainer(v.replace ? source.replace(v.replace[0], v.replace[1]) : source, { ...preset.train, seed: 0 });
    assert.ok(trainer.setup.ok, trainer.setup.error?.formatted);
    let c;
    for (let s = 0; s < 150; s += 50) c = trainer.step(50);
    trainer.dispose();
    result[v.name] = c;
  }
  assert.ok(result.Fixup.testAccuracy > 0.8, String(result.Fixup.testAccuracy));
  assert.ok(result.ReZero.testAccuracy > 0.8, String(result.ReZero.testAccuracy));
  // The default init's variance grows block after block; at lr 0.05 the loss overflows.
  assert.ok(Number.isNaN(result['PyTorch default'].testLoss), String(result['PyTorch default'].testLoss));
  assert.ok(result['PyTorch default'].testAccuracy < 0.15);
});
