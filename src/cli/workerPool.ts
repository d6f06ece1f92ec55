/**
 * Lints many targets on every core: the main thread and `workers` worker threads (out/cli-worker.js)
 * take batches of targets from one queue until it is empty, so a slow file or a late worker never
 * holds the others up. Outcomes are stored by index: the caller sees them in target order, exactly
 * as a sequential run would produce them.
 *
 * Protocol: a worker posts `ready` once its linter is built (or `failed`), then answers each
 * `batch` with `results`. A worker that fails or dies hands its batch back to the queue; the main
 * thread lints whatever is left, so the run never depends on a worker.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Linter } from '../core';
import type { Target } from './files';
import { lintTarget, type TargetOutcome, type WorkerLintOptions } from './workerTask';

export type ToWorker = { type: 'batch'; items: Array<{ index: number; target: Target }> };
export type ToMain =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'results'; results: Array<{ index: number; outcome: TargetOutcome }> };

/** Files per message: small enough to balance the tail, large enough that messaging costs nothing. */
const BATCH = 8;
/**
 * A worker costs about 0.25 s of start-up (loading the bundle, compiling the schema) while a file
 * takes a few milliseconds: below this many files per worker it would not pay for itself.
 */
const MIN_FILES_PER_WORKER = 100;

/** The worker script next to the CLI bundle; missing when the CLI runs from source (tests via tsx). */
function workerScript(): string | null {
  const file = join(__dirname, 'cli-worker.js');
  return existsSync(file) ? file : null;
}

/**
 * How many worker threads to start for `count` targets: none for small runs, otherwise one per
 * further core. `INCIDENT_REPORT_JOBS=N` caps the threads in all (1 = no workers).
 */
export function workerCount(count: number, env: NodeJS.ProcessEnv = process.env): number {
  const jobs = Number.parseInt(env.INCIDENT_REPORT_JOBS ?? '', 10);
  const threads = Number.isInteger(jobs) && jobs > 0 ? jobs : availableParallelism();
  return Math.max(0, Math.min(threads - 1, Math.floor(count / MIN_FILES_PER_WORKER)));
}

/** Lints every target, in parallel where that pays; outcomes in target order. */
export async function lintAll(targets: readonly Target[], linter: Linter, options: WorkerLintOptions): Promise<TargetOutcome[]> {
  const script = workerScript();
  const workers = script ? workerCount(targets.length) : 0;
  if (workers === 0) return targets.map((target) => lintTarget(linter, target));
  return lintParallel(targets, linter, options, script!, workers);
}

function lintParallel(
  targets: readonly Target[],
  linter: Linter,
  options: WorkerLintOptions,
  script: string,
  count: number,
): Promise<TargetOutcome[]> {
  const outcomes: Array<TargetOutcome | undefined> = new Array(targets.length);
  let remaining = targets.length;
  let next = 0;
  const requeued: number[][] = [];
  const take = (): number[] | null => {
    const again = requeued.shift();
    if (again) return again;
    if (next >= targets.length) return null;
    const batch: number[] = [];
    for (const end = Math.min(targets.length, next + BATCH); next < end; next++) batch.push(next);
    return batch;
  };

  return new Promise<TargetOutcome[]>((resolve, reject) => {
    const pool: Worker[] = [];
    let settled = false;
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      for (const worker of pool) void worker.terminate();
      if (error !== undefined) reject(error);
      else resolve(outcomes as TargetOutcome[]);
    };
    const store = (index: number, outcome: TargetOutcome) => {
      if (outcomes[index] !== undefined) return;
      outcomes[index] = outcome;
      remaining--;
    };

    let mainBusy = false;
    const runMain = () => {
      if (settled || mainBusy) return;
      mainBusy = true;
      // One batch per turn of the event loop, so workers' messages are handled in between.
      const step = () => {
        if (settled) return;
        const batch = take();
        if (!batch) {
          mainBusy = false;
          if (remaining === 0) finish();
          return;
        }
        try {
          for (const index of batch) store(index, lintTarget(linter, targets[index]!));
        } catch (error) {
          finish(error);
          return;
        }
        if (remaining === 0) finish();
        else setImmediate(step);
      };
      step();
    };

    for (let i = 0; i < count; i++) {
      const worker = new Worker(script, { workerData: { options } });
      pool.push(worker);
      let inFlight: number[] | null = null;
      let gone = false;
      const send = () => {
        const batch = take();
        inFlight = batch;
        if (!batch) return;
        const message: ToWorker = { type: 'batch', items: batch.map((index) => ({ index, target: targets[index]! })) };
        worker.postMessage(message);
      };
      // A worker that fails hands its batch back; the main thread picks it up if nobody else does.
      const retire = () => {
        if (gone) return;
        gone = true;
        if (inFlight) requeued.push(inFlight.filter((index) => outcomes[index] === undefined));
        inFlight = null;
        void worker.terminate();
        runMain();
      };
      worker.on('message', (message: ToMain) => {
        if (settled) return;
        if (message.type === 'failed') return retire();
        if (message.type === 'results') {
          for (const { index, outcome } of message.results) store(index, outcome);
          if (remaining === 0) return finish();
        }
        send();
      });
      worker.on('error', retire);
      worker.on('exit', retire);
    }
    runMain();
  });
}
