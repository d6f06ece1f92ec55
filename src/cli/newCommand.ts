import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { isIncidentReport, isRecord, isValidTimeZone, memberId, memberList, membersFolderName, newMemberTemplate, parseReport, systemTimeZone } from '../core';
import type { NewArgs } from './args';
import { matchPath } from './files';
import { describeIoError } from './ioError';
import type { CommandOutcome } from './lintCommand';

/**
 * `incident-report new --parent FILE --organizations FILE`: one member report per organisation,
 * in the parent's language, with `parent:` set and the shared facts copied. Prints each path
 * written; a file that exists already is never replaced (the new one gets a `-2`, `-3`… suffix).
 */
export async function runNew(args: NewArgs, now: number = Date.now()): Promise<CommandOutcome> {
  let parentText: string;
  let listText: string;
  try {
    parentText = await readFile(args.parent, 'utf8');
  } catch (error) {
    return failed(`${args.parent}: ${describeIoError(error)}`);
  }
  try {
    listText = await readFile(args.organizations, 'utf8');
  } catch (error) {
    return failed(`${args.organizations}: ${describeIoError(error)}`);
  }
  const data = parseReport(parentText).data;
  if (!isRecord(data) || !isIncidentReport(parentText, matchPath(args.parent))) {
    return failed(`${args.parent}: not an incident report (no frontmatter with "schema: incident-report/v1")`);
  }
  const members = memberList(listText);
  if (members.length === 0) return failed(`${args.organizations}: no organisation names (one per line)`);

  const folder = args.out ?? join(dirname(args.parent), membersFolderName(basename(args.parent)));
  const parentRef = relative(folder, args.parent).replace(/\\/g, '/');
  const zone = args.timeZone && isValidTimeZone(args.timeZone) ? args.timeZone : systemTimeZone();
  await mkdir(folder, { recursive: true });
  const written: string[] = [];
  for (const { organization, location } of members) {
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
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return { stdout: written.map((f) => f + '\n').join(''), stderr: `incident-report: ${file}: ${describeIoError(error)}\n`, exitCode: 2 };
      }
    }
  }
  return { stdout: written.map((file) => file + '\n').join(''), stderr: '', exitCode: 0 };
}

function failed(message: string): CommandOutcome {
  return { stdout: '', stderr: `incident-report: ${message}\n`, exitCode: 2 };
}
