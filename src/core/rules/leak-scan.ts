/**
 * Shared scanner of the `leak-*` rules: finds internal details in the text that gets published.
 *
 * What is public (scanned) is exactly what the publication model reads (`selectPublication()` in
 * render/publication.ts, the only door through which public outputs get report content):
 * - the public section's source, from the line after its heading to its end — everything in it,
 *   fenced code and HTML comments included, because the Markdown source itself is often pasted
 *   into a CMS as it is;
 * - every frontmatter value the model hands to an output, at its exact source range (title,
 *   organization, services, statement, updates, authorities' names, contacts, … — the table in
 *   docs/published-fields.md is generated from the model).
 *
 * Everything else (internal sections, `iocs`, `authorities[].reference`, `approval`, …) is never
 * scanned: the same content there is expected and gives no finding.
 *
 * The six rules share one scan per lint (cached per rule context). Where two kinds hit the same
 * text, only the most specific is reported (an IOC that is an IP address is reported as an IOC;
 * the host name inside an e-mail address or a UNC path is not reported again), as long as the rule
 * of the more specific kind is enabled. Each rule reports at most {@link FINDINGS_PER_PLACE} hits
 * per published field or section, then one finding that counts the rest (a pasted log must not
 * bury the Problems panel).
 */
import { BoundedCache, Derived } from '../shared/memo';
import { recordItems } from '../report/fields';
import { selectPublication, type PublishedText } from '../render/publication';
import { fieldName } from '../shared/i18n';
import type { Localized, RawFinding } from '../shared/types';
import type { RuleContext } from './rule';
import type { ParsedReport } from '../report/parse';

/** The kinds of leak, each with its own rule `leak-<kind>`. */
export type LeakKind = 'ioc' | 'email' | 'ip' | 'path' | 'hostname' | 'ticket';

/** One leak found in public text. */
export interface LeakHit {
  kind: LeakKind;
  offset: number;
  endOffset: number;
  /** The leaked text as published. */
  text: string;
  /** JSON Pointer of the frontmatter field, `null` for the public section. */
  path: string | null;
  /** For host names: why the name is internal. For paths: which kind of path. */
  detail?: 'internal-domain' | 'internal-email' | 'internal-section' | 'ipv4' | 'ipv6' | 'windows' | 'unc' | 'unix';
  /** For host names under an internal domain: the matching suffix (`.intern`). */
  domain?: string;
}

// Most specific first: a hit of a kind earlier in this list hides overlapping hits of later kinds.
const PRIORITY: readonly LeakKind[] = ['ioc', 'email', 'ip', 'path', 'hostname', 'ticket'];

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
// Four octets, not part of a longer dotted number (a five-part version) and not glued to a word.
const IPV4 = new RegExp(`(?<![\\w.])${OCTET}(?:\\.${OCTET}){3}(?!\\.?\\d)(?!\\w)`, 'g');
// Candidates only; `isIPv6` decides. Times (15:55, 15:55:00) and MAC addresses are rejected there.
const IPV6_CANDIDATE = /(?<![\w:.])(?:[0-9a-f]{0,4}:){2,7}(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]{0,4})(?:%[\w.]+)?(?![\w:])/gi;
// Words before a dotted number that make it a version, not an address ("Version 10.2.0.1").
const VERSION_CONTEXT = /(?:\b(?:version|ver|vers|v|build|release|firmware|patch|update|stand|rev)\.?|\bv)\s*$/i;

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
/** A DNS name of two or more labels whose last label starts with a letter (not `1.2`, not `z.B`). */
const HOST = new RegExp(`(?<![\\w.-])(?:${LABEL}\\.)+[a-z][a-z0-9-]*[a-z0-9](?![\\w-])`, 'gi');

const EMAIL = /(?<![\w.%+-])[\w.%+-]+@(?:[a-z0-9-]+\.)+[a-z]{2,}(?![\w-])/gi;

// Necessary conditions, each far cheaper to search for than its pattern: a text without one cannot
// hold a match, so the pattern is not run on it (most published text has no dotted word at all).
/** Every IPv4 address has three dots between digits. */
const IPV4_HINT = /\d\.\d+\.\d+\.\d/;
/**
 * Every IPv6 candidate starts with two groups (`fe80:0:`, `::`), where nothing of `[\w:.]` stands
 * before it: found at their first colon, with the first group and what is before it looked behind
 * at. So a timestamp (`2023-10-30T06:45:00`) or a time glued to a word is no hint, and its run is not
 * searched (most published text names times, not addresses).
 */
const IPV6_HINT = /:(?<=(?<![\w:.])[0-9a-f]{0,4}:)[0-9a-f]{0,4}:/gi;
/** Every host name has a label character, a dot and a letter. */
const HOST_HINT = /[a-z0-9]\.[a-z]/gi;

const WINDOWS_PATH = /(?<![\w\\/])[a-z]:(?:\\|\/(?!\/))(?:[\w$.~-]+[\\/]?)+/gi;
const UNC_PATH = /(?<![\w\\])\\\\[\w.$-]+(?:\\[\w$.~-]+)+\\?/g;
// Starts after white space or an opening bracket/quote, never after a letter (und/oder, km/h),
// a digit (30/10/2023) or a colon (https://).
const UNIX_PATH = /(?<![^\s(\[{"'`„“‚‘«<=,;]|\]\()(?:~|\$HOME)?\/[\w.$~-]+(?:\/[\w.$~-]+)*\/?/g;
const UNIX_ROOTS = new Set([
  'etc', 'var', 'home', 'root', 'tmp', 'usr', 'opt', 'srv', 'mnt', 'media', 'proc', 'sys', 'dev', 'bin', 'sbin', 'lib',
  'lib64', 'boot', 'run', 'users', 'volumes', 'private', 'library', 'data', 'backup', 'backups', 'share', 'nfs', 'export', 'log', 'logs',
]);

// Endings that make a dotted word a file name rather than a host (report.pdf, setup.exe).
const FILE_EXTENSIONS = new Set([
  'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt', 'ods', 'txt', 'csv', 'log', 'md', 'json', 'xml', 'yml', 'yaml', 'zip',
  'rar', 'gz', 'tgz', 'tar', 'exe', 'dll', 'msi', 'bat', 'ps1', 'sh', 'js', 'ts', 'py', 'jpg', 'jpeg', 'png', 'gif', 'svg', 'html',
  'htm', 'eml', 'msg', 'pst', 'ost', 'vmdk', 'vhdx', 'bak', 'iso', 'img', 'conf', 'cfg', 'ini', 'key', 'pem', 'crt', 'lock', 'tmp',
]);

const IOC_HASH_PREFIX = /^(?:md5|sha1|sha-1|sha256|sha-256|sha512|sha-512|ssdeep|imphash|tlsh)\s*:\s*/i;

/** The body outside the public section: where internal host names are learnt from. */
export function internalText(report: ParsedReport): string {
  const start = report.bodyOffset;
  const section = report.publicBounds;
  if (!section) return report.text.slice(start);
  return report.text.slice(start, section.offset) + '\n' + report.text.slice(section.endOffset);
}

/** Host names named in the internal sections that identify a machine (see `leak-hostname`). */
export function internalHostNames(report: ParsedReport, publicEmailDomains: ReadonlySet<string>): Set<string> {
  const hosts = new Set<string>();
  for (const match of hostMatches(internalText(report))) {
    const host = trimHost(match.text).toLowerCase();
    if (!namesMachine(host) || publicEmailDomains.has(host)) continue;
    hosts.add(host);
  }
  return hosts;
}

/**
 * Whether a (lower-case) host name can name one machine: three or more labels (vpn02.stadt.de); a
 * bare domain (stadt.de) or the web site (www.…) is usually public anyway, and a dotted file name
 * (bericht.pdf) is no host. Only such names are learnt from the internal sections.
 */
function namesMachine(host: string): boolean {
  const first = host.indexOf('.');
  const last = host.lastIndexOf('.');
  return first !== last && host.slice(0, first) !== 'www' && !FILE_EXTENSIONS.has(host.slice(last + 1));
}

/** Characters of the runs that {@link HOST} matches lie in (`[\w.-]`). */
function isRunChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 46 || code === 45;
}

/**
 * The {@link HOST} matches of `source`, found where they can be. A match consists of `[\w.-]`
 * characters, and its look-behind and look-ahead make it start and end with a maximal run of them;
 * it holds a label character, a dot and a letter. So the pattern runs only on the runs around such
 * a {@link HOST_HINT}, with the same result as on the whole text (test/unit/leak.test.ts compares).
 */
export function hostMatches(source: string): Array<{ index: number; text: string }> {
  return runMatches(source, HOST_HINT, isRunChar, HOST_AT, () => false);
}

/** {@link HOST} tried at one position (its look-behind allows a start only where a run starts). */
const HOST_AT = new RegExp(HOST.source, 'iy');
/** {@link IPV6_CANDIDATE} tried at one position (a run's start, or after a `-` or `%` in it). */
const IPV6_CANDIDATE_AT = new RegExp(IPV6_CANDIDATE.source, 'iy');

/** Characters of an address's local part (`[\w.%+-]`). */
function isLocalChar(code: number): boolean {
  return isRunChar(code) || code === 37 || code === 43;
}

const EMAIL_AT = new RegExp(EMAIL.source, 'iy');

/**
 * The {@link EMAIL} matches of `source`. A match holds one `@`, and its look-behind makes it start
 * where the run of local-part characters before that `@` starts: so the pattern is tried there
 * only, once per `@`, instead of at every word (test/unit/leak.test.ts compares).
 */
export function* emailMatches(source: string): Generator<{ index: number; text: string }> {
  let next = 0;
  for (let at = source.indexOf('@'); at !== -1; at = source.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && isLocalChar(source.charCodeAt(start - 1))) start--;
    if (start === at || start < next) continue;
    EMAIL_AT.lastIndex = start;
    const m = EMAIL_AT.exec(source);
    if (!m) continue;
    next = start + m[0].length;
    yield { index: start, text: m[0] };
  }
}

/** Every match of {@link EMAIL} in `source`, the plain way (for tests of {@link emailMatches}). */
export function emailMatchesByPattern(source: string): Array<{ index: number; text: string }> {
  return [...source.matchAll(EMAIL)].map((m) => ({ index: m.index, text: m[0] }));
}

/** Characters of the runs that {@link IPV6_CANDIDATE} matches lie in (`[\w:.%]`). */
function isIPv6RunChar(code: number): boolean {
  return isRunChar(code) || code === 58 || code === 37;
}

/**
 * The {@link IPV6_CANDIDATE} matches of `source`, tried only on the runs of `[\w:.%]` around two
 * close colons (times such as 10:16:00 are such runs; prose is not): a candidate consists of those
 * characters, its look-behind and look-ahead hold at a run's ends exactly as in the whole text.
 */
export function ipv6Candidates(source: string): Array<{ index: number; text: string }> {
  // The runs hold `-` too (isRunChar), which the look-behind allows, like `%`.
  return runMatches(source, IPV6_HINT, isIPv6RunChar, IPV6_CANDIDATE_AT, (code) => code === 45 /* - */ || code === 37 /* % */);
}

/**
 * The matches of `pattern` in the maximal runs of `inRun` characters around each match of `hint`
 * (global): the same as on the whole text when every match of `pattern` consists of run characters,
 * holds a hint, and its look-arounds only test characters that end a run. Its look-behind refuses
 * every run character but those `startsAfter` accepts, so a match can start only where a run starts
 * or after such a character: `pattern` (sticky) is tried there alone, not at every character.
 */
function runMatches(
  source: string,
  hint: RegExp,
  inRun: (code: number) => boolean,
  pattern: RegExp,
  startsAfter: (code: number) => boolean,
): Array<{ index: number; text: string }> {
  const matches: Array<{ index: number; text: string }> = [];
  // `test` moves the (global) hint on without building a match; all at once, so that no other
  // search can move it meanwhile.
  hint.lastIndex = 0;
  while (hint.test(source)) {
    // A hint consists of run characters: its last one lies in the run around it.
    let start = hint.lastIndex - 1;
    while (start > 0 && inRun(source.charCodeAt(start - 1))) start--;
    let end = hint.lastIndex;
    while (end < source.length && inRun(source.charCodeAt(end))) end++;
    let free = start; // the first position no earlier match covers
    for (let at = start; at < end; at++) {
      if (at !== start && !startsAfter(source.charCodeAt(at - 1))) continue;
      if (at < free) continue;
      pattern.lastIndex = at;
      const m = pattern.exec(source);
      if (!m) continue;
      matches.push({ index: at, text: m[0] });
      free = at + Math.max(1, m[0].length);
    }
    // Further hints in this run find the same run.
    hint.lastIndex = end;
  }
  return matches;
}

/** {@link UNIX_PATH} tried at one position. */
const UNIX_PATH_AT = new RegExp(UNIX_PATH.source, 'y');

/**
 * The {@link UNIX_PATH} matches of `source`. A match starts with `/`, `~/` or `$HOME/`: so the
 * pattern is tried at each slash and at a `~` or `$HOME` right before one, in the order of the
 * text, instead of at every character (test/unit/leak.test.ts compares).
 */
export function unixPathMatches(source: string): Array<{ index: number; text: string }> {
  const matches: Array<{ index: number; text: string }> = [];
  let free = 0; // the first position no earlier match covers
  const tryAt = (at: number) => {
    if (at < free) return;
    UNIX_PATH_AT.lastIndex = at;
    const m = UNIX_PATH_AT.exec(source);
    if (!m) return;
    matches.push({ index: at, text: m[0] });
    free = at + m[0].length;
  };
  for (let slash = source.indexOf('/'); slash !== -1; slash = source.indexOf('/', slash + 1)) {
    // No slash lies inside `$HOME` or `~` before another: these starts come in the order of the text.
    if (slash >= 5 && source.startsWith('$HOME', slash - 5)) tryAt(slash - 5);
    if (slash >= 1 && source.charCodeAt(slash - 1) === 126 /* ~ */) tryAt(slash - 1);
    tryAt(slash);
  }
  return matches;
}

/** Every match of {@link UNIX_PATH} in `source`, the plain way (for tests of {@link unixPathMatches}). */
export function unixPathMatchesByPattern(source: string): Array<{ index: number; text: string }> {
  return [...source.matchAll(UNIX_PATH)].map((m) => ({ index: m.index, text: m[0] }));
}

/** Every match of {@link IPV6_CANDIDATE} in `source`, the plain way (for tests of {@link ipv6Candidates}). */
export function ipv6CandidatesByPattern(source: string): Array<{ index: number; text: string }> {
  return [...source.matchAll(IPV6_CANDIDATE)].map((m) => ({ index: m.index, text: m[0] }));
}

/** Every match of {@link HOST} in `source`, the plain way (for tests of {@link hostMatches}). */
export function hostMatchesByPattern(source: string): Array<{ index: number; text: string }> {
  return [...source.matchAll(HOST)].map((m) => ({ index: m.index, text: m[0] }));
}

function trimHost(host: string): string {
  return host.replace(/[.-]+$/, '');
}

/** True for a syntactically valid IPv6 address (with optional embedded IPv4 and zone). */
export function isIPv6(candidate: string): boolean {
  const address = candidate.replace(/%[\w.]+$/, '');
  if (address === '::' || address.split('::').length > 2) return false;
  const compressed = address.includes('::');
  const [head = '', tail = ''] = compressed ? address.split('::') : [address, ''];
  const groups = [...(head ? head.split(':') : []), ...(tail ? tail.split(':') : [])];
  let count = 0;
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i]!;
    if (i === groups.length - 1 && group.includes('.')) {
      if (!new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`).test(group)) return false;
      count += 2;
      continue;
    }
    if (!/^[0-9a-f]{1,4}$/i.test(group)) return false;
    count++;
  }
  if (compressed ? count > 7 : count !== 8) return false;
  // "12::30" in prose is far more likely a typo than an address: demand a hex letter or a
  // well-known short form when the address is compressed to two groups or fewer.
  if (compressed && count <= 2 && !/[a-f]/i.test(address) && !/^::1$|^::$/.test(address)) return false;
  return true;
}

function normaliseSuffix(suffix: string): string {
  const trimmed = suffix.trim().toLowerCase();
  return trimmed.startsWith('.') ? trimmed : '.' + trimmed;
}

/** Default pattern of ticket IDs (`INC-2023-4711`, `CHG-12345`, `#4711` is not matched): an empty `ticketPattern`. */
export const DEFAULT_TICKET_PATTERN = '\\b(?:INC|CHG|REQ|SR|TKT|PRB|RITM|JIRA|SEC)-\\d[\\d-]*\\b';

function compileTicketPattern(source: string): RegExp | null {
  if (!source) return null;
  try {
    return new RegExp(source, 'g');
  } catch {
    return null;
  }
}

/** Compiled filters by their indicators: the reports of a family, and every lint of one report, share them. */
const iocFilters = new BoundedCache<string, RegExp>(256);

/**
 * A pattern that matches wherever `source.toLowerCase()` holds one of `iocs` (lower-case): each
 * indicator, case-insensitive by Unicode case folding, which pairs every character with all those
 * that lower-case to it (and a few more: a filter may say yes where the search then finds nothing,
 * never no where it would find something), except `İ`, which lower-cases to two characters (the
 * caller does not filter a text holding it). test/unit/leak.test.ts checks that on generated text.
 */
export function iocFilter(iocs: readonly string[]): RegExp {
  const key = iocs.join('\n');
  return iocFilters.get(key, () => new RegExp(iocs.map((ioc) => ioc.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')).join('|'), 'iu'));
}

const VALUE_SEPARATOR = '\n|\n';

const leaksOf = new Derived<RuleContext, LeakHit[]>('leaks');

/** Every leak in the public text of the context's report, de-duplicated across enabled kinds. */
export function findLeaks(ctx: RuleContext): LeakHit[] {
  return leaksOf.get(ctx, () => scan(ctx));
}

/** What the scanner needs besides the text: derived once per lint from the report and settings. */
interface ScanSettings {
  contactEmails: ReadonlySet<string>;
  suffixes: readonly string[];
  /**
   * Host names of the internal sections, found on first call (most public text names no host at
   * all). A function, not a getter: an object literal with a getter is made in V8's old
   * generation and keeps the report it reaches alive through minor GCs (see yaml/document.ts).
   */
  internalHosts(): ReadonlySet<string>;
  ticket: RegExp | null;
  iocs: readonly string[];
  /** Matches wherever one of {@link iocs} might be found (`null` without any): see {@link iocFilter}. */
  iocFilter: RegExp | null;
}

function scan(ctx: RuleContext): LeakHit[] {
  // A broken frontmatter gives structural findings only: nothing is invented from a half-read
  // document, and the (slow) Markdown body is not parsed for it.
  if (!ctx.data) return [];
  const { report } = ctx;
  const text = report.text;
  const data = ctx.data;
  const contactEmails = new Set(
    recordItems(data.contacts)
      .map((c) => (typeof c.email === 'string' ? c.email.trim().toLowerCase() : ''))
      .filter(Boolean),
  );
  const emailDomains = new Set([...contactEmails].map((e) => e.slice(e.lastIndexOf('@') + 1)));
  const iocs = (Array.isArray(data.iocs) ? data.iocs : [])
    .flatMap((value) => {
      if (typeof value !== 'string' && typeof value !== 'number') return [];
      const ioc = String(value).trim();
      const bare = ioc.replace(IOC_HASH_PREFIX, '');
      return bare !== ioc ? [ioc, bare] : [ioc];
    })
    // Very short values ("1", "ok") would match everywhere and are no useful indicator.
    .filter((ioc) => ioc.length >= 4)
    .map((ioc) => ioc.toLowerCase());
  let internalHosts: ReadonlySet<string> | undefined;
  const settings: ScanSettings = {
    contactEmails,
    suffixes: ctx.settings.internalDomains.map(normaliseSuffix).filter((s) => s.length > 1),
    internalHosts: () => (internalHosts ??= internalHostNames(report, emailDomains)),
    ticket: compileTicketPattern(ctx.settings.ticketPattern || DEFAULT_TICKET_PATTERN),
    iocs,
    iocFilter: iocs.length > 0 ? iocFilter(iocs) : null,
  };

  const hits: LeakHit[] = [];
  const publication = selectPublication(report);
  const body = publication.body;
  if (body && body.endOffset > body.offset) {
    const found: LeakHit[] = [];
    scanText(text.slice(body.offset, body.endOffset), body.offset, null, settings, found);
    hits.push(...dedupe(found, ctx.enabledRules));
  }
  // The published values are what is scanned (what a reader sees, whatever the YAML style), all
  // joined in one scan first (far cheaper than one per value): most have nothing to find. The
  // separator ends every pattern: a line break for the look-behinds, and a `|` so that a word like
  // "Version" at the end of one value cannot excuse an address in the next.
  const fm = report.frontmatter;
  if (fm.kind !== 'yaml') return hits;
  const published = publication.texts;
  const inValues: LeakHit[] = [];
  scanText(published.map((text) => text.value).join(VALUE_SEPARATOR), 0, null, settings, inValues);
  for (const { path, value } of valuesWithHits(published, inValues)) {
    const found: LeakHit[] = [];
    scanText(value, 0, path, settings, found);
    for (const hit of dedupe(found, ctx.enabledRules)) {
      // Where the value has no exact place in the source (an escape inside the hit), the whole field.
      const span = report.yaml!.valueSpan(path, hit.offset, hit.endOffset);
      hits.push({ ...hit, ...(span ? { offset: fm.contentOffset + span.offset, endOffset: fm.contentOffset + span.endOffset } : ctx.at(path)) });
    }
  }
  return hits;
}

/** The values of `published` that the hits (offsets in the values joined by {@link VALUE_SEPARATOR}) fall into. */
function valuesWithHits(published: readonly PublishedText[], hits: readonly LeakHit[]): PublishedText[] {
  const starts: number[] = [];
  let offset = 0;
  for (const text of published) {
    starts.push(offset);
    offset += text.value.length + VALUE_SEPARATOR.length;
  }
  const chosen = new Set<number>();
  for (const hit of hits) {
    let [low, high] = [0, starts.length - 1];
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= hit.offset) low = mid;
      else high = mid - 1;
    }
    chosen.add(low);
  }
  return [...chosen].sort((a, b) => a - b).map((i) => published[i]!);
}

/** Finds the leaks in `source`, a published text that starts at `base` in the document. */
function scanText(source: string, base: number, path: string | null, settings: ScanSettings, hits: LeakHit[]): void {
  const add = (kind: LeakKind, index: number, found: string, extra: Partial<LeakHit> = {}) => {
    hits.push({ kind, offset: base + index, endOffset: base + index + found.length, text: found, path, ...extra });
  };
  // The searches below use `exec` on their (global) patterns: `matchAll` copies the pattern and
  // makes an iterator for every text.
  if (IPV4_HINT.test(source)) {
    IPV4.lastIndex = 0;
    for (let m = IPV4.exec(source); m; m = IPV4.exec(source)) {
      if (isVersionNumber(source, m.index)) continue;
      add('ip', m.index, m[0], { detail: 'ipv4' });
    }
  }
  for (const m of ipv6Candidates(source)) {
    if (isIPv6(m.text)) add('ip', m.index, m.text, { detail: 'ipv6' });
  }
  for (const m of hostMatches(source)) {
    const host = trimHost(m.text);
    const lower = host.toLowerCase();
    const domain = settings.suffixes.find((suffix) => lower.endsWith(suffix) && lower.length > suffix.length);
    if (domain) add('hostname', m.index, host, { detail: 'internal-domain', domain });
    // Only a name that can name a machine is learnt from the internal sections: for any other, they
    // are not searched (most public host names are bare domains).
    else if (namesMachine(lower) && settings.internalHosts().has(lower)) add('hostname', m.index, host, { detail: 'internal-section' });
  }
  for (const m of emailMatches(source)) {
    const lower = m.text.toLowerCase();
    // An address under an internal domain names an internal system, listed contact or not.
    const domain = settings.suffixes.find((suffix) => lower.endsWith(suffix));
    if (domain) add('hostname', m.index, m.text, { detail: 'internal-email', domain });
    else if (!settings.contactEmails.has(lower)) add('email', m.index, m.text);
  }
  const ticket = settings.ticket;
  if (ticket) {
    ticket.lastIndex = 0;
    for (let m = ticket.exec(source); m; m = ticket.exec(source)) {
      if (m[0].length > 0) add('ticket', m.index, m[0]);
      // As `matchAll` does: an empty match moves the search on (the pattern has no `u` flag).
      else ticket.lastIndex++;
    }
  }
  // A Windows path has a drive colon before a slash.
  if (source.includes(':\\') || source.includes(':/')) {
    WINDOWS_PATH.lastIndex = 0;
    for (let m = WINDOWS_PATH.exec(source); m; m = WINDOWS_PATH.exec(source)) add('path', m.index, trimPath(m[0]), { detail: 'windows' });
  }
  if (source.includes('\\\\')) {
    UNC_PATH.lastIndex = 0;
    for (let m = UNC_PATH.exec(source); m; m = UNC_PATH.exec(source)) add('path', m.index, trimPath(m[0]), { detail: 'unc' });
  }
  for (const m of unixPathMatches(source)) {
    const path = trimPath(m.text);
    if (isUnixPath(path)) add('path', m.index, path, { detail: 'unix' });
  }
  // Public text rarely holds an indicator: a single case-insensitive search rules that out before
  // the text is lower-cased and searched for each one.
  // (`İ` is the one character that lower-cases to two, which no pattern pairs with it: then no filter.)
  if (settings.iocFilter && (source.includes('\u0130') || settings.iocFilter.test(source))) {
    const lower = source.toLowerCase();
    for (const ioc of settings.iocs) {
      for (let i = lower.indexOf(ioc); i !== -1; i = lower.indexOf(ioc, i + 1)) {
        const before = lower[i - 1];
        const after = lower[i + ioc.length];
        // Whole tokens only: 198.51.100.23 must not match inside 198.51.100.234.
        if ((before && /[a-z0-9]/.test(before)) || (after && /[a-z0-9]/.test(after))) continue;
        add('ioc', i, source.slice(i, i + ioc.length));
      }
    }
  }
}

/**
 * True when the dotted number at `index` follows a word that makes it a version ("Version 10.2.0.1").
 * White space is collapsed first, so a line break and indentation read like the space they fold to.
 */
function isVersionNumber(source: string, index: number): boolean {
  const before = source.slice(Math.max(0, index - 40), index).replace(/\s+/g, ' ');
  return VERSION_CONTEXT.test(before.slice(-12));
}

function trimPath(path: string): string {
  return path.replace(/[.,;:!?]+$/, '');
}

function isUnixPath(path: string): boolean {
  if (path.startsWith('~/') || path.startsWith('$HOME/')) return path.length > 2;
  const segments = path.split('/').filter(Boolean);
  if (segments.length === 0) return false;
  if (UNIX_ROOTS.has(segments[0]!.toLowerCase())) return true;
  // Two or more segments starting with a letter, dot or underscore (/srv2/share, /.ssh/keys),
  // but not a fraction or date (/10/2023), which never gets here with a leading digit.
  return segments.length >= 2 && /^[a-z._]/i.test(segments[0]!) && segments.every((s) => s !== '.' && s !== '..');
}

/** Width of the text buckets that {@link dedupe} indexes kept hits by. */
const DEDUPE_BUCKET = 256;

function dedupe(hits: LeakHit[], enabled: ReadonlySet<string>): LeakHit[] {
  // By priority, then longest first, so a hit hides the shorter ones inside it (`sha256:…` hides the bare hash).
  const sorted = [...hits].sort(
    (a, b) => PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind) || b.endOffset - b.offset - (a.endOffset - a.offset) || a.offset - b.offset,
  );
  const kept: LeakHit[] = [];
  const seen = new Set<string>();
  // Kept hits indexed by the buckets of text they span: a pasted log has tens of thousands of hits,
  // and comparing each with every kept one would take minutes.
  const buckets = new Map<number, LeakHit[]>();
  const bucketsOf = (hit: LeakHit) => {
    const list: number[] = [];
    for (let b = Math.floor(hit.offset / DEDUPE_BUCKET); b <= Math.floor(Math.max(hit.offset, hit.endOffset - 1) / DEDUPE_BUCKET); b++) list.push(b);
    return list;
  };
  for (const hit of sorted) {
    const key = `${hit.kind}:${hit.offset}:${hit.endOffset}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const spanned = bucketsOf(hit);
    const hidden = spanned.some((b) =>
      (buckets.get(b) ?? []).some(
        (other) =>
          (other.kind === hit.kind || enabled.has(`leak-${other.kind}`)) &&
          other.offset < hit.endOffset &&
          hit.offset < other.endOffset,
      ),
    );
    if (hidden) continue;
    kept.push(hit);
    for (const b of spanned) {
      const list = buckets.get(b);
      if (list) list.push(hit);
      else buckets.set(b, [hit]);
    }
  }
  return kept.sort((a, b) => a.offset - b.offset);
}

/** Where a hit is, for messages: "in the public text" / "in updates[2].text". */
export function whereText(ctx: RuleContext, hit: LeakHit): string {
  return hit.path === null
    ? ctx.t({ en: 'in the public text', de: 'im öffentlichen Text' })
    : ctx.t({ en: 'in {field}', de: 'in {field}' }, { field: fieldName(hit.path) });
}

/** How many hits of one kind a rule reports one by one per published field or section. */
export const FINDINGS_PER_PLACE = 5;

/** What each kind of leak is called in the summary "… and N more". */
const KIND_PLURALS: Record<LeakKind, Localized> = {
  ioc: { en: 'values from `iocs`', de: 'Werte aus `iocs`' },
  email: { en: 'e-mail addresses', de: 'E-Mail-Adressen' },
  ip: { en: 'IP addresses', de: 'IP-Adressen' },
  path: { en: 'file system paths', de: 'Dateipfade' },
  hostname: { en: 'internal host names', de: 'interne Hostnamen' },
  ticket: { en: 'ticket IDs', de: 'Ticketnummern' },
};

/**
 * The findings of one leak kind, with the rule's message: the first {@link FINDINGS_PER_PLACE} of
 * each published field (or of the public section) at their exact ranges, then one finding at the
 * next hit that says how many more there are.
 */
export function leakFindings(ctx: RuleContext, ruleId: string, kind: LeakKind, message: (hit: LeakHit) => string): RawFinding[] {
  const findings: RawFinding[] = [];
  const byPlace = new Map<string | null, LeakHit[]>();
  for (const hit of findLeaks(ctx)) {
    if (hit.kind !== kind) continue;
    const list = byPlace.get(hit.path);
    if (list) list.push(hit);
    else byPlace.set(hit.path, [hit]);
  }
  for (const [path, hits] of byPlace) {
    for (const hit of hits.slice(0, FINDINGS_PER_PLACE)) {
      findings.push({ ruleId, message: message(hit), offset: hit.offset, endOffset: hit.endOffset, path });
    }
    const more = hits.slice(FINDINGS_PER_PLACE);
    if (more.length === 0) continue;
    findings.push({
      ruleId,
      message: ctx.t(
        {
          en: '… and {n} more {what} {where} (the first {shown} are marked one by one): none of them may be published.',
          de: '… und {n} weitere {what} {where} (die ersten {shown} sind einzeln markiert): Keine davon darf veröffentlicht werden.',
        },
        { n: more.length, what: ctx.t(KIND_PLURALS[kind]), where: whereText(ctx, more[0]!), shown: FINDINGS_PER_PLACE },
      ),
      offset: more[0]!.offset,
      endOffset: more[0]!.endOffset,
      path,
    });
  }
  return findings;
}
