/**
 * When an editor lints a document again, decided once for the VS Code extension and the language
 * server: after an edit, once {@link VALIDATE_DEBOUNCE_MS} passed without a newer one; and a run
 * that a newer one overtook while it waited for the engine is dropped.
 */
import { VALIDATE_DEBOUNCE_MS } from '../config/editorSettings';

/** Debounce timers and run numbers per document key (a URI string). */
export class LintScheduler {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly runs = new Map<string, number>();

  constructor(private readonly delayMs: number = VALIDATE_DEBOUNCE_MS) {}

  /** Runs `lint` for `key` after the delay; a newer request for the key starts the delay again. */
  schedule(key: string, lint: () => void): void {
    this.cancel(key);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        lint();
      }, this.delayMs),
    );
  }

  /** Starts a run for `key` now (a pending delayed one is cancelled): its number, for {@link isCurrent}. */
  begin(key: string): number {
    this.cancel(key);
    const run = (this.runs.get(key) ?? 0) + 1;
    this.runs.set(key, run);
    return run;
  }

  /** True while no newer run for `key` began after `run`. */
  isCurrent(key: string, run: number): boolean {
    return this.runs.get(key) === run;
  }

  /** Cancels a pending delayed run of `key`. */
  cancel(key: string): void {
    const timer = this.timers.get(key);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(key);
  }

  /** Cancels every pending run. */
  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
