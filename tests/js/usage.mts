// Compiled by tsc --noEmit (types.test.mjs): the declarations must describe real use.
import { createInitlab, InitlabError, type Report, type RunOptions } from '../../wasm/initlab.mjs';
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
  const worker = new InitlabWorker();
  const again: Report = await worker.run('print(2)', { stateDict: true });
  const data: Float32Array = again.stateDict[0].data;
  worker.terminate();
  return counts.length + std + data.length + report.timings.total;
}

void main();
