// A short campaign of the share-link fuzzer (tests/fuzz/share_link_fuzz.mjs) on every test run:
// the decoder's contract holds on 20,000 generated links; the full campaign is in tests/fuzz/LOG.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { fuzz } from '../fuzz/share_link_fuzz.mjs';

test('decodeState keeps its contract on 20,000 fuzzed links', async () => {
  const result = await fuzz({ executions: 20000, seed: 2 });
  assert.deepEqual(result.findings, []);
  assert.equal(result.executions, 20000);
  // Both sides of the contract were reached: some links decode, most are refused.
  assert.ok(result.accepted > 1000, `only ${result.accepted} links decoded`);
});
