import type { Formatter } from './types';

/** `--format json`: `[{file, findings: [{ruleId, severity, message, line, column, endLine, endColumn, path}]}]`. */
export const formatJson: Formatter = (results) =>
  JSON.stringify(
    results.map((result) => ({
      file: result.file,
      ...(result.ioError ? { error: result.ioError } : {}),
      findings: result.findings.map(({ ruleId, severity, message, line, column, endLine, endColumn, path }) => ({
        ruleId,
        severity,
        message,
        line,
        column,
        endLine,
        endColumn,
        path,
      })),
    })),
    null,
    2,
  ) + '\n';
