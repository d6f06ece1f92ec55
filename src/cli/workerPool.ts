/**
 * Lints many targets on several threads when asked to (`--jobs N`): the main thread and worker threads (out/cli-worker.js)
 * claim batches of targets from one shared counter (a SharedArrayBuffer, `Atomics.add`), so nobody
 * waits for a dispatcher and a slow file or a late worker never holds the others up. Outcomes are
 * stored by index: the caller sees them in target order, exactly as a sequential run produces them.
 *
 * Protocol: a worker gets the targets and the counter in `workerData`, posts `results` for every
 * batch it claimed and `done` when the counter is exhausted (or `failed` if it cannot build its
 * linter). Whatever a failed or dead worker claimed but did not deliver is linted by the main
 * thread at the end, so the run never depends on a worker.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Linter } from '../core';
import type { Target } from './files';
import { lintTarget, type TargetOutcome, type WorkerLintOptions } from './workerTask';
import type { FamilyFiles } from './familyFiles';

/** What a worker receives. */
export interface WorkerInput {
  options: WorkerLintOptions;
  targets: Target[];
  /** Int32Array[1] over a SharedArrayBuffer: the index of the next unclaimed target. */
  counter: SharedArrayBuffer;
  batch: number;
}

export type ToMain =
  | { type: 'results'; results: Array<{ index: number; outcome: TargetOutcome }> }
  | { type: 'done' }
  | { type: 'failed'; message: string };

/** Files claimed at once: small enough to balance the tail, large enough that messaging costs nothing. */
const BATCH = 8;
/**
 * A worker costs about 0.2 s of start-up (loading the bundle, compiling the schema) while a file
 * takes a few milliseconds, and a single-threaded run already keeps a second core partly busy with
 * garbage collection and compilation. Measured on 2 cores (BENCHMARKS.md): no gain at 200 files,
 * break-even at 500, 1.2× at 2,000. Below this many files per worker it does not pay.
 */
const MIN_FILES_PER_WORKER = 250;

/** The worker script next to the CLI bundle; missing when the CLI runs from source (tests via tsx). */
function workerScript(): string | null {
  const file = join(__dirname, 'cli-worker.js');
  return existsSync(file) ? file : null;
}

/**
 * How many worker threads to start for `count` targets and `jobs` threads in all (`--jobs`;
 * `'auto'`: one per core): none for small runs, where a worker's start costs more than it lints.
 */
export function workerCount(count: number, jobs: number | 'auto'): number {
  const threads = jobs === 'auto' ? availableParallelism() : jobs;
  return Math.max(0, Math.min(threads - 1, Math.floor(count / MIN_FILES_PER_WORKER)));
}

/** Claims the next batch: `[start, end)` or `null` when every target is taken. */
export function claim(counter: Int32Array, total: number, batch: number): [number, number] | null {
  const start = Atomics.add(counter, 0, batch);
  return start < total ? [start, Math.min(total, start + batch)] : null;
}

/**
 * Lints every target, in parallel where that pays; outcomes in target order. The main thread reads
 * through `files`; each worker resolves the parents of its targets through its own `FamilyFiles`.
 */
export async function lintAll(targets: readonly Target[], linter: Linter, options: WorkerLintOptions, files: FamilyFiles, jobs: number | 'auto'): Promise<TargetOutcome[]> {
  const script = workerScript();
  const workers = script ? workerCount(targets.length, jobs) : 0;
  if (workers === 0) return targets.map((target) => lintTarget(linter, target, files, options));
  return lintParallel(targets, linter, options, script!, workers, files);
}

function lintParallel(
  targets: readonly Target[],
  linter: Linter,
  options: WorkerLintOptions,
  script: string,
  count: number,
  files: FamilyFiles,
): Promise<TargetOutcome[]> {
  const total = targets.length;
  const outcomes: Array<TargetOutcome | undefined> = new Array(total);
  const shared = new SharedArrayBuffer(4);
  const counter = new Int32Array(shared);
  const input: WorkerInput = { options, targets: [...targets], counter: shared, batch: BATCH };

  return new Promise<TargetOutcome[]>((resolve, reject) => {
    const pool: Worker[] = [];
    let running = count;
    let mainDone = false;
    let settled = false;
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      for (const worker of pool) void worker.terminate();
      if (error !== undefined) return reject(error);
      try {
        // Claimed by a worker that failed or died before delivering: lint here.
        for (let i = 0; i < total; i++) outcomes[i] ??= lintTarget(linter, targets[i]!, files, options);
      } catch (lintError) {
        return reject(lintError);
      }
      resolve(outcomes as TargetOutcome[]);
    };
    const maybeFinish = () => {
      if (mainDone && running === 0) finish();
    };

    for (let i = 0; i < count; i++) {
      const worker = new Worker(script, { workerData: input });
      pool.push(worker);
      let gone = false;
      const retire = () => {
        if (gone) return;
        gone = true;
        running--;
        maybeFinish();
      };
      worker.on('message', (message: ToMain) => {
        if (settled) return;
        if (message.type === 'results') {
          for (const { index, outcome } of message.results) outcomes[index] = outcome;
        } else {
          // `done`, or `failed` before claiming anything
          void worker.terminate();
          retire();
        }
      });
      worker.on('error', retire);
      worker.on('exit', retire);
    }

    // The main thread lints too, one batch per turn of the event loop so workers' results are
    // received in between.
    const step = () => {
      if (settled) return;
      const range = claim(counter, total, BATCH);
      if (!range) {
        mainDone = true;
        return maybeFinish();
      }
      try {
        for (let index = range[0]; index < range[1]; index++) outcomes[index] = lintTarget(linter, targets[index]!, files, options);
      } catch (error) {
        return finish(error);
      }
      setImmediate(step);
    };
    step();
  });
}
