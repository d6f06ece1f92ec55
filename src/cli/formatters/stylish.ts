import type { Formatter } from './types';
import { t } from '../../core';

const COLORS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', dim: '\x1b[2m', bold: '\x1b[1m', underline: '\x1b[4m', reset: '\x1b[0m' };

/**
 * `--format stylish`: findings grouped by file as `line:col severity message ruleId`, then a summary.
 * Findings an inline directive suppresses are not listed; the summary counts them.
 */
export const formatStylish: Formatter = (results, { locale, color }) => {
  // No file checked: there is nothing to sum up, and "no problems" would read as a clean run (the
  // reason is on stderr, with exit code 2).
  if (results.length === 0) return '';
  const paint = (code: keyof typeof COLORS, text: string) => (color ? COLORS[code] + text + COLORS.reset : text);
  const lines: string[] = [];
  const totals = { error: 0, warning: 0, info: 0 };
  let suppressed = 0;
  for (const result of results) {
    if (result.ioError) {
      lines.push(paint('underline', result.file), `  ${paint('error', 'error')}  ${result.ioError}`, '');
      totals.error++;
      continue;
    }
    const shown = result.findings.filter((f) => !f.suppressed);
    suppressed += result.findings.length - shown.length;
    if (shown.length === 0) continue;
    lines.push(paint('underline', result.file));
    const rows = shown.map((f) => [`${f.line}:${f.column}`, f.severity, f.message, f.ruleId, f.related ?? []] as const);
    const posWidth = Math.max(...rows.map((r) => r[0].length));
    for (const [pos, severity, message, ruleId, related] of rows) {
      totals[severity]++;
      lines.push(`  ${paint('dim', pos.padEnd(posWidth))}  ${paint(severity, severity.padEnd(7))}  ${message}  ${paint('dim', ruleId)}`);
      // The other file's place, in the `file:line:col` form terminals and editors turn into links.
      for (const r of related) lines.push(`  ${' '.repeat(posWidth)}  ${paint('dim', `↳ ${r.file}:${r.line}:${r.column} ${r.message}`)}`);
    }
    lines.push('');
  }
  const problems = totals.error + totals.warning + totals.info;
  const suppressedNote = suppressed > 0 ? t(locale, { en: ', {n} suppressed', de: ', {n} unterdrückt' }, { n: suppressed }) : '';
  if (problems === 0) {
    lines.push(t(locale, { en: '✔ {files} file(s) checked, no problems', de: '✔ {files} Datei(en) geprüft, keine Probleme' }, { files: results.length }) + suppressedNote);
  } else {
    // The counts in parentheses add up to the problems; suppressed findings are no problems and
    // follow outside them, as in the "no problems" line.
    const summary = t(
      locale,
      {
        en: '✖ {problems} problem(s) ({errors} error(s), {warnings} warning(s), {infos} info) in {files} file(s){suppressed}',
        de: '✖ {problems} Problem(e) ({errors} Fehler, {warnings} Warnung(en), {infos} Hinweis(e)) in {files} Datei(en){suppressed}',
      },
      { problems, errors: totals.error, warnings: totals.warning, infos: totals.info, files: results.length, suppressed: suppressedNote },
    );
    lines.push(paint(totals.error ? 'error' : 'warning', paint('bold', summary)));
  }
  return lines.join('\n') + '\n';
};
