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
