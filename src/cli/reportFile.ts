import { isRecord, parseReport, t, withoutBom, type Locale, type ParsedReport } from '../core';
import { describeIoError } from './ioError';
import { readTextFile } from './textFile';
import type { CommandOutcome } from './lintCommand';

/** A report read for `approve` or `changes`: its text without BOM, whether it had one, and its parse. */
export interface ReportFile {
  text: string;
  bomLength: number;
  report: ParsedReport;
  data: Record<string, unknown>;
}

/** `incident-report: MESSAGE` on stderr, exit 2. */
export function usageFailure(message: string): CommandOutcome {
  return { stdout: '', stderr: `incident-report: ${message}\n`, exitCode: 2 };
}

/**
 * Reads and parses one report; the outcome to return (exit 2) when it cannot be read or has no
 * readable frontmatter mapping (messages in `locale`).
 */
export async function readReportFile(file: string, locale: Locale): Promise<ReportFile | CommandOutcome> {
  let raw: string;
  try {
    raw = await readTextFile(file);
  } catch (error) {
    return usageFailure(`${file}: ${describeIoError(error, locale)}`);
  }
  const { text, bomLength } = withoutBom(raw);
  const report = parseReport(text);
  if (report.frontmatter.kind !== 'yaml' || !isRecord(report.data)) {
    return usageFailure(
      `${file}: ${t(locale, { en: 'not an incident report with readable frontmatter; run `incident-report lint {file}`', de: 'kein Vorfallsbericht mit lesbarer Frontmatter; `incident-report lint {file}` ausführen' }, { file })}`,
    );
  }
  return { text, bomLength, report, data: report.data };
}
