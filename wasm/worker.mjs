// Runs initlab off the main thread. Use it as a module worker (browser) or a worker_threads
// Worker (Node); talk to it through InitlabWorker below, which keeps the same Report shape.
//
//   const lab = new InitlabWorker();              // spawns worker.mjs
//   const report = await lab.run(source, opts);   // a newer run supersedes an older one
//
//   const training = lab.train([{ name, source }, ...], trainOptions, { steps, chunk, onSetup, onChunk, onSamples });
//   training.stop();                               // between chunks
//   const { stopped } = await training.done;
//
// Messages: {id, source, options} in; {id, report} or {id, error} out. A phase grid:
// {id, phase: {phi, options}} in; {id, report: grid} or {id, error} out. Training:
// {id, type: 'train', variants, options, steps, chunk} and {id, type: 'stop'} in;
// {id, type: 'setup' | 'chunk', variant, setup | chunk}, on the words {id, type: 'samples', variant,
// words}, then {id, type: 'done', stopped, error} out.
import { createInitlab, InitlabError } from './initlab.mjs';

const isNode = typeof process === 'object' && process.versions != null && process.versions.node != null;
// Through a variable, as in initlab.mjs: bundlers for browsers leave Node's built-ins alone.
const nodeBuiltin = (name) => import(name);
const inWorker = typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope;

async function nodeParentPort() {
  if (!isNode) return null;
  const { parentPort, isMainThread } = await nodeBuiltin('node:worker_threads');
  return isMainThread ? null : parentPort;
}

// ---- the worker side ----
// A fresh instance's first run is several times slower than the next (V8 compiles the wasm
// lazily and tiers hot code up later). If no request is waiting when the module is ready, the
// worker runs this small script once, so the caller's first real run is mostly warm; a request
// already waiting goes first (warming up would only delay it).
const WARM_UP = `import torch
import torch.nn as nn
import torch.nn.functional as F
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 10, kernel_size=5)
        self.conv2 = nn.Conv2d(10, 20, kernel_size=5)
        self.bn2 = nn.BatchNorm2d(20)
        self.fc1 = nn.Linear(320, 50)
        self.bn3 = nn.BatchNorm1d(50)
        self.fc2 = nn.Linear(50, 10)
    def forward(self, x):
        x = F.relu(F.max_pool2d(self.conv1(x), 2))
        x = F.relu(F.max_pool2d(self.bn2(self.conv2(x)), 2))
        x = F.relu(self.bn3(self.fc1(x.view(-1, 320))))
        return F.log_softmax(self.fc2(x), dim=1)
def init(m):
    if isinstance(m, (nn.Conv2d, nn.Linear)):
        nn.init.kaiming_uniform_(m.weight)
        nn.init.constant_(m.bias, 0)
    elif isinstance(m, nn.BatchNorm2d):
        nn.init.constant_(m.weight, 1)
model = Net()
model.apply(init)
print(model, f"{0.5:.3f}")
out = model(torch.randn(16, 1, 28, 28))
`;

// The worker's milestones as performance marks (initlab:ready, initlab:warm, and the first
// request's initlab:first-request and initlab:first-answer, whose detail has the wasm heap's
// size), so a benchmark can tell where a first picture's time goes: download and compile, the
// warm-up, the run.
const mark = (name, detail) => globalThis.performance?.mark?.(`initlab:${name}`, { detail });

// A worker started with the name PRECOMPILED gets initlab_wasm.wasm compiled from whoever started
// it ({type: 'module', module}, web/boot.js): the page compiles while this worker's own modules
// load, instead of the worker fetching the wasm only once they have. module null: compile here.
export const PRECOMPILED = 'initlab:precompiled';

function serve(port, post) {
  let lab = null;
  let requests = 0;
  let answered = false;
  let gotModule = () => {};
  const compiled = inWorker && self.name === PRECOMPILED ? new Promise((resolve) => { gotModule = resolve; }) : Promise.resolve(null);
  const ready = compiled.then((wasmModule) => createInitlab(wasmModule ? { wasmModule } : {})).then((l) => {
    mark('ready');
    if (requests === 0) {
      l.runReport(WARM_UP);
      mark('warm');
    }
    return l;
  });
  const stops = new Set();
  port((message) => {
    if (message.type === 'module') {
      gotModule(message.module);
      return;
    }
    requests += 1;
    if (requests === 1) mark('first-request');
    if (message.type === 'stop') {
      stops.add(message.id);
      return;
    }
    if (message.type === 'train') {
      ready.then(async (l) => {
        lab = lab ?? l;
        if (lab.aborted) await lab.restart();
        await train(lab, message, post, stops);
      });
      return;
    }
    const { id, source, options } = message;
    if (message.phase) {
      ready.then((l) => {
        lab = lab ?? l;
        try {
          const grid = lab.phaseDiagram(message.phase.phi, message.phase.options);
          post({ id, report: grid }, [grid.w2.buffer, grid.b2.buffer, grid.chi1.buffer]);
        } catch (e) {
          post({ id, error: placeless(e, 'TypeError') });
        }
      });
      return;
    }
    ready.then(async (l) => {
      lab = lab ?? l;
      if (lab.aborted) await lab.restart();
      // A failed fetch is not fatal here: the script's digits() call then says what is missing.
      await (options?.input === 'digits' ? lab.prepareData() : lab.prepare(source)).catch(() => {});
      let report;
      try {
        report = lab.runReport(source, options);
      } catch (e) {
        // The instance aborted (a trap): answer with the error, start a fresh one.
        post({ id, error: placeless(e, 'AbortError') });
        await lab.restart();
        return;
      }
      post({ id, report }, transferables(report));
      if (!answered) mark('first-answer', { heapBytes: lab.heapBytes() });
      answered = true;
    });
  });
}

// A training job: one Trainer per variant, stepped in turns, chunk by chunk, so their curves
// grow together. Between chunks the worker yields to its message queue: a stop (or a run from
// the page) gets in. All variants share the seed, hence the same data order.
async function train(lab, { id, variants, options, steps, chunk }, post, stops) {
  const trainers = [];
  let error = null;
  try {
    await lab.prepareData();
    for (const [variant, v] of variants.entries()) {
      const trainer = lab.trainer(v.source, options);
      trainers.push(trainer);
      post({ id, type: 'setup', variant, setup: trainer.setup });
    }
    const live = new Set(trainers.filter((t) => t.setup.ok));
    for (let done = 0; done < steps && live.size > 0 && !stops.has(id);) {
      const k = Math.min(chunk, steps - done);
      for (const [variant, trainer] of trainers.entries()) {
        if (!live.has(trainer) || stops.has(id)) continue;
        const c = trainer.step(k);
        if (c.error) live.delete(trainer);
        post({ id, type: 'chunk', variant, chunk: c }, [c.losses.buffer, ...c.weights.flatMap((w) => [w.update.buffer, w.grad.buffer]), ...c.layers.map((l) => l.histogram.counts.buffer)]);
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      done += k;
    }
    // On the words, a few words sampled from each model as training left it.
    for (const [variant, trainer] of trainers.entries()) {
      if (trainer.setup.ok && trainer.setup.context > 0) post({ id, type: 'samples', variant, words: trainer.sampleWords(5) });
    }
  } catch (e) {
    // A failed data fetch, or the instance aborted: the job ends with the error.
    error = placeless(e, 'Error');
  } finally {
    for (const t of trainers) t.dispose();
  }
  post({ id, type: 'done', stopped: stops.has(id), error });
  stops.delete(id);
  if (lab.aborted) await lab.restart();
}

// An error with no place in the script (an abort, a failed fetch) in ErrorInfo's shape.
function placeless(e, kind) {
  return { kind: e.kind ?? kind, message: e.message, line: 0, column: 0, sourceLine: '', formatted: e.message, context: '', traceback: [] };
}

// The typed arrays of a report move to the other thread instead of being copied.
function transferables(report) {
  const out = [];
  const add = (a) => { if (a && a.buffer) out.push(a.buffer); };
  for (const l of report.layers) {
    add(l.output.histogram.counts);
    add(l.grad?.histogram.counts);
    add(l.units?.fraction);
  }
  for (const p of report.parameters) {
    add(p.stats.histogram.counts);
    add(p.grad?.histogram.counts);
  }
  for (const t of report.stateDict) add(t.data);
  if (report.jacobian) {
    add(report.jacobian.singularValues);
    for (const v of report.jacobian.perInput) add(v);
  }
  if (report.outputTensor) add(report.outputTensor.data);
  for (const f of report.fixLayers) add(f.factors);
  return out;
}

const parentPort = await nodeParentPort();
if (parentPort) {
  serve((fn) => parentPort.on('message', fn), (m, t) => parentPort.postMessage(m, t));
} else if (inWorker) {
  serve((fn) => { self.onmessage = (e) => fn(e.data); }, (m, t) => self.postMessage(m, t));
}

// ---- the caller side ----
// One run at a time goes to the worker. A run requested while another is in flight waits; a
// newer request replaces a waiting one, and the replaced (or still running, now stale) run
// rejects with kind 'Superseded', so a slider never queues up work.
export class InitlabWorker {
  // url: where worker.mjs is; or a browser Worker already started on it (a page can start one
  // from an inline script, before its own modules load, and hand it over here; then poolUrl
  // says where more can be started for parallel training).
  constructor(url = new URL('./worker.mjs', import.meta.url), { poolUrl } = {}) {
    this.url = url;
    this.poolUrl = poolUrl ?? (typeof Worker !== 'undefined' && url instanceof Worker ? null : url);
    this.pool = [];  // more InitlabWorkers for parallel training, started on first need
    this.nextId = 1;
    this.inFlight = null;  // {id, resolve, reject}
    this.waiting = null;   // {id, source, options, resolve, reject}
    this.latest = 0;
    this.trainings = new Map();  // id -> the training's handlers
    this.ready = this.spawn();
  }

  // A fresh worker thread in place of one that stopped answering (killed, or stuck where no
  // run limit reaches): the run in flight, the waiting one and every training in it end with
  // an AbortError saying so, and the next request goes to the new thread.
  restart(message = 'the worker stopped answering; a fresh one was started') {
    this.worker?.terminate();
    const info = { kind: 'AbortError', message, line: 0, column: 0, sourceLine: '', formatted: `AbortError: ${message}`, context: '', traceback: [] };
    for (const entry of [this.inFlight, this.waiting]) entry?.reject(new InitlabError(info));
    this.inFlight = null;
    this.waiting = null;
    for (const t of [...this.trainings.values()]) t.receive({ type: 'done', stopped: true, error: info });
    this.trainings.clear();
    // A Worker the page handed over cannot be started again: a new one comes from poolUrl.
    if (typeof Worker !== 'undefined' && this.url instanceof Worker) {
      if (!this.poolUrl) throw new Error('InitlabWorker.restart(): no URL to start a worker from (pass poolUrl)');
      this.url = this.poolUrl;
    }
    this.ready = this.spawn();
    return this.ready;
  }

  async spawn() {
    if (isNode) {
      const { Worker } = await nodeBuiltin('node:worker_threads');
      this.worker = new Worker(this.url);
      this.worker.on('message', (m) => this.receive(m));
    } else {
      this.worker = typeof Worker !== 'undefined' && this.url instanceof Worker ? this.url : new Worker(this.url, { type: 'module' });
      this.worker.onmessage = (e) => this.receive(e.data);
    }
  }

  receive(message) {
    if (message.type) {
      this.trainings.get(message.id)?.receive(message);
      return;
    }
    const { id, report, error } = message;
    const entry = this.inFlight;
    if (!entry || entry.id !== id) return;
    this.inFlight = null;
    if (id < this.latest) {
      entry.reject(superseded());
    } else if (error) {
      entry.reject(new InitlabError(error));
    } else if (report.error && !entry.keepErrors) {
      entry.reject(new InitlabError(report.error));
    } else {
      entry.resolve(report);
    }
    this.pump();
  }

  pump() {
    if (this.inFlight || !this.waiting) return;
    const next = this.waiting;
    this.waiting = null;
    this.inFlight = next;
    this.worker.postMessage(next.phase ? { id: next.id, phase: next.phase } : { id: next.id, source: next.source, options: next.options });
  }

  run(source, options = {}) {
    return this.request(source, options, false);
  }

  // As run(), but an error in the script resolves with the report (report.ok false, report.error
  // set, and what the script printed before it) instead of rejecting.
  runReport(source, options = {}) {
    return this.request(source, options, true);
  }

  // Initlab.phaseDiagram in the worker, whose grids it keeps for runs with phaseDiagram
  // 'cached'. Queued as a run is.
  phaseDiagram(phi, options = {}) {
    return this.request(null, null, false, { phi, options });
  }

  async request(source, options, keepErrors, phase = null) {
    await this.ready;
    const id = this.nextId++;
    this.latest = id;
    return new Promise((resolve, reject) => {
      if (this.waiting) this.waiting.reject(superseded());
      this.waiting = { id, source, options, keepErrors, phase, resolve, reject };
      this.pump();
    });
  }

  // Trains the model of each variant's source (core/include/initlab/trainer.hpp), all with the
  // same options, `steps` steps in chunks of `chunk`. onSetup(variant, setup) comes once per
  // variant, onChunk(variant, chunk) after each chunk, onSamples(variant, words) at the end on
  // the words data set (a few words sampled from each trained model). Runs may go on meanwhile. Returns
  // { stop(), done }: done resolves with { stopped } after the last chunk or a stop, or
  // rejects with an InitlabError if the job itself failed (not for a script's error: that is
  // in the setup or chunk).
  // parallel: how many workers share the variants (this one and up to parallel - 1 more,
  // started once and kept); default one per core (navigator.hardwareConcurrency, Node's
  // os.availableParallelism()), at most one per variant. Each variant has its own Trainer,
  // seed and data order either way, so its results are the same bit for bit.
  train(variants, options = {}, job = {}) {
    const lanes = Math.max(1, Math.min(variants.length, job.parallel ?? cores(), 16));
    if (lanes === 1 || !this.poolUrl) return this.trainHere(variants, options, job);
    while (this.pool.length < lanes - 1) this.pool.push(new InitlabWorker(this.poolUrl));
    const workers = [this, ...this.pool.slice(0, lanes - 1)];
    const parts = workers.map((_, k) => variants.map((v, i) => ({ v, i })).filter(({ i }) => i % lanes === k));
    const back = (part, f) => (j, x) => f?.(part[j].i, x);
    const handles = parts.map((part, k) => workers[k].trainHere(part.map((p) => p.v), options, {
      ...job, onSetup: back(part, job.onSetup), onChunk: back(part, job.onChunk), onSamples: back(part, job.onSamples),
    }));
    return {
      done: Promise.all(handles.map((h) => h.done)).then((rs) => ({ stopped: rs.some((r) => r.stopped) })),
      stop: () => Promise.all(handles.map((h) => h.stop())),
    };
  }

  // All the variants in this worker, in turns.
  trainHere(variants, options = {}, { steps = 300, chunk = 10, onSetup = () => {}, onChunk = () => {}, onSamples = () => {} } = {}) {
    const id = this.nextId++;
    let settle;
    const done = new Promise((resolve, reject) => { settle = { resolve, reject }; });
    this.trainings.set(id, {
      receive: (m) => {
        if (m.type === 'setup') onSetup(m.variant, m.setup);
        else if (m.type === 'chunk') onChunk(m.variant, m.chunk);
        else if (m.type === 'samples') onSamples(m.variant, m.words);
        else if (m.type === 'done') {
          this.trainings.delete(id);
          if (m.error) settle.reject(new InitlabError(m.error));
          else settle.resolve({ stopped: m.stopped });
        }
      },
    });
    const sent = this.ready.then(() => this.worker.postMessage({ id, type: 'train', variants, options, steps, chunk }));
    return { done, stop: () => sent.then(() => this.worker.postMessage({ id, type: 'stop' })) };
  }

  terminate() {
    this.worker?.terminate();
    for (const w of this.pool) w.terminate();
    this.pool = [];
  }
}

// The cores this machine has, for parallel training.
function cores() {
  if (typeof navigator !== 'undefined' && navigator.hardwareConcurrency) return navigator.hardwareConcurrency;
  return nodeCores;
}
const nodeCores = isNode ? (await import('node:os')).availableParallelism?.() ?? 1 : 1;

function superseded() {
  return Object.assign(new Error('superseded by a newer run'), { kind: 'Superseded' });
}
