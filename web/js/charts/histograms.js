// Histograms as small multiples, in network order: one card per layer output or parameter,
// every variant's histogram overlaid as a density (count / (sampled * bin width)) on a shared x
// range, plus an optional theoretical density curve or constant marker. The fractions that
// matter are written under each chart: zeros (dead ReLUs), saturated (tanh/sigmoid), outliers.
import { COLORS, fmt, pct, prepare } from './canvas.js';
import { escapeHtml } from './depth_chart.js';

// items: [{ key, title, subtitle, entries: [{ stats }], density: x -> y | null, constant: number | null,
//           notes: [{ text, alarm }] }]
export function renderHistograms(container, items) {
  // Reuse cards by key so a slider drag only repaints.
  const old = new Map([...container.children].map((c) => [c.dataset.key, c]));
  const cards = items.map((item) => {
    let card = old.get(item.key);
    if (!card) {
      card = document.createElement('figure');
      card.className = 'hist-card';
      card.dataset.key = item.key;
      card.innerHTML = '<figcaption><span class="t"></span><span class="s"></span></figcaption><canvas role="img"></canvas><p class="notes"></p>';
    }
    old.delete(item.key);
    card.querySelector('.t').textContent = item.title;
    card.querySelector('.s').textContent = item.subtitle ?? '';
    const notes = card.querySelector('.notes');
    notes.innerHTML = item.notes.map((n) => `<span class="${n.alarm ? 'alarm' : ''}">${escapeHtml(n.text)}</span>`).join(' ');
    card.classList.toggle('alarm', item.notes.some((n) => n.alarm));
    card.querySelector('canvas').setAttribute('aria-label', `histogram of ${item.title}: ${item.notes.map((n) => n.text).join(', ')}`);
    return { card, item };
  });
  if (cards.length !== container.children.length || cards.some((c, i) => container.children[i] !== c.card)) {
    container.replaceChildren(...cards.map((c) => c.card));
  }
  // Every DOM write above, then every size read and canvas draw: one layout, not one per card.
  const sized = cards.map(({ card, item }) => {
    const canvas = card.querySelector('canvas');
    return { canvas, item, w: canvas.clientWidth, h: canvas.clientHeight };
  });
  for (const { canvas, item, w, h } of sized) drawHistogram(canvas, item, w, h);
}

export function drawHistogram(canvas, { entries, density, constant }, width, height) {
  const { ctx, w, h } = prepare(canvas, width, height);
  const pad = { l: 4, r: 4, t: 4, b: 14 };
  const hs = entries.map((e) => e.stats.histogram).filter((hg) => hg && hg.counts.length);
  if (!hs.length) return;
  let lo = Math.min(...hs.map((hg) => hg.lo)), hi = Math.max(...hs.map((hg) => hg.hi));
  if (constant !== null && constant !== undefined) {
    lo = Math.min(lo, constant);
    hi = Math.max(hi, constant);
  }
  if (!(hi > lo)) {
    const c = Number.isFinite(lo) ? lo : 0;
    lo = c - 0.5 * (Math.abs(c) || 1);
    hi = c + 0.5 * (Math.abs(c) || 1);
  }
  const X = (v) => pad.l + ((v - lo) / (hi - lo)) * (w - pad.l - pad.r);
  // Densities of every entry, then the shared y scale.
  const shapes = hs.map((hg) => {
    const bins = hg.counts.length, width = (hg.hi - hg.lo) / bins;
    const total = Math.max(1, hg.sampled);
    const dens = Array.from(hg.counts, (c) => (width > 0 ? c / (total * width) : 0));
    return { hg, bins, width, dens, spike: !(width > 0) };
  });
  let ymax = Math.max(1e-12, ...shapes.flatMap((s) => s.dens));
  const curve = density ? Array.from({ length: 121 }, (_, i) => { const x = lo + ((hi - lo) * i) / 120; return [x, density(x)]; }) : null;
  if (curve) ymax = Math.max(ymax, ...curve.map((p) => p[1]).filter(Number.isFinite));
  const Y = (d) => h - pad.b - (d / ymax) * (h - pad.t - pad.b);

  shapes.forEach((s, k) => {
    const color = COLORS[k % COLORS.length];
    ctx.fillStyle = color + (shapes.length > 1 ? '40' : '99');
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.25;
    if (s.spike) {
      // Every value equal (a constant init): one bar.
      ctx.fillRect(X(s.hg.lo) - 2, pad.t, 4, h - pad.t - pad.b);
      return;
    }
    ctx.beginPath();
    ctx.moveTo(X(s.hg.lo), Y(0));
    s.dens.forEach((d, i) => {
      ctx.lineTo(X(s.hg.lo + i * s.width), Y(d));
      ctx.lineTo(X(s.hg.lo + (i + 1) * s.width), Y(d));
    });
    ctx.lineTo(X(s.hg.hi), Y(0));
    ctx.closePath();
    ctx.fill();
    if (shapes.length > 1) ctx.stroke();
  });
  if (curve) {
    ctx.strokeStyle = '#111';
    ctx.lineWidth = 1.5;
    ctx.setLineDash([5, 3]);
    ctx.beginPath();
    curve.forEach(([x, d], i) => (i ? ctx.lineTo(X(x), Y(d)) : ctx.moveTo(X(x), Y(d))));
    ctx.stroke();
    ctx.setLineDash([]);
  }
  if (constant !== null && constant !== undefined) {
    ctx.strokeStyle = '#111';
    ctx.setLineDash([5, 3]);
    ctx.beginPath();
    ctx.moveTo(X(constant), pad.t);
    ctx.lineTo(X(constant), h - pad.b);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  ctx.fillStyle = '#333';
  ctx.font = '10px system-ui, sans-serif';
  ctx.textAlign = 'left';
  ctx.fillText(fmt(lo), pad.l, h - 2);
  ctx.textAlign = 'right';
  ctx.fillText(fmt(hi), w - pad.r, h - 2);
  if (lo < 0 && hi > 0) {
    ctx.strokeStyle = '#999';
    ctx.beginPath();
    ctx.moveTo(X(0), h - pad.b);
    ctx.lineTo(X(0), h - pad.b + 3);
    ctx.stroke();
  }
}

// Notes under an activation histogram: zeros (dead units after ReLU), saturation, outliers.
export function activationNotes(stats) {
  const notes = [];
  notes.push({ text: `zeros ${pct(stats.zeros)}`, alarm: stats.zeros > 0.9 });
  if (Number.isFinite(stats.saturated)) notes.push({ text: `saturated ${pct(stats.saturated)}`, alarm: stats.saturated > 0.25 });
  const out = stats.histogram.below + stats.histogram.above;
  if (out > 0) notes.push({ text: `${out} beyond 4σ`, alarm: false });
  if (stats.nanCount + stats.infCount > 0) notes.push({ text: `${stats.nanCount} NaN, ${stats.infCount} Inf`, alarm: true });
  return notes;
}
