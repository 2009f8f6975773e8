// The playground's whole state, and its round trip through the URL hash. The hash is the one
// place UI state lives: reloading, sharing and the Back button all read it.
//   #v1.<base64url(deflate-raw(JSON))>
// The version prefix lets a later format read (or clearly refuse) links made today.
export const STATE_VERSION = 1;
export const MAX_TABS = 4;
export const INPUTS = ['script', 'normal', 'uniform', 'zeros', 'ones', 'digits'];
export const MODES = ['', 'train', 'eval'];
export const GRAD_LOSSES = ['', 'mean', 'cross_entropy', 'nll', 'mse'];
export const MAX_TRAIN_STEPS = 5000;

export const DATASETS = ['auto', 'digits', 'spirals', 'blobs', 'words'];
export const OPTIMIZERS = ['sgd', 'adam'];

export function defaultSettings() {
  return { seed: 0, batch: 64, input: 'script', mode: '', scale: 1, log: true, mean: false, theory: true, autoRun: true, grad: '' };
}

// The training panel's settings (core/include/initlab/trainer.hpp); `open` shows the panel.
export function defaultTraining() {
  return { open: false, steps: 300, optimizer: 'sgd', lr: 0.01, batch: 64, dataset: 'auto' };
}

// The fields of `given` that `defaults` names (the default for a missing one): a link never
// brings a field the page does not know into its state (tests/fuzz/share_link_fuzz.mjs).
function known(defaults, given, what, fail) {
  if (given == null) return defaults;
  if (typeof given !== 'object' || Array.isArray(given)) fail(`${what} must be an object`);
  const out = {};
  for (const k of Object.keys(defaults)) out[k] = Object.hasOwn(given, k) ? given[k] : defaults[k];
  return out;
}

// Checks a decoded state field by field, so a hand-edited or truncated link fails with one clear
// message instead of half-loading.
export function validate(state) {
  const fail = (what) => { throw new Error(`this link's state is invalid: ${what}`); };
  if (!state || typeof state !== 'object') fail('not an object');
  if (!Array.isArray(state.tabs) || state.tabs.length < 1 || state.tabs.length > MAX_TABS) fail(`tabs must be 1 to ${MAX_TABS}`);
  for (const t of state.tabs) {
    if (typeof t?.name !== 'string' || typeof t?.code !== 'string') fail('each tab needs a name and code');
  }
  if (!Number.isInteger(state.active) || state.active < 0 || state.active >= state.tabs.length) fail('active tab out of range');
  const s = known(defaultSettings(), state.settings, 'settings', fail);
  for (const k of ['log', 'mean', 'theory', 'autoRun']) if (typeof s[k] !== 'boolean') fail(`settings.${k} must be true or false`);
  if (!Number.isSafeInteger(s.seed)) fail('seed must be an integer');
  if (!Number.isInteger(s.batch) || s.batch < 1 || s.batch > 1024) fail('batch must be 1 to 1024');
  if (!INPUTS.includes(s.input)) fail(`input must be one of ${INPUTS.join(', ')}`);
  if (!MODES.includes(s.mode)) fail('mode must be "", "train" or "eval"');
  if (!GRAD_LOSSES.includes(s.grad)) fail(`grad must be one of ${GRAD_LOSSES.join(', ')}`);
  if (!(typeof s.scale === 'number' && s.scale >= 0.01 && s.scale <= 100)) fail('scale must be 0.01 to 100');
  const t = known(defaultTraining(), state.training, 'training', fail);
  if (typeof t.open !== 'boolean') fail('training.open must be true or false');
  if (state.compare != null && typeof state.compare !== 'boolean') fail('compare must be true or false');
  if (state.preset != null && typeof state.preset !== 'string') fail('preset must be a name');
  if (!Number.isInteger(t.steps) || t.steps < 1 || t.steps > MAX_TRAIN_STEPS) fail(`training steps must be 1 to ${MAX_TRAIN_STEPS}`);
  if (!OPTIMIZERS.includes(t.optimizer)) fail(`optimizer must be one of ${OPTIMIZERS.join(', ')}`);
  if (!(typeof t.lr === 'number' && t.lr > 0 && t.lr <= 10)) fail('learning rate must be > 0 and <= 10');
  if (!Number.isInteger(t.batch) || t.batch < 1 || t.batch > 1024) fail('training batch must be 1 to 1024');
  if (!DATASETS.includes(t.dataset)) fail(`dataset must be one of ${DATASETS.join(', ')}`);
  return {
    tabs: state.tabs.map((tab) => ({ name: tab.name, code: tab.code })), active: state.active, compare: !!state.compare,
    preset: state.preset ?? '', settings: s, training: t,
  };
}

function toBase64Url(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; ++i) out[i] = s.charCodeAt(i);
  return out;
}

async function pipe(bytes, stream) {
  const out = await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer();
  return new Uint8Array(out);
}

export async function encodeState(state) {
  const json = JSON.stringify({ tabs: state.tabs, active: state.active, compare: state.compare, preset: state.preset, settings: state.settings, training: state.training });
  const packed = await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw'));
  return `v${STATE_VERSION}.${toBase64Url(packed)}`;
}

// '' or a hash without state: null. A hash that is not a valid state: an Error saying why.
export async function decodeState(hash) {
  const h = hash.replace(/^#/, '');
  if (!h) return null;
  const m = /^v(\d+)\.([A-Za-z0-9_-]+)$/.exec(h);
  if (!m) throw new Error('this link is not an initlab state (expected #v1.<data>)');
  if (Number(m[1]) !== STATE_VERSION) throw new Error(`this link has state version ${m[1]}; this page reads version ${STATE_VERSION}`);
  let json;
  try {
    json = new TextDecoder().decode(await pipe(fromBase64Url(m[2]), new DecompressionStream('deflate-raw')));
  } catch {
    throw new Error('this link is damaged (its data does not decompress); copy it again');
  }
  let parsed;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error('this link is damaged (its data is not JSON)');
  }
  return validate(parsed);
}
