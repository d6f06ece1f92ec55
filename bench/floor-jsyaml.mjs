// The floor the CLI is held to (issue 14): read every report under the given directories and load
// its YAML frontmatter with js-yaml — the least any linter of these files must do.
//   node bench/floor-jsyaml.mjs <dir> ...
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';

const FRONTMATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (entry.name.endsWith('.md')) yield full;
  }
}

let parsed = 0;
let failed = 0;
for (const dir of process.argv.slice(2)) {
  for (const file of files(dir)) {
    const match = FRONTMATTER.exec(readFileSync(file, 'utf8'));
    if (!match) continue;
    try {
      load(match[1]);
      parsed++;
    } catch {
      failed++;
    }
  }
}
process.stdout.write(`${parsed} parsed, ${failed} failed\n`);
