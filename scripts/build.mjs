// Bundles every entry point with esbuild. `node scripts/build.mjs [--watch] [--production]`.
import { build, context } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { __VERSION__: JSON.stringify(pkg.version) },
};

/** @type {import('esbuild').BuildOptions[]} */
export const entries = [
  {
    ...common,
    entryPoints: ['src/cli/index.ts'],
    outfile: 'out/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Some ESM dependencies read import.meta.url, which a CommonJS bundle must supply itself.
    define: { ...common.define, 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  },
];

if (watch) {
  for (const options of entries) await (await context(options)).watch();
} else {
  await Promise.all(entries.map((options) => build(options)));
}
