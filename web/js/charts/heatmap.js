// A rows x columns image: layers (or weights, or value bins) down, training steps across, each
// cell coloured by its value on a viridis-like scale (log10 when asked), with the row labels
// at the left, a colour bar with its range at the right, and the cell's numbers on hover.
// Cells that cannot be shown (NaN, infinite, <= 0 on a log scale) are drawn red-hatched grey.
import { fmt, prepare } from './canvas.js';

// Viridis at six stops (dark violet -> yellow): readable in grey and by colour-blind readers.
const STOPS = [[68, 1, 84], [65, 68, 135], [42, 120, 142], [34, 168, 132], [122, 209, 81], [253, 231, 37]];

export function viridis(t) {
  const u = Math.max(0, Math.min(1, t)) * (STOPS.length - 1);
  const k = Math.min(STOPS.length - 2, Math.floor(u));
  const f = u - k;
  const c = STOPS[k].map((a, i) => Math.round(a + (STOPS[k + 1][i] - a) * f));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

export class Heatmap {
  constructor(canvas, tooltip) {
    this.canvas = canvas;
    this.tooltip = tooltip;
    this.data = null;
    canvas.addEventListener('mousemove', (e) => this.hover(e));
    canvas.addEventListener('mouseleave', () => { this.tooltip.hidden = true; });
  }

  // rows: labels (top to bottom); columns: step numbers; values[r][c]; log: colour by log10;
  // range: [lo, hi] shared by the variants drawn side by side (in the value's own units);
  // valueName for the tooltip; rowLabels: false to leave them out (bins of a histogram).
  draw({ rows, columns, values, log = false, range, valueName = 'value', format = fmt, rowLabels = true, yEnds = null }) {
    const { ctx, w, h } = prepare(this.canvas);
    const m = { left: rowLabels ? 96 : 44, right: 64, top: 6, bottom: 24 };
    const nr = rows.length, nc = Math.max(1, columns.length);
    const tr = (v) => (log ? Math.log10(v) : v);
    const ok = (v) => Number.isFinite(v) && (!log || v > 0);
    const lo = tr(range[0]), hi = tr(range[1]);
    const cw = (w - m.left - m.right) / nc, ch = (h - m.top - m.bottom) / Math.max(1, nr);
    this.data = { rows, columns, values, valueName, format, m, cw, ch };
    for (let r = 0; r < nr; ++r) {
      for (let c = 0; c < columns.length; ++c) {
        const v = values[r][c];
        ctx.fillStyle = ok(v) ? viridis(hi > lo ? (tr(v) - lo) / (hi - lo) : 0.5) : '#ccc';
        ctx.fillRect(m.left + c * cw, m.top + r * ch, cw + 0.5, ch + 0.5);
        if (!ok(v) && v !== undefined) {
          ctx.strokeStyle = '#b00020';
          ctx.beginPath();
          ctx.moveTo(m.left + c * cw, m.top + (r + 1) * ch);
          ctx.lineTo(m.left + (c + 1) * cw, m.top + r * ch);
          ctx.stroke();
        }
      }
    }
    ctx.font = '10px system-ui, sans-serif';
    ctx.fillStyle = '#333';
    if (rowLabels) {
      ctx.textAlign = 'right';
      const every = Math.max(1, Math.ceil(12 / ch));
      for (let r = 0; r < nr; r += every) ctx.fillText(rows[r].slice(0, 15), m.left - 4, m.top + (r + 0.5) * ch + 3);
    } else if (yEnds) {
      ctx.textAlign = 'right';
      ctx.fillText(yEnds[0], m.left - 4, m.top + 8);
      ctx.fillText(yEnds[1], m.left - 4, h - m.bottom);
    }
    ctx.textAlign = 'center';
    const every = Math.max(1, Math.ceil(columns.length / Math.max(1, Math.floor((w - m.left - m.right) / 36))));
    for (let c = 0; c < columns.length; c += every) ctx.fillText(String(columns[c]), m.left + (c + 0.5) * cw, h - m.bottom + 12);
    ctx.fillText('step', m.left + (w - m.left - m.right) / 2, h - 2);
    // The colour bar and its ends.
    const bx = w - m.right + 8, bh = h - m.top - m.bottom;
    for (let k = 0; k < bh; ++k) {
      ctx.fillStyle = viridis(1 - k / bh);
      ctx.fillRect(bx, m.top + k, 8, 1.5);
    }
    ctx.fillStyle = '#333';
    ctx.textAlign = 'left';
    ctx.fillText(format(range[1]), bx + 11, m.top + 8, m.right - 20);
    ctx.fillText(format(range[0]), bx + 11, h - m.bottom, m.right - 20);
  }

  hover(e) {
    if (!this.data) return;
    const { rows, columns, values, valueName, format, m, cw, ch } = this.data;
    const rect = this.canvas.getBoundingClientRect();
    const c = Math.floor((e.clientX - rect.left - m.left) / cw), r = Math.floor((e.clientY - rect.top - m.top) / ch);
    if (r < 0 || r >= rows.length || c < 0 || c >= columns.length) {
      this.tooltip.hidden = true;
      return;
    }
    this.tooltip.textContent = `${rows[r]} · step ${columns[c]}: ${valueName} ${format(values[r][c])}`;
    this.tooltip.hidden = false;
    this.tooltip.style.left = `${Math.min(e.clientX - rect.left + 12, rect.width - 220)}px`;
    this.tooltip.style.top = `${e.clientY - rect.top + 12}px`;
  }
}

// The finite (and, on a log scale, positive) extent of several variants' values together.
export function sharedRange(grids, log) {
  let lo = Infinity, hi = -Infinity;
  for (const g of grids) for (const row of g) for (const v of row) {
    if (!Number.isFinite(v) || (log && v <= 0)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!(hi >= lo)) return log ? [1e-3, 1] : [0, 1];
  if (hi === lo) return log ? [lo / 2, hi * 2] : [lo - 0.5, hi + 0.5];
  return [lo, hi];
}
