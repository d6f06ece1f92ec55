/**
 * Sign-off: the `approvals` list of the frontmatter and the release files it points to.
 *
 * An approval `{by, role, at, version, fingerprint}` says that `by` approved release `version`, the
 * file `.releases/<report>/<version>.json` beside the report, whose SHA-256 is `fingerprint`.
 * Several people approve the same version with entries of the same version and fingerprint. The
 * newest version is the one that counts; it is current while the report's publication model still
 * has that fingerprint (model.ts). The old `approval: {approved_by, approved_at}` block stays valid
 * but records no fingerprint, so it ties nothing to the text.
 */
import { isRecord } from '../report/fields';
import { resolveParentPath } from '../family';
import type { ParsedReport } from '../report/parse';
import { reportBaseName } from '../render/exportFiles';
import { appendListItem, type UpdateInsertion, type UpdateInsertionError } from '../templates/update';
import { yamlScalar } from '../yaml';
import { currentRelease, parseReleaseJson, sha256Hex, type ReleaseModel } from './model';
import { releaseChanges } from './changes';
import type { Locale, Localized } from '../shared/types';
import { t } from '../shared/i18n';

/** The roles a sign-off names (`--role`); a configuration may require some of them. */
export const APPROVAL_ROLES = ['press', 'it', 'dpo', 'lead'] as const;
export type ApprovalRole = (typeof APPROVAL_ROLES)[number];

/** The folder beside a report that holds the release files of every report in it. */
export const RELEASES_FOLDER = '.releases';

/** One entry of `approvals` that can be read (the schema rule reports the others). */
export interface Approval {
  /** Its index in `approvals`. */
  index: number;
  by: string;
  role: string | null;
  at: string;
  version: number;
  fingerprint: string;
}

/** `requireApproval`: `true`, or the roles that must each have approved the current version. */
export type RequireApproval = boolean | { roles: readonly ApprovalRole[] };

/** The readable entries of `approvals`, in the order written. */
export function readApprovals(data: Record<string, unknown> | null): Approval[] {
  const list = data?.approvals;
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry, index): Approval[] => {
    if (!isRecord(entry)) return [];
    const { by, role, at, version, fingerprint } = entry;
    if (typeof by !== 'string' || typeof at !== 'string' || typeof fingerprint !== 'string') return [];
    if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) return [];
    return [{ index, by, role: typeof role === 'string' ? role : null, at, version, fingerprint: fingerprint.toLowerCase() }];
  });
}

/** The entries of the newest version (the one that counts), or an empty list. */
export function newestApprovals(approvals: readonly Approval[]): Approval[] {
  if (approvals.length === 0) return [];
  const newest = Math.max(...approvals.map((a) => a.version));
  return approvals.filter((a) => a.version === newest);
}

/** `incidents/.releases/report/2.json` for `incidents/report.md` and version 2 (paths with `/`). */
export function releaseFilePath(reportPath: string, version: number): string {
  return resolveParentPath(reportPath, `${RELEASES_FOLDER}/${reportBaseName(reportPath.replace(/\\/g, '/'))}/${version}.json`);
}

/**
 * The other report in the same folder whose release files go to the same folder as those of the
 * report named `name` (`x.md` and `x.markdown` both use `.releases/x/`), or `null`; `siblings` are
 * the names of the files beside it. Approving one of two such reports is refused: the second one's
 * release 1 clashed with the first one's and was called "edited by hand". Giving each its own folder
 * instead would move the release files of reports approved before, so their approvals would name
 * missing files.
 */
export function releaseFolderClash(name: string, siblings: readonly string[]): string | null {
  const base = reportBaseName(name);
  return siblings.find((other) => other !== name && /\.(?:md|markdown)$/i.test(other) && reportBaseName(other) === base) ?? null;
}

/**
 * `incidents/.werne.md.approving` for `incidents/werne.md`: the lock file an approval (CLI or
 * editor) holds while it reads and writes the report, so that two at once do not drop an entry.
 */
export function approvalLockPath(reportPath: string): string {
  const path = reportPath.replace(/\\/g, '/');
  const slash = path.lastIndexOf('/');
  return `${path.slice(0, slash + 1)}.${path.slice(slash + 1)}.approving`;
}

/** How long an approval waits for another one of the same report to finish before it gives up (ms). */
export const APPROVAL_LOCK_WAIT_MS = 10_000;

/** The version a new approval gets: the newest, when its fingerprint is the current one (a further sign-off), else the next. */
export function nextVersion(approvals: readonly Approval[], fingerprint: string): { version: number; isNew: boolean } {
  const newest = newestApprovals(approvals);
  const top = newest[0]?.version ?? 0;
  if (newest.length > 0 && newest[newest.length - 1]!.fingerprint === fingerprint) return { version: top, isNew: false };
  return { version: top + 1, isNew: true };
}

/** What approving a report now writes: the release file (unless this version has one) and the frontmatter entry. */
export interface ApprovalPlan {
  version: number;
  /** True when this approval starts a new version (its release file is written); false for a further sign-off of the newest. */
  isNew: boolean;
  /** The release file's content (canonical JSON). */
  json: string;
  fingerprint: string;
  /** The text edit that appends the approval to `approvals`, or why it cannot be made. */
  edit: UpdateInsertion | UpdateInsertionError;
  /**
   * The entry by which the same person in the same role approved this very content already: then
   * nothing is to be written (approving twice added a second, identical sign-off to the record).
   */
  already: Approval | null;
}

/** Two spellings of one approver: Unicode form, case and spacing aside. */
function sameApprover(a: string, b: string): boolean {
  const key = (name: string) => name.normalize('NFKC').toLocaleLowerCase('de-DE').replace(/\s+/g, ' ').trim();
  return key(a) === key(b);
}

/** Plans an approval of `report` by `by` (in `role`) at `at` (RFC 3339 with offset). */
export function planApproval(report: ParsedReport, by: string, role: ApprovalRole | null, at: string): ApprovalPlan {
  const release = currentRelease(report);
  const data = isRecord(report.data) ? report.data : null;
  const approvals = readApprovals(data);
  const { version, isNew } = nextVersion(approvals, release.fingerprint);
  const already = isNew ? null : (approvals.find((a) => a.version === version && a.fingerprint === release.fingerprint && a.role === role && sameApprover(a.by, by)) ?? null);
  const entries: Array<[string, string]> = [['by', yamlScalar(by)]];
  if (role) entries.push(['role', role]);
  entries.push(['at', at], ['version', String(version)], ['fingerprint', release.fingerprint]);
  return { version, isNew, json: release.json, fingerprint: release.fingerprint, edit: appendListItem(report, 'approvals', entries), already };
}

/** A release file as the host read it: its text, `null` when there is no such file, or why it cannot be read. */
export type ReleaseText = string | null | { error: string };

/** The "What's new" box: the changes (both languages) since release `since`. */
export interface WhatsNew {
  since: number;
  items: Localized[];
}

/** A release file that cannot be used: its version and what is wrong (unreadable, or not a release). */
export interface ReleaseProblem {
  version: number;
  problem: string;
  /** The file is another report's ({@link otherReport}): restoring it is no remedy. */
  foreign?: true;
}

/**
 * Why the text of release `version` cannot stand for what its approvals in `approvals` signed off:
 * it is damaged, or its SHA-256 is none of theirs (a file edited by hand); `null` when it is what
 * was approved, or when no approval names it. One wording for `changes` and "What's new", which
 * both refuse such a file: listing its changes told of changes that were never made.
 */
export function unapprovedRelease(text: string, approvals: readonly Approval[], version: number, locale: Locale = 'en'): string | null {
  const approved = approvals.filter((approval) => approval.version === version);
  const actual = sha256Hex(text);
  if (approved.length === 0 || approved.some((approval) => approval.fingerprint === actual)) return null;
  const damaged = parseReleaseJson(text, locale);
  if ('problem' in damaged) return damaged.problem;
  return t(
    locale,
    { en: 'it is not what was approved (its SHA-256 is {actual}, `approvals` names {approved})', de: 'sie ist nicht, was freigegeben wurde (ihr SHA-256 ist {actual}, `approvals` nennt {approved})' },
    { actual, approved: approved[0]!.fingerprint },
  );
}

/**
 * Release `version` as the host read it (see {@link ReleaseText}), checked against the report's
 * `approvals`: its text and model, or why it cannot stand for what was approved: missing though
 * `approvals` names it (a report moved without its `.releases` folder), unreadable, edited by hand
 * or no release file. One wording for "What's new" and the preview's "Changes since release N",
 * which went missing without a word when the file did.
 */
export function readRelease(text: ReleaseText, approvals: readonly Approval[], version: number, locale: Locale = 'en', current?: ReleaseModel): { text: string; model: ReleaseModel } | { problem: string; foreign?: true } {
  if (text === null) {
    return {
      problem: approvals.some((approval) => approval.version === version)
        ? t(
            locale,
            {
              en: 'file not found, though `approvals` names release {version} (a report moved or renamed leaves its release files behind)',
              de: 'Datei nicht gefunden, obwohl `approvals` Release {version} nennt (ein verschobener oder umbenannter Bericht lässt seine Release-Dateien zurück)',
            },
            { version },
          )
        : t(locale, { en: 'file not found', de: 'Datei nicht gefunden' }),
    };
  }
  if (typeof text !== 'string') return { problem: text.error };
  const unapproved = unapprovedRelease(text, approvals, version, locale);
  if (unapproved !== null) return { problem: unapproved };
  const parsed = parseReleaseJson(text, locale);
  if ('problem' in parsed) return parsed;
  const other = current ? otherReport(parsed.model, current, approvals, version, locale) : null;
  return other !== null ? { problem: other, foreign: true } : { text, model: parsed.model };
}

/**
 * Why release `version` is another report's: no approval of this report names it, and its `id` is
 * not this report's (`current`, what the report publishes now). A report renamed without its
 * `.releases` folder leaves it to a new report of the old name, whose "What's new" box and `changes`
 * then listed the differences between two incidents as news. `null` when it may be this report's.
 */
export function otherReport(release: ReleaseModel, current: ReleaseModel, approvals: readonly Approval[], version: number, locale: Locale = 'en'): string | null {
  if (approvals.some((approval) => approval.version === version)) return null;
  const id = release.fields['/id'];
  const own = current.fields['/id'];
  if (id === undefined || own === undefined || id === own) return null;
  return t(
    locale,
    {
      en: 'a release of another report (its `id` is {id}, this report\'s is {own}) that no approval of this report names: a report renamed or moved without its release folder left it behind; move the folder to that report',
      de: 'ein Release eines anderen Berichts (seine `id` ist {id}, die dieses Berichts ist {own}), das keine Freigabe dieses Berichts nennt: Ein umbenannter oder verschobener Bericht hat seinen Release-Ordner zurückgelassen; den Ordner zu jenem Bericht verschieben',
    },
    { id: String(id), own: String(own) },
  );
}

/**
 * Why an approval of `report` does not write release `version`, whose file is there with `existing`,
 * not what the report publishes now: another report's release (see {@link otherReport}), damaged, or
 * a different release. A release file is never replaced: it is what was approved. One wording for
 * `approve` and the editor's "Approve Release…", which said "a different release exists" of another
 * report's file, where restoring it is no remedy.
 */
export function occupiedRelease(existing: string, report: ParsedReport, version: number, locale: Locale = 'en'): string {
  const parsed = parseReleaseJson(existing, locale);
  if ('problem' in parsed) {
    return t(
      locale,
      {
        en: 'release {version} is damaged ({problem}); it is not replaced. Restore it (from version control or a backup).',
        de: 'Release {version} ist beschädigt ({problem}) und wird nicht ersetzt. Die Datei wiederherstellen (aus der Versionsverwaltung oder einer Sicherung).',
      },
      { version, problem: parsed.problem },
    );
  }
  const other = otherReport(parsed.model, currentRelease(report).model, readApprovals(isRecord(report.data) ? report.data : null), version, locale);
  if (other !== null) return t(locale, { en: 'not approved: {problem}', de: 'nicht freigegeben: {problem}' }, { problem: other });
  return t(
    locale,
    {
      en: 'a different release {version} exists already; it is not replaced. Restore it, or check whether the report\'s `approvals` were edited by hand.',
      de: 'ein anderes Release {version} existiert bereits und wird nicht ersetzt. Die Datei wiederherstellen oder prüfen, ob `approvals` im Bericht von Hand geändert wurde.',
    },
    { version },
  );
}

/**
 * The release versions among the names of the files in a report's release folder (`1.json`,
 * `2.json` …); other names are no release file. Hosts list the folder and pass these to
 * {@link previousRelease}, so that the editor and the CLI compare with the same release.
 */
export function releaseVersionsIn(names: readonly string[]): number[] {
  return names
    .map((name) => /^([1-9]\d*)\.json$/.exec(name)?.[1])
    .filter((digits): digits is string => digits !== undefined)
    .map(Number)
    .filter(Number.isSafeInteger);
}

/**
 * The "What's new" box: the changes (both languages) since the release it compares with, the newest
 * one whose content differs from what `report` publishes now (a report approved unchanged compares
 * with the release before), among the versions its `approvals` name and the release files the host
 * found (`files`). `read` gives a release file's text (see {@link ReleaseText}). A file that
 * cannot be read or is no release file is a problem, not skipped: skipping a corrupt newest release compared with the one before it and said nothing, so the box
 * named changes the public had already been told about. So is a release that the report's
 * `approvals` name whose file is missing (a report moved without its `.releases` folder: the box
 * was left out without a word) or differs from what was approved (a file edited by hand: the box
 * told the public of changes that were never made). Problems are worded in `locale`.
 */
export async function previousRelease(report: ParsedReport, read: (version: number) => Promise<ReleaseText>, files: readonly number[] = [], locale: Locale = 'en'): Promise<WhatsNew | ReleaseProblem | null> {
  const current = currentRelease(report);
  const approvals = readApprovals(isRecord(report.data) ? report.data : null);
  // Only the numbers there are, newest first: counting down from the newest read every number
  // below it, and a stray `50000000.json` (or `version: 50000000`) kept render busy for hours.
  const versions = [...new Set([...approvals.map((approval) => approval.version), ...files])].sort((a, b) => b - a);
  for (const version of versions) {
    const text = await read(version);
    // No file for this number that no approval names (never written, or removed with its approvals): nothing to compare with.
    if (text === null && !approvals.some((approval) => approval.version === version)) continue;
    const release = readRelease(text, approvals, version, locale, current.model);
    if ('problem' in release) return { version, ...release };
    if (release.text === current.json) continue;
    // A change of form only (a re-wrapped paragraph) is no news for the public.
    return { since: version, items: releaseChanges(release.model, current.model).filter((change) => !change.formOnly).map((change) => change.text) };
  }
  return null;
}

/**
 * Why "What's new", though asked for, shows no box: the report was never released (no approval, no
 * release file), what it publishes is what its releases hold, or only the form changed since the
 * release it compares with (no news for the public). `found` is what {@link previousRelease} gave for
 * `report` and the release files `files`; `null` when there is a box. The output is right without
 * the box, but `render --whats-new` left it out without a word, and the user asked for it.
 */
export function noWhatsNew(found: WhatsNew | null, report: ParsedReport, files: readonly number[], locale: Locale = 'en'): string | null {
  if (found !== null) {
    if (found.items.length > 0) return null;
    return t(
      locale,
      { en: 'no "What\'s new" box: only the form changed since release {version} (no news for the public)', de: 'kein Kasten „Was ist neu“: seit Release {version} hat sich nur die Form geändert (keine Neuigkeit für die Öffentlichkeit)' },
      { version: found.since },
    );
  }
  const versions = [...readApprovals(isRecord(report.data) ? report.data : null).map((approval) => approval.version), ...files];
  if (versions.length === 0) {
    return t(locale, {
      en: 'no "What\'s new" box: the report was never released (no approval, no release file), so there is nothing to compare with',
      de: 'kein Kasten „Was ist neu“: Der Bericht wurde nie freigegeben (keine Freigabe, keine Release-Datei), es gibt nichts zum Vergleichen',
    });
  }
  return t(
    locale,
    { en: 'no "What\'s new" box: what it publishes has not changed since release {version}', de: 'kein Kasten „Was ist neu“: Was er veröffentlicht, hat sich seit Release {version} nicht geändert' },
    { version: Math.max(...versions) },
  );
}
