// The page under faults (issue 18, part 5), in headless Chromium: a script past the memory cap,
// a megabyte of output, an endless loop, hostile and broken share links, the worker killed in
// the middle of a run and of training. Each gives one clear message, runs nothing but the
// interpreter, adds no markup from the link, and the next run works.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { open, runCount, runs, start } from './support.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const WORKING = 'import torch.nn as nn\nmodel = nn.Sequential(nn.Linear(8, 4), nn.ReLU())\n';

// The editor shows the state's code only after a load: a link is the way in that a user has.
async function loadCode(page, env, code) {
  const hash = await page.evaluate(async (c) => {
    const s = JSON.parse(JSON.stringify(window.initlab.state));
    s.tabs = [{ name: 'test', code: c }];
    s.active = 0;
    s.compare = false;
    s.preset = '';
    const json = JSON.stringify(s);
    const bytes = new Uint8Array(await new Response(new Blob([new TextEncoder().encode(json)]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
    let b = '';
    for (const x of bytes) b += String.fromCharCode(x);
    return `#v1.${btoa(b).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
  }, code);
  const n = await runCount(page);
  await page.evaluate((h) => { location.hash = h; }, hash);
  await runs(page, n + 1);
}

async function recovers(page, env) {
  await loadCode(page, env, WORKING);
  assert.equal(await page.locator('#banner').isVisible(), false, await page.locator('#banner').innerText().catch(() => ''));
  const series = await page.evaluate(() => window.initlab.depthSeries);
  assert.deepEqual(series[0].labels, ['0: Linear', '1: ReLU']);
}

test('past the memory cap, a megabyte of output, an endless loop: one clear message each, then the next run works', async () => {
  const { context, page, problems } = await open(env);
  await runs(page, 1);
  const cases = [
    ['import torch\nx = torch.zeros(1024, 1024, 256)\n', /LimitError at line 2, column \d+: .*memory|LimitError at line 2, column \d+: .*bytes/i],
    ['for i in range(300000):\n    print("0123456789")\n', /LimitError at line 2, column \d+: .*(output|characters)/i],
    ['while True:\n    pass\n', /LimitError at line \d, column \d+: .*(steps|ms|time)/i],
  ];
  for (const [code, message] of cases) {
    const t0 = Date.now();
    await loadCode(page, env, code);
    assert.match(await page.locator('#banner').innerText(), message);
    assert.ok(Date.now() - t0 < 15_000, `${code.split('\n')[0]}: ${Date.now() - t0} ms`);
    // The console holds at most the output limit, not the whole flood.
    assert.ok((await page.locator('#console').innerText()).length <= (1 << 20) + 10_000);
    await recovers(page, env);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('1,000 random, truncated, oversized and hostile share links: a clear message, no markup from the link, the page keeps working', async () => {
  // Embedded with its charts hidden: the same decoding and loading of each link, a tenth of the drawing.
  const { context, page, problems } = await open(env, '?embed&hide=weights,activations,table,depth,console');
  await runs(page, 1);
  let dialogs = 0;
  page.on('dialog', async (d) => { dialogs += 1; await d.dismiss(); });
  // A valid link to start from (the page's own state in its link format), for truncating.
  const good = await page.evaluate(async () => {
    const json = JSON.stringify(window.initlab.state);
    const bytes = new Uint8Array(await new Response(new Blob([new TextEncoder().encode(json)]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
    let b = '';
    for (const x of bytes) b += String.fromCharCode(x);
    return `v1.${btoa(b).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
  });
  const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  const links = [];
  for (let k = 0; k < 1000; ++k) {
    const kind = k % 5;
    if (kind === 0) links.push(`v1.${Array.from({ length: 1 + (k % 97) }, (_, i) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[(k * 31 + i * 7) % 64]).join('')}`);
    else if (kind === 1) links.push(good.slice(0, 3 + (k % (good.length - 3))));
    else if (kind === 2) links.push(`v${2 + (k % 7)}.${good.slice(3)}`);
    else if (kind === 3) links.push(`garbage${k}<b>${'x'.repeat(k)}</b>`);
    else links.push(null);  // a state made below: hostile names and code, huge tab counts
  }
  let n = await page.evaluate(() => window.initlab.hashesRead);
  for (const [k, link] of links.entries()) {
    let hash = link;
    if (hash === null) {
      hash = await page.evaluate(async ({ k, hostile }) => {
        const tabs = Array.from({ length: k % 10 === 4 ? 1000 : 2 }, (_, i) => ({ name: `${hostile}${i}`, code: `# ${hostile}\nimport torch.nn as nn\nmodel = nn.Linear(2, 2)\n` }));
        const json = JSON.stringify({ tabs, active: 0, compare: false, preset: '', settings: {}, training: {} });
        const bytes = new Uint8Array(await new Response(new Blob([new TextEncoder().encode(json)]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
        let b = '';
        for (const x of bytes) b += String.fromCharCode(x);
        return `v1.${btoa(b).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
      }, { k, hostile });
    }
    // Each link is read (decoded, loaded or refused) before the next; the runs they start
    // coalesce in the engine (only the newest waits), as they do for a user clicking links.
    await page.evaluate((h) => { location.hash = h; }, hash);
    await page.waitForFunction((m) => window.initlab.hashesRead > m, n).catch((e) => { throw new Error(`link ${k} (${hash.slice(0, 60)}): not read: ${e.message}`); });
    n = await page.evaluate(() => window.initlab.hashesRead);
    const banner = page.locator('#banner');
    if (await banner.isVisible()) assert.match(await banner.innerText(), /link|state|version|tabs/i, `link ${k}`);
  }
  assert.equal(dialogs, 0);
  assert.equal(await page.evaluate(() => window.__pwned ?? 0), 0);
  // The hostile names are text: no element from the link was added anywhere.
  assert.equal(await page.locator('img[src="x"]').count(), 0);
  assert.equal(await page.evaluate(() => [...document.querySelectorAll('script')].filter((s) => !s.src).length), 0);
  await recovers(page, env);
  assert.deepEqual(problems.filter((p) => !/Content Security Policy|Refused to/.test(p)), []);
  await context.close();
});

test('the worker killed in the middle of a run: the run is reported lost, a fresh worker answers the next', async () => {
  const { context, page } = await open(env);
  await runs(page, 1);
  const n = await runCount(page);
  // A run of a few seconds in a handful of steps (four 1500^3 products), and the worker dies
  // under it (no answer, no event). A loop of many cheap steps no longer lasts: the interpreter
  // runs 2 M of them in 0.25 s, and its step limit ends an endless one before the kill.
  await page.evaluate(() => {
    window.initlab.state.tabs[0].code = 'import torch.nn as nn\nimport torch\na = torch.randn(1500, 1500)\nfor _ in range(4):\n    b = a @ a\nmodel = nn.Linear(2, 2)\n';
  });
  await page.locator('#run').click();
  await page.waitForTimeout(300);
  await page.evaluate(() => window.initlab.killWorkers());
  await page.waitForFunction(() => /restarted/.test(document.getElementById('banner').innerText), null, { timeout: 40_000 });
  assert.match(await page.locator('#banner').innerText(), /The engine stopped: no answer for 20 s; the worker was restarted/);
  assert.equal(await runCount(page), n);
  await recovers(page, env);
  await context.close();
});

test('the workers killed in the middle of training: training ends with one message, the next training works', async () => {
  const { context, page } = await open(env, '?preset=train_relu_mlp');
  await runs(page, 1);
  await page.waitForFunction(() => window.initlab.training);
  await page.locator('#train-start').click();
  await page.waitForFunction(() => window.initlab.training.variants.some((v) => v.losses.length >= 10));
  await page.evaluate(() => window.initlab.killWorkers());
  await page.waitForFunction(() => window.initlab.training.done, null, { timeout: 60_000 });
  assert.match(await page.locator('#train-status').innerText(), /^Training failed: AbortError: no word from the training workers for 30 s; they were restarted\. Train again to retry\.$/);
  await page.locator('#train-steps').fill('20');
  await page.locator('#train-steps').press('Enter');
  await page.locator('#train-start').click();
  await page.waitForFunction(() => window.initlab.training.done && window.initlab.training.variants.every((v) => v.losses.length === 20), null, { timeout: 60_000 });
  assert.match(await page.locator('#train-status').innerText(), /^Done at step 20 of 20/);
  await context.close();
});
