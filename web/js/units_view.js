// The map of dead and saturated units (Karpathy's makemore notebooks): one strip per
// activation of the active variant, a cell per unit coloured by the share of the batch on
// which it is off (ReLU family: y <= 0) or saturated (|tanh| > 0.97, sigmoid < 0.03 or > 0.97).
// Light: the unit works on most inputs; dark: rarely; red: never (dead, or saturated on every
// input, which passes no gradient either). The fractions are the report's (report.layers[i].units).
import { prepare } from './charts/canvas.js';
import { escapeHtml } from './charts/depth_chart.js';

// The badness of a unit: the share of its values on which it passes no gradient.
const off = (kind, f) => (kind === 'active' ? 1 - f : f);

function shade(bad) {
  if (bad >= 1) return '#b00020';
  const v = Math.round(245 - 200 * bad);
  return `rgb(${v}, ${v}, ${v})`;
}

// rows: the report's layers with a unit map, labelled as the charts label them.
export function unitRows(report, label) {
  return report.layers.map((l, i) => ({ l, i })).filter(({ l }) => l.units).map(({ l, i }) => ({ index: i, title: label(l), units: l.units }));
}

export function renderUnits(container, rows) {
  container.replaceChildren(...rows.map((r) => {
    const u = r.units;
    const row = document.createElement('div');
    row.className = 'unit-row';
    const what = u.kind === 'active' ? 'dead (active on no input)' : 'saturated on every input';
    const mean = u.fraction.reduce((a, f) => a + off(u.kind, f), 0) / Math.max(1, u.fraction.length);
    const shown = u.fraction.length < u.units ? ` (first ${u.fraction.length} drawn)` : '';
    row.innerHTML = `<div class="unit-label"><span class="t">${escapeHtml(r.title)}</span> <span class="${u.dead ? 'alarm' : 's'}">` +
      `${u.dead} of ${u.units} units ${what}</span> <span class="s">· ${u.kind === 'active' ? 'off' : 'saturated'} on ` +
      `${(100 * mean).toFixed(1)}% of values on average${shown}</span></div><canvas role="img"></canvas>`;
    row.querySelector('canvas').setAttribute('aria-label', `${r.title}: ${u.dead} of ${u.units} units ${what}`);
    return row;
  }));
  const sized = [...container.querySelectorAll('canvas')].map((c, k) => ({ c, u: rows[k].units, w: c.clientWidth, h: c.clientHeight }));
  for (const { c, u, w, h } of sized) {
    const { ctx } = prepare(c, w, h);
    const n = u.fraction.length;
    const cell = w / Math.max(1, n);
    for (let k = 0; k < n; ++k) {
      ctx.fillStyle = shade(off(u.kind, u.fraction[k]));
      ctx.fillRect(k * cell, 0, Math.max(cell, 1), h);
    }
  }
}
