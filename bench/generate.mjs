// Generated inputs for the benchmarks: a ~1 MB report and a corpus of valid and broken reports
// built from examples/ with deterministic variations (same seed → same bytes on every machine).
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TYPICAL_PATH = 'examples/incidents/2023-10-30-suedwestfalen-it.md';

/** Small deterministic PRNG (mulberry32). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n, w = 2) => String(n).padStart(w, '0');
/** `2023-10-30T08:40:00+01:00` plus `minutes` (CET, no DST switch needed for a benchmark). */
function stamp(baseMs, minutes) {
  const d = new Date(baseMs + minutes * 60_000 + 3_600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00+01:00`;
}
const BASE = Date.parse('2023-10-30T07:40:00Z'); // 08:40 CET, the typical report's first update

const SERVICE_STATUS = ['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance'];
const WORDS = (
  'Kfz-Zulassung Führerscheinstelle Ausländerbehörde Bürgerbüro Standesamt Wohngeld Elterngeld Jobcenter ' +
  'Bauamt Ordnungsamt Sozialamt Kämmerei Gewerbeamt Meldewesen Fundbüro Bibliothek Musikschule Volkshochschule'
).split(' ');

/** Affected services (and as many updates) in {@link largeReport}: together about 300 bytes each, the body adds 10 %. */
export const largeItemCount = (targetBytes = 1_000_000) => Math.round((targetBytes * 0.9) / 300);

/**
 * A valid report of about `targetBytes` (default 1 MB): the typical example with thousands of
 * affected services and updates in chronological order, and a long public section.
 */
export function largeReport(targetBytes = 1_000_000) {
  const typical = readFileSync(path.join(ROOT, TYPICAL_PATH), 'utf8');
  const random = rng(42);
  const count = largeItemCount(targetBytes);
  const services = [];
  const updates = [];
  for (let i = 0; i < count; i++) {
    const word = WORDS[i % WORDS.length];
    const status = SERVICE_STATUS[Math.floor(random() * SERVICE_STATUS.length)];
    services.push(`  - name: ${word} ${i + 1}\n    status: ${status}\n    workaround: Termine werden nachgeholt; bitte vorher das Bürgertelefon anrufen (${i + 1}).\n`);
    updates.push(
      `  - at: ${stamp(BASE, i * 7)}\n    text: Lagebild ${i + 1} – ${word} weiterhin eingeschränkt, die Wiederherstellung der Fachverfahren läuft nach Plan.\n`,
    );
  }
  const withServices = typical.replace(/^affected_services:\n(?:  .*\n)+/m, `affected_services:\n${services.join('')}`);
  const withUpdates = withServices.replace(/^updates:\n(?:  .*\n)+/m, `updates:\n${updates.join('')}`);
  const paragraph =
    'Die Kreisverwaltung arbeitet mit Hochdruck an der Wiederherstellung der Verfahren. Bürgerinnen und Bürger werden ' +
    'gebeten, vor einem Besuch anzurufen; dringende Anliegen werden an der Infotheke aufgenommen.\n\n';
  let body = '';
  while (withUpdates.length + body.length < targetBytes) body += paragraph;
  const text = withUpdates.trimEnd() + '\n\n' + body;
  if (withServices === typical || withUpdates === withServices) throw new Error('largeReport: example layout changed');
  return text;
}

/** Mutations that make a report invalid, each caught by the schema (so the peer must report it too). */
const BREAKERS = [
  // unknown key (typo)
  (t) => t.replace(/^severity:/m, 'severty:'),
  // invalid enum value
  (t) => t.replace(/^(    status: )\w+$/m, '$1closed'),
  // a required field missing
  (t) => t.replace(/^organization: .*\n/m, ''),
  // boolean instead of yes/no/unknown
  (t) => t.replace(/^(  occurred: )\w+$/m, '$1false'),
  // statement too short
  (t) => t.replace(/^(  statement: ).*$/m, '$1Unklar.'),
  // wrong type (number for a string)
  (t) => t.replace(/^title: .*$/m, 'title: 4711'),
];

/** Mutations only our domain rules catch (the schema is satisfied): realistic but invisible to the peer. */
const DOMAIN_BREAKERS = [
  // timestamp without offset → timestamp-timezone (schema format is a plain pattern? both may report)
  (t) => t.replace(/^(  detected_at: \S+)\+01:00$/m, '$1'),
  // placeholder in the public text
  (t) => t.replace(/^## (Pressemitteilung|Press release)\n\n/m, '## $1\n\nTODO: Zitat ergänzen.\n\n'),
];

/**
 * The texts of `count` generated reports (the same every time): about half are valid, a third
 * break the schema (which both linters check), the rest break only domain rules.
 */
export function corpusReports(count = 2000) {
  const sources = readdirSync(path.join(ROOT, 'examples/incidents'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => readFileSync(path.join(ROOT, 'examples/incidents', f), 'utf8'));
  const broken = readFileSync(path.join(ROOT, 'examples/broken/broken.incident.md'), 'utf8');
  const random = rng(7);
  const reports = [];
  for (let i = 0; i < count; i++) {
    const n = pad(i, 4);
    let text = sources[i % sources.length].replace(/^id: (.*)$/m, `id: $1-${n}`).replace(/^(title: .*)$/m, `$1 (${n})`);
    let kind = 'valid';
    const roll = random();
    if (i % 50 === 49) {
      text = broken.replace(/^id: (.*)$/m, `id: $1-${n}`);
      kind = 'example';
    } else if (roll < 0.33) {
      text = BREAKERS[Math.floor(random() * BREAKERS.length)](text);
      kind = 'schema';
    } else if (roll < 0.5) {
      text = DOMAIN_BREAKERS[Math.floor(random() * DOMAIN_BREAKERS.length)](text);
      kind = 'domain';
    }
    reports.push({ name: `report-${n}.md`, text, kind });
  }
  return reports;
}

/** Writes {@link corpusReports} into `<dir>/incidents/` and returns what it wrote. */
export function writeCorpus(dir, count = 2000) {
  const out = path.join(dir, 'incidents');
  mkdirSync(out, { recursive: true });
  const kinds = { valid: 0, schema: 0, domain: 0, example: 0 };
  const files = [];
  for (const { name, text, kind } of corpusReports(count)) {
    kinds[kind]++;
    const file = path.join(out, name);
    writeFileSync(file, text);
    files.push({ file, kind });
  }
  return { dir, files, kinds };
}

/**
 * An incident-family corpus: `families` providers, each with `members` member reports naming it as
 * `parent` (under `families/<nn>/`), built from the typical example. With `withParent: false` the
 * same files without their `parent:` line — the baseline the family checks are measured against.
 * Every member is listed by its provider and agrees with it, so both corpora lint clean and the
 * difference is the family work alone: resolving, reading and checking parents, and linting each
 * provider again with its members. `disagree: N` makes every Nth member state another start (one
 * family-shared-facts error each) to see what placing such findings costs.
 */
export function writeFamilyCorpus(dir, { families = 72, members = 70, withParent = true, disagree = 0 } = {}) {
  const source = readFileSync(path.join(ROOT, TYPICAL_PATH), 'utf8');
  const out = path.join(dir, 'families');
  let count = 0;
  for (let f = 0; f < families; f++) {
    const folder = path.join(out, pad(f));
    mkdirSync(path.join(folder, 'members'), { recursive: true });
    const names = Array.from({ length: members }, (_, m) => `Gemeinde ${pad(f)}-${pad(m)}`);
    const provider = source
      .replace(/^id: (.*)$/m, `id: provider-${pad(f)}`)
      .replace(/^organization: .*$/m, `organization: IT-Dienstleister ${pad(f)}`)
      .replace(/^affected_organizations:\n(?: {2}- .*\n)*/m, `affected_organizations:\n${names.map((n) => `  - ${n}\n`).join('')}`);
    writeFileSync(path.join(folder, 'provider.md'), provider);
    count++;
    names.forEach((name, m) => {
      let text = source
        .replace(/^id: (.*)$/m, `id: member-${pad(f)}-${pad(m)}`)
        .replace(/^organization: .*$/m, `organization: ${name}${withParent ? '\nparent: ../provider.md' : ''}`)
        .replace(/^affected_organizations:\n(?: {2}- .*\n)*/m, '');
      if (disagree && m % disagree === disagree - 1) text = text.replace(/^( {2}started_at: \d{4}-\d\d-\d\dT\d\d:)(\d\d)/m, (_, head, minute) => `${head}${pad((Number(minute) + 1) % 60)}`);
      writeFileSync(path.join(folder, 'members', `member-${pad(m)}.md`), text);
      count++;
    });
  }
  return { dir: out, count };
}
