// CLI throughput on a generated corpus: our `incident-report lint` against the peer pipeline
// (remark-cli + remark-frontmatter + remark-lint-frontmatter-schema on the same schema and files)
// and against a floor (bench/floor.mjs: read the files, parse their frontmatter with `yaml`'s
// parseDocument). Used by bench/run.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, writeCorpus, writeFamilyCorpus } from './generate.mjs';
import { median } from './stats.mjs';

const BIN = path.join(ROOT, 'bin/incident-report.js');
const REMARK = path.join(ROOT, 'node_modules/remark-cli/cli.js');

/** The temp folder with the corpus under incidents/, the peer's .remarkrc.mjs and its copy of the schema. */
export function prepareCorpus(count = 2000) {
  const dir = mkdtempSync(path.join(tmpdir(), 'incident-report-bench-'));
  const corpus = writeCorpus(dir, count);
  // The same schema for the peer. remark-lint-frontmatter-schema builds a default (draft-07) Ajv, which
  // rejects the `$schema` 2020-12 declaration itself; the schema uses no 2020-only keyword, so the
  // copy without that one line has exactly the same constraints.
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas/incident-report.schema.json'), 'utf8'));
  delete schema.$schema;
  writeFileSync(path.join(dir, 'incident-report.schema.json'), JSON.stringify(schema, null, 2));
  const plugin = (name, file) => pathToFileURL(path.join(ROOT, 'node_modules', name, file)).href;
  writeFileSync(
    path.join(dir, '.remarkrc.mjs'),
    `// remark-cli configuration of the peer pipeline (written by bench/cli.mjs).
import remarkFrontmatter from '${plugin('remark-frontmatter', 'index.js')}';
import remarkLintFrontmatterSchema from '${plugin('remark-lint-frontmatter-schema', 'dist/index.js')}';
export default {
  plugins: [
    remarkFrontmatter,
    [remarkLintFrontmatterSchema, { schemas: { './incident-report.schema.json': ['incidents/**/*.md'] } }],
  ],
};
`,
  );
  return { ...corpus, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The commands compared, each run with the corpus folder as working directory. */
export function commands(dir) {
  const node = process.execPath;
  return [
    { id: 'ours', label: '`incident-report lint`', argv: [node, BIN, 'lint', 'incidents'], env: {}, expectExit: 1 },
    { id: 'oursJobs', label: '`incident-report lint --jobs auto` (worker threads)', argv: [node, BIN, 'lint', '--jobs', 'auto', 'incidents'], env: {}, expectExit: 1 },
    { id: 'peer', label: 'peer: remark-cli + remark-lint-frontmatter-schema', argv: [node, REMARK, 'incidents', '--no-stdout', '--frail', '--no-color'], env: {}, expectExit: 1 },
    { id: 'floor', label: 'floor: read + `yaml` parseDocument', argv: [node, path.join(ROOT, 'bench/floor.mjs'), 'incidents'], env: {}, expectExit: 0 },
  ].map((c) => ({ ...c, cwd: dir }));
}

function runTimed(command) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command.argv[0], command.argv.slice(1), {
      cwd: command.cwd,
      env: { ...process.env, NO_COLOR: '1', ...command.env },
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ ms: performance.now() - start, code }));
  });
}

/**
 * Checks that every pipeline does the job: ours and the peer must flag every file whose schema was
 * broken and pass the valid ones. Returns counts for the report.
 */
export function verify(corpus) {
  const dir = corpus.dir;
  const rel = (f) => path.relative(dir, f).split(path.sep).join('/');
  const expectSchema = new Set(corpus.files.filter((f) => f.kind === 'schema' || f.kind === 'example').map((f) => rel(f.file)));
  const valid = new Set(corpus.files.filter((f) => f.kind === 'valid').map((f) => rel(f.file)));

  const ours = spawnSync(process.execPath, [BIN, 'lint', '--format', 'json', 'incidents'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  const results = JSON.parse(ours.stdout);
  const oursFlagged = new Set(results.filter((r) => r.findings.length > 0).map((r) => r.file));
  const oursSchema = new Set(results.filter((r) => r.findings.some((f) => f.ruleId === 'schema')).map((r) => r.file));

  const peer = spawnSync(process.execPath, [REMARK, 'incidents', '--no-stdout', '--no-color'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  const peerFlagged = new Set();
  let current = null;
  for (const line of peer.stderr.split('\n')) {
    const file = /^(incidents\/\S+\.md)(?::|$)/.exec(line);
    if (file) current = file[1];
    else if (current && /\bwarning\b|\berror\b/.test(line) && /frontmatter-schema/.test(line)) peerFlagged.add(current);
  }
  const missed = (set) => [...expectSchema].filter((f) => !set.has(f)).length;
  const falseAlarms = (set) => [...valid].filter((f) => set.has(f)).length;
  return {
    files: corpus.files.length,
    kinds: corpus.kinds,
    schemaBroken: expectSchema.size,
    ours: { flagged: oursFlagged.size, schemaFlagged: oursSchema.size, missed: missed(oursSchema), falseAlarms: falseAlarms(oursFlagged), exit: ours.status },
    peer: { flagged: peerFlagged.size, missed: missed(peerFlagged), falseAlarms: falseAlarms(peerFlagged), exit: peer.status },
  };
}

/**
 * One warm-up run of each command, then `rounds` rounds in which every command runs once, in an
 * order rotated per round (side by side, so a busy moment of the machine hits all of them).
 */
export async function timeCommands(cmds, rounds, log = () => {}) {
  const times = Object.fromEntries(cmds.map((c) => [c.id, []]));
  const exits = Object.fromEntries(cmds.map((c) => [c.id, new Set()]));
  for (const c of cmds) {
    const { ms, code } = await runTimed(c);
    exits[c.id].add(code);
    log(`  warm-up ${c.id}: ${(ms / 1000).toFixed(2)} s (exit ${code})`);
  }
  for (let r = 0; r < rounds; r++) {
    const order = cmds.map((_, i) => cmds[(i + r) % cmds.length]);
    for (const c of order) {
      const { ms, code } = await runTimed(c);
      times[c.id].push(ms);
      exits[c.id].add(code);
      log(`  round ${r + 1}/${rounds} ${c.id}: ${(ms / 1000).toFixed(2)} s (exit ${code})`);
    }
  }
  return Object.fromEntries(
    cmds.map((c) => [c.id, { label: c.label, median: median(times[c.id]), runs: times[c.id], exits: [...exits[c.id]], expectExit: c.expectExit }]),
  );
}

/**
 * `pairs` runs of `a` and `b` one right after the other (which goes first alternates), after one
 * warm-up of each: the ratio a/b of each pair, taken while the machine's speed is the same for
 * both. On a shared machine the speed drifts by tens of percent within a minute, so the median of
 * these ratios is steadier than the ratio of two medians taken over a longer time.
 */
export async function timePairs(a, b, pairs, log = () => {}) {
  await runTimed(a);
  await runTimed(b);
  const ratios = [];
  const times = { [a.id]: [], [b.id]: [] };
  for (let i = 0; i < pairs; i++) {
    const order = i % 2 === 0 ? [a, b] : [b, a];
    const ms = {};
    for (const c of order) ms[c.id] = (await runTimed(c)).ms;
    times[a.id].push(ms[a.id]);
    times[b.id].push(ms[b.id]);
    ratios.push(ms[a.id] / ms[b.id]);
    log(`  pair ${i + 1}/${pairs}: ${a.id} ${(ms[a.id] / 1000).toFixed(2)} s, ${b.id} ${(ms[b.id] / 1000).toFixed(2)} s → ${(ms[a.id] / ms[b.id]).toFixed(2)}×`);
  }
  return { a: a.id, b: b.id, ratios, median: median(ratios), times };
}

/**
 * The incident-family corpus (bench/generate.mjs `writeFamilyCorpus`) twice: with `parent:` and the
 * same files without it. Returns the folder and the two commands to time side by side.
 */
export function prepareFamilyCorpus(options = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'incident-report-family-bench-'));
  const withParent = writeFamilyCorpus(path.join(dir, 'with'), options);
  writeFamilyCorpus(path.join(dir, 'without'), { ...options, withParent: false });
  const node = process.execPath;
  const cmds = [
    { id: 'family', label: '`incident-report lint` of the families (with `parent:`)', argv: [node, BIN, 'lint', 'with'], env: {}, expectExit: 0 },
    { id: 'flat', label: 'the same files without `parent:`', argv: [node, BIN, 'lint', 'without'], env: {}, expectExit: 0 },
  ].map((c) => ({ ...c, cwd: dir }));
  return { dir, files: withParent.count, commands: cmds, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
