// The mean-field theory beside the measurement, as the page shows it: the predicted std (and
// gradient norm) per chart point, the phase diagram's dots, and the sentences under it. The
// numbers are the report's (report.theory, report.meanField: core/include/initlab/
// theory_report.hpp); this file only arranges them.
import { escapeHtml } from './charts/depth_chart.js';
import { fmt } from './charts/canvas.js';

// The theory's entry for each chart point (points carry their report.layers index).
function byLayer(report) {
  return new Map((report.theory ?? []).map((t) => [t.layer, t]));
}

// Predicted std per point; NaN where the theory stopped or has no entry.
export function predictedStd(report, points) {
  const t = byLayer(report);
  return points.map((p) => (t.get(p.index)?.covered ? t.get(p.index).predictedStd : NaN));
}

export function predictedGradNorm(report, points) {
  const t = byLayer(report);
  return points.map((p) => t.get(p.index)?.predictedGradNorm ?? NaN);
}

// One dot per affine layer of every variant: where its drawn weights put it.
export function phaseDots(reports) {
  return reports.flatMap(({ report, variant }) => (report.theory ?? [])
    .filter((t) => Number.isFinite(t.sigmaW2))
    .map((t) => ({ w2: t.sigmaW2, b2: t.sigmaB2, chi1: t.chi1, label: t.path || t.type, variant })));
}

const phaseWords = (chi1) => (Math.abs(chi1 - 1) < 0.02 ? 'at the edge of chaos'
  : chi1 < 1 ? 'ordered: the signal contracts layer by layer and gradients vanish'
    : 'chaotic: nearby inputs fly apart and gradients explode');

// The model as the theory sees it, in a sentence or three (HTML).
export function theorySummary(report, name) {
  const m = report.meanField;
  if (!m) return '';
  const who = name ? `<strong>${escapeHtml(name)}</strong>: ` : '';
  if (m.affineLayers === 0) return `${who}no Linear or convolution layer for the theory to follow.`;
  const fp = m.fixedPoint;
  const depth = m.affineLayers;
  const xi = Number.isFinite(fp.xi) ? `${fmt(fp.xi)} layers` : 'unbounded (the edge of chaos)';
  const reach = !Number.isFinite(fp.xi) || fp.xi >= depth ? 'deeper than the model, so signals can cross it'
    : `shorter than the model's ${depth} affine layers, so correlations between inputs are lost long before the output`;
  return `${who}${escapeHtml(m.nonlinearity || 'no activation')}, ${depth} affine layers with mean σ_w² ${fmt(m.meanSigmaW2)}, ` +
    `σ_b² ${fmt(m.meanSigmaB2)}. At its fixed point q* = ${fmt(fp.q)} the slope χ₁ = ${fmt(fp.chi1)}: ${phaseWords(fp.chi1)}. ` +
    `Depth scale ξ = ${xi}, ${reach}.`;
}

// Where the prediction misses by more than 25% on a layer it covers, and what that says.
export function disagreement(report) {
  const m = report.meanField;
  if (!m?.disagrees) return null;
  const t = report.theory[m.firstDisagreement];
  return `From ${t.path || t.type} (${t.type}) on, the measured std is ${fmt(t.ratio)}× the prediction. ` +
    'The theory assumes independent random weights on wide layers and Gaussian inputs: correlated or ' +
    'constant weights (a constant init keeps every unit identical), very narrow layers, or inputs far ' +
    'from Gaussian break it. The solid line is what the network does.';
}

// Where the theory stopped, once per kind of layer.
export function stops(report) {
  const seen = new Map();
  for (const t of report.theory ?? []) if (!t.covered && !seen.has(t.type)) seen.set(t.type, t.stopLabel);
  return [...seen.values()];
}
