import { pathToFileURL } from 'node:url';
import type { Formatter } from './types';
import { RULES } from '../../core';
import type { Severity } from '../../core';
import { docsFor } from '../ruleDocs';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * `--format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it — one run, every rule with its
 * help text, results with physical locations (repository-relative URIs, 1-based regions in UTF-16
 * columns, end column exclusive).
 */
export const formatSarif: Formatter = (results, { locale }) => {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const sarifResults = results.flatMap((result) =>
    result.findings.map((finding) => ({
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId) ?? -1,
      level: LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: toUri(result.file), uriBaseId: '%SRCROOT%' },
            region: regionOf(finding),
          },
          ...(finding.path !== null ? { logicalLocations: [{ fullyQualifiedName: finding.path || '/', kind: 'member' }] } : {}),
        },
      ],
      ...(finding.related?.length
        ? {
            relatedLocations: finding.related.map((related, id) => ({
              id,
              physicalLocation: {
                artifactLocation: { uri: toUri(related.file), uriBaseId: '%SRCROOT%' },
                region: regionOf(related),
              },
              message: { text: related.message },
            })),
          }
        : {}),
    })),
  );
  const invocationErrors = results.filter((r) => r.ioError);
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'incident-report',
            semanticVersion: '0.1.0',
            rules: RULES.map((rule) => ({
              id: rule.id,
              name: rule.id.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase()),
              shortDescription: { text: rule.description[locale] },
              fullDescription: { text: rule.description[locale] },
              help: { text: docsFor(rule.id, locale).text, markdown: docsFor(rule.id, locale).markdown },
              defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(process.cwd()).href + '/' } },
        invocations: [
          {
            executionSuccessful: invocationErrors.length === 0,
            toolExecutionNotifications: invocationErrors.map((r) => ({
              level: 'error',
              message: { text: `${r.file}: ${r.ioError}` },
            })),
          },
        ],
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};

/** A SARIF region: 1-based, end column exclusive and never before the start on the same line. */
function regionOf(at: { line: number; column: number; endLine: number; endColumn: number }) {
  return {
    startLine: at.line,
    startColumn: at.column,
    endLine: at.endLine,
    endColumn: Math.max(at.endColumn, at.endLine === at.line ? at.column : 1),
  };
}

function toUri(file: string): string {
  return file
    .replace(/\\/g, '/')
    .replace(/^\.\//, '')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}
