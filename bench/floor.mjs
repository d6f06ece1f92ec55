// The floors of the CLI comparison: only read every report under the given directories and parse
// its YAML frontmatter (no validation, no Markdown, no output), with the `yaml` package (`parse`,
// the default) or with js-yaml (`load`, `--js-yaml`: the floor the CLI is held to in issue 14).
//   node bench/floor.mjs [--js-yaml] <dir> ...
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { parse as parseYaml } from 'yaml';

const args = process.argv.slice(2);
const useJsYaml = args[0] === '--js-yaml';
const parse = useJsYaml ? load : parseYaml;

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
for (const dir of useJsYaml ? args.slice(1) : args) {
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
