// Shared by the JS tests: where the built module is, and the PyTorch fixtures' format.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repo = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const wasmDir = process.env.INITLAB_WASM_DIR ?? join(repo, 'build/wasm/wasm');

export async function loadApi() {
  return import(pathToFileURL(join(wasmDir, 'initlab.mjs')).href);
}

export function readExample(name) {
  return readFileSync(join(repo, 'examples/models', name), 'utf8');
}

// example_fixtures.txt: per example, the state_dict PyTorch holds after running it.
export function exampleState(file) {
  const lines = readFileSync(join(repo, 'tests/fixtures/example_fixtures.txt'), 'utf8').split('\n');
  const out = [];
  let inside = false;
  let current = null;
  for (const line of lines) {
    const [head, ...rest] = line.split(' ');
    if (head === 'example') inside = rest.join(' ') === file;
    if (!inside) continue;
    if (head === 'state') {
      current = { name: rest[0], values: [] };
      out.push(current);
    } else if (head === 'expect') {
      for (const kv of rest) {
        const [k, v] = kv.split('=');
        current[k] = k === 'n' || k === 'stride' ? Number(v) : v;
      }
    } else if (head === 'v') {
      current.values.push(...rest.map((h) => BigInt(`0x${h}`)));
    }
  }
  return out;
}

// FNV-1a 64 over raw little-endian bytes, as the fixture scripts hash tensors.
export function fnv1a(bytes) {
  let h = 0xcbf29ce484222325n;
  for (const b of bytes) {
    h ^= BigInt(b);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

export function float32Bits(x) {
  const view = new DataView(new ArrayBuffer(4));
  view.setFloat32(0, x, true);
  return BigInt(view.getUint32(0, true));
}
