/** What the cursor rests on in the frontmatter, for hover. */
import { formatPointer } from '../yaml/pointer';
import type { OffsetRange } from './completionContext';
import type { ParsedReport } from '../report/parse';
import { cursorTarget } from '../yaml';

/** What the cursor rests on, for hover: a key (with its field's pointer) or a scalar value. */
export interface HoverTarget {
  kind: 'key' | 'value';
  /** JSON Pointer of the field. */
  pointer: string;
  /** The key or the value as it reads (quotes and escapes resolved). */
  text: string;
  range: OffsetRange;
}

/** The key or scalar value under the cursor in the frontmatter, with its field's pointer. */
export function hoverTarget(report: ParsedReport, offset: number): HoverTarget | null {
  const fm = report.frontmatter;
  if (!report.yaml || (fm.kind === 'yaml' && offset >= fm.close.offset)) return null;
  const target = cursorTarget(report.yaml, offset);
  return target && { kind: target.kind, pointer: formatPointer(target.field), text: target.text, range: target.range };
}
