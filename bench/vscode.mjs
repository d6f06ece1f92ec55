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

/**
 * `count` member reports, each of its own provider report (so every open reads a parent nobody
 * has loaded yet), and the same member files without their `parent:` line, for the member-open
 * comparison (bench/vscode/index.ts): families/<n>/provider.md, families/<n>/member.md and
 * flat/<n>/member.md. Both carry the placeholder (one warning); each member states a start one
 * minute off its provider's, so with its parent it also gets a family-shared-facts error with a
 * related location in the parent: proof that the parent was read and checked when its first
 * diagnostics arrive.
 */
function writeMemberPairs(dir, typical, count) {
  for (let i = 1; i <= count; i++) {
    const organization = `Gemeinde ${i}`;
    const provider = typical
      .replace(/^id: (.*)$/m, `id: provider-${i}`)
      .replace(/^organization: .*$/m, `organization: IT-Dienstleister ${i}`)
      .replace(/^affected_organizations:\n(?: {2}- .*\n)*/m, `affected_organizations:\n  - ${organization}\n`);
    const member = (withParent) => {
      let shifted = false;
      const text = typical
        .replace(/^id: (.*)$/m, `id: member-${i}`)
        .replace(/^organization: .*$/m, `organization: ${organization}${withParent ? '\nparent: provider.md' : ''}`)
        .replace(/^affected_organizations:\n(?: {2}- .*\n)*/m, '')
        .replace(/^( {2}started_at: \d{4}-\d\d-\d\dT\d\d:)(\d\d)/m, (_, head, minute) => {
          shifted = true;
          return `${head}${String((Number(minute) + 1) % 60).padStart(2, '0')}`;
        });
      if (!shifted) throw new Error('the typical report has no timestamps.started_at to shift');
      return text;
    };
    for (const sub of [`families/${i}`, `flat/${i}`]) mkdirSync(path.join(dir, 'incidents', sub), { recursive: true });
    writeFileSync(path.join(dir, 'incidents', 'families', String(i), 'provider.md'), provider);
    writeFileSync(path.join(dir, 'incidents', 'families', String(i), 'member.md'), member(true));
    writeFileSync(path.join(dir, 'incidents', 'flat', String(i), 'member.md'), member(false));
  }
}

export function prepareWorkspace(opens, memberOpens = 0) {
  const dir = mkdtempSync(path.join(tmpdir(), 'incident-report-bench-vscode-'));
  mkdirSync(path.join(dir, 'incidents'));
  const typical = withPlaceholder(readFileSync(path.join(ROOT, TYPICAL_PATH), 'utf8'));
  for (let i = 1; i <= opens + 1; i++) writeFileSync(path.join(dir, 'incidents', `typical-${i}.md`), typical.replace(/^id: (.*)$/m, `id: $1-${i}`));
  writeFileSync(path.join(dir, 'incidents', 'large.md'), withPlaceholder(largeReport()));
  // One warm-up pair more than measured.
  if (memberOpens > 0) writeMemberPairs(dir, typical, memberOpens + 1);
  return dir;
}

/** One VS Code session; resolves with the parsed BENCH_RESULT, or an error with the log tail. */
export function runSession({ opens = 10, edits = 20, largeEdits = 6, memberOpens = 10, timeout = 300 } = {}) {
  const workspace = prepareWorkspace(opens, memberOpens);
  const args = [
    path.join(ROOT, 'scripts/vscode-server-test.mjs'),
    '--extension', ROOT,
    '--tests', path.join(ROOT, 'bench/.build/vscode-bench.js'),
    '--workspace', workspace,
    '--timeout', String(timeout),
    '--env', `BENCH_OPENS=${opens}`,
    '--env', `BENCH_EDITS=${edits}`,
    '--env', `BENCH_LARGE_EDITS=${largeEdits}`,
    '--env', `BENCH_MEMBER_OPENS=${memberOpens}`,
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
