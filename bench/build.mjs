// Bundles what the benchmarks need into bench/.build/ (never into out/, so the bundle sizes and
// the .vsix stay untouched): the core engine with the same esbuild settings as the CLI bundle, and
// the VS Code benchmark test module (bench/vscode/). `node bench/build.mjs`
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'bench/.build');

const node = {
  bundle: true,
  sourcemap: true,
  minify: false,
  logLevel: 'warning',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  absWorkingDir: ROOT,
  define: { __VERSION__: '"bench"', 'import.meta.url': '__importMetaUrl' },
  // As in scripts/build.mjs (jsonc-parser's ESM build, `yaml`'s platform-neutral build).
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js', yaml: './node_modules/yaml/browser/index.js' },
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

export async function buildBench() {
  await Promise.all([
    // Same settings as out/cli.js (scripts/build.mjs): the numbers are those of the shipped code.
    build({ ...node, entryPoints: ['src/core/index.ts'], outfile: path.join(OUT, 'core.cjs') }),
    build({ ...node, entryPoints: ['bench/vscode/index.ts'], outfile: path.join(OUT, 'vscode-bench.js'), external: ['vscode'] }),
  ]);
  return OUT;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildBench();
