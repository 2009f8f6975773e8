// Training in the page, in headless Chromium, as a learner does it: pick the tutorial CNN's
// training preset, watch three initializations train on the digits in one chart, stop a run,
// train again.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { artifactsDir, canvasHasInk, canvasPixels, open, runCount, runs, start } from './support.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const training = (page) => page.evaluate(() => JSON.parse(JSON.stringify(window.initlab.training)));

test('the tutorial CNN trains on digits under three inits: Kaiming and default learn, all-zero stays at chance', async () => {
  const { context, page, problems } = await open(env);
  await runs(page, 1);
  const n = await runCount(page);
  await page.locator('#preset').selectOption('train_tutorial_cnn');
  await runs(page, n + 1);
  // The preset starts training (the panel's code loads on demand); Stop is live while it runs.
  await page.waitForFunction(() => window.initlab.training.running);
  assert.equal(await page.locator('#train-toggle').getAttribute('aria-expanded'), 'true');
  assert.equal(await page.locator('#train-steps').inputValue(), '300');
  assert.equal(await page.locator('#train-stop').isEnabled(), true);
  await page.waitForFunction(() => window.initlab.training.done, null, { timeout: 120_000 });
  const t = await training(page);
  assert.equal(t.stopped, false);
  assert.deepEqual(t.variants.map((v) => v.name), ['kaiming_uniform_', 'PyTorch default', 'all zeros']);
  for (const v of t.variants) {
    assert.equal(v.error, null);
    assert.equal(v.dataset, 'digits 28x28');
    assert.equal(v.losses.length, 300, `${v.name} trained every step`);
    assert.equal(v.test[0].step, 0);
    assert.equal(v.test[v.test.length - 1].step, 300);
  }
  const [kaiming, byDefault, zeros] = t.variants.map((v) => v.test[v.test.length - 1].accuracy);
  assert.ok(kaiming > 0.85, `Kaiming test accuracy ${kaiming}`);
  assert.ok(byDefault > 0.85, `default test accuracy ${byDefault}`);
  // Zero weights: every unit the same, no gradient to break the symmetry; chance is 10%.
  assert.ok(zeros < 0.15, `all-zero test accuracy ${zeros}`);
  const late = (v) => v.losses.slice(-20).reduce((a, b) => a + b, 0) / 20;
  assert.ok(late(t.variants[2]) > 2.0 && late(t.variants[0]) < 0.5, `late losses ${t.variants.map(late)}`);
  // Same seed, same data order: the first step's loss differs only by the initialization, and
  // the curves in the page are those the Trainer computed.
  assert.notEqual(t.variants[0].losses[0], t.variants[2].losses[0]);
  // The story in words, one line per variant.
  const summary = await page.locator('#train-summary').innerText();
  assert.match(summary, /all zeros: not learning: test accuracy \d+\.\d% after 300 steps, chance is 10\.0%/);
  assert.match(summary, /kaiming_uniform_: test accuracy (8|9)\d\.\d% after 300 steps/);
  assert.match(await page.locator('#train-status').innerText(), /Done at step 300 of 300 on digits 28x28 \(1437 training images\), NLL loss, SGD\(lr=0\.01, momentum=0\.9\)/);
  assert.equal(await page.locator('#train-progress').evaluate((p) => p.value), 1);
  assert.deepEqual(await canvasHasInk(page, '#train-loss, #train-acc, #train-std, #train-grad, #train-update, #train-gratio'), new Array(6).fill(true));
  // The update:data ratio of every weight at every step; Kaiming's sit around the -3 guide.
  const ratios = Object.entries(t.variants[0].updateRatios);
  assert.deepEqual(ratios.map(([name]) => name), ['conv1.weight', 'conv2.weight', 'dense1.weight', 'dense2.weight']);
  for (const [name, r] of ratios) {
    assert.equal(r.length, 300, name);
    const median = [...r].sort((a, b) => a - b)[150];
    assert.ok(median > -5 && median < -1.5, `${name}: median log10 update:data ${median}`);
  }
  // Layers x steps, one image per variant, and the chosen layer's histogram over time.
  const heat = await canvasHasInk(page, '#train-heat canvas, #train-colorful canvas');
  assert.deepEqual(heat, new Array(6).fill(true));
  const shown = await page.evaluate(() => window.initlab.training.heat);
  assert.deepEqual(shown.columns, [30, 30, 30]);  // a probed step per chunk of 10
  await page.locator('#train-heat-what').selectOption('ratio');
  await page.waitForFunction(() => window.initlab.training.heat.what === 'ratio');
  assert.deepEqual(await page.evaluate(() => window.initlab.training.heat.columns), [300, 300, 300]);
  await page.locator('#train-heat-what').selectOption('std');
  await page.locator('#train-heat').screenshot({ path: join(artifactsDir, 'training_heatmaps.png') });
  // Through training: the all-zero network's first layer gets no gradient at any time.
  await page.locator('#train-variant').selectOption({ label: 'all zeros' });
  assert.match(await page.locator('#train-snapshots').innerText(), /step 0/);
  assert.deepEqual(problems, []);
  await page.locator('#train-pane').screenshot({ path: join(artifactsDir, 'training.png') });
  await context.close();
});

test('Stop ends training between chunks; settings live in the link; training again works', async () => {
  const { context, page, problems } = await open(env);
  await runs(page, 1);
  const n = await runCount(page);
  await page.locator('#preset').selectOption('train_relu_mlp');
  await runs(page, n + 1);
  await page.waitForFunction(() => window.initlab.training.variants.some((v) => v.losses.length >= 20));
  await page.locator('#train-stop').click();
  await page.waitForFunction(() => window.initlab.training.done);
  const stopped = await training(page);
  assert.equal(stopped.stopped, true);
  assert.ok(stopped.variants.every((v) => v.losses.length < 300));
  assert.match(await page.locator('#train-status').innerText(), /^Stopped at step \d+ of 300/);
  // Fewer steps, Adam, a new learning rate: kept in the state (and so in the link).
  await page.locator('#train-steps').fill('40');
  await page.locator('#train-steps').press('Enter');
  await page.locator('#train-optimizer').selectOption('adam');
  await page.locator('#train-lr').fill('0.001');
  await page.locator('#train-lr').press('Enter');
  const s = await page.evaluate(() => JSON.parse(JSON.stringify(window.initlab.state.training)));
  assert.deepEqual(s, { open: true, steps: 40, optimizer: 'adam', lr: 0.001, batch: 64, dataset: 'auto' });
  // A bad value is refused with the reason, and the setting stays.
  await page.locator('#train-lr').fill('-1');
  await page.locator('#train-lr').press('Enter');
  assert.match(await page.locator('#train-status').innerText(), /Learning rate must be a number from 0\.000001 to 10; it stays 0\.001/);
  const pixels = await canvasPixels(page, '#train-loss');
  await page.locator('#train-start').click();
  await page.waitForFunction(() => window.initlab.training.done, null, { timeout: 60_000 });
  const again = await training(page);
  assert.equal(again.stopped, false);
  assert.ok(again.variants.every((v) => v.losses.length === 40));
  assert.match(await page.locator('#train-status').innerText(), /Adam\(lr=0\.001\)/);
  assert.notEqual(await canvasPixels(page, '#train-loss'), pixels);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a model the data cannot feed gets one clear error in the panel; the next training works', async () => {
  const { context, page, problems } = await open(env);
  await runs(page, 1);
  const n = await runCount(page);
  await page.locator('#preset').selectOption('vgg_style');
  await runs(page, n + 1);
  await page.locator('#train-toggle').click();
  await page.locator('#train-start').click();
  await page.waitForFunction(() => window.initlab.training.done);
  const t = await training(page);
  assert.equal(t.variants.length, 1);
  assert.match(t.variants[0].error, /^ValueError: the digits are 1-channel 28x28 images .* make its first layer nn\.Conv2d\(1, \.\.\.\)/);
  assert.match(await page.locator('#train-summary').innerText(), /^■ kaiming_normal_ fan_out: ValueError: the digits are 1-channel 28x28 images/);
  await page.locator('#preset').selectOption('tutorial_cnn');
  await page.locator('#train-toggle').click();
  await page.locator('#train-steps').fill('10');
  await page.locator('#train-steps').press('Enter');
  await page.locator('#train-start').click();
  await page.waitForFunction(() => window.initlab.training.done);
  const ok = await training(page);
  assert.equal(ok.variants[0].error, null);
  assert.equal(ok.variants[0].losses.length, 10);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the digits input probes real images, and the gradient losses use their real labels', async () => {
  const { context, page, problems } = await open(env);
  await runs(page, 1);
  let n = await runCount(page);
  await page.locator('#input').selectOption('digits');
  await runs(page, n + 1);
  n = await runCount(page);
  await page.locator('#grad').selectOption('nll');
  await runs(page, n + 1);
  assert.match(await page.locator('#status').innerText(), /probing CNN on digits input 64×1×28×28 · gradients of the NLL loss against their real labels/);
  // PyTorch's NLL on the first 64 training digits is 2.4736 (tests/fixtures/train_fixtures.txt).
  assert.match(await page.locator('#grad-loss').innerText(), /NLL loss 2\.474$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the character LSTM trains on the words under both inits, samples words, and shows its gates', async () => {
  const { context, page, problems } = await open(env);
  await runs(page, 1);
  const n = await runCount(page);
  await page.locator('#preset').selectOption('train_char_lstm');
  await runs(page, n + 1);
  // The gate view: the four gates of the LSTM, each with ink, the forget gate's bias of 1 in
  // the orthogonal variant's pre-activation mean.
  assert.equal(await page.locator('#inside-pane').isVisible(), true);
  const cards = await page.evaluate(() => window.initlab.insideCards);
  assert.deepEqual(cards, ['lstm: input gate', 'lstm: forget gate', 'lstm: cell gate', 'lstm: output gate']);
  assert.deepEqual(await canvasHasInk(page, '#inside canvas'), [true, true, true, true]);
  const forget = await page.locator('#inside figure').nth(1).innerText();
  assert.match(forget, /pre-activation mean (0\.9|1\.0)\d*/, forget);
  assert.match(await page.locator('#inside figure').first().innerText(), /hidden std step 1 → 8/);
  await page.locator('#inside-pane').screenshot({ path: join(artifactsDir, 'lstm_gates.png') });

  await page.waitForFunction(() => window.initlab.training.done, null, { timeout: 180_000 });
  await page.waitForFunction(() => window.initlab.training.variants.every((v) => v.samples));
  const t = await training(page);
  assert.deepEqual(t.variants.map((v) => v.name), ['orthogonal, forget bias 1', 'PyTorch default']);
  for (const v of t.variants) {
    assert.equal(v.error, null);
    assert.equal(v.dataset, 'words (next character, context 8)');
    assert.equal(v.losses.length, 200);
    // ln 27, the loss of a uniform guess over '.' and a-z.
    assert.ok(Math.abs(v.baselineLoss - Math.log(27)) < 1e-6);
    const last = v.test[v.test.length - 1];
    assert.ok(last.loss < 0.7 * v.baselineLoss, `${v.name}: test loss ${last.loss}`);
    assert.equal(v.samples.length, 5);
    for (const w of v.samples) assert.match(w, /^[a-z]{0,16}$/);
  }
  const summary = await page.locator('#train-summary').innerText();
  assert.match(summary, /orthogonal, forget bias 1: test loss \d\.\d{3} per character after 200 steps \(from 3\.\d{3}; uniform guess 3\.296\), next character right \d+\.\d%; samples: /);
  assert.match(await page.locator('#train-status').innerText(), /Done at step 200 of 200 on words \(next character, context 8\) \(\d+ training windows\), per-character cross-entropy loss, Adam/);
  assert.deepEqual(await canvasHasInk(page, '#train-loss, #train-acc, #train-std, #train-grad, #train-update, #train-gratio'), new Array(6).fill(true));
  // The update:data ratio of every weight at every step; Kaiming's sit around the -3 guide.
  const ratios = Object.entries(t.variants[0].updateRatios);
  assert.deepEqual(ratios.map(([name]) => name), ['conv1.weight', 'conv2.weight', 'dense1.weight', 'dense2.weight']);
  for (const [name, r] of ratios) {
    assert.equal(r.length, 300, name);
    const median = [...r].sort((a, b) => a - b)[150];
    assert.ok(median > -5 && median < -1.5, `${name}: median log10 update:data ${median}`);
  }
  // Layers x steps, one image per variant, and the chosen layer's histogram over time.
  const heat = await canvasHasInk(page, '#train-heat canvas, #train-colorful canvas');
  assert.deepEqual(heat, new Array(6).fill(true));
  const shown = await page.evaluate(() => window.initlab.training.heat);
  assert.deepEqual(shown.columns, [30, 30, 30]);  // a probed step per chunk of 10
  await page.locator('#train-heat-what').selectOption('ratio');
  await page.waitForFunction(() => window.initlab.training.heat.what === 'ratio');
  assert.deepEqual(await page.evaluate(() => window.initlab.training.heat.columns), [300, 300, 300]);
  await page.locator('#train-heat-what').selectOption('std');
  await page.locator('#train-heat').screenshot({ path: join(artifactsDir, 'training_heatmaps.png') });
  assert.deepEqual(problems, []);
  await page.locator('#train-pane').screenshot({ path: join(artifactsDir, 'training_words.png') });
  await context.close();
});

test('sweeping a constant: Kaiming keeps every layer flat across widths, N(0, 1) does not (the coordinate check)', async () => {
  const { context, page, problems } = await open(env, '?preset=train_relu_mlp');
  await runs(page, 1);
  await page.waitForFunction(() => window.initlab.training);
  await page.locator('#sweep-const').focus();
  assert.deepEqual(await page.locator('#sweep-const option').allInnerTexts(), ['depth = 10', 'width = 128']);
  await page.locator('#sweep-const').selectOption('width');
  await page.locator('#sweep-run').click();
  await page.waitForFunction(() => window.initlab.sweep, null, { timeout: 120_000 });
  const s = await page.evaluate(() => window.initlab.sweep);
  assert.deepEqual(s.values, [8, 16, 32, 64, 128, 256, 512, 1024]);
  assert.equal(s.errors, 0);
  const [kaiming, small, large] = s.perTab;
  assert.equal(kaiming.name, 'kaiming_normal_');
  // mup's reading: the slope of log std against log width. Kaiming's std = sqrt(2 / fan_in)
  // makes the weights' part width-independent (slope 0); what remains at the last Linear is
  // PyTorch's default biases (sigma_b^2 = 1/(3 fan_in), kept by the preset), a share of the
  // variance that fades with width, and finite-width luck (measured slope -0.25 from 64 to
  // 1024). N(0, 0.01) and N(0, 1) fix the std instead: each of the 10 layers multiplies the
  // variance by sigma^2 width / 2, so the last Linear's std grows like width^(10/2): slope ~5.
  const slope = (tab) => {
    const last = tab.lines.filter((l) => /Linear$/.test(l.name)).pop();
    const pts = s.values.map((v, k) => [Math.log10(v), Math.log10(last.init[k])]).slice(3);
    const mx = pts.reduce((a, p) => a + p[0], 0) / pts.length, my = pts.reduce((a, p) => a + p[1], 0) / pts.length;
    return pts.reduce((a, p) => a + (p[0] - mx) * (p[1] - my), 0) / pts.reduce((a, p) => a + (p[0] - mx) ** 2, 0);
  };
  assert.ok(Math.abs(slope(kaiming)) < 0.5, `Kaiming slope ${slope(kaiming)}`);
  assert.ok(slope(small) > 3.5 && slope(large) > 3.5, `${slope(small)} ${slope(large)}`);
  assert.ok(small.init > 5 && large.init > 5, `${small.init} ${large.init}`);
  assert.match(await page.locator('#sweep-note').innerText(), /kaiming_normal_: a layer's std changes by up to \S+ decades across the sweep at init/);
  assert.deepEqual(await canvasHasInk(page, '#sweep-init, #sweep-after'), [true, true]);
  await page.locator('#sweep-init').screenshot({ path: join(artifactsDir, 'sweep_width.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('Fix my init: LSUV on the N(0, 1) tab adds a tab of plain PyTorch code that runs and then trains', async () => {
  const { context, page, problems } = await open(env, '?preset=train_relu_mlp');
  await runs(page, 1);
  await page.locator('#tab-2').click();
  assert.match(await page.locator('#tab-2').innerText(), /normal_\(0, 1\)/);
  const n = await runCount(page);
  await page.locator('#fix-init').click();
  await page.waitForFunction(() => window.initlab.fix && window.initlab.state.tabs.length === 4, null, { timeout: 60_000 });
  await runs(page, n + 1);
  const fix = await page.evaluate(() => window.initlab.fix);
  assert.equal(fix.length, 10);
  // LSUV's orthonormal step comes first (stdBefore is measured after it), then each layer's
  // output is scaled to std 1.
  for (const f of fix) assert.ok(Math.abs(f.stdAfter - 1) <= 0.1, `${f.path}: ${f.stdAfter}`);
  const s = await page.evaluate(() => window.initlab.state);
  assert.equal(s.active, 3);
  assert.equal(s.tabs[3].name, 'normal_(0, 1) + LSUV');
  assert.match(s.tabs[3].code, /^def fix_init\(model\):$/m);
  assert.match(s.tabs[3].code, /torch\.no_grad\(\)/);
  assert.match(await page.locator('#fix-note').innerText(), /LSUV scaled 10 layers to output std 1/);
  // The new tab's code ran (no error), and its activations sit near 1 where N(0, 1)'s explode.
  assert.equal(await page.locator('#tab-3.has-error').count(), 0);
  const series = await page.evaluate(() => window.initlab.depthSeries);
  const fixed = series.find((x) => x.name === 'normal_(0, 1) + LSUV');
  const raw = series.find((x) => x.name === 'normal_(0, 1)');
  assert.ok(Math.max(...raw.std) > 1e3 && Math.max(...fixed.std) < 10, `${Math.max(...raw.std)} ${Math.max(...fixed.std)}`);
  // Train compares before and after: the fixed network learns, the N(0, 1) one does not.
  await page.locator('#train-steps').fill('100');
  await page.locator('#train-steps').press('Enter');
  await page.locator('#train-start').click();
  await page.waitForFunction(() => window.initlab.training.done && window.initlab.training.variants.length === 4, null, { timeout: 180_000 });
  const t = await training(page);
  const acc = (name) => t.variants.find((v) => v.name === name).test.at(-1).accuracy;
  assert.ok(acc('normal_(0, 1) + LSUV') > 0.6, `LSUV ${acc('normal_(0, 1) + LSUV')}`);
  assert.ok(acc('normal_(0, 1)') < 0.3, `N(0, 1) ${acc('normal_(0, 1)')}`);
  assert.deepEqual(problems, []);
  await context.close();
});
