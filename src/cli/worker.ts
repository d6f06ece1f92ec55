/**
 * Worker thread of `incident-report lint` (bundled to out/cli-worker.js): builds the same linter as
 * the main thread from `workerData`, then lints the batches of targets it is sent and posts the
 * outcomes back by index. See workerPool.ts for the protocol.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createLinter } from '../core';
import { lintTarget, type WorkerLintOptions } from './workerTask';
import type { ToMain, ToWorker } from './workerPool';

const port = parentPort;
if (port) {
  const post = (message: ToMain) => port.postMessage(message);
  try {
    const linter = createLinter((workerData as { options: WorkerLintOptions }).options);
    port.on('message', (message: ToWorker) => {
      if (message.type !== 'batch') return;
      post({ type: 'results', results: message.items.map(({ index, target }) => ({ index, outcome: lintTarget(linter, target) })) });
    });
    post({ type: 'ready' });
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}
