#!/usr/bin/env node
// Runs the integration suite (out/test/integration*.js, built by scripts/build.mjs) in real VS Code:
//
//   node scripts/test-integration.mjs [--node-only | --web-only] [--electron] [runner args ...]
//
// Default: the VS Code server build (scripts/vscode-server-test.mjs) twice — first the Node
// extension host with out/extension.js, then `--web` (the web-worker host with out/web/extension.js
// and the browser test bundle). Fails when either fails. `--electron` runs the Node suite in desktop
// VS Code through @vscode/test-electron instead (scripts/test-electron.mjs), where it can be downloaded.
// Then the restricted-mode suite (out/test/integration.restricted.js) in the Node host, with
// workspace trust enabled so test/integration/workspace-restricted opens untrusted.
// Every run gets a fresh copy of its workspace, because the tests create and save files.
// Other arguments (e.g. --verbose, --env MOCHA_GREP=diagnostics) are passed to the runner.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURE = path.join(ROOT, 'test/integration/workspace');
const RESTRICTED_FIXTURE = path.join(ROOT, 'test/integration/workspace-restricted');
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  if (i === -1) return false;
  args.splice(i, 1);
  return true;
};
const electron = flag('--electron');
const nodeOnly = flag('--node-only');
const webOnly = flag('--web-only');

const runs = electron
  ? [{ label: 'desktop VS Code (@vscode/test-electron)', script: 'test-electron.mjs', tests: 'out/test/integration.js', extra: [] }]
  : [
      { label: 'Node extension host', script: 'vscode-server-test.mjs', tests: 'out/test/integration.js', extra: [] },
      { label: 'web-worker extension host', script: 'vscode-server-test.mjs', tests: 'out/test/integration.web.js', extra: ['--web'] },
      {
        label: 'restricted mode (untrusted workspace, Node extension host)',
        script: 'vscode-server-test.mjs',
        tests: 'out/test/integration.restricted.js',
        extra: ['--workspace-trust'],
        fixture: RESTRICTED_FIXTURE,
      },
    ].filter((run) => !(nodeOnly && run.extra.includes('--web')) && !(webOnly && !run.extra.includes('--web')));

for (const run of runs) {
  if (!fs.existsSync(path.join(ROOT, run.tests))) {
    console.error(`test-integration: ${run.tests} is missing: run \`npm run build\` first (npm run test:integration does).`);
    process.exit(1);
  }
}

let child;
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    interrupted = true;
    // The runner cleans up its own server and browser on the same signal.
    if (child && child.exitCode === null) child.kill(signal);
  });
}

function runOne(run) {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'incident-report-it-'));
  // Byte-exact copy: the CRLF + BOM fixture must reach VS Code unchanged.
  fs.cpSync(run.fixture ?? FIXTURE, workspace, { recursive: true });
  const argv = [
    path.join(ROOT, 'scripts', run.script),
    '--extension', ROOT,
    '--tests', path.join(ROOT, run.tests),
    '--workspace', workspace,
    ...run.extra,
    ...args,
  ];
  console.log(`\n=== integration tests: ${run.label} ===`);
  return new Promise((resolve) => {
    child = spawn(process.execPath, argv, { stdio: ['inherit', 'pipe', 'pipe'], cwd: ROOT });
    // Echoed as it arrives, and kept: the summary repeats what failed, because CI logs are often
    // read from the end.
    let output = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      output += chunk;
    });
    child.on('close', (code, signal) => {
      fs.rmSync(workspace, { recursive: true, force: true });
      resolve({ code: code ?? (signal ? 1 : 0), failures: failureLines(output) });
    });
  });
}

/**
 * The lines that say what failed: each `✗` test with the first lines of its error, and the runner's
 * own error lines (a server that never started, a timeout), at most 60 lines.
 */
function failureLines(output) {
  const lines = output.split(/\r?\n/);
  const picked = [];
  lines.forEach((line, i) => {
    if (/^\s*✗ /.test(line)) picked.push(line, ...lines.slice(i + 1, i + 6).filter((l) => l.trim() !== '' && !/^\s*[✓✗] /.test(l)));
    else if (/^vscode-server-test: (?!PASSED|starting|running)/.test(line)) picked.push(line);
  });
  return picked.slice(0, 60);
}

const results = [];
for (const run of runs) {
  if (interrupted) break;
  results.push({ label: run.label, ...(await runOne(run)) });
}

console.log('\n=== integration test summary ===');
for (const { label, code, failures } of results) {
  console.log(`${code === 0 ? 'PASSED' : 'FAILED'}  ${label} (exit ${code})`);
  if (code !== 0) for (const line of failures) console.log(`    ${line}`);
}
const failed = interrupted || results.length < runs.length || results.some((r) => r.code !== 0);
process.exit(failed ? 1 : 0);
