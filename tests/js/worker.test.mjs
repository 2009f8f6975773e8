// The worker wrapper in Node's worker_threads: same report shape, superseded runs rejected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readExample, wasmDir } from './support.mjs';

const { InitlabWorker } = await import(pathToFileURL(join(wasmDir, 'worker.mjs')).href);

test('runs off the main thread and returns the same report shape', async () => {
  const w = new InitlabWorker(pathToFileURL(join(wasmDir, 'worker.mjs')));
  try {
    const r = await w.run(readExample('tutorial_cnn.py'), { seed: 0 });
    assert.equal(r.modelName, 'CNN');
    assert.ok(r.layers[0].output.histogram.counts instanceof Uint32Array);
    await assert.rejects(w.run('print(undefined_name)'), (e) => e.kind === 'NameError' && e.line === 1);
    // runReport resolves instead, keeping what was printed before the error.
    const failed = await w.runReport('print("before")\nprint(undefined_name)');
    assert.equal(failed.ok, false);
    assert.equal(failed.output, 'before\n');
    assert.equal(failed.error.kind, 'NameError');
    assert.equal(failed.error.line, 2);
  } finally {
    w.terminate();
  }
});

test("phaseDiagram 'cached': the first run names the grid it lacks, the worker computes it, later runs carry it", async () => {
  const w = new InitlabWorker(pathToFileURL(join(wasmDir, 'worker.mjs')));
  try {
    const source = 'import torch.nn as nn\nmodel = nn.Sequential(nn.Linear(32, 32), nn.Tanh(), nn.Linear(32, 32), nn.Tanh())\n';
    const first = await w.run(source, { batch: 8, phaseDiagram: 'cached' });
    assert.equal(first.meanField.phase, undefined);
    assert.deepEqual(first.meanField.phasePending, { w2Max: 4, b2Max: 0.5 });
    const grid = await w.phaseDiagram(first.meanField.phi, first.meanField.phasePending);
    assert.ok(grid.chi1 instanceof Float64Array && grid.chi1.length === grid.w2.length * grid.b2.length);
    const later = await w.run(source, { batch: 8, seed: 3, phaseDiagram: 'cached' });
    assert.equal(later.meanField.phasePending, undefined);
    assert.deepEqual(Array.from(later.meanField.phase.chi1), Array.from(grid.chi1));
    // The same grid as a run that computes it in place (phaseDiagram: true).
    const inline = await w.run(source, { batch: 8, phaseDiagram: true });
    assert.deepEqual(Array.from(inline.meanField.phase.chi1), Array.from(grid.chi1));
    await assert.rejects(w.phaseDiagram({ kind: 99 }), (e) => e.kind === 'TypeError' && /phi\.kind/.test(e.message));
    assert.equal((await w.run('print(2)')).output, '2\n');
  } finally {
    w.terminate();
  }
});

test('a newer run supersedes waiting ones', async () => {
  const w = new InitlabWorker(pathToFileURL(join(wasmDir, 'worker.mjs')));
  try {
    const source = readExample('tutorial_cnn.py');
    const runs = [1, 2, 3, 4].map((seed) => w.run(source, { seed }));
    const results = await Promise.allSettled(runs);
    assert.equal(results[3].status, 'fulfilled');
    assert.ok(results.slice(0, 3).some((r) => r.status === 'rejected' && r.reason.kind === 'Superseded'));
  } finally {
    w.terminate();
  }
});

test('after an abort the worker answers with AbortError and the next run works', async () => {
  const w = new InitlabWorker(pathToFileURL(join(wasmDir, 'worker.mjs')));
  try {
    // With the recursion limit lifted the wasm stack overflows: a real trap, not a script error.
    const recurse = 'def f(n):\n    return f(n + 1)\nf(0)\n';
    await assert.rejects(w.run(recurse, { limits: { maxDepth: 1e7, maxSteps: 1e9 } }), (e) => e.kind === 'AbortError');
    const r = await w.run(readExample('tutorial_cnn.py'), { seed: 0 });
    assert.equal(r.modelName, 'CNN');
  } finally {
    w.terminate();
  }
});

test('parallel training: the variants spread over workers give the same losses, bit for bit, as in turns in one', async () => {
  const source = readExample('digits_tanh_mlp.py');
  const variants = [
    { name: 'xavier', source },
    { name: 'default', source: source.replace('model.apply(initialize_weights)', 'pass') },
    { name: 'normal', source: source.replace("nn.init.xavier_uniform_(m.weight, gain=nn.init.calculate_gain('tanh'))", 'nn.init.normal_(m.weight, 0, 1)') },
  ];
  assert.notEqual(variants[1].source, source);
  assert.notEqual(variants[2].source, source);
  const collect = async (parallel) => {
    const w = new InitlabWorker();
    const losses = variants.map(() => []);
    const chunks = variants.map(() => 0);
    const t = w.train(variants, { seed: 2, lr: 0.05, batch: 32 }, {
      steps: 30, chunk: 10, parallel, onChunk: (i, c) => { losses[i].push(...c.losses); chunks[i] += 1; },
    });
    const { stopped } = await t.done;
    const workers = 1 + w.pool.length;
    w.terminate();
    return { losses, chunks, stopped, workers };
  };
  const serial = await collect(1);
  const parallel = await collect(3);
  assert.equal(serial.workers, 1);
  assert.equal(parallel.workers, 3);
  assert.deepEqual(parallel.chunks, [3, 3, 3]);
  assert.equal(parallel.stopped, false);
  for (let i = 0; i < 3; ++i) assert.deepEqual(parallel.losses[i], serial.losses[i], variants[i].name);
  // The variants differ (the test is not comparing one run with itself).
  assert.notDeepEqual(serial.losses[0], serial.losses[2]);
});
