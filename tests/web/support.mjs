// Shared by the browser tests: the built page served by web/serve.mjs, Debian's Chromium driven
// by playwright-core, and a page wrapper that records console errors, failed requests and every
// request that would leave the origin.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { chromium } = await import(join(root, 'web', 'node_modules', 'playwright-core', 'index.mjs'));
const { serve } = await import(join(root, 'web', 'serve.mjs'));

export const webDir = process.env.INITLAB_WEB_DIR ?? join(root, 'build', 'wasm', 'web');
export const artifactsDir = process.env.INITLAB_ARTIFACTS ?? join(root, 'build', 'wasm', 'test-artifacts');
mkdirSync(artifactsDir, { recursive: true });

// Serves `dir` (the built page by default) at the root of a fresh port, with a browser.
export async function start(dir = webDir) {
  const server = await serve(dir, 0);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync', ...(process.env.CHROMIUM_FLAGS ? process.env.CHROMIUM_FLAGS.split(' ') : [])],
  });
  return {
    base,
    browser,
    async stop() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

// A fresh context and page, with what went wrong collected in `problems`.
export async function open(env, path = '', { width = 1280, height = 900 } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const problems = [];
  const responses = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(env.base) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.push(`request left the origin: ${url}`);
  });
  page.on('response', (r) => responses.push(r));
  await page.goto(env.base + path);
  return { context, page, problems, responses };
}

// Resolves once the page has finished `n` runs in total.
export function runs(page, n) {
  return page.waitForFunction((k) => window.initlab && window.initlab.runs >= k, n, { timeout: 15000 });
}

export function runCount(page) {
  return page.evaluate(() => window.initlab.runs);
}

// True when the canvas has at least one non-transparent pixel.
export function canvasHasInk(page, selector) {
  return page.evaluate((sel) => [...document.querySelectorAll(sel)].map((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) return true;
    return false;
  }), selector);
}

export function canvasPixels(page, selector) {
  return page.evaluate((sel) => document.querySelector(sel).toDataURL(), selector);
}

export { artifactsDir as artifacts, resolve };
