/**
 * A release: an approved snapshot of the publication model (render/publication.ts), written as
 * canonical JSON. It holds exactly what a public output can print, and nothing internal: every
 * value is read through the publication's one accessor, so a field that no output prints can never
 * change a release, and a field that one prints always does.
 *
 * Canonical means: the same publication gives the same bytes, whatever order the frontmatter's keys
 * are in and whatever YAML style they are written in. Keys are sorted, indentation is two spaces,
 * line breaks are `\n`, and the text ends with one line break: readable in a pull request, and its
 * SHA-256 (what an approval records as `fingerprint`) can be checked with `sha256sum`.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { configure } from 'safe-stable-stringify';
import type { ParsedReport } from '../report/parse';
import { selectPublication } from '../render/publication';
import { readDirectives } from '../report/directives';
import { isRecord } from '../report/fields';
import { Derived } from '../shared/memo';
import { t } from '../shared/i18n';
import { jsonSyntaxDetail } from '../shared/jsonSyntax';
import type { Locale } from '../shared/types';

/** The value of `format` in every release file of this version (schemas/incident-report-release.schema.json). */
export const RELEASE_FORMAT = 'incident-report-release/1';

/** The pseudo-pointer under which changes name the public section (it is no frontmatter field). */
export const PUBLIC_SECTION_PATH = '/public_section';

/** What a report publishes, as plain data: the content of a release file. */
export interface ReleaseModel {
  format: typeof RELEASE_FORMAT;
  /** `lang` as written (it chooses the language of every output), or `null`. */
  lang: string | null;
  /** `timezone` as written (every time is printed in it), or `null`. */
  timezone: string | null;
  /** True when a public communication replaces individual notice (GDPR Art. 34(3)(c)): outputs then print its contents. */
  public_notice: boolean;
  /** Every published frontmatter value by its JSON Pointer, as written (numbers as numbers). */
  fields: Record<string, string | number>;
  /** The public section's Markdown (line breaks `\n`, trimmed, HTML comments such as suppression directives removed), or `null`. */
  public_section: string | null;
  /**
   * The level of the public section's own heading (`## Pressemitteilung`: 2), present only when the
   * section holds headings of its own: they are printed relative to it (`#### Ablauf` under `##` is
   * an `h3`, under `###` an `h2`). Without such headings the level prints nothing, so it is left out
   * and moving the section up or down a level changes no release.
   */
  public_heading_level?: number;
}

const stringify = configure({ deterministic: true, bigint: false, circularValue: Error });

/** The release model of a parsed report: what its public outputs print, read through the publication model. */
export function releaseModel(report: ParsedReport): ReleaseModel {
  const publication = selectPublication(report);
  const fields: Record<string, string | number> = {};
  for (const text of publication.texts) fields[text.path] = text.value;
  // The one published value that is no text: a count printed as a number.
  if (publication.dataLoss.subjectsApprox !== null) fields['/data_loss/subjects_approx'] = publication.dataLoss.subjectsApprox;
  return {
    format: RELEASE_FORMAT,
    lang: typeof publication.lang === 'string' ? publication.lang : null,
    timezone: typeof publication.timezone === 'string' ? publication.timezone : null,
    public_notice: publication.dataLoss.publicNotice,
    fields,
    public_section: publicSectionText(report, publication.body),
    ...publicHeadingLevel(publication.section()),
  };
}

/** `{ public_heading_level }` when the public section holds a heading of its own (see {@link ReleaseModel}), else nothing. */
function publicHeadingLevel(section: ReturnType<ReturnType<typeof selectPublication>['section']>): { public_heading_level?: number } {
  if (!section) return {};
  const hasHeading = (nodes: readonly unknown[]): boolean =>
    nodes.some((node) => {
      const n = node as { type?: string; children?: unknown[] };
      return n.type === 'heading' || (Array.isArray(n.children) && hasHeading(n.children));
    });
  return hasHeading(section.children) ? { public_heading_level: section.heading.depth } : {};
}

/**
 * The public section as the outputs read it: its Markdown without HTML comments (suppression
 * directives and notes such as "<!-- Zahl mit Herrn Meier klären -->": no output prints them, so
 * they are no part of what is approved, and a release file, which may be committed to a public
 * repository, never holds them), with `\n` line breaks, trimmed.
 */
function publicSectionText(report: ParsedReport, body: { offset: number; endOffset: number } | null): string | null {
  if (!body) return null;
  const cuts: Array<{ offset: number; endOffset: number }> = [];
  for (const directive of readDirectives(report)) {
    if (directive.where === 'body' && directive.offset >= body.offset && directive.endOffset <= body.endOffset) cuts.push(directive);
  }
  // Comments anywhere in the section (a block of its own, or inline in a paragraph or list item).
  const visit = (node: { type: string; value?: unknown; position?: { start: { offset?: number }; end: { offset?: number } }; children?: unknown[] }) => {
    const { start, end } = node.position ?? { start: {}, end: {} };
    // Raw HTML is never printed (markdown.ts), a comment least of all.
    if (node.type === 'html' && typeof node.value === 'string' && node.value.trimStart().startsWith('<!--')) {
      if (start.offset !== undefined && end.offset !== undefined) cuts.push({ offset: start.offset, endOffset: end.offset });
      return;
    }
    for (const child of node.children ?? []) visit(child as Parameters<typeof visit>[0]);
  };
  if (report.text.includes('<!--', body.offset)) for (const child of report.publicSection?.children ?? []) visit(child);
  cuts.sort((a, b) => a.offset - b.offset);
  let text = '';
  let at = body.offset;
  for (const cut of cuts) {
    if (cut.offset < at) continue;
    text += report.text.slice(at, cut.offset);
    at = cut.endOffset;
  }
  text += report.text.slice(at, body.endOffset);
  const normalized = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    // A directive stood on a line of its own: the blank line it leaves is no content.
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return normalized === '' ? null : normalized;
}

/** The canonical JSON text of a release model: sorted keys, two-space indentation, one final line break. */
export function canonicalJson(model: ReleaseModel): string {
  return `${stringify(model, null, 2)}\n`;
}

/** The SHA-256 of a text's UTF-8 bytes, as 64 lower-case hex digits (what `sha256sum` prints). */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** A report's release: the canonical JSON of what it publishes, and that JSON's fingerprint. */
export interface Release {
  model: ReleaseModel;
  json: string;
  fingerprint: string;
}

const releases = new Derived<ParsedReport, Release>('release');

/** The release a report would make now (computed once per parsed report). */
export function currentRelease(report: ParsedReport): Release {
  return releases.get(report, () => {
    const model = releaseModel(report);
    const json = canonicalJson(model);
    return { model, json, fingerprint: sha256Hex(json) };
  });
}

/** Reads a release file's text: its model, or why it cannot be used (in `locale`). */
export function parseReleaseJson(text: string, locale: Locale = 'en'): { model: ReleaseModel } | { problem: string } {
  // An empty file (a failed write, a truncated checkout) said "not valid JSON (Unexpected end of JSON input)".
  if (text.trim() === '') return { problem: t(locale, { en: 'the file is empty', de: 'die Datei ist leer' }) };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // In English the parser's own words (position and token) as the runtime gives them; in German
    // the first syntax error with its line and column, as a configuration's are named.
    const runtime = error instanceof Error ? error.message : String(error);
    return { problem: t(locale, { en: 'not valid JSON ({runtime})', de: 'kein gültiges JSON ({detail})' }, { runtime, detail: jsonSyntaxDetail(text)?.de ?? runtime }) };
  }
  // Another version of the format, named as such ("not a release file" said nothing of it); a newer
  // one was written by a newer incident-report.
  const prefix = RELEASE_FORMAT.replace(/\d+$/, '');
  if (isRecord(value) && typeof value.format === 'string' && value.format !== RELEASE_FORMAT && /^\d+$/.test(value.format.slice(prefix.length)) && value.format.startsWith(prefix)) {
    const newer = Number(value.format.slice(prefix.length)) > Number(RELEASE_FORMAT.slice(prefix.length));
    return {
      problem: t(
        locale,
        newer
          ? { en: 'a release file of format "{found}", which this version of incident-report cannot read (it reads "{format}"): update incident-report', de: 'eine Release-Datei im Format "{found}", das diese Version von incident-report nicht lesen kann (sie liest "{format}"): incident-report aktualisieren' }
          : { en: 'a release file of format "{found}", which this version of incident-report does not read (it reads "{format}")', de: 'eine Release-Datei im Format "{found}", das diese Version von incident-report nicht liest (sie liest "{format}")' },
        { found: value.format, format: RELEASE_FORMAT },
      ),
    };
  }
  if (!isRecord(value) || value.format !== RELEASE_FORMAT) {
    return { problem: t(locale, { en: 'not a release file (its "format" is not "{format}")', de: 'keine Release-Datei (ihr "format" ist nicht "{format}")' }, { format: RELEASE_FORMAT }) };
  }
  const fields = value.fields;
  if (!isRecord(fields) || Object.values(fields).some((v) => typeof v !== 'string' && typeof v !== 'number')) {
    return { problem: t(locale, { en: '"fields" is not an object of texts and numbers', de: '"fields" ist kein Objekt aus Texten und Zahlen' }) };
  }
  const textOrNull = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    model: {
      format: RELEASE_FORMAT,
      lang: textOrNull(value.lang),
      timezone: textOrNull(value.timezone),
      public_notice: value.public_notice === true,
      fields: fields as Record<string, string | number>,
      public_section: textOrNull(value.public_section),
      ...(Number.isInteger(value.public_heading_level) ? { public_heading_level: value.public_heading_level as number } : {}),
    },
  };
}
