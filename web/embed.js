// initlab's embed snippet: put
//   <script src="https://HOST/PATH/embed.js" data-preset="deep_tanh_mlp" data-hide="table"
//           data-height="520" data-readonly async></script>
// where the playground should appear; it inserts an iframe of the playground in embed mode right
// after itself. data-state carries a share link's state (the part after '#'), data-title the
// iframe's accessible name. No other script, style or request touches the host page.
(() => {
  const me = document.currentScript;
  if (!me) return;
  const d = me.dataset;
  const url = new URL('index.html', me.src);
  url.searchParams.set('embed', '');
  if (d.hide) url.searchParams.set('hide', d.hide);
  if (d.preset) url.searchParams.set('preset', d.preset);
  if ('readonly' in d) url.searchParams.set('readonly', '');
  const height = Math.max(200, Number(d.height) || 560);
  url.searchParams.set('height', String(height));
  if (d.state) url.hash = d.state;
  const frame = document.createElement('iframe');
  frame.src = url.href;
  frame.title = d.title || 'initlab playground: what weight initialization does, layer by layer';
  frame.loading = 'lazy';
  frame.setAttribute('allow', 'clipboard-write');
  frame.style.cssText = `display:block;width:100%;height:${height}px;border:1px solid #ccc;border-radius:6px;`;
  me.after(frame);
})();
