/** What the cursor rests on in the frontmatter, for hover. */
import { formatPointer } from './pointer';
import { frontmatterLines, KEY, mapPath, unquote, valueEnd, type OffsetRange } from './frontmatterLines';

/** What the cursor rests on, for hover: a key (with its field's pointer) or a scalar value. */
export interface HoverTarget {
  kind: 'key' | 'value';
  /** JSON Pointer of the field. */
  pointer: string;
  /** The key or the value as written (quotes removed). */
  text: string;
  range: OffsetRange;
}

/** The key or scalar value under the cursor in the frontmatter, with its field's pointer. */
export function hoverTarget(text: string, offset: number): HoverTarget | null {
  const found = frontmatterLines(text, offset);
  if (!found) return null;
  const { lines, index } = found;
  const line = lines[index]!;
  const col = offset - line.start;
  if (line.key === null) return null;
  const keyText = KEY.exec(line.text.slice(line.contentCol))![1]!;
  const keyEnd = line.contentCol + keyText.length;
  const path = mapPath(lines, index, line.contentCol);
  if (!path) return null;
  const pointer = formatPointer([...path, line.key]);
  if (col >= line.contentCol && col <= keyEnd) {
    return { kind: 'key', pointer, text: line.key, range: { offset: line.start + line.contentCol, endOffset: line.start + keyEnd } };
  }
  if (line.valueCol >= 0 && line.inlineValue && col >= line.valueCol) {
    const end = valueEnd(line.text, line.valueCol);
    if (col > end) return null;
    return { kind: 'value', pointer, text: unquote(line.text.slice(line.valueCol, end)), range: { offset: line.start + line.valueCol, endOffset: line.start + end } };
  }
  return null;
}
