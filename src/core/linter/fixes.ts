/**
 * Quick fixes as plain text edits: the editor, the CLI and tests apply them the same way. Every
 * fix edits only the lines it must; the rest of the document (comments, quoting, line endings,
 * the Markdown body) stays byte for byte as it was.
 */
import { isMap, isScalar, isSeq, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Finding, Locale, Localized } from '../shared/types';
import { parseReport, type ParsedReport } from '../report/parse';
import type { LintResult } from './lint';
import type { SchemaInfo } from '../schema/meta';
import { bundledCompiledSchema } from '../schema/validator';
import { formatPointer, parsePointer } from '../yaml/pointer';
import { indentationStep, locate, withoutLineBreaks, yamlScalar } from '../yaml';
import { fieldName, showValue, t } from '../shared/i18n';
import { lineStartOf } from '../shared/lines';
import { getIn, isRecord, recordItems } from '../report/fields';
import { formatInZone, instantIn, isValidTimeZone, systemTimeZone } from '../shared/time';
import { DATA_LOSS_TEMPLATES, dataLossFields, type DataLossTemplate } from '../templates/dataLoss';

/** Replace `[offset, endOffset)` of the BOM-less text with `newText` (an insertion when both are equal). */
export interface TextEdit {
  offset: number;
  endOffset: number;
  newText: string;
}

/** One way to repair a finding. */
export interface FixAction {
  /** What the fix does, in the UI language ("Change to `resolved`"). */
  title: string;
  /** Non-overlapping edits, in document order. */
  edits: TextEdit[];
  /** The one obvious fix for the finding (VS Code applies it with "Auto Fix"). */
  isPreferred: boolean;
  /**
   * Unambiguous and fact-free, so "fix all" may apply it unasked: the corrected spelling of a value
   * or key, a word instead of a YAML boolean, the missing UTC offset, sorting `updates`. Fixes that
   * insert placeholders or choose between facts are never safe.
   */
  safe: boolean;
}

/** What fixes need besides the report. */
export interface FixOptions {
  /** Language of the titles (the UI language; default English). */
  locale?: Locale;
  /** Schema metadata for property order and placeholders (default: the bundled schema). */
  schema?: SchemaInfo;
  /** Zone for "now" placeholders and for ordering times without offset, when the report has no valid `timezone`. */
  timeZone?: string;
  /** "Now" in epoch milliseconds for date-time placeholders (injectable for tests). */
  now?: number;
}

const TITLES = {
  add: { en: 'Add `{field}`', de: '`{field}` ergänzen' },
  addBlock: { en: 'Add `{field}` with its required fields', de: '`{field}` mit den Pflichtfeldern ergänzen' },
  addValue: { en: 'Add `{field}: {value}`', de: '`{field}: {value}` ergänzen' },
  change: { en: 'Change to `{value}`', de: 'In `{value}` ändern' },
  rename: { en: 'Rename to `{value}`', de: 'In `{value}` umbenennen' },
  offset: { en: 'Add the UTC offset: `{value}`', de: 'UTC-Versatz ergänzen: `{value}`' },
  sort: { en: 'Sort `updates` chronologically', de: '`updates` chronologisch sortieren' },
  dataLossInsert: { en: 'Add `data_loss`: {variant}', de: '`data_loss` ergänzen: {variant}' },
  dataLossSet: { en: 'Set `data_loss` to: {variant}', de: '`data_loss` setzen auf: {variant}' },
  dataLossStatement: { en: 'Add the statement: {variant}', de: 'Aussage ergänzen: {variant}' },
  qualify: { en: 'Qualify the claim: “{qualifier}”', de: 'Aussage einschränken: „{qualifier}“' },
  keepInstant: { en: 'Keep the instant: `{value}`', de: 'Zeitpunkt beibehalten: `{value}`' },
  keepWallTime: { en: 'Keep the wall time: `{value}`', de: 'Uhrzeit beibehalten: `{value}`' },
  nis2Answer: { en: 'Answer NIS2: {answer}', de: 'NIS2 beantworten: {answer}' },
  writeCount: { en: 'Write `{value}`', de: '`{value}` schreiben' },
  restateCount: { en: 'Give the number of the facts: “{value}”', de: 'Die Zahl aus den Fakten nennen: „{value}“' },
  quote: { en: 'Put the value in quotes: `{value}`', de: 'Den Wert in Anführungszeichen setzen: `{value}`' },
  htmlAsText: { en: 'Write it as Markdown: “{text}”', de: 'Als Markdown schreiben: „{text}“' },
} satisfies Record<string, Localized>;

/**
 * The fixes for one finding, best first. Empty when the finding has no fix data or the YAML is
 * too broken to edit safely (the parser's own errors come first).
 */
export function fixEdits(report: ParsedReport, finding: Finding, options: FixOptions = {}): FixAction[] {
  const actions = offeredFixes(report, finding, options);
  // Every fix is read back once: a fix must never leave unreadable a frontmatter that was readable
  // (sorting `updates` moved an alias above its anchor, and fix all applied it unasked).
  if (actions.length === 0 || !readable(report)) return actions;
  return actions.filter((action) => readable(parseReport(applyEdits(report.text, action.edits))));
}

/** True when the frontmatter is YAML that reads without errors into data. */
function readable(report: ParsedReport): boolean {
  return report.frontmatter.kind === 'yaml' && report.yamlErrors.length === 0 && report.dataError === null;
}

/** The fixes for one finding, best first, before they are read back (see {@link fixEdits}). */
function offeredFixes(report: ParsedReport, finding: Finding, options: FixOptions): FixAction[] {
  const fix = finding.fix;
  if (!fix) return [];
  const ctx = editContext(report, options);
  switch (fix.kind) {
    case 'replace-value':
      return replaceValueFixes(report, finding, fix, ctx?.locale ?? options.locale ?? 'en');
    case 'qualify-claim': {
      // Changes what is published: preferred (the one fix), never applied unasked.
      if (fix.offset < 0 || fix.endOffset < fix.offset || fix.endOffset > report.text.length) return [];
      const title = t(ctx?.locale ?? options.locale ?? 'en', TITLES.qualify, { qualifier: fix.qualifier });
      return [{ title, edits: [{ offset: fix.offset, endOffset: fix.endOffset, newText: fix.newText }], isPreferred: true, safe: false }];
    }
    case 'zone-offset': {
      // Which one the author meant is a fact only they know: neither is preferred or safe.
      if (fix.offset < 0 || fix.endOffset < fix.offset || fix.endOffset > report.text.length) return [];
      const locale = ctx?.locale ?? options.locale ?? 'en';
      const choices: Array<[Localized, string | null]> = [
        [TITLES.keepInstant, fix.keepInstant],
        [TITLES.keepWallTime, fix.keepWallTime],
      ];
      return choices
        .filter((choice): choice is [Localized, string] => choice[1] !== null)
        .map(([title, value]) => ({ title: t(locale, title, { value }), edits: [{ offset: fix.offset, endOffset: fix.endOffset, newText: value }], isPreferred: false, safe: false }));
    }
    case 'nis2-scope':
      return ctx ? nis2ScopeFixes(ctx, fix.answers) : [];
    case 'write-count':
    case 'restate-count': {
      // Both decide which number is meant (a count, the facts' figure): preferred, never applied unasked.
      if (fix.offset < 0 || fix.endOffset < fix.offset || fix.endOffset > report.text.length) return [];
      const title = t(ctx?.locale ?? options.locale ?? 'en', fix.kind === 'write-count' ? TITLES.writeCount : TITLES.restateCount, { value: fix.newText });
      return [{ title, edits: [{ offset: fix.offset, endOffset: fix.endOffset, newText: fix.newText }], isPreferred: true, safe: false }];
    }
    case 'html-as-text': {
      // Makes hidden text public: preferred (the one fix), never applied unasked.
      if (fix.offset < 0 || fix.endOffset < fix.offset || fix.endOffset > report.text.length) return [];
      const title = t(ctx?.locale ?? options.locale ?? 'en', TITLES.htmlAsText, { text: showValue(fix.newText) });
      return [{ title, edits: [{ offset: fix.offset, endOffset: fix.endOffset, newText: fix.newText }], isPreferred: true, safe: false }];
    }
        case 'quote-value': {
      // The YAML is broken here, so there is no edit context: the fix is the text as written,
      // quoted. Preferred (the one fix); not applied unasked, since the author may have meant a list.
      if (fix.offset < 0 || fix.endOffset < fix.offset || fix.endOffset > report.text.length) return [];
      const title = t(ctx?.locale ?? options.locale ?? 'en', TITLES.quote, { value: fix.newText });
      return [{ title, edits: [{ offset: fix.offset, endOffset: fix.endOffset, newText: fix.newText }], isPreferred: true, safe: false }];
    }
    case 'sort-updates': {
      if (!ctx) return [];
      const edit = sortUpdatesEdit(ctx);
      return edit ? [{ title: t(ctx.locale, TITLES.sort), edits: [edit], isPreferred: true, safe: true }] : [];
    }
    case 'insert-key': {
      if (!ctx) return [];
      if (isDataLossFix(fix.parentPath, fix.key)) return dataLossFixes(ctx, fix.parentPath === '');
      const pointer = fix.parentPath + formatPointer([fix.key]);
      // A missing choice (`severity`, `status`) is the author's to make: one fix per allowed value,
      // none preferred, instead of the first value, which would read like a fact they had chosen.
      const choices = ctx.info.fieldInfo(pointer, ctx.lang)?.enum;
      if (choices && choices.length > 1) {
        return choices.flatMap((choice) => {
          const edits = insertFields(ctx, fix.parentPath, [{ key: fix.key, value: choice }]);
          return edits ? [{ title: t(ctx.locale, TITLES.addValue, { field: fieldName(pointer), value: String(choice) }), edits, isPreferred: false, safe: false }] : [];
        });
      }
      const value = placeholderValue(ctx, pointer, fix.placeholder);
      const edits = insertFields(ctx, fix.parentPath, [{ key: fix.key, value }]);
      if (!edits) return [];
      const block = isRecord(value) || Array.isArray(value);
      return [
        {
          title: t(ctx.locale, block ? TITLES.addBlock : TITLES.add, { field: fieldName(pointer) }),
          edits,
          // The only fix offered, but it inserts a placeholder the author must replace: preferred, not safe.
          isPreferred: true,
          safe: false,
        },
      ];
    }
  }
}

/**
 * The edits of every safe fix among `findings`, one fix per finding, skipping any that would
 * overlap an earlier one (apply, re-lint and call again to get the rest — see {@link fixAllText}).
 */
export function safeEdits(report: ParsedReport, findings: readonly Finding[], options: FixOptions = {}): TextEdit[] {
  const chosen: TextEdit[] = [];
  for (const finding of findings) {
    const action = fixEdits(report, finding, options).find((candidate) => candidate.safe);
    if (!action) continue;
    // The same fix reported twice (several out-of-order updates all offer the one sort) is applied once.
    if (action.edits.every((edit) => chosen.some((other) => sameEdit(edit, other)))) continue;
    if (action.edits.some((edit) => chosen.some((other) => overlaps(edit, other)))) continue;
    chosen.push(...action.edits);
  }
  return chosen.sort((a, b) => a.offset - b.offset);
}

/**
 * Applies safe fixes until none is left (or `maxPasses` is reached): one fix can make the next one
 * possible, and overlapping fixes need a fresh lint in between. Returns the final text.
 */
export function fixAllText(text: string, lint: (text: string) => LintResult, options: FixOptions = {}, maxPasses = 10): string {
  let current = text;
  for (let pass = 0; pass < maxPasses; pass++) {
    const result = lint(current);
    const edits = safeEdits(result.report, result.findings, options);
    if (edits.length === 0) break;
    // Offsets refer to the BOM-less text; keep a BOM the input had.
    const bom = current.length - result.report.text.length;
    const next = current.slice(0, bom) + applyEdits(result.report.text, edits);
    if (next === current) break;
    current = next;
  }
  return current;
}

/** Applies non-overlapping edits to `text` (offsets refer to `text` before any edit). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset);
  let out = '';
  let position = 0;
  for (const edit of sorted) {
    if (edit.offset < position) throw new Error(`overlapping edits at offset ${edit.offset}`);
    out += text.slice(position, edit.offset) + edit.newText;
    position = edit.endOffset;
  }
  return out + text.slice(position);
}

/** The smallest single edit that turns `before` into `after` (`null` when they are equal). */
export function diffEdit(before: string, after: string): TextEdit | null {
  if (before === after) return null;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // Never split a CRLF pair or a surrogate pair between the kept prefix and the edit.
  while (start > 0 && (isLowSurrogate(before.charCodeAt(start)) || (before[start] === '\n' && before[start - 1] === '\r'))) start--;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  while (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--;
  return { offset: start, endOffset: before.length - end, newText: after.slice(start, after.length - end) };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.offset === b.offset && a.endOffset === b.endOffset && a.newText === b.newText;
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.offset === b.offset) return true; // two insertions at one place: their order would be a guess
  return a.offset < b.endOffset && b.offset < a.endOffset;
}

// ---------------------------------------------------------------------------------------------
// Editing context

interface EditContext {
  text: string;
  doc: Document.Parsed;
  /** Offset of the YAML source in `text` (YAML node ranges are relative to it). */
  base: number;
  /** Offset of the closing fence: the end of the YAML source. */
  sourceEnd: number;
  /** The document's line ending: new lines use it. */
  eol: string;
  /** Spaces per nesting level, as the document writes them. */
  unit: number;
  info: SchemaInfo;
  locale: Locale;
  /** Language of the report's public text (its `lang`), for inserted sentences. */
  lang: Locale;
  now: number;
  zone: string;
  data: Record<string, unknown> | null;
}

function editContext(report: ParsedReport, options: FixOptions): EditContext | null {
  const fm = report.frontmatter;
  // Editing YAML the parser could not read would be guesswork.
  if (fm.kind !== 'yaml' || !report.yaml || report.yamlErrors.length > 0) return null;
  const data = isRecord(report.data) ? report.data : null;
  const reportZone = data && typeof data.timezone === 'string' && isValidTimeZone(data.timezone) ? data.timezone : null;
  const configured = options.timeZone && isValidTimeZone(options.timeZone) ? options.timeZone : systemTimeZone();
  const locale = options.locale ?? 'en';
  return {
    text: report.text,
    doc: report.yaml.doc,
    base: fm.contentOffset,
    sourceEnd: fm.close.offset,
    eol: report.text.includes('\r\n') ? '\r\n' : '\n',
    unit: indentationStep(report.yaml),
    info: options.schema ?? bundledCompiledSchema().info,
    locale,
    lang: data?.lang === 'de' || data?.lang === 'en' ? data.lang : locale,
    now: options.now ?? Date.now(),
    zone: reportZone ?? configured,
    data,
  };
}

/** Start of the line after the one holding `offset` (or `limit` when there is none). */
function nextLineStart(text: string, offset: number, limit: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 || newline >= limit ? limit : newline + 1;
}

/** Absolute offset where the line after a node's last content line starts (its trailing comment stays). */
function afterNode(ctx: EditContext, node: Node): number {
  const end = ctx.base + node.range![1];
  if (end > ctx.base && ctx.text[end - 1] === '\n') return end;
  return nextLineStart(ctx.text, end, ctx.sourceEnd);
}

/**
 * The edit writing `newText` in place of the value at `[offset, endOffset)` of `text`. A block
 * scalar's header may carry a comment (`|- # since Monday`): it stays, after the new value.
 */
function valueEdit(text: string, offset: number, endOffset: number, newText: string): TextEdit {
  const comment = /^[|>][-+0-9]*([ \t]+#[^\r\n]*)/.exec(text.slice(offset, endOffset))?.[1];
  return { offset, endOffset, newText: comment ? newText + comment : newText };
}

/** Absolute offset where a node's value ends: before the line break a block scalar's range includes. */
function valueEnd(ctx: EditContext, node: Node): number {
  return withoutLineBreaks(ctx.text, ctx.base + node.range![0], ctx.base + node.range![1]);
}

function afterPair(ctx: EditContext, pair: Pair): number {
  const value = pair.value as Node | null;
  if (value && value.range) return afterNode(ctx, value);
  return afterNode(ctx, pair.key as Node);
}

// ---------------------------------------------------------------------------------------------
// Inserting fields

interface NewField {
  key: string;
  value: unknown;
}

/**
 * Edits inserting `fields` into the mapping at `parentPath`: block style at the mapping's own
 * indentation, each after the existing key that precedes it in the schema's property order (so a
 * missing `severity` lands after `status`), in the document's line ending. `null` when the parent
 * is not a mapping that can be edited.
 */
function insertFields(ctx: EditContext, parentPath: string, fields: NewField[]): TextEdit[] | null {
  const located = locate(ctx.doc, parentPath);
  if (!located) return null;
  const map = located.value;

  // Empty frontmatter (nothing or only comments): the fields go right before the closing fence.
  if (parentPath === '' && (map === null || (isScalar(map) && map.value === null))) {
    const offset = ctx.sourceEnd;
    return [{ offset, endOffset: offset, newText: blockText(ctx, fields, 0, ctx.text.slice(lineStartOf(ctx.text, offset), offset) !== '') }];
  }
  if (!isMap(map) || !map.range) return null;
  // A key the mapping has already (a rule may call a field with an unreadable value missing) would
  // be written twice, which is invalid YAML: that value needs correcting, not a second one.
  if (fields.some((field) => map.items.some((pair) => isScalar(pair.key) && String(pair.key.value) === field.key))) return null;
  if (map.flow) return [flowInsertion(ctx, map, fields)];
  const pairs = map.items.filter((pair) => isScalar(pair.key) && (pair.key as Node).range) as Pair[];
  const first = pairs[0];
  if (!first) return null;

  const firstKeyOffset = ctx.base + (first.key as Node).range![0];
  const column = firstKeyOffset - lineStartOf(ctx.text, firstKeyOffset);
  const order = Object.keys(ctx.info.fieldInfo(parentPath, 'en')?.properties ?? {});
  const rank = (key: string) => {
    const index = order.indexOf(key);
    return index === -1 ? Infinity : index;
  };

  // Where each field goes: after the present key that comes last before it in schema order;
  // before the first key when none does; after the last key when the schema does not know it.
  const groups = new Map<number | 'first', NewField[]>();
  for (const field of [...fields].sort((a, b) => rank(a.key) - rank(b.key))) {
    const own = rank(field.key);
    let anchor: Pair | null = null;
    if (own === Infinity) anchor = pairs[pairs.length - 1]!;
    else {
      for (const pair of pairs) {
        const r = rank(String((pair.key as { value: unknown }).value));
        if (r < own && (!anchor || r >= rank(String((anchor.key as { value: unknown }).value)))) anchor = pair;
      }
    }
    const at = anchor ? afterPair(ctx, anchor) : 'first';
    groups.set(at, [...(groups.get(at) ?? []), field]);
  }

  const edits: TextEdit[] = [];
  for (const [at, group] of groups) {
    if (at !== 'first') {
      edits.push({ offset: at, endOffset: at, newText: blockText(ctx, group, column, false) });
      continue;
    }
    const start = lineStartOf(ctx.text, firstKeyOffset);
    if (/^[ \t]*$/.test(ctx.text.slice(start, firstKeyOffset))) {
      edits.push({ offset: start, endOffset: start, newText: blockText(ctx, group, column, false) });
    } else {
      // The first key shares its line with a sequence dash (`- status: …`): the new key takes its
      // place after the dash and the old key moves to the next line at the same column.
      const block = blockText(ctx, group, column, false);
      edits.push({ offset: firstKeyOffset, endOffset: firstKeyOffset, newText: block.slice(column) + ' '.repeat(column) });
    }
  }
  return edits.sort((a, b) => a.offset - b.offset);
}

/** Block-style YAML lines for `fields` at `column`, each ending in the document's line ending. */
function blockText(ctx: EditContext, fields: NewField[], column: number, leadingBreak: boolean): string {
  const lines = fields.flatMap((field) => blockLines(field.key, field.value, column, ctx.unit));
  return (leadingBreak ? ctx.eol : '') + lines.map((line) => line + ctx.eol).join('');
}

function blockLines(key: string, value: unknown, column: number, unit: number): string[] {
  const pad = ' '.repeat(column);
  if (isRecord(value)) {
    return [`${pad}${key}:`, ...Object.entries(value).flatMap(([k, v]) => blockLines(k, v, column + unit, unit))];
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${pad}${key}: []`];
    return [`${pad}${key}:`, ...value.flatMap((item) => itemLines(item, column + unit, unit))];
  }
  return [`${pad}${key}: ${yamlScalar(value)}`];
}

function itemLines(item: unknown, column: number, unit: number): string[] {
  const pad = ' '.repeat(column);
  if (isRecord(item) && Object.keys(item).length > 0) {
    const lines = Object.entries(item).flatMap(([k, v]) => blockLines(k, v, column + 2, unit));
    lines[0] = pad + '- ' + lines[0]!.slice(column + 2);
    return lines;
  }
  return [`${pad}- ${yamlScalar(item)}`];
}

/** `{a: 1}` → `{a: 1, key: value}`: a flow mapping stays a flow mapping. */
function flowInsertion(ctx: EditContext, map: YAMLMap, fields: NewField[]): TextEdit {
  const open = ctx.base + map.range![0];
  // Right after the last entry: before the `}` could be inside a comment that ends that entry's line.
  const last = map.items[map.items.length - 1];
  const lastNode = (last?.value ?? last?.key) as Node | null | undefined;
  let offset = lastNode?.range ? valueEnd(ctx, lastNode) : ctx.text.lastIndexOf('}', ctx.base + map.range![1] - 1);
  while (!lastNode?.range && offset > open + 1 && /\s/.test(ctx.text[offset - 1]!)) offset--;
  const entries = fields.map((field) => `${field.key}: ${flowValue(field.value)}`).join(', ');
  return { offset, endOffset: offset, newText: (map.items.length > 0 ? ', ' : '') + entries };
}

function flowValue(value: unknown): string {
  if (typeof value === 'string') {
    const plain = yamlScalar(value);
    return /[,[\]{}]/.test(plain) ? JSON.stringify(value) : plain;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The value a newly inserted field starts with, for the author to replace: "now" (to the minute,
 * in the report's zone) for a date-time, the first allowed value of an enum, a `<Title>` fill-in for
 * free text; mappings and lists are built from their required fields so the inserted block is
 * complete.
 */
function placeholderValue(ctx: EditContext, pointer: string, given?: string, depth = 0): unknown {
  const info = ctx.info.fieldInfo(pointer, ctx.lang);
  if (!info || depth > 4) return given ?? '';
  const isObject = info.type === 'object' || (info.properties !== undefined && !info.isArray);
  if (isObject) {
    return Object.fromEntries(unique(info.required).map((key) => [key, placeholderValue(ctx, pointer + formatPointer([key]), undefined, depth + 1)]));
  }
  if (info.isArray) return [placeholderValue(ctx, pointer + '/0', undefined, depth + 1)];
  // A time to correct beats a date from 2023 that looks real (the schema examples, the usual `given`).
  if (info.format === 'date-time') return formatInZone(ctx.now - (ctx.now % 60_000), ctx.zone);
  if ('const' in info && info.const !== undefined) return info.const;
  if (info.enum && info.enum.length > 0) return given && info.enum.includes(given) ? given : info.enum[0];
  // Free text gets a visible fill-in (`<Titel>`), never an example that reads like a real fact
  // (another town's name or headline would be easy to overlook); the placeholder rule keeps
  // warning until it is replaced.
  if (info.type === 'string' || info.type === undefined) return `<${info.title ?? pointer.slice(pointer.lastIndexOf('/') + 1)}>`;
  if (given) return given;
  const example = info.examples[0];
  if (example !== undefined && (typeof example !== 'object' || example === null)) return example;
  return '';
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

// ---------------------------------------------------------------------------------------------
// Replacing values

function replaceValueFixes(
  report: ParsedReport,
  finding: Finding,
  fix: Extract<NonNullable<Finding['fix']>, { kind: 'replace-value' }>,
  locale: Locale,
): FixAction[] {
  const current = report.text.slice(fix.offset, fix.endOffset);
  // A key's text is replaced (a rename) when the fix covers exactly the key of the finding's field.
  const base = report.frontmatter.kind === 'yaml' ? report.frontmatter.contentOffset : 0;
  const key = finding.path && report.yaml ? (locate(report.yaml.doc, finding.path)?.pair?.key as Node | null | undefined) : null;
  const isKey = !!key?.range && key.range[0] + base === fix.offset && key.range[1] + base === fix.endOffset;
  // Renaming a key to one its mapping already has would write a duplicate key, invalid YAML: never offered.
  const siblings = isKey && finding.path ? getIn(report.data, parsePointer(finding.path).slice(0, -1)) : undefined;
  const taken = (value: string) => isKey && isRecord(siblings) && Object.prototype.hasOwnProperty.call(siblings, value);
  // Nor is a list item changed to a value another item of its list has (`breach_type: [confidentialty,
  // confidentiality]`): the list would name it twice, which the schema refuses for lists of choices.
  const segments = !isKey && finding.path ? parsePointer(finding.path) : [];
  const index = segments.length > 0 && /^\d+$/.test(segments[segments.length - 1]!) ? Number(segments[segments.length - 1]) : -1;
  const list = index >= 0 ? getIn(report.data, segments.slice(0, -1)) : undefined;
  const listed = (value: string) => Array.isArray(list) && list.some((item, i) => i !== index && item === value);
  const values = [...fix.values].sort((a, b) => Number(b === fix.preferred) - Number(a === fix.preferred));
  return values
    .filter((value) => value !== current && !taken(value) && !listed(value))
    .map((value) => {
      const preferred = value === fix.preferred;
      const title =
        finding.ruleId === 'timestamp-timezone' ? TITLES.offset : isKey ? TITLES.rename : TITLES.change;
      return {
        title: t(locale, title, { value }),
        edits: [valueEdit(report.text, fix.offset, fix.endOffset, value)],
        isPreferred: preferred,
        // A preferred replacement is the corrected spelling, the word for a YAML boolean, the
        // value completed with its offset or a timestamp rewritten in RFC 3339 (`30.10.2023 01:01`
        // → `2023-10-30T01:01:00+01:00`): nothing the author still has to decide. A guess is.
        safe: preferred && !fix.guess,
      };
    });
}

// ---------------------------------------------------------------------------------------------
// NIS2

/**
 * One fix per answer to the NIS2 questions (`entity`, `significant`): the fields are written into
 * `nis2` (the block is added when it is missing), and `applies`, the shorthand for both, makes way
 * for them. None is preferred or safe: each states a fact only the author knows.
 */
function nis2ScopeFixes(ctx: EditContext, answers: Array<Record<string, string>>): FixAction[] {
  const located = locate(ctx.doc, '/nis2');
  return answers.flatMap((answer) => {
    const fields = Object.entries(answer).map(([key, value]) => ({ key, value }));
    const title = t(ctx.locale, TITLES.nis2Answer, { answer: fields.map((f) => `${f.key}: ${f.value}`).join(', ') });
    let edits: TextEdit[] | null;
    if (!located || located.value === null || (isScalar(located.value) && located.value.value === null)) {
      edits = located ? null : insertFields(ctx, '', [{ key: 'nis2', value: answer }]);
    } else if (isMap(located.value) && !located.value.flow) {
      edits = setNis2Fields(ctx, located.value, fields);
    } else {
      edits = null;
    }
    return edits && edits.length > 0 ? [{ title, edits, isPreferred: false, safe: false }] : [];
  });
}

/** Edits writing `fields` into the block-style `nis2` map: present keys get the value, `applies` gives its lines to the missing ones. */
function setNis2Fields(ctx: EditContext, map: YAMLMap, fields: NewField[]): TextEdit[] | null {
  const pairOf = (key: string) => map.items.find((item) => isScalar(item.key) && item.key.value === key) as Pair | undefined;
  const edits: TextEdit[] = [];
  const missing: NewField[] = [];
  for (const field of fields) {
    const node = pairOf(field.key)?.value as Node | null | undefined;
    if (node && node.range && isScalar(node) && node.value !== null) {
      if (String(node.value) === field.value) continue;
      if (aliased(ctx, node)) return null;
      edits.push(valueEdit(ctx.text, ctx.base + node.range[0], valueEnd(ctx, node), yamlScalar(String(field.value))));
    } else if (!pairOf(field.key)) {
      missing.push(field);
    } else {
      return null;
    }
  }
  const applies = pairOf('applies');
  if (applies && (applies.key as Node).range) {
    const keyStart = ctx.base + (applies.key as Node).range![0];
    const start = lineStartOf(ctx.text, keyStart);
    const value = applies.value as Node | null;
    if (!/^[ \t]*$/.test(ctx.text.slice(start, keyStart)) || !value?.range || aliased(ctx, value)) return null;
    const column = keyStart - start;
    const pad = ' '.repeat(column);
    // Comments between `applies:` and its value are the author's: they stay, on lines of their own.
    const inside = comments(ctx.text.slice(ctx.base + (applies.key as Node).range![1], ctx.base + value.range[0]));
    // …and so does the comment on a block scalar's header (`applies: |- # as of Monday`).
    const header = /^[|>][-+0-9]*[ \t]+(#[^\r\n]*)/.exec(ctx.text.slice(ctx.base + value.range[0], valueEnd(ctx, value)))?.[1]?.trimEnd();
    if (header) inside.push(header);
    if (missing.length === 0) {
      const end = afterPair(ctx, applies);
      const kept = [...inside, ...comments(ctx.text.slice(valueEnd(ctx, value), end))];
      edits.push({ offset: start, endOffset: end, newText: kept.map((comment) => pad + comment + ctx.eol).join('') });
    } else {
      // The new fields take the place of `applies: …`; a comment after it stays on the line.
      const text = blockText(ctx, missing, column, false);
      const before = inside.map((comment) => comment + ctx.eol + pad).join('');
      edits.push({ offset: keyStart, endOffset: valueEnd(ctx, value), newText: before + text.slice(column, text.length - ctx.eol.length) });
    }
  } else if (missing.length > 0) {
    const inserted = insertFields(ctx, '/nis2', missing);
    if (!inserted) return null;
    edits.push(...inserted);
  }
  return edits.sort((x, y) => x.offset - y.offset);
}

/**
 * Whether other fields repeat the value of `node` through an alias (`occurred: &u unknown` …
 * `expected_restoration: *u`): writing another fact there would change them all.
 */
function aliased(ctx: EditContext, node: Node): boolean {
  const anchor = node.anchor;
  if (!anchor) return false;
  let found = false;
  visit(ctx.doc, { Alias: (_, alias) => (alias.source === anchor ? ((found = true), visit.BREAK) : undefined) });
  return found;
}

/** The YAML comments in `text` that holds no value (what lies between a key and its value, or after a value). */
function comments(text: string): string[] {
  return (text.match(/#[^\r\n]*/g) ?? []).map((comment) => comment.trimEnd());
}

// ---------------------------------------------------------------------------------------------
// Data loss

/** A missing `data_loss` block or statement: the fixes are whole variants. A missing single fact gets the plain insert. */
function isDataLossFix(parentPath: string, key: string): boolean {
  return (parentPath === '' && key === 'data_loss') || (parentPath === '/data_loss' && key === 'statement');
}

/**
 * One fix per data-loss variant: insert the whole `data_loss` block when it is missing, else set its
 * four fields (keeping every other field, such as `authority_notified_at`). The variant that
 * matches the facts already written is preferred; none is safe, since each states facts.
 */
function dataLossFixes(ctx: EditContext, blockMissing: boolean): FixAction[] {
  const actions: FixAction[] = [];
  const located = blockMissing ? null : locate(ctx.doc, '/data_loss');
  const map = located && isMap(located.value) ? located.value : null;
  if (!blockMissing && !map) return [];
  for (const template of DATA_LOSS_TEMPLATES) {
    const variant = template.label[ctx.locale];
    const fields = dataLossFields(template, ctx.lang);
    if (blockMissing) {
      const edits = insertFields(ctx, '', [{ key: 'data_loss', value: Object.fromEntries(fields) }]);
      if (edits) actions.push({ title: t(ctx.locale, TITLES.dataLossInsert, { variant }), edits, isPreferred: false, safe: false });
      continue;
    }
    const action = setDataLoss(ctx, map!, template, fields);
    if (action) actions.push(action);
  }
  // Prefer a variant only when it is the single one matching the facts.
  if (actions.filter((a) => a.isPreferred).length > 1) for (const action of actions) action.isPreferred = false;
  return actions;
}

function setDataLoss(ctx: EditContext, map: YAMLMap, template: DataLossTemplate, fields: Array<[string, string]>): FixAction | null {
  const edits: TextEdit[] = [];
  const missing: NewField[] = [];
  let factsMatch = true;
  for (const [key, value] of fields) {
    const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key) as Pair | undefined;
    const node = pair?.value as Node | null | undefined;
    if (!pair || !node || !node.range || (isScalar(node) && node.value === null)) {
      if (key !== 'statement') factsMatch = false;
      if (pair && node && node.range) {
        // `statement:` with no value: write the value after the colon.
        const keyEnd = ctx.base + (pair.key as Node).range![1];
        const colon = ctx.text.indexOf(':', keyEnd);
        edits.push({ offset: colon + 1, endOffset: valueEnd(ctx, node), newText: ' ' + yamlScalar(value) });
      } else {
        missing.push({ key, value });
      }
      continue;
    }
    const same = isScalar(node) && String(node.value) === value;
    if (same) continue;
    if (aliased(ctx, node)) return null;
    if (key !== 'statement') factsMatch = false;
    // A variant is a consistent set: an old sentence would contradict the new facts, so it goes too.
    edits.push(valueEdit(ctx.text, ctx.base + node.range[0], valueEnd(ctx, node), yamlScalar(value)));
  }
  if (missing.length > 0) {
    const inserted = insertFields(ctx, '/data_loss', missing);
    if (!inserted) return null;
    edits.push(...inserted);
  }
  if (edits.length === 0) return null;
  const variant = template.label[ctx.locale];
  const onlyStatement = factsMatch;
  return {
    title: t(ctx.locale, onlyStatement ? TITLES.dataLossStatement : TITLES.dataLossSet, { variant }),
    edits: edits.sort((a, b) => a.offset - b.offset),
    isPreferred: onlyStatement,
    safe: false,
  };
}

// ---------------------------------------------------------------------------------------------
// Sorting updates

/**
 * One edit that reorders the `updates` items by time. Each item moves as a whole: its lines, the
 * comment lines directly above it and comments at the end of its lines; blank lines between items
 * stay where they are. Items with equal times keep their order, and items whose time cannot be
 * read keep their place.
 */
function sortUpdatesEdit(ctx: EditContext): TextEdit | null {
  const located = locate(ctx.doc, '/updates');
  const seq = located?.value;
  if (!isSeq(seq) || seq.flow || seq.items.length < 2) return null;
  const text = ctx.text;
  const blocks: Array<{ start: number; end: number }> = [];
  let previousEnd = -1;
  for (const item of seq.items as Array<Node | null>) {
    if (!item || !item.range) return null;
    // The dash of the item: the first non-blank character before its content.
    let dash = ctx.base + item.range[0] - 1;
    while (dash >= ctx.base && /\s/.test(text[dash]!)) dash--;
    if (text[dash] !== '-') return null;
    let start = lineStartOf(text, dash);
    // Comment lines directly above the item belong to it.
    while (start > ctx.base) {
      const above = lineStartOf(text, start - 1);
      if (above <= previousEnd - 1 || !/^[ \t]*#/.test(text.slice(above, start))) break;
      start = above;
    }
    if (start < previousEnd) return null;
    const end = afterNode(ctx, item);
    blocks.push({ start, end });
    previousEnd = end;
  }

  const updates = recordItems(ctx.data?.updates);
  const times = blocks.map((_, i) => instantIn(updates[i]?.at, ctx.zone));
  const timed = times.flatMap((time, i) => (time === null ? [] : [i]));
  const sortedTimed = [...timed].sort((a, b) => times[a]! - times[b]! || a - b);
  const order = blocks.map((_, i) => i);
  timed.forEach((position, k) => (order[position] = sortedTimed[k]!));
  if (order.every((index, position) => index === position)) return null;

  let newText = '';
  order.forEach((index, position) => {
    newText += text.slice(blocks[index]!.start, blocks[index]!.end);
    if (position < blocks.length - 1) newText += text.slice(blocks[position]!.end, blocks[position + 1]!.start);
  });
  // Moved in the document's line ending: in a document of mixed endings (a CRLF line pasted into an
  // LF file) the items carried their own, and the edit put bare LFs into a CRLF document.
  return { offset: blocks[0]!.start, endOffset: blocks[blocks.length - 1]!.end, newText: newText.replace(/\r?\n/g, ctx.eol) };
}
