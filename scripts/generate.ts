// `npm run generate`: writes every file derived from the rule modules, the settings, the snippets and
// the schema (see scripts/generated.ts), and deletes rule docs of rules that no longer exist.
// test/unit/generated.test.ts fails while any of them is stale.
import { mkdirSync, readdirSync, readFileSync, existsSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generatedFiles, ROOT } from './generated';

async function main(): Promise<void> {
  const files = await generatedFiles();
  let written = 0;
  for (const file of files) {
    const path = join(ROOT, file.path);
    if (existsSync(path) && readFileSync(path, 'utf8') === file.content) continue;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
    console.log(`wrote ${file.path}`);
    written++;
  }
  const docs = new Set(files.map((file) => file.path));
  for (const name of readdirSync(join(ROOT, 'docs', 'rules'))) {
    if (name.endsWith('.md') && !docs.has(`docs/rules/${name}`)) {
      unlinkSync(join(ROOT, 'docs', 'rules', name));
      console.log(`deleted docs/rules/${name} (no such rule)`);
    }
  }
  console.log(`${files.length} generated files, ${written} updated`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
