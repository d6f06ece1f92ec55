import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { existingMembers, isIncidentReport, isRecord, isValidTimeZone, memberId, membersFolderName, newMemberTemplate, organizationKey, parseReport, readMemberList, systemTimeZone, t, type Locale, type Localized } from '../core';
import type { NewArgs } from './args';
import { matchPath } from './files';
import { describeIoError } from './ioError';
import { decodeUtf8, NotUtf8Error, readTextFile } from './textFile';
import { UsageError } from './args';
import { processStdin, readStdin, STDIN_NAME, STDIO_ARG, type StdinSource } from './stdin';
import type { CommandOutcome } from './lintCommand';

/**
 * `incident-report new --parent FILE --organizations FILE`: one member report per organisation,
 * in the parent's language, with `parent:` set and the shared facts copied. Prints each path
 * written; a file that exists already is never replaced (the new one gets a `-2`, `-3`… suffix).
 * An organisation that already has a member report of this parent in the folder gets none again
 * (said on stderr), so running it again with a longer list adds only the new members.
 */
export async function runNew(args: NewArgs, now: number = Date.now(), stdin: StdinSource = processStdin): Promise<CommandOutcome> {
  const { locale } = args;
  const say = (text: Localized, values?: Record<string, string | number>) => t(locale, text, values);
  let parentText: string;
  let listText: string;
  try {
    parentText = await readTextFile(args.parent);
  } catch (error) {
    // Named with its option, as `--config` is: which of the two files could not be read.
    return failed(`--parent ${args.parent}: ${describeIoError(error, locale)}`);
  }
  // `--organizations -`: the list piped in (`cut -d, -f1 kommunen.csv | incident-report new …`),
  // named `<stdin>` in messages; decoded as strictly as a file.
  const listName = args.organizations === STDIO_ARG ? STDIN_NAME : args.organizations;
  try {
    listText = args.organizations === STDIO_ARG ? decodeUtf8(await readStdin(stdin, `new --parent ${args.parent} --organizations - < organizations.txt`)) : await readTextFile(args.organizations);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    return failed(`${args.organizations === STDIO_ARG ? listName : `--organizations ${listName}`}: ${describeIoError(error, locale)}`);
  }
  const data = parseReport(parentText).data;
  if (!isRecord(data) || !isIncidentReport(parentText, matchPath(args.parent))) {
    return failed(`${args.parent}: ${say({ en: 'not an incident report (no frontmatter with "schema: incident-report/v1")', de: 'kein Vorfallsbericht (keine Frontmatter mit "schema: incident-report/v1")' })}`);
  }
  const { members, unusable, duplicates } = readMemberList(listText);
  // Refused as a whole (nothing written): a name without a letter or digit gives no file name.
  if (unusable.length > 0) {
    return {
      stdout: '',
      stderr: unusable
        .map(
          (u) =>
            `incident-report: ${listName}: ${say(
              {
                en: 'line {line}: {name} is no organisation name (no letter or digit, so no file name); correct or remove the line',
                de: 'Zeile {line}: {name} ist kein Name einer Organisation (kein Buchstabe und keine Ziffer, also kein Dateiname); die Zeile korrigieren oder entfernen',
              },
              { line: u.line, name: JSON.stringify(u.organization) },
            )}\n`,
        )
        .join(''),
      exitCode: 2,
    };
  }
  if (members.length === 0) return failed(`${listName}: ${say({ en: 'no organisation names (one per line)', de: 'keine Namen von Organisationen (einer je Zeile)' })}`);
  let stderr = duplicates
    .map(
      (d) =>
        `incident-report: ${listName}: ${say(
          {
            en: 'line {line}: {name} is {sameAs} of line {sameAsLine}, written differently; one member report for both',
            de: 'Zeile {line}: {name} ist {sameAs} aus Zeile {sameAsLine}, anders geschrieben; ein Mitgliedsbericht für beide',
          },
          { line: d.line, name: JSON.stringify(d.organization), sameAs: JSON.stringify(d.sameAs), sameAsLine: d.sameAsLine },
        )}\n`,
    )
    .join('');

  const folder = args.out ?? join(dirname(args.parent), membersFolderName(basename(args.parent)));
  const parentRef = relative(folder, args.parent).replace(/\\/g, '/');
  const zone = args.timeZone && isValidTimeZone(args.timeZone) ? args.timeZone : systemTimeZone();
  let existing: Map<string, string>;
  try {
    await mkdir(folder, { recursive: true });
    existing = await membersIn(folder, args.parent, locale);
  } catch (error) {
    if (error instanceof MemberNotUtf8) return failed(`${error.path}: ${say({ en: '{problem}; no member report was created', de: '{problem}; es wurde kein Mitgliedsbericht angelegt' }, { problem: error.message })}`);
    // `--out` names a file, or a path through one: say so instead of an internal error with a stack.
    return failed(`${args.out !== undefined ? `--out ${folder}` : folder}: ${describeIoError(error, locale)}`);
  }
  const written: string[] = [];
  for (const { organization, location } of members) {
    const known = existing.get(organizationKey(organization));
    if (known !== undefined) {
      stderr += `incident-report: ${organization}: ${say({ en: 'has a member report of {parent} already ({known}); not created again', de: 'hat schon einen Mitgliedsbericht von {parent} ({known}); nicht erneut angelegt' }, { parent: args.parent, known })}\n`;
      continue;
    }
    const base = memberId(organization, now, zone);
    for (let n = 1; ; n++) {
      const id = n === 1 ? base : `${base}-${n}`;
      const file = join(folder, `${id}.md`);
      const text = newMemberTemplate({ parent: data, parentRef, organization, location, id, now, timeZone: zone });
      try {
        // `wx`: fails when the file exists, so nothing is ever overwritten, even in a race.
        await writeFile(file, text, { flag: 'wx' });
        written.push(file);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return { stdout: written.map((f) => f + '\n').join(''), stderr: `${stderr}incident-report: ${file}: ${describeIoError(error, locale)}\n`, exitCode: 2 };
      }
    }
  }
  return { stdout: written.map((file) => file + '\n').join(''), stderr, exitCode: 0 };
}

/** The member reports of `parent` in `folder` (its `.md` files, not below), by {@link organizationKey}; unreadable files are no members. */
async function membersIn(folder: string, parent: string, locale: Locale): Promise<Map<string, string>> {
  const files: Array<{ path: string; text: string }> = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.toLowerCase().endsWith('.md')) continue;
    const path = join(folder, entry.name);
    try {
      files.push({ path, text: await readTextFile(path) });
    } catch (error) {
      // A member report of this parent that is not UTF-8 has its organisation garbled (U+FFFD for
      // every umlaut): read leniently, "Stadt Lünen" got a second member report. Refused instead.
      if (error instanceof NotUtf8Error && existingMembers(resolve(parent), [{ path: resolve(path), text: error.lenientText }]).size > 0) {
        throw new MemberNotUtf8(relative(process.cwd(), path) || path, t(locale, error.text));
      }
      // Any other file that cannot be read is no member this run can know of; the new report is still written.
    }
  }
  // Paths compared absolute: `--out` and `--parent` may be given relative to different places.
  const byAbsolute = existingMembers(resolve(parent), files.map((f) => ({ path: resolve(f.path), text: f.text })));
  // By organizationKey: a member report of "Stadt Lüdenscheid" is one of "stadt lüdenscheid" too.
  return new Map([...byAbsolute].map(([organization, path]) => [organizationKey(organization), relative(process.cwd(), path) || path]));
}

/** A member report of the parent in the folder that is not UTF-8 (`message`: the decoder's words, in the run's language). */
class MemberNotUtf8 extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

function failed(message: string): CommandOutcome {
  return { stdout: '', stderr: `incident-report: ${message}\n`, exitCode: 2 };
}
