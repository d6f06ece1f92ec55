// Optimisation headroom: measurements behind the proposals in BENCHMARKS.md. Nothing here changes
// the engine; each experiment times the current code path against a candidate, side by side in one
// process (interleaved, warm, median over runs of the per-run median).
//   node bench/headroom.mjs            → one JSON line on stdout (bench/run.mjs renders it)
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT, TYPICAL_PATH, largeReport } from './generate.mjs';
import { median, quantile } from './stats.mjs';

const require = createRequire(import.meta.url);
const YAML = require('yaml');
const jsyaml = require('js-yaml');
const { unified } = require('unified');

// Intl.DateTimeFormat with a cache in front (formatters are immutable, so sharing one per set of
// arguments is safe): emulates caching `isValidTimeZone` and the formatters in src/core/time.ts.
const OriginalDTF = Intl.DateTimeFormat;
let cacheIntl = false;
let constructed = 0;
const dtfCache = new Map();
Intl.DateTimeFormat = new Proxy(OriginalDTF, {
  construct(target, args) {
    constructed++;
    if (!cacheIntl) return Reflect.construct(target, args);
    const key = JSON.stringify(args);
    let hit = dtfCache.get(key);
    if (!hit) dtfCache.set(key, (hit = Reflect.construct(target, args)));
    return hit;
  },
  apply(target, self, args) {
    return Reflect.apply(target, self, args);
  },
});

const core = require(path.join(ROOT, 'bench/.build/core.cjs'));

/** Times the functions interleaved; per function the median over `runs` of the per-run p50. */
function compare(fns, { warmup, runs, samples }) {
  const names = Object.keys(fns);
  for (let i = 0; i < warmup; i++) for (const n of names) fns[n]();
  const p50 = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < runs; r++) {
    const times = Object.fromEntries(names.map((n) => [n, []]));
    for (let i = 0; i < samples; i++) {
      for (const n of names) {
        const t = performance.now();
        fns[n]();
        times[n].push(performance.now() - t);
      }
    }
    for (const n of names) p50[n].push(quantile(times[n].sort((a, b) => a - b), 0.5));
  }
  return Object.fromEntries(names.map((n) => [n, median(p50[n])]));
}

const FRONTMATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const docs = {
  typical: readFileSync(path.join(ROOT, TYPICAL_PATH), 'utf8'),
  large: largeReport(),
};
const settings = { typical: { warmup: 500, runs: 7, samples: 200 }, large: { warmup: 2, runs: 3, samples: 4 } };

// --- Candidate: a top-level heading scan instead of a full CommonMark parse of the body --------
// Prototype only (ATX headings outside fenced code blocks); a real one must fall back to micromark
// for what it does not understand (setext headings, HTML blocks, headings in containers).
function scanHeadings(text, from) {
  const headings = [];
  let fence = null;
  const re = /^.*$/gm;
  re.lastIndex = from;
  for (let m; (m = re.exec(text)); ) {
    const line = m[0];
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (!fence) fence = f[1];
      else if (f[1][0] === fence[0] && f[1].length >= fence.length) fence = null;
    } else if (!fence) {
      const h = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
      if (h) headings.push({ depth: h[1].length, title: (h[2] ?? '').trim(), offset: m.index });
    }
    if (re.lastIndex === m.index) re.lastIndex++;
  }
  return headings;
}
const remark = unified().use(require('remark-parse').default ?? require('remark-parse')).freeze();

const result = { intl: {}, yaml: {}, body: {}, leakRules: {}, startup: {} };
for (const [name, text] of Object.entries(docs)) {
  const linter = core.createLinter({});
  const now = Date.now();
  const s = settings[name];

  // 1. Intl.DateTimeFormat constructions per lint and per render, and the time a cache saves.
  constructed = 0;
  linter.lint(text);
  const lintConstructions = constructed;
  constructed = 0;
  core.renderPressRelease(core.parseReport(text), { now });
  const renderConstructions = constructed;
  const withCache = (on, fn) => () => {
    cacheIntl = on;
    try {
      fn();
    } finally {
      cacheIntl = false;
    }
  };
  const lint = () => linter.lint(text);
  const render = () => core.renderPressRelease(core.parseReport(text), { now });
  const intl = compare(
    { lint: withCache(false, lint), lintCached: withCache(true, lint), render: withCache(false, render), renderCached: withCache(true, render) },
    s,
  );
  result.intl[name] = {
    lintConstructions,
    renderConstructions,
    uncached: { lint: intl.lint, render: intl.render },
    cached: { lint: intl.lintCached, render: intl.renderCached },
  };

  // 2. YAML: what parseReport does now vs js-yaml (YAML 1.2 core schema) for the data alone.
  const source = FRONTMATTER.exec(text)[1];
  const options = { version: '1.2', uniqueKeys: true, prettyErrors: false, keepSourceTokens: false };
  const same = JSON.stringify(YAML.parseDocument(source, options).toJS()) === JSON.stringify(jsyaml.load(source, { schema: jsyaml.CORE_SCHEMA }));
  result.yaml[name] = {
    bytes: Buffer.byteLength(source),
    sameData: same,
    ...compare(
      {
        yamlDocument: () => YAML.parseDocument(source, options).toJS({ maxAliasCount: 100 }),
        jsYaml: () => jsyaml.load(source, { schema: jsyaml.CORE_SCHEMA }),
      },
      s,
    ),
  };

  // 3. Markdown body: full CommonMark parse (what the public-section lookup costs) vs a heading scan.
  const report = core.parseReport(text);
  const body = text.slice(report.bodyOffset);
  const viaRemark = report.publicSection;
  const scanned = scanHeadings(text, report.bodyOffset).find((h) => /^(pressemitteilung|press release)$/i.test(h.title));
  result.body[name] = {
    bytes: Buffer.byteLength(body),
    sameSection: Boolean(viaRemark && scanned && viaRemark.offset === scanned.offset),
    ...compare({ remark: () => remark.parse(body), headingScan: () => scanHeadings(text, report.bodyOffset) }, s),
  };

  // 4. What the leak-* and placeholder rules cost (same linter, those rules off).
  const off = (ids) => Object.fromEntries(ids.map((id) => [id, 'off']));
  const leakIds = core.RULE_IDS.filter((id) => id.startsWith('leak-'));
  const noLeak = core.createLinter({ rules: off(leakIds) });
  const noScan = core.createLinter({ rules: off([...leakIds, 'placeholder']) });
  result.leakRules[name] = compare({ all: () => linter.lint(text), withoutLeak: () => noLeak.lint(text), withoutLeakAndPlaceholder: () => noScan.lint(text) }, s);
}

// 5. Same data from both YAML parsers on every example and fixture frontmatter (a first check of
// the fast path's premise; the real gate would be a property test).
const checked = { files: 0, same: 0, differ: [] };
const fixtureRoot = path.join(ROOT, 'test/fixtures');
const candidates = [
  ...readdirSync(path.join(ROOT, 'examples/incidents')).map((f) => path.join(ROOT, 'examples/incidents', f)),
  path.join(ROOT, 'examples/broken/broken.incident.md'),
  ...readdirSync(fixtureRoot, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(path.join(fixtureRoot, d.name)).filter((f) => f.endsWith('.md')).map((f) => path.join(fixtureRoot, d.name, f))),
];
for (const file of candidates) {
  const match = FRONTMATTER.exec(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  if (!match) continue;
  const doc = YAML.parseDocument(match[1], { version: '1.2', uniqueKeys: true });
  if (doc.errors.length) continue; // the fast path would hand these to the full parser anyway
  let fast;
  try {
    fast = jsyaml.load(match[1], { schema: jsyaml.CORE_SCHEMA });
  } catch {
    fast = Symbol('threw');
  }
  checked.files++;
  let full;
  try {
    full = doc.toJS({ maxAliasCount: 100 });
  } catch {
    full = Symbol('threw');
  }
  if (typeof fast !== 'symbol' && typeof full !== 'symbol' && JSON.stringify(fast) === JSON.stringify(full)) checked.same++;
  else checked.differ.push(path.relative(ROOT, file));
}
result.yamlEquivalence = checked;

// 6. Start-up: compiling the bundled schema with Ajv (what createLinter does in every process,
// worker and extension host) vs loading validation code generated at build time (ajv standalone).
{
  const Ajv2020 = require('ajv/dist/2020').default;
  const addFormats = require('ajv-formats').default;
  const standalone = require('ajv/dist/standalone').default;
  const setup = `const Ajv2020 = require('ajv/dist/2020').default; const addFormats = require('ajv-formats').default;
    const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: false, allowUnionTypes: true, code: { source: CODE } });
    addFormats(ajv); ajv.addVocabulary(['x-i18n', 'x-hint', 'x-enumDescriptions']);
    const schema = require(${JSON.stringify(path.join(ROOT, 'schemas/incident-report.schema.json'))}); ajv.addSchema(schema);
    const validate = ajv.getSchema(schema.$id);`;
  // eslint-disable-next-line no-new-func
  const validate = new Function('require', 'CODE', `${setup} return { ajv, validate };`)(require, true);
  const generated = standalone(validate.ajv, validate.validate);
  const file = path.join(ROOT, 'bench/.build/schema-standalone.cjs');
  writeFileSync(file, generated);
  const compileScript = `const t = performance.now(); ${setup.replace('CODE', 'false')} validate({}); process.stdout.write(String(performance.now() - t));`;
  const loadScript = `const t = performance.now(); const validate = require(${JSON.stringify(file)}); validate({}); process.stdout.write(String(performance.now() - t));`;
  const times = { compile: [], standalone: [] };
  for (let i = 0; i < 7; i++) {
    for (const [name, script] of [['compile', compileScript], ['standalone', loadScript]]) {
      const run = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
      times[name].push(Number(run.stdout));
    }
  }
  result.startup = { compile: median(times.compile), standalone: median(times.standalone), generatedBytes: generated.length };
}

process.stdout.write(JSON.stringify(result) + '\n');
