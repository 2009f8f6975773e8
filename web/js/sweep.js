// Sweeping a constant of the code (microsoft/mup's "coordinate check"): the model is rebuilt
// with a top-level integer (`width = 256`, `depth = 20`) or a constructor default
// (`def __init__(self, width=256)`) set to 8 values on a log2 scale, each trained 3 steps in the
// worker on the same data, and every layer's output std is drawn against the constant, at
// init and after the 3 steps. Flat lines: the parametrization keeps activations the same size
// whatever the width or depth; sloping ones: it does not, and a learning rate tuned at one
// size will not carry to another. Every number comes from the Trainer's chunks.
import { COLORS, fmt, prepare } from './charts/canvas.js';
import { escapeHtml } from './charts/depth_chart.js';
import { layerLabel } from './layer_label.js';

const layerKey = (l) => `${l.path}|${l.type}`;

// The integer constants a sweep can vary: top-level assignments and keyword defaults of defs.
export function constantsOf(code) {
  const out = [];
  const seen = new Set();
  const lines = code.split('\n');
  let offset = 0;
  for (const line of lines) {
    const top = /^([A-Za-z_]\w*)\s*=\s*(\d+)\s*(#.*)?$/.exec(line);
    if (top && Number(top[2]) >= 1) {
      out.push({ name: top[1], value: Number(top[2]), at: offset + line.indexOf(top[2], top[1].length), length: top[2].length });
    } else if (/^\s*def\s/.test(line)) {
      for (const m of line.matchAll(/([A-Za-z_]\w*)\s*=\s*(\d+)(?=\s*[,)])/g)) {
        if (Number(m[2]) < 1) continue;
        out.push({ name: m[1], value: Number(m[2]), at: offset + m.index + m[0].length - m[2].length, length: m[2].length });
      }
    }
    offset += line.length + 1;
  }
  // One entry per name (the first), so "width" in two defs is one choice.
  return out.filter((c) => !seen.has(c.name) && seen.add(c.name));
}

// 8 values on a log2 scale around v: v/16 ... 8v, whole numbers >= 1, without repeats.
export function sweepValues(v) {
  const values = new Set();
  for (let k = -4; k <= 3; ++k) values.add(Math.max(1, Math.round(v * 2 ** k)));
  return [...values].sort((a, b) => a - b);
}

export function withConstant(code, c, value) {
  return code.slice(0, c.at) + String(value) + code.slice(c.at + c.length);
}

// One chart: x = the constant (log2), y = each layer's std (log), a line per layer and variant.
function drawSweep(canvas, { values, lines, xLabel }) {
  const { ctx, w, h } = prepare(canvas);
  const m = { left: 54, right: 12, top: 10, bottom: 34 };
  const ys = lines.flatMap((l) => l.points).filter((v) => Number.isFinite(v) && v > 0);
  if (!ys.length || values.length < 2) return;
  const lo = Math.floor(Math.log10(Math.min(...ys))), hi = Math.max(lo + 1, Math.ceil(Math.log10(Math.max(...ys))));
  const x0 = Math.log2(values[0]), x1 = Math.log2(values[values.length - 1]);
  const X = (v) => m.left + ((Math.log2(v) - x0) / (x1 - x0)) * (w - m.left - m.right);
  const Y = (v) => h - m.bottom - ((Math.log10(v) - lo) / (hi - lo)) * (h - m.top - m.bottom);
  ctx.font = '11px system-ui, sans-serif';
  for (let d = lo; d <= hi; d += Math.max(1, Math.ceil((hi - lo) / 6))) {
    ctx.strokeStyle = '#e2e2e2';
    ctx.beginPath();
    ctx.moveTo(m.left, Y(10 ** d));
    ctx.lineTo(w - m.right, Y(10 ** d));
    ctx.stroke();
    ctx.fillStyle = '#333';
    ctx.textAlign = 'right';
    ctx.fillText(`1e${d}`, m.left - 4, Y(10 ** d) + 4);
  }
  ctx.textAlign = 'center';
  for (const v of values) ctx.fillText(String(v), X(v), h - m.bottom + 14);
  ctx.fillText(xLabel, (m.left + w - m.right) / 2, h - 4);
  for (const l of lines) {
    ctx.strokeStyle = l.color;
    ctx.globalAlpha = l.alpha;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    let pen = false;
    l.points.forEach((v, i) => {
      if (!(Number.isFinite(v) && v > 0)) {
        pen = false;
        return;
      }
      if (pen) ctx.lineTo(X(values[i]), Y(v));
      else ctx.moveTo(X(values[i]), Y(v));
      pen = true;
    });
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}

export class SweepPanel {
  // worker: an InitlabWorker; getState(): the page state; published: what tests read.
  constructor({ worker, getState, published }) {
    this.worker = worker;
    this.getState = getState;
    this.published = published;
    this.job = null;
    this.serial = 0;
    document.getElementById('sweep-run').addEventListener('click', () => this.run());
  }

  // The constants of the active tab's code, in the select (keeping the choice when it is there).
  sync() {
    const state = this.getState();
    const select = document.getElementById('sweep-const');
    const list = constantsOf(state.tabs[state.active].code);
    const keep = select.value;
    select.innerHTML = list.length ? list.map((c) => `<option value="${escapeHtml(c.name)}">${escapeHtml(c.name)} = ${c.value}</option>`).join('')
      : '<option value="">(no integer constant in the code)</option>';
    if (list.some((c) => c.name === keep)) select.value = keep;
    document.getElementById('sweep-run').disabled = list.length === 0;
  }

  run() {
    const state = this.getState();
    const name = document.getElementById('sweep-const').value;
    const tabs = state.compare ? state.tabs : [state.tabs[state.active]];
    const c0 = constantsOf(state.tabs[state.active].code).find((c) => c.name === name);
    if (!c0) return;
    const values = sweepValues(c0.value);
    // Every compared tab at every value; a tab without the constant is left out, said so.
    const runs = [];
    const missing = [];
    tabs.forEach((tab, t) => {
      const c = constantsOf(tab.code).find((x) => x.name === name);
      if (!c) missing.push(tab.name);
      else values.forEach((value) => runs.push({ tab: t, name: tab.name, value, source: withConstant(tab.code, c, value) }));
    });
    const serial = ++this.serial;
    this.job?.handle?.stop();
    const status = document.getElementById('sweep-status');
    status.textContent = `Sweeping ${name} over ${values.join(', ')}: ${runs.length} models, 3 training steps each…`;
    const job = { name, values, runs, tabs: tabs.map((t) => t.name), results: runs.map(() => ({ init: null, after: null, error: null })) };
    this.job = job;
    const t = state.training;
    job.handle = this.worker.train(runs.map((r) => ({ name: r.name, source: r.source })), { seed: state.settings.seed, batch: t.batch, optimizer: t.optimizer, lr: t.lr, dataset: t.dataset }, {
      steps: 4, chunk: 3,
      onSetup: (i, s) => { if (serial === this.serial && !s.ok) job.results[i].error = s.error; },
      // Chunk 1 probes step 0 (at init); chunk 2 (one step) probes step 3, after 3 updates.
      onChunk: (i, ch) => {
        if (serial !== this.serial) return;
        if (ch.error) job.results[i].error = ch.error;
        else job.results[i][ch.probedStep === 0 ? 'init' : 'after'] = ch.layers.filter((l) => l.isLeaf || l.isOp);
      },
    });
    job.handle.done.then(() => {
      if (serial !== this.serial) return;
      const failed = job.results.map((r, i) => ({ r, i })).filter(({ r }) => r.error);
      const first = failed[0];
      status.textContent = `${name} swept over ${values.join(', ')}${missing.length ? `; ${missing.join(', ')} ha${missing.length > 1 ? 've' : 's'} no ${name}` : ''}.` +
        (first ? ` At ${name} = ${runs[first.i].value} (${runs[first.i].name}): ${first.r.error.kind}: ${first.r.error.message}` : '');
      this.draw();
    }, (e) => {
      if (serial === this.serial) status.textContent = `The sweep failed: ${e.message}`;
    });
  }

  draw() {
    const job = this.job;
    if (!job) return;
    const lines = (when) => {
      const out = [];
      job.tabs.forEach((tabName, t) => {
        const mine = job.runs.map((r, i) => ({ r, res: job.results[i] })).filter(({ r }) => r.tab === t);
        const keys = [];
        for (const { res } of mine) for (const l of res[when] ?? []) if (!keys.some((k) => k.key === layerKey(l))) keys.push({ key: layerKey(l), label: layerLabel(l) });
        keys.forEach((k, j) => out.push({
          name: `${tabName}: ${k.label}`,
          tab: t,
          color: COLORS[t % COLORS.length],
          alpha: 0.35 + (0.65 * (j + 1)) / keys.length,
          points: mine.map(({ res }) => (res[when] ?? []).find((l) => layerKey(l) === k.key)?.std ?? NaN),
        }));
      });
      return out;
    };
    const init = lines('init'), after = lines('after');
    drawSweep(document.getElementById('sweep-init'), { values: job.values, lines: init, xLabel: `${job.name} (log scale) · at init` });
    drawSweep(document.getElementById('sweep-after'), { values: job.values, lines: after, xLabel: `${job.name} (log scale) · after 3 steps` });
    // The spread of each layer's std over the sweep, in decades (~0 when its line is flat); the
    // largest per tab.
    const spread = (l) => {
      const f = l.points.filter((v) => v > 0);
      return f.length > 1 ? Math.log10(Math.max(...f) / Math.min(...f)) : NaN;
    };
    const worst = (ls, t) => Math.max(...ls.filter((l) => l.tab === t).map(spread).filter(Number.isFinite));
    const perTab = job.tabs.map((name, t) => ({
      name, init: worst(init, t), after: worst(after, t),
      lines: init.filter((l) => l.tab === t).map((l) => ({ name: l.name, init: l.points, after: after.find((a) => a.name === l.name)?.points ?? [] })),
    }));
    this.published.sweep = { name: job.name, values: job.values, perTab, errors: job.results.filter((r) => r.error).length };
    document.getElementById('sweep-note').innerHTML = perTab.map((p, t) => ({ ...p, t })).filter((p) => Number.isFinite(p.init)).map((p) =>
      `<span style="color:${COLORS[p.t % COLORS.length]}">■</span> ${escapeHtml(p.name)}: a layer's std changes by up to ${fmt(p.init)} decades ` +
      `across the sweep at init, ${fmt(p.after)} after 3 steps${p.init < 0.3 ? ' (flat: it scales)' : ''}.`).join('<br>');
  }
}
