// The npm package as a user gets it: build/wasm/initlab-<version>.tgz (CMake's initlab_npm)
// installed by npm into a fresh directory with no network (an empty cache, an unreachable
// registry, --offline); then `npx initlab MODEL.py`, an ES-module script that imports
// createInitlab from 'initlab', and a page bundled by esbuild from `import ... from 'initlab'`
// that finds the wasm through the module's new URL(..., import.meta.url) and runs in Chromium.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { open, start, webDir } from './support.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const version = /project\(initlab VERSION (\d+\.\d+\.\d+)/.exec(readFileSync(join(repo, 'CMakeLists.txt'), 'utf8'))[1];
const tgz = join(dirname(webDir), `initlab-${version}.tgz`);
const dir = mkdtempSync(join(tmpdir(), 'initlab-npm-'));
const dead = 'http://127.0.0.1:9/';  // the discard port: nothing answers
const env = {
  ...process.env, npm_config_cache: join(dir, '.npm-cache'), npm_config_registry: dead, npm_config_proxy: dead,
  npm_config_https_proxy: dead, npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false',
};
const npm = (...args) => spawnSync('npm', args, { cwd: dir, env, encoding: 'utf8' });

before(() => {
  writeFileSync(join(dir, 'package.json'), '{"name": "user-project", "private": true, "type": "module"}\n');
  const r = npm('install', '--offline', tgz);
  assert.equal(r.status, 0, `npm install of ${tgz}: ${r.stderr}`);
});

test('package.json: exports, types, bin, files, engines, licence; README and LICENSE ship', () => {
  const installed = join(dir, 'node_modules', 'initlab');
  const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  assert.equal(pkg.name, 'initlab');
  assert.equal(pkg.version, version);
  assert.deepEqual(pkg.exports['.'], { types: './initlab.d.mts', default: './initlab.mjs' });
  assert.deepEqual(pkg.exports['./worker'], { types: './worker.d.mts', default: './worker.mjs' });
  assert.equal(pkg.types, './initlab.d.mts');
  assert.deepEqual(pkg.bin, { initlab: './cli.mjs' });
  assert.equal(pkg.engines.node, '>=20');
  assert.ok(pkg.license);
  const shipped = readdirSync(installed);
  for (const f of [...pkg.files, 'README.md', 'LICENSE', 'package.json']) assert.ok(shipped.includes(f), `${f} is not in the package`);
  assert.match(readFileSync(join(installed, 'README.md'), 'utf8'), /npx initlab model\.py/);
});

test('npx initlab MODEL.py prints the output and the layer table', () => {
  writeFileSync(join(dir, 'mlp.py'), 'import torch\nimport torch.nn as nn\nmodel = nn.Sequential(nn.Linear(8, 16), nn.Tanh(), nn.Linear(16, 2))\nprint(model(torch.randn(4, 8)).shape)\n');
  const r = spawnSync('npx', ['--offline', 'initlab', 'mlp.py', '--state-dict', 'mlp.safetensors'], { cwd: dir, env, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^torch\.Size\(\[4, 2\]\)$/m);
  assert.match(r.stdout, /^Sequential forward on input given by the script:$/m);
  assert.match(r.stdout, /^1\s+Tanh\s+4x16\s/m);
  assert.equal(readFileSync(join(dir, 'mlp.safetensors')).readBigUInt64LE(0) % 8n, 0n);
  const bad = spawnSync('npx', ['--offline', 'initlab', 'missing.py'], { cwd: dir, env, encoding: 'utf8' });
  assert.equal(bad.status, 2);
});

test("an ES-module script imports createInitlab from 'initlab' and InitlabWorker from 'initlab/worker'", () => {
  writeFileSync(join(dir, 'use.mjs'), `import { createInitlab } from 'initlab';
import { InitlabWorker } from 'initlab/worker';
const lab = await createInitlab();
const r = lab.run('import torch.nn as nn\\nmodel = nn.Linear(3, 5)\\n', { inputShape: [2, 3] });
const worker = new InitlabWorker();
const w = await worker.run('print(6 * 7)');
worker.terminate();
console.log(r.modelName, r.layers[0].output.shape.join('x'), w.output.trim());
process.exit(0);
`);
  assert.equal(execFileSync(process.execPath, ['use.mjs'], { cwd: dir, env, encoding: 'utf8' }), 'Linear 2x5 42\n');
});

let server;
after(async () => { await server?.stop(); });

test('esbuild bundles a page importing it; the wasm is found through new URL(..., import.meta.url)', async () => {
  const site = join(dir, 'site');
  mkdirSync(site);
  writeFileSync(join(dir, 'page.js'), `import { createInitlab } from 'initlab';
const lab = await createInitlab();
const r = lab.run('import torch.nn as nn\\nmodel = nn.Sequential(nn.Linear(4, 3), nn.ReLU())\\n', { inputShape: [6, 4] });
document.body.dataset.result = r.modelName + ' ' + r.layers.length;
`);
  const esbuild = await import(join(repo, 'web', 'node_modules', 'esbuild', 'lib', 'main.js'));
  await esbuild.build({ entryPoints: [join(dir, 'page.js')], bundle: true, format: 'esm', platform: 'browser', outfile: join(site, 'page.js'), absWorkingDir: dir, logLevel: 'error' });
  const bundle = readFileSync(join(site, 'page.js'), 'utf8');
  assert.match(bundle, /new URL\("initlab_wasm\.wasm", import\.meta\.url\)/);
  copyFileSync(join(dir, 'node_modules', 'initlab', 'initlab_wasm.wasm'), join(site, 'initlab_wasm.wasm'));
  writeFileSync(join(site, 'index.html'), '<!doctype html><meta charset="utf-8"><title>bundled</title><link rel="icon" href="data:,"><script type="module" src="page.js"></script>');
  server = await start(site);
  const { context, page, problems, responses } = await open(server, '');
  await page.waitForFunction(() => document.body.dataset.result, null, { timeout: 20000 });
  assert.equal(await page.evaluate(() => document.body.dataset.result), 'Sequential 3');
  assert.ok(responses.some((r) => r.url() === `${server.base}initlab_wasm.wasm` && r.status() === 200), 'the page fetched the wasm beside the bundle');
  assert.deepEqual(problems, []);
  await context.close();
});
