/** Splits an RFC 6901 JSON Pointer into its unescaped segments (`~1` → `/`, `~0` → `~`). */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  const segments = pointer.slice(1).split('/');
  // Keys and indices rarely hold `~` (the escape of `~` and `/`): most segments are kept as split.
  if (!pointer.includes('~')) return segments;
  return segments.map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Builds an RFC 6901 JSON Pointer from raw segments, escaping `~` and `/`. */
export function formatPointer(segments: ReadonlyArray<string | number>): string {
  let pointer = '';
  for (const segment of segments) pointer += '/' + escapeSegment(segment);
  return pointer;
}

/** Pointers built before, by their segments (a missing segment is the key `undefined`). */
const fieldPointers = new Map<string, Map<string | number | undefined, Map<string | number | undefined, string>>>();
/** Indices from here on, and pointers beyond {@link MOST_CACHED}, are built each time: a huge report must not fill memory. */
const CACHED_INDICES = 256;
const MOST_CACHED = 20_000;
let cachedPointers = 0;

/**
 * `formatPointer` of one to three segments, for the fields that rules and the publication model
 * read on every lint (`/timestamps/started_at`, `/updates/3/text`): the same string every time,
 * built once instead of for every field of every report.
 */
export function fieldPointer(first: string, second?: string | number, third?: string | number): string {
  if (isLargeIndex(second) || isLargeIndex(third)) return buildPointer(first, second, third);
  let bySecond = fieldPointers.get(first);
  if (!bySecond) fieldPointers.set(first, (bySecond = new Map()));
  let byThird = bySecond.get(second);
  if (!byThird) bySecond.set(second, (byThird = new Map()));
  let pointer = byThird.get(third);
  if (pointer === undefined) {
    pointer = buildPointer(first, second, third);
    if (cachedPointers < MOST_CACHED) (byThird.set(third, pointer), cachedPointers++);
  }
  return pointer;
}

function isLargeIndex(segment: string | number | undefined): boolean {
  return typeof segment === 'number' && !(segment >= 0 && segment < CACHED_INDICES);
}

function buildPointer(first: string, second?: string | number, third?: string | number): string {
  return formatPointer(second === undefined ? [first] : third === undefined ? [first, second] : [first, second, third]);
}

/** One segment of a JSON Pointer; keys and indices rarely hold `~` or `/`, so most need no replacing. */
function escapeSegment(segment: string | number): string {
  if (typeof segment === 'number') return String(segment);
  return segment.includes('~') || segment.includes('/') ? segment.replace(/~/g, '~0').replace(/\//g, '~1') : segment;
}
