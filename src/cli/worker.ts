/**
 * Worker thread of `incident-report lint` (bundled to out/cli-worker.js): builds the same linter as
 * the main thread, then claims batches of targets from the shared counter until none are left,
 * posting the outcomes back by index. See workerPool.ts for the protocol.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createLinter } from '../core';
import { claim, type ToMain, type WorkerInput } from './workerPool';
import { FamilyFiles } from './familyFiles';
import { linterOptions, lintTarget } from './workerTask';

const port = parentPort;
if (port) {
  const post = (message: ToMain) => port.postMessage(message);
  const { options, targets, counter, batch } = workerData as WorkerInput;
  let linter;
  try {
    linter = createLinter(linterOptions(options));
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
  if (linter) {
    const next = new Int32Array(counter);
    const files = new FamilyFiles();
    for (let range = claim(next, targets.length, batch); range; range = claim(next, targets.length, batch)) {
      const results: Extract<ToMain, { type: 'results' }>['results'] = [];
      for (let index = range[0]; index < range[1]; index++) results.push({ index, outcome: lintTarget(linter, targets[index]!, files, options) });
      post({ type: 'results', results });
    }
    post({ type: 'done' });
  }
}
