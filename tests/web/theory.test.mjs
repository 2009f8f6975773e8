// The theory beside the measurement in the page (headless Chromium): the dashed prediction over
// the depth curve, the chi1 phase diagram whose dots follow the init-scale slider, the
// disagreement banner, the predicted column of the table. Screenshots land in test-artifacts.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { artifactsDir, canvasHasInk, canvasPixels, open, runCount, runs, start } from './support.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

// Pixels of the phase diagram that are neither blank nor white: the heatmap's colour.
const colouredPixels = (page) => page.evaluate(() => {
  const c = document.getElementById('phase');
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (Math.abs(d[i] - d[i + 2]) > 40)) n += 1;
  return n;
});

test('deep tanh preset: the dashed theory line follows the measured std and has ink of its own', async () => {
  const { context, page, problems } = await open(env, '?preset=deep_tanh_mlp');
  await runs(page, 1);
  const series = await page.evaluate(() => window.initlab.depthSeries);
  assert.equal(series.length, 2);
  for (const s of series) {
    const covered = s.theory.filter(Number.isFinite);
    assert.ok(covered.length >= 20, `${s.name}: ${covered.length} predicted points`);
    // A wide (256) MLP on Gaussian input: prediction and measurement within 10% on every layer.
    s.theory.forEach((v, i) => {
      if (Number.isFinite(v)) assert.ok(Math.abs(s.std[i] / v - 1) < 0.1, `${s.name} ${s.labels[i]}: ${s.std[i]} vs ${v}`);
    });
  }
  await page.locator('#depth-pane').screenshot({ path: join(artifactsDir, 'theory_depth.png') });
  const withTheory = await canvasPixels(page, '#depth');
  await page.locator('#theory').uncheck();
  await page.waitForFunction(() => window.initlab.depthSeries[0].theory === null);
  assert.notEqual(await canvasPixels(page, '#depth'), withTheory, 'the dashed line drew nothing');
  await page.locator('#theory').check();
  await page.waitForFunction(() => window.initlab.depthSeries[0].theory !== null);
  assert.equal(await canvasPixels(page, '#depth'), withTheory);
  // The table carries the prediction and the ratio.
  assert.match(await page.locator('#table thead').innerText(), /predicted std\s+ratio/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the phase diagram has ink, names both phases, and its dots move with the init-scale slider', async () => {
  const { context, page, problems } = await open(env, '?preset=deep_tanh_mlp');
  await runs(page, 1);
  assert.equal(await page.locator('#theory-pane').isVisible(), true);
  assert.ok(await colouredPixels(page) > 5000, 'the heatmap is blank');
  const summary = await page.locator('#theory-summary').innerText();
  // Xavier with tanh's gain 5/3 on square layers: sigma_w^2 = 25/9 = 2.78, a little chaotic;
  // the default Linear's 1/3 is deep in the ordered phase.
  assert.match(summary, /xavier_uniform_: Tanh, 10 affine layers with mean σ_w² 2\.7\d+.*χ₁ = 1\.2\d+: chaotic/s);
  assert.match(summary, /PyTorch default: Tanh, 10 affine layers with mean σ_w² 0\.33\d+.*ordered/s);
  await page.locator('#theory-pane').screenshot({ path: join(artifactsDir, 'phase_diagram.png') });

  const before = await page.evaluate(() => window.initlab.phaseDots);
  assert.equal(before.length, 20);  // ten Linear layers per variant
  const pixels = await canvasPixels(page, '#phase');
  const n = await runCount(page);
  await page.locator('#scale').fill('-0.3');  // log10 scale: x0.5012
  await runs(page, n + 1);
  const after = await page.evaluate(() => window.initlab.phaseDots);
  const scale = await page.evaluate(() => window.initlab.state.settings.scale);
  assert.equal(scale, 0.5012);
  // Every bound scales, so every sigma_w^2 = fan_in E[W^2] scales by its square (float rounding
  // of the scaled weights: ~1e-7).
  after.forEach((d, i) => assert.ok(Math.abs(d.w2 / before[i].w2 / scale ** 2 - 1) < 1e-5, `${i}: ${d.w2} vs ${before[i].w2}`));
  assert.notEqual(await canvasPixels(page, '#phase'), pixels, 'the dots did not move');
  assert.deepEqual(problems, []);
  await context.close();
});

// symmetry.py calls its model on 5 samples: with every unit of a layer identical, the spread
// over the batch is all there is, and 5 samples of it miss the theory's expectation.
test('constant weights: the disagreement banner names the layer where theory and measurement part', async () => {
  const { context, page } = await open(env, '?preset=symmetry');
  await runs(page, 1);
  const banner = page.locator('#theory-banner');
  assert.equal(await banner.isVisible(), true);
  assert.match(await banner.innerText(), /^constant 0\.2: From 0 \(Linear\) on, the measured std is \d+(\.\d+)?× the prediction/);
  await context.close();
});

test('a model the theory stops in: max pooling is named and the line restarts after it', async () => {
  const { context, page } = await open(env, '?preset=tutorial_cnn');
  await runs(page, 1);
  const s = (await page.evaluate(() => window.initlab.depthSeries))[0];
  const pool = s.labels.findIndex((l) => /max_pool2d/.test(l));
  assert.ok(pool > 0, s.labels.join(', '));
  assert.ok(!Number.isFinite(s.theory[pool]), String(s.theory[pool]));
  assert.ok(Number.isFinite(s.theory[pool + 1]), `${s.labels[pool + 1]} has no prediction after the stop`);
  assert.match(await page.locator('#theory-summary').innerText(), /The prediction stops at: .*maximum/);
  await context.close();
});

test('the map of dead units: a strip per ReLU, its dead count written beside it', async () => {
  const { context, page, problems } = await open(env, '?preset=deep_relu_mlp');
  await runs(page, 1);
  const rows = await page.evaluate(() => window.initlab.unitRows);
  assert.equal(rows.length, 10);
  assert.ok(rows.every((r) => r.kind === 'active' && r.units === 256));
  const labels = await page.locator('#units .unit-label').allInnerTexts();
  rows.forEach((r, i) => assert.match(labels[i], new RegExp(`^${r.title}\\s+${r.dead} of 256 units dead`)));
  const ink = await page.evaluate(() => [...document.querySelectorAll('#units canvas')].map((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n += 1;
    return n;
  }));
  assert.ok(ink.every((n) => n > 100), ink.join(', '));
  await page.locator('#units-pane').screenshot({ path: join(artifactsDir, 'dead_units.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the Jacobian on demand: orthogonal weights at the edge of chaos are near-isometric, Gaussian ones are not', async () => {
  const { context, page, problems } = await open(env, '?preset=isometry');
  await runs(page, 1);
  assert.equal(await page.locator('#jac-body').isVisible(), false);
  await page.locator('#jac-compare').click();
  await page.waitForFunction(() => window.initlab.jacobian, null, { timeout: 60000 });
  const [drawn, gaussian, orthogonal] = await page.evaluate(() => window.initlab.jacobian);
  assert.deepEqual([drawn.label, gaussian.label, orthogonal.label], ['as drawn', 'Gaussian', 'orthogonal']);
  for (const j of [drawn, gaussian, orthogonal]) assert.equal(j.count, 4 * 256, j.skipped);
  // The first tab draws orthogonal weights itself: redrawing them orthogonally keeps the
  // spectrum's shape; the Gaussian redraw at the same sigma_w^2 spreads it over many decades.
  assert.ok(orthogonal.condition < 1e4 && drawn.condition < 1e4, `${orthogonal.condition} ${drawn.condition}`);
  assert.ok(gaussian.condition > 1e3 * orthogonal.condition, `${gaussian.condition} vs ${orthogonal.condition}`);
  assert.equal((await page.locator('#jac-table tbody tr').allInnerTexts()).length, 3);
  assert.deepEqual(await canvasHasInk(page, '#jacobian'), [true]);
  await page.locator('#theory-pane').screenshot({ path: join(artifactsDir, 'jacobian.png') });
  // A new run marks the result as stale rather than leaving it to pass for the new code.
  const n = await runCount(page);
  await page.locator('#scale').fill('0.1');
  await runs(page, n + 1);
  assert.match(await page.locator('#jac-status').innerText(), /compute again/);
  assert.deepEqual(problems, []);
  await context.close();
});
