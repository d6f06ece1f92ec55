import { parseArgs } from 'node:util';
import { findOutput, OUTPUTS, parseDateTime, PRESS_RELEASE_OUTPUT_ID, RULE_IDS, toLocale, type Locale, type RuleLevel } from '../core';

/** A usage problem: exit code 2 with this message. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface LintArgs {
  command: 'lint';
  inputs: string[];
  format: 'stylish' | 'json' | 'sarif' | 'github';
  locale: Locale;
  /** True when `--locale` was given (it then wins over the configuration file's `locale`). */
  explicitLocale: boolean;
  schema: string | null;
  /** `--config FILE`: this configuration for every file instead of the nearest `.incident-report.json`. */
  config: string | null;
  /** `--internal-domain` (repeatable): replaces the configured list. */
  internalDomains: string[] | null;
  ticketPattern: string | null;
  maxWarnings: number | null;
  quiet: boolean;
  rules: Record<string, RuleLevel>;
  timeZone: string | undefined;
  color: boolean;
  /** `--now`: the instant deadlines and "in the future" are measured against (epoch ms), else the clock. */
  now: number | undefined;
  /** `--max-size N`: largest report checked, in characters (`undefined`: the default). */
  maxSize: number | undefined;
}

export interface RenderArgs {
  command: 'render';
  input: string;
  /** `--as ID`: which registered output (outputs.ts) to render. */
  output: string;
  /** One of the output's formats (its first when `--format` is not given). */
  format: string;
  out: string | null;
  strict: boolean;
  locale: Locale;
  explicitLocale: boolean;
  schema: string | null;
  config: string | null;
  timeZone: string | undefined;
  now: number | undefined;
  maxSize: number | undefined;
}

export type CliArgs = LintArgs | RenderArgs | { command: 'help' } | { command: 'version' };

const LEVELS = new Set(['error', 'warning', 'info', 'off']);

/** The message language when `--locale` is not given: from LC_ALL, LC_MESSAGES or LANG. */
export function environmentLocale(env: NodeJS.ProcessEnv): Locale {
  return toLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE);
}

/** Parses the command line; throws {@link UsageError} with a precise message on bad input. */
export function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv, isTTY: boolean): CliArgs {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') return { command: 'help' };
  if (command === '--version' || command === '-v') return { command: 'version' };
  if (command !== 'lint' && command !== 'render') {
    throw new UsageError(`unknown command "${command}"; use "lint" or "render" (see --help)`);
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        locale: { type: 'string' },
        schema: { type: 'string' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        rule: { type: 'string', multiple: true },
        'time-zone': { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        out: { type: 'string', short: 'o' },
        strict: { type: 'boolean' },
        config: { type: 'string', short: 'c' },
        'internal-domain': { type: 'string', multiple: true },
        'ticket-pattern': { type: 'string' },
        'max-size': { type: 'string' },
        as: { type: 'string' },
        now: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const locale = values.locale === undefined ? environmentLocale(env) : checkLocale(values.locale);
  const now = values.now === undefined ? undefined : checkNow(values.now);
  let maxSize: number | undefined;
  if (values['max-size'] !== undefined) {
    if (!/^[1-9]\d*$/.test(values['max-size'])) throw new UsageError(`--max-size takes a whole number of characters > 0, not "${values['max-size']}"`);
    maxSize = Number(values['max-size']);
  }

  if (command === 'render') {
    if (positionals.length !== 1) throw new UsageError('render takes exactly one report file');
    const outputId = values.as ?? PRESS_RELEASE_OUTPUT_ID;
    const output = findOutput(outputId);
    if (!output) throw new UsageError(`--as must be one of ${OUTPUTS.map((o) => o.id).join(', ')}, not "${outputId}"`);
    const format = values.format ?? output.formats[0]!;
    if (!output.formats.includes(format)) {
      throw new UsageError(`--format for render --as ${output.id} must be ${output.formats.map((f) => `"${f}"`).join(' or ')}, not "${format}"`);
    }
    return {
      command,
      input: positionals[0]!,
      output: output.id,
      maxSize,
      format,
      out: values.out ?? null,
      strict: values.strict ?? false,
      locale,
      explicitLocale: values.locale !== undefined,
      schema: values.schema ?? null,
      config: values.config ?? null,
      timeZone: values['time-zone'],
      now,
    };
  }

  if (positionals.length === 0) throw new UsageError('lint needs at least one file, directory or glob');
  const format = values.format ?? 'stylish';
  if (format !== 'stylish' && format !== 'json' && format !== 'sarif' && format !== 'github') {
    throw new UsageError(`--format must be "stylish", "json", "sarif" or "github", not "${format}"`);
  }
  for (const suffix of values['internal-domain'] ?? []) {
    if (!/^\.\S+$/.test(suffix)) throw new UsageError(`--internal-domain takes a domain suffix starting with a dot (e.g. .intern), not "${suffix}"`);
  }
  const ticketPattern = values['ticket-pattern'];
  if (ticketPattern !== undefined) {
    try {
      if (ticketPattern === '') throw new Error('it is empty');
      new RegExp(ticketPattern, 'g');
    } catch (error) {
      throw new UsageError(`--ticket-pattern is not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  let maxWarnings: number | null = null;
  if (values['max-warnings'] !== undefined) {
    if (!/^\d+$/.test(values['max-warnings'])) throw new UsageError(`--max-warnings takes a whole number ≥ 0, not "${values['max-warnings']}"`);
    maxWarnings = Number(values['max-warnings']);
  }
  const rules: Record<string, RuleLevel> = {};
  for (const spec of values.rule ?? []) {
    const m = /^([\w-]+)=(\w+)$/.exec(spec);
    if (!m || !RULE_IDS.includes(m[1]!) || !LEVELS.has(m[2]!)) {
      throw new UsageError(`--rule takes RULE=LEVEL with RULE one of ${RULE_IDS.join(', ')} and LEVEL error, warning, info or off; got "${spec}"`);
    }
    rules[m[1]!] = m[2] as RuleLevel;
  }
  const color = values['no-color'] ? false : (values.color ?? (isTTY && !env.NO_COLOR));
  return {
    command,
    inputs: positionals,
    format,
    locale,
    explicitLocale: values.locale !== undefined,
    schema: values.schema ?? null,
    config: values.config ?? null,
    internalDomains: values['internal-domain'] ?? null,
    ticketPattern: ticketPattern ?? null,
    maxWarnings,
    quiet: values.quiet ?? false,
    rules,
    timeZone: values['time-zone'],
    color,
    now,
    maxSize,
  };
}

/** `--now` takes an RFC 3339 instant: a date-time with seconds and a UTC offset. */
function checkNow(value: string): number {
  const parsed = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i.test(value) ? parseDateTime(value) : null;
  if (!parsed || !parsed.offset) {
    throw new UsageError(`--now takes an RFC 3339 date-time with offset, e.g. 2023-10-30T09:00:00+01:00 or 2023-10-30T08:00:00Z; got "${value}"`);
  }
  return parsed.epochMs;
}

function checkLocale(value: string): Locale {
  if (value !== 'de' && value !== 'en') throw new UsageError(`--locale must be "de" or "en", not "${value}"`);
  return value;
}

/** The text of `--help`. */
export const HELP = `incident-report — lint and render Markdown incident reports

Usage:
  incident-report lint [options] <file|dir|glob>...
  incident-report render <file> [--as OUTPUT] [--format FORMAT] [--out FILE] [--strict] [--config FILE]

Lint options:
  -f, --format stylish|json|sarif|github
                                    output format (default: stylish); github prints
                                    GitHub Actions annotations
  -c, --config FILE                 use this configuration for every file (default: the
                                    nearest .incident-report.json above each file)
      --locale de|en                message language (default: the configuration's, else LANG)
      --schema FILE                 use this JSON Schema instead of the bundled one
      --max-warnings N              exit 1 when there are more than N warnings
  -q, --quiet                       report errors only
      --rule RULE=LEVEL             set a rule to error, warning, info or off (repeatable)
      --time-zone ZONE              IANA zone for timestamps without offset (default: the system's)
      --internal-domain SUFFIX      internal domain suffix such as .intern (repeatable; replaces
                                    the configured list)
      --ticket-pattern RE           regular expression of internal ticket IDs
      --color / --no-color          force or disable colours
      --now INSTANT                 measure deadlines against this RFC 3339 instant (default: the clock)
      --max-size N                  largest report checked, in characters (default: 2097152);
                                    a larger one is an error (size-limit), never skipped silently

Options given on the command line win over the configuration file; --rule changes only the
rules it names.

Render options:
      --as OUTPUT                   which output: ${OUTPUTS.map((o) => o.id).join(', ')} (default: ${PRESS_RELEASE_OUTPUT_ID})
  -f, --format FORMAT               the output's format (press-release: html or text; drafts: text,
                                    html or md; default: the first)
      --locale de|en                drafts: this language instead of the report's
      --now INSTANT                 "now" for deadlines, drafts and the dateline (RFC 3339)
  -o, --out FILE                    write to FILE instead of stdout
      --strict                      refuse to render a report with errors (exit 1)
      --max-size N                  as for lint; a report over the limit is never rendered
  -c, --config FILE                 as for lint (default: the nearest .incident-report.json)

Directories are searched for incident reports: Markdown files with "schema: incident-report/v1"
in their frontmatter, or matching **/incidents/**/*.md or **/*.incident.md (or the configuration's
"files", relative to its folder).

Exit codes: 0 clean, 1 errors (or too many warnings), 2 usage, configuration or I/O problem.
`;
