// Builds the npm package: node wasm/npm/pack.mjs WASM_DIR OUT_DIR VERSION
// Copies the shippable files of WASM_DIR (build/wasm/wasm), this directory's README and the
// repository's LICENSE into OUT_DIR/npm/initlab/, writes its package.json and runs `npm pack`
// there, which leaves OUT_DIR/initlab-VERSION.tgz. CMake's initlab_npm target runs it. No network: packing
// a package without dependencies or lifecycle scripts reads only its directory.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const [wasmDir, outDir, version] = process.argv.slice(2);
if (!wasmDir || !outDir || !/^\d+\.\d+\.\d+$/.test(version ?? '')) {
  console.error('usage: node wasm/npm/pack.mjs WASM_DIR OUT_DIR VERSION');
  process.exit(2);
}
const built = ['initlab.mjs', 'initlab_wasm.mjs', 'initlab_wasm.wasm', 'worker.mjs', 'cli.mjs', 'tensor_files.mjs',
  'initlab.d.mts', 'worker.d.mts', 'digits.bin', 'words.txt'];
const data = ['DIGITS.md', 'WORDS.md'];
const pkgDir = join(resolve(outDir), 'npm', 'initlab');
rmSync(pkgDir, { recursive: true, force: true });
mkdirSync(pkgDir, { recursive: true });
for (const f of built) copyFileSync(join(resolve(wasmDir), f), join(pkgDir, f));
copyFileSync(join(here, 'README.md'), join(pkgDir, 'README.md'));
// One licence file for the repository and the package: the repository's own.
copyFileSync(join(here, '..', '..', 'LICENSE'), join(pkgDir, 'LICENSE'));
for (const f of data) copyFileSync(join(here, '..', '..', 'core', 'data', f), join(pkgDir, f));
chmodSync(join(pkgDir, 'cli.mjs'), 0o755);

const pkg = {
  name: 'initlab',
  version,
  description: 'Run PyTorch-style model scripts in WebAssembly and see what weight initialization does to them, layer by layer (same seed, same weights as PyTorch 1.13)',
  type: 'module',
  exports: {
    '.': { types: './initlab.d.mts', default: './initlab.mjs' },
    './worker': { types: './worker.d.mts', default: './worker.mjs' },
    // For pages and bundlers that place or fetch the module's files themselves.
    './initlab_wasm.wasm': './initlab_wasm.wasm',
    './digits.bin': './digits.bin',
    './words.txt': './words.txt',
    './package.json': './package.json',
  },
  types: './initlab.d.mts',
  bin: { initlab: './cli.mjs' },
  files: [...built, ...data],
  engines: { node: '>=20' },
  // The code under MIT (LICENSE); the data sets under their own terms (DIGITS.md, WORDS.md).
  license: 'SEE LICENSE IN LICENSE',
  keywords: ['pytorch', 'weight-initialization', 'webassembly', 'neural-network', 'education'],
};
writeFileSync(join(pkgDir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
execFileSync('npm', ['pack', '--pack-destination', resolve(outDir), '--silent', '--offline'],
  { cwd: pkgDir, stdio: ['ignore', 'ignore', 'inherit'] });
console.log(join(resolve(outDir), `initlab-${version}.tgz`));
