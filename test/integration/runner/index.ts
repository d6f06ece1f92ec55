/**
 * Generic mocha runner for the integration tests, loaded by VS Code as `extensionTestsPath`.
 *
 * VS Code calls the exported `run()` inside the extension host (Node host, or the web-worker host
 * for VS Code for the Web) and treats a rejection as a failed run. Everything this module needs is
 * bundled into ONE file per host by esbuild, so there is no filesystem globbing: the suites are
 * registered by importing `../suites` (whose modules call `describe`/`it` at load time).
 *
 * Mocha flavours:
 *  - Node host bundle: `import Mocha from 'mocha'` is mocha's Node entry; the default export is the
 *    Mocha class.
 *  - Web host bundle: esbuild aliases `mocha` to `mocha/mocha.js` (mocha's prebuilt, self-contained
 *    browser build). Its default export is the ready-made browser `mocha` *instance*; its
 *    `constructor` is the browser Mocha class.
 *  Both are handled below, so the same source works in both hosts.
 *
 * Output: one line per test (`  ✓ title` / `  ✗ title`), failure details, and a final plain line
 * `N passed, N failed` that CI greps for.
 */
import * as mochaModule from 'mocha';

type MochaInstance = import('mocha');
type MochaClass = new (options?: Record<string, unknown>) => MochaInstance;

/** Name of the global that scripts/vscode-server-test.mjs sets (web host) to pass `--env` values. */
const ENV_GLOBAL = '__VSCODE_TEST_ENV__';

/**
 * Reads a test environment variable: `process.env` in the Node host; in the web-worker host
 * (no `process`) the values injected by scripts/vscode-server-test.mjs `--env KEY=VALUE`.
 */
export function testEnv(name: string): string | undefined {
  const injected = (globalThis as Record<string, unknown>)[ENV_GLOBAL] as
    | Record<string, string>
    | undefined;
  if (injected && typeof injected[name] === 'string') return injected[name];
  const proc = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  return proc?.env?.[name];
}

/** True inside the web-worker extension host (VS Code for the Web). */
export function isWebWorkerHost(): boolean {
  return typeof (globalThis as { importScripts?: unknown }).importScripts === 'function';
}

function resolveMochaClass(): MochaClass {
  const mod = mochaModule as unknown as Record<string, unknown>;
  // esbuild's CJS interop puts module.exports on `default`; tolerate either shape.
  const exported = (mod.default ?? mod) as unknown;
  if (typeof exported === 'function') return exported as MochaClass; // Node entry: the class
  if (exported && typeof exported === 'object') {
    const ctor = (exported as { constructor?: unknown }).constructor;
    if (typeof ctor === 'function' && typeof (ctor as { prototype?: { run?: unknown } }).prototype?.run === 'function') {
      return ctor as MochaClass; // browser build: an instance of the browser Mocha class
    }
  }
  const globalMocha = (globalThis as { Mocha?: unknown }).Mocha;
  if (typeof globalMocha === 'function') return globalMocha as MochaClass;
  throw new Error('integration runner: could not find the Mocha class (is the "mocha" alias set for the web bundle?)');
}

interface RunnableLike {
  title: string;
  type?: string;
  fullTitle(): string;
  titlePath?(): string[];
  duration?: number;
  parent?: SuiteLike;
}
interface SuiteLike {
  title: string;
  root?: boolean;
  titlePath?(): string[];
}
interface RunnerLike {
  on(event: string, listener: (...args: any[]) => void): unknown;
  once(event: string, listener: (...args: any[]) => void): unknown;
}

interface Counts {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; error: string }[];
}

function formatError(err: unknown): string {
  if (!err || typeof err !== 'object') return String(err);
  const e = err as { stack?: unknown; message?: unknown; expected?: unknown; actual?: unknown; showDiff?: unknown };
  const message = typeof e.message === 'string' ? e.message : '';
  let text = typeof e.stack === 'string' && e.stack ? e.stack : message || String(err);
  if (message && !text.includes(message)) text = `${message}\n${text}`;
  // Node's assert puts a diff in the message already; other libraries (and the web assert shim)
  // only carry expected/actual properties.
  const hasValues = 'expected' in e || 'actual' in e;
  if (hasValues && e.showDiff !== false && !/\+ actual - expected|Expected values to be/.test(text)) {
    const show = (v: unknown) => {
      try {
        return (typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v, null, 2)) ?? String(v);
      } catch {
        return String(v);
      }
    };
    text += `\nexpected: ${indent(show(e.expected), '          ').trimStart()}`;
    text += `\nactual:   ${indent(show(e.actual), '          ').trimStart()}`;
  }
  return text;
}

function indent(text: string, pad: string): string {
  return text
    .split('\n')
    .map((line) => pad + line)
    .join('\n');
}

/** A minimal console reporter (works in both hosts; mocha's own reporters want a TTY or a DOM). */
function makeReporter(counts: Counts) {
  return function ConsoleReporter(this: unknown, runner: RunnerLike) {
    let depth = 0;
    const pad = () => '  '.repeat(Math.max(depth, 1));
    runner.on('suite', (suite: SuiteLike) => {
      if (suite.root) return;
      console.log(`${'  '.repeat(depth)}${suite.title}`);
      depth++;
    });
    runner.on('suite end', (suite: SuiteLike) => {
      if (suite.root) return;
      depth--;
    });
    runner.on('pass', (test: RunnableLike) => {
      counts.passed++;
      const ms = typeof test.duration === 'number' ? ` (${test.duration} ms)` : '';
      console.log(`${pad()}✓ ${test.title}${ms}`);
    });
    runner.on('pending', (test: RunnableLike) => {
      counts.pending++;
      console.log(`${pad()}- ${test.title} (pending)`);
    });
    runner.on('fail', (test: RunnableLike, err: unknown) => {
      counts.failed++;
      const error = formatError(err);
      counts.failures.push({ title: test.fullTitle(), error });
      console.log(`${pad()}✗ ${test.title}${test.type === 'hook' ? ' (hook)' : ''}`);
      console.log(indent(error, pad() + '    '));
    });
  };
}

/** VS Code's entry point for the main integration suites. */
export function run(): Promise<void> {
  // The import is dynamic on purpose: see runSuites. esbuild inlines it into the same bundle.
  return runSuites(() => import('../suites'));
}

/**
 * Runs the suites that `load` registers (by importing them) with mocha and the console reporter.
 * Separate bundles (e.g. the restricted-mode suite, ./restricted.ts) pass their own suites.
 */
export async function runSuites(load: () => Promise<unknown>): Promise<void> {
  const Mocha = resolveMochaClass();
  const timeout = Number(testEnv('MOCHA_TIMEOUT') ?? '') || 20000;
  const counts: Counts = { passed: 0, failed: 0, pending: 0, failures: [] };

  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout,
    forbidOnly: Boolean(testEnv('CI')),
    reporter: makeReporter(counts),
  });
  const grep = testEnv('MOCHA_GREP');
  if (grep) mocha.grep(grep);

  // Install describe/it/before/... as globals (what mocha's loadFiles / browser `mocha.ui()` do),
  // THEN load the suites so their top-level describe() calls register with this instance.
  // `load` imports dynamically on purpose: a static import would be hoisted and run before the
  // globals exist. esbuild inlines it into the same bundle (no extra file, no filesystem access).
  mocha.suite.emit('pre-require', globalThis, 'integration-suites', mocha);
  await load();

  const hostLabel = isWebWorkerHost() ? 'web worker extension host' : 'node extension host';
  console.log(`Running integration tests (${hostLabel})`);

  const failuresReported = await new Promise<number>((resolve, reject) => {
    try {
      mocha.run((failures: number) => resolve(failures));
    } catch (err) {
      reject(err);
    }
  });

  if (counts.failures.length > 0) {
    console.log('');
    console.log('Failures:');
    counts.failures.forEach((f, i) => console.log(`  ${i + 1}) ${f.title}`));
  }
  const failed = Math.max(counts.failed, failuresReported);
  // The plain closing line CI reads: "N passed, N failed" (", N skipped" only when some were).
  console.log(`${counts.passed} passed, ${failed} failed${counts.pending > 0 ? `, ${counts.pending} skipped` : ''}`);

  if (failed > 0) throw new Error(`${failed} integration test(s) failed`);
  if (counts.passed === 0 && !grep) throw new Error('no integration tests ran (0 passed, 0 failed)');
}
