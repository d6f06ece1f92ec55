'use strict';
/**
 * Runs a CommonJS bundle (out/cli.js, out/cli-worker.js) with a V8 code cache, the way Node 22's
 * `module.enableCompileCache()` does for every module (Node 20 has no such API).
 *
 * Why: each CLI process and each lint worker thread compiled its 2 MB bundle from scratch, and
 * then compiled every function again on its first call. With the bytecode from an earlier run, V8
 * skips both. Measured: `incident-report --version` and the start of a lint ~60 ms sooner per
 * process and per worker thread (CHANGELOG.md).
 *
 * The cache is a file per bundle content (a SHA-256 of the source in its name, since V8 itself only
 * checks the source's length), written once after a run that had none or whose cache V8 rejected
 * (another Node version, other V8 flags). It lives in a folder of the user's own under the temp
 * folder, used only if it is not writable by others: V8 trusts cached bytecode. Every failure
 * (no folder, a full disk, a corrupt file) falls back to compiling, never to an error.
 *
 * `INCIDENT_REPORT_COMPILE_CACHE=off` turns it off; `INCIDENT_REPORT_COMPILE_CACHE=<folder>` puts
 * the files there.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const Module = require('node:module');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');

/** The cache folder, created if needed, or `null` when caching is off or the folder is not safe. */
function cacheFolder(env = process.env) {
  const setting = env.INCIDENT_REPORT_COMPILE_CACHE;
  if (setting === 'off') return null;
  const uid = typeof process.getuid === 'function' ? process.getuid() : null;
  const folder = setting || path.join(os.tmpdir(), `incident-report-compile-cache${uid === null ? '' : `-${uid}`}`);
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    const info = fs.lstatSync(folder);
    if (!info.isDirectory()) return null;
    // Someone else's folder, or one others may write to, could hold bytecode we did not make.
    if (uid !== null && (info.uid !== uid || (info.mode & 0o022) !== 0)) return null;
    return folder;
  } catch {
    return null;
  }
}

/** The cache file of `source`: per Node/V8 version, architecture and source content. */
function cacheFile(folder, filename, source) {
  const hash = crypto.createHash('sha256').update(source).digest('hex').slice(0, 32);
  const name = `${path.basename(filename)}-${process.versions.v8}-${process.arch}-${hash}.cache`;
  return path.join(folder, name.replace(/[^\w.-]/g, '_'));
}

function readCache(file) {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Caches kept per bundle name. Every build (and every Node version) makes a new file; without a
 * bound the folder would grow by a megabyte per build. A few stay, for installations side by side.
 */
const KEPT_PER_BUNDLE = 4;

/** Writes `data` to `file` through a temporary file, so a reader never sees half a cache. */
function writeCache(file, data) {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    fs.writeFileSync(temporary, data, { mode: 0o600 });
    fs.renameSync(temporary, file);
    pruneCaches(file);
  } catch {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // Nothing more to do: the next run compiles again.
    }
  }
}

/** Deletes all but the newest {@link KEPT_PER_BUNDLE} caches of the bundle `file` is one of. */
function pruneCaches(file) {
  const folder = path.dirname(file);
  const bundle = path.basename(file).slice(0, path.basename(file).indexOf('.js-') + '.js-'.length);
  const caches = fs
    .readdirSync(folder)
    .filter((name) => name.startsWith(bundle) && name.endsWith('.cache'))
    .map((name) => ({ name, mtime: fs.statSync(path.join(folder, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const { name } of caches.slice(KEPT_PER_BUNDLE)) fs.rmSync(path.join(folder, name), { force: true });
}

/**
 * Compiles the CommonJS file `filename` with the code cache. `run()` runs it like `require` would
 * (its own `module`, `require`, `__filename`, `__dirname`); `save()` writes the cache when this run
 * should (call it once the run has compiled what it needs), else does nothing.
 */
function prepare(filename, env = process.env) {
  const source = fs.readFileSync(filename, 'utf8');
  const folder = cacheFolder(env);
  const file = folder === null ? null : cacheFile(folder, filename, source);
  const cachedData = file === null ? undefined : readCache(file);
  const script = new vm.Script(Module.wrap(source), { filename, cachedData });
  let due = file !== null && (cachedData === undefined || script.cachedDataRejected === true);
  return {
    /** Whether V8 took the cached bytecode. */
    usedCache: cachedData !== undefined && script.cachedDataRejected !== true,
    run() {
      const module = new Module(filename, null);
      module.filename = filename;
      module.paths = Module._nodeModulePaths(path.dirname(filename));
      module.loaded = true;
      const wrapper = script.runInThisContext({ displayErrors: true });
      wrapper.call(module.exports, module.exports, Module.createRequire(filename), module, filename, path.dirname(filename));
    },
    save() {
      if (!due) return;
      due = false;
      writeCache(file, script.createCachedData());
    },
  };
}

/**
 * Where a worker bundle finds the function that writes its cache: it calls it before it reports
 * `done`, since the main thread may end the worker right after that message (src/cli/worker.ts).
 */
const BEFORE_DONE = Symbol.for('incident-report.compile-cache.before-done');

/** Runs the CLI's main bundle; the cache (if due) is written when the process exits. */
function runMain(filename) {
  const bundle = prepare(filename);
  process.once('exit', () => bundle.save());
  bundle.run();
}

/** Runs a lint worker's bundle (in the worker thread); the bundle writes the cache before `done`. */
function runWorker(filename) {
  const bundle = prepare(filename);
  globalThis[BEFORE_DONE] = () => bundle.save();
  bundle.run();
}

module.exports = { prepare, runMain, runWorker, cacheFolder, cacheFile, BEFORE_DONE };
