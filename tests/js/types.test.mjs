// The hand-written declarations (wasm/initlab.d.mts) type-check a usage example.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repo } from './support.mjs';

test('tsc --noEmit accepts tests/js/usage.mts against the declarations', () => {
  const tsc = join(repo, 'web/node_modules/typescript/bin/tsc');
  assert.ok(existsSync(tsc), 'typescript is installed (npm ci in web/)');
  const r = spawnSync(process.execPath, [tsc, '--noEmit', '-p', join(repo, 'tests/js/tsconfig.json')], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});
