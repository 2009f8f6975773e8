// Shared by the charts: a canvas sized to its CSS box at the screen's pixel ratio, the variant
// colours (Okabe-Ito, distinguishable with common colour blindness), and number formatting.
export const COLORS = ['#0b63c5', '#d55e00', '#009e73', '#cc79a7'];

// width/height: the CSS size when the caller has already read it (reading it per canvas after
// DOM writes would force a layout each time).
export function prepare(canvas, width = canvas.clientWidth, height = canvas.clientHeight) {
  const ratio = window.devicePixelRatio || 1;
  const w = width, h = height;
  if (canvas.width !== Math.round(w * ratio) || canvas.height !== Math.round(h * ratio)) {
    canvas.width = Math.round(w * ratio);
    canvas.height = Math.round(h * ratio);
  }
  const ctx = canvas.getContext('2d');
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, w, h);
  return { ctx, w, h };
}

export function fmt(x) {
  if (x === null || x === undefined || Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-3 || a >= 1e4)) return x.toExponential(2);
  return x.toFixed(a < 1 ? 4 : a < 100 ? 3 : 1);
}

export function pct(x) {
  return Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : '–';
}
