// The floor of the CLI comparison: only read every report under the given directories and parse
// its YAML frontmatter with the `yaml` package (no validation, no Markdown, no output).
//   node bench/floor.mjs <dir> ...
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

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
      parse(match[1]);
      parsed++;
    } catch {
      failed++;
    }
  }
}
process.stdout.write(`${parsed} parsed, ${failed} failed\n`);
