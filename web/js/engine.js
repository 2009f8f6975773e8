// Runs scripts in the worker for the page. At most one job is in flight; a job submitted while
// one runs replaces any job still waiting, so dragging the slider or typing never queues work
// and the charts follow at the speed the worker answers. A job is one run per variant, all with
// the same options (seed, input), so their charts compare like with like.
import { InitlabWorker } from 'initlab-wasm/worker.mjs';

export function runOptions(settings) {
  // The script's own input unless the user asked for ours (or a mode, which needs our forward).
  const own = settings.input !== 'script' || settings.mode !== '';
  return {
    seed: settings.seed,
    batch: settings.batch,
    input: settings.input === 'script' ? 'normal' : settings.input,
    mode: settings.mode,
    ownInput: own,
    initScale: settings.scale,
    grad: settings.grad,
    bins: 40,
    // The chi1 grid of the model's nonlinearity if the worker has it (kept per nonlinearity and
    // extent); else the Engine asks for it after the results are drawn (Engine.next).
    phaseDiagram: 'cached',
  };
}

// A run that has not answered after this long means the worker is gone (the core's own limits
// stop a script at 10 s): it is restarted and the run reported as lost.
const WATCHDOG_MS = 20_000;

// Awaits a worker request, restarting the worker if it does not answer in time.
async function watched(worker, request) {
  const timer = setTimeout(() => worker.restart(`no answer for ${WATCHDOG_MS / 1000} s; the worker was restarted`), WATCHDOG_MS);
  try {
    return await request();
  } finally {
    clearTimeout(timer);
  }
}

export class Engine {
  // onResult({ job, results: [{ name, report }], ms }) after every finished job; when a report
  // came without its phase grid (meanField.phasePending), onPhase({ job, results }) follows
  // once the grids are attached (or could not be had: then meanField.phase stays unset).
  constructor(onResult, onError, onPhase = () => {}) {
    // index.html starts one early, so the wasm loads while the page's code is parsed.
    // More workers start beside it for parallel training (one per core, wasm/worker.mjs).
    this.worker = new InitlabWorker(window.initlabWorker ?? undefined, { poolUrl: new URL('wasm/worker.mjs', document.baseURI) });
    this.onResult = onResult;
    this.onError = onError;
    this.onPhase = onPhase;
    this.running = false;
    this.waiting = null;
    this.side = null;
  }

  // job: { variants: [{ name, code }], settings, startedAt }
  submit(job) {
    this.waiting = job;
    if (!this.running) this.next();
  }

  // A one-off analysis (the Jacobian, its Gaussian/orthogonal compare): runs of one code with
  // extra options each, after the job in flight; a newer analysis replaces a waiting one.
  // onDone([{ label, report }]) or onFail(error).
  analyse(code, settings, extras, onDone, onFail) {
    this.side = { code, settings, extras, onDone, onFail };
    if (!this.running) this.next();
  }

  async runSide() {
    const side = this.side;
    this.side = null;
    this.running = true;
    try {
      const results = [];
      for (const x of side.extras) {
        results.push({ label: x.label, report: await watched(this.worker, () => this.worker.runReport(side.code, { ...runOptions(side.settings), phaseDiagram: false, ...x.options })) });
      }
      side.onDone(results);
    } catch (e) {
      side.onFail(e);
    } finally {
      this.running = false;
      if (this.waiting || this.side) this.next();
    }
  }

  // A phase grid costs up to seconds the first time (one per nonlinearity and extent): the
  // first picture and the slider do not wait for it; it comes as a second step, after which
  // the worker has it for every later run.
  async attachPhases(job, results) {
    const pending = results.map((r) => r.report.meanField).filter((f) => f?.phasePending);
    if (pending.length === 0) return;
    for (const field of pending) {
      try {
        field.phase = await watched(this.worker, () => this.worker.phaseDiagram(field.phi, field.phasePending));
      } catch {
        // The worker was restarted or the grid failed: the theory's view goes without it.
      }
      delete field.phasePending;
    }
    this.onPhase({ job, results });
  }

  async next() {
    if (!this.waiting && this.side) return this.runSide();
    const job = this.waiting;
    this.waiting = null;
    if (!job) return;
    this.running = true;
    const t0 = performance.now();
    try {
      const options = runOptions(job.settings);
      const results = [];
      for (const v of job.variants) results.push({ name: v.name, report: await watched(this.worker, () => this.worker.runReport(v.code, options)) });
      this.onResult({ job, results, ms: performance.now() - t0, queuedMs: t0 - job.startedAt });
      await this.attachPhases(job, results);
    } catch (e) {
      this.onError(e, job);
    } finally {
      this.running = false;
      if (this.waiting || this.side) this.next();
    }
  }
}
