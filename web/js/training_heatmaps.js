// The training panel's layers x steps images (fastai's ActivationStats view): per variant side
// by side, the activation std or the loss-gradient norm of every layer at every probed step
// (the first step of each chunk), or the grad:data ratio of every weight at every step; and
// fastai's "colorful dimension" of one chosen layer: its output histogram at every probed step
// as a column, log1p of the counts. The numbers are the Trainer's chunks (trainer.hpp).
import { Heatmap, sharedRange } from './charts/heatmap.js';
import { escapeHtml } from './charts/depth_chart.js';
import { fmt } from './charts/canvas.js';
import { layerLabel } from './layer_label.js';


// rows x columns of one variant for `what`: 'std' | 'grad' (layers x probed steps) or 'ratio'
// (weights x steps, log10 grad:data).
export function grid(v, what) {
  if (what === 'ratio') {
    const names = [...v.ratios.keys()];
    const steps = names.length ? v.ratios.get(names[0]).grad.map((p) => p.x) : [];
    return { rows: names, columns: steps, values: names.map((n) => v.ratios.get(n).grad.map((p) => p.y)) };
  }
  const shots = v.snapshots;
  const layers = shots[0]?.layers ?? [];
  return {
    rows: layers.map(layerLabel),
    columns: shots.map((s) => s.step),
    values: layers.map((_, r) => shots.map((s) => (what === 'std' ? s.layers[r]?.std : s.layers[r]?.gradNorm) ?? NaN)),
  };
}

// The chosen layer's histograms, re-binned onto one range shared by every step and variant
// (each bin's count split in proportion to its overlap), highest values at the top.
export function colorful(variants, layer, bins = 40) {
  const hists = variants.map((v) => v.snapshots.map((s) => s.layers[layer]?.histogram).filter(Boolean));
  const all = hists.flat().filter((hg) => hg.counts.length && hg.hi > hg.lo);
  if (!all.length) return null;
  const lo = Math.min(...all.map((hg) => hg.lo)), hi = Math.max(...all.map((hg) => hg.hi));
  const width = (hi - lo) / bins;
  const columnOf = (hg) => {
    const out = new Array(bins).fill(0);
    const bw = (hg.hi - hg.lo) / hg.counts.length;
    hg.counts.forEach((n, k) => {
      const a = hg.lo + k * bw, b = a + bw;
      for (let j = Math.max(0, Math.floor((a - lo) / width)); j < bins && lo + j * width < b; ++j) {
        const overlap = Math.min(b, lo + (j + 1) * width) - Math.max(a, lo + j * width);
        if (overlap > 0) out[j] += (n * overlap) / bw;
      }
    });
    return out.reverse().map((c) => Math.log1p(c));
  };
  return { lo, hi, columns: hists.map((h) => h.map(columnOf)) };
}

function figure(container, key, title) {
  let f = container.querySelector(`[data-key="${CSS.escape(key)}"]`);
  if (!f) {
    f = document.createElement('figure');
    f.className = 'heat-card';
    f.dataset.key = key;
    f.innerHTML = '<figcaption></figcaption><div class="chart-wrap"><canvas role="img"></canvas><div class="tooltip" hidden></div></div>';
    f.chart = new Heatmap(f.querySelector('canvas'), f.querySelector('.tooltip'));
  }
  f.querySelector('figcaption').innerHTML = title;
  return f;
}

const WHAT = {
  std: { name: 'activation std', log: true },
  grad: { name: 'gradient norm', log: true },
  ratio: { name: 'log10 grad : data', log: false },
};

// variants: the panel's variant records; what: a WHAT key; layer: index into the layers.
export function renderHeatmaps(heat, colour, variants, what, layer) {
  const live = variants.filter((v) => v.snapshots.length);
  const grids = live.map((v) => grid(v, what));
  const range = sharedRange(grids.map((g) => g.values), WHAT[what].log);
  const format = what === 'ratio' ? (y) => y.toFixed(1) : fmt;
  const figs = live.map((v, k) => figure(heat, `${v.name}:${what}`, `<span style="color:${v.color}">■</span> ${escapeHtml(v.name)}`));
  heat.replaceChildren(...figs);
  figs.forEach((f, k) => {
    const g = grids[k];
    f.querySelector('canvas').setAttribute('aria-label', `${WHAT[what].name} of each ${what === 'ratio' ? 'weight' : 'layer'} (rows) at each step (columns) for ${live[k].name}`);
    f.chart.draw({ ...g, log: WHAT[what].log, range, valueName: WHAT[what].name, format });
  });
  const c = colorful(live, layer);
  if (!c) {
    colour.replaceChildren();
    return { grids, colorful: null };
  }
  let top = 0;
  for (const col of c.columns.flat()) top = Math.max(top, ...col);
  const cfigs = live.map((v, k) => figure(colour, `${v.name}:colorful`, `<span style="color:${v.color}">■</span> ${escapeHtml(v.name)}`));
  colour.replaceChildren(...cfigs);
  cfigs.forEach((f, k) => {
    const cols = c.columns[k];
    const nb = cols[0]?.length ?? 0;
    const rows = Array.from({ length: nb }, (_, i) => `${fmt(c.hi - ((i + 0.5) * (c.hi - c.lo)) / nb)}`);
    const values = rows.map((_, i) => cols.map((col) => col[i]));
    f.querySelector('canvas').setAttribute('aria-label', `histogram of the chosen layer's output at each step for ${live[k].name}`);
    f.chart.draw({ rows, columns: live[k].snapshots.map((s) => s.step), values, range: [0, Math.max(1e-9, top)], valueName: 'log1p(count)',
                   rowLabels: false, yEnds: [fmt(c.hi), fmt(c.lo)], format: (y) => y.toFixed(1) });
  });
  return { grids, colorful: c };
}

