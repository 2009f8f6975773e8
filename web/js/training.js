// The training panel: trains the variants (all tabs when comparing, else the active one) in the
// worker with the same seed and data order, and draws what the initialization does to learning:
// loss and accuracy curves, and the activation std and gradient norm through depth as training
// goes on. Every number comes from the worker's Trainer chunks (core/include/initlab/trainer.hpp).
import { COLORS, fmt, pct } from './charts/canvas.js';
import { CurveChart } from './charts/curves.js';
import { renderHeatmaps } from './training_heatmaps.js';
import { layerLabel } from './layer_label.js';
import { DepthChart, escapeHtml } from './charts/depth_chart.js';
import { MAX_TRAIN_STEPS } from './state.js';
import { SweepPanel } from './sweep.js';

const $ = (id) => document.getElementById(id);

// Snapshot lines through training, earliest lightest: a sequential ramp (dark enough to read).
// Training goes quiet for at most a chunk of the slowest variant; 30 s of silence is a dead worker.
const TRAIN_WATCHDOG_MS = 30_000;
const RAMP = ['#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'];
// The weights of one model, first (light) to last (dark): a warm ramp, apart from RAMP's blues.
const WEIGHT_RAMP = ['#fdae6b', '#fd8d3c', '#f16913', '#d94801', '#a63603', '#7f2704'];

export class TrainingPanel {
  // worker: an InitlabWorker; getState(): the page state ({ tabs, active, compare, settings,
  // training }); saved(): the state changed (write the hash).
  constructor({ worker, getState, saved }) {
    this.worker = worker;
    this.getState = getState;
    this.saved = saved;
    this.job = null;   // { variants, steps, handle, done, stopped }
    this.serial = 0;   // chunks of a superseded job are dropped
    this.loss = new CurveChart($('train-loss'), $('train-loss-tip'));
    this.acc = new CurveChart($('train-acc'), $('train-acc-tip'));
    this.std = new DepthChart($('train-std'), $('train-std-tip'));
    this.grad = new DepthChart($('train-grad'), $('train-grad-tip'));
    this.update = new CurveChart($('train-update'), $('train-update-tip'));
    this.gratio = new CurveChart($('train-gratio'), $('train-gratio-tip'));
    this.published = { running: false, done: false, stopped: false, variants: [] };
    window.initlab.training = this.published;
    // (app.js owns the Show/Hide button: it loads this module on its first click.)

    $('train-start').addEventListener('click', () => this.start());
    $('train-stop').addEventListener('click', () => this.stop());
    $('train-variant').addEventListener('change', () => this.draw());
    $('train-heat-what').addEventListener('change', () => this.draw());
    $('train-heat-layer').addEventListener('change', () => this.draw());
    this.sweep = new SweepPanel({ worker, getState, published: window.initlab });
    // The constants follow the code: listed again whenever the select is about to open.
    $('sweep-const').addEventListener('focus', () => this.sweep.sync());
    this.numberInput('train-steps', 'steps', 1, MAX_TRAIN_STEPS, true);
    this.numberInput('train-batch', 'batch', 1, 1024, true);
    this.numberInput('train-lr', 'lr', 1e-6, 10, false);
    for (const [id, key] of [['train-optimizer', 'optimizer'], ['train-dataset', 'dataset']]) {
      $(id).addEventListener('change', (e) => this.set(key, e.target.value));
    }
  }

  training() {
    return this.getState().training;
  }

  set(key, value) {
    this.training()[key] = value;
    this.saved();
  }

  numberInput(id, key, lo, hi, integer) {
    const el = $(id);
    el.addEventListener('change', () => {
      const v = Number(el.value);
      if (!Number.isFinite(v) || v < lo || v > hi || (integer && !Number.isInteger(v))) {
        el.setAttribute('aria-invalid', 'true');
        $('train-status').textContent = `${el.labels[0].textContent.trim()} must be ${integer ? 'a whole number' : 'a number'} from ${lo} to ${hi}; it stays ${this.training()[key]}.`;
        el.value = this.training()[key];
        return;
      }
      el.removeAttribute('aria-invalid');
      this.set(key, v);
    });
  }

  // The controls from the state (after a preset, a link or Back); a running job stops.
  sync() {
    const t = this.training();
    $('train-steps').value = t.steps;
    $('train-optimizer').value = t.optimizer;
    $('train-lr').value = t.lr;
    $('train-batch').value = t.batch;
    $('train-dataset').value = t.dataset;
    this.sweep.sync();
    this.reset();
    this.open(t.open, false);
  }

  // Forgets the current job (stopping it): its late chunks are dropped.
  reset() {
    this.stop();
    clearInterval(this.job?.watchdog);
    this.serial += 1;
    this.job = null;
    $('train-start').disabled = false;
    $('train-stop').disabled = true;
    $('train-progress').value = 0;
    for (const id of ['train-status', 'train-summary', 'train-legend', 'train-snapshots', 'train-variant', 'train-weights', 'train-heat', 'train-colorful', 'train-heat-layer']) $(id).replaceChildren();
    for (const id of ['train-loss', 'train-acc', 'train-std', 'train-grad', 'train-update', 'train-gratio']) {
      const c = $(id);
      c.getContext('2d').clearRect(0, 0, c.width, c.height);
    }
    this.published = { running: false, done: false, stopped: false, variants: [] };
    window.initlab.training = this.published;
  }

  open(on, save = true) {
    this.training().open = on;
    $('train-body').hidden = !on;
    $('train-toggle').setAttribute('aria-expanded', String(on));
    $('train-toggle').textContent = on ? 'Hide training' : 'Show training';
    if (save) this.saved();
    if (on && this.job) requestAnimationFrame(() => this.draw());
  }

  start() {
    this.stop();
    const state = this.getState();
    const t = state.training;
    this.open(true);
    const tabs = state.compare ? state.tabs : [state.tabs[state.active]];
    const serial = ++this.serial;
    const chunk = Math.max(1, Math.round(t.steps / 30));
    const job = {
      steps: t.steps,
      chance: null,
      done: false,
      stopped: false,
      variants: tabs.map((tab, i) => ({
        name: tab.name, color: COLORS[(state.compare ? i : state.active) % COLORS.length],
        setup: null, losses: [], test: [], train: [], snapshots: [], ratios: new Map(), samples: null, error: null,
      })),
    };
    this.job = job;
    $('train-variant').innerHTML = job.variants.map((v, i) => `<option value="${i}">${escapeHtml(v.name)}</option>`).join('');
    $('train-variant').value = String(state.compare ? state.active : 0);
    $('train-start').disabled = true;
    $('train-stop').disabled = false;
    this.published = { running: true, done: false, stopped: false, variants: [] };
    window.initlab.training = this.published;
    const options = {
      seed: state.settings.seed, initScale: state.settings.scale, dataset: t.dataset, optimizer: t.optimizer,
      lr: t.lr, momentum: t.optimizer === 'sgd' ? 0.9 : 0, batch: t.batch, bins: 8,
    };
    job.handle = this.worker.train(tabs.map((tab) => ({ name: tab.name, source: tab.code })), options, {
      steps: t.steps,
      chunk,
      onSetup: (i, setup) => { job.heard = performance.now(); return serial === this.serial && this.setup(job.variants[i], setup); },
      onChunk: (i, c) => { job.heard = performance.now(); return serial === this.serial && this.chunk(job.variants[i], c); },
      onSamples: (i, words) => {
        job.heard = performance.now();
        if (serial !== this.serial) return;
        job.variants[i].samples = words;
        this.progress();
        this.scheduleDraw();
      },
    });
    // A worker that stops answering (killed, or stuck) would leave the job waiting forever:
    // after TRAIN_WATCHDOG_MS without a word from any of them they are restarted, and the job
    // ends with their AbortError.
    job.heard = performance.now();
    job.watchdog = setInterval(() => {
      if (performance.now() - job.heard < TRAIN_WATCHDOG_MS) return;
      clearInterval(job.watchdog);
      const message = `no word from the training workers for ${TRAIN_WATCHDOG_MS / 1000} s; they were restarted`;
      for (const w of [this.worker, ...this.worker.pool]) w.restart(message);
    }, 1000);
    job.handle.done.then(({ stopped }) => {
      if (serial === this.serial) this.finish(stopped, null);
    }, (e) => {
      if (serial === this.serial) this.finish(false, e);
    });
    this.progress();
    this.draw();
  }

  stop() {
    if (this.job && !this.job.done) this.job.handle?.stop();
  }

  setup(v, setup) {
    v.setup = setup;
    if (!setup.ok) v.error = setup.error;
    else v.test.push({ x: 0, y: setup.testAccuracy, loss: setup.testLoss });
    this.progress();
    this.draw();
  }

  chunk(v, c) {
    const first = c.step - c.losses.length;
    c.losses.forEach((l, k) => v.losses.push({ x: first + k + 1, y: l }));
    if (c.error) {
      v.error = c.error;
    } else {
      v.test.push({ x: c.step, y: c.testAccuracy, loss: c.testLoss });
      v.train.push({ x: c.step, y: c.trainAccuracy });
    }
    if (c.layers.length) v.snapshots.push({ step: c.probedStep, layers: c.layers.filter((l) => l.isOp || l.isLeaf) });
    // Every step's update:data and grad:data ratio per weight (log10), as points for the curves.
    for (const w of c.weights) {
      let r = v.ratios.get(w.name);
      if (!r) v.ratios.set(w.name, (r = { update: [], grad: [] }));
      w.update.forEach((y, k) => r.update.push({ x: first + k + 1, y }));
      w.grad.forEach((y, k) => r.grad.push({ x: first + k + 1, y }));
    }
    this.progress();
    this.scheduleDraw();
  }

  finish(stopped, error) {
    const job = this.job;
    clearInterval(job.watchdog);
    job.done = true;
    job.stopped = stopped;
    $('train-start').disabled = false;
    $('train-stop').disabled = true;
    if (error) job.failure = `${error.kind ?? 'Error'}: ${error.message}`;
    this.progress();
    this.draw();
  }

  progress() {
    const job = this.job;
    const live = job.variants.filter((v) => !v.error || v.losses.length > 0);
    const done = job.variants.reduce((a, v) => a + (v.error ? job.steps : v.losses.length), 0);
    const total = job.steps * job.variants.length;
    $('train-progress').value = total ? done / total : 0;
    const step = Math.max(0, ...live.map((v) => v.losses.length));
    const what = job.variants.find((v) => v.setup?.ok)?.setup;
    const examples = what?.dataset.startsWith('digits') ? 'training images' : what?.context ? 'training windows' : 'training points';
    const lossName = what?.loss === 'nll' ? 'NLL' : what?.context ? 'per-character cross-entropy' : 'cross-entropy';
    const on = what ? ` on ${what.dataset} (${what.trainSize} ${examples}), ${lossName} loss, ${what.optimizer}` : '';
    $('train-status').textContent = job.failure ? `Training failed: ${job.failure}. Train again to retry.`
      : job.done ? `${job.stopped ? 'Stopped' : 'Done'} at step ${step} of ${job.steps}${on}.`
        : `Training: step ${step} of ${job.steps}${on}…`;
    this.published.running = !job.done;
    this.published.done = job.done;
    this.published.stopped = job.stopped;
    this.published.variants = job.variants.map((v) => ({
      name: v.name, dataset: v.setup?.dataset ?? '', classes: v.setup?.classes ?? 0,
      losses: v.losses.map((p) => p.y), test: v.test.map((p) => ({ step: p.x, accuracy: p.y, loss: p.loss })),
      baselineLoss: v.setup?.baselineLoss ?? null, samples: v.samples,
      updateRatios: Object.fromEntries([...v.ratios].map(([name, r]) => [name, r.update.map((p) => p.y)])),
      error: v.error ? `${v.error.kind}: ${v.error.message}` : null,
    }));
  }

  // Chunks can arrive faster than frames: one draw per frame.
  scheduleDraw() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  draw() {
    const job = this.job;
    if (!job || $('train-body').hidden) return;
    const vs = job.variants;
    const what = vs.find((v) => v.setup?.ok)?.setup;
    const classes = what?.classes ?? 0;
    // On the words the loss is read against the uniform guess over the 27 characters, ln 27.
    const baseline = what?.context ? what.baselineLoss : null;
    $('train-legend').innerHTML = vs.map((v) => `<span style="--c:${v.color}">${escapeHtml(v.name)}</span>`).join('');
    $('train-summary').innerHTML = vs.map((v) => `<li><span style="color:${v.color}">■</span> ${escapeHtml(v.name)}: ${escapeHtml(verdict(v, classes))}</li>`).join('');
    // Raw per-step losses are noisy: drawn faint, with a running mean over 10 steps on top.
    this.loss.draw({
      series: vs.flatMap((v) => [
        { name: v.name, color: v.color, points: v.losses, width: 1, alpha: 0.3, quiet: true },
        { name: v.name, color: v.color, points: runningMean(v.losses, 10) },
      ]),
      xMax: job.steps, log: true, yLabel: baseline ? 'training loss per character' : 'training loss',
      guides: baseline ? [{ y: baseline, label: `uniform guess ln ${classes} = ${baseline.toFixed(2)}` }] : [],
    });
    this.acc.draw({
      series: vs.flatMap((v) => [
        { name: `${v.name} (test)`, color: v.color, points: v.test },
        { name: `${v.name} (train batches)`, color: v.color, points: v.train, dash: [4, 3], width: 1.5 },
      ]),
      xMax: job.steps, yMin: 0, yMax: 1, yLabel: baseline ? 'next-character accuracy' : 'accuracy', format: pct,
      guides: classes ? [{ y: 1 / classes, label: `chance ${pct(1 / classes)}` }] : [],
    });
    const v = vs[Number($('train-variant').value)] ?? vs[0];
    const shots = pick(v.snapshots, RAMP.length);
    const series = (value) => shots.map((s, k) => ({
      name: `step ${s.step}`,
      color: RAMP[RAMP.length - shots.length + k],
      points: s.layers.map((l) => ({ label: layerLabel(l), detail: l.type, std: value(l), mean: NaN })),
    }));
    this.std.draw({ series: series((l) => l.std), log: true, mean: false, yLabel: 'activation std' });
    this.grad.draw({ series: series((l) => l.gradNorm), log: true, mean: false, yLabel: 'gradient norm', valueName: 'norm' });
    $('train-snapshots').innerHTML = shots.map((s, k) => `<span style="--c:${RAMP[RAMP.length - shots.length + k]}">step ${s.step}</span>`).join('');
    this.drawRatios(v, job.steps);
    this.drawHeatmaps(vs);
  }

  // The layers x steps images and the chosen layer's histogram over time, every variant.
  drawHeatmaps(vs) {
    const layers = vs.find((x) => x.snapshots.length)?.snapshots[0].layers ?? [];
    const select = $('train-heat-layer');
    if (select.options.length !== layers.length) {
      const keep = select.value;
      select.innerHTML = layers.map((l, i) => `<option value="${i}">${escapeHtml(layerLabel(l))}</option>`).join('');
      // Default: the first activation, where saturation and dead units show.
      const act = layers.findIndex((l) => /relu|tanh|sigmoid|gelu/i.test(l.type));
      select.value = keep && Number(keep) < layers.length ? keep : String(Math.max(0, act));
    }
    const shown = renderHeatmaps($('train-heat'), $('train-colorful'), vs, $('train-heat-what').value, Number(select.value));
    this.published.heat = { what: $('train-heat-what').value, rows: shown.grids.map((g) => g.rows.length), columns: shown.grids.map((g) => g.columns.length) };
  }

  // One line per weight, earlier weights lighter, against the guide at -3.
  drawRatios(v, steps) {
    const names = [...v.ratios.keys()];
    const colour = (k) => WEIGHT_RAMP[Math.round((k / Math.max(1, names.length - 1)) * (WEIGHT_RAMP.length - 1))];
    const lines = (key) => names.map((name, k) => ({ name, color: colour(k), points: v.ratios.get(name)[key], width: 1.5 }));
    const format = (y) => y.toFixed(1);
    this.update.draw({ series: lines('update'), xMax: steps, yLabel: 'log10 update : data', guides: [{ y: -3, label: '−3: 1e-3 of the weight' }], format });
    this.gratio.draw({ series: lines('grad'), xMax: steps, yLabel: 'log10 grad : data', guides: [{ y: -3, label: '−3' }], format });
    $('train-weights').innerHTML = names.map((n, k) => `<span style="--c:${colour(k)}">${escapeHtml(n)}</span>`).join('');
  }
}

// What happened to one variant, in words.
function verdict(v, classes) {
  if (v.error && v.losses.length === 0) return describeError(v.error);
  const nan = v.losses.find((p) => !Number.isFinite(p.y));
  const last = v.test[v.test.length - 1];
  const first = v.test[0];
  if (!last) return 'setting up…';
  const chance = classes ? 1 / classes : 0;
  let text;
  if (v.setup?.context) return wordsVerdict(v, nan, first, last);
  if (nan) text = `diverged: the loss became ${fmt(nan.y)} at step ${nan.x} (the weights blew up); test accuracy ${pct(last.y)}`;
  else if (last.x > 0 && last.y < 1.5 * chance) text = `not learning: test accuracy ${pct(last.y)} after ${last.x} steps, chance is ${pct(chance)}`;
  else {
    const half = v.test.find((p) => p.y >= 0.5);
    text = `test accuracy ${pct(last.y)} after ${last.x} steps (from ${pct(first.y)})${half && half.x > 0 ? `; above 50% from step ${half.x}` : ''}`;
  }
  return v.error ? `${text}; then ${describeError(v.error)}` : text;
}

// On the words: the test loss per character against the uniform guess, and what the model spells.
function wordsVerdict(v, nan, first, last) {
  const base = v.setup.baselineLoss;
  let text;
  if (nan) text = `diverged: the loss became ${fmt(nan.y)} at step ${nan.x}`;
  else if (last.x > 0 && last.loss > 0.95 * base) text = `not learning: test loss ${last.loss.toFixed(3)} per character after ${last.x} steps, the uniform guess is ln 27 = ${base.toFixed(3)}`;
  else text = `test loss ${last.loss.toFixed(3)} per character after ${last.x} steps (from ${first.loss.toFixed(3)}; uniform guess ${base.toFixed(3)}), next character right ${pct(last.y)}`;
  if (v.samples) text += `; samples: ${v.samples.map((w) => w || '(empty)').join(', ')}`;
  return v.error ? `${text}; then ${describeError(v.error)}` : text;
}

function describeError(e) {
  return e.line ? `${e.kind} at line ${e.line}, column ${e.column}: ${e.message}` : `${e.kind}: ${e.message}`;
}

function runningMean(points, k) {
  const out = [];
  let sum = 0;
  const window = [];
  for (const p of points) {
    window.push(p.y);
    sum += p.y;
    if (window.length > k) sum -= window.shift();
    out.push({ x: p.x, y: sum / window.length });
  }
  return out;
}

// At most n snapshots, evenly spread, always the first and the last.
function pick(list, n) {
  if (list.length <= n) return list;
  return Array.from({ length: n }, (_, k) => list[Math.round((k * (list.length - 1)) / (n - 1))]);
}
