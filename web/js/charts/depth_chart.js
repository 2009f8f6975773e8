// The vanishing/exploding picture: std (and optionally mean) of every module's and op's output
// against its position in the forward pass, one line per variant, linear or log scale. On the
// log scale the bands below 1e-3 and above 1e3 are shaded: a curve entering them is the
// problem the banner names. A series may carry the mean-field theory's prediction (`theory`,
// one value per point, NaN where the theory stopped): drawn dashed in the series' colour.
import { COLORS, fmt, prepare } from './canvas.js';

export class DepthChart {
  constructor(canvas, tooltip) {
    this.canvas = canvas;
    this.tooltip = tooltip;
    this.data = null;
    canvas.addEventListener('mousemove', (e) => this.hover(e));
    canvas.addEventListener('mouseleave', () => { this.tooltip.hidden = true; });
  }

  // series: [{ name, points: [{ label, std, mean }], color?, theory? }]; the value drawn is `std`
  // (named valueName in the tooltip), with the mean dotted when asked.
  draw({ series, log, mean, yLabel = 'std of output', valueName = 'std' }) {
    this.data = { series, log, mean, valueName };
    const { ctx, w, h } = prepare(this.canvas);
    const m = { left: 58, right: 12, top: 12, bottom: 78 };
    const n = Math.max(1, ...series.map((s) => s.points.length));
    const values = [];
    for (const s of series) {
      for (const p of s.points) {
        values.push(p.std);
        if (mean) values.push(log ? Math.abs(p.mean) : p.mean);
      }
      for (const v of s.theory ?? []) values.push(v);
    }
    const finite = values.filter((v) => Number.isFinite(v) && (!log || v > 0));
    let lo, hi;
    if (log) {
      lo = Math.floor(Math.log10(Math.min(1e-1, ...finite)));
      hi = Math.ceil(Math.log10(Math.max(1e1, ...finite)));
      lo = Math.max(lo, -12);
      hi = Math.min(hi, 12);
    } else {
      lo = Math.min(0, ...finite);
      hi = Math.max(1e-12, ...finite) * 1.08;
    }
    const x = (i) => m.left + (n === 1 ? (w - m.left - m.right) / 2 : (i * (w - m.left - m.right)) / (n - 1));
    const yOf = (v) => {
      const t = log ? (Math.log10(v) - lo) / (hi - lo) : (v - lo) / (hi - lo);
      return h - m.bottom - Math.max(-0.02, Math.min(1.02, t)) * (h - m.top - m.bottom);
    };
    this.geometry = { x, n, m };

    ctx.font = '11px system-ui, sans-serif';
    ctx.fillStyle = '#333';
    ctx.strokeStyle = '#ddd';
    ctx.lineWidth = 1;
    if (log) {
      ctx.fillStyle = 'rgba(11, 99, 197, 0.08)';
      if (lo < -3) ctx.fillRect(m.left, yOf(1e-3), w - m.left - m.right, yOf(10 ** lo) - yOf(1e-3));
      ctx.fillStyle = 'rgba(213, 94, 0, 0.08)';
      if (hi > 3) ctx.fillRect(m.left, yOf(10 ** hi), w - m.left - m.right, yOf(1e3) - yOf(10 ** hi));
      const step = Math.max(1, Math.ceil((hi - lo) / 8));
      for (let d = lo; d <= hi; d += step) this.gridLine(ctx, m, w, yOf(10 ** d), `1e${d}`);
    } else {
      for (let k = 0; k <= 5; ++k) {
        const v = lo + ((hi - lo) * k) / 5;
        this.gridLine(ctx, m, w, yOf(v), fmt(v));
      }
    }
    // x labels: every point's name while they fit, else every k-th.
    const labels = series[0]?.points ?? [];
    const every = Math.max(1, Math.ceil(labels.length / Math.max(1, Math.floor((w - m.left) / 14))));
    ctx.fillStyle = '#333';
    for (let i = 0; i < labels.length; i += every) {
      ctx.save();
      ctx.translate(x(i), h - m.bottom + 6);
      ctx.rotate(-Math.PI / 4);
      ctx.textAlign = 'right';
      ctx.fillText(labels[i].label.slice(0, 14), 0, 8);
      ctx.restore();
    }
    ctx.save();
    ctx.translate(12, (m.top + h - m.bottom) / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textAlign = 'center';
    ctx.fillText(log ? `${yLabel} (log)` : yLabel, 0, 0);
    ctx.restore();

    series.forEach((s, k) => {
      const color = s.color ?? COLORS[k % COLORS.length];
      this.line(ctx, s.points.map((p) => p.std), x, yOf, log, color, []);
      if (mean) this.line(ctx, s.points.map((p) => (log ? Math.abs(p.mean) : p.mean)), x, yOf, log, color, [1, 3]);
      if (s.theory) this.theoryLine(ctx, s.theory, x, yOf, log, color);
    });
  }

  gridLine(ctx, m, w, y, text) {
    ctx.strokeStyle = '#e2e2e2';
    ctx.beginPath();
    ctx.moveTo(m.left, y);
    ctx.lineTo(w - m.right, y);
    ctx.stroke();
    ctx.fillStyle = '#333';
    ctx.textAlign = 'right';
    ctx.fillText(text, m.left - 4, y + 4);
  }

  // A polyline; values that cannot be drawn (0 or NaN on a log axis, NaN, Inf) break it and get
  // a red marker at the edge, so a vanished or overflowed layer is visible, not omitted.
  line(ctx, values, x, yOf, log, color, dash) {
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    ctx.lineWidth = 2;
    ctx.setLineDash(dash);
    ctx.beginPath();
    let pen = false;
    values.forEach((v, i) => {
      const ok = Number.isFinite(v) && (!log || v > 0);
      if (!ok) {
        pen = false;
        return;
      }
      const px = x(i), py = yOf(v);
      if (pen) ctx.lineTo(px, py);
      else ctx.moveTo(px, py);
      pen = true;
    });
    ctx.stroke();
    ctx.setLineDash([]);
    values.forEach((v, i) => {
      const ok = Number.isFinite(v) && (!log || v > 0);
      ctx.fillStyle = ok ? color : '#b00020';
      const py = ok ? yOf(v) : Number.isNaN(v) || v === Infinity ? yOf(log ? 1e300 : Number.MAX_VALUE) : yOf(log ? 1e-300 : 0);
      ctx.beginPath();
      ctx.arc(x(i), py, ok ? 2.5 : 4, 0, 2 * Math.PI);
      ctx.fill();
    });
  }

  // The prediction: dashed, thinner, hollow markers; a gap (no marker) where it stopped.
  theoryLine(ctx, values, x, yOf, log, color) {
    ctx.save();
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.5;
    ctx.globalAlpha = 0.8;
    ctx.setLineDash([6, 4]);
    ctx.beginPath();
    let pen = false;
    const ok = (v) => Number.isFinite(v) && (!log || v > 0);
    values.forEach((v, i) => {
      if (!ok(v)) {
        pen = false;
        return;
      }
      if (pen) ctx.lineTo(x(i), yOf(v));
      else ctx.moveTo(x(i), yOf(v));
      pen = true;
    });
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = '#fff';
    values.forEach((v, i) => {
      if (!ok(v)) return;
      ctx.beginPath();
      ctx.arc(x(i), yOf(v), 2.5, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
    });
    ctx.restore();
  }

  hover(e) {
    if (!this.data || !this.geometry) return;
    const rect = this.canvas.getBoundingClientRect();
    const { x, n } = this.geometry;
    let best = 0;
    for (let i = 1; i < n; ++i) if (Math.abs(x(i) - (e.clientX - rect.left)) < Math.abs(x(best) - (e.clientX - rect.left))) best = i;
    const rows = this.data.series
      .filter((s) => s.points[best])
      .map((s, k) => `<span style="color:${s.color ?? COLORS[k % COLORS.length]}">■</span> ${escapeHtml(s.name)}: ${this.data.valueName} ${fmt(s.points[best].std)}${this.data.mean ? `, mean ${fmt(s.points[best].mean)}` : ''}${s.theory ? `, theory ${Number.isFinite(s.theory[best]) ? fmt(s.theory[best]) : '(no rule here)'}` : ''}`);
    const first = this.data.series[0]?.points[best];
    this.tooltip.innerHTML = `<strong>${escapeHtml(first?.label ?? '')}</strong> ${escapeHtml(first?.detail ?? '')}<br>${rows.join('<br>')}`;
    this.tooltip.hidden = false;
    this.tooltip.style.left = `${Math.min(e.clientX - rect.left + 12, rect.width - 220)}px`;
    this.tooltip.style.top = `${e.clientY - rect.top + 12}px`;
  }
}

export function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}
