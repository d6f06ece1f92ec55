/**
 * Completion contexts: where in the frontmatter the cursor is (a key of which mapping, or the value
 * of which field), from the parsed document of the current text (`yaml/cursor.ts`) and the schema.
 */
import { formatPointer } from '../yaml/pointer';
import type { ParsedReport } from '../report/parse';
import type { SchemaInfo } from '../schema/meta';
import { isValidTimeZone } from '../shared/time';
import { cursorPlace, indentationStep, rootString } from '../yaml';

/** A range in the document text (BOM-less UTF-16 offsets). */
export interface OffsetRange {
  offset: number;
  endOffset: number;
}

/** The cursor is where a key of a mapping goes (`sta|` or an empty, indented line). */
export interface KeyCompletionContext {
  kind: 'key';
  /** JSON Pointer of the mapping whose keys are completed (`''` for the root, `/affected_services/0`). */
  pointer: string;
  /** Keys the mapping already has (the one being typed excluded). */
  existingKeys: string[];
  /** What has been typed of the key so far. */
  prefix: string;
  /** The text a chosen key replaces: the partial key (also what follows the cursor of it). */
  range: OffsetRange;
  /** A colon already follows the key (`sta|tus: x`): insert only the name. */
  hasColon: boolean;
  /** The cursor is right after a `-` with no space: the inserted text must start with one. */
  needsSpace: boolean;
  /** Column of the mapping's keys (for nested blocks a completion inserts). */
  column: number;
}

/** The cursor is in the value of a field (`status: res|`) or in a list item (`- Kre|`). */
export interface ValueCompletionContext {
  kind: 'value';
  /** JSON Pointer of the field whose value is completed (`/status`, `/affected_services/0/name`). */
  pointer: string;
  /** What has been typed of the value so far. */
  prefix: string;
  /** The text a chosen value replaces: the value on this line, without a trailing comment. */
  range: OffsetRange;
  /** The cursor is right after the colon or dash: the inserted text must start with a space. */
  needsSpace: boolean;
}

/** Completion context at a cursor position. */
export type CompletionContext = KeyCompletionContext | ValueCompletionContext;

/** What a key may be made of while it is typed. */
const KEY_LIKE = /^[A-Za-z0-9_$.-]*$/;

/**
 * The completion context at `offset` in the report, or `null` when the cursor is not in the
 * frontmatter or not where a key or a value goes (inside a comment, a block scalar, a broken line).
 * `info` tells a list of mappings (`- |` starts a key) from a list of values (`- |` starts a value).
 */
export function completionContext(report: ParsedReport, offset: number, info: SchemaInfo): CompletionContext | null {
  const fm = report.frontmatter;
  if (!report.yaml || (fm.kind === 'yaml' && offset >= fm.close.offset)) return null;
  const place = cursorPlace(report.yaml, offset);
  if (!place) return null;
  switch (place.kind) {
    case 'key':
      if (!KEY_LIKE.test(place.prefix)) return null;
      return { kind: 'key', pointer: formatPointer(place.mapping), existingKeys: place.keys, prefix: place.prefix, range: place.range, hasColon: place.hasColon, needsSpace: false, column: place.column };
    case 'new-key':
      return { kind: 'key', pointer: formatPointer(place.mapping), existingKeys: place.keys, prefix: '', range: { offset, endOffset: offset }, hasColon: false, needsSpace: false, column: place.column };
    case 'value': {
      const pointer = formatPointer(place.field);
      // A list item of mappings: what is typed after the dash is the item's first key.
      if (place.item && isObjectItem(info, formatPointer(place.field.slice(0, -1)))) {
        if (!KEY_LIKE.test(place.prefix)) return null;
        return { kind: 'key', pointer, existingKeys: [], prefix: place.prefix, range: place.range, hasColon: false, needsSpace: place.needsSpace, column: place.column };
      }
      return { kind: 'value', pointer, prefix: place.prefix, range: place.range, needsSpace: place.needsSpace };
    }
  }
}

function isObjectItem(info: SchemaInfo, seqPointer: string): boolean {
  const item = info.fieldInfo(seqPointer + '/0', 'en');
  return !!item && (item.type === 'object' || item.properties !== undefined);
}

/** The report's nesting step, in spaces (2 when nothing is nested yet): what an inserted block is indented by. */
export function indentUnit(report: ParsedReport): number {
  return report.yaml ? indentationStep(report.yaml) : 2;
}

/** The report's own `timezone` (read also while its YAML is broken elsewhere), when it names a zone. */
export function reportTimeZone(report: ParsedReport): string | undefined {
  const zone = report.yaml ? rootString(report.yaml, 'timezone') : undefined;
  return zone && isValidTimeZone(zone) ? zone : undefined;
}
