import { dirname, join } from 'node:path';
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { ConfigError, exportFileName, FEED_FILE, findOutput, OUTPUTS, OutputIds, reportBaseName, SchemaLoadError, t } from '../core';
import { parseCli, UsageError, type RenderArgs } from '../cli/args';
import { runRender } from '../cli/renderCommand';
import { filePath } from './uris';

/** The command `workspace/executeCommand` runs: writes an output of the registry next to the report. */
export const RENDER_COMMAND = 'incident-report.render';

/** What `incident-report.render` answers. */
export interface RenderResult {
  /** The files written (absolute paths); empty when nothing was written. */
  files: string[];
  /** The CLI's exit code: 0 written, 1 refused (the report could not be checked), 2 a problem. */
  exitCode: number;
  /** What the CLI says on stderr: findings summary, "wrote …", or why not. */
  messages: string;
}

/**
 * `incident-report.render` with `{ uri, output?, format? }` (or `[uri, output?, format?]`): renders
 * the saved report at `uri` exactly as `incident-report render --as OUTPUT --format FORMAT --out …`
 * does, next to the report (`report.press-release.html`, a folder `report.status-page/` for the
 * status page, `report.gdpr-art33.txt` for a draft). Unknown outputs or formats are an error
 * response naming what exists.
 */
export async function renderCommand(args: readonly unknown[] | undefined, restricted: boolean): Promise<RenderResult> {
  const first = args?.[0];
  const given = typeof first === 'object' && first !== null ? (first as Record<string, unknown>) : { uri: first, output: args?.[1], format: args?.[2] };
  const invalid = (message: string) => new ResponseError(ErrorCodes.InvalidParams, `${RENDER_COMMAND}: ${message}`);
  if (typeof given.uri !== 'string') throw invalid('needs the report\'s URI: { "uri": "file:///…", "output": "press-release", "format": "html" }');
  const path = filePath(given.uri);
  if (path === null) throw invalid(`only file: URIs can be rendered next to the report, not ${given.uri}`);
  const outputId = given.output === undefined ? OutputIds.pressRelease : given.output;
  const output = typeof outputId === 'string' ? findOutput(outputId) : undefined;
  if (!output) throw invalid(`unknown output ${JSON.stringify(outputId)}; known: ${OUTPUTS.map((o) => o.id).join(', ')}`);
  const format = given.format === undefined ? output.formats[0]! : given.format;
  if (typeof format !== 'string' || !output.formats.includes(format)) throw invalid(`${output.id} has no format ${JSON.stringify(format)}; it has ${output.formats.join(', ')}`);
  const out = output.id === OutputIds.statusPage ? join(dirname(path), `${reportBaseName(path)}.${output.id}`) : join(dirname(path), exportFileName(path, output.id, format));
  let parsed: RenderArgs;
  try {
    parsed = parseCli(['render', '--as', output.id, '--format', format, '--out', out, path], process.env, false) as RenderArgs;
  } catch (error) {
    if (error instanceof UsageError) throw invalid(error.message);
    throw error;
  }
  let outcome;
  try {
    outcome = await runRender({ ...parsed, restricted });
  } catch (error) {
    // The CLI's exit 2 problems: an invalid .incident-report.json, an unusable schema, an unreadable file.
    if (error instanceof ConfigError) return { files: [], exitCode: 2, messages: error.describe(parsed.locale) };
    if (error instanceof UsageError) return { files: [], exitCode: 2, messages: t(parsed.explicitLocale ? parsed.locale : (error.locale ?? parsed.locale), error.text) };
    if (error instanceof SchemaLoadError) return { files: [], exitCode: 2, messages: t(parsed.locale, error.text) };
    throw error;
  }
  const files = outcome.exitCode !== 0 ? [] : output.id === OutputIds.statusPage ? [join(out, format === 'text' ? 'index.txt' : 'index.html'), join(out, FEED_FILE)] : [out];
  return { files, exitCode: outcome.exitCode, messages: outcome.stderr };
}
