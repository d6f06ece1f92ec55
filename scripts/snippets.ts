/**
 * The Markdown snippets of the extension (snippets/incident-report.code-snippets), built from the
 * same templates the quick fixes use, so a data-loss sentence reads the same everywhere.
 * `npm run generate` writes the file; test/unit/snippets.test.ts checks it is up to
 * date and that every snippet, expanded, gives valid YAML and a report without schema errors.
 */
import type { Locale } from '../src/core/shared/types';
import { DATA_LOSS_TEMPLATES } from '../src/core/templates/dataLoss';

/** One entry of a VS Code snippets file. */
export interface Snippet {
  prefix: string[];
  description: string;
  body: string[];
}

/** "Now" as RFC 3339 with the UTC offset, from VS Code's snippet variables. */
export const NOW = '${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}T${CURRENT_HOUR}:${CURRENT_MINUTE}:00${CURRENT_TIMEZONE_OFFSET}';

const choice = (values: readonly string[]) => values.join(',');
const STATUS = choice(['investigating', 'identified', 'monitoring', 'resolved']);
const SEVERITY = choice(['major', 'critical', 'minor', 'none']);
const INCIDENT_TYPE = choice(['unknown', 'ransomware', 'ddos', 'phishing', 'intrusion', 'outage', 'data_leak', 'other']);
const SERVICE_STATUS = choice(['major_outage', 'partial_outage', 'degraded_performance', 'under_maintenance', 'operational']);

const TEXT: Record<
  Locale,
  {
    language: string;
    organisationSlug: string;
    title: string;
    organisation: string;
    service: string;
    workaround: string;
    pressName: string;
    email: string;
    phone: string;
    hours: string;
    update: string;
    heading: string;
    internal: string;
    internalText: string;
    public: string;
    publicText: string;
  }
> = {
  de: {
    language: 'German',
    organisationSlug: 'organisation',
    title: '<Organisation – sichtbare Auswirkung>',
    organisation: '<Organisation>',
    service: '<Dienst, wie Bürgerinnen und Bürger ihn kennen>',
    workaround: '<Was Betroffene stattdessen tun können>',
    pressName: '<Pressestelle>',
    email: '<E-Mail-Adresse>',
    phone: '<Telefonnummer>',
    hours: '<Mo–Fr 8–16 Uhr>',
    update: '<Was sich geändert hat>',
    heading: 'Vorfallsbericht',
    internal: 'Interne Analyse',
    internalText: '<Ablauf, betroffene Systeme, offene Fragen – dieser Abschnitt wird nie veröffentlicht.>',
    public: 'Pressemitteilung',
    publicText: '<Was ist passiert, was bedeutet es für Betroffene?>',
  },
  en: {
    language: 'English',
    organisationSlug: 'organisation',
    title: '<Organisation – visible effect>',
    organisation: '<Organisation>',
    service: '<Service as people know it>',
    workaround: '<What people can do instead>',
    pressName: '<Press office>',
    email: '<e-mail address>',
    phone: '<Phone number>',
    hours: '<Mon–Fri 8 am to 4 pm>',
    update: '<What has changed>',
    heading: 'Incident report',
    internal: 'Internal analysis',
    internalText: '<Sequence of events, affected systems, open questions – this section is never published.>',
    public: 'Press release',
    publicText: '<What happened, and what does it mean for people?>',
  },
};

function report(lang: Locale): Snippet {
  const x = TEXT[lang];
  const investigating = DATA_LOSS_TEMPLATES.find((template) => template.variant === 'investigating')!;
  return {
    prefix: lang === 'de' ? ['incident-report-de', 'vorfallsbericht'] : ['incident-report-en'],
    description: `Incident report: a complete new report in ${x.language} (facts, internal analysis and the public section “${x.public}”)`,
    body: [
      '---',
      'schema: incident-report/v1',
      `id: \${CURRENT_YEAR}-\${CURRENT_MONTH}-\${CURRENT_DATE}-\${1:${x.organisationSlug}}`,
      `title: \${2:${x.title}}`,
      `lang: ${lang}`,
      `status: \${3|${STATUS}|}`,
      `severity: \${4|${SEVERITY}|}`,
      `incident_type: \${5|${INCIDENT_TYPE}|}`,
      `organization: \${6:${x.organisation}}`,
      `timezone: \${7:Europe/Berlin}`,
      'affected_services:',
      `  - name: \${8:${x.service}}`,
      `    status: \${9|${SERVICE_STATUS}|}`,
      `    workaround: \${10:${x.workaround}}`,
      'timestamps:',
      `  started_at: ${NOW}`,
      `  detected_at: ${NOW}`,
      `  published_at: ${NOW}`,
      'expected_restoration: unknown',
      'data_loss:',
      `  occurred: ${investigating.occurred}`,
      `  exfiltration: ${investigating.exfiltration}`,
      `  personal_data: ${investigating.personal_data}`,
      `  statement: ${investigating.statement[lang]}`,
      'contacts:',
      '  - role: press',
      `    name: \${11:${x.pressName}}`,
      `    email: \${12:${x.email}}`,
      'updates:',
      `  - at: ${NOW}`,
      `    text: \${13:${x.update}}`,
      '---',
      '',
      `# ${x.heading}`,
      '',
      `## ${x.internal}`,
      '',
      `\${14:${x.internalText}}`,
      '',
      `## ${x.public}`,
      '',
      `\${0:${x.publicText}}`,
      '',
    ],
  };
}

function update(): Snippet {
  return {
    prefix: ['incident-update', 'ir-update'],
    description: 'Incident report: an `updates` entry stamped with the current time (put it below `updates:`)',
    body: [`- at: ${NOW}`, '  text: ${1:<…>}$0'],
  };
}

function service(): Snippet {
  return {
    prefix: ['incident-service', 'ir-service'],
    description: 'Incident report: an `affected_services` entry with name, status and workaround',
    body: ['- name: ${1:<…>}', `  status: \${2|${SERVICE_STATUS}|}`, '  workaround: ${3:<…>}$0'],
  };
}

function pressContact(lang: Locale): Snippet {
  const x = TEXT[lang];
  return {
    prefix: [`incident-press-contact-${lang}`, `ir-press-${lang}`],
    description: `Incident report: a press contact for \`contacts\` (${x.language})`,
    body: [
      '- role: press',
      `  name: \${1:${x.pressName}}`,
      `  phone: \${2:${x.phone}}`,
      `  email: \${3:${x.email}}`,
      `  hours: \${4:${x.hours}}$0`,
    ],
  };
}

function dataLoss(lang: Locale): Record<string, Snippet> {
  const out: Record<string, Snippet> = {};
  for (const template of DATA_LOSS_TEMPLATES) {
    out[`Data loss: ${template.label.en} (${TEXT[lang].language})`] = {
      prefix: [`incident-data-loss-${template.variant}-${lang}`, `ir-data-loss-${template.variant}-${lang}`],
      description: `Incident report: the \`data_loss\` block for "${template.label.en}" with a ${TEXT[lang].language} statement`,
      body: [
        'data_loss:',
        `  occurred: ${template.occurred}`,
        `  exfiltration: ${template.exfiltration}`,
        `  personal_data: ${template.personal_data}`,
        `  statement: \${1:${escapeSnippet(template.statement[lang])}}$0`,
      ],
    };
  }
  return out;
}

/** Text inside a snippet placeholder: `$`, `}` and `\` are special there. */
function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, (c) => '\\' + c);
}

/** Every snippet, by name (the name shows in the snippet picker). */
export function buildSnippets(): Record<string, Snippet> {
  return {
    'Incident report (German)': report('de'),
    'Incident report (English)': report('en'),
    'Incident update entry': update(),
    'Affected service': service(),
    ...dataLoss('de'),
    ...dataLoss('en'),
    'Press contact (German)': pressContact('de'),
    'Press contact (English)': pressContact('en'),
  };
}

/** The file's content: JSON, two-space indented, with a final line break. */
export function snippetsFile(): string {
  return JSON.stringify(buildSnippets(), null, 2) + '\n';
}
