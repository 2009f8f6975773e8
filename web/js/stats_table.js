// The statistics table: every probed module and op of the active variant's forward pass, with
// the mean-field theory's predicted std and measured / predicted ('–' where it has no rule).
import { fmt, pct } from './charts/canvas.js';

export function renderTable(table, records) {
  const head = '<thead><tr><th scope="col">#</th><th scope="col">layer</th><th scope="col">type</th><th scope="col">shape</th>' +
    '<th scope="col">mean</th><th scope="col">std</th><th scope="col">min</th><th scope="col">max</th>' +
    '<th scope="col">zeros</th><th scope="col">saturated</th><th scope="col">NaN/Inf</th>' +
    '<th scope="col">predicted std</th><th scope="col">ratio</th></tr></thead>';
  const rows = records.map((r, i) => {
    const s = r.output;
    const cells = [i + 1, r.label, r.detail, s.shape.join('×'), fmt(s.mean), fmt(s.std), fmt(s.min), fmt(s.max),
      pct(s.zeros), pct(s.saturated), `${s.nanCount}/${s.infCount}`];
    const ratio = s.std / r.predicted;
    const off = Number.isFinite(ratio) && Math.abs(ratio - 1) > 0.25;
    cells.push(Number.isFinite(r.predicted) ? fmt(r.predicted) : '–', Number.isFinite(ratio) ? `${fmt(ratio)}${off ? ' !' : ''}` : '–');
    const bad = s.nanCount + s.infCount > 0 || s.std > 1e3 || s.std < 1e-3;
    return `<tr class="${bad ? 'alarm' : off ? 'off' : ''}">${cells.map((c, k) => (k === 1 ? `<th scope="row">${escape(c)}</th>` : `<td>${escape(c)}</td>`)).join('')}</tr>`;
  });
  table.innerHTML = `${head}<tbody>${rows.join('')}</tbody>`;
}

function escape(s) {
  return String(s).replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);
}
