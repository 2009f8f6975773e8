// The input-output Jacobian's singular values (Pennington et al. 2017), computed on demand:
// a histogram of log10 s per run (the weights as drawn, or redrawn Gaussian or orthogonal at
// the same sigma_w^2), values below the float32 noise floor greyed, and a table of mean s^2
// beside the theory's, largest, smallest and the condition number. The numbers are the
// report's (report.jacobian, core/include/initlab/theory_jacobian.hpp).
import { COLORS, fmt, prepare } from './charts/canvas.js';
import { escapeHtml } from './charts/depth_chart.js';

const BINS = 40;

// results: [{ label, jacobian }] with jacobian computed (not skipped).
export function drawJacobian(canvas, results) {
  const { ctx, w, h } = prepare(canvas);
  const m = { left: 44, right: 12, top: 10, bottom: 32 };
  const logs = results.map((r) => Array.from(r.jacobian.singularValues).filter((s) => s > 0).map(Math.log10));
  const floor = Math.min(...results.map((r) => r.jacobian.noiseFloor).filter((v) => v > 0));
  const all = logs.flat();
  if (!all.length) return null;
  // The range: every value above the noise floor (a decade below it, to show the pile-up there).
  const lo = Math.floor(Math.max(Math.min(...all), Math.log10(floor) - 1)), hi = Math.ceil(Math.max(...all) + 1e-9);
  const width = (hi - lo) / BINS;
  const counts = logs.map((l) => {
    const c = new Array(BINS).fill(0);
    for (const v of l) c[Math.max(0, Math.min(BINS - 1, Math.floor((v - lo) / width)))] += 1;
    return c.map((n) => n / Math.max(1, l.length));
  });
  const top = Math.max(...counts.flat(), 1e-9);
  const X = (v) => m.left + ((v - lo) / (hi - lo)) * (w - m.left - m.right);
  const Y = (f) => h - m.bottom - (f / top) * (h - m.top - m.bottom);
  if (Number.isFinite(floor)) {
    ctx.fillStyle = 'rgba(0, 0, 0, 0.06)';
    ctx.fillRect(m.left, m.top, X(Math.log10(floor)) - m.left, h - m.top - m.bottom);
  }
  ctx.strokeStyle = '#999';
  ctx.beginPath();
  ctx.moveTo(X(0), m.top);
  ctx.lineTo(X(0), h - m.bottom);
  ctx.stroke();
  counts.forEach((c, k) => {
    ctx.strokeStyle = COLORS[k % COLORS.length];
    ctx.fillStyle = `${COLORS[k % COLORS.length]}33`;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(X(lo), Y(0));
    c.forEach((f, b) => {
      ctx.lineTo(X(lo + b * width), Y(f));
      ctx.lineTo(X(lo + (b + 1) * width), Y(f));
    });
    ctx.lineTo(X(hi), Y(0));
    ctx.fill();
    ctx.stroke();
  });
  ctx.fillStyle = '#333';
  ctx.font = '11px system-ui, sans-serif';
  ctx.textAlign = 'center';
  for (let d = lo; d <= hi; d += Math.max(1, Math.ceil((hi - lo) / 8))) ctx.fillText(`1e${d}`, X(d), h - m.bottom + 14);
  ctx.fillText('singular value s (log; 1 = isometry; grey: below float32 rounding)', (m.left + w - m.right) / 2, h - 4);
  return { lo, hi, counts };
}

// The table under the histogram (HTML).
export function jacobianTable(results) {
  const head = '<tr><th scope="col">weights</th><th scope="col">mean s²</th><th scope="col">theory</th><th scope="col">largest</th>' +
    '<th scope="col">median</th><th scope="col">smallest above noise</th><th scope="col">condition (above noise)</th></tr>';
  const rows = results.map((r, k) => {
    const j = r.jacobian;
    if (j.skipped) return `<tr><th scope="row">${escapeHtml(r.label)}</th><td colspan="6" style="text-align:left">${escapeHtml(j.skipped)}</td></tr>`;
    const above = Array.from(j.singularValues).filter((s) => s > j.noiseFloor);
    const median = j.singularValues[Math.floor(j.singularValues.length / 2)];
    const small = above.length ? above[above.length - 1] : NaN;
    return `<tr><th scope="row"><span style="color:${COLORS[k % COLORS.length]}">■</span> ${escapeHtml(r.label)}</th><td>${fmt(j.meanS2)}</td>` +
      `<td>${Number.isFinite(j.theoryMeanS2) ? fmt(j.theoryMeanS2) : '–'}</td><td>${fmt(j.largest)}</td><td>${fmt(median)}</td>` +
      `<td>${fmt(small)}</td><td>${fmt(j.largest / small)}</td></tr>`;
  });
  return `<thead>${head}</thead><tbody>${rows.join('')}</tbody>`;
}
