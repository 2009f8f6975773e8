// The theoretical density of the distribution an initializer drew from (report.parameters[i]
// .init), to lay over a weight histogram, and its one-line description with the numbers a
// learner checks against the formula (U(-b, b) with b printed).
import { fmt } from './charts/canvas.js';

const SQRT2PI = Math.sqrt(2 * Math.PI);
const phi = (z) => Math.exp(-0.5 * z * z) / SQRT2PI;
// Abramowitz-Stegun 7.1.26 for erf: plenty for a curve drawn a few hundred pixels tall.
function erf(x) {
  const s = Math.sign(x), a = Math.abs(x), t = 1 / (1 + 0.3275911 * a);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-a * a);
  return s * y;
}
const Phi = (z) => 0.5 * (1 + erf(z / Math.SQRT2));

// A function x -> density, or null when the initializer has no simple density.
export function densityOf(init) {
  if (!init) return null;
  switch (init.kind) {
    case 'uniform': {
      const w = init.hi - init.lo;
      return w > 0 ? (x) => (x >= init.lo && x <= init.hi ? 1 / w : 0) : null;
    }
    case 'normal':
      return init.std > 0 ? (x) => phi((x - init.mean) / init.std) / init.std : null;
    case 'trunc_normal': {
      const z = Phi((init.hi - init.mean) / init.std) - Phi((init.lo - init.mean) / init.std);
      return init.std > 0 && z > 0 ? (x) => (x >= init.lo && x <= init.hi ? phi((x - init.mean) / init.std) / (init.std * z) : 0) : null;
    }
    default:
      return null;
  }
}

export function describeInit(init) {
  if (!init) return 'set by hand or changed after initialization: no theoretical density';
  const scaled = init.scale !== 1 ? ` (scale ×${fmt(init.scale)})` : '';
  switch (init.kind) {
    case 'uniform':
      return Math.abs(init.lo + init.hi) < 1e-12 * Math.max(1, init.hi)
        ? `${init.initializer}: U(−b, b), b = ${fmt(init.hi)}${scaled}`
        : `${init.initializer}: U(${fmt(init.lo)}, ${fmt(init.hi)})${scaled}`;
    case 'normal':
      return `${init.initializer}: N(${fmt(init.mean)}, σ²), σ = ${fmt(init.std)}${scaled}`;
    case 'trunc_normal':
      return `${init.initializer}: N(${fmt(init.mean)}, σ²) cut to [${fmt(init.lo)}, ${fmt(init.hi)}], σ = ${fmt(init.std)}${scaled}`;
    case 'constant':
      return `${init.initializer}: every value ${fmt(init.value)}`;
    default:
      return `${init.initializer}${scaled}: no closed-form density`;
  }
}
