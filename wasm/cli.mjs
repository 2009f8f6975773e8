#!/usr/bin/env node
// initlab on the command line:
//   node wasm/cli.mjs MODEL.py [--json] [--state-dict FILE [--state-dict-of NAME]]
//                             [--output FILE] [--seed N]
//                             [--input SHAPE] [--batch N] [--eval | --train] [--bins N]
//                             [--digits] [--grad LOSS] [--theory] [--jacobian]
//                             [--reinit gaussian|orthogonal] [--fix lsuv]
//   node wasm/cli.mjs MODEL.py --steps N [--chunk N] [--dataset D] [--optimizer sgd|adam]
//                             [--lr X] [--momentum X] [--batch N] [--seed N] [--json]
// Prints the script's output, then a table of every layer of the probed forward pass (and with
// --grad, the gradient of that loss at every layer's output and every parameter; with --theory,
// the mean-field prediction beside each measurement, core/include/initlab/theory_report.hpp). With
// --steps, trains the model instead (core/include/initlab/trainer.hpp) and prints the loss,
// accuracies and gradient norms after every chunk of steps.
// Exit 0 on success, 1 on an error in the script (with line:column, the source line and a
// caret on stderr), 2 on a usage error.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeTensors } from './tensor_files.mjs';

const USAGE = `usage: initlab MODEL.py [options]   (npx initlab from the npm package, node wasm/cli.mjs in the tree)
  --json             print the whole report as JSON (typed arrays as plain arrays)
  --state-dict FILE  write every parameter and buffer after the script ran: of the script's
                     global 'model' when it is a module, else of the probed module; JSON, or
                     safetensors (PyTorch loads it) when FILE ends in .safetensors
  --state-dict-of NAME  write the state_dict of the global module NAME instead
  --output FILE      write the probed forward's final output (the script's own call of the
                     model, or the CLI's); JSON, or safetensors (one tensor 'output')
  --seed N           torch.manual_seed before the script runs (default 0)
  --input SHAPE      default input shape, e.g. 64x1x28x28
  --batch N          default input batch size (default 64)
  --eval | --train   mode of the model for the run's own forward
  --bins N           histogram bins (default 32)
  --digits           run the model on the first --batch training digits (shaped for its
                     first layer); --grad cross_entropy and nll then use their real labels
  --grad LOSS        also differentiate LOSS of the run's own forward: mean, cross_entropy,
                     nll (random labels) or mse (a random linear teacher)
  --theory           add the mean-field theory's predicted std, measured/predicted and chi1
                     to the table (and the predicted gradient norm with --grad), then the
                     model's fixed point, chi1 and depth scale
  --jacobian         the input-output Jacobian's singular values at 4 samples: mean s^2
                     beside the theory's, largest, smallest, condition number
  --reinit R         redraw every Linear/Conv weight as gaussian or orthogonal with the
                     same sigma_w^2 before the run's own forward (dynamical isometry)
  --fix lsuv         "fix my init": LSUV (Mishkin & Matas 2015) on the model at the run's
                     input, then print each layer's std before/after and the PyTorch code
                     (your script plus fix_init(model)) that gives the fixed weights
training (instead of the probe table):
  --steps N          train N steps on mini-batches of --batch (default 64)
  --chunk N          print a row every N steps (default 25)
  --dataset D        auto (from the first layer), digits, spirals or blobs
  --optimizer O      sgd (default) or adam
  --lr X             learning rate (default 0.01)
  --momentum X       SGD's momentum (default 0.9)`;
const LOSSES = ['mean', 'cross_entropy', 'nll', 'mse'];
const DATASETS = ['auto', 'digits', 'spirals', 'blobs'];
const OPTIMIZERS = ['sgd', 'adam'];

function usage(message) {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const args = { file: null, json: false, theory: false, stateDict: null, stateDictOf: null, output: null, options: {}, steps: 0, chunk: 25, train: {} };
  const given = (v) => (v === undefined ? 'nothing' : `'${v}'`);
  const integer = (flag, v) => {
    if (v === undefined || !/^-?\d+$/.test(v)) usage(`${flag} needs an integer, got ${given(v)}`);
    return Number(v);
  };
  const number = (flag, v) => {
    if (v === undefined || v.trim() === '' || !Number.isFinite(Number(v))) usage(`${flag} needs a number, got ${given(v)}`);
    return Number(v);
  };
  const oneOf = (flag, v, allowed) => {
    if (!allowed.includes(v)) usage(`${flag} needs one of ${allowed.join(', ')}, got ${given(v)}`);
    return v;
  };
  for (let i = 0; i < argv.length; ++i) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--state-dict') args.stateDict = argv[++i] ?? usage('--state-dict needs a file name');
    else if (a === '--state-dict-of') args.stateDictOf = argv[++i] ?? usage('--state-dict-of needs a global name');
    else if (a === '--output') args.output = argv[++i] ?? usage('--output needs a file name');
    else if (a === '--seed') args.options.seed = integer(a, argv[++i]);
    else if (a === '--batch') args.options.batch = integer(a, argv[++i]);
    else if (a === '--bins') args.options.bins = integer(a, argv[++i]);
    else if (a === '--theory') args.theory = true;
    else if (a === '--jacobian') args.options.jacobian = true;
    else if (a === '--reinit') args.options.reinit = oneOf(a, argv[++i], ['gaussian', 'orthogonal']);
    else if (a === '--fix') args.options.fix = oneOf(a, argv[++i], ['lsuv']);
    else if (a === '--digits') Object.assign(args.options, { input: 'digits', ownInput: true });
    else if (a === '--steps') args.steps = integer(a, argv[++i]);
    else if (a === '--chunk') args.chunk = integer(a, argv[++i]);
    else if (a === '--dataset') args.train.dataset = oneOf(a, argv[++i], DATASETS);
    else if (a === '--optimizer') args.train.optimizer = oneOf(a, argv[++i], OPTIMIZERS);
    else if (a === '--lr') args.train.lr = number(a, argv[++i]);
    else if (a === '--momentum') args.train.momentum = number(a, argv[++i]);
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
  if (args.stateDictOf !== null && args.stateDict === null) usage('--state-dict-of needs --state-dict FILE');
  if (args.steps < 0 || (args.steps === 0 && Object.keys(args.train).length > 0)) usage('training options need --steps N (N >= 1)');
  if (args.chunk < 1) usage('--chunk needs an integer >= 1');
  return args;
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

// The theory's entry of each layer record (report.theory is per leaf layer and op).
const theoryOf = (report) => new Map(report.theory.map((t) => [t.layer, t]));

function table(report) {
  const header = ['layer', 'type', 'shape', 'mean', 'std', 'min', 'max', 'zeros', 'nan/inf'];
  const rows = [args.theory ? [...header, 'predicted', 'ratio', 'chi1'] : header];
  const theory = theoryOf(report);
  for (const [i, l] of report.layers.entries()) {
    const s = l.output;
    const row = [...layerName(l), s.shape.join('x'), num(s.mean), num(s.std), num(s.min), num(s.max),
                 `${(100 * s.zeros).toFixed(1)}%`, `${s.nanCount}/${s.infCount}`];
    if (args.theory) {
      const t = theory.get(i);
      // '-': not a leaf; 'stop': the theory has no rule here (the notes below say why).
      const predicted = !t ? '-' : t.covered ? num(t.predictedStd) : 'stop';
      row.push(predicted, t && t.covered ? `${num(t.ratio)}${t.disagrees ? ' !' : ''}` : '-', t && Number.isFinite(t.chi1) ? num(t.chi1) : '-');
    }
    rows.push(row);
  }
  return columns(rows);
}

const layerLabel = (t) => (t.path === '' ? t.type : `${t.path} (${t.type})`);

// Below the --theory table: where the theory stopped and why, the disagreement banner, and the
// model as the theory sees it (the chi1 of its mean sigma_w^2, sigma_b^2 at the fixed point,
// Poole et al. 2016; the depth scale xi, Schoenholz et al. 2017).
function theoryNotes(report) {
  const lines = [];
  for (const t of report.theory) if (!t.covered) lines.push(`  stop at ${layerLabel(t)}: ${t.stopLabel}`);
  const m = report.meanField;
  if (m && m.disagrees) {
    const t = report.theory[m.firstDisagreement];
    lines.push(`! the measured std differs from the prediction by more than 25% from ${layerLabel(t)} on (ratio ${num(t.ratio)}):`,
               '  the weights or the data break an assumption of the theory (correlated or constant weights,',
               '  a narrow layer, inputs far from Gaussian); the measurement is what the network does');
  }
  if (m && m.affineLayers > 0) {
    const fp = m.fixedPoint;
    const phase = Math.abs(fp.chi1 - 1) < 1e-3 ? 'at the edge of chaos' : fp.chi1 < 1 ? 'ordered: signals converge, gradients vanish' : 'chaotic: signals decorrelate, gradients explode';
    lines.push(`mean field (${m.nonlinearity || 'no activation'}): ${m.affineLayers} affine layers, mean sigma_w^2 ${num(m.meanSigmaW2)}, sigma_b^2 ${num(m.meanSigmaB2)}`,
               `  fixed point q* ${num(fp.q)}, chi1 ${num(fp.chi1)} (${phase})`,
               `  depth scale xi ${num(fp.xi)} against the model's depth ${m.affineLayers}; product of the layers' chi ${num(m.chiProduct)}`);
  }
  return lines.join('\n');
}

// Inside the recurrent and attention layers (what forward hooks never see): each gate's
// pre-activation and how much of it saturates, the hidden state's std at the first, middle
// and last step, and the attention logits' std with the entropy relative to uniform (1: all
// keys alike, 0: one key takes all). Empty when the model has neither.
function innerTables(report) {
  const where = (l, x) => `${l.path === '' ? '(model)' : l.path}${x.layer !== undefined ? ` l${x.layer}${x.reverse ? ' reverse' : ''}` : ''}`;
  const gates = [['layer', 'gate', 'activation', 'pre-act mean', 'pre-act std', 'saturated']];
  const hidden = [['layer', 'type', 'steps', 'h std first', 'h std middle', 'h std last']];
  const attention = [['layer', 'type', 'logit std', 'logit min', 'logit max', 'entropy', 'entropy min']];
  for (const l of report.layers) {
    for (const g of l.gates ?? []) {
      gates.push([where(l, g), g.gate, g.activation, num(g.preActivation.mean), num(g.preActivation.std), `${(100 * g.saturated).toFixed(1)}%`]);
    }
    for (const h of l.hidden ?? []) {
      const s = h.stdPerStep;
      if (s.length) hidden.push([where(l, h), l.type, String(s.length), num(s[0]), num(s[Math.floor((s.length - 1) / 2)]), num(s[s.length - 1])]);
    }
    for (const a of l.attention ?? []) {
      attention.push([where(l, {}), l.type, num(a.logits.std), num(a.logits.min), num(a.logits.max), num(a.entropy), num(a.entropyMin)]);
    }
  }
  const parts = [];
  if (gates.length > 1) parts.push(`gates (pre-activations over all steps):\n${columns(gates)}`);
  if (hidden.length > 1) parts.push(`hidden state through time:\n${columns(hidden)}`);
  if (attention.length > 1) parts.push(`attention (logits q.k/sqrt(d); entropy relative to uniform):\n${columns(attention)}`);
  return parts.join('\n\n');
}

// The singular values of J = d output / d input (Pennington et al. 2017): their spread is how
// unevenly the network stretches input directions; for a trainable deep net, mean s^2 near 1
// and a small condition number (dynamical isometry).
function jacobianSummary(j) {
  if (j.skipped) return `input-output Jacobian: not computed: ${j.skipped}`;
  const pick = (k) => num(j.singularValues[Math.min(j.singularValues.length - 1, Math.floor(k * (j.singularValues.length - 1)))]);
  return [`input-output Jacobian (${j.nOut} x ${j.nIn} per sample, ${j.inputs} samples${j.batchCoupled ? ', coupled by the batch: each sample\'s own block' : ''}):`,
          `  singular values: largest ${num(j.largest)}, quartiles ${pick(0.25)} ${pick(0.5)} ${pick(0.75)}, smallest ${num(j.smallest)}`,
          `  mean s^2 ${num(j.meanS2)} (theory: ${Number.isFinite(j.theoryMeanS2) ? num(j.theoryMeanS2) : 'no prediction for this network'}), condition number ${num(j.condition)}`,
          `  values below ${num(j.noiseFloor)} are float32 rounding`].join('\n');
}

// What LSUV did per layer, and the PyTorch code that gives the same weights.
function fixSummary(report) {
  const rows = [['layer', 'iterations', '', 'std before', 'std after']];
  for (const f of report.fixLayers) rows.push([f.path, String(f.iterations), '', num(f.stdBefore), num(f.stdAfter)]);
  const table = `LSUV (Mishkin & Matas 2015): each layer's output std scaled to 1 on the run's input\n${columns(rows)}`;
  return report.fixCode ? `${table}\n\nPyTorch code that reproduces these weights bit for bit (same seed):\n${report.fixCode}` : table;
}

// d(loss)/d(output) per layer, then d(loss)/d(parameter): the gradient picture through depth.
function gradTables(report) {
  const header = ['layer', 'type', 'shape', 'grad mean', 'grad std', 'grad norm', 'zeros'];
  const rows = [args.theory ? [...header, 'predicted norm'] : header];
  const theory = theoryOf(report);
  for (const [i, l] of report.layers.entries()) {
    if (!l.grad) continue;
    const row = [...layerName(l), l.grad.shape.join('x'), num(l.grad.mean), num(l.grad.std), num(norm(l.grad)), `${(100 * l.grad.zeros).toFixed(1)}%`];
    if (args.theory) row.push(Number.isFinite(theory.get(i)?.predictedGradNorm) ? num(theory.get(i).predictedGradNorm) : '-');
    rows.push(row);
  }
  const params = [['parameter', '', 'shape', 'std', 'grad std', 'grad norm', 'grad/weight']];
  for (const p of report.parameters) {
    if (!p.grad) continue;
    const ratio = norm(p.grad) / norm(p.stats);
    params.push([p.name, '', p.stats.shape.join('x'), num(p.stats.std), num(p.grad.std), num(norm(p.grad)), Number.isFinite(ratio) ? num(ratio) : '-']);
  }
  return `${columns(rows)}\n\n${columns(params)}`;
}

const pct = (v) => `${(100 * v).toFixed(1)}%`;

// The first and last weights: does the gradient reach the first layer as it reaches the last?
const endWeights = (c) => {
  const w = c.parameters.filter((p) => p.name.endsWith('weight'));
  return w.length ? [w[0], w[w.length - 1]] : [];
};

// The chunk's mean of a per-step log10 ratio (steps whose ratio is not finite left out).
const meanLog = (v) => {
  const f = Array.from(v).filter(Number.isFinite);
  return f.length ? (f.reduce((a, b) => a + b, 0) / f.length).toFixed(2) : '-';
};

// The first and last of the chunk's weights with ratios (update:data, grad:data).
const endRatios = (c) => (c.weights.length ? [c.weights[0], c.weights[c.weights.length - 1]] : []);

// A row per chunk: the picture of convergence (gradients at the chunk's first step; the
// update:data and grad:data ratios of the first and last weights, log10, averaged over the chunk).
function trainRow(c) {
  const mean = c.losses.reduce((a, b) => a + b, 0) / c.losses.length;
  const ratios = endRatios(c);
  return [String(c.step), '', '', num(mean), pct(c.trainAccuracy), pct(c.testAccuracy), num(c.testLoss), ...endWeights(c).map((p) => num(p.gradNorm)),
          ...ratios.map((w) => meanLog(w.update)), ...ratios.map((w) => meanLog(w.grad))];
}

function reportError(e) {
  // `formatted` starts with "line L, column C: "; the file:L:C prefix already says that.
  const body = e.formatted.replace(/^line \d+, column \d+: /, '');
  process.stderr.write(`${args.file}${e.line ? `:${e.line}:${e.column}` : ''}: ${body}\n`);
  process.exit(1);
}

function train(lab, source) {
  const trainer = lab.trainer(source, { seed: args.options.seed, batch: args.options.batch, ...args.train });
  const s = trainer.setup;
  const chunks = [];
  if (!args.json) {
    process.stdout.write(s.output);
    for (const w of s.warnings) process.stderr.write(`warning: ${w}\n`);
  }
  if (s.ok) {
    if (!args.json) {
      process.stdout.write(`\ntraining ${s.modelName} on ${s.dataset} (${s.trainSize} train, ${s.testSize} test): ${s.loss} loss, ${s.optimizer}, batch ${s.inputShape[0]}\n`);
    }
    const rows = [];
    for (let done = 0; done < args.steps;) {
      const c = trainer.step(Math.min(args.chunk, args.steps - done));
      chunks.push(c);
      if (c.error) break;
      done = c.step;
      rows.push(trainRow(c));
    }
    const names = chunks.length ? endWeights(chunks[0]).map((p) => `grad ${p.name}`) : [];
    const ratioNames = chunks.length ? [...endRatios(chunks[0]).map((w) => `upd:data ${w.name}`), ...endRatios(chunks[0]).map((w) => `grad:data ${w.name}`)] : [];
    rows.unshift(['step', '', '', 'loss', 'train acc', 'test acc', 'test loss', ...names, ...ratioNames],
                 ['0', '', '', '-', '-', pct(s.testAccuracy), num(s.testLoss), ...names.map(() => '-'), ...ratioNames.map(() => '-')]);
    if (!args.json) process.stdout.write('(upd:data = log10 std(dW)/std(W) per step, grad:data = log10 std(grad)/std(W), chunk means; about -3 is healthy)\n');
    if (!args.json) process.stdout.write(`${columns(rows).replace(/^(\S+)  {4}/gm, '$1')}\n`);
  }
  trainer.dispose();
  if (args.json) process.stdout.write(`${JSON.stringify(plain({ setup: s, chunks }), null, 1)}\n`);
  const error = s.error ?? chunks.find((c) => c.error)?.error;
  if (error) reportError(error);
  process.exit(0);
}

// A closed pipe (`| head`) ends the output, not the program with a stack trace.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

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
if (args.steps > 0) train(lab, source);
const report = lab.runReport(source, { ...args.options, stateDict: args.stateDict !== null, stateDictOf: args.stateDictOf ?? '', output: args.output !== null });

if (args.json) {
  process.stdout.write(`${JSON.stringify(plain(report), null, 1)}\n`);
} else {
  process.stdout.write(report.output);
  for (const w of report.warnings) process.stderr.write(`warning: ${w}\n`);
}
if (report.error) reportError(report.error);
if (!args.json && report.layers.length > 0) {
  process.stdout.write(`\n${report.modelName} forward on input ${report.forwardFromScript ? 'given by the script' : report.inputShape.join('x')}:\n${table(report)}\n`);
  if (args.theory) process.stdout.write(`${theoryNotes(report)}\n`);
  if (report.jacobian) process.stdout.write(`\n${jacobianSummary(report.jacobian)}\n`);
  if (args.options.fix) process.stdout.write(`\n${fixSummary(report)}\n`);
  const inner = innerTables(report);
  if (inner) process.stdout.write(`\n${inner}\n`);
  if (report.loss !== null) {
    process.stdout.write(`\ngradients of the ${args.options.grad} loss (${num(report.loss)}):\n${gradTables(report)}\n`);
  }
}
if (args.stateDict !== null) writeTensors(args.stateDict, report.stateDict);
if (args.output !== null) {
  if (!report.outputTensor) {
    process.stderr.write('no output: there was no model to run\n');
  } else {
    writeTensors(args.output, [report.outputTensor], true);
  }
}
