/**
 * `Intl.Segmenter` in windows: the same segments as segmenting a text whole, in time linear in its
 * length.
 *
 * V8's segment iterator spends time proportional to the length of the whole segmented text on
 * every segment it yields, so segmenting one long text is quadratic: 16,000 sentences of one
 * 160 KB paragraph take about 3 s, 80,000 graphemes about 2 s, and lint of a report with an
 * 800 KB paragraph took 8 s, with an 800 KB `data_loss.statement` 19 s. Here a text is segmented a window at a time,
 * each window starting at a boundary that is certain, so every segment costs only its window.
 */

/** One segment: where it starts in the text and how many code units it has. */
export interface Span {
  index: number;
  length: number;
}

/**
 * Segments taken from one window at most. Each costs the window's length, so a window grown for
 * a long segment is read only this far, however many segments follow in it.
 */
const MAX_PARTS = 32;

/**
 * The segments `segmenter.segment(text)` yields, as spans, found in windows of `window` code units
 * (grown where one segment is longer).
 *
 * Why the result is the same as for the whole text: ICU's iterator finds each boundary by reading
 * forward from the one before with a fresh state, so from a boundary of the whole text on, a window
 * gives the whole text's boundaries — except where ICU had to look past the window's end to decide.
 * After a full stop it looks ahead over digits, spaces and punctuation for a lower-case word
 * ("ca. 20 kunden" is one sentence), but never past the next full stop or letter, that is never
 * past the end of the segment after the boundary. So of a window's segments the last (cut short by
 * the window's end) and the one before it (whose start may be a boundary only because ICU met the
 * window's end while looking ahead) are redone from the start of that one, which stands. The
 * property test in test/unit/segments.test.ts compares both ways on generated prose.
 */
export function segmentSpans(segmenter: Intl.Segmenter, text: string, window: number): Span[] {
  const spans: Span[] = [];
  let start = 0;
  let size = window;
  while (start < text.length) {
    const end = start + size;
    const parts = firstParts(segmenter, text.slice(start, end));
    if (end >= text.length && parts.length < MAX_PARTS) {
      // The window reaches the end of the text and was read to its end: all of it stands.
      for (const part of parts) spans.push({ index: start + part.index, length: part.length });
      break;
    }
    if (parts.length < 3) {
      // Nothing certain yet (one segment longer than the window): look further.
      size *= 2;
      continue;
    }
    const keep = parts.length - 2;
    for (let i = 0; i < keep; i++) spans.push({ index: start + parts[i]!.index, length: parts[i]!.length });
    start += parts[keep]!.index;
    size = window;
  }
  return spans;
}

/** The first {@link MAX_PARTS} segments of `text` (all when there are fewer). */
function firstParts(segmenter: Intl.Segmenter, text: string): Span[] {
  const parts: Span[] = [];
  for (const part of segmenter.segment(text)) {
    parts.push({ index: part.index, length: part.segment.length });
    if (parts.length === MAX_PARTS) break;
  }
  return parts;
}
