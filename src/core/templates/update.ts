import { isMap, isScalar, isSeq } from 'yaml';
import { parseReport } from '../parse';

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
 * (before the closing fence) when it is missing. Works line by line, so it also works while the
 * YAML elsewhere is broken; the parsed YAML is only consulted to refuse a flow-style list
 * (`updates: [...]`), which cannot take a block entry.
 */
export function appendUpdate(input: string, at: string): UpdateInsertion | UpdateInsertionError {
  const report = parseReport(input);
  const fm = report.frontmatter;
  if (fm.kind !== 'yaml') return 'no-frontmatter';
  const text = report.text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';

  // Lines of the frontmatter content: [start, end) without the line break.
  const lines: Array<{ start: number; end: number; text: string }> = [];
  for (let start = fm.contentOffset; start < fm.close.offset; ) {
    const nl = text.indexOf('\n', start);
    const next = nl === -1 || nl >= fm.close.offset ? fm.close.offset : nl + 1;
    let end = nl === -1 || nl >= fm.close.offset ? fm.close.offset : nl;
    if (end > start && text[end - 1] === '\r') end--;
    lines.push({ start, end, text: text.slice(start, end) });
    start = next;
  }

  const keyIndex = lines.findIndex((line) => /^updates[ \t]*:(?:[ \t]|$)/.test(line.text));
  if (keyIndex === -1) {
    const block = `updates:${eol}  - at: ${at}${eol}    text: `;
    return { offset: fm.close.offset, endOffset: fm.close.offset, text: block + eol, cursorOffset: fm.close.offset + block.length };
  }

  const keyLine = lines[keyIndex]!;
  const inline = keyLine.text.replace(/^updates[ \t]*:/, '').replace(/(?:^|[ \t])#.*$/, '').trim();
  const value = report.yaml && isMap(report.yaml.contents) ? report.yaml.contents.get('updates', true) : undefined;
  const emptyFlow = inline === '[]';
  if (inline !== '' && !emptyFlow) return 'not-a-list';
  if (value !== undefined && value !== null && !(isSeq(value) && (!value.flow || value.items.length === 0)) && !(isScalar(value) && value.value === null)) {
    return 'not-a-list';
  }

  // The block of the key: every following line that is indented, blank, a comment or a
  // column-0 sequence entry (`- at:` directly below `updates:` is valid YAML too).
  let last = keyIndex;
  let itemIndent: string | undefined;
  for (let i = keyIndex + 1; i < lines.length; i++) {
    const line = lines[i]!.text;
    if (/^[ \t]*$/.test(line) || /^[ \t]*#/.test(line)) continue;
    if (!/^[ \t]/.test(line) && !/^-(?:[ \t]|$)/.test(line)) break;
    last = i;
    const dash = /^([ \t]*)-(?:[ \t]|$)/.exec(line);
    if (itemIndent === undefined && dash) itemIndent = dash[1]!;
  }
  const indent = itemIndent ?? '  ';
  const entry = `${eol}${indent}- at: ${at}${eol}${indent}  text: `;

  if (emptyFlow) {
    // `updates: []` becomes `updates:` followed by the entry.
    // A trailing comment stays on the key's line.
    const colon = keyLine.start + keyLine.text.indexOf(':') + 1;
    const rest = text.slice(colon, keyLine.end).replace(/^[ \t]*\[\][ \t]*/, (m) => (m.length < text.slice(colon, keyLine.end).length ? ' ' : ''));
    const replacement = rest + entry;
    return { offset: colon, endOffset: keyLine.end, text: replacement, cursorOffset: colon + replacement.length };
  }
  const anchor = lines[last]!.end;
  return { offset: anchor, endOffset: anchor, text: entry, cursorOffset: anchor + entry.length };
}
