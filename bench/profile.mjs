// CPU profile of the core engine (node:inspector, same data as `node --cpu-prof`), attributed to
// source files through the bundle's source map: where does the lint time of a typical and of a
// ~1 MB report go?   node bench/profile.mjs [typical|large|render|render-large] [--save] [--json] [--no-build]
import { Session } from 'node:inspector/promises';
import { SourceMap, createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildBench } from './build.mjs';
import { ROOT, TYPICAL_PATH, largeReport } from './generate.mjs';

const require = createRequire(import.meta.url);

/** Package or source folder a bundled position came from. */
function bucket(source) {
  if (!source) return '(native / GC / idle)';
  const nm = source.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = source.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const i = source.indexOf('src/');
  return i >= 0 ? source.slice(i) : source;
}

/** Profiles `fn` and returns self time per bucket and per function, in ms. */
export async function profile(fn, bundleFile) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  fn();
  const { profile: prof } = await session.post('Profiler.stop');
  session.disconnect();
  if (process.argv.includes('--save')) writeFileSync(path.join(ROOT, 'bench', 'last.cpuprofile'), JSON.stringify(prof));
  return summarize(prof, bundleFile);
}

/** Self time per source bucket and per function of a V8 CPU profile (`node --cpu-prof` output). */
export function summarize(prof, bundleFile) {
  const map = new SourceMap(JSON.parse(readFileSync(`${bundleFile}.map`, 'utf8')));
  const bundleUrl = `file://${bundleFile}`;
  const self = new Map(prof.nodes.map((n) => [n.id, 0]));
  for (let i = 0; i < prof.samples.length; i++) self.set(prof.samples[i], self.get(prof.samples[i]) + prof.timeDeltas[i] / 1000);
  const byBucket = new Map();
  const byFunction = new Map();
  let total = 0;
  for (const node of prof.nodes) {
    const ms = self.get(node.id);
    if (!ms) continue;
    const cf = node.callFrame;
    let source = null;
    let name = cf.functionName || '(anonymous)';
    if (cf.url === bundleUrl) {
      const entry = map.findEntry(cf.lineNumber, cf.columnNumber);
      source = entry?.originalSource ?? null;
      if (source) name = `${name} ${bucket(source)}:${entry.originalLine + 1}`;
    } else if (cf.url) {
      source = cf.url;
    } else if (name === '(idle)' || name === '(program)' || name === '(garbage collector)') {
      name = cf.functionName;
    }
    const b = source ? bucket(source) : name === '(garbage collector)' ? '(garbage collector)' : '(native / runtime)';
    if (name === '(idle)') continue;
    total += ms;
    byBucket.set(b, (byBucket.get(b) ?? 0) + ms);
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
  }
  const sorted = (m) => [...m].sort((a, b) => b[1] - a[1]);
  return { total, byBucket: sorted(byBucket), byFunction: sorted(byFunction) };
}

function print(title, result, runs) {
  console.log(`\n## ${title}: ${(result.total / runs).toFixed(2)} ms per run (self time, sampled)`);
  console.log('\nby source:');
  for (const [b, ms] of result.byBucket.slice(0, 18)) console.log(`  ${(ms / runs).toFixed(3).padStart(9)} ms  ${((100 * ms) / result.total).toFixed(1).padStart(5)} %  ${b}`);
  console.log('\ntop functions:');
  for (const [f, ms] of result.byFunction.slice(0, 25)) console.log(`  ${(ms / runs).toFixed(3).padStart(9)} ms  ${((100 * ms) / result.total).toFixed(1).padStart(5)} %  ${f}`);
}

if (process.argv[1] === new URL(import.meta.url).pathname && process.argv[2] === '--cpuprofile') {
  // node bench/profile.mjs --cpuprofile FILE.cpuprofile [--bundle out/cli.js]
  const bundleArg = process.argv.indexOf('--bundle');
  const bundle = path.resolve(bundleArg > 0 ? process.argv[bundleArg + 1] : path.join(ROOT, 'out/cli.js'));
  print(process.argv[3], summarize(JSON.parse(readFileSync(process.argv[3], 'utf8')), bundle), 1);
} else if (process.argv[1] === new URL(import.meta.url).pathname) {
  const bundle = path.join(process.argv.includes('--no-build') ? path.join(ROOT, 'bench/.build') : await buildBench(), 'core.cjs');
  const core = require(bundle);
  const linter = core.createLinter({});
  const which = process.argv[2] ?? 'typical';
  const large = which.endsWith('large');
  const render = which.startsWith('render');
  const text = large ? largeReport() : readFileSync(path.join(ROOT, TYPICAL_PATH), 'utf8');
  const runs = large ? 10 : 2000;
  const work =
    render
      ? () => core.renderPressRelease(core.parseReport(text), { now: Date.now() })
      : () => linter.lint(text);
  for (let i = 0; i < Math.min(runs, 200); i++) work();
  const result = await profile(() => {
    for (let i = 0; i < runs; i++) work();
  }, bundle);
  if (process.argv.includes('--json')) {
    const per = (list) => list.slice(0, 12).map(([name, ms]) => ({ name, ms: ms / runs, share: ms / result.total }));
    process.stdout.write(JSON.stringify({ what: which, perRun: result.total / runs, byBucket: per(result.byBucket), byFunction: per(result.byFunction) }) + '\n');
  } else {
    print(`${large ? 'large' : 'typical'} ${render ? 'render' : 'lint'}`, result, runs);
  }
}
