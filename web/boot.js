// Loaded first by index.html (a file, not an inline script: the page's Content-Security-Policy
// allows scripts from its own origin only). The worker (and with it the wasm download, compile
// and warm-up) starts now, while app.js is still loading; the engine adopts it. The URL is
// relative to the page, so the page works under any sub-path.
// The wasm compiles here, on the page, from the first moment: the worker would fetch it only
// after its own three modules loaded. Its name tells it to wait for the compiled module
// (wasm/worker.mjs, PRECOMPILED); if compiling fails here it gets null and compiles itself.
const worker = new Worker('wasm/worker.mjs', { type: 'module', name: 'initlab:precompiled' });
WebAssembly.compileStreaming(fetch('wasm/initlab_wasm.wasm'))
  .then((module) => worker.postMessage({ type: 'module', module }), () => worker.postMessage({ type: 'module', module: null }));
window.initlabWorker = worker;
