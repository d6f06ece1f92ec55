#!/usr/bin/env node
// `npm run bench`: builds, measures, prints a table and writes BENCHMARKS.md. Not part of the tests.
//
//   npm run bench                                   # everything (≈ 15–25 min on 2 cores)
//   npm run bench -- --only core,cli                # some sections: core, cli, vscode, lsp, size, profile
//   npm run bench -- --rounds 5 --sessions 3 --files 2000 --no-write
//   node bench/run.mjs --report-only                # rewrite BENCHMARKS.md from bench/.build/results.json
//
// Every figure is a median of repeated runs after a warm-up; comparisons run side by side in the
// same run (interleaved) and are given as ratios. See BENCHMARKS.md for what each row measures.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildBench } from './build.mjs';
import { commands, prepareCorpus, prepareFamilyCorpus, timeCommands, timePairs, verify } from './cli.mjs';
import { ROOT, TYPICAL_PATH, largeItemCount } from './generate.mjs';
import { composition, measureSizes } from './size.mjs';
import { median, quantile } from './stats.mjs';
import { runSession } from './vscode.mjs';
import { lspSession } from './lsp.mjs';

// ------------------------------------------------------------------------------------------------
// Options
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};
const SECTIONS = ['core', 'cli', 'family', 'vscode', 'lsp', 'size', 'profile'];
const only = new Set((option('only', SECTIONS.join(',')) ?? '').split(',').filter(Boolean));
for (const s of only) if (!SECTIONS.includes(s)) throw new Error(`--only: unknown section "${s}" (${SECTIONS.join(', ')})`);
const ROUNDS = Number(option('rounds', 3));
const SESSIONS = Number(option('sessions', 3));
const FILES = Number(option('files', 2000));
/** Paired runs of ours and the `yaml` parseDocument floor (issue 23's ratio); cheap next to the peer's rounds. */
const FLOOR_PAIRS = Number(option('floor-pairs', 15));
const WRITE = !argv.includes('--no-write');
const REPORT_ONLY = argv.includes('--report-only');
if (REPORT_ONLY) argv.splice(argv.indexOf('--report-only'), 1);
const log = (line) => process.stderr.write(`${line}\n`);

// ------------------------------------------------------------------------------------------------
// Targets (issues 5, 14 and 23)
const TARGETS = {
  typicalLint: 1, // ms, p50
  outputRender: 5, // ms, p50 per public output (render --as), typical report
  largeLint: 300, // ms (p50)
  cliVsPeer: 20, // ours at least 20× faster
  cliVsFloor: 1.5, // within 1.5× of the read + `yaml` parseDocument floor, paired runs
  threadsGain: 1.2, // worker threads by default only when they make a run at least this much faster
  familyVsFlat: 1.3, // families at most 1.3× the same files without parent (issue 14)
  debounce: 200, // ms (src/extension/constants.ts VALIDATE_DEBOUNCE_MS)
  editSlack: 20, // ms over the debounce
  lspReady: 500, // ms: language server started → initialize answered (issue 25)
  firstDiagnostic: 1000, // ms
  memberOpenSlack: 200, // ms: a member opened reaches its first diagnostic at most this much later than without parent (issue 14)
  vsix: 1024 * 1024, // bytes
};

// ------------------------------------------------------------------------------------------------
// Helpers
const node = process.execPath;
function runJson(args, options = {}) {
  const res = spawnSync(node, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26, ...options });
  if (res.status !== 0) throw new Error(`node ${args.join(' ')} failed (${res.status}): ${res.stderr}`);
  return JSON.parse(res.stdout.trim().split('\n').at(-1));
}
function runChecked(args) {
  const res = spawnSync(node, args, { cwd: ROOT, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`node ${args.join(' ')} failed (${res.status}): ${res.stderr}`);
}
const ms = (v, digits) => (v === null || v === undefined || Number.isNaN(v) ? '–' : `${v.toFixed(digits ?? (v < 10 ? 2 : v < 100 ? 1 : 0))} ms`);
const sec = (v) => `${(v / 1000).toFixed(2)} s`;
const kb = (bytes) => `${(bytes / 1024).toFixed(bytes < 10240 ? 1 : 0)} KB`;
const ratio = (v) => `${v >= 10 ? v.toFixed(0) : v.toFixed(1)}×`;
/** A ratio held against a threshold near it: two decimals, so that 1.15× is not printed as the 1.2× it misses. */
const ratio2 = (v) => `${v.toFixed(2)}×`;
const signed = (v) => (Number.isNaN(v) || v === undefined ? '–' : `${v >= 0 ? '+' : '−'}${ms(Math.abs(v))}`);
const verdict = (ok) => (ok === null ? 'n/a' : ok ? '**met**' : '**not met**');
const pkgVersion = (name) => {
  try {
    return JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return '–';
  }
};

// ------------------------------------------------------------------------------------------------
// Machine
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const cpus = os.cpus();
const machine = {
  cpu: cpus[0]?.model?.trim() ?? 'unknown',
  cores: cpus.length,
  parallelism: os.availableParallelism(),
  memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
  os: `${os.type()} ${os.release()} (${os.arch()})`,
  node: process.version,
  date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  loadBefore: os.loadavg(),
};
const versions = Object.fromEntries(
  ['yaml', 'ajv', 'remark-parse', 'micromark', 'esbuild', 'remark-cli', 'remark-frontmatter', 'remark-lint-frontmatter-schema'].map((n) => [n, pkgVersion(n)]),
);
let results = {};
if (REPORT_ONLY) {
  // Re-render BENCHMARKS.md from the numbers of the last run (after editing the report's text).
  const saved = JSON.parse(readFileSync(path.join(ROOT, 'bench/.build/results.json'), 'utf8'));
  Object.assign(machine, saved.machine);
  Object.assign(versions, saved.versions);
  results = saved.results;
  if (saved.argv) argv.splice(0, argv.length, ...saved.argv);
} else {
  log(`bench: ${machine.cpu}, ${machine.cores} cores, ${machine.memory}, Node ${machine.node}; load ${machine.loadBefore.map((l) => l.toFixed(2)).join(' ')}`);

  log('bench: building the benchmark bundles (bench/.build/)');
  await buildBench();

  // ------------------------------------------------------------------------------------------------
  // 1. Core latency
  if (only.has('core')) {
    log('bench: core latency (fresh process per document)');
    const cold = [];
    for (let i = 0; i < 5; i++) cold.push(runJson(['bench/core.mjs', 'cold']));
    results.core = {
      cold: { load: median(cold.map((c) => c.load)), createLinter: median(cold.map((c) => c.createLinter)), firstLint: median(cold.map((c) => c.firstLint)) },
      typical: runJson(['bench/core.mjs', 'typical']),
      broken: runJson(['bench/core.mjs', 'broken']),
      large: runJson(['bench/core.mjs', 'large']),
    };
    const { typical, large } = results.core;
    log(`  typical lint p50 ${ms(typical.lint.p50)} p95 ${ms(typical.lint.p95)}; large lint p50 ${ms(large.lint.p50)} p95 ${ms(large.lint.p95)}`);
  }

  // ------------------------------------------------------------------------------------------------
  // 2b. Incident families: 72 providers × 70 members, against the same files without `parent:`
  if (only.has('family')) {
    const corpus = prepareFamilyCorpus();
    log(`bench: CLI on ${corpus.files} family reports, with and without parent:`);
    try {
      results.family = { files: corpus.files, timing: await timeCommands(corpus.commands, ROUNDS, log), rounds: ROUNDS };
    } finally {
      corpus.cleanup();
    }
  }

  // ------------------------------------------------------------------------------------------------
  // 2. CLI throughput
  if (only.has('cli')) {
    log(`bench: CLI throughput on ${FILES} generated reports`);
    const corpus = prepareCorpus(FILES);
    try {
      const check = verify(corpus);
      log(`  corpus: ${JSON.stringify(check.kinds)}; ours flagged ${check.ours.flagged} (schema ${check.ours.schemaFlagged}), peer flagged ${check.peer.flagged} of ${check.schemaBroken} schema-broken`);
      const cmds = commands(corpus.dir);
      const timing = await timeCommands(cmds, ROUNDS, log);
      log(`bench: ours against the parseDocument floor, ${FLOOR_PAIRS} pairs`);
      const byId = (id) => cmds.find((c) => c.id === id);
      const floorPairs = await timePairs(byId('ours'), byId('floor'), FLOOR_PAIRS, log);
      results.cli = { check, timing, floorPairs, rounds: ROUNDS, files: FILES };
    } finally {
      corpus.cleanup();
    }
  }

  // ------------------------------------------------------------------------------------------------
  // 3. Real VS Code
  if (only.has('vscode')) {
    log(`bench: VS Code (${SESSIONS} sessions of scripts/vscode-server-test.mjs)`);
    const sessions = [];
    const failures = [];
    // The shipped (minified) build, as in the .vsix; the development build is restored afterwards.
    runChecked(['scripts/build.mjs', '--production']);
    try {
      for (let i = 0; i < SESSIONS; i++) {
        const session = await runSession();
        if (session.ok) {
          sessions.push(session.result);
          const pairs = session.result.memberOpen ?? [];
          const members = pairs.length ? `; member opens p50 ${ms(median(pairs.map((p) => p.member.polled)))} vs ${ms(median(pairs.map((p) => p.flat.polled)))} without parent:` : '';
          log(`  session ${i + 1}: first diagnostic ${ms(session.result.firstOpen.polled)}, edits p50 ${ms(median(session.result.edit.map((e) => e.polled)))}${members}`);
        } else {
          failures.push(session);
          log(`  session ${i + 1} failed (exit ${session.code}):\n${session.log}`);
        }
      }
    } finally {
      runChecked(['scripts/build.mjs']);
    }
    results.vscode = { sessions, failures };
  }

  // ------------------------------------------------------------------------------------------------
  // 3b. The language server, through a protocol client
  if (only.has('lsp')) {
    log(`bench: language server (${SESSIONS + 2} sessions of bench/lsp.mjs)`);
    const sessions = [];
    for (let i = 0; i < SESSIONS + 2; i++) {
      const session = await lspSession();
      sessions.push(session);
      log(`  session ${i + 1}: ready ${ms(session.ready)}, first diagnostic ${ms(session.firstDiagnostic)}, edits p50 ${ms(median(session.edit))}`);
    }
    results.lsp = { sessions };
  }

  // ------------------------------------------------------------------------------------------------
  // 4. Size
  if (only.has('size')) {
    log('bench: sizes (npm run package in a temporary copy)');
    results.size = { ...measureSizes(log), composition: await composition() };
  }

  // ------------------------------------------------------------------------------------------------
  // 5. Where the time goes
  if (only.has('profile')) {
    log('bench: CPU profiles');
    results.profile = Object.fromEntries(
      ['typical', 'large', 'render', 'render-large'].map((w) => [w, runJson(['bench/profile.mjs', w, '--json', '--no-build'])]),
    );
  }
  machine.loadAfter = os.loadavg();
}

// ------------------------------------------------------------------------------------------------
// Report
const rows = [];
const summary = [];
const md = [];
const row = (what, result, target, ok) => rows.push({ what, result, target, ok });

if (results.core) {
  const { typical, large, cold } = results.core;
  row(`lint, typical report (${kb(typical.bytes)}), p50 / p95`, `${ms(typical.lint.p50)} / ${ms(typical.lint.p95)}`, `p50 ≤ ${TARGETS.typicalLint} ms`, typical.lint.p50 <= TARGETS.typicalLint);
  if (results.core.broken) {
    const b = results.core.broken;
    row(`lint, report with ${b.findings} findings (examples/broken), p50 / p95`, `${ms(b.lint.p50)} / ${ms(b.lint.p95)}`, '–', null);
  }
  row(
    `render, typical report, p50 / p95`,
    typical.render ? `${ms(typical.render.p50)} / ${ms(typical.render.p95)}` : 'renderPressRelease not exported yet',
    '–',
    null,
  );
  // A render row per public output (render --as <id>): p50 ≤ 5 ms for the typical report.
  for (const [name, value] of Object.entries(typical)) {
    if (!name.startsWith('output:') || !value?.p50) continue;
    const id = name.slice('output:'.length);
    row(`render --as ${id}, typical report, p50 / p95`, `${ms(value.p50)} / ${ms(value.p95)}`, `p50 ≤ ${TARGETS.outputRender} ms`, value.p50 <= TARGETS.outputRender);
  }
  row(`lint, large report (${kb(large.bytes)}), p50 / p95`, `${ms(large.lint.p50)} / ${ms(large.lint.p95)}`, `≤ ${TARGETS.largeLint} ms`, large.lint.p50 <= TARGETS.largeLint);
  row(`render, large report, p50 / p95`, large.render ? `${ms(large.render.p50)} / ${ms(large.render.p95)}` : 'not exported yet', '–', null);
  row('cold start: load engine / createLinter() / first lint', `${ms(cold.load)} / ${ms(cold.createLinter)} / ${ms(cold.firstLint)}`, '–', null);
}
if (results.cli) {
  const t = results.cli.timing;
  const vsPeer = t.peer.median / t.ours.median;
  const threads = t.ours.median / t.oursJobs.median;
  row(`CLI, ${results.cli.files} reports: ours`, sec(t.ours.median), '–', null);
  row('CLI: ours with `--jobs auto` (worker threads)', `${sec(t.oursJobs.median)} (threads gain ${ratio2(threads)})`, `default only if ≥ ${TARGETS.threadsGain}×`, null);
  row('CLI: peer (remark-cli + remark-lint-frontmatter-schema)', `${sec(t.peer.median)} → ours ${ratio(vsPeer)} faster`, `≥ ${TARGETS.cliVsPeer}× faster`, vsPeer >= TARGETS.cliVsPeer);
  const pairs = results.cli.floorPairs;
  const vsFloor = pairs ? pairs.median : t.ours.median / t.floor.median;
  const spread = pairs ? ` (median of ${pairs.ratios.length} pairs; ${ratio(Math.min(...pairs.ratios))} … ${ratio(Math.max(...pairs.ratios))})` : '';
  row('CLI: floor (read + `yaml` parseDocument), paired runs', `${sec(pairs ? median(pairs.times.floor) : t.floor.median)} → ours ${ratio(vsFloor)} the floor${spread}`, `≤ ${TARGETS.cliVsFloor}× the floor`, vsFloor <= TARGETS.cliVsFloor);
}
if (results.family) {
  const t = results.family.timing;
  const vsFlat = t.family.median / t.flat.median;
  row(`CLI, ${results.family.files} family reports (72 × 1 + 70)`, `${sec(t.family.median)} vs ${sec(t.flat.median)} without parent: → ${ratio(vsFlat)}`, `≤ ${TARGETS.familyVsFlat}×`, vsFlat <= TARGETS.familyVsFlat);
}
let vs = null;
if (results.vscode) {
  const s = results.vscode.sessions;
  if (s.length > 0) {
    // Per kind of action: the event time (onDidChangeDiagnostics), the polled time (getDiagnostics:
    // when the extension set them) and the time from VS Code's document event, all sorted.
    const pick = (timings) => {
      const sorted = (key) => timings.map((t) => t[key]).filter((v) => v !== null && v !== undefined).sort((a, b) => a - b);
      return { n: timings.length, event: sorted('total'), polled: sorted('polled'), fromEvent: sorted('fromEvent') };
    };
    vs = {
      first: pick(s.map((x) => x.firstOpen)),
      warm: pick(s.flatMap((x) => x.warmOpen)),
      edit: pick(s.flatMap((x) => x.edit)),
      largeOpen: pick(s.map((x) => x.largeOpen)),
      largeEdit: pick(s.flatMap((x) => x.largeEdit)),
      activeBeforeOpen: s.map((x) => x.activeBeforeOpen),
      member: pick(s.flatMap((x) => (x.memberOpen ?? []).map((pair) => pair.member))),
      flat: pick(s.flatMap((x) => (x.memberOpen ?? []).map((pair) => pair.flat))),
      // Per pair (opened one right after the other): member minus the same file without parent.
      memberExtra: s
        .flatMap((x) => x.memberOpen ?? [])
        .filter((pair) => pair.member.polled !== null && pair.flat.polled !== null)
        .map((pair) => pair.member.polled - pair.flat.polled)
        .sort((a, b) => a - b),
      // The same from VS Code's open event: the extension's own extra work (reading and checking the parent).
      memberExtraFromEvent: s
        .flatMap((x) => x.memberOpen ?? [])
        .filter((pair) => pair.member.fromEvent !== null && pair.flat.fromEvent !== null)
        .map((pair) => pair.member.fromEvent - pair.flat.fromEvent)
        .sort((a, b) => a - b),
    };
    const p = (list, q) => quantile(list, q);
    const editLimit = TARGETS.debounce + TARGETS.editSlack;
    if (vs.memberExtra.length > 0) {
      const extra = median(vs.memberExtra);
      row(
        'VS Code: open a member → first diagnostic, vs the same file without `parent:` (set, median of pairs)',
        `${ms(median(vs.member.polled))} vs ${ms(median(vs.flat.polled))} → ${signed(extra)} (${vs.memberExtra.length} pairs); from the open event ${signed(median(vs.memberExtraFromEvent))}`,
        `≤ +${TARGETS.memberOpenSlack} ms`,
        extra <= TARGETS.memberOpenSlack,
      );
    }
    row(
      'VS Code: open → first diagnostic (activation included), set / event',
      `${ms(median(vs.first.polled))} / ${ms(median(vs.first.event))}`,
      `≤ ${TARGETS.firstDiagnostic} ms`,
      median(vs.first.event) <= TARGETS.firstDiagnostic,
    );
    row(
      'VS Code: edit → updated diagnostic, p50 (p95): set / event / from the change event',
      `${ms(p(vs.edit.polled, 0.5))} (${ms(p(vs.edit.polled, 0.95))}) / ${ms(p(vs.edit.event, 0.5))} (${ms(p(vs.edit.event, 0.95))}) / ${ms(p(vs.edit.fromEvent, 0.5))} (${ms(p(vs.edit.fromEvent, 0.95))})`,
      `≤ ${editLimit} ms (debounce ${TARGETS.debounce} + ${TARGETS.editSlack})`,
      p(vs.edit.polled, 0.5) <= editLimit,
    );
  } else {
    row('VS Code', `could not run: ${results.vscode.failures[0]?.log.split('\n').filter(Boolean).at(-1) ?? 'no session'}`, '–', false);
  }
}
if (results.lsp) {
  const s = results.lsp.sessions;
  const ready = median(s.map((x) => x.ready));
  const edit = median(s.flatMap((x) => x.edit));
  row('Language server: start → ready (p50)', ms(ready), `≤ ${TARGETS.lspReady} ms`, ready <= TARGETS.lspReady);
  row('Language server: open → first diagnostic (p50)', ms(median(s.map((x) => x.firstDiagnostic))), '–', null);
  row('Language server: edit → diagnostic (p50)', ms(edit), `≤ ${TARGETS.debounce + TARGETS.editSlack} ms (debounce + ${TARGETS.editSlack})`, edit <= TARGETS.debounce + TARGETS.editSlack);
}
if (results.size) {
  const z = results.size;
  if (z.vsix) row('.vsix (npm run package)', `${kb(z.vsix.bytes)} (${z.vsix.files} files)`, '< 1 MB', z.vsix.bytes < TARGETS.vsix);
  else row('.vsix', z.note, '< 1 MB', false);
}

// --- printed table
const printable = [['measurement', 'result', 'target', 'status'], ...rows.map((r) => [r.what, r.result, r.target, r.ok === null ? '' : r.ok ? 'met' : 'NOT MET'])];
const widths = printable[0].map((_, c) => Math.min(90, Math.max(...printable.map((r) => r[c].length))));
console.log('');
for (const [i, r] of printable.entries()) {
  console.log(r.map((cell, c) => cell.padEnd(widths[c])).join('  '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
console.log('');

// --- BENCHMARKS.md
const cmdLine = `npm ci && npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`;
md.push('# Benchmarks', '');
md.push(
  `Measured by \`npm run bench\` (bench/run.mjs) on ${machine.date.slice(0, 10)}. Every figure is a median of repeated runs after a warm-up;`,
  'comparisons ran side by side in the same run (interleaved) and are given as ratios. Reproduce with:',
  '',
  '```sh',
  cmdLine,
  '```',
  '',
);
md.push('| machine | |', '|---|---|');
md.push(`| CPU | ${machine.cpu}, ${machine.cores} cores (available parallelism ${machine.parallelism}) |`);
md.push(`| memory | ${machine.memory} |`, `| OS | ${machine.os} |`, `| Node.js | ${machine.node} |`);
md.push(`| incident-report | ${pkg.version} (development build from \`npm run build\`; the .vsix row uses the production build) |`);
md.push(`| libraries | ${Object.entries(versions).map(([n, v]) => `${n} ${v}`).join(', ')} |`);
md.push(
  `| load average (1/5/15 min) | before ${machine.loadBefore.map((l) => l.toFixed(2)).join(' / ')}, after ${machine.loadAfter.map((l) => l.toFixed(2)).join(' / ')} (the benchmark's own load included) |`,
  '',
);
// Only the load before the run says whether other work was running: the load after includes the
// benchmark's own last sections (VS Code with Chromium, worker threads, packaging).
if (Math.max(...machine.loadBefore) > machine.cores * 0.75) {
  md.push(
    `> **Note:** the machine was busy with other work when this run started (load average up to ${Math.max(...machine.loadBefore).toFixed(1)} on ${machine.cores} cores).`,
    '> Absolute times are inflated and noisy, and worker threads cannot gain much when no core is idle; the side-by-side',
    '> ratios are the more reliable figures. Rerun on an idle machine for clean absolute numbers.',
    '',
  );
}
md.push('## Summary', '', '| measurement | result | target | status |', '|---|---|---|---|');
for (const r of rows) md.push(`| ${r.what} | ${r.result} | ${r.target} | ${verdict(r.ok)} |`);
md.push('');

if (results.core) {
  const { typical, large, cold } = results.core;
  md.push('## 1. Core latency', '');
  md.push(
    `\`createLinter().lint(text)\` and \`renderPressRelease(parseReport(text))\` from the engine bundled like out/cli.js (bench/.build/core.cjs), in a fresh`,
    `Node process per document, warm: ${typical.warmup} (typical) / ${large.warmup} (large) warm-up iterations, then ${typical.runs} / ${large.runs} runs of ${typical.samples} / ${large.samples} timed calls each,`,
    'lint and render interleaved; p50 and p95 per run, median over the runs.',
    '',
    `- typical: \`${TYPICAL_PATH}\` (${kb(typical.bytes)}, ${typical.findings} findings)`,
    `- large: generated by bench/generate.mjs (${kb(large.bytes)}: the typical report with ${largeItemCount().toLocaleString('en')} affected services and as many updates, and a 100 KB public section; ${large.findings} findings)`,
    '',
    '| document | lint p50 | lint p95 | render p50 | render p95 |',
    '|---|---|---|---|---|',
    `| typical | ${ms(typical.lint.p50)} | ${ms(typical.lint.p95)} | ${typical.render ? ms(typical.render.p50) : '–'} | ${typical.render ? ms(typical.render.p95) : '–'} |`,
    ...(results.core.broken
      ? [
          `| examples/broken (${results.core.broken.findings} findings) | ${ms(results.core.broken.lint.p50)} | ${ms(results.core.broken.lint.p95)} | ${ms(results.core.broken.render.p50)} | ${ms(results.core.broken.render.p95)} |`,
        ]
      : []),
    `| large | ${ms(large.lint.p50)} | ${ms(large.lint.p95)} | ${large.render ? ms(large.render.p50) : '–'} | ${large.render ? ms(large.render.p95) : '–'} |`,
    '',
    `Cold start (median of 5 fresh processes): loading the engine bundle ${ms(cold.load)}, \`createLinter()\` (the bundled schema's`,
    `validator is generated at build time, so nothing is compiled) ${ms(cold.createLinter)}, the first lint of the typical report ${ms(cold.firstLint)}.`,
    '',
  );
}
if (results.cli) {
  const { check, timing, rounds, files } = results.cli;
  const t = timing;
  md.push('## 2. CLI throughput', '');
  md.push(
    `A corpus of ${files} reports generated from examples/ (bench/generate.mjs, fixed seed): ${check.kinds.valid} valid, ${check.kinds.schema} with a schema`,
    `error (unknown key, bad enum, missing field, wrong type, too short), ${check.kinds.domain} with only a domain problem (timestamp without offset,`,
    `placeholder), ${check.kinds.example} copies of examples/broken. Wall time of the whole command from spawn to exit, stdout and stderr to`,
    `/dev/null; one warm-up run of each, then ${rounds} rounds in rotated order; median.`,
    '',
    '| command | median | runs | exit |',
    '|---|---|---|---|',
  );
  for (const [id, r] of Object.entries(t)) md.push(`| ${r.label} | ${sec(r.median)} | ${r.runs.map(sec).join(', ')} | ${r.exits.join(', ')} |`);
  md.push(
    '',
    `- ours vs the peer: **${ratio(t.peer.median / t.ours.median)} faster** (target ≥ ${TARGETS.cliVsPeer}×); worker threads (\`--jobs auto\`) vs one thread:`,
    `  ${ratio2(t.ours.median / t.oursJobs.median)} (they would be the default from ${TARGETS.threadsGain}×).`,
    ...(results.cli.floorPairs
      ? [
          `- Ours against the floor in ${results.cli.floorPairs.ratios.length} pairs run one right after the other (the order alternates): median ratio`,
          `  **${ratio(results.cli.floorPairs.median)}** (target ≤ ${TARGETS.cliVsFloor}×); per pair ${results.cli.floorPairs.ratios.map(ratio).join(', ')}. The ratio of the medians above is ${ratio(t.ours.median / t.floor.median)};`,
          '  the pairs see the same machine speed, which drifts over the rounds.',
        ]
      : []),
    `- Both really validate: the peer flagged ${check.peer.flagged} files, missing ${check.peer.missed} of the ${check.schemaBroken} schema-broken ones, with ${check.peer.falseAlarms} false alarms on`,
    `  valid files; ours flagged ${check.ours.flagged} (schema errors in ${check.ours.schemaFlagged}, missing ${check.ours.missed}, ${check.ours.falseAlarms} false alarms) — the`,
    '  difference is the domain rules (chronology, time zones, placeholders, leaks) the peer does not have.',
    '- Ours: `node bin/incident-report.js lint incidents` (stylish output), on one thread; `--jobs auto` adds a worker thread per',
    '  further core once there are ≥ 250 files per worker (src/cli/workerPool.ts).',
    '- Peer: `remark incidents --no-stdout --frail` with a `.remarkrc.mjs` that loads remark-frontmatter and',
    "  remark-lint-frontmatter-schema with `schemas: { './incident-report.schema.json': ['incidents/**/*.md'] }`. The plugin builds a",
    "  default (draft-07) Ajv, which rejects the schema's `$schema: 2020-12` line itself; the peer gets a copy without that line —",
    '  the schema uses no 2020-only keyword, so the constraints are the same. The plugin compiles the schema again for every file.',
    '- Floor: bench/floor.mjs reads each file and parses its frontmatter with `yaml`\'s `parseDocument` (the same platform-neutral',
    '  build of `yaml` the CLI bundles; its Node build reads `process.env.LOG_TOKENS` for every token and parses a third slower),',
    '  single-threaded: the least any tool that reads these reports with `yaml` does.',
    '',
  );
}
/** Where the first open's time went (bench/vscode/index.ts, `firstOpenSplit`), median over the sessions. */
function firstOpenSplit(sessions) {
  const splits = sessions.map((s) => s.firstOpenSplit).filter(Boolean);
  if (splits.length === 0) return ['The extension was already active before the first report opened: no split of the first open.'];
  const m = (key) => ms(median(splits.map((s) => s[key])));
  const perSession = sessions
    .filter((s) => s.firstOpenSplit)
    .map((s) => `${ms(s.firstOpen.polled)} (${ms(s.firstOpenSplit.untilLoaded)} + ${ms(s.firstOpenSplit.untilActivate)} + ${ms(s.firstOpenSplit.activate)} + ${ms(s.firstOpenSplit.untilSet)})`)
    .join(', ');
  return [
    `The first open, split on the extension host's clock (median of ${splits.length} session(s)): from VS Code's document event until the`,
    `extension's bundle had loaded ${m('untilLoaded')} — VS Code activating extensions in the shared extension host (the built-in Markdown`,
    `extension activates on the same event) plus loading the bundle (${results.core ? ms(results.core.cold.load) : 'see section 1'} in plain Node, development build);`,
    `until \`activate()\` was called ${m('untilActivate')}; \`activate()\` itself ${m('activate')}; then until the diagnostics were set (the first lint`,
    `of the document, cold, and publishing) ${m('untilSet')}. Per session, set (split): ${perSession}.`,
  ];
}

if (results.vscode) {
  md.push('## 3. In real VS Code', '');
  md.push(
    'bench/vscode/index.ts runs as the test module of scripts/vscode-server-test.mjs (VS Code server build + headless Chromium,',
    `Node extension host, the production build of the extension as in the .vsix), ${results.vscode.sessions.length + results.vscode.failures.length} session(s) with a fresh VS Code and workspace each. Times are`,
    '`performance.now()` in the extension host from just before the action (opening the document, `TextEditor.edit()`) until the',
    "extension's diagnostics for the document are the expected ones (see *set* and *event* below). The reports carry one placeholder (one warning);",
    'an edit inserts or removes a second placeholder line in the public section, 300 ms apart (longer than the debounce).',
    '',
  );
  if (vs) {
    const q = (list, p) => ms(quantile(list, p));
    const line = (label, v) => `| ${label} | ${q(v.polled, 0.5)} | ${q(v.polled, 0.95)} | ${q(v.event, 0.5)} | ${q(v.event, 0.95)} | ${q(v.fromEvent, 0.5)} | ${v.n} |`;
    md.push(
      '| action → diagnostics | set, p50 | set, p95 | event, p50 | event, p95 | from VS Code\'s document event, p50 | samples |',
      '|---|---|---|---|---|---|---|',
      line(`first report opened (activation included; extension active before: ${vs.activeBeforeOpen.some((a) => a) ? 'yes' : 'no'})`, vs.first),
      line('further reports opened', vs.warm),
      line('edit (typical report)', vs.edit),
      line('large report opened', vs.largeOpen),
      line('edit (large report)', vs.largeEdit),
      ...(vs.memberExtra.length > 0
        ? [line('member report opened (its parent read, not open in an editor)', vs.member), line('the same member file without `parent:`', vs.flat)]
        : []),
      '',
      ...(vs.memberExtra.length > 0
        ? [
            `Member opens: ${vs.memberExtra.length} pairs after one warm-up pair, each a member of its own provider report (so every open reads a`,
            'parent not loaded before, through `vscode.workspace.fs`) and the same file without `parent:`, opened one right after the other in',
            'alternating order. The member states a start one minute off its parent\'s: its first diagnostics must include the',
            '`family-shared-facts` error with its related location in the parent, proof that the parent was read and checked. Difference',
            `per pair (member − without parent, set): median ${signed(median(vs.memberExtra))}, p95 ${signed(quantile(vs.memberExtra, 0.95))}, range ${signed(vs.memberExtra[0])} … ${signed(vs.memberExtra.at(-1))};`,
            `from VS Code's open event (the extension's own extra work: reading the parent, parsing and checking it): median ${signed(median(vs.memberExtraFromEvent))},`,
            `p95 ${signed(quantile(vs.memberExtraFromEvent, 0.95))}. The set times include VS Code opening the editor, which varies more between two opens than the difference.`,
            '',
          ]
        : []),
      ...firstOpenSplit(results.vscode.sessions),
      '',
      '- **set**: until `vscode.languages.getDiagnostics(uri)` (polled every millisecond) returns the expected diagnostics — the moment',
      "  the extension called `DiagnosticCollection.set`, which is also when VS Code sends them to the window (`$changeMany`).",
      '- **event**: until `vscode.languages.onDidChangeDiagnostics` reports them. VS Code fires that event in the extension host',
      '  through a `DebounceEmitter` with a 50 ms delay (`extHostDiagnostics.ts`), so it arrives about 50 ms after *set*; the',
      '  squiggles do not wait for it.',
      "- **from VS Code's document event**: from `onDidOpenTextDocument` / `onDidChangeTextDocument` in the extension host to *set*:",
      "  the extension's own latency (activation, debounce, lint, publishing), without VS Code's work of opening the file and without",
      "  the round trip of `TextEditor.edit()` through the window, which a keystroke makes only one way.",
      '',
    );
  }
  for (const f of results.vscode.failures) md.push('A session failed:', '', '```', f.log.trim(), '```', '');
}
if (results.lsp) {
  const s = results.lsp.sessions;
  const edits = s.flatMap((x) => x.edit).sort((a, b) => a - b);
  md.push('## 3b. Language server', '');
  md.push(
    `bench/lsp.mjs drives \`incident-report lsp --stdio\` (the development build) with vscode-languageserver's client-side JSON-RPC, ${s.length} sessions with a fresh`,
    'server each: started → `initialize` answered; a typical report opened → its diagnostics; 20 edits of one character → the diagnostics of each',
    `edited version (the server waits the core's debounce of ${TARGETS.debounce} ms first).`,
    '',
    '| measurement | p50 | p95 | max |',
    '|---|---|---|---|',
    `| start → ready | ${ms(median(s.map((x) => x.ready)))} | ${ms(quantile(s.map((x) => x.ready).sort((a, b) => a - b), 0.95))} | ${ms(Math.max(...s.map((x) => x.ready)))} |`,
    `| open → first diagnostic | ${ms(median(s.map((x) => x.firstDiagnostic)))} | ${ms(quantile(s.map((x) => x.firstDiagnostic).sort((a, b) => a - b), 0.95))} | ${ms(Math.max(...s.map((x) => x.firstDiagnostic)))} |`,
    `| edit → diagnostic (${edits.length} edits) | ${ms(median(edits))} | ${ms(quantile(edits, 0.95))} | ${ms(edits.at(-1))} |`,
    '',
  );
}
if (results.size) {
  const z = results.size;
  md.push('## 4. Size', '');
  if (z.vsix) {
    md.push(
      `\`npm run package\` (production build, minified) in a temporary copy of the project: **${kb(z.vsix.bytes)}**, ${z.vsix.files} files. Largest entries`,
      `(uncompressed): ${z.vsix.largest.map((f) => `${f.file.replace(/^extension\//, '')} ${kb(f.bytes)}`).join(', ')}.`,
      '',
    );
  } else md.push(`.vsix: ${z.note}`, '');
  const prod = new Map(z.production.map((b) => [b.file, b]));
  md.push('| bundle (out/) | development | production (minified) | production, gzip |', '|---|---|---|---|');
  for (const b of z.dev) {
    const p = prod.get(b.file);
    md.push(`| ${b.file} | ${kb(b.bytes)} | ${p ? kb(p.bytes) : '–'} | ${p ? kb(p.gzip) : '–'} |`);
  }
  md.push(
    '',
    `What the minified desktop extension bundle (${kb(z.composition.bytes)}) is made of: ${z.composition.parts.map((p) => `${p.name} ${kb(p.bytes)}`).join(', ')}.`,
    '',
  );
}
if (results.profile) {
  md.push('## Where the time goes', '');
  md.push('CPU profiles (node:inspector, 100 µs sampling; bench/profile.mjs), self time attributed to source files through the bundle\'s', 'source map:', '');
  md.push('| profile | per run | largest shares (self time) |', '|---|---|---|');
  const names = { typical: 'lint, typical', large: 'lint, large', render: 'render, typical', 'render-large': 'render, large' };
  for (const [key, p] of Object.entries(results.profile)) {
    md.push(`| ${names[key]} | ${ms(p.perRun)} | ${p.byBucket.slice(0, 7).map((b) => `${b.name} ${(100 * b.share).toFixed(0)} %`).join(', ')} |`);
  }
  md.push('');
}
md.push('## How the engine reads a report', '');
md.push(
  'One parse of the frontmatter by the `yaml` package (src/core/yaml/) gives the data, the position of every node for the findings,',
  'and what the editor needs at the cursor; the editor parses each version of a document once for all its features. Beyond that:',
  '',
  '1. **No syntax tree for linting.** The public section is found by a scan of ATX heading lines (src/core/report/publicSection.ts); the',
  '   scan declines, and the CommonMark parser decides, whenever the body has what could make the two disagree (fenced code, HTML,',
  '   setext underlines, indented headings, inline markup in a heading). test/unit/publicSection.test.ts proves they agree',
  '   whenever the scan answers. Rendering keeps the full parse.',
  '2. **No schema compilation at start-up.** The bundled schema\'s validator is generated ahead of time with Ajv standalone',
  '   (`npm run gen:validator`; a unit test fails when it is stale and proves it returns the same errors as a runtime-compiled one).',
  '   Custom schemas still compile with Ajv, with linear-time regular expressions.',
  '',
);
const notMet = rows.filter((r) => r.ok === false);
if (notMet.length > 0) {
  md.push('## Not met', '');
  for (const r of notMet) md.push(`- **${r.what}**: ${r.result} (target ${r.target}).`);
  md.push('');
}
md.push('## Notes', '');
md.push(
  '- The benchmarks are not part of `npm test`. Sections can be run alone: `npm run bench -- --only core,cli` (core, cli, vscode, size,',
  '  profile); `--rounds N` (CLI rounds, default 3), `--sessions N` (VS Code sessions, default 3), `--files N` (corpus size,',
  '  default 2000), `--no-write` (print only).',
  '- The VS Code section needs what `npm run test:integration` needs (scripts/setup-vscode-server.sh installs the VS Code server',
  '  build and Node 24 into ~/.cache on first use; Chromium from Debian).',
  '',
);

if (WRITE) {
  writeFileSync(path.join(ROOT, 'BENCHMARKS.md'), md.join('\n'));
  if (!REPORT_ONLY) writeFileSync(path.join(ROOT, 'bench/.build/results.json'), JSON.stringify({ machine, versions, results, argv }, null, 2));
  log('bench: wrote BENCHMARKS.md (raw numbers in bench/.build/results.json)');
}
