// The playground: wires the editor, the controls, the engine (worker) and the charts around
// one state object that mirrors the URL hash. Nothing here computes numerics: every number
// drawn comes from the report of a run in the worker.
import { Engine } from './engine.js';
import { PRESETS, presetById, presetTabs } from './presets.js';
import { MAX_TABS, decodeState, defaultSettings, defaultTraining, encodeState } from './state.js';
import { DepthChart, escapeHtml } from './charts/depth_chart.js';
import { PhaseChart } from './charts/phase_chart.js';
import { disagreement, phaseDots, predictedGradNorm, predictedStd, stops, theorySummary } from './theory_view.js';
import { COLORS, fmt } from './charts/canvas.js';
import { activationNotes, renderHistograms } from './charts/histograms.js';
import { insideItems } from './inner_view.js';
import { renderUnits, unitRows } from './units_view.js';
import { layerLabel } from './layer_label.js';
import { drawJacobian, jacobianTable } from './jacobian_view.js';
import { densityOf, describeInit } from './density.js';
import { diagnose, diagnoseGradients, norm } from './diagnose.js';
import { renderTable } from './stats_table.js';
import { embedSnippet, readEmbedFlags } from './embed_flags.js';

const $ = (id) => document.getElementById(id);
const embed = readEmbedFlags(location.search);

// What tests and the benchmark read: run count, latencies, the last plotted data.
const probe = { hashesRead: 0, training: { running: false, done: false, stopped: false, variants: [] }, appStartMs: performance.now(), editorReady: false, runs: 0, latencies: [], lastLatency: null, firstResultsMs: null, depthSeries: null, insideCards: null, state: null, code: () => editor.code() };
window.initlab = probe;
// For the fault tests: kill the worker threads the way a crash would (no answer, no event).
probe.killWorkers = () => { for (const w of [engine.worker, ...engine.worker.pool]) w.worker?.terminate(); };

let state = null;
let lastHash = '';
let editRunTimer = 0;
let hashTimer = 0;
let lastGood = null;  // the last results whose active variant ran without error

// CodeMirror is the bulk of the page's code: it loads in its own chunk while the first run
// computes, and until it is there the state holds the code (a plain view shows it).
const editor = {
  impl: null,
  pending: null,  // the last error to show once it exists
  load(codes, active) { this.impl?.load(codes, active); if (!this.impl) showPlainCode(codes[active]); },
  switchTab(from, to) { this.impl?.switchTab(from, to); },
  addTab(code, from) { this.impl?.addTab(code, from); },
  removeTab(i) { this.impl?.removeTab(i); },
  code() { return this.impl ? this.impl.code() : state.tabs[state.active].code; },
  setReadOnly(on) { this.impl?.setReadOnly(on); },
  showError(e) { this.pending = e; this.impl?.showError(e); },
};
// After the first results are drawn: its parsing would otherwise compete with them.
new Promise((loaded) => { probe.loadEditor = loaded; }).then(() => import('./editor.js')).then(({ Editor }) => {
  $('editor').replaceChildren();
  const impl = new Editor($('editor'), { onChange: codeChanged, onRun: () => run('key'), label: 'network code (Python)' });
  if (state) {
    impl.load(state.tabs.map((t) => t.code), state.active);
    impl.setReadOnly(embed.readOnly);
    impl.showError(editor.pending);
  }
  editor.impl = impl;
  probe.editorReady = true;
});
// Never later than 1.5 s, in case the first run is slow or fails.
setTimeout(() => probe.loadEditor(), 1500);

function showPlainCode(code) {
  const pre = document.createElement('pre');
  pre.className = 'plain-code';
  pre.textContent = code;
  $('editor').replaceChildren(pre);
}
const depth = new DepthChart($('depth'), $('tooltip'));
const gdepth = new DepthChart($('gdepth'), $('gtooltip'));
const phase = new PhaseChart($('phase'), $('phase-tip'));
const LOSS_NAMES = { mean: 'mean-of-output', cross_entropy: 'cross-entropy', nll: 'NLL', mse: 'MSE' };
const engine = new Engine(showResults, (e) => showBanner('error', `The engine stopped: ${e.message}. The next run starts a fresh one.`), showPhase);
// The training panel's code (charts included) loads on first use, in its own chunk: the first
// results do not wait for it.
const training = {
  panel: null,
  loading: null,
  load() {
    this.loading ??= import('./training.js').then(({ TrainingPanel }) => {
      this.panel = new TrainingPanel({ worker: engine.worker, getState: () => state, saved: () => scheduleHash() });
      return this.panel;
    });
    return this.loading;
  },
  // After a state change: the loaded panel follows it; an unloaded one loads if it must show.
  sync() {
    if (this.panel) this.panel.sync();
    else if (state.training.open) this.load().then((p) => p.sync());
    else syncTrainingToggle(false);
  },
  start() { this.load().then((p) => p.start()); },
  toggle() { this.load().then((p) => p.open(!state.training.open)); },
  draw() { this.panel?.draw(); },
};
function syncTrainingToggle(on) {
  $('train-toggle').setAttribute('aria-expanded', String(on));
  $('train-toggle').textContent = on ? 'Hide training' : 'Show training';
  $('train-body').hidden = !on;
}
$('train-toggle').addEventListener('click', () => training.toggle());

// ---- state ----
function presetState(id) {
  const preset = presetById(id) ?? PRESETS[0];
  const tabs = presetTabs(preset);
  const train = preset.train ? { ...defaultTraining(), ...preset.train, open: true } : defaultTraining();
  return { tabs, active: 0, compare: tabs.length > 1, preset: preset.id, settings: defaultSettings(), training: train };
}

function load(next) {
  state = next;
  $('fix-note').hidden = true;
  probe.state = state;
  editor.load(state.tabs.map((t) => t.code), state.active);
  editor.setReadOnly(embed.readOnly);
  syncControls();
  renderTabs();
  training.sync();
}

function scheduleHash(push = false) {
  clearTimeout(hashTimer);
  const write = async () => {
    lastHash = `#${await encodeState(state)}`;
    if (push) history.pushState(null, '', lastHash);
    else history.replaceState(null, '', lastHash);
  };
  if (push) return write();
  hashTimer = setTimeout(write, 250);
  return null;
}

async function fromHash() {
  if (location.hash === lastHash && state) return;
  try {
    const decoded = await decodeState(location.hash);
    load(decoded ?? presetState(embed.preset || 'tutorial_cnn'));
    lastHash = location.hash;
    hideBanner();
  } catch (e) {
    load(presetState(embed.preset || 'tutorial_cnn'));
    // What is shown now is the preset, not the last good link: that link, opened again, loads.
    lastHash = location.hash;
    showBanner('error', `${e.message}. Showing the ${presetById(state.preset).title} preset instead.`);
  }
  probe.hashesRead += 1;
  run('load');
  // An embedded training preset trains at once: the author chose it to show the curves.
  if (embed.on && !location.hash && presetById(state.preset)?.train) training.start();
}

// ---- controls ----
function syncControls() {
  const s = state.settings;
  $('seed').value = s.seed;
  $('batch').value = s.batch;
  $('input').value = s.input;
  $('mode').value = s.mode;
  $('grad').value = s.grad;
  $('scale').value = Math.log10(s.scale).toFixed(2);
  $('scale-value').value = `×${s.scale.toFixed(2)}`;
  $('log').checked = s.log;
  $('mean').checked = s.mean;
  $('theory').checked = s.theory;
  $('autorun').checked = s.autoRun;
  $('compare').checked = state.compare;
  $('compare').disabled = state.tabs.length < 2;
  $('preset').value = state.preset && presetById(state.preset) ? state.preset : '';
}

function setting(key, value, rerun = true) {
  state.settings[key] = value;
  scheduleHash();
  if (rerun) run('control');
}

function integerInput(el, key, lo, hi) {
  el.addEventListener('change', () => {
    const v = Number(el.value);
    if (!Number.isInteger(v) || v < lo || v > hi) {
      el.setAttribute('aria-invalid', 'true');
      showBanner('error', `${key} must be a whole number from ${lo} to ${hi}; it stays ${state.settings[key]}.`);
      el.value = state.settings[key];
      return;
    }
    el.removeAttribute('aria-invalid');
    hideBanner();
    setting(key, v);
  });
}

integerInput($('seed'), 'seed', -(2 ** 53) + 1, 2 ** 53 - 1);
integerInput($('batch'), 'batch', 1, 1024);
$('input').addEventListener('change', (e) => setting('input', e.target.value));
$('mode').addEventListener('change', (e) => setting('mode', e.target.value));
$('grad').addEventListener('change', (e) => setting('grad', e.target.value));
$('scale').addEventListener('input', (e) => {
  const scale = Number((10 ** Number(e.target.value)).toFixed(4));
  $('scale-value').value = `×${scale.toFixed(2)}`;
  setting('scale', scale);
});
$('scale-reset').addEventListener('click', () => {
  $('scale').value = '0';
  $('scale-value').value = '×1.00';
  setting('scale', 1);
});
$('log').addEventListener('change', (e) => { setting('log', e.target.checked, false); redraw(); });
$('mean').addEventListener('change', (e) => { setting('mean', e.target.checked, false); redraw(); });
$('theory').addEventListener('change', (e) => { setting('theory', e.target.checked, false); redraw(); });
$('autorun').addEventListener('change', (e) => setting('autoRun', e.target.checked, false));
$('run').addEventListener('click', () => run('button'));

// ---- presets and variant tabs ----
$('preset').innerHTML = '<option value="">(your code)</option>' +
  PRESETS.map((p) => `<option value="${p.id}">${escapeHtml(p.title)}</option>`).join('');
$('preset').addEventListener('change', async (e) => {
  if (!e.target.value) return;
  // The old state stays one Back away: presets never destroy edits.
  await scheduleHash(true);
  load(presetState(e.target.value));
  await scheduleHash(true);
  run('preset');
  // A training preset is chosen to see the curves: it starts training.
  if (presetById(state.preset)?.train) training.start();
});

function renderTabs() {
  $('tabs').innerHTML = state.tabs.map((t, i) =>
    `<button type="button" role="tab" id="tab-${i}" aria-selected="${i === state.active}" tabindex="${i === state.active ? 0 : -1}" ` +
    `style="border-bottom-color:${COLORS[i]}">${escapeHtml(t.name)}</button>`).join('');
  $('tab-name').value = state.tabs[state.active].name;
  $('add-tab').disabled = state.tabs.length >= MAX_TABS;
  $('remove-tab').disabled = state.tabs.length < 2;
  $('compare').disabled = state.tabs.length < 2;
  $('compare').checked = state.compare;
}

function selectTab(i) {
  if (i === state.active) return;
  editor.switchTab(state.active, i);
  state.active = i;
  renderTabs();
  scheduleHash();
  // Compared variants have all run: show the new tab's own output; otherwise run it.
  if (state.compare && lastGood?.job.compare) showResults(lastGood, true);
  else run('tab');
}

$('tabs').addEventListener('click', (e) => {
  const tab = e.target.closest('[role=tab]');
  if (tab) selectTab(Number(tab.id.slice(4)));
});
$('tabs').addEventListener('keydown', (e) => {
  const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
  if (!d) return;
  selectTab((state.active + d + state.tabs.length) % state.tabs.length);
  $(`tab-${state.active}`).focus();
});
$('add-tab').addEventListener('click', () => {
  if (state.tabs.length >= MAX_TABS) return;
  const names = new Set(state.tabs.map((t) => t.name));
  let name = `variant ${state.tabs.length + 1}`;
  for (let k = 2; names.has(name); ++k) name = `variant ${k}`;
  editor.addTab(editor.code(), state.active);
  state.tabs.push({ name, code: editor.code() });
  state.compare = true;
  state.preset = '';
  selectTab(state.tabs.length - 1);
  renderTabs();
  scheduleHash();
  run('tabs');
});
$('remove-tab').addEventListener('click', () => {
  if (state.tabs.length < 2) return;
  const i = state.active;
  state.tabs.splice(i, 1);
  editor.removeTab(i);
  state.active = Math.max(0, i - 1);
  editor.switchTab(-1, state.active);
  if (state.tabs.length < 2) state.compare = false;
  renderTabs();
  scheduleHash();
  run('tabs');
});
$('tab-name').addEventListener('input', (e) => {
  state.tabs[state.active].name = e.target.value.slice(0, 40) || `variant ${state.active + 1}`;
  $(`tab-${state.active}`).textContent = state.tabs[state.active].name;
  scheduleHash();
  if (lastGood) redraw();
});
$('compare').addEventListener('change', (e) => {
  state.compare = e.target.checked;
  scheduleHash();
  run('compare');
});

function codeChanged(code) {
  state.tabs[state.active].code = code;
  if (state.preset) {
    state.preset = '';
    $('preset').value = '';
  }
  scheduleHash();
  if (!state.settings.autoRun) return;
  clearTimeout(editRunTimer);
  editRunTimer = setTimeout(() => run('edit'), 250);
}

// ---- running ----
function run(trigger) {
  clearTimeout(editRunTimer);
  const variants = state.compare ? state.tabs.map((t) => ({ ...t })) : [{ ...state.tabs[state.active] }];
  engine.submit({ variants, compare: state.compare, active: state.active, settings: { ...state.settings }, startedAt: performance.now(), trigger });
}

// One point per probed module (leaves) and functional op, in forward order.

function pointsOf(report) {
  return report.layers.map((l, index) => ({ l, index })).filter(({ l }) => l.isOp || l.isLeaf).map(({ l, index }) => ({
    index,
    label: layerLabel(l),
    detail: l.isOp ? `line ${l.line}` : l.type,
    std: l.output.std,
    mean: l.output.mean,
    zeros: l.output.zeros,
    nanCount: l.output.nanCount,
    infCount: l.output.infCount,
    output: l.output,
    grad: l.grad,
  }));
}

function showResults(result, replay = false) {
  const { job, results } = result;
  const renderStart = performance.now();
  const activeIndex = activeIndexOf(result);
  const active = results[activeIndex]?.report;
  if (!active) return;
  if (job.compare) {
    [...$('tabs').children].forEach((t, i) => t.classList.toggle('has-error', !!results[i] && !results[i].report.ok));
  } else {
    $(`tab-${state.active}`)?.classList.toggle('has-error', !active.ok);
  }
  editor.showError(active.ok ? null : active.error);
  showConsole(active);
  let rest = () => {};
  if (active.ok) {
    if (!$('jac-body').hidden && !replay) {
      $('jac-body').classList.add('stale');
      $('jac-status').textContent = 'From an earlier version of the code or settings: compute again.';
    }
    lastGood = result;
    $('results').classList.remove('stale');
    rest = draw(result, activeIndex);
    const ms = results.reduce((a, r) => a + r.report.timings.total, 0);
    $('status').textContent = `${describeInput(active)} · computed in ${ms.toFixed(1)} ms`;
  } else {
    $('results').classList.add('stale');
    const e = active.error;
    $('status').textContent = `${e.kind} at line ${e.line}, column ${e.column}: ${e.message}. The charts show the last run that worked.`;
    showBanner('error', `${e.kind} at line ${e.line}, column ${e.column}: ${e.message}`);
  }
  if (replay) {
    rest();
    return;
  }
  probe.lastTimings = results.map((r) => r.report.timings);
  const renderMs = performance.now() - renderStart;
  // A phase grid still to come (Engine.attachPhases) is part of "everything drawn".
  const phaseToCome = results.some((r) => r.report.meanField?.phasePending);
  requestAnimationFrame(() => {
    setTimeout(() => {
      rest();
      if (!phaseToCome) probe.runs += 1;  // what the tests wait for: everything drawn
    }, 0);
    const latency = performance.now() - job.startedAt;
    probe.lastLatency = latency;
    // queued: waiting for the run before it; engine: the worker's runs; render: DOM and canvas.
    probe.latencies.push({ trigger: job.trigger, ms: latency, queued: result.queuedMs, engine: result.ms, render: renderMs });
    probe.loadEditor();
    if (probe.firstResultsMs === null && active.ok) {
      probe.firstResultsMs = performance.now();
      probe.firstRun = { queued: result.queuedMs, engine: result.ms, run: results[0].report.timings, render: renderMs };
    }
  });
}

function describeInput(report) {
  const shape = report.inputShape.join('×');
  if (report.forwardFromScript) return `probing the model as the code calls it (input ${shape || 'from the code'})`;
  const s = state.settings;
  const dist = { normal: 'N(0, 1)', uniform: 'U(0, 1)', zeros: 'zeros', ones: 'ones', script: 'N(0, 1)', digits: 'digits' }[s.input];
  const labels = s.grad === 'nll' || s.grad === 'cross_entropy' ? (s.input === 'digits' ? ' against their real labels' : ' against random labels') : '';
  const grads = report.loss !== null ? ` · gradients of the ${LOSS_NAMES[s.grad]} loss${labels}` : '';
  return `probing ${report.modelName || 'the model'} on ${dist} input ${shape}${s.mode ? ` in ${s.mode} mode` : ''}${grads}`;
}

function showConsole(report) {
  const parts = [escapeHtml(report.output)];
  for (const w of report.warnings) parts.push(`<span class="warn">UserWarning: ${escapeHtml(w)}</span>\n`);
  if (report.error) parts.push(`<span class="err">${escapeHtml(report.error.formatted)}</span>\n`);
  $('console').innerHTML = parts.join('');
}

// The phase grids of a shown job arrived (Engine.attachPhases): its theory view gets them.
function showPhase(result) {
  if (lastGood?.job === result.job) {
    drawTheory(okResults(result), activeIndexOf(result));
  }
  setTimeout(() => { probe.runs += 1; }, 0);
}

function redraw() {
  if (lastGood) draw(lastGood, activeIndexOf(lastGood))();
}

// Which of a job's results the page shows as the active one.
function activeIndexOf({ job, results }) {
  return job.compare ? Math.min(state.active, results.length - 1) : 0;
}

// The variants that ran, with their index and the name they are shown by.
function okResults({ job, results }) {
  return results.map((r, i) => ({ ...r, i, name: job.compare ? (state.tabs[i]?.name ?? r.name) : r.name })).filter((r) => r.report.ok);
}

function draw(result, activeIndex) {
  const ok = okResults(result);
  const series = ok.map((r) => {
    const points = pointsOf(r.report);
    return { name: r.name, points, report: r.report, theory: state.settings.theory ? predictedStd(r.report, points) : undefined };
  });
  probe.depthSeries = series.map((s) => ({ name: s.name, std: s.points.map((p) => p.std), labels: s.points.map((p) => p.label), theory: s.theory ?? null }));
  depth.draw({ series, log: state.settings.log, mean: state.settings.mean });
  $('legend').innerHTML = series.length > 1
    ? series.map((s, k) => `<span style="--c:${COLORS[k]}">${escapeHtml(s.name)}</span>`).join('')
    : '';

  const lossName = LOSS_NAMES[state.settings.grad] ?? '';
  const verdicts = series.flatMap((s) => [{ name: s.name, v: diagnose(s.points) }, { name: s.name, v: diagnoseGradients(s.points, lossName) }]).filter((d) => d.v);
  if (verdicts.length) {
    const level = verdicts[0].v.level;
    showBanner(level, verdicts.map((d) => (series.length > 1 ? `${d.name}: ${d.v.text}` : d.v.text)).join('\n'));
  } else {
    hideBanner();
  }

  // Activation histograms: the i-th point of every variant on one card.
  const base = series.find((s) => s.name === (ok.find((r) => r.i === activeIndex)?.name)) ?? series[0];
  drawGradients(series, base, ok);
  drawTheory(ok, activeIndex);
  renderHistograms($('acts'), base.points.map((p, i) => ({
    key: `a${i}:${p.label}`,
    title: p.label,
    subtitle: `${p.detail} · ${p.output.shape.join('×')} · std ${fmt(p.std)}`,
    entries: series.map((s) => s.points[i]).filter(Boolean).map((q) => ({ stats: q.output })),
    density: null,
    constant: null,
    notes: activationNotes(p.output),
  })));

  // Inside the recurrent and attention layers, when the model has any.
  const reports = [ok.find((r) => r.i === activeIndex) ?? ok[0], ...ok.filter((r) => r.i !== activeIndex)].map((r) => r.report);
  const inside = insideItems(reports);
  $('inside-pane').hidden = inside.length === 0;
  probe.insideCards = inside.map((c) => c.title);
  renderHistograms($('inside'), inside);

  // Dead and saturated units of the active variant's activations.
  const units = unitRows(reports[0], layerLabel);
  $('units-pane').hidden = units.length === 0;
  probe.unitRows = units.map((r) => ({ title: r.title, kind: r.units.kind, dead: r.units.dead, units: r.units.units }));
  renderUnits($('units'), units);

  // The weights and the table sit below the fold: drawn a frame later, so the charts the eye is
  // on (and the slider's feedback) are not held up by them.
  const activeReport = (ok.find((r) => r.i === activeIndex) ?? ok[0]).report;
  return () => drawBelowFold(ok, activeReport);
}

// The gradient view: norm of d(loss)/d(output) vs depth (one line per variant) and the
// gradient histograms, when the run differentiated a loss.
function drawGradients(series, base, ok) {
  const on = base.points.some((p) => p.grad);
  $('grad-pane').hidden = !on;
  probe.gradSeries = on ? series.map((s) => ({ name: s.name, norm: s.points.map((p) => norm(p.grad)) })) : null;
  if (!on) return;
  const losses = ok.map((r) => r.report.loss).filter((v) => v !== null).map((v) => fmt(v)).join(', ');
  $('grad-loss').textContent = `${LOSS_NAMES[state.settings.grad] ?? ''} loss ${losses}`;
  gdepth.draw({
    series: series.map((s) => ({
      name: s.name,
      points: s.points.map((p) => ({ label: p.label, detail: p.detail, std: norm(p.grad), mean: p.grad ? p.grad.mean : NaN })),
      theory: s.theory ? predictedGradNorm(s.report, s.points) : undefined,
    })),
    log: true,
    mean: false,
    yLabel: 'gradient norm',
    valueName: 'norm',
  });
  renderHistograms($('grads'), base.points.filter((p) => p.grad).map((p, i) => ({
    key: `g${i}:${p.label}`,
    title: p.label,
    subtitle: `${p.detail} · norm ${fmt(norm(p.grad))} · std ${fmt(p.grad.std)}`,
    entries: series.map((s) => s.points.find((q) => q.label === p.label && q.grad)).filter(Boolean).map((q) => ({ stats: q.grad })),
    density: null,
    constant: null,
    notes: [{ text: `zeros ${(100 * p.grad.zeros).toFixed(1)}%`, alarm: false }],
  })));
}

// The theory's view: the chi1 phase diagram of the active variant's nonlinearity with every
// variant's affine layers as dots, what the theory says of each model, where it disagrees with
// the measurement and where it stopped.
function drawTheory(ok, activeIndex) {
  const active = ok.find((r) => r.i === activeIndex) ?? ok[0];
  const field = active.report.meanField;
  // While the grid is still coming (Engine.attachPhases) the pane stays, so nothing jumps.
  const on = !!(field?.phase || field?.phasePending) && field.affineLayers > 0;
  $('theory-pane').hidden = !on;
  probe.phaseDots = null;
  if (!on) return;
  // Only the variants that share the active one's nonlinearity belong on its diagram.
  const same = ok.filter((r) => r.report.meanField?.nonlinearity === field.nonlinearity);
  const dots = phaseDots(same.map((r) => ({ report: r.report, variant: r.i })));
  if (field.phase) {
    probe.phaseDots = dots.map((d) => ({ w2: d.w2, b2: d.b2, variant: d.variant }));
    phase.draw({ grid: field.phase, dots, nonlinearity: field.nonlinearity });
  }
  const many = ok.length > 1;
  const stopped = stops(active.report);
  $('theory-summary').innerHTML = ok.map((r) => `<p>${theorySummary(r.report, many ? r.name : '')}</p>`).join('') +
    (stopped.length ? `<p class="stops">The prediction stops at: ${stopped.map(escapeHtml).join('; ')}.</p>` : '');
  const miss = ok.map((r) => ({ r, text: disagreement(r.report) })).filter((d) => d.text);
  $('theory-banner').hidden = miss.length === 0;
  $('theory-banner').textContent = miss.map((d) => (many ? `${d.r.name}: ${d.text}` : d.text)).join('\n');
}

// A parameter's gradient: the probe's loss when the Gradients select asks for one; otherwise
// the .grad a training script left (its last backward), said as such.
function gradNote(p) {
  if (!p.grad) return '';
  return state.settings.grad ? ` · grad norm ${fmt(norm(p.grad))}` : ` · .grad norm ${fmt(norm(p.grad))} (the script's last backward)`;
}

function drawBelowFold(ok, activeReport) {
  renderHistograms($('weights'), activeReport.parameters.map((p) => {
    const others = ok.map((r) => r.report.parameters.find((q) => q.name === p.name)).filter(Boolean);
    const single = others.length <= 1;
    return {
      key: `w:${p.name}`,
      title: p.name,
      subtitle: single ? describeInit(p.init) : others.map((q, k) => `${ok[k].name}: ${describeInit(q.init)}`).join(' | '),
      entries: others.map((q) => ({ stats: q.stats })),
      density: single ? densityOf(p.init) : null,
      constant: single && p.init?.kind === 'constant' ? p.init.value : null,
      notes: [{ text: `${p.stats.shape.join('×')} · mean ${fmt(p.stats.mean)} · std ${fmt(p.stats.std)}${gradNote(p)}`, alarm: false }],
    };
  }));
  const points = pointsOf(activeReport);
  const predicted = predictedStd(activeReport, points);
  renderTable($('table'), points.map((p, i) => ({ label: p.label, detail: p.detail, output: p.output, predicted: predicted[i] })));
}

function showBanner(level, text) {
  const b = $('banner');
  b.className = level;
  b.textContent = text;
  b.hidden = false;
}

function hideBanner() {
  $('banner').hidden = true;
}

// ---- "Fix my init": LSUV on the active tab, written back as PyTorch code in a new tab ----
$('fix-init').addEventListener('click', () => {
  const tab = state.tabs[state.active];
  if (state.tabs.length >= MAX_TABS) {
    showBanner('error', `Fix my init adds a tab, and there are already ${MAX_TABS}: remove one first.`);
    return;
  }
  $('fix-init').disabled = true;
  $('status').textContent = `Running LSUV on ${tab.name}…`;
  engine.analyse(tab.code, { ...state.settings }, [{ label: 'lsuv', options: { fix: 'lsuv' } }], ([{ report }]) => {
    $('fix-init').disabled = false;
    if (!report.ok) {
      showBanner('error', `Fix my init stopped: ${report.error.kind} at line ${report.error.line}, column ${report.error.column}: ${report.error.message}`);
      return;
    }
    if (!report.fixCode) {
      showBanner('error', `Fix my init could not write the code: ${report.warnings.join(' ') || 'no model was found'}.`);
      return;
    }
    const layers = report.fixLayers;
    probe.fix = layers.map((f) => ({ path: f.path, iterations: f.iterations, stdBefore: f.stdBefore, stdAfter: f.stdAfter }));
    // The fixed code is a new tab beside the original, compared in every chart. The script's
    // own forward (if it calls the model) runs before fix_init at its end: both tabs are probed
    // on the same N(0, 1) input of the page instead, which the fixed code's last line has fixed.
    if (state.settings.input === 'script') {
      state.settings.input = 'normal';
      syncControls();
    }
    editor.addTab(report.fixCode, state.active);
    state.tabs.push({ name: `${tab.name} + LSUV`.slice(0, 40), code: report.fixCode });
    state.compare = true;
    state.preset = '';
    $('preset').value = '';
    selectTab(state.tabs.length - 1);
    renderTabs();
    scheduleHash();
    run('fix');
    const worst = Math.max(...layers.map((f) => Math.abs(Math.log10(f.stdBefore))).filter(Number.isFinite));
    $('fix-note').hidden = false;
    $('fix-note').textContent = (`LSUV scaled ${layers.length} layers to output std 1 (the furthest was off by ${fmt(10 ** worst)}×). ` +
      `The new tab “${state.tabs[state.active].name}” is your code plus fix_init(model) in plain PyTorch: run with the same seed, PyTorch gives the same weights. ` +
      `Every tab is now probed on the same N(0, 1) input; Train compares them.`);
  }, (e) => {
    $('fix-init').disabled = false;
    showBanner('error', `Fix my init failed: ${e.message}`);
  });
});

// ---- the Jacobian, on demand (a backward pass per output value: too slow for every keystroke) ----
function analyseJacobian(extras) {
  const tab = state.tabs[state.active];
  $('jac-status').textContent = `Computing the Jacobian of ${tab.name}${extras.length > 1 ? ' under three sets of weights' : ''}…`;
  $('jac-run').disabled = $('jac-compare').disabled = true;
  const done = () => { $('jac-run').disabled = $('jac-compare').disabled = false; };
  engine.analyse(tab.code, { ...state.settings }, extras, (results) => {
    done();
    const failed = results.find((r) => !r.report.ok);
    if (failed) {
      $('jac-status').textContent = `The run stopped: ${failed.report.error.kind} at line ${failed.report.error.line}: ${failed.report.error.message}`;
      return;
    }
    const shown = results.map((r) => ({ label: r.label, jacobian: r.report.jacobian }));
    const computed = shown.filter((r) => !r.jacobian.skipped);
    probe.jacobian = shown.map((r) => ({ label: r.label, skipped: r.jacobian.skipped, meanS2: r.jacobian.meanS2, condition: r.jacobian.condition, count: r.jacobian.singularValues.length }));
    $('jac-body').hidden = false;
    $('jac-body').classList.remove('stale');
    $('jac-table').innerHTML = jacobianTable(shown);
    if (computed.length) drawJacobian($('jacobian'), computed);
    const j = shown[0].jacobian;
    $('jac-status').textContent = j.skipped ? `Not computed: ${j.skipped}` :
      `J is ${j.nOut} × ${j.nIn} per sample, at ${j.inputs} samples${j.batchCoupled ? ' (coupled by the batch: each sample’s own block)' : ''}.`;
  }, (e) => {
    done();
    $('jac-status').textContent = `The Jacobian run failed: ${e.message}`;
  });
}
$('jac-run').addEventListener('click', () => analyseJacobian([{ label: 'as drawn', options: { jacobian: true } }]));
$('jac-compare').addEventListener('click', () => analyseJacobian([
  { label: 'as drawn', options: { jacobian: true } },
  { label: 'Gaussian', options: { jacobian: true, reinit: 'gaussian' } },
  { label: 'orthogonal', options: { jacobian: true, reinit: 'orthogonal' } },
]));

// ---- share and embed ----
async function currentLink() {
  const hash = `#${await encodeState(state)}`;
  lastHash = hash;
  history.replaceState(null, '', hash);
  return new URL(hash, location.href.split('#')[0].split('?')[0]).href;
}

$('share').addEventListener('click', async () => {
  const link = await currentLink();
  $('share-url').value = link;
  $('snippet').value = embedSnippet(new URL('embed.js', location.href).href, { state: link.split('#')[1], height: 560 });
  $('share-panel').hidden = false;
  copy(link, 'Link copied.');
});
$('embed').addEventListener('click', async () => {
  const link = await currentLink();
  $('share-url').value = link;
  $('snippet').value = embedSnippet(new URL('embed.js', location.href).href, { state: link.split('#')[1], height: 560 });
  $('share-panel').hidden = false;
  $('snippet').focus();
  $('snippet').select();
});
$('copy-link').addEventListener('click', () => copy($('share-url').value, 'Link copied.'));
$('copy-snippet').addEventListener('click', () => copy($('snippet').value, 'Snippet copied.'));

async function copy(text, done) {
  try {
    await navigator.clipboard.writeText(text);
    $('copied').textContent = done;
  } catch {
    $('copied').textContent = 'Select the text and copy it (the browser refused clipboard access).';
  }
}

// ---- embed mode ----
if (embed.on) {
  document.body.classList.add('embed');
  for (const pane of embed.hide) {
    const el = { editor: 'editor-pane', console: 'console-pane', table: 'table-pane', weights: 'weights-pane', activations: 'acts-pane', depth: 'depth-pane', controls: 'controls', training: 'train-pane' }[pane];
    if (el) $(el).hidden = true;
  }
  if (embed.hide.has('editor')) document.body.classList.add('no-editor');
  $('open-full').hidden = false;
}
if (embed.readOnly) document.body.classList.add('readonly');

window.addEventListener('popstate', fromHash);
window.addEventListener('hashchange', fromHash);
window.addEventListener('resize', () => { redraw(); training.draw(); });
$('open-full').addEventListener('click', async (e) => {
  e.currentTarget.href = await currentLink().then((l) => l);
});
fromHash();
