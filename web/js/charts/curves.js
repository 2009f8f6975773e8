// Training curves: values against the training step, one colour per variant, so "bad init
// converges slowly or never" is one picture. Linear or log y; a value that cannot be drawn
// (NaN, Inf, or <= 0 on a log axis) breaks the line and gets a red mark at the top edge, so a
// diverged run shows where it diverged instead of vanishing from the chart.
import { fmt, prepare } from './canvas.js';
import { escapeHtml } from './depth_chart.js';

export class CurveChart {
  constructor(canvas, tooltip) {
    this.canvas = canvas;
    this.tooltip = tooltip;
    this.data = null;
    canvas.addEventListener('mousemove', (e) => this.hover(e));
    canvas.addEventListener('mouseleave', () => { this.tooltip.hidden = true; });
  }

  // series: [{ name, color, points: [{ x, y }], width?, alpha?, dash? }]; guides: horizontal
  // dashed lines [{ y, label }]; format(y) for axis and tooltip.
  draw({ series, xMax, log = false, yLabel, yMin, yMax, guides = [], format = fmt }) {
    this.data = { series, format };
    const { ctx, w, h } = prepare(this.canvas);
    const m = { left: 58, right: 12, top: 10, bottom: 34 };
    const drawable = (v) => Number.isFinite(v) && (!log || v > 0);
    const ys = series.flatMap((s) => s.points.map((p) => p.y)).filter(drawable);
    let lo = yMin ?? (ys.length ? Math.min(...ys) : 0);
    let hi = yMax ?? (ys.length ? Math.max(...ys) : 1);
    if (log) {
      lo = Math.max(-12, Math.floor(Math.log10(lo > 0 ? lo : 1e-3)));
      hi = Math.min(12, Math.ceil(Math.log10(hi > 0 ? hi : 1)));
      if (hi <= lo) hi = lo + 1;
    } else if (hi <= lo) {
      hi = lo + 1;
    }
    const xEnd = Math.max(1, xMax);
    const x = (v) => m.left + (v / xEnd) * (w - m.left - m.right);
    const y = (v) => {
      const t = log ? (Math.log10(v) - lo) / (hi - lo) : (v - lo) / (hi - lo);
      return h - m.bottom - Math.max(-0.02, Math.min(1.02, t)) * (h - m.top - m.bottom);
    };
    this.geometry = { x, xEnd, m, w };

    ctx.font = '11px system-ui, sans-serif';
    ctx.lineWidth = 1;
    const ticks = log ? range(lo, hi, Math.max(1, Math.ceil((hi - lo) / 6))).map((d) => 10 ** d)
      : range(0, 5, 1).map((k) => lo + ((hi - lo) * k) / 5);
    for (const v of ticks) {
      ctx.strokeStyle = '#e2e2e2';
      ctx.beginPath();
      ctx.moveTo(m.left, y(v));
      ctx.lineTo(w - m.right, y(v));
      ctx.stroke();
      ctx.fillStyle = '#333';
      ctx.textAlign = 'right';
      ctx.fillText(log ? `1e${Math.round(Math.log10(v))}` : format(v), m.left - 4, y(v) + 4);
    }
    ctx.textAlign = 'center';
    for (const v of niceSteps(xEnd)) ctx.fillText(String(v), x(v), h - m.bottom + 14);
    ctx.fillText('training step', (m.left + w - m.right) / 2, h - 4);
    ctx.save();
    ctx.translate(12, (m.top + h - m.bottom) / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.fillText(log ? `${yLabel} (log)` : yLabel, 0, 0);
    ctx.restore();

    for (const g of guides) {
      ctx.strokeStyle = '#767676';
      ctx.setLineDash([5, 4]);
      ctx.beginPath();
      ctx.moveTo(m.left, y(g.y));
      ctx.lineTo(w - m.right, y(g.y));
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = '#555';
      ctx.textAlign = 'right';
      ctx.fillText(g.label, w - m.right - 2, y(g.y) - 4);
    }

    for (const s of series) {
      ctx.globalAlpha = s.alpha ?? 1;
      ctx.strokeStyle = s.color;
      ctx.lineWidth = s.width ?? 2;
      ctx.setLineDash(s.dash ?? []);
      ctx.beginPath();
      let pen = false;
      for (const p of s.points) {
        if (!drawable(p.y)) {
          pen = false;
          continue;
        }
        if (pen) ctx.lineTo(x(p.x), y(p.y));
        else ctx.moveTo(x(p.x), y(p.y));
        pen = true;
      }
      ctx.stroke();
      ctx.setLineDash([]);
      // A value with no drawable neighbour has no line to show it: a dot.
      ctx.fillStyle = s.color;
      s.points.forEach((p, k) => {
        if (!drawable(p.y) || drawable(s.points[k - 1]?.y) || drawable(s.points[k + 1]?.y)) return;
        ctx.beginPath();
        ctx.arc(x(p.x), y(p.y), 2.5, 0, 2 * Math.PI);
        ctx.fill();
      });
      ctx.globalAlpha = 1;
      // The first value that cannot be drawn: a mark in the series' colour, ringed in red and
      // labelled, at the top edge where the line broke off.
      const bad = s.points.find((p) => !drawable(p.y));
      if (bad && !s.quiet) {
        ctx.fillStyle = s.color;
        ctx.strokeStyle = '#b00020';
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.arc(x(bad.x), m.top + 5, 4, 0, 2 * Math.PI);
        ctx.fill();
        ctx.stroke();
        ctx.fillStyle = '#b00020';
        ctx.textAlign = 'left';
        ctx.fillText(Number.isNaN(bad.y) ? 'NaN' : String(bad.y), x(bad.x) + 7, m.top + 9);
      }
    }
  }

  hover(e) {
    if (!this.data || !this.geometry) return;
    const rect = this.canvas.getBoundingClientRect();
    const { m, w, xEnd } = this.geometry;
    const step = ((e.clientX - rect.left - m.left) / (w - m.left - m.right)) * xEnd;
    const rows = [];
    for (const s of this.data.series) {
      if (s.quiet || s.points.length === 0) continue;
      let best = s.points[0];
      for (const p of s.points) if (Math.abs(p.x - step) < Math.abs(best.x - step)) best = p;
      rows.push(`<span style="color:${s.color}">■</span> ${escapeHtml(s.name)}: ${this.data.format(best.y)} at step ${best.x}`);
    }
    if (rows.length === 0) return;
    this.tooltip.innerHTML = rows.join('<br>');
    this.tooltip.hidden = false;
    this.tooltip.style.left = `${Math.min(e.clientX - rect.left + 12, rect.width - 240)}px`;
    this.tooltip.style.top = `${e.clientY - rect.top + 12}px`;
  }
}

function range(from, to, step) {
  const out = [];
  for (let v = from; v <= to; v += step) out.push(v);
  return out;
}

// Round tick positions on the step axis: 0 and multiples of 1, 2 or 5 times a power of ten.
function niceSteps(end) {
  const raw = end / 6;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((k) => k * p).find((s) => s >= raw);
  return range(0, end, step);
}
