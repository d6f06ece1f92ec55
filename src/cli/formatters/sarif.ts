import { resolve, sep } from 'node:path';
import { pathInside } from '../paths';
import { pathToFileURL } from 'node:url';
import type { Formatter } from './types';
import { RULES } from '../../core';
import type { Severity } from '../../core';
import { REPOSITORY_URL, ruleHelpUri, TOOL_VERSION } from '../packageInfo';
import { docsFor } from '../ruleDocs';

/** The base that relative artifact URIs resolve against: the working directory of the run. */
const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * `--format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it — one run, every rule with its
 * help text and a link to its documentation, results with physical locations (URIs relative to the
 * working directory, or absolute `file:` URIs for files outside it; 1-based regions in UTF-16
 * columns, end column exclusive). It passes the official validator (`Sarif.Multitool validate`,
 * test/unit/sarifValidator.test.ts) without errors or warnings.
 */
export const formatSarif: Formatter = (results, { locale }) => {
  const cwd = process.cwd();
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
            artifactLocation: artifactLocation(result.file, cwd),
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
                artifactLocation: artifactLocation(related.file, cwd),
                region: regionOf(related),
              },
              message: { text: related.message },
            })),
          }
        : {}),
      // An inline directive's reason: code scanning shows the result as dismissed in source.
      ...(finding.suppressed ? { suppressions: [{ kind: 'inSource', justification: finding.suppressed.justification }] } : {}),
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
            semanticVersion: TOOL_VERSION,
            informationUri: REPOSITORY_URL,
            rules: RULES.map((rule) => ({
              id: rule.id,
              name: ruleName(rule.id),
              helpUri: ruleHelpUri(rule.id),
              shortDescription: { text: rule.description[locale] },
              fullDescription: { text: rule.description[locale] },
              help: { text: docsFor(rule.id, locale).text, markdown: docsFor(rule.id, locale).markdown },
              defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(cwd).href + '/' } },
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

/**
 * Where a file is, as SARIF wants it: inside the working directory a relative URI against
 * `%SRCROOT%` (what GitHub code scanning maps onto the repository); outside it an absolute `file:`
 * URI without a base, since a relative reference must not climb out of (or start with a slash
 * below) its base (SARIF1004).
 */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const absolute = resolve(cwd, file);
  const inside = pathInside(cwd, absolute);
  if (!inside) return { uri: pathToFileURL(absolute).href };
  return { uri: inside.split(sep).map((segment) => encodeURIComponent(segment)).join('/'), uriBaseId: SRCROOT };
}

/**
 * A rule's `name`: the id in PascalCase (`leak-ip` → `LeakIp`). The validator compares `name` and
 * `id` without regard to case (SARIF1001), so a one-word id gets `Rule` appended (`schema` →
 * `SchemaRule`).
 */
export function ruleName(ruleId: string): string {
  const pascal = ruleId.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase());
  return pascal.toLowerCase() === ruleId.toLowerCase() ? `${pascal}Rule` : pascal;
}
