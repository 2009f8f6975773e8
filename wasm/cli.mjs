#!/usr/bin/env node
// initlab on the command line:
//   node wasm/cli.mjs MODEL.py [--json] [--state-dict FILE] [--output FILE] [--seed N]
//                             [--input SHAPE] [--batch N] [--eval | --train] [--bins N]
//                             [--grad LOSS]
// Prints the script's output, then a table of every layer of the probed forward pass (and with
// --grad, the gradient of that loss at every layer's output and every parameter).
// Exit 0 on success, 1 on an error in the script (with line:column, the source line and a
// caret on stderr), 2 on a usage error.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const USAGE = `usage: node wasm/cli.mjs MODEL.py [options]
  --json             print the whole report as JSON (typed arrays as plain arrays)
  --state-dict FILE  write every parameter and buffer after the script ran, as JSON
  --output FILE      write the probed forward's final output, as JSON
  --seed N           torch.manual_seed before the script runs (default 0)
  --input SHAPE      default input shape, e.g. 64x1x28x28
  --batch N          default input batch size (default 64)
  --eval | --train   mode of the model for the run's own forward
  --bins N           histogram bins (default 32)
  --grad LOSS        also differentiate LOSS of the run's own forward: mean, cross_entropy,
                     nll (random labels) or mse (a random linear teacher)`;
const LOSSES = ['mean', 'cross_entropy', 'nll', 'mse'];

function usage(message) {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const args = { file: null, json: false, stateDict: null, output: null, options: {} };
  const integer = (flag, v) => {
    if (v === undefined || !/^-?\d+$/.test(v)) usage(`${flag} needs an integer, got ${v === undefined ? 'nothing' : `'${v}'`}`);
    return Number(v);
  };
  for (let i = 0; i < argv.length; ++i) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--state-dict') args.stateDict = argv[++i] ?? usage('--state-dict needs a file name');
    else if (a === '--output') args.output = argv[++i] ?? usage('--output needs a file name');
    else if (a === '--seed') args.options.seed = integer(a, argv[++i]);
    else if (a === '--batch') args.options.batch = integer(a, argv[++i]);
    else if (a === '--bins') args.options.bins = integer(a, argv[++i]);
    else if (a === '--grad') {
      const v = argv[++i];
      if (!LOSSES.includes(v)) usage(`--grad needs one of ${LOSSES.join(', ')}, got ${v === undefined ? 'nothing' : `'${v}'`}`);
      args.options.grad = v;
    } else if (a === '--eval') args.options.mode = 'eval';
    else if (a === '--train') args.options.mode = 'train';
    else if (a === '--input') {
      const v = argv[++i];
      if (!v || !/^\d+(x\d+)*$/.test(v)) usage(`--input needs a shape like 64x1x28x28, got '${v ?? ''}'`);
      args.options.inputShape = v.split('x').map(Number);
    } else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else if (args.file) usage(`one model file, not '${args.file}' and '${a}'`);
    else args.file = a;
  }
  if (!args.file) usage('no model file given');
  return args;
}

// float32 values with 9 significant digits: enough to read back the same float.
function tensorJson(t) {
  const data = Array.from(t.data, (v) => (Number.isFinite(v) ? Number(v.toPrecision(9)) : String(v)));
  return { shape: t.shape, dtype: t.dtype, data };
}

function plain(value) {
  if (ArrayBuffer.isView(value)) return Array.from(value);
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

const num = (v) => (Number.isFinite(v) ? (Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(3) : v.toFixed(4)) : String(v));
// L2 norm from the statistics: sum of squares = (n - 1) std^2 + n mean^2.
const norm = (s) => Math.sqrt(Math.max(0, (s.numel - 1) * (s.std || 0) ** 2 + s.numel * s.mean ** 2));

// Columns after the first three are numbers, right-aligned.
function columns(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c >= 3 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd()).join('\n');
}

const layerName = (l) => [l.isOp ? `  ${l.type}` : (l.path === '' ? '(model)' : l.path), l.isOp ? (l.line ? `line ${l.line}` : '') : l.type];

function table(report) {
  const rows = [['layer', 'type', 'shape', 'mean', 'std', 'min', 'max', 'zeros', 'nan/inf']];
  for (const l of report.layers) {
    const s = l.output;
    rows.push([...layerName(l), s.shape.join('x'), num(s.mean), num(s.std), num(s.min), num(s.max),
               `${(100 * s.zeros).toFixed(1)}%`, `${s.nanCount}/${s.infCount}`]);
  }
  return columns(rows);
}

// d(loss)/d(output) per layer, then d(loss)/d(parameter): the gradient picture through depth.
function gradTables(report) {
  const rows = [['layer', 'type', 'shape', 'grad mean', 'grad std', 'grad norm', 'zeros']];
  for (const l of report.layers) {
    if (!l.grad) continue;
    rows.push([...layerName(l), l.grad.shape.join('x'), num(l.grad.mean), num(l.grad.std), num(norm(l.grad)), `${(100 * l.grad.zeros).toFixed(1)}%`]);
  }
  const params = [['parameter', '', 'shape', 'std', 'grad std', 'grad norm', 'grad/weight']];
  for (const p of report.parameters) {
    if (!p.grad) continue;
    const ratio = norm(p.grad) / norm(p.stats);
    params.push([p.name, '', p.stats.shape.join('x'), num(p.stats.std), num(p.grad.std), num(norm(p.grad)), Number.isFinite(ratio) ? num(ratio) : '-']);
  }
  return `${columns(rows)}\n\n${columns(params)}`;
}

const args = parseArgs(process.argv.slice(2));
let source;
try {
  source = readFileSync(args.file, 'utf8');
} catch (e) {
  usage(`cannot read ${args.file}: ${e.message}`);
}

// Beside the built module (build/wasm/wasm/) or, from the source tree, in the build output.
const here = dirname(fileURLToPath(import.meta.url));
const api = existsSync(join(here, 'initlab_wasm.mjs')) ? join(here, 'initlab.mjs') : join(here, '../build/wasm/wasm/initlab.mjs');
if (!existsSync(api)) {
  process.stderr.write(`initlab is not built (${api} is missing): run tests/run.sh first\n`);
  process.exit(2);
}
const { createInitlab } = await import(pathToFileURL(api).href);
const lab = await createInitlab();
const report = lab.runReport(source, { ...args.options, stateDict: args.stateDict !== null, output: args.output !== null });

if (args.json) {
  process.stdout.write(`${JSON.stringify(plain(report), null, 1)}\n`);
} else {
  process.stdout.write(report.output);
  for (const w of report.warnings) process.stderr.write(`warning: ${w}\n`);
}
if (report.error) {
  const e = report.error;
  // `formatted` starts with "line L, column C: "; the file:L:C prefix already says that.
  const body = e.formatted.replace(/^line \d+, column \d+: /, '');
  process.stderr.write(`${args.file}:${e.line}:${e.column}: ${body}\n`);
  process.exit(1);
}
if (!args.json && report.layers.length > 0) {
  process.stdout.write(`\n${report.modelName} forward on input ${report.forwardFromScript ? 'given by the script' : report.inputShape.join('x')}:\n${table(report)}\n`);
  if (report.loss !== null) {
    process.stdout.write(`\ngradients of the ${args.options.grad} loss (${num(report.loss)}):\n${gradTables(report)}\n`);
  }
}
if (args.stateDict !== null) {
  writeFileSync(args.stateDict, JSON.stringify(Object.fromEntries(report.stateDict.map((t) => [t.name, tensorJson(t)]))));
}
if (args.output !== null) {
  if (!report.outputTensor) {
    process.stderr.write('no output: the script called its model itself, or there was no model to run\n');
  } else {
    writeFileSync(args.output, JSON.stringify(tensorJson(report.outputTensor)));
  }
}
