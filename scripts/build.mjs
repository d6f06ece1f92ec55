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
  alias: {
    // jsonc-parser's `main` is a UMD build whose dynamic require()s a bundle cannot follow; its ESM build can.
    'jsonc-parser': 'jsonc-parser/lib/esm/main.js',
    // `yaml`'s platform-neutral build, in every bundle: its Node build reads `process.env.LOG_TOKENS`
    // for every token it parses, which makes a frontmatter's parse a third slower (see BENCHMARKS.md).
    yaml: './node_modules/yaml/browser/index.js',
  },
};

// A web worker has no `process`: libraries that only peek at process.env.NODE_ENV get a constant.
const WEB_DEFINES = { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') };

/**
 * Fails a browser build that pulls in a Node built-in (`fs`, `node:path`, ...): the web-worker
 * extension host has none, so such an import would only break at run time in VS Code for the Web.
 */
function noNodeBuiltins(outfile, allowed = []) {
  return {
    name: 'no-node-builtins',
    setup(b) {
      b.onResolve({ filter: /^(node:)?(assert|buffer|child_process|crypto|events|fs|fs\/promises|http|https|module|net|os|path|process|stream|tty|url|util|worker_threads|zlib)$/ }, (args) =>
        // Plugins run before `alias`: names the entry aliases to a browser implementation pass.
        allowed.includes(args.path)
          ? undefined
          : { errors: [{ text: `${outfile}: Node built-in "${args.path}" imported by ${args.importer} (not available in the web-worker extension host)` }] },
      );
    },
  };
}

/**
 * A CommonJS bundle for Node (CLI, its worker, the desktop extension host). Some ESM dependencies
 * read import.meta.url, which a CommonJS bundle must supply itself.
 * @param {string} entry @param {string} outfile @param {import('esbuild').BuildOptions} [extra]
 */
function nodeBundle(entry, outfile, extra = {}) {
  return {
    ...common,
    entryPoints: [entry],
    outfile,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    define: { ...common.define, 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
    ...extra,
  };
}

/** @type {import('esbuild').BuildOptions[]} */
export const entries = [
  nodeBundle('src/cli/index.ts', 'out/cli.js'),
  // The CLI's lint worker thread (src/cli/workerPool.ts starts it next to out/cli.js for large runs).
  nodeBundle('src/cli/worker.ts', 'out/cli-worker.js'),
  // --- VS Code extension (desktop / Node extension host). `vscode` is provided by the host.
  nodeBundle('src/extension/extension.ts', 'out/extension.js', { external: ['vscode'], define: { ...common.define, 'import.meta.url': '__importMetaUrl', __NODE_EXTENSION_HOST__: 'true' } }),
  // --- VS Code for the Web (web-worker extension host): no Node built-ins may end up in here.
  {
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'out/web/extension.js',
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    mainFields: ['browser', 'module', 'main'],
    // A web worker has no DOM: prefer packages' `worker` builds over their `browser` (DOM) ones.
    conditions: ['worker'],
    define: { ...common.define, ...WEB_DEFINES, __NODE_EXTENSION_HOST__: 'false' },
    plugins: [noNodeBuiltins('out/web/extension.js')],
  },
  // --- Press-release preview webview script: runs in the webview page (a browser document), never in
  // an extension host; the page's CSP admits only this file (see src/extension/preview/html.ts).
  {
    ...common,
    entryPoints: ['src/webview/preview.ts'],
    outfile: 'out/webview/preview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    define: { ...common.define, ...WEB_DEFINES },
    plugins: [noNodeBuiltins('out/webview/preview.js')],
  },
  // --- Integration tests (test/integration/runner: mocha bundled in, one file per host).
  {
    ...common,
    sourcemap: true,
    minify: false,
    entryPoints: ['test/integration/runner/index.ts'],
    outfile: 'out/test/integration.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    // mocha's parallel mode (require.resolve of its worker files) is never used in the extension host.
    logOverride: { 'require-resolve-not-external': 'silent' },
  },
  {
    ...common,
    sourcemap: true,
    minify: false,
    // The restricted-mode suite (an untrusted workspace): its own bundle, run by its own server.
    entryPoints: ['test/integration/runner/restricted.ts'],
    outfile: 'out/test/integration.restricted.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logOverride: { 'require-resolve-not-external': 'silent' },
  },
  {
    ...common,
    sourcemap: true,
    minify: false,
    entryPoints: ['test/integration/runner/index.ts'],
    outfile: 'out/test/integration.web.js',
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    mainFields: ['browser', 'module', 'main'],
    // A web worker has no DOM: prefer packages' `worker` builds over their `browser` (DOM) ones.
    conditions: ['worker'],
    // mocha's prebuilt browser build, and a Node-free `assert` (see test/integration/runner).
    alias: { ...common.alias, mocha: 'mocha/mocha.js', assert: './test/integration/runner/assert.ts' },
    define: { ...common.define, ...WEB_DEFINES },
    plugins: [noNodeBuiltins('out/test/integration.web.js', ['assert'])],
  },
];

if (watch) {
  for (const options of entries) await (await context(options)).watch();
} else {
  await Promise.all(entries.map((options) => build(options)));
}
