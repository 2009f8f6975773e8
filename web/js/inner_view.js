// "Inside the layers": what the recurrent and attention layers compute inside, which the
// per-layer charts cannot show. One histogram card per gate (its pre-activation over every step,
// every variant overlaid) with the fraction that saturates and the hidden state's std at the
// first and the last step, and one per attention with its logits q.k/sqrt(d) and the attention
// entropy relative to uniform. Cards are items for histograms.js's renderHistograms.
import { fmt, pct } from './charts/canvas.js';

// reports: the variants' Reports, the active one first; returns [] when no layer has insides.
export function insideItems(reports) {
  const [base, ...rest] = reports;
  const match = (report, layer) => report.layers.find((l) => l.path === layer.path && l.type === layer.type && l.line === layer.line);
  const items = [];
  base.layers.forEach((layer, li) => {
    const name = layer.path || layer.type;
    const others = rest.map((r) => match(r, layer)).filter(Boolean);
    for (const [gi, g] of (layer.gates ?? []).entries()) {
      const same = (l) => l.gates?.find((h) => h.layer === g.layer && h.reverse === g.reverse && h.gate === g.gate);
      const where = `${name}${layer.gates.some((h) => h.layer > 0) ? ` layer ${g.layer}` : ''}${g.reverse ? ' (reverse)' : ''}`;
      const hidden = (layer.hidden ?? []).find((h) => h.layer === g.layer && h.reverse === g.reverse);
      const notes = [{ text: `saturated ${pct(g.saturated)}`, alarm: g.saturated > 0.25 }];
      if (hidden && hidden.stdPerStep.length > 1 && gi === layer.gates.findIndex((h) => h.layer === g.layer && h.reverse === g.reverse)) {
        const s = hidden.stdPerStep;
        notes.push({ text: `hidden std step 1 → ${s.length}: ${fmt(s[0])} → ${fmt(s[s.length - 1])}`, alarm: !(s[s.length - 1] > 1e-3 * s[0]) });
      }
      items.push({
        key: `g${li}.${gi}:${where}:${g.gate}`,
        title: `${where}: ${g.gate} gate`,
        subtitle: `${g.activation} of it · pre-activation mean ${fmt(g.preActivation.mean)} std ${fmt(g.preActivation.std)}`,
        entries: [g, ...others.map(same).filter(Boolean)].map((h) => ({ stats: h.preActivation })),
        density: null,
        constant: null,
        notes,
      });
    }
    for (const [ai, a] of (layer.attention ?? []).entries()) {
      const same = others.map((l) => l.attention?.[ai]).filter(Boolean);
      items.push({
        key: `t${li}.${ai}:${name}`,
        title: `${name}: attention logits`,
        subtitle: `q·k/√d · std ${fmt(a.logits.std)} · ${a.rows} query rows`,
        entries: [a, ...same].map((b) => ({ stats: b.logits })),
        density: null,
        constant: null,
        // Entropy 1: every key weighted alike (nothing attended yet); near 0: one key takes all.
        notes: [{ text: `entropy ${a.entropy.toFixed(3)} of uniform (min ${a.entropyMin.toFixed(3)})`, alarm: a.entropy < 0.2 }],
      });
    }
  });
  return items;
}
