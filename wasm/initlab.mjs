// initlab's JavaScript API: the same ES module in a browser (main thread or module worker)
// and in Node 20.
//
//   import { createInitlab } from './initlab.mjs';
//   const lab = await createInitlab();
//   const report = lab.run(source, { seed: 0, batch: 64 });
//
// run() returns a plain object (no wasm objects to delete; bulk arrays are typed-array copies)
// or throws an InitlabError carrying kind, message, line, column and sourceLine.
import createInitlabModule from './initlab_wasm.mjs';

const isNode = typeof process === 'object' && process.versions != null && process.versions.node != null;
// Node's built-ins are imported through a variable: a bundler building for browsers (esbuild)
// then leaves the import alone instead of failing to resolve it; it runs under Node only.
const nodeBuiltin = (name) => import(name);

export class InitlabError extends Error {
  constructor(info) {
    super(info.message);
    this.name = info.kind;
    this.kind = info.kind;
    this.line = info.line;
    this.column = info.column;
    this.sourceLine = info.sourceLine;
    this.formatted = info.formatted;
    this.context = info.context;
    this.traceback = info.traceback;
  }
}

async function loadModule(options) {
  const settings = {};
  if (options.wasmModule) {
    // Compiled already (a page compiles while its worker starts, web/boot.js): only instantiate.
    settings.instantiateWasm = (imports, done) => {
      WebAssembly.instantiate(options.wasmModule, imports).then((instance) => done(instance, options.wasmModule));
      return {};
    };
  } else if (options.wasmBinary) {
    settings.wasmBinary = options.wasmBinary;
  } else if (isNode) {
    // Emscripten 3.1.6 cannot fetch file URLs under Node 20: hand it the bytes.
    const { readFile } = await nodeBuiltin('node:fs/promises');
    settings.wasmBinary = await readFile(new URL('./initlab_wasm.wasm', import.meta.url));
  } else if (options.wasmUrl) {
    settings.locateFile = () => options.wasmUrl;
  }
  return createInitlabModule(settings);
}

// Data files beside this module that scripts may ask for (initlab.datasets).
async function readData(name) {
  const url = new URL(`./${name}`, import.meta.url);
  if (isNode) {
    const { readFile } = await nodeBuiltin('node:fs/promises');
    return new Uint8Array(await readFile(url));
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot load ${url.href}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

// A script that may call initlab.datasets.digits() / words() / word_list().
const usesDigits = (source) => /\bdigits\b/.test(source);
const usesWords = (source) => /\bword(s|_list)\b/.test(source);

// An abort has no place in the script: no line, column or traceback.
function abortError(message) {
  return new InitlabError({ kind: 'AbortError', message, line: 0, column: 0, sourceLine: '', formatted: 'AbortError', context: '', traceback: [] });
}

// The phase grid's extent for a report: the default (sigma_w^2 to 4, sigma_b^2 to 0.5) or the
// next power of two that holds every affine layer, so a few grids serve every init scale.
function extents(report) {
  const w2 = Math.max(0, ...report.theory.map((t) => t.sigmaW2).filter(Number.isFinite));
  const b2 = Math.max(0, ...report.theory.map((t) => t.sigmaB2).filter(Number.isFinite));
  const fit = (v, base) => {
    let e = base;
    while (e < 1.05 * v && e < 1024) e *= 2;
    return e;
  };
  return { w2Max: fit(w2, 4), b2Max: fit(b2, 0.5) };
}

class Initlab {
  constructor(module, options) {
    this.module = module;
    this.options = options;
    this.aborted = false;
    this.digits = null;  // digits.bin's bytes, once loaded
    this.words = null;  // words.txt's bytes, once loaded
    this.phases = new Map();  // phaseDiagram's last grids, by their arguments
  }

  // Loads the data files the script may use (digits.bin when it mentions digits, words.txt
  // when it mentions words), once. run() is synchronous, so in a browser await this first; in
  // Node createInitlab() has done it.
  async prepare(source) {
    if (usesDigits(source) && !this.digits) this.provideDigits(await readData('digits.bin'));
    if (usesWords(source) && !this.words) this.provideWords(await readData('words.txt'));
  }

  // Loads every data file (the digits, the words), once: a Trainer may pick either for a model.
  async prepareData() {
    if (!this.digits) this.provideDigits(await readData('digits.bin'));
    if (!this.words) this.provideWords(await readData('words.txt'));
  }

  provideDigits(bytes) {
    this.module.provideDigits(bytes);
    this.digits = bytes;
  }

  provideWords(bytes) {
    this.module.provideWords(bytes);
    this.words = bytes;
  }

  // Runs a script and returns its Report; throws InitlabError for an error in the script.
  run(source, runOptions = {}) {
    const report = this.runReport(source, runOptions);
    if (report.error) throw new InitlabError(report.error);
    return report;
  }

  // Like run(), but returns the Report with its `error` field instead of throwing.
  runReport(source, runOptions = {}) {
    if (typeof source !== 'string') throw new TypeError('run(source): source must be a string');
    const report = this.guard(() => this.module.run(source, runOptions ?? {}));
    // The phase diagram of the model's nonlinearity, when asked for (runOptions.phaseDiagram:
    // true or the grid's options): report.meanField.phase. 'cached' attaches it only if an
    // earlier call computed it, else says which grid to ask for (meanField.phasePending): a
    // grid costs up to seconds, so a page draws the run first and the grid after it.
    const grid = runOptions?.phaseDiagram;
    if (grid && report.meanField) {
      const options = { ...extents(report), ...(grid === true || grid === 'cached' ? {} : grid) };
      const phase = grid === 'cached' ? this.cachedPhaseDiagram(report.meanField.phi, options) : this.phaseDiagram(report.meanField.phi, options);
      if (phase) report.meanField.phase = phase;
      else report.meanField.phasePending = options;
    }
    return report;
  }

  // chi1 over a grid of (sigma_w^2, sigma_b^2) for a report's meanField.phi: { w2, b2, chi1 }
  // (Float64Arrays; chi1 row-major, a row per b2). A grid costs up to a second for the
  // smooth unbounded nonlinearities (GELU), so the last few are kept; each call returns copies
  // (a worker transfers the report's arrays away).
  phaseDiagram(phi, options = {}) {
    const key = JSON.stringify([phi, options]);
    let g = this.phases.get(key);
    if (!g) {
      g = this.guard(() => this.module.phaseDiagram(phi, options ?? {}));
      if (this.phases.size >= 8) this.phases.delete(this.phases.keys().next().value);
      this.phases.set(key, g);
    }
    return { w2: g.w2.slice(), b2: g.b2.slice(), chi1: g.chi1.slice() };
  }

  // The grid phaseDiagram(phi, options) would return if it is among the kept ones, else null.
  cachedPhaseDiagram(phi, options = {}) {
    return this.phases.has(JSON.stringify([phi, options])) ? this.phaseDiagram(phi, options) : null;
  }

  // A Trainer of the script's model (core/include/initlab/trainer.hpp has the protocol): its
  // `setup` says what it trains on, or the error (setup.ok false); step(k) trains k steps and
  // returns the chunk. dispose() it when done (it holds the model in the wasm heap). In a
  // browser, await prepareData() first.
  trainer(source, trainOptions = {}) {
    if (typeof source !== 'string') throw new TypeError('trainer(source): source must be a string');
    return this.guard(() => new Trainer(this, new this.module.Trainer(source, trainOptions ?? {})));
  }

  // Calls into the module; a trap there (wasm stack overflow, unreachable) leaves the instance
  // unusable, and the caller is told so plainly.
  guard(fn) {
    if (this.aborted) throw abortError('the wasm instance aborted earlier; call restart()');
    try {
      return fn();
    } catch (e) {
      if (e instanceof TypeError) throw e;
      this.aborted = true;
      throw abortError(`the wasm instance aborted (${e && e.message ? e.message : e}); call restart()`);
    }
  }

  // Every parameter and buffer after the script ran: [{ name, shape, dtype, data }].
  stateDict(source, runOptions = {}) {
    return this.run(source, { ...runOptions, stateDict: true, autoForward: runOptions.autoForward ?? false }).stateDict;
  }

  // A fresh instance after an abort.
  async restart() {
    this.module = await loadModule(this.options);
    this.aborted = false;
    if (this.digits) this.module.provideDigits(this.digits);
    if (this.words) this.module.provideWords(this.words);
    return this;
  }

  // Bytes of tensors alive in the instance (0 between runs unless something leaks).
  liveTensorBytes() {
    return this.module.liveTensorBytes();
  }

  // The instance's memory, for leak checks and the benchmark.
  heapBytes() {
    return this.module.HEAP8.length;
  }
}

// Trains one model chunk by chunk (Initlab.trainer). Its chunks are plain objects.
class Trainer {
  constructor(lab, handle) {
    this.lab = lab;
    this.handle = handle;
    this.setup = handle.setup();
  }

  // Trains `steps` more steps; the chunk's error field says why it stopped, if it did.
  step(steps) {
    if (!this.handle) throw new Error('this Trainer was disposed');
    if (!Number.isInteger(steps) || steps < 1) throw new TypeError('step(steps): steps must be an integer >= 1');
    return this.lab.guard(() => this.handle.step(steps));
  }

  // On the words: `count` words sampled from the model as it is now (torch.multinomial's
  // stream from a generator seeded with the seed); [] for the other data sets.
  sampleWords(count = 5) {
    if (!this.handle) throw new Error('this Trainer was disposed');
    if (!Number.isInteger(count) || count < 1) throw new TypeError('sampleWords(count): count must be an integer >= 1');
    return this.lab.guard(() => this.handle.sampleWords(count));
  }

  // Frees the model and data in the wasm heap (not needed after an abort).
  dispose() {
    if (this.handle && !this.lab.aborted) this.handle.delete();
    this.handle = null;
  }
}

export async function createInitlab(options = {}) {
  const lab = new Initlab(await loadModule(options), options);
  // Node reads the 117 KB + 269 KB at once, so run() works on any script; browsers fetch them on need.
  if (isNode) await lab.prepareData();
  return lab;
}
