// Sizes: the .vsix as `npm run package` builds it, and every bundle. The package is built in a
// temporary copy of the project (node_modules linked), so the development bundles in out/ that
// tests and other tools use are never replaced by the minified production ones. Used by bench/run.mjs.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { ROOT } from './generate.mjs';

const SKIP = new Set(['node_modules', 'out', '.git', '.vscode-test', '.ir-cache']);

/** Every .js file under `dir` (recursively): path relative to `dir`, bytes, gzip bytes. */
function bundles(dir) {
  const found = [];
  const walk = (current) => {
    if (!existsSync(current)) return;
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.js')) {
        found.push({ file: path.relative(dir, full).split(path.sep).join('/'), bytes: statSync(full).size, gzip: gzipSync(readFileSync(full)).length });
      }
    }
  };
  walk(dir);
  return found.sort((a, b) => a.file.localeCompare(b.file));
}

export function measureSizes(log = () => {}) {
  const dev = bundles(path.join(ROOT, 'out'));
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  if (!pkg.scripts?.package) return { dev, production: [], vsix: null, note: 'no `package` script in package.json' };

  const copy = mkdtempSync(path.join(tmpdir(), 'incident-report-bench-package-'));
  try {
    cpSync(ROOT, copy, {
      recursive: true,
      filter: (src) => {
        const rel = path.relative(ROOT, src);
        const first = rel.split(path.sep)[0];
        return !SKIP.has(first) && !rel.endsWith('.vsix') && !rel.startsWith(path.join('bench', '.build'));
      },
    });
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
    log(`  npm run package (in ${copy})`);
    const run = spawnSync('npm', ['run', 'package'], { cwd: copy, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const vsixName = /--out\s+(\S+\.vsix)/.exec(pkg.scripts.package)?.[1] ?? `${pkg.name}-${pkg.version}.vsix`;
    const vsixPath = path.join(copy, vsixName);
    const production = bundles(path.join(copy, 'out'));
    if (run.status !== 0 || !existsSync(vsixPath)) {
      return { dev, production, vsix: null, note: `npm run package failed (exit ${run.status}): ${(run.stderr || run.stdout).trim().split('\n').slice(-8).join(' / ')}` };
    }
    const listing = spawnSync('unzip', ['-l', vsixPath], { encoding: 'utf8' });
    const files = listing.status === 0
      ? listing.stdout.split('\n').map((l) => /^\s*(\d+)\s+\S+\s+\S+\s+(\S.*)$/.exec(l)).filter(Boolean).map((m) => ({ file: m[2], bytes: Number(m[1]) }))
      : [];
    const largest = files.filter((f) => !f.file.endsWith('/')).sort((a, b) => b.bytes - a.bytes).slice(0, 6);
    return { dev, production, vsix: { bytes: statSync(vsixPath).size, files: files.length, largest } };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

/**
 * What the minified desktop extension bundle is made of: bytes in the output per package (or
 * source folder), from an esbuild metafile of src/extension/extension.ts with production settings.
 */
export async function composition(top = 10) {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ['src/extension/extension.ts'],
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    write: false,
    metafile: true,
    outfile: path.join(tmpdir(), 'incident-report-composition.js'),
    define: { __VERSION__: '"bench"', 'import.meta.url': '__importMetaUrl' },
    logLevel: 'error',
  });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint);
  const by = new Map();
  for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    const key = m ? m[1] : file.split('/').slice(0, file.startsWith('src/') ? 3 : 2).join('/');
    by.set(key, (by.get(key) ?? 0) + bytesInOutput);
  }
  return { bytes: output.bytes, parts: [...by].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, bytes]) => ({ name, bytes })) };
}
