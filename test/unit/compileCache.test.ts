import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * bin/compile-cache.js runs the CLI's bundles with V8's code cache. Whatever the cache holds (none,
 * its own, garbage), the CLI must print the same; the cache must come from the user's own folder.
 * Runs the built CLI (npm run build first; `npm test` does).
 */
const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'incident-report.js');
const requireHere = createRequire(__filename);
const compileCache = requireHere(join(ROOT, 'bin', 'compile-cache.js')) as {
  prepare(filename: string, env?: Record<string, string>): { usedCache: boolean; run(): void; save(): void };
  cacheFolder(env?: Record<string, string>): string | null;
};

function cli(args: string[], env: Record<string, string>, cwd = ROOT) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', TZ: 'Europe/Berlin', LANG: 'C', ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const cacheFiles = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.cache')).sort();

describe('V8 code cache of the CLI (bin/compile-cache.js)', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'incident-report-compile-cache-test-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the cache once and prints the same with it as without it', () => {
    const folder = join(dir, 'cache');
    const args = ['lint', '--format', 'json', '--now', '2023-11-06T12:00:00+01:00', 'examples'];
    const without = cli(args, { INCIDENT_REPORT_COMPILE_CACHE: 'off' });
    const first = cli(args, { INCIDENT_REPORT_COMPILE_CACHE: folder });
    const [file, ...others] = cacheFiles(folder);
    assert.match(file ?? '', /^cli\.js-.+-[0-9a-f]{32}\.cache$/);
    assert.deepStrictEqual(others, []);
    const written = statSync(join(folder, file!)).mtimeMs;
    const second = cli(args, { INCIDENT_REPORT_COMPILE_CACHE: folder });
    for (const run of [first, second]) assert.deepStrictEqual(run, without);
    assert.equal(JSON.parse(without.stdout).length, 5, 'the examples were linted');
    assert.equal(statSync(join(folder, file!)).mtimeMs, written, 'a cache V8 took is not written again');
  });

  it('compiles afresh and replaces a cache that V8 rejects', () => {
    const folder = join(dir, 'cache');
    const version = cli(['--version'], { INCIDENT_REPORT_COMPILE_CACHE: folder });
    const [file] = cacheFiles(folder);
    writeFileSync(join(folder, file!), 'not V8 bytecode at all');
    assert.deepStrictEqual(cli(['--version'], { INCIDENT_REPORT_COMPILE_CACHE: folder }), version);
    assert.notEqual(readFileSync(join(folder, file!), 'utf8'), 'not V8 bytecode at all');
  });

  it('keeps the four newest caches of a bundle when it writes one', () => {
    const folder = join(dir, 'cache');
    mkdirSync(folder, { mode: 0o700 });
    const old = ['a', 'b', 'c', 'd', 'e'].map((tag, i) => {
      const name = `cli.js-0.0-x64-${tag.repeat(32)}.cache`;
      writeFileSync(join(folder, name), 'old');
      utimesSync(join(folder, name), 1_000_000 + i, 1_000_000 + i);
      return name;
    });
    writeFileSync(join(folder, 'cli-worker.js-0.0-x64-old.cache'), 'another bundle');
    assert.equal(cli(['--version'], { INCIDENT_REPORT_COMPILE_CACHE: folder }).code, 0);
    const kept = cacheFiles(folder);
    assert.equal(kept.filter((name) => name.startsWith('cli.js-')).length, 4);
    // The new one and the three newest old ones; the other bundle's cache is not touched.
    for (const name of [...old.slice(2), 'cli-worker.js-0.0-x64-old.cache']) assert.ok(kept.includes(name), name);
  });

  it('uses the cached bytecode on the next load', () => {
    const script = join(dir, 'script.js');
    writeFileSync(script, 'globalThis.compileCacheTest = [__filename, typeof require, module.exports === exports];\n');
    const env = { INCIDENT_REPORT_COMPILE_CACHE: join(dir, 'cache') };
    const first = compileCache.prepare(script, env);
    assert.equal(first.usedCache, false);
    first.run();
    assert.deepStrictEqual((globalThis as Record<string, unknown>).compileCacheTest, [script, 'function', true]);
    first.save();
    assert.equal(compileCache.prepare(script, env).usedCache, true);
  });

  it('writes the cache of a lint worker thread too', () => {
    const folder = join(dir, 'cache');
    const reports = join(dir, 'reports');
    mkdirSync(reports);
    const text = readFileSync(join(ROOT, 'examples/incidents/2023-10-30-suedwestfalen-it.md'), 'utf8');
    for (let i = 0; i < 260; i++) writeFileSync(join(reports, `r-${i}.md`), text.replace(/^id: (.*)$/m, `id: $1-${i}`));
    const args = ['lint', '--format', 'json', '--now', '2023-11-06T12:00:00+01:00', 'reports'];
    const one = cli(args, { INCIDENT_REPORT_COMPILE_CACHE: 'off', INCIDENT_REPORT_JOBS: '1' }, dir);
    const two = cli(args, { INCIDENT_REPORT_COMPILE_CACHE: folder, INCIDENT_REPORT_JOBS: '2' }, dir);
    assert.deepStrictEqual(two, one);
    assert.deepStrictEqual(cacheFiles(folder).map((name) => name.slice(0, name.indexOf('.js-') + 3)), ['cli-worker.js', 'cli.js']);
  });

  it('uses no folder that others may write to, and none when turned off', function () {
    if (typeof process.getuid !== 'function') this.skip(); // Windows: the temp folder is the user's own
    const open = join(dir, 'open');
    mkdirSync(open);
    chmodSync(open, 0o777);
    assert.equal(compileCache.cacheFolder({ INCIDENT_REPORT_COMPILE_CACHE: open }), null);
    assert.equal(cli(['--version'], { INCIDENT_REPORT_COMPILE_CACHE: open }).code, 0);
    assert.deepStrictEqual(cacheFiles(open), []);
    assert.equal(compileCache.cacheFolder({ INCIDENT_REPORT_COMPILE_CACHE: 'off' }), null);
    chmodSync(open, 0o700);
    assert.equal(compileCache.cacheFolder({ INCIDENT_REPORT_COMPILE_CACHE: open }), open);
  });
});
