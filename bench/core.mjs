// Core latency, run in a fresh process per document by bench/run.mjs:
//   node bench/core.mjs typical|broken|large [--runs N] → one JSON line on stdout
//   node bench/core.mjs cold                       → load the engine + create a linter + first lint, once
// `broken` is examples/broken (13 findings): it shows what a report with findings costs, where the
// YAML document with positions and the checks behind the findings are needed.
// Lint is `createLinter().lint(text)`; render is `renderPressRelease(parseReport(text))` — the
// press release from the text, as `incident-report render` and the preview produce it. Both run
// interleaved in the same process (side by side), warm: after a warm-up, `runs` runs of `samples`
// timed calls each; p50 and p95 are taken per run and the median over runs is reported.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT, TYPICAL_PATH, largeReport } from './generate.mjs';
import { median, quantile } from './stats.mjs';

const require = createRequire(import.meta.url);
const BUNDLE = path.join(ROOT, 'bench/.build/core.cjs');
const which = process.argv[2] ?? 'typical';
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

if (which === 'cold') {
  const t0 = performance.now();
  const core = require(BUNDLE);
  const t1 = performance.now();
  const linter = core.createLinter({});
  const t2 = performance.now();
  linter.lint(readFileSync(path.join(ROOT, TYPICAL_PATH), 'utf8'));
  const t3 = performance.now();
  process.stdout.write(JSON.stringify({ load: t1 - t0, createLinter: t2 - t1, firstLint: t3 - t2 }) + '\n');
  process.exit(0);
}

const core = require(BUNDLE);
const BROKEN_PATH = 'examples/broken/broken.incident.md';
const text =
  which === 'large' ? largeReport() : readFileSync(path.join(ROOT, which === 'broken' ? BROKEN_PATH : TYPICAL_PATH), 'utf8');
const linter = core.createLinter({});
const now = Date.now();
const hasRender = typeof core.renderPressRelease === 'function' && typeof core.parseReport === 'function';
const ops = { lint: () => linter.lint(text) };
if (hasRender) ops.render = () => core.renderPressRelease(core.parseReport(text), { now });
// One op per public output of the registry, from the text as `render --as <id>` does it: parse,
// build the publication model, render the output in its default format.
for (const output of core.PUBLIC_OUTPUTS ?? []) {
  ops[`output:${output.id}`] = () => output.render([core.buildModel(core.parseReport(text), { now })], output.formats[0], { now });
}

// Sanity: the numbers are only worth something if the engine really did the work.
const findings = linter.lint(text).findings;
const html = hasRender ? ops.render().html.length : 0;

const large = which === 'large';
const warmup = arg('--warmup', large ? 5 : 1500);
const runs = arg('--runs', large ? 5 : 7);
const samples = arg('--samples', large ? 10 : 300);
for (let i = 0; i < warmup; i++) for (const op of Object.values(ops)) op();

const perRun = Object.fromEntries(Object.keys(ops).map((k) => [k, { p50: [], p95: [] }]));
for (let r = 0; r < runs; r++) {
  const times = Object.fromEntries(Object.keys(ops).map((k) => [k, []]));
  for (let i = 0; i < samples; i++) {
    for (const [name, op] of Object.entries(ops)) {
      const t = performance.now();
      op();
      times[name].push(performance.now() - t);
    }
  }
  for (const [name, list] of Object.entries(times)) {
    list.sort((a, b) => a - b);
    perRun[name].p50.push(quantile(list, 0.5));
    perRun[name].p95.push(quantile(list, 0.95));
  }
}
const result = {
  doc: which,
  bytes: Buffer.byteLength(text),
  findings: findings.length,
  htmlChars: html,
  render: hasRender,
  warmup,
  runs,
  samples,
};
for (const [name, { p50, p95 }] of Object.entries(perRun)) result[name] = { p50: median(p50), p95: median(p95), p50Runs: p50, p95Runs: p95 };
process.stdout.write(JSON.stringify(result) + '\n');
