// Files of named tensors that the CLI writes (--state-dict, --output): JSON, or safetensors
// when the file name ends in .safetensors. Both keep every float32 value exactly, -0.0, NaN
// and +-Inf included; safetensors keeps the bits themselves (a NaN's payload too).
import { writeFileSync } from 'node:fs';

// JSON has no -0, NaN or Infinity. -0 is written as the number -0.0 (JSON.parse and Python's
// json both read it back as negative zero); NaN and +-Inf as the strings "NaN", "Infinity" and
// "-Infinity" (what Python's float() and JavaScript's Number() take). Finite values get 9
// significant digits, which always read back as the same float32.
function numberText(v) {
  if (Number.isNaN(v)) return '"NaN"';
  if (v === Infinity) return '"Infinity"';
  if (v === -Infinity) return '"-Infinity"';
  if (Object.is(v, -0)) return '-0.0';
  return String(Number(v.toPrecision(9)));
}

export function tensorJsonText(t) {
  return `{"shape":${JSON.stringify(t.shape)},"dtype":${JSON.stringify(t.dtype)},"data":[${Array.from(t.data, numberText).join(',')}]}`;
}

// The report holds every dtype's values in a Float32Array (int64 counters and bools as small
// whole numbers), so int64 and bool are converted and float32 is copied as raw bits.
const SAFETENSORS_DTYPES = {
  float32: { code: 'F32', bytes: 4, values: (t) => new Uint32Array(t.data.buffer, t.data.byteOffset, t.data.length), put: (view, at, v) => view.setUint32(at, v, true) },
  int64: { code: 'I64', bytes: 8, values: (t) => t.data, put: (view, at, v) => view.setBigInt64(at, BigInt(Math.trunc(v)), true) },
  bool: { code: 'BOOL', bytes: 1, values: (t) => t.data, put: (view, at, v) => view.setUint8(at, v ? 1 : 0) },
};

// The safetensors layout (huggingface/safetensors): an unsigned 64-bit little-endian N, then an
// N-byte UTF-8 JSON header mapping each name to its dtype, shape and [begin, end) byte range in
// the buffer that follows (plus an optional "__metadata__" map of strings), then that buffer,
// little-endian, every byte of it some tensor's. The header keeps the state_dict's order and is
// padded with spaces so that the buffer starts 8-byte aligned; in the buffer the 8-byte
// dtypes come first, so that every tensor is aligned to its element size.
export function safetensorsBytes(tensors) {
  const kinds = tensors.map((t) => {
    const kind = SAFETENSORS_DTYPES[t.dtype];
    if (!kind) throw new Error(`safetensors: no dtype for ${t.dtype} (tensor ${t.name})`);
    if (t.name === '__metadata__') throw new Error('safetensors: a tensor cannot be named __metadata__');
    return kind;
  });
  const layout = tensors.map((_, i) => i).sort((a, b) => kinds[b].bytes - kinds[a].bytes || a - b);
  const begin = new Array(tensors.length);
  let size = 0;
  for (const i of layout) {
    begin[i] = size;
    size += kinds[i].bytes * tensors[i].data.length;
  }
  const header = { __metadata__: { format: 'pt' } };
  tensors.forEach((t, i) => {
    header[t.name] = { dtype: kinds[i].code, shape: t.shape, data_offsets: [begin[i], begin[i] + kinds[i].bytes * t.data.length] };
  });
  const json = JSON.stringify(header);
  const head = Buffer.from(json + ' '.repeat((8 - ((8 + Buffer.byteLength(json)) % 8)) % 8), 'utf8');
  const bytes = new Uint8Array(8 + head.length + size);
  const view = new DataView(bytes.buffer);
  view.setBigUint64(0, BigInt(head.length), true);
  bytes.set(head, 8);
  tensors.forEach((t, i) => {
    let at = 8 + head.length + begin[i];
    for (const v of kinds[i].values(t)) {
      kinds[i].put(view, at, v);
      at += kinds[i].bytes;
    }
  });
  return bytes;
}

// A state_dict is {name: {shape, dtype, data}} in JSON; an output (single) is one
// {shape, dtype, data}, or in safetensors one tensor named "output".
export function writeTensors(file, tensors, single = false) {
  if (file.endsWith('.safetensors')) writeFileSync(file, safetensorsBytes(tensors));
  else if (single) writeFileSync(file, tensorJsonText(tensors[0]));
  else writeFileSync(file, `{${tensors.map((t) => `${JSON.stringify(t.name)}:${tensorJsonText(t)}`).join(',')}}`);
}
