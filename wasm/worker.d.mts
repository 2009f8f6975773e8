// Types of worker.mjs: the InitlabWorker wrapper (declared with the API in initlab.d.mts).
export { InitlabWorker } from './initlab.mjs';
