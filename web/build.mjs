// Builds the static playground into OUT_DIR:
//   node web/build.mjs OUT_DIR WASM_DIR
// app.js (the page's code and CodeMirror, bundled and minified by esbuild), index.html, boot.js,
// playground.css, embed.js, the wasm API files copied from WASM_DIR into wasm/, and
// examples/embed.html. The example models are bundled as the presets; a preset edit that does
// not match its file exactly once fails the build. CMake runs this after the wasm module.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRESETS } from './js/preset_list.js';

const here = dirname(fileURLToPath(import.meta.url));
const [outDir, wasmDir] = process.argv.slice(2).map((p) => resolve(p));
if (!outDir || !wasmDir) {
  console.error('usage: node web/build.mjs OUT_DIR WASM_DIR');
  process.exit(2);
}
const modelsDir = join(here, '..', 'examples', 'models');

const examples = {};
for (const f of readdirSync(modelsDir).filter((f) => f.endsWith('.py')).sort()) examples[f] = readFileSync(join(modelsDir, f), 'utf8');

for (const p of PRESETS) {
  const source = examples[p.file];
  if (source === undefined) throw new Error(`preset ${p.id}: examples/models/${p.file} does not exist`);
  for (const v of p.variants) {
    if (!v.replace) continue;
    const n = source.split(v.replace[0]).length - 1;
    if (n !== 1) throw new Error(`preset ${p.id}, variant "${v.name}": "${v.replace[0]}" occurs ${n} times in ${p.file} (must be once)`);
  }
}

const presetsPlugin = {
  name: 'initlab',
  setup(build) {
    build.onResolve({ filter: /^initlab:examples$/ }, (a) => ({ path: a.path, namespace: 'initlab' }));
    build.onLoad({ filter: /.*/, namespace: 'initlab' }, () => ({ contents: `export default ${JSON.stringify(examples)};`, loader: 'js' }));
    // The worker wrapper and the wasm module ship as they are, beside the page.
    build.onResolve({ filter: /^initlab-wasm\// }, (a) => ({ path: `./wasm/${a.path.slice('initlab-wasm/'.length)}`, external: true }));
  },
};

rmSync(outDir, { recursive: true, force: true });  // no stale chunks from earlier builds
mkdirSync(join(outDir, 'wasm'), { recursive: true });
mkdirSync(join(outDir, 'examples'), { recursive: true });
await esbuild.build({
  entryPoints: [join(here, 'js', 'app.js')],
  bundle: true,
  format: 'esm',
  splitting: true,  // CodeMirror in its own chunk, loaded after the first run starts
  chunkNames: 'chunks/[name]-[hash]',
  minify: true,
  target: 'es2022',
  outdir: outDir,
  plugins: [presetsPlugin],
  logLevel: 'warning',
  legalComments: 'linked',
});
for (const f of ['index.html', 'boot.js', 'playground.css', 'embed.js']) copyFileSync(join(here, f), join(outDir, f));
for (const f of ['initlab.mjs', 'initlab_wasm.mjs', 'initlab_wasm.wasm', 'worker.mjs', 'digits.bin', 'words.txt']) copyFileSync(join(wasmDir, f), join(outDir, 'wasm', f));
copyFileSync(join(here, '..', 'examples', 'embed.html'), join(outDir, 'examples', 'embed.html'));
writeFileSync(join(outDir, 'stamp'), `${new Date().toISOString()}\n`);
