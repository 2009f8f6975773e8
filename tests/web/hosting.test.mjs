// The built page hosted as anyone would host it: copied under a sub-path of a static server
// (/some/sub/path/), and embedded by an article from there through embed.js; every request
// stays under the sub-path, and its Content-Security-Policy holds with zero violations.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { open, runs, start, webDir } from './support.mjs';

const { CSP } = await import(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'serve.mjs'));
const root = mkdtempSync(join(tmpdir(), 'initlab-host-'));
mkdirSync(join(root, 'some', 'sub'), { recursive: true });
symlinkSync(webDir, join(root, 'some', 'sub', 'path'));
writeFileSync(join(root, 'article.html'), '<!doctype html><meta charset="utf-8"><title>article</title><link rel="icon" href="data:,"><h1>article</h1>' +
  '<script src="some/sub/path/embed.js" data-preset="deep_tanh_mlp"></script><p>after</p>');
writeFileSync(join(root, 'blank.html'), '<!doctype html><meta charset="utf-8"><title>blank</title><link rel="icon" href="data:,">');

let env;
before(async () => { env = await start(root); });
after(async () => { await env?.stop(); });

// Opens `path` with every CSP violation of the page and its frames recorded in
// window.cspViolations (the event fires on the document for each blocked load or script).
async function openCounting(path) {
  const opened = await open(env, 'blank.html');  // a page without errors, to install the listener on
  await opened.page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  opened.problems.length = 0;
  opened.responses.length = 0;
  await opened.page.goto(env.base + path);
  return opened;
}

test('works from /some/sub/path/: every request under it, the policy as meta and header, zero CSP violations', async () => {
  const { context, page, problems, responses } = await openCounting('some/sub/path/');
  await runs(page, 1);
  await page.waitForTimeout(300);
  assert.deepEqual(problems, []);
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  const meta = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content);
  assert.equal(meta, CSP);
  assert.match(meta, /(^|; )script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  assert.match(meta, /(^|; )worker-src 'self'(;|$)/);
  assert.match(meta, /(^|; )default-src 'none'(;|$)/);
  assert.doesNotMatch(meta, /https?:|\*/);
  for (const r of responses) {
    assert.ok(r.url().startsWith(`${env.base}some/sub/path/`), `${r.url()} is outside the sub-path`);
    assert.ok(r.status() < 400, `${r.url()} answered ${r.status()}`);
    assert.equal(r.headers()['content-security-policy'], CSP, r.url());
  }
  const wasm = responses.find((r) => r.url().endsWith('/initlab_wasm.wasm'));
  assert.ok(wasm, 'the page fetched the .wasm');
  assert.equal(wasm.headers()['content-type'], 'application/wasm');
  assert.ok(responses.some((r) => r.url() === `${env.base}some/sub/path/boot.js`), 'boot.js loaded');
  await context.close();
});

test('the policy is enforced: an injected inline script is blocked and counted', async () => {
  const { context, page } = await openCounting('some/sub/path/');
  await runs(page, 1);
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.injected = true';
    document.body.append(s);
  });
  await page.waitForFunction(() => window.cspViolations.length > 0);
  assert.equal(await page.evaluate(() => window.injected), undefined);
  assert.match((await page.evaluate(() => window.cspViolations))[0], /^script-src/);
  await context.close();
});

test('embed.js finds the page from its own src under the sub-path', async () => {
  const { context, page, problems } = await openCounting('article.html');
  await page.waitForSelector('iframe');
  const src = new URL(await page.evaluate(() => document.querySelector('iframe').src));
  assert.equal(src.pathname, '/some/sub/path/index.html');
  assert.equal(src.searchParams.get('preset'), 'deep_tanh_mlp');
  const frame = page.frames().find((f) => f !== page.mainFrame());
  await frame.waitForFunction(() => window.initlab && window.initlab.runs >= 1, null, { timeout: 15000 });
  assert.equal(await frame.evaluate(() => window.initlab.state.preset), 'deep_tanh_mlp');
  assert.deepEqual(await frame.evaluate(() => window.cspViolations), []);
  assert.deepEqual(problems, []);
  await context.close();
});
