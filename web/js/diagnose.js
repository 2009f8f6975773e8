// The plain-language verdict on a forward pass: where activations first vanish (std < 1e-3) or
// explode (std > 1e3, Inf or NaN), and the usual remedy. Reads the points the depth chart draws.
import { fmt } from './charts/canvas.js';

export const VANISH = 1e-3;
export const EXPLODE = 1e3;

// points: [{ label, detail, std, nanCount, infCount, zeros }] in forward order.
export function diagnose(points) {
  for (const [i, p] of points.entries()) {
    const where = `${p.label} (${p.detail}, step ${i + 1} of ${points.length})`;
    if (p.nanCount > 0 || p.infCount > 0) {
      return {
        level: 'explode',
        index: i,
        text: `Activations overflow at ${where}: ${p.nanCount} NaN and ${p.infCount} Inf values. ` +
          'The weights are far too large for this depth. Usual remedy: draw them with a std scaled to the layer\'s fan-in ' +
          '(nn.init.kaiming_normal_ for ReLU, nn.init.xavier_uniform_ with calculate_gain for tanh) or lower the scale.',
      };
    }
    if (p.std > EXPLODE) {
      return {
        level: 'explode',
        index: i,
        text: `Activations explode at ${where}: std ${fmt(p.std)} > 1e3. Each layer multiplies the spread; ` +
          'gradients will be as large and training diverges. Usual remedy: a fan-in-scaled init (kaiming_* for ReLU, ' +
          'xavier_* for tanh/sigmoid) instead of a fixed std such as normal_(0, 1), or BatchNorm between layers.',
      };
    }
    if (p.zeros === 1) {
      return {
        level: 'vanish',
        index: i,
        text: `Every activation is exactly zero at ${where}. With zero (or all-equal) weights every unit computes the same ` +
          'thing and gets the same gradient, so nothing breaks the symmetry. Usual remedy: a random init (kaiming_* or xavier_*).',
      };
    }
    if (p.std < VANISH) {
      return {
        level: 'vanish',
        index: i,
        text: `Activations vanish at ${where}: std ${fmt(p.std)} < 1e-3. The signal shrinks layer by layer and so do the ` +
          'gradients; training crawls. Usual remedy: a fan-scaled init with the gain of the nonlinearity ' +
          '(xavier_* with calculate_gain(\'tanh\') for tanh, kaiming_* for ReLU), or BatchNorm.',
      };
    }
  }
  return null;
}

// The L2 norm of a tensor from its statistics: sum of squares = (n - 1) std^2 + n mean^2.
export function norm(s) {
  if (!s) return NaN;
  if (s.nanCount > 0 || s.infCount > 0) return Infinity;
  return Math.sqrt(Math.max(0, (s.numel - 1) * (s.std || 0) ** 2 + s.numel * s.mean ** 2));
}

// The gradient verdict: does the loss gradient reach the first layers? Compares the gradient
// norm at the first point that has one with the norm at the last (the loss's side).
// points: [{ label, detail, grad }] in forward order.
export function diagnoseGradients(points, lossName) {
  const withGrad = points.filter((p) => p.grad);
  if (withGrad.length < 2) return null;
  const first = withGrad[0], last = withGrad[withGrad.length - 1];
  const bad = withGrad.find((p) => p.grad.nanCount > 0 || p.grad.infCount > 0);
  if (bad) {
    return { level: 'explode', text: `Gradients overflow at ${bad.label}: the ${lossName} gradient has NaN or Inf values there. Usual remedy: a fan-scaled init, a smaller scale, or BatchNorm.` };
  }
  const ratio = norm(first.grad) / norm(last.grad);
  if (!(ratio >= 1e-3)) {
    return {
      level: 'vanish',
      text: `Gradients vanish toward the input: the ${lossName} gradient at ${first.label} has norm ${fmt(norm(first.grad))}, ` +
        `${fmt(ratio)} of its norm at ${last.label}. The first layers would barely learn. Usual remedy: a fan-scaled init ` +
        '(kaiming_* for ReLU, xavier_* with the tanh gain for tanh), or BatchNorm.',
    };
  }
  if (ratio > 1e3) {
    return {
      level: 'explode',
      text: `Gradients explode toward the input: the ${lossName} gradient at ${first.label} has norm ${fmt(norm(first.grad))}, ` +
        `${fmt(ratio)} times its norm at ${last.label}; training steps would be far too large there. Usual remedy: a fan-scaled init or a smaller scale.`,
    };
  }
  return null;
}
