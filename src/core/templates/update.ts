import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { parseReport, type ParsedReport } from '../report/parse';
import { lineStartOf } from '../shared/lines';

/** A text insertion that appends an `updates` entry, and where the cursor goes afterwards. */
export interface UpdateInsertion {
  /** Where the text is inserted (UTF-16 offset into the BOM-less text). */
  offset: number;
  /** End of the replaced range; equal to `offset` for a pure insertion. */
  endOffset: number;
  text: string;
  /** Offset of the cursor after the edit: right after `text: ` of the new entry. */
  cursorOffset: number;
}

/** Why no entry can be appended automatically. */
export type UpdateInsertionError = 'no-frontmatter' | 'not-a-list';

/**
 * Appends an `updates` entry `{at, text: ''}` as the last item of the frontmatter's `updates` list,
 * with the indentation and line endings the report already uses; creates the `updates:` key
 * (before the closing fence) when it is missing. Reads the parsed frontmatter, which `yaml` reads
 * on through errors elsewhere; a flow-style list (`updates: [...]`) cannot take a block entry.
 */
export function appendUpdate(input: string | ParsedReport, at: string): UpdateInsertion | UpdateInsertionError {
  return appendListItem(input, 'updates', [['at', at], ['text', '']]);
}

/**
 * Appends a mapping of `entries` (key and YAML scalar text, in this order) as the last item of the
 * top-level list `key`, as {@link appendUpdate} does for `updates`; the cursor goes after the last
 * entry's value.
 */
export function appendListItem(input: string | ParsedReport, listKey: string, entries: ReadonlyArray<readonly [string, string]>): UpdateInsertion | UpdateInsertionError {
  const report = typeof input === 'string' ? parseReport(input) : input;
  const fm = report.frontmatter;
  if (fm.kind !== 'yaml' || !report.yaml) return 'no-frontmatter';
  const { text } = report;
  const base = fm.contentOffset;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const root = report.yaml.doc.contents;
  const pair = isMap(root) ? root.items.find((item) => isScalar(item.key) && item.key.value === listKey) : undefined;
  const entry = (dash: number, column: number) =>
    `${eol}${' '.repeat(dash)}- ` + entries.map(([k, v], i) => `${i === 0 ? '' : eol + ' '.repeat(column)}${k}: ${v}`).join('');
  if (!pair) {
    const block = `${listKey}:${entry(2, 4)}`;
    return { offset: fm.close.offset, endOffset: fm.close.offset, text: block + eol, cursorOffset: fm.close.offset + block.length };
  }
  const key = pair.key as Node;
  const value = pair.value as Node | null;
  const keyLineEnd = lineEnd(text, base + key.range![0]);

  if (isSeq(value) && !value.flow && value.items.length > 0) {
    // After the last item's last line (a comment below it stays below), aligned with the items.
    const last = value.items[value.items.length - 1] as Node;
    const dash = base + value.range![0];
    const dashColumn = dash - lineStartOf(text, dash);
    const firstKey = isMap(last) ? (last.items[0]?.key as Node | undefined) : undefined;
    const keyColumn = firstKey?.range ? base + firstKey.range[0] - lineStartOf(text, base + firstKey.range[0]) : dashColumn + 2;
    const end = base + last.range![1];
    const anchor = text[end - 1] === '\n' ? end - (text[end - 2] === '\r' ? 2 : 1) : lineEnd(text, end);
    const added = entry(dashColumn, keyColumn);
    return { offset: anchor, endOffset: anchor, text: added, cursorOffset: anchor + added.length };
  }
  const emptyFlow = isSeq(value) && value.flow && value.items.length === 0;
  if (!emptyFlow && !(value === null || (isScalar(value) && value.value === null))) return 'not-a-list';
  // `key:` or `key: []` (a comment after it stays on the key's line): the entry goes below.
  const colon = text.indexOf(':', base + key.range![1]) + 1;
  const comment = emptyFlow ? text.slice(base + value!.range![1], keyLineEnd).trim() : '';
  const start = emptyFlow ? colon : keyLineEnd;
  const added = (comment ? ` ${comment}` : '') + entry(2, 4);
  return { offset: start, endOffset: keyLineEnd, text: added, cursorOffset: start + added.length };
}

/** Where the line holding `offset` ends (before its `\r\n` or `\n`). */
function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  const end = newline === -1 ? text.length : newline;
  return text[end - 1] === '\r' ? end - 1 : end;
}
