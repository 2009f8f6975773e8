// Compiled by tsc --noEmit (types.test.mjs): the declarations must describe real use.
import { createInitlab, InitlabError, type Report, type RunOptions, type TrainChunk, type TrainOptions } from '../../wasm/initlab.mjs';
import { InitlabWorker } from '../../wasm/worker.mjs';

async function main(): Promise<number> {
  const lab = await createInitlab();
  const options: RunOptions = { seed: 0, batch: 8, inputShape: [8, 1, 28, 28], mode: 'eval', limits: { maxSteps: 1000 } };
  let report: Report;
  try {
    report = lab.run('print(1)', options);
  } catch (e) {
    if (e instanceof InitlabError) return e.line + e.column;
    throw e;
  }
  const counts: Uint32Array = report.layers[0].output.histogram.counts;
  const std: number = report.parameters[0].stats.std;
  const predicted: number = report.theory[0]?.predictedStd ?? 0;
  const grid: Float64Array | undefined = report.meanField ? lab.phaseDiagram(report.meanField.phi, { nw: 8 }).chi1 : undefined;
  const xi: number = lab.run('x = 1', { phaseDiagram: { w2Max: 3 } }).meanField?.fixedPoint.xi ?? 0;
  const worker = new InitlabWorker();
  const again: Report = await worker.run('print(2)', { stateDict: true });
  const data: Float32Array = again.stateDict[0].data;
  const failed: Report = await worker.runReport('x = = 1', { initScale: 2, ownInput: true });
  const init = failed.parameters[0]?.init;
  const bound: number = init && init.kind === 'uniform' ? init.hi : 0;
  const trainOptions: TrainOptions = { seed: 1, optimizer: 'adam', lr: 1e-3, dataset: 'digits', batch: 32 };
  await lab.prepareData();
  const trainer = lab.trainer('model = None', trainOptions);
  const chunk: TrainChunk = trainer.step(5);
  const firstGrad: number = chunk.layers[0]?.gradNorm ?? 0;
  trainer.dispose();
  const curves: number[][] = [[]];
  const training = worker.train([{ name: 'a', source: 'model = None' }], trainOptions, {
    steps: 20, chunk: 5, onChunk: (variant, c) => curves[variant].push(c.testAccuracy), onSetup: (_v, s) => s.dataset,
  });
  await training.stop();
  const { stopped } = await training.done;
  worker.terminate();
  return counts.length + std + predicted + (grid?.length ?? 0) + xi + data.length + report.timings.total + bound + (failed.error?.line ?? 0) + firstGrad + chunk.losses[0] + Number(stopped) + (trainer.setup.error?.line ?? 0);
}

void main();
