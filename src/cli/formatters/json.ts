import type { Formatter } from './types';

/**
 * `--format json`: `[{file, findings: [{ruleId, severity, message, line, column, endLine, endColumn, path, related?}]}]`;
 * `related: [{file, line, column, message}]` only on findings of cross-file rules.
 */
export const formatJson: Formatter = (results) =>
  JSON.stringify(
    results.map((result) => ({
      file: result.file,
      ...(result.ioError ? { error: result.ioError } : {}),
      findings: result.findings.map(({ ruleId, severity, message, line, column, endLine, endColumn, path, related }) => ({
        ruleId,
        severity,
        message,
        line,
        column,
        endLine,
        endColumn,
        path,
        ...(related?.length ? { related: related.map((r) => ({ file: r.file, line: r.line, column: r.column, message: r.message })) } : {}),
      })),
    })),
    null,
    2,
  ) + '\n';
