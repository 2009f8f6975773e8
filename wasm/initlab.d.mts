// Types of initlab's JavaScript API (initlab.mjs; InitlabWorker lives in worker.mjs). Hand-written: Emscripten
// 3.1.6 emits no TypeScript; tests/js/usage.ts checks these against real use with tsc.

export interface Limits {
  maxSteps?: number;
  maxMilliseconds?: number;
  maxDepth?: number;
  maxString?: number;
  maxList?: number;
  maxTensorBytes?: number;
  maxOutput?: number;
}

export interface RunOptions {
  /** torch.manual_seed before the script runs (default 0). */
  seed?: number;
  /** Shape of the default input when the script calls no model (default: from the first layer). */
  inputShape?: number[];
  /** Batch size of the default input (default 64). */
  batch?: number;
  /** Distribution of the default input; 'digits': the first `batch` training digits shaped for
   * the model's first layer (inputShape ignored), whose real classes the 'cross_entropy' and
   * 'nll' gradient losses then use instead of random labels. */
  input?: 'normal' | 'uniform' | 'zeros' | 'ones' | 'digits';
  /** Mode of the model for the run's own forward pass ('' keeps the script's). */
  mode?: '' | 'train' | 'eval';
  /** Histogram bins (default 32). */
  bins?: number;
  /** Multiplies every initializer's std or bound (default 1: PyTorch's exact values). */
  initScale?: number;
  /** Differentiate this loss of the run's own forward: every layer and parameter record then
   * carries `grad` statistics, and report.loss its value. 'mean' of the output;
   * 'cross_entropy' / 'nll' (log-probabilities) against random labels, or the real ones with
   * input 'digits'; 'mse' against a random linear teacher of the input. */
  grad?: '' | 'mean' | 'cross_entropy' | 'nll' | 'mse';
  /** Copy every parameter and buffer into report.stateDict: of the global module stateDictOf
   * names, else of the script's global `model` when it is a module, else of the probed module. */
  stateDict?: boolean;
  /** The global module whose state_dict report.stateDict holds (a warning when there is none). */
  stateDictOf?: string;
  /** Copy the probed forward's output into report.outputTensor: the script's own call of the model when that
   * is the probed one (of a forward returning a tuple, its first item), else the run's own forward's. */
  output?: boolean;
  /** Run the model when the script calls none (default true). */
  autoForward?: boolean;
  /** Probe the run's own forward (batch, input, mode) even when the script calls the model:
   * the module it called, on an input of its input's shape with batch rows (default false). */
  ownInput?: boolean;
  /** Compute the input-output Jacobian's singular values at the first jacobianInputs (default 4)
   * samples of the probed forward's input: report.jacobian. One backward per output value. */
  jacobian?: boolean;
  jacobianInputs?: number;
  /** Redraw every Linear/Conv weight before the run's own forward, keeping its sigma_w^2 =
   * fan_in E[W^2]: 'gaussian' (normal_) or 'orthogonal' (orthogonal_); '' keeps the script's. */
  reinit?: '' | 'gaussian' | 'orthogonal';
  /** "Fix my init": 'lsuv' runs LSUV (Mishkin & Matas 2015) on the probed model before its
   * probed forward, on the run's own input; report.fixLayers says what it did and
   * report.fixCode is the PyTorch code that gives the same weights bit for bit. */
  fix?: '' | 'lsuv';
  /** LSUV's stop: |std - 1| <= fixTol (default 0.1), at most fixMaxIter scalings a layer
   * (default 10), after the orthonormal step unless fixOrtho is false. */
  fixTol?: number;
  fixMaxIter?: number;
  fixOrtho?: boolean;
  /** Also compute the chi1 phase diagram of the model's nonlinearity: report.meanField.phase;
   * true: 40 x 24 cells up to sigma_w^2 4 and sigma_b^2 0.5, or the next power of two that
   * holds every affine layer. 'cached': the grid only if this instance (or worker) computed it
   * before, else meanField.phasePending says what to pass to phaseDiagram() for it. */
  phaseDiagram?: boolean | 'cached' | PhaseOptions;
  limits?: Limits;
}

/** The grid of Initlab.phaseDiagram: sigma_w^2 in (0, w2Max] (nw columns), sigma_b^2 in
 * [0, b2Max] (nb rows); 2 <= nw, nb <= 200. Defaults 4, 0.5, 40, 24. */
export interface PhaseOptions {
  w2Max?: number;
  b2Max?: number;
  nw?: number;
  nb?: number;
}

/** chi1 = sigma_w^2 E[phi'(sqrt(q*) z)^2] at the fixed point q* of each grid cell; row-major,
 * a row per b2 (Poole et al. 2016). */
export interface PhaseGrid {
  w2: Float64Array;
  b2: Float64Array;
  chi1: Float64Array;
}

/** The mean-field theory's prediction for one leaf layer or op of the probed forward
 * (core/include/initlab/theory_report.hpp). NaN (null in JSON) where it does not apply. */
export interface LayerTheory {
  /** Index into report.layers. */
  layer: number;
  path: string;
  type: string;
  /** false: the theory has no rule here (stopLabel says why) and restarts from the measurement after it. */
  covered: boolean;
  stopLabel: string;
  measuredMean: number;
  measuredStd: number;
  predictedMean: number;
  predictedStd: number;
  /** measured / predicted std. */
  ratio: number;
  /** Affine layers: fan_in * E[W^2] and E[b^2] of the drawn values. */
  sigmaW2: number;
  sigmaB2: number;
  /** Affine layers: sigma_w^2 E[phi'^2] at the fixed point of these (sigma_w^2, sigma_b^2) with the activation that follows. */
  chi1: number;
  /** Affine layers: the same slope at the layer's actual input. */
  chi: number;
  /** Covered and more than 25% off. */
  disagrees: boolean;
  /** With options.grad: the gradient norm at the layer's output, measured and predicted back from the output. */
  measuredGradNorm: number;
  predictedGradNorm: number;
}

/** J = d output / d input per sample (core/include/initlab/theory_jacobian.hpp); numbers NaN
 * and arrays empty when skipped says why it was not computed. */
export interface Jacobian {
  skipped: string;
  /** Values per sample of the input and of the output. */
  nIn: number;
  nOut: number;
  /** Samples J was computed for. */
  inputs: number;
  /** A layer couples the samples (train-mode BatchNorm): each sample's own block was taken. */
  batchCoupled: boolean;
  /** Each sample's singular values, descending. */
  perInput: Float64Array[];
  /** All samples' singular values pooled, descending. */
  singularValues: Float64Array;
  meanS2: number;
  largest: number;
  smallest: number;
  /** largest / smallest (Infinity when smallest is 0). */
  condition: number;
  /** Singular values below this are float32 rounding. */
  noiseFloor: number;
  /** The theory's mean s^2: n_out * (product of the layers' chi) / min(n_in, n_out); NaN when it
   * has nothing to say (a stop, or a network that is not a plain chain of layers and activations). */
  theoryMeanS2: number;
}

/** A nonlinearity as the theory sees it; opaque: hand it back to phaseDiagram(). */
export interface Nonlinearity {
  identity: boolean;
  kind: number;
  alpha: number;
  beta: number;
  threshold: number;
}

/** The model as the mean-field theory sees it. */
export interface MeanField {
  /** Some covered layer disagrees; firstDisagreement indexes report.theory (-1: none). */
  disagrees: boolean;
  firstDisagreement: number;
  /** The model's most frequent activation ('Tanh'), '' for none. */
  nonlinearity: string;
  phi: Nonlinearity;
  affineLayers: number;
  meanSigmaW2: number;
  meanSigmaB2: number;
  /** At the mean sigma_w^2, sigma_b^2: q* (Infinity when the length map diverges), chi1, the
   * correlation fixed point c* and the depth scale xi (Schoenholz et al. 2017; Infinity at chi1 = 1). */
  fixedPoint: { q: number; converged: boolean; chi1: number; cStar: number; xi: number };
  /** The product of the affine layers' chi. */
  chiProduct: number;
  /** With options.phaseDiagram. */
  phase?: PhaseGrid;
  /** With phaseDiagram 'cached' and no such grid kept yet: phaseDiagram(phi, phasePending) computes it. */
  phasePending?: PhaseOptions;
}

export interface Histogram {
  lo: number;
  hi: number;
  counts: Uint32Array;
  below: number;
  above: number;
  sampled: number;
}

export interface Stats {
  shape: number[];
  numel: number;
  mean: number;
  std: number;
  min: number;
  max: number;
  /** Fraction of elements exactly 0. */
  zeros: number;
  /** Fraction saturated (tanh and sigmoid outputs); NaN elsewhere. */
  saturated: number;
  nanCount: number;
  infCount: number;
  histogram: Histogram;
}

export interface LayerRecord {
  /** Module path ("conv2_bn", "features.3", "" for the model); "" for functional ops. */
  path: string;
  /** Class name ("Conv2d") or op ("F.relu"). */
  type: string;
  isOp: boolean;
  /** Script line of the call (0 when unknown). */
  line: number;
  depth: number;
  isLeaf: boolean;
  output: Stats;
  /** d(loss)/d(output), when options.grad was set. */
  grad: Stats | null;
  /** Inside a recurrent layer: each gate of each layer and direction (empty otherwise). */
  gates: GateStats[];
  /** Inside a recurrent layer: the hidden state's std at each time step. */
  hidden: HiddenStats[];
  /** Inside an attention: one entry per attention computed by this module call. */
  attention: AttentionStats[];
  /** An activation's output (ReLU family, tanh, sigmoid and their hard forms): each unit's share
   * of active (> 0) or saturated values over the batch; null for other records. */
  units: UnitMap | null;
}

/** Dead and saturated units, as Karpathy's makemore notebook maps them (probe.hpp's UnitMap). */
export interface UnitMap {
  /** 'active': ReLU family, y > 0. 'saturated': |tanh| > 0.97, sigmoid < 0.03 or > 0.97. */
  kind: 'active' | 'saturated';
  /** The unit axis of the output (channels of a conv map, the last dim after a Linear). */
  axis: number;
  units: number;
  /** batch x positions (or time steps) per unit. */
  valuesPerUnit: number;
  /** Per unit, the first 4096 units only. */
  fraction: Float32Array;
  /** Over all units: active on no value ('active'), or saturated on every value ('saturated'). */
  dead: number;
}

/** One gate of a recurrent layer over all time steps. */
export interface GateStats {
  layer: number;
  reverse: boolean;
  /** "input", "forget", "cell", "output" (LSTM); "reset", "update", "new" (GRU); "hidden" (RNN). */
  gate: string;
  /** "sigmoid", "tanh" or "relu". */
  activation: string;
  /** Of the gate's argument, (steps * batch, hidden). */
  preActivation: Stats;
  /** Fraction saturated: sigmoid < 0.01 or > 0.99, |tanh| > 0.99; relu: fraction that is 0. */
  saturated: number;
}

export interface HiddenStats {
  layer: number;
  reverse: boolean;
  /** std over (batch, hidden) at each step. */
  stdPerStep: Float64Array;
}

export interface AttentionStats {
  /** The logits q.k / sqrt(d) after the masks (masked ones left out). */
  logits: Stats;
  /** Mean over queries of the attention entropy / ln(keys): 1 uniform, 0 one key. */
  entropy: number;
  entropyMin: number;
  /** How many query rows the entropy averages (rows with fewer than 2 keys left out). */
  rows: number;
}

/** The distribution an initializer drew a parameter from. */
export interface InitDistribution {
  /** The nn.init function ("kaiming_uniform_"); layers' default initialization uses the same. */
  initializer: string;
  /** 'uniform' U(lo, hi); 'normal' N(mean, std²); 'trunc_normal' cut to [lo, hi]; 'constant'
   * (value); '' when no simple density applies (orthogonal_, eye_, dirac_, sparse_). */
  kind: '' | 'uniform' | 'normal' | 'trunc_normal' | 'constant';
  lo: number;
  hi: number;
  mean: number;
  std: number;
  value: number;
  /** The initScale applied. */
  scale: number;
}

export interface ParameterRecord {
  name: string;
  stats: Stats;
  /** null when the values were set by hand or changed after initialization. */
  init: InitDistribution | null;
  /** Its .grad: of options.grad's loss when set; otherwise what the script left there (a
   * training loop's last backward), or null. */
  grad: Stats | null;
}

export interface NamedTensor {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int64' | 'bool';
  data: Float32Array;
}

export interface ErrorInfo {
  kind: string;
  message: string;
  line: number;
  column: number;
  sourceLine: string;
  formatted: string;
  context: string;
  traceback: { function: string; line: number }[];
}

export interface Timings {
  parse: number;
  build: number;
  forward: number;
  probe: number;
  total: number;
}

export interface Report {
  ok: boolean;
  error: ErrorInfo | null;
  output: string;
  warnings: string[];
  modelName: string;
  modelRepr: string;
  inputShape: number[];
  forwardFromScript: boolean;
  layers: LayerRecord[];
  parameters: ParameterRecord[];
  /** The theory beside the measurement, per leaf layer and op ([] when nothing was probed). */
  theory: LayerTheory[];
  meanField: MeanField | null;
  /** With options.fix: each layer LSUV scaled, in forward order. */
  fixLayers: { path: string; iterations: number; stdBefore: number; stdAfter: number; factors: Float32Array }[];
  /** With options.fix: the script plus `def fix_init(model):` in plain PyTorch ('' when the
   * model has no global name; a warning then says so). */
  fixCode: string;
  /** With options.jacobian: the input-output Jacobian's singular values (Pennington et al. 2017). */
  jacobian: Jacobian | null;
  /** The value of options.grad's loss, or null. */
  loss: number | null;
  stateDict: NamedTensor[];
  outputTensor: NamedTensor | null;
  timings: Timings;
}

/** Options of a Trainer (core/include/initlab/trainer.hpp has the protocol). */
export interface TrainOptions {
  /** torch.manual_seed before the script, and the mini-batch order (default 0). */
  seed?: number;
  initScale?: number;
  /** 'auto' picks from the model's first layer: Conv2d(1) -> digits 28x28, Linear(64 or 784)
   * -> digits flattened, Linear(2) -> two spirals, other Linear -> Gaussian blobs, a first
   * leaf nn.Embedding -> the words (next-character windows). */
  dataset?: 'auto' | 'digits' | 'spirals' | 'blobs' | 'words';
  /** The words' window length; 0 (default): the model's block_size / context attribute, else 8. */
  context?: number;
  optimizer?: 'sgd' | 'adam';
  /** Learning rate (default 0.01). */
  lr?: number;
  /** SGD's momentum (default 0.9). */
  momentum?: number;
  weightDecay?: number;
  /** Mini-batch size (default 64). */
  batch?: number;
  /** 'auto': NLL when the model outputs log-probabilities, else cross-entropy. */
  loss?: 'auto' | 'cross_entropy' | 'nll';
  bins?: number;
  limits?: Limits;
}

export interface TrainSetup {
  ok: boolean;
  error: ErrorInfo | null;
  /** What the script printed. */
  output: string;
  warnings: string[];
  modelName: string;
  /** "digits 28x28", "digits 8x8 flattened", "two spirals", "blobs (20-d, 10 classes)". */
  dataset: string;
  /** Of one mini-batch. */
  inputShape: number[];
  trainSize: number;
  testSize: number;
  classes: number;
  /** The words' window length (0 for the other data sets). */
  context: number;
  /** ln(classes): the loss of a uniform guess (per character on the words, ln 27). */
  baselineLoss: number;
  loss: 'cross_entropy' | 'nll' | '';
  /** "SGD(lr=0.01, momentum=0.9)". */
  optimizer: string;
  /** On the test split before any step. */
  testAccuracy: number;
  testLoss: number;
}

/** A module or op at the chunk's first step. */
export interface TrainLayer {
  path: string;
  type: string;
  isOp: boolean;
  /** A module without children (containers, the model itself, are recorded too). */
  isLeaf: boolean;
  /** Of its output. */
  std: number;
  /** Fraction of its output exactly 0. */
  zeros: number;
  /** L2 norm of d(loss)/d(output). */
  gradNorm: number;
  /** Of its output: bins over [lo, hi] (the bulk within 4 std), `sampled` values counted. */
  histogram: Histogram;
}

export interface TrainChunk {
  /** Steps done after this chunk. */
  step: number;
  /** Each step's mini-batch loss. */
  losses: Float64Array;
  /** Over the chunk's mini-batches. */
  trainAccuracy: number;
  /** On the whole test split after the chunk. */
  testAccuracy: number;
  testLoss: number;
  /** ln(classes), the uniform guess's loss, to read testLoss against. */
  baselineLoss: number;
  /** The step (0-based) that layers and parameters describe: the chunk's first. */
  probedStep: number;
  layers: TrainLayer[];
  parameters: { name: string; norm: number; gradNorm: number }[];
  /** Every weight (parameter of 2+ dimensions) at every step of the chunk: update = log10
   * std(dW)/std(W), dW the step the optimizer applied; grad = log10 std(grad)/std(W); W
   * before the step. Healthy updates sit near -3. */
  weights: { name: string; update: Float64Array; grad: Float64Array }[];
  /** Why training stopped here (the Trainer is then done). */
  error: ErrorInfo | null;
}

export interface Trainer {
  readonly setup: TrainSetup;
  /** Trains `steps` (an integer >= 1) more steps. */
  step(steps: number): TrainChunk;
  /** On the words: `count` (default 5) words sampled from the model now; [] otherwise. */
  sampleWords(count?: number): string[];
  /** Frees its model and data in the wasm heap. */
  dispose(): void;
}

export interface Training {
  /** Resolves after the last chunk, or after stop() took effect between chunks. */
  done: Promise<{ stopped: boolean }>;
  stop(): Promise<void>;
}

export interface TrainJob {
  steps?: number;
  /** Steps per chunk (default 10). */
  chunk?: number;
  onSetup?: (variant: number, setup: TrainSetup) => void;
  onChunk?: (variant: number, chunk: TrainChunk) => void;
  /** On the words, after the last chunk: five words sampled from each trained model. */
  onSamples?: (variant: number, words: string[]) => void;
  /** Workers sharing the variants (default: one per core, at most one per variant; 1: all in
   * this worker, in turns). The results are the same bit for bit either way. */
  parallel?: number;
}

export declare class InitlabError extends Error {
  readonly kind: string;
  readonly line: number;
  readonly column: number;
  readonly sourceLine: string;
  readonly formatted: string;
  readonly context: string;
  readonly traceback: { function: string; line: number }[];
}

export interface Initlab {
  readonly aborted: boolean;
  /** Runs a script; throws InitlabError for an error in it. */
  run(source: string, options?: RunOptions): Report;
  /** Runs a script; returns the report with its error field instead of throwing. */
  runReport(source: string, options?: RunOptions): Report;
  /** Every parameter and buffer after the script ran. */
  stateDict(source: string, options?: RunOptions): NamedTensor[];
  /** chi1 over (sigma_w^2, sigma_b^2) for a report's meanField.phi (TypeError on bad arguments). */
  phaseDiagram(phi: Nonlinearity, options?: PhaseOptions): PhaseGrid;
  /** The same grid if it is among the last few computed, else null (never computes). */
  cachedPhaseDiagram(phi: Nonlinearity, options?: PhaseOptions): PhaseGrid | null;
  /** Loads the data files the script may use (digits.bin when it mentions digits, words.txt
   * when it mentions words); in a browser, await it before run() on such a script. Node's createInitlab() loads them. */
  prepare(source: string): Promise<void>;
  /** Loads every data file (the digits, the words) once; in a browser, await it before trainer(). */
  prepareData(): Promise<void>;
  /** A Trainer of the script's model; check trainer.setup.ok. */
  trainer(source: string, options?: TrainOptions): Trainer;
  /** Hands over digits.bin's bytes yourself (throws Error if they are not that file). */
  provideDigits(bytes: Uint8Array): void;
  /** A fresh wasm instance after an abort. */
  restart(): Promise<Initlab>;
  liveTensorBytes(): number;
  heapBytes(): number;
}

export interface CreateOptions {
  /** The .wasm bytes (default: read beside initlab.mjs in Node, fetched in browsers). */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Where the browser fetches initlab_wasm.wasm from. */
  wasmUrl?: string;
  /** initlab_wasm.wasm compiled already (WebAssembly.compileStreaming): only instantiated. */
  wasmModule?: WebAssembly.Module;
}

export declare function createInitlab(options?: CreateOptions): Promise<Initlab>;

/** initlab in a Web Worker (browser) or worker_threads Worker (Node). */
export declare class InitlabWorker {
  /** url: where worker.mjs is, or a browser Worker already started on it (then poolUrl says
   * where more workers for parallel training start; without it training stays in this one). */
  constructor(url?: URL | string | Worker, options?: { poolUrl?: URL | string });
  /** Resolves with the report; rejects with InitlabError, or with kind 'Superseded'. */
  run(source: string, options?: RunOptions): Promise<Report>;
  /** As run(), but a script error resolves with the report (ok false, error set). */
  runReport(source: string, options?: RunOptions): Promise<Report>;
  /** Initlab.phaseDiagram in the worker (its grids are kept there, for runs with phaseDiagram
   * 'cached'); queued like a run: it supersedes a waiting request and can be superseded. */
  phaseDiagram(phi: Nonlinearity, options?: PhaseOptions): Promise<PhaseGrid>;
  /** Trains each variant's model with the same options, chunk by chunk, in the worker. */
  train(variants: { name?: string; source: string }[], options?: TrainOptions, job?: TrainJob): Training;
  /** A fresh worker thread in place of one that stopped answering: the run in flight, the
   * waiting one and this worker's trainings end with an AbortError. */
  restart(message?: string): Promise<void>;
  terminate(): void;
}
