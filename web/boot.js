// Loaded first by index.html (a file, not an inline script: the page's Content-Security-Policy
// allows scripts from its own origin only). The worker (and with it the wasm download, compile
// and warm-up) starts now, while app.js is still loading; the engine adopts it. The URL is
// relative to the page, so the page works under any sub-path.
window.initlabWorker = new Worker('wasm/worker.mjs', { type: 'module' });
