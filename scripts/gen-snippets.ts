// Writes snippets/incident-report.code-snippets from scripts/snippets.ts.
// Run: npx tsx scripts/gen-snippets.ts (test/unit/snippets.test.ts fails while the file is stale).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { snippetsFile } from './snippets';

const dir = join(__dirname, '..', 'snippets');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'incident-report.code-snippets'), snippetsFile());
console.log('wrote snippets/incident-report.code-snippets');
