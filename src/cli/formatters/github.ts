import { resolve, sep } from 'node:path';
import { pathInside } from '../paths';
import type { Severity } from '../../core';
import type { Formatter } from './types';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escapes a workflow command's message (GitHub's rules: `%`, CR and LF). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value: as a message, plus `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** The path GitHub maps onto the checkout: relative to the working directory (the workspace), `/`-separated. */
function annotationPath(file: string, cwd: string): string {
  const absolute = resolve(cwd, file);
  const inside = pathInside(cwd, absolute);
  if (!inside) return absolute;
  return inside.split(sep).join('/');
}

/**
 * `--format github`: one GitHub Actions workflow command per finding
 * (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`), which the runner turns into
 * annotations on the pull request. Info findings become notices; a file that cannot be read is an
 * error annotation on the file; a suppressed finding is none. Nothing else is printed, so the log holds exactly the annotations.
 */
export const formatGithub: Formatter = (results) => {
  const cwd = process.cwd();
  const lines: string[] = [];
  for (const result of results) {
    const file = escapeProperty(annotationPath(result.file, cwd));
    if (result.ioError) {
      lines.push(`::error file=${file},title=${escapeProperty('incident-report')}::${escapeData(result.ioError)}`);
      continue;
    }
    for (const f of result.findings) {
      // A finding suppressed with a reason is no annotation (lint --format sarif keeps it, dismissed).
      if (f.suppressed) continue;
      const properties = [
        `file=${file}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(`incident-report (${f.ruleId})`)}`,
      ];
      lines.push(`::${COMMAND[f.severity]} ${properties.join(',')}::${escapeData(f.message)}`);
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
};
