/**
 * A small, dependency-free subset of Node's `assert` module for the web-worker extension host,
 * where Node's built-in `assert` does not exist. The web test bundle aliases `assert` to this
 * file (esbuild `--alias:assert=./test/integration/runner/assert.ts`), so suites can keep writing
 * `import * as assert from 'assert'` (or `import assert from 'assert'`); the Node bundle keeps the
 * real Node module.
 *
 * Supported: ok, equal, notEqual, strictEqual, notStrictEqual, deepEqual, deepStrictEqual,
 * notDeepStrictEqual, match, doesNotMatch, throws, doesNotThrow, rejects, doesNotReject, fail,
 * AssertionError. Anything else is undefined in the web host: stick to this list in suites.
 */

export class AssertionError extends Error {
  readonly code = 'ERR_ASSERTION';
  readonly actual: unknown;
  readonly expected: unknown;
  readonly operator: string;
  readonly generatedMessage: boolean;
  constructor(options: { message?: string | Error; actual?: unknown; expected?: unknown; operator?: string }) {
    const generated = options.message === undefined;
    super(
      generated
        ? `${describe(options.actual)} ${options.operator ?? '=='} ${describe(options.expected)}`
        : String(options.message instanceof Error ? options.message.message : options.message),
    );
    this.name = 'AssertionError';
    this.actual = options.actual;
    this.expected = options.expected;
    this.operator = options.operator ?? 'fail';
    this.generatedMessage = generated;
  }
}

type Message = string | Error | undefined;

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return `[Function ${value.name || 'anonymous'}]`;
  if (value instanceof RegExp) return String(value);
  try {
    const json = JSON.stringify(value);
    return json === undefined ? String(value) : json.length > 200 ? `${json.slice(0, 200)}…` : json;
  } catch {
    return String(value);
  }
}

function raise(message: Message, actual: unknown, expected: unknown, operator: string): never {
  if (message instanceof Error) throw message;
  throw new AssertionError({ message, actual, expected, operator });
}

function isDeepEqual(a: unknown, b: unknown, strict: boolean, seen = new Map<object, object>()): boolean {
  if (strict ? Object.is(a, b) : a == b || (a !== a && b !== b)) return true; // eslint-disable-line eqeqeq
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (a instanceof RegExp || b instanceof RegExp) {
    return a instanceof RegExp && b instanceof RegExp && String(a) === String(b);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (a instanceof Map || b instanceof Map) {
    if (!(a instanceof Map && b instanceof Map) || a.size !== b.size) return false;
    for (const [k, v] of a) if (!b.has(k) || !isDeepEqual(v, b.get(k), strict, seen)) return false;
    return true;
  }
  if (a instanceof Set || b instanceof Set) {
    if (!(a instanceof Set && b instanceof Set) || a.size !== b.size) return false;
    outer: for (const v of a) {
      if (b.has(v)) continue;
      for (const w of b) if (isDeepEqual(v, w, strict, seen)) continue outer;
      return false;
    }
    return true;
  }
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    if (!(ArrayBuffer.isView(a) && ArrayBuffer.isView(b)) || a.byteLength !== b.byteLength) return false;
    const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    return x.every((byte, i) => byte === y[i]);
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    if (!isDeepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], strict, seen)) return false;
  }
  return true;
}

type ErrorMatcher = RegExp | (new (...args: any[]) => unknown) | ((err: unknown) => boolean) | Record<string, unknown>;

function matchesError(err: unknown, expected: ErrorMatcher | undefined): boolean {
  if (expected === undefined) return true;
  if (expected instanceof RegExp) return expected.test(err instanceof Error ? `${err.name}: ${err.message}` : String(err)) || expected.test(String((err as Error)?.message ?? err));
  if (typeof expected === 'function') {
    if (expected.prototype !== undefined && err instanceof (expected as new (...args: any[]) => unknown)) return true;
    if (Error.isPrototypeOf(expected) || expected === Error) return false;
    return (expected as (err: unknown) => boolean).call({}, err) === true;
  }
  if (typeof expected === 'object' && err && typeof err === 'object') {
    return Object.keys(expected).every((k) => {
      const want = expected[k];
      const got = (err as Record<string, unknown>)[k];
      return want instanceof RegExp && typeof got === 'string' ? want.test(got) : isDeepEqual(got, want, true);
    });
  }
  return false;
}

export function ok(value: unknown, message?: Message): asserts value {
  if (!value) raise(message ?? 'The expression evaluated to a falsy value', value, true, '==');
}
export function equal(actual: unknown, expected: unknown, message?: Message): void {
  // eslint-disable-next-line eqeqeq
  if (!(actual == expected || (actual !== actual && expected !== expected))) raise(message, actual, expected, '==');
}
export function notEqual(actual: unknown, expected: unknown, message?: Message): void {
  // eslint-disable-next-line eqeqeq
  if (actual == expected || (actual !== actual && expected !== expected)) raise(message, actual, expected, '!=');
}
export function strictEqual<T>(actual: unknown, expected: T, message?: Message): asserts actual is T {
  if (!Object.is(actual, expected)) raise(message, actual, expected, 'strictEqual');
}
export function notStrictEqual(actual: unknown, expected: unknown, message?: Message): void {
  if (Object.is(actual, expected)) raise(message, actual, expected, 'notStrictEqual');
}
export function deepEqual(actual: unknown, expected: unknown, message?: Message): void {
  if (!isDeepEqual(actual, expected, false)) raise(message, actual, expected, 'deepEqual');
}
export function deepStrictEqual<T>(actual: unknown, expected: T, message?: Message): asserts actual is T {
  if (!isDeepEqual(actual, expected, true)) raise(message, actual, expected, 'deepStrictEqual');
}
export function notDeepStrictEqual(actual: unknown, expected: unknown, message?: Message): void {
  if (isDeepEqual(actual, expected, true)) raise(message, actual, expected, 'notDeepStrictEqual');
}
export function match(value: string, regexp: RegExp, message?: Message): void {
  if (typeof value !== 'string' || !regexp.test(value)) raise(message ?? `The input did not match ${regexp}: ${describe(value)}`, value, regexp, 'match');
}
export function doesNotMatch(value: string, regexp: RegExp, message?: Message): void {
  if (typeof value !== 'string' || regexp.test(value)) raise(message ?? `The input was expected not to match ${regexp}: ${describe(value)}`, value, regexp, 'doesNotMatch');
}
export function fail(message: Message = 'Failed'): never {
  raise(message, undefined, undefined, 'fail');
}
export function throws(fn: () => unknown, expected?: ErrorMatcher | string, message?: Message): void {
  if (typeof expected === 'string') [message, expected] = [expected, undefined];
  try {
    fn();
  } catch (err) {
    if (!matchesError(err, expected)) throw err;
    return;
  }
  raise(message ?? 'Missing expected exception.', undefined, expected, 'throws');
}
export function doesNotThrow(fn: () => unknown, message?: Message): void {
  try {
    fn();
  } catch (err) {
    raise(message ?? `Got unwanted exception: ${(err as Error)?.message ?? err}`, err, undefined, 'doesNotThrow');
  }
}
export async function rejects(
  promiseOrFn: Promise<unknown> | (() => Promise<unknown>),
  expected?: ErrorMatcher | string,
  message?: Message,
): Promise<void> {
  if (typeof expected === 'string') [message, expected] = [expected, undefined];
  try {
    await (typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn);
  } catch (err) {
    if (!matchesError(err, expected)) throw err;
    return;
  }
  raise(message ?? 'Missing expected rejection.', undefined, expected, 'rejects');
}
export async function doesNotReject(promiseOrFn: Promise<unknown> | (() => Promise<unknown>), message?: Message): Promise<void> {
  try {
    await (typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn);
  } catch (err) {
    raise(message ?? `Got unwanted rejection: ${(err as Error)?.message ?? err}`, err, undefined, 'doesNotReject');
  }
}

/** `assert(value)` is `assert.ok(value)`, with every function above as a property, like Node's. */
const assert = Object.assign((value: unknown, message?: Message) => ok(value, message), {
  ok,
  equal,
  notEqual,
  strictEqual,
  notStrictEqual,
  deepEqual,
  deepStrictEqual,
  notDeepStrictEqual,
  match,
  doesNotMatch,
  fail,
  throws,
  doesNotThrow,
  rejects,
  doesNotReject,
  AssertionError,
});
export const strict = assert;
export default assert;
