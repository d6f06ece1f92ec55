// The main job for now: lint the examples with the built CLI (clean ones must pass, the broken one
// shows its findings in English and German) and render each clean example's press release.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const cli = (args, { expect } = {}) => {
  console.log(`\n$ incident-report ${args.join(' ')}`);
  const result = spawnSync(process.execPath, ['bin/incident-report.js', ...args], { stdio: 'inherit' });
  if (expect !== undefined && result.status !== expect) {
    console.error(`expected exit code ${expect}, got ${result.status}`);
    process.exit(1);
  }
  return result.status;
};

cli(['lint', 'examples/incidents'], { expect: 0 });
cli(['lint', 'examples/broken'], { expect: 1 });
cli(['lint', '--locale', 'de', 'examples/broken'], { expect: 1 });


mkdirSync('out/examples', { recursive: true });
for (const file of readdirSync('examples/incidents').filter((f) => f.endsWith('.md'))) {
  const base = join('out/examples', file.replace(/\.md$/, ''));
  cli(['render', join('examples/incidents', file), '--out', `${base}.html`], { expect: 0 });
  cli(['render', join('examples/incidents', file), '--format', 'text', '--out', `${base}.txt`], { expect: 0 });
}
console.log('\nPress releases written to out/examples/ (open the .html files in a browser).');
