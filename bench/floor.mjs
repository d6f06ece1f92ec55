// The floor of the CLI comparison: only read every report under the given directories and parse
// its YAML frontmatter into a document with `yaml`'s parseDocument (no data, no validation, no
// Markdown, no output). The same `yaml` build as the CLI's bundle (scripts/build.mjs: the
// platform-neutral one), so that the ratio measures what the CLI does beyond the parse.
//   node bench/floor.mjs <dir> ...
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from '../node_modules/yaml/browser/index.js';

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
    if (parseDocument(match[1]).errors.length === 0) parsed++;
    else failed++;
  }
}
process.stdout.write(`${parsed} parsed, ${failed} failed\n`);
