// Runs bench/vscode/ (bundled to bench/.build/vscode-bench.js) in real VS Code through
// scripts/vscode-server-test.mjs, `sessions` times with a fresh workspace and VS Code each, and
// collects the BENCH_RESULT lines. Used by bench/run.mjs.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, TYPICAL_PATH, largeReport } from './generate.mjs';

const PLACEHOLDER = 'TODO: Stellungnahme der Pressestelle ergänzen.\n\n';

/** Adds one placeholder to the public section, so the report has exactly one (warning) diagnostic. */
function withPlaceholder(text) {
  const out = text.replace(/^(## (?:Pressemitteilung|Press release)\n\n)/m, `$1${PLACEHOLDER}`);
  if (out === text) throw new Error('no public section to put a placeholder into');
  return out;
}

export function prepareWorkspace(opens) {
  const dir = mkdtempSync(path.join(tmpdir(), 'incident-report-bench-vscode-'));
  mkdirSync(path.join(dir, 'incidents'));
  const typical = withPlaceholder(readFileSync(path.join(ROOT, TYPICAL_PATH), 'utf8'));
  for (let i = 1; i <= opens + 1; i++) writeFileSync(path.join(dir, 'incidents', `typical-${i}.md`), typical.replace(/^id: (.*)$/m, `id: $1-${i}`));
  writeFileSync(path.join(dir, 'incidents', 'large.md'), withPlaceholder(largeReport()));
  return dir;
}

/** One VS Code session; resolves with the parsed BENCH_RESULT, or an error with the log tail. */
export function runSession({ opens = 10, edits = 20, largeEdits = 6, timeout = 300 } = {}) {
  const workspace = prepareWorkspace(opens);
  const args = [
    path.join(ROOT, 'scripts/vscode-server-test.mjs'),
    '--extension', ROOT,
    '--tests', path.join(ROOT, 'bench/.build/vscode-bench.js'),
    '--workspace', workspace,
    '--timeout', String(timeout),
    '--env', `BENCH_OPENS=${opens}`,
    '--env', `BENCH_EDITS=${edits}`,
    '--env', `BENCH_LARGE_EDITS=${largeEdits}`,
  ];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (c) => (log += c));
    child.stderr.on('data', (c) => (log += c));
    child.on('exit', (code) => {
      rmSync(workspace, { recursive: true, force: true });
      const line = log.split('\n').find((l) => l.includes('BENCH_RESULT '));
      if (line) resolve({ ok: true, result: JSON.parse(line.slice(line.indexOf('BENCH_RESULT ') + 13)), code });
      else resolve({ ok: false, code, log: log.split('\n').slice(-40).join('\n') });
    });
  });
}
