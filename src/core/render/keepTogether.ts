/**
 * Where a plain-text line must not be broken: inside a phone number ("+49 2921 30-4400"), a date
 * ("Montag, 30. Oktober 2023", "October 30, 2023"), a time with its unit ("gegen 1 Uhr" breaks
 * before the 1, never before "Uhr"; "8:30–12:30 Uhr"), a number and its unit ("72 Stunden",
 * "10 %") or a legal reference ("§ 32", "Art. 33"). E-mail addresses and URLs hold no spaces, so a
 * line is never broken inside them in the first place. Used by the text outputs' wrapper; the HTML
 * outputs leave line breaking to the browser.
 */
import { MONTHS, WEEKDAYS } from '../shared/dates';

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anyOf = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).map(escape).join('|');

/** Spaces a kept unit may contain (no line breaks: lines are split before). */
const SPACE = '[ \\t\\u00a0]+';
/** Not right after a digit or a letter: a number starts here, not in the middle of one. */
const NO_DIGIT_BEFORE = '(?<![\\p{L}\\p{N}.,:])';
/** Not followed by a letter or digit: a unit word ends here. */
const WORD_END = '(?![\\p{L}\\p{N}])';

const SHORT_MONTHS = ['Jan.', 'Feb.', 'Mär.', 'Apr.', 'Jun.', 'Jul.', 'Aug.', 'Sep.', 'Sept.', 'Okt.', 'Nov.', 'Dez.', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec'];
const MONTH = `(?:${anyOf([...MONTHS.de, ...MONTHS.en, ...SHORT_MONTHS])})`;
const WEEKDAY = `(?:(?:${anyOf([...WEEKDAYS.de, ...WEEKDAYS.en])}),?${SPACE})?`;
const YEAR = `(?:,?${SPACE}\\d{4}${WORD_END})?`;
const ORDINAL = '(?:\\.|st|nd|rd|th)?';

/** "30. Oktober 2023", "Monday, 30 October 2023", "30 Oct 2023". */
const DAY_MONTH = `${NO_DIGIT_BEFORE}${WEEKDAY}\\d{1,2}${ORDINAL}${SPACE}${MONTH}${WORD_END}${YEAR}`;
/** "October 30, 2023", "Monday, October 30". */
const MONTH_DAY = `${WEEKDAY}${MONTH}${SPACE}\\d{1,2}(?:st|nd|rd|th)?${WORD_END}${YEAR}`;
/** "1 Uhr", "15:55 Uhr", "8–12 Uhr", "8:30 – 12:30 Uhr", "3:55 pm". */
const CLOCK = '\\d{1,2}(?:[:.]\\d{2})?';
const TIME = `${NO_DIGIT_BEFORE}${CLOCK}(?:[ \\t\\u00a0]*[–-][ \\t\\u00a0]*${CLOCK})?${SPACE}(?:Uhr|h|a\\.m\\.|p\\.m\\.|am|pm)${WORD_END}`;

const UNITS = [
  '%', 'Prozent', 'percent', '€', 'Euro', 'EUR', 'Mio.', 'Mrd.', 'Millionen', 'Milliarden', 'million', 'billion',
  'Sekunden', 'Minuten', 'Minute', 'Min.', 'Stunden', 'Stunde', 'Std.', 'Tagen', 'Tage', 'Tag', 'Wochen', 'Woche',
  'Monaten', 'Monate', 'Monat', 'Jahren', 'Jahre', 'Jahr', 'seconds', 'minutes', 'minute', 'hours', 'hour', 'days', 'day',
  'weeks', 'week', 'months', 'month', 'years', 'year', 'km', 'kB', 'KB', 'MB', 'GB', 'TB',
];
/** "72 Stunden", "10 %", "1,5 Mio.". */
const NUMBER_UNIT = `${NO_DIGIT_BEFORE}\\d+(?:[.,]\\d+)*${SPACE}(?:${anyOf(UNITS)})${WORD_END}`;
/** "§ 32", "§§ 32", "Art. 33", "Abs. 1", "Nr. 5". */
const REFERENCE = `(?:§§?|Art\\.|Abs\\.|Nr\\.|No\\.)${SPACE}\\d+[a-z]?${WORD_END}`;

/** Digit groups separated by spaces, slashes or hyphens, optionally with `+` and an area code in brackets. */
const PHONE = new RegExp(
  `(?<![\\p{L}\\p{N}+])(?:\\+\\d{1,3}|\\(\\d+\\)|\\d+)(?:(?:[ \\t\\u00a0]*/[ \\t\\u00a0]*|[ \\t\\u00a0]+|-)(?:\\(\\d+\\)|\\d+))+(?![.:,]?\\d)`,
  'gu',
);
/** Digits of a phone number: fewer are small numbers, more a list of numbers (E.164 has at most 15, plus a "(0)"). */
const PHONE_DIGITS = { min: 5, max: 16 };

const digitCount = (text: string) => text.match(/\d/g)?.length ?? 0;

/**
 * The phone numbers in a run of digit groups: the run itself, or, when it has more digits than one
 * number can, its parts split where a new number starts (a group opening with `+`, `(` or `0`):
 * "+49 2921 30-4400 02921 30-4410" is two numbers. Parts that are no plausible number are dropped.
 */
function phoneNumbers(index: number, run: string): Array<[start: number, text: string]> {
  const plausible = (text: string) => digitCount(text) >= PHONE_DIGITS.min && digitCount(text) <= PHONE_DIGITS.max;
  if (plausible(run)) return [[index, run]];
  const parts: Array<[number, string]> = [];
  let start = 0;
  for (const gap of run.matchAll(/[ \t\u00a0]+(?=[+(0])/g)) {
    parts.push([index + start, run.slice(start, gap.index)]);
    start = gap.index + gap[0].length;
  }
  parts.push([index + start, run.slice(start)]);
  return parts.filter(([, text]) => plausible(text));
}

const PATTERNS = [DAY_MONTH, MONTH_DAY, TIME, NUMBER_UNIT, REFERENCE].map((source) => new RegExp(source, 'gu'));

/** Ranges of `line` (start inclusive, end exclusive) that must stay on one line, sorted and merged. */
export function keptRanges(line: string): Array<[start: number, end: number]> {
  const ranges: Array<[number, number]> = [];
  for (const pattern of PATTERNS) {
    for (const m of line.matchAll(pattern)) if (/[ \t\u00a0]/.test(m[0])) ranges.push([m.index, m.index + m[0].length]);
  }
  // A digit group that belongs to a date or a time ("1. Oktober 2000 10. Januar", "1000 0 Uhr") is no
  // part of a phone number: the groups around it are looked at on their own.
  const words = ranges.slice();
  const inWords = (start: number, end: number) => words.some(([s, e]) => s < end && start < e);
  for (const m of line.matchAll(PHONE)) {
    let run: Array<[number, number]> = [];
    const flush = () => {
      if (run.length > 1) {
        const start = run[0]![0];
        for (const [at, text] of phoneNumbers(start, line.slice(start, run[run.length - 1]![1]))) {
          if (/[ \t\u00a0]/.test(text)) ranges.push([at, at + text.length]);
        }
      }
      run = [];
    };
    for (const group of m[0].matchAll(/\+?\(?\d+\)?/g)) {
      const start = m.index + group.index;
      const end = start + group[0].length;
      if (inWords(start, end)) flush();
      else run.push([start, end]);
    }
    flush();
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] < last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push(range);
  }
  return merged;
}

/**
 * The words of one line (no line breaks) for wrapping: split at spaces and tabs, except inside a
 * {@link keptRanges kept range}, whose spaces become single spaces inside one unit.
 */
export function unbreakableUnits(line: string): string[] {
  const ranges = keptRanges(line);
  const units: string[] = [];
  let start = 0;
  let range = 0;
  for (const gap of line.matchAll(/[ \t]+/g)) {
    while (range < ranges.length && ranges[range]![1] <= gap.index) range++;
    const kept = ranges[range];
    if (kept && kept[0] < gap.index && gap.index < kept[1]) continue;
    units.push(line.slice(start, gap.index));
    start = gap.index + gap[0].length;
  }
  units.push(line.slice(start));
  return units.filter(Boolean).map((unit) => unit.replace(/[ \t]+/g, ' '));
}
