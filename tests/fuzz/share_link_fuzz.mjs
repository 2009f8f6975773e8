// Structure-aware fuzzer of the share-link decoder (web/js/state.js decodeState). No JS fuzzer
// can be installed here, so this one builds its inputs itself: valid encoded states, then their
// fields set to values of every type and out of range, hostile tab names and code, huge tab
// counts, wrong versions, truncated and bit-flipped deflate data and base64 text, random bytes.
// Each input must meet the decoder's contract (checkContract below); a finding is printed with
// the seed and the input, so it can be replayed.
//   node tests/fuzz/share_link_fuzz.mjs [executions=1000000] [seed=1]
// tests/js/share_link_fuzz.test.mjs runs a short campaign on every test run.
import { deflateRawSync } from 'node:zlib';
import { isDeepStrictEqual } from 'node:util';
import { pathToFileURL } from 'node:url';

import {
  DATASETS, GRAD_LOSSES, INPUTS, MAX_TABS, MAX_TRAIN_STEPS, MODES, OPTIMIZERS, STATE_VERSION,
  decodeState, defaultSettings, defaultTraining, encodeState, validate,
} from '../../web/js/state.js';

// A small, fast, seeded generator (mulberry32): the same seed gives the same inputs.
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return { next, int, pick: (xs) => xs[int(xs.length)], chance: (p) => next() < p };
}

const HOSTILE = [
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>',
  '</textarea><script>x()</script>', 'javascript:alert(1)', '${alert(1)}', '{{7*7}}', '&lt;b&gt;',
  '\u0000', '\u202e', '\ud800', '\udfff', '\uffff', '🤖', 'a'.repeat(300), '\r\n', '\\', '"', "'",
  '__proto__', 'constructor', 'toString', 'import os; os.system("x")', 'while True: pass',
];

function randomString(r, max = 40) {
  if (r.chance(0.3)) return r.pick(HOSTILE);
  const n = r.int(max);
  let s = '';
  for (let i = 0; i < n; ++i) {
    const k = r.int(10);
    s += k < 6 ? String.fromCharCode(32 + r.int(95)) : k < 8 ? '\n' : String.fromCharCode(r.int(0x10000));
  }
  return s;
}

// A valid state as the page would write it (every field inside its range).
function validState(r) {
  const tabs = [];
  const n = 1 + r.int(MAX_TABS);
  for (let i = 0; i < n; ++i) tabs.push({ name: randomString(r, 12), code: randomString(r, 200) });
  return {
    tabs, active: r.int(n), compare: r.chance(0.5), preset: r.chance(0.5) ? '' : r.pick(['tutorial_cnn', 'deep_tanh_mlp', randomString(r, 10)]),
    settings: {
      seed: r.chance(0.5) ? r.int(1000) : (r.chance(0.5) ? 1 : -1) * r.int(Number.MAX_SAFE_INTEGER),
      batch: 1 + r.int(1024), input: r.pick(INPUTS), mode: r.pick(MODES), scale: 0.01 + r.next() * 99.99,
      log: r.chance(0.5), mean: r.chance(0.5), theory: r.chance(0.5), autoRun: r.chance(0.5), grad: r.pick(GRAD_LOSSES),
    },
    training: {
      open: r.chance(0.5), steps: 1 + r.int(MAX_TRAIN_STEPS), optimizer: r.pick(OPTIMIZERS),
      lr: r.chance(0.5) ? 10 : 1e-6 + r.next() * 9, batch: 1 + r.int(1024), dataset: r.pick(DATASETS),
    },
  };
}

// A JSON value of any type, often at or past the edge of a field's range.
function anyValue(r, depth = 0) {
  switch (r.int(depth > 2 ? 7 : 9)) {
    case 0: return null;
    case 1: return r.chance(0.5);
    case 2: return r.pick([0, -0, 1, -1, 0.5, 1024, 1025, 4, 5, MAX_TRAIN_STEPS, MAX_TRAIN_STEPS + 1, 0.01, 0.0099, 100, 100.01, 10, 10.0001,
      Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, -Number.MAX_SAFE_INTEGER - 2, 1e308, -1e308, 5e-324, 2 ** 53, 1e21]);
    case 3: return (r.next() - 0.5) * 10 ** r.int(30);
    case 4: return randomString(r);
    case 5: return r.pick([...INPUTS, ...MODES, ...GRAD_LOSSES, ...DATASETS, ...OPTIMIZERS, 'true', '1', '', 'NaN']);
    case 6: return r.int(2000);
    case 7: return Array.from({ length: r.int(4) }, () => anyValue(r, depth + 1));
    default: {
      const o = {};
      for (let i = r.int(4); i > 0; --i) o[r.chance(0.5) ? randomString(r, 8) : r.pick(['name', 'code', 'tabs', '__proto__'])] = anyValue(r, depth + 1);
      return o;
    }
  }
}

// The paths of a state's fields, so a mutation can reach every one of them.
function fieldPaths(state) {
  const paths = [['tabs'], ['active'], ['compare'], ['preset'], ['settings'], ['training']];
  if (Array.isArray(state.tabs)) state.tabs.forEach((_, i) => paths.push(['tabs', i], ['tabs', i, 'name'], ['tabs', i, 'code']));
  for (const k of Object.keys(defaultSettings())) paths.push(['settings', k]);
  for (const k of Object.keys(defaultTraining())) paths.push(['training', k]);
  return paths;
}

function setPath(obj, path, value, remove) {
  let o = obj;
  for (const k of path.slice(0, -1)) o = o[k];
  if (remove) delete o[path.at(-1)];
  else o[path.at(-1)] = value;
}

// The state mutated structurally: fields replaced, removed or added; the tabs multiplied.
function mutateState(r, state) {
  for (let n = 1 + r.int(3); n > 0; --n) {
    const k = r.int(10);
    if (k === 0) {
      const count = r.pick([0, MAX_TABS + 1, 10, 100, r.chance(0.01) ? 100000 : 1000]);
      state.tabs = Array.from({ length: count }, (_, i) => ({ name: `t${i}`, code: r.pick(HOSTILE) }));
    } else if (k === 1) {
      state[r.pick(['extra', 'version', '__proto__', 'v'])] = anyValue(r);
    } else if (k === 2) {
      (state.settings && typeof state.settings === 'object' ? state.settings : state)[randomString(r, 6)] = anyValue(r);
    } else {
      const paths = fieldPaths(state).filter((p) => {
        let o = state;
        for (const key of p.slice(0, -1)) { if (o == null || typeof o !== 'object') return false; o = o[key]; }
        return o != null && typeof o === 'object';
      });
      setPath(state, r.pick(paths), anyValue(r), r.chance(0.15));
    }
  }
  return state;
}

function toBase64Url(bytes) {
  return Buffer.from(bytes).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

// One hash for the decoder: a valid encoded state, mutated at one of its layers.
export function generateHash(r) {
  const state = validState(r);
  const layer = r.int(16);
  let json = JSON.stringify(state);
  if (layer < 6) json = JSON.stringify(mutateState(r, state));
  else if (layer === 6) json = r.pick(['null', '[]', '{}', '1', '"x"', 'true', '{"tabs":[]}', '{', json.slice(0, r.int(json.length)), json + 'x', `[${json}]`]);
  let bytes = new TextEncoder().encode(json);
  if (layer === 7) {
    // Not UTF-8: the decoder's TextDecoder replaces such bytes, JSON then decides.
    bytes = Uint8Array.from(bytes);
    for (let i = 1 + r.int(4); i > 0 && bytes.length; --i) bytes[r.int(bytes.length)] = 0x80 + r.int(128);
  }
  let packed = new Uint8Array(deflateRawSync(bytes, { level: r.int(10) }));
  if (layer === 8) packed = packed.subarray(0, r.int(packed.length + 1));
  if (layer === 9) {
    packed = Uint8Array.from(packed);
    for (let i = 1 + r.int(3); i > 0 && packed.length; --i) packed[r.int(packed.length)] ^= 1 << r.int(8);
  }
  if (layer === 10) packed = Uint8Array.from({ length: r.int(64) }, () => r.int(256));
  let text = toBase64Url(packed);
  if (layer === 11) text = text.slice(0, r.int(text.length + 1));
  if (layer === 12) {
    const chars = [...text];
    for (let i = 1 + r.int(3); i > 0 && chars.length; --i) {
      chars[r.int(chars.length)] = r.chance(0.8) ? B64[r.int(64)] : r.pick(['+', '/', '=', '%', '.', ' ', '#', '\u00e9', '\ud83e']);
    }
    text = chars.join('');
  }
  let version = `v${STATE_VERSION}.`;
  if (layer === 13) version = r.pick(['v0.', 'v2.', 'v01.', 'v1', 'V1.', 'v.', 'v-1.', 'v1.5.', 'v99999999999999999999.', '', 'v1..', 'x1.']);
  let hash = version + text;
  if (layer === 14) hash = randomString(r, 80);
  if (layer === 15 && r.chance(0.5)) hash = '#'.repeat(r.int(3));
  return r.chance(0.5) ? `#${hash}` : hash;
}

// The exact shape of a decoded state: validate() must leave nothing from the link that the
// page does not know, of a type it does not expect (a field is shown or used somewhere).
function shapeProblem(s) {
  const keys = (o, want) => isDeepStrictEqual(Object.keys(o).sort(), [...want].sort());
  if (!keys(s, ['tabs', 'active', 'compare', 'preset', 'settings', 'training'])) return 'unexpected top-level fields';
  if (!s.tabs.every((t) => keys(t, ['name', 'code']) && typeof t.name === 'string' && typeof t.code === 'string')) return 'a tab with other fields';
  if (typeof s.compare !== 'boolean' || typeof s.preset !== 'string') return 'compare or preset of the wrong type';
  if (!keys(s.settings, Object.keys(defaultSettings()))) return 'settings with unknown fields';
  if (!keys(s.training, Object.keys(defaultTraining()))) return 'training with unknown fields';
  for (const k of ['log', 'mean', 'theory', 'autoRun']) if (typeof s.settings[k] !== 'boolean') return `settings.${k} is not a boolean`;
  if (typeof s.training.open !== 'boolean') return 'training.open is not a boolean';
  return '';
}

function withTimeout(promise, ms) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('HANG')), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// The decoder's contract on one hash: '' (after '#') gives null; otherwise either a state that
// validate() accepts unchanged, of the exact shape, that round-trips through encodeState and
// decodeState, or an Error (the class itself) whose message begins with "this link". Returns
// { problem: '' or what went wrong, accepted: whether a state came back }.
export async function checkContract(hash, options = {}) {
  let accepted = false;
  const problem = await contractProblem(hash, options, () => { accepted = true; });
  return { problem, accepted };
}

async function contractProblem(hash, { timeoutMs = 5000, decode = decodeState }, onState) {
  let state;
  try {
    state = await withTimeout(decode(hash), timeoutMs);
  } catch (e) {
    if (e?.message === 'HANG') return `no answer within ${timeoutMs} ms`;
    if (!(e instanceof Error) || e.constructor !== Error) return `threw a ${e?.constructor?.name ?? typeof e}: ${String(e?.message ?? e)}`;
    if (!e.message.startsWith('this link')) return `threw an Error not about the link: ${e.message}`;
    return '';
  }
  if (state === null) return hash.replace(/^#/, '') === '' ? '' : 'null for a hash that is not empty';
  onState();
  let again;
  try {
    again = validate(state);
  } catch (e) {
    return `validate() rejects the decoded state: ${e.message}`;
  }
  if (!isDeepStrictEqual(again, state)) return 'validate() changes the decoded state';
  const shape = shapeProblem(state);
  if (shape) return shape;
  const back = await decode(`#${await encodeState(state)}`);
  if (!isDeepStrictEqual(back, state)) return 'the state does not round-trip through encodeState/decodeState';
  return '';
}

// Runs `executions` inputs from `seed`; returns { executions, accepted, findings }. The
// decoder's streams finish on Node's thread pool, so `parallel` inputs are checked at once
// (generated in order first: the same seed still gives the same inputs and findings).
export async function fuzz({ executions, seed = 1, decode = decodeState, log = () => {}, maxFindings = 20, parallel = 8 }) {
  const r = rng(seed);
  const findings = [];
  let accepted = 0;
  for (let i = 0; i < executions; i += parallel) {
    const hashes = [];
    for (let j = i; j < Math.min(executions, i + parallel); ++j) hashes.push(generateHash(r));
    const results = await Promise.all(hashes.map((h) => checkContract(h, { decode })));
    for (const [j, { problem, accepted: ok }] of results.entries()) {
      if (ok) ++accepted;
      if (!problem) continue;
      const hash = hashes[j];
      findings.push({ execution: i + j, problem, hash: hash.length > 300 ? `${hash.slice(0, 300)}... (${hash.length} chars)` : hash });
      log(`finding at execution ${i + j}: ${problem}\n  ${findings.at(-1).hash}`);
      if (findings.length >= maxFindings) return { executions: i + j + 1, accepted, findings };
    }
    if (Math.floor((i + hashes.length) / 100000) > Math.floor(i / 100000)) log(`#${i + hashes.length} accepted ${accepted} findings ${findings.length}`);
  }
  return { executions, accepted, findings };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const executions = Number(process.argv[2] ?? 1000000);
  const seed = Number(process.argv[3] ?? 1);
  const t0 = performance.now();
  const result = await fuzz({ executions, seed, log: (s) => console.log(s) });
  const seconds = (performance.now() - t0) / 1000;
  console.log(`executions ${result.executions} seed ${seed} accepted ${result.accepted} rejected ${result.executions - result.accepted - result.findings.length} ` +
    `findings ${result.findings.length} in ${seconds.toFixed(1)} s (${Math.round(result.executions / seconds)}/s)`);
  process.exitCode = result.findings.length ? 1 : 0;
}
