// The chi1 phase diagram (Poole et al. 2016; Schoenholz et al. 2017): chi1 over
// (sigma_w^2, sigma_b^2) for the model's nonlinearity as a heatmap, blue where it is below 1
// (ordered: nearby inputs merge, gradients vanish), orange above (chaotic: they fly apart,
// gradients explode), white at the edge of chaos, which is also traced as a line; the model's
// affine layers as dots at their drawn (sigma_w^2, sigma_b^2). The grid comes from the worker
// (lab.phaseDiagram); nothing here computes theory.
import { COLORS, fmt, prepare } from './canvas.js';

// log2(chi1) in [-2, 2] -> blue .. white .. orange.
function colour(chi1) {
  const t = Math.max(-1, Math.min(1, Math.log2(Math.max(chi1, 1e-12)) / 2));
  const [r, g, b] = t < 0 ? [11, 99, 197] : [213, 94, 0];
  const a = Math.abs(t);
  const mix = (c) => Math.round(255 + (c - 255) * a);
  return `rgb(${mix(r)}, ${mix(g)}, ${mix(b)})`;
}

// Axis numbers: three significant digits, no trailing zeros.
const short = (v) => String(Number(v.toPrecision(3)));

// Text on a white box, readable over any colour of the map.
function label(ctx, text, x, y, align, colour) {
  const wd = ctx.measureText(text).width;
  const x0 = align === 'right' ? x - wd : x;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
  ctx.fillRect(x0 - 3, y - 11, wd + 6, 15);
  ctx.fillStyle = colour;
  ctx.textAlign = align;
  ctx.fillText(text, x, y);
}

export class PhaseChart {
  constructor(canvas, tooltip) {
    this.canvas = canvas;
    this.tooltip = tooltip;
    this.placed = [];  // the dots where they were drawn, for hovering
    canvas.addEventListener('mousemove', (e) => this.hover(e));
    canvas.addEventListener('mouseleave', () => { this.tooltip.hidden = true; });
  }

  // grid: { w2, b2, chi1 } (chi1 row-major, a row per b2); dots: [{ w2, b2, chi1, label, variant }].
  draw({ grid, dots, nonlinearity }) {
    const { ctx, w, h } = prepare(this.canvas);
    const m = { left: 56, right: 16, top: 10, bottom: 40 };
    const nw = grid.w2.length, nb = grid.b2.length;
    const dw = grid.w2[1] - grid.w2[0];
    const w2Max = grid.w2[nw - 1], b2Max = grid.b2[nb - 1];
    const pw = w - m.left - m.right, ph = h - m.top - m.bottom;
    const X = (v) => m.left + (v / w2Max) * pw;
    const Y = (v) => h - m.bottom - (v / b2Max) * ph;
    // Column j covers (w2[j] - dw, w2[j]]; row i is centred on b2[i] (clipped at the frame).
    const cw = pw / nw, chh = ph / (nb - 1);
    for (let i = 0; i < nb; ++i) {
      for (let j = 0; j < nw; ++j) {
        ctx.fillStyle = colour(grid.chi1[i * nw + j]);
        const x0 = X(grid.w2[j] - dw), y0 = Y(grid.b2[i]) - chh / 2;
        ctx.fillRect(x0, Math.max(m.top, y0), cw + 0.5, Math.min(chh + 0.5, h - m.bottom - Math.max(m.top, y0)));
      }
    }
    this.contour(ctx, grid, X, Y);

    // Axes and the two phases' names.
    ctx.strokeStyle = '#888';
    ctx.lineWidth = 1;
    ctx.strokeRect(m.left, m.top, pw, ph);
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillStyle = '#333';
    ctx.textAlign = 'center';
    for (let k = 0; k <= 4; ++k) {
      const v = (w2Max * k) / 4;
      ctx.fillText(short(v), X(v), h - m.bottom + 14);
    }
    ctx.fillText('σ_w² = fan_in · E[W²]', m.left + pw / 2, h - 6);
    ctx.textAlign = 'right';
    for (let k = 0; k <= 2; ++k) {
      const v = (b2Max * k) / 2;
      ctx.fillText(short(v), m.left - 4, Y(v) + 4);
    }
    ctx.save();
    ctx.translate(14, m.top + ph / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textAlign = 'center';
    ctx.fillText('σ_b² = E[b²]', 0, 0);
    ctx.restore();
    ctx.font = 'bold 12px system-ui, sans-serif';
    label(ctx, 'ordered  χ₁ < 1', m.left + 6, m.top + 16, 'left', '#0b4f9c');
    label(ctx, 'chaotic  χ₁ > 1', m.left + pw - 6, m.top + 16, 'right', '#9a4400');
    ctx.font = '11px system-ui, sans-serif';
    label(ctx, nonlinearity || 'no activation', m.left + pw - 6, m.top + 32, 'right', '#333');

    // The layers: a dot each, clamped to the frame (with a ring) when beyond the grid.
    this.placed = [];
    for (const d of dots) {
      const out = d.w2 > w2Max || d.b2 > b2Max;
      const px = X(Math.min(d.w2, w2Max)), py = Y(Math.min(d.b2, b2Max));
      ctx.fillStyle = COLORS[d.variant % COLORS.length];
      ctx.strokeStyle = '#fff';
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.arc(px, py, 4.5, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
      if (out) {
        ctx.strokeStyle = COLORS[d.variant % COLORS.length];
        ctx.beginPath();
        ctx.arc(px, py, 8, 0, 2 * Math.PI);
        ctx.stroke();
      }
      this.placed.push({ ...d, px, py, out });
    }
  }

  // The chi1 = 1 line by marching squares over the grid's cell centres (in log chi1, where the
  // level is 0 and the interpolation is closer to linear).
  contour(ctx, grid, X, Y) {
    const nw = grid.w2.length, nb = grid.b2.length;
    const v = (i, j) => Math.log(Math.max(grid.chi1[i * nw + j], 1e-300));
    const at = (i0, j0, i1, j1) => {
      const a = v(i0, j0), b = v(i1, j1), t = a / (a - b);
      return [X(grid.w2[j0] + t * (grid.w2[j1] - grid.w2[j0])), Y(grid.b2[i0] + t * (grid.b2[i1] - grid.b2[i0]))];
    };
    ctx.strokeStyle = '#222';
    ctx.lineWidth = 2;
    ctx.beginPath();
    for (let i = 0; i + 1 < nb; ++i) {
      for (let j = 0; j + 1 < nw; ++j) {
        const corners = [[i, j], [i, j + 1], [i + 1, j + 1], [i + 1, j]];
        const points = [];
        for (let k = 0; k < 4; ++k) {
          const [a0, b0] = corners[k], [a1, b1] = corners[(k + 1) % 4];
          if ((v(a0, b0) < 0) !== (v(a1, b1) < 0)) points.push(at(a0, b0, a1, b1));
        }
        for (let k = 0; k + 1 < points.length; k += 2) {
          ctx.moveTo(...points[k]);
          ctx.lineTo(...points[k + 1]);
        }
      }
    }
    ctx.stroke();
  }

  hover(e) {
    const rect = this.canvas.getBoundingClientRect();
    const mx = e.clientX - rect.left, my = e.clientY - rect.top;
    let best = null;
    for (const d of this.placed) {
      const r = Math.hypot(d.px - mx, d.py - my);
      if (r < 9 && (!best || r < best.r)) best = { d, r };
    }
    if (!best) {
      this.tooltip.hidden = true;
      return;
    }
    const d = best.d;
    this.tooltip.textContent = `${d.label}: σ_w² ${fmt(d.w2)}, σ_b² ${fmt(d.b2)}, χ₁ ${fmt(d.chi1)}${d.out ? ' (beyond the grid)' : ''}`;
    this.tooltip.hidden = false;
    this.tooltip.style.left = `${Math.min(mx + 12, rect.width - 220)}px`;
    this.tooltip.style.top = `${my + 12}px`;
  }
}
