// The playground in headless Chromium (Debian's), as a learner uses it: load, run, break and fix
// the code, drag the scale slider, compare variants, share a link, embed it, go offline.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { artifactsDir, canvasHasInk, canvasPixels, open, runCount, runs, start } from './support.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const state = (page) => page.evaluate(() => JSON.parse(JSON.stringify(window.initlab.state)));
const depthSeries = (page) => page.evaluate(() => window.initlab.depthSeries);

test('loads with no console errors or failed requests, all from its origin, .wasm as application/wasm', async () => {
  const { context, page, problems, responses } = await open(env);
  await runs(page, 1);
  await page.waitForTimeout(200);
  assert.deepEqual(problems, []);
  const wasm = responses.find((r) => r.url().endsWith('.wasm'));
  assert.ok(wasm, 'the page fetched the .wasm');
  assert.equal(wasm.headers()['content-type'], 'application/wasm');
  for (const r of responses) assert.ok(r.status() < 400, `${r.url()} answered ${r.status()}`);
  await context.close();
});

test('opens on the tutorial CNN and every chart, the table and the console have data', async () => {
  const { context, page, problems } = await open(env);
  await runs(page, 1);
  const s = await state(page);
  assert.equal(s.preset, 'tutorial_cnn');
  assert.match(s.tabs[0].code, /def initialize_weights\(m\):/);
  assert.match(await page.locator('.cm-content').innerText(), /class CNN\(nn\.Module\)/);

  const series = await depthSeries(page);
  assert.equal(series.length, 1);
  assert.deepEqual(series[0].labels.slice(0, 5), ['conv1', 'F.max_pool2d', 'F.relu', 'conv2', 'conv2_bn']);
  assert.equal(series[0].std.length, 13);
  assert.ok(series[0].std.every((v) => Number.isFinite(v) && v > 0));
  assert.deepEqual(await canvasHasInk(page, '#depth'), [true]);
  assert.equal(await page.locator('#acts .hist-card').count(), 13);
  assert.ok((await canvasHasInk(page, '#acts canvas')).every(Boolean));
  assert.equal(await page.locator('#weights .hist-card').count(), 12);
  assert.ok((await canvasHasInk(page, '#weights canvas')).every(Boolean));
  // The initializer's density is named with its bound: kaiming_uniform_ on conv1, b = sqrt(6/25).
  assert.match(await page.locator('#weights .hist-card').first().innerText(), /kaiming_uniform_: U\(−b, b\), b = 0\.4899/);
  assert.equal(await page.locator('#table tbody tr').count(), 13);
  assert.match(await page.locator('#console').innerText(), /CNN\(\n {2}\(conv1\): Conv2d\(1, 10, kernel_size=\(5, 5\), stride=\(1, 1\)\)/);
  assert.match(await page.locator('#console').innerText(), /torch\.Size\(\[64, 10\]\)/);
  assert.ok(await page.locator('#banner').isHidden());
  // The dead half of dense1's ReLU is marked under its histogram.
  assert.match(await page.locator('#acts .hist-card').nth(10).innerText(), /zeros 50\.\d%/);
  assert.deepEqual(problems, []);
  await page.screenshot({ path: join(artifactsDir, 'desktop.png'), fullPage: true });
  await context.close();
});

test('a broken edit shows the diagnostic at its line and column; the next valid edit recovers', async () => {
  const { context, page, problems } = await open(env);
  await runs(page, 1);
  const line = page.locator('.cm-line', { hasText: /^model = CNN\(\)$/ });
  await line.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' +');
  await page.waitForSelector('.cm-lintRange-error');
  const marked = await page.evaluate(() => {
    const lines = [...document.querySelectorAll('.cm-content > .cm-line')];
    const bad = document.querySelector('.cm-lintRange-error').closest('.cm-line');
    return { index: lines.indexOf(bad) + 1, text: bad.textContent };
  });
  assert.equal(marked.text, 'model = CNN() +');
  assert.equal(marked.index, 40);
  assert.match(await page.locator('#status').innerText(), /SyntaxError at line 40, column 16: invalid syntax/);
  assert.ok(await page.locator('#results.stale').count() === 1);
  assert.ok(await page.locator('#tabs [role=tab].has-error').count() === 1);
  const before = await runCount(page);
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await runs(page, before + 1);
  await page.waitForFunction(() => !document.querySelector('.cm-lintRange-error'));
  assert.equal(await page.locator('#results.stale').count(), 0);
  assert.match(await page.locator('#status').innerText(), /computed in/);
  // A runtime error is placed the same way: a name that does not exist, on a new line 43.
  await page.locator('.cm-line', { hasText: /^print\(model\)$/ }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('print(oops)');
  await page.waitForSelector('.cm-lintRange-error');
  assert.match(await page.locator('#status').innerText(), /NameError at line 43, column 7: name 'oops' is not defined/);
  assert.match(await page.locator('#console').innerText(), /NameError: name 'oops' is not defined/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the scale slider moves the std curve, live', async () => {
  const { context, page } = await open(env);
  await runs(page, 1);
  const before = await depthSeries(page);
  const pixels = await canvasPixels(page, '#depth');
  const n = await runCount(page);
  await page.locator('#scale').fill('0.5');  // log10 scale: x3.16
  await runs(page, n + 1);
  const afterScale = await depthSeries(page);
  assert.equal(await page.locator('#scale-value').innerText(), '×3.16');
  // conv1 has zero bias after initialize_weights: its output std is linear in the weights' bound.
  assert.ok(Math.abs(afterScale[0].std[0] / before[0].std[0] - 3.1623) < 1e-3, `${afterScale[0].std[0]} / ${before[0].std[0]}`);
  assert.notEqual(await canvasPixels(page, '#depth'), pixels);
  assert.match(await page.locator('#weights .hist-card').first().innerText(), /b = 1\.549.*scale ×3\.16/);
  await context.close();
});

test('compare overlays two variants run with the same seed and input', async () => {
  const { context, page, problems } = await open(env);
  await runs(page, 1);
  const n = await runCount(page);
  await page.locator('#preset').selectOption('deep_tanh_mlp');
  await runs(page, n + 1);
  await page.waitForFunction(() => window.initlab.depthSeries?.length === 2);
  const series = await depthSeries(page);
  assert.deepEqual(series.map((s) => s.name), ['xavier_uniform_', 'PyTorch default']);
  // Default init: the std after the last Tanh is far below Xavier's.
  const last = (s) => s.std[s.std.length - 1];
  assert.ok(last(series[1]) < 0.25 * last(series[0]), `${last(series[1])} vs ${last(series[0])}`);
  assert.equal(series[0].std.length, 20);
  assert.deepEqual(series[0].labels.slice(0, 2), ['0: Linear', '1: Tanh']);
  assert.equal(await page.locator('#legend span').count(), 2);
  // + variant duplicates the tab; the overlay grows to three.
  const m = await runCount(page);
  await page.locator('#add-tab').click();
  await runs(page, m + 1);
  await page.waitForFunction(() => window.initlab.depthSeries?.length === 3);
  assert.equal(await page.locator('#tabs [role=tab]').count(), 3);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a share link restores the exact state: code, variants, settings', async () => {
  const { context, page } = await open(env);
  await runs(page, 1);
  await page.locator('#seed').fill('7');
  await page.locator('#seed').press('Enter');
  await page.locator('#scale').fill('-0.3');
  await page.locator('#input').selectOption('uniform');
  await page.locator('#add-tab').click();
  await page.locator('#tab-name').fill('normal init');
  await page.locator('.cm-line', { hasText: /^model = CNN\(\)$/ }).click();
  await page.keyboard.press('End');
  await page.keyboard.type('  # edited');
  await page.locator('#share').click();
  // The link is compressed asynchronously (CompressionStream): wait for it to appear.
  await page.waitForFunction(() => document.getElementById('share-url').value !== '');
  const link = await page.locator('#share-url').inputValue();
  assert.match(link, /#v1\.[A-Za-z0-9_-]+$/);
  const saved = await state(page);
  assert.equal(saved.settings.seed, 7);
  assert.equal(saved.settings.input, 'uniform');
  assert.equal(saved.tabs.length, 2);
  assert.equal(saved.tabs[1].name, 'normal init');
  assert.match(saved.tabs[1].code, /model = CNN\(\)  # edited/);

  const other = await env.browser.newContext();
  const copy = await other.newPage();
  await copy.goto(link);
  await runs(copy, 1);
  assert.deepEqual(await state(copy), saved);
  assert.equal(await copy.evaluate(() => window.initlab.code()), saved.tabs[1].code);
  assert.equal(await copy.locator('#seed').inputValue(), '7');
  assert.equal(await copy.locator('#scale-value').innerText(), `×${saved.settings.scale.toFixed(2)}`);
  // A damaged link says so and falls back to the tutorial, working.
  const broken = await other.newPage();
  await broken.goto(link.slice(0, -12) + '!!');
  await runs(broken, 1);
  assert.match(await broken.locator('#banner').innerText(), /not an initlab state|damaged/);
  await other.close();
  await context.close();
});

test('embed flags hide panes, pick the preset and make the code read-only; embed.html holds two', async () => {
  const { context, page, problems } = await open(env, '?embed&hide=editor,table,weights&readonly&preset=deep_relu_mlp');
  await runs(page, 1);
  assert.ok(await page.locator('#editor-pane').isHidden());
  assert.ok(await page.locator('#table-pane').isHidden());
  assert.ok(await page.locator('#weights-pane').isHidden());
  assert.ok(await page.locator('#depth-pane').isVisible());
  assert.ok(await page.locator('#acts-pane').isVisible());
  assert.ok(await page.locator('#open-full').isVisible());
  assert.equal((await state(page)).preset, 'deep_relu_mlp');
  assert.equal(await page.locator('.cm-content').getAttribute('contenteditable'), 'false');
  assert.match(await page.locator('#banner').innerText(), /PyTorch default|normal_\(0, 1\): Activations explode/);
  assert.deepEqual(problems, []);

  const article = await context.newPage();
  await article.goto(`${env.base}examples/embed.html`);
  await article.waitForFunction(() => document.querySelectorAll('iframe').length === 2);
  const frames = article.frames().filter((f) => f !== article.mainFrame());
  assert.equal(frames.length, 2);
  for (const f of frames) await f.waitForFunction(() => window.initlab && window.initlab.runs >= 1, null, { timeout: 15000 });
  const presets = await Promise.all(frames.map((f) => f.evaluate(() => window.initlab.state.preset)));
  const mlp = frames[presets.indexOf('deep_tanh_mlp')];
  assert.deepEqual([...presets].sort(), ['deep_tanh_mlp', 'tutorial_cnn']);
  assert.ok(await mlp.locator('#editor-pane').isHidden());
  assert.equal(await mlp.evaluate(() => window.initlab.depthSeries.length), 2);
  const snippet = await page.evaluate(() => document.getElementById('snippet').value);
  assert.equal(snippet, '');
  await context.close();
});

test('the embed snippet inserts a working iframe', async () => {
  const { context, page } = await open(env);
  await runs(page, 1);
  await page.locator('#embed').click();
  await page.waitForFunction(() => document.getElementById('snippet').value !== '');
  const snippet = await page.locator('#snippet').inputValue();
  assert.match(snippet, /^<script src="http:\/\/127\.0\.0\.1:\d+\/embed\.js" data-state="v1\.[A-Za-z0-9_-]+" data-height="560" async><\/script>$/);
  const host = await context.newPage();
  await host.setContent(`<!doctype html><h1>article</h1>${snippet}<p>after</p>`);
  await host.waitForSelector('iframe');
  const frame = host.frames().find((f) => f !== host.mainFrame());
  await frame.waitForFunction(() => window.initlab && window.initlab.runs >= 1, null, { timeout: 15000 });
  assert.equal(await frame.evaluate(() => window.initlab.state.preset), 'tutorial_cnn');
  await context.close();
});

test('works offline once loaded; keyboard: Ctrl+Enter runs; every control is labelled', async () => {
  const { context, page, problems } = await open(env);
  await runs(page, 1);
  await context.setOffline(true);
  const n = await runCount(page);
  await page.locator('#autorun').uncheck();
  await page.locator('.cm-line', { hasText: /^x = torch\.randn\(64, 1, 28, 28\)$/ }).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' * 1000');
  await page.waitForTimeout(500);
  assert.equal(await runCount(page), n, 'auto-run is off: typing does not run');
  await page.keyboard.press('Control+Enter');
  await runs(page, n + 1);
  assert.ok((await depthSeries(page))[0].std[0] > 100);
  assert.match(await page.locator('#banner').innerText(), /explode/);
  await context.setOffline(false);
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea, button')]
    .filter((el) => el.offsetParent !== null || el.closest('[hidden]') === null)
    .filter((el) => !(el.labels?.length || el.getAttribute('aria-label') || el.textContent.trim()))
    .map((el) => el.id || el.outerHTML.slice(0, 60)));
  assert.deepEqual(unlabelled, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a 390-px phone the editor sits above the results', async () => {
  const { context, page, problems } = await open(env, '', { width: 390, height: 844 });
  await runs(page, 1);
  const editor = await page.locator('#editor-pane').boundingBox();
  const results = await page.locator('#results').boundingBox();
  assert.ok(editor.y + editor.height <= results.y + 1, `${JSON.stringify(editor)} ${JSON.stringify(results)}`);
  assert.ok(results.width <= 390);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(overflow <= 390, `page is ${overflow}px wide`);
  // The training panel, open, fits too (its charts stack).
  await page.locator('#train-toggle').click();
  await page.locator('#train-body').waitFor();
  const withTraining = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(withTraining <= 390, `page with the training panel open is ${withTraining}px wide`);
  assert.deepEqual(problems, []);
  await page.screenshot({ path: join(artifactsDir, 'phone.png'), fullPage: true });
  await context.close();
});

// WCAG 2 contrast of every visible piece of text against the background it sits on: at least
// 4.5:1 (3:1 for text of 18.66 px bold or 24 px and more).
test('every visible text has enough contrast against its background', async () => {
  const { context, page } = await open(env);
  await runs(page, 1);
  await page.waitForFunction(() => window.initlab.editorReady);
  await page.locator('#share').click();
  await page.waitForSelector('#share-panel:not([hidden])');
  const failures = await page.evaluate(() => {
    const rgb = (c) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]) => {
      const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length >= 3 && (c.length < 4 || c[3] > 0.5)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!n.textContent.trim() || !el || !el.checkVisibility?.() || el.closest('[hidden], .skip, details:not([open]) > :not(summary)')) continue;
      const s = getComputedStyle(el);
      const fg = rgb(s.color), bg = background(el);
      const [l1, l2] = [lum(fg.slice(0, 3)), lum(bg)].sort((a, b) => b - a);
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      const size = parseFloat(s.fontSize), bold = Number(s.fontWeight) >= 700;
      const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
      if (ratio < need) out.push(`${ratio.toFixed(2)} < ${need}: "${n.textContent.trim().slice(0, 30)}" (${s.color} on rgb(${bg}))`);
    }
    return [...new Set(out)];
  });
  assert.deepEqual(failures, []);
  await context.close();
});

// In the browser the worker fetches digits.bin (beside the wasm) only when a script mentions
// digits: a link whose code trains on nothing but loads the digits runs as in Node.
test('a script using initlab.datasets.digits gets the data fetched on demand', async () => {
  const { encodeState, defaultSettings } = await import('../../web/js/state.js');
  const code = 'import torch\nimport torch.nn as nn\nfrom initlab import datasets\n' +
    'x, y = datasets.digits("train", size=8, flatten=True)\nprint(x.shape, y[:5])\n' +
    'model = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10))\nout = model(x)\n';
  const hash = await encodeState({ tabs: [{ name: 'digits', code }], active: 0, compare: false, preset: '', settings: defaultSettings() });
  const { context, page, problems, responses } = await open(env, `#${hash}`);
  await runs(page, 1);
  assert.match(await page.locator('#console').innerText(), /torch\.Size\(\[1437, 64\]\) tensor\(\[0, 1, 2, 3, 4\]\)/);
  assert.ok(responses.some((r) => r.url().endsWith('/wasm/digits.bin') && r.status() === 200));
  assert.equal((await depthSeries(page))[0].labels[0], '0: Linear');
  assert.deepEqual(problems, []);
  await context.close();
});

test('gradients: the loss gradient vs depth and its histograms; exploding gradients are named', async () => {
  const { context, page, problems } = await open(env);
  await runs(page, 1);
  assert.ok(await page.locator('#grad-pane').isHidden());
  let n = await runCount(page);
  await page.locator('#grad').selectOption('nll');
  await runs(page, n + 1);
  assert.ok(await page.locator('#grad-pane').isVisible());
  const g = await page.evaluate(() => window.initlab.gradSeries);
  assert.equal(g.length, 1);
  assert.equal(g[0].norm.length, 13);
  assert.ok(g[0].norm.every((v) => Number.isFinite(v) && v > 0), JSON.stringify(g[0].norm));
  assert.equal(await page.locator('#grads .hist-card').count(), 13);
  assert.deepEqual(await canvasHasInk(page, '#gdepth'), [true]);
  assert.match(await page.locator('#status').innerText(), /gradients of the NLL loss/);
  assert.match(await page.locator('#grad-loss').innerText(), /NLL loss \d\.\d{3}/);
  assert.match(await page.locator('#weights .hist-card').first().innerText(), /grad norm \d/);

  n = await runCount(page);
  await page.locator('#preset').selectOption('deep_relu_mlp');
  await runs(page, n + 1);
  n = await runCount(page);
  await page.locator('#grad').selectOption('mse');
  await runs(page, n + 1);
  const [kaiming, normal] = await page.evaluate(() => window.initlab.gradSeries);
  // N(0, 1) weights: the gradient grows ~11x per layer going back; Kaiming keeps it level.
  assert.ok(normal.norm[0] / normal.norm.at(-1) > 1e3, `${normal.norm[0]} / ${normal.norm.at(-1)}`);
  assert.ok(kaiming.norm[0] / kaiming.norm.at(-1) < 1e2, `${kaiming.norm[0]} / ${kaiming.norm.at(-1)}`);
  assert.match(await page.locator('#banner').innerText(), /normal_\(0, 1\): Gradients explode toward the input/);
  assert.deepEqual(problems, []);
  await context.close();
});
