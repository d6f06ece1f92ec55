// The extension's own settings (those that belong to no rule), the source of package.json's
// `contributes.configuration`, both package.nls files and the README's settings table. Rules declare
// their options in their modules (`options`); `npm run generate` writes all of it.
import type { OptionSpec } from '../src/core';

/** General settings, in the order the Settings UI shows them (rule options follow). */
export const GENERAL_SETTINGS: readonly OptionSpec[] = [
  {
    name: 'files',
    schema: { type: 'array', items: { type: 'string' }, default: ['**/incidents/**/*.md', '**/*.incident.md'], scope: 'resource' },
    description: {
      en: 'Glob patterns (relative to the workspace folder) of Markdown files that are incident reports even without `schema: incident-report/v1` in their frontmatter. A file with the marker is always a report.',
      de: 'Glob-Muster (relativ zum Arbeitsbereichsordner) der Markdown-Dateien, die auch ohne `schema: incident-report/v1` im Frontmatter Vorfallsberichte sind. Eine Datei mit dieser Kennung ist immer ein Bericht.',
    },
    summary: 'paths that are reports even without the marker',
    defaultText: '`["**/incidents/**/*.md", "**/*.incident.md"]`',
  },
  {
    name: 'ignores',
    schema: { type: 'array', items: { type: 'string' }, default: [], scope: 'resource' },
    description: {
      en: 'Glob patterns (relative to the workspace folder) of Markdown files that are not incident reports even with the marker, e.g. `["archive/**", "examples/broken/**"]`: no diagnostics, left out of **Lint All Reports in Workspace**. A member still reads an ignored parent.',
      de: 'Glob-Muster (relativ zum Arbeitsbereichsordner) der Markdown-Dateien, die auch mit Kennung keine Vorfallsberichte sind, z. B. `["archiv/**", "beispiele/kaputt/**"]`: keine Diagnosen, nicht in **Alle Berichte im Arbeitsbereich prüfen**. Ein Teilbericht liest einen ignorierten übergeordneten Bericht trotzdem.',
    },
    summary: 'paths that are no reports, even with the marker',
    defaultText: '`[]`',
  },
  {
    name: 'schema',
    schema: { type: 'string', default: '', scope: 'resource' },
    description: {
      en: 'Workspace-relative path of a JSON Schema that replaces the bundled `incident-report/v1` schema, e.g. `schemas/our-reports.schema.json`. Used only in a trusted workspace; changes to the file apply immediately.',
      de: 'Pfad (relativ zum Arbeitsbereich) eines JSON-Schemas, das das mitgelieferte Schema `incident-report/v1` ersetzt, z. B. `schemas/unsere-berichte.schema.json`. Nur in vertrauenswürdigen Arbeitsbereichen; Änderungen an der Datei gelten sofort.',
    },
    summary: 'workspace-relative path of your own schema (trusted workspaces only)',
    defaultText: '`""`',
    restricted: true,
  },
  {
    name: 'locale',
    schema: { type: 'string', enum: ['auto', 'de', 'en'], default: 'auto', scope: 'window', markdownEnumDescriptions: ['%config.locale.auto%', '%config.locale.de%', '%config.locale.en%'] },
    description: {
      en: 'Language of diagnostics, hovers and completion details.',
      de: 'Sprache der Diagnosen, Hovers und Vervollständigungsdetails.',
    },
    messages: {
      auto: { en: 'Follow VS Code\'s display language (German for `de-*`, English otherwise).', de: 'Der Anzeigesprache von VS Code folgen (Deutsch für `de-*`, sonst Englisch).' },
      de: { en: 'German.', de: 'Deutsch.' },
      en: { en: 'English.', de: 'Englisch.' },
    },
    summary: 'message language: `auto` (VS Code\'s), `de`, `en`',
    defaultText: '`auto`',
  },
  {
    name: 'timeZone',
    schema: { type: 'string', default: '', scope: 'resource', examples: ['Europe/Berlin', 'Europe/Vienna', 'Europe/Zurich', 'UTC'] },
    description: {
      en: 'IANA time zone (e.g. `Europe/Berlin`) for new timestamps and for reading timestamps written without an offset, unless the report sets its own `timezone`. Empty: the system time zone.',
      de: 'IANA-Zeitzone (z. B. `Europe/Berlin`) für neue Zeitstempel und zum Lesen von Zeitstempeln ohne Zeitverschiebung, sofern der Bericht keine eigene `timezone` angibt. Leer: die Zeitzone des Systems.',
    },
    summary: 'IANA zone for new timestamps and for reading ones without offset',
    defaultText: '`""` (system)',
  },
  {
    name: 'rules',
    schema: { type: 'object', default: {}, scope: 'resource', propertyNames: { pattern: '^[a-z][a-z0-9-]*$' }, additionalProperties: { type: 'string', enum: ['error', 'warning', 'info', 'off'], enumDescriptions: ['%config.rules.error%', '%config.rules.warning%', '%config.rules.info%', '%config.rules.off%'] } },
    description: {
      en: 'Severity per rule: `error`, `warning`, `info`, or `off` to disable the rule. Example: `{ "placeholder": "error", "press-contact": "off" }`. Each rule is documented in `docs/rules/<rule>.md`.',
      de: 'Schweregrad je Regel: `error`, `warning`, `info` oder `off`, um die Regel abzuschalten. Beispiel: `{ "placeholder": "error", "press-contact": "off" }`. Jede Regel ist in `docs/rules/<Regel>.md` beschrieben.',
    },
    messages: {
      error: { en: 'Report findings as errors.', de: 'Befunde als Fehler melden.' },
      warning: { en: 'Report findings as warnings.', de: 'Befunde als Warnungen melden.' },
      info: { en: 'Report findings as information.', de: 'Befunde als Hinweise melden.' },
      off: { en: 'Disable the rule.', de: 'Regel abschalten.' },
    },
    summary: 'severity per rule: `error`, `warning`, `info`, `off`',
    defaultText: '`{}`',
  },
  {
    name: 'servicesCatalog',
    schema: { type: 'string', default: '', scope: 'resource' },
    description: {
      en: 'Workspace-relative path of a YAML or JSON file listing your service names (a list of names, or of objects with `name`), offered by completion in `affected_services`.',
      de: 'Pfad (relativ zum Arbeitsbereich) einer YAML- oder JSON-Datei mit den Namen Ihrer Dienste (eine Liste von Namen oder von Objekten mit `name`), die die Vervollständigung in `affected_services` anbietet.',
    },
    summary: 'YAML/JSON file of service names for completion',
    defaultText: '`""`',
  },
  {
    name: 'validate.onType',
    schema: { type: 'boolean', default: true, scope: 'resource' },
    description: {
      en: 'Validate while typing. When off, reports are validated when opened and saved.',
      de: 'Während der Eingabe prüfen. Ausgeschaltet werden Berichte beim Öffnen und Speichern geprüft.',
    },
    summary: 'validate while typing (else on open and save)',
    defaultText: '`true`',
  },
];
