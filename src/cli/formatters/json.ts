import type { Formatter } from './types';

/**
 * `--format json`: `[{file, findings: [{ruleId, severity, message, line, column, endLine, endColumn, path, related?, suppressed?}]}]`;
 * `related: [{file, line, column, message}]` only on findings of cross-file rules,
 * `suppressed: {justification}` only on findings an inline directive suppresses.
 */
export const formatJson: Formatter = (results) =>
  JSON.stringify(
    results.map((result) => ({
      file: result.file,
      ...(result.ioError ? { error: result.ioError } : {}),
      findings: result.findings.map(({ ruleId, severity, message, line, column, endLine, endColumn, path, related, suppressed }) => ({
        ruleId,
        severity,
        message,
        line,
        column,
        endLine,
        endColumn,
        path,
        ...(related?.length ? { related: related.map((r) => ({ file: r.file, line: r.line, column: r.column, message: r.message })) } : {}),
        ...(suppressed ? { suppressed: { justification: suppressed.justification } } : {}),
      })),
    })),
    null,
    2,
  ) + '\n';
