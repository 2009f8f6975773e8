// Embed mode: the flags a tutorial author sets on the iframe (through embed.js's data-
// attributes or by hand), and the one-line snippet that inserts it.
//   ?embed&hide=editor,console,table,weights,activations,depth,controls,training&height=480
//    &preset=deep_tanh_mlp&readonly
export const HIDEABLE = ['editor', 'console', 'table', 'weights', 'activations', 'depth', 'controls', 'training'];

export function readEmbedFlags(search) {
  const p = new URLSearchParams(search);
  const hide = new Set((p.get('hide') ?? '').split(',').map((s) => s.trim()).filter((s) => HIDEABLE.includes(s)));
  const height = Number(p.get('height'));
  return {
    on: p.has('embed'),
    hide,
    height: Number.isFinite(height) && height >= 200 && height <= 4000 ? height : 0,
    preset: p.get('preset') ?? '',
    readOnly: p.has('readonly'),
  };
}

export function embedSnippet(scriptUrl, { state = '', preset = '', hide = [], height = 560, readOnly = false }) {
  const attrs = [`src="${scriptUrl}"`];
  if (state) attrs.push(`data-state="${state}"`);
  if (preset) attrs.push(`data-preset="${preset}"`);
  if (hide.length) attrs.push(`data-hide="${hide.join(',')}"`);
  attrs.push(`data-height="${height}"`);
  if (readOnly) attrs.push('data-readonly');
  return `<script ${attrs.join(' ')} async></script>`;
}
