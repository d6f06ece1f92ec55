import { parseArgs, type ParseArgsConfig } from 'node:util';
import { APPROVAL_ROLES, type ApprovalRole, checkOption, checkTimeZone, describeProblem, findOutput, type Locale, type Localized, optionFromFlag, OutputIds, OUTPUTS, parseDateTime, RULE_IDS, RULE_OPTIONS, type RuleLevel, type RuleOptionValues, t, timeZoneProblem, toLocale } from '../core';

/**
 * A usage problem: exit code 2 with this message. `text` is the message in both languages (a plain
 * string: the same in both, e.g. a path with Node's own words); `message` is its English. `locale`:
 * the language of the configuration file the problem is in, when it sets one (as for ConfigError).
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly text: Localized;
  readonly locale: Locale | undefined;

  constructor(text: string | Localized, locale?: Locale) {
    const both = typeof text === 'string' ? { en: text, de: text } : text;
    super(both.en);
    this.text = both;
    this.locale = locale;
  }
}

/**
 * The language of a usage problem found before the command line is understood: a valid `--locale`
 * (or `--locale=…`) anywhere before `--`, else the environment's.
 */
export function usageLocale(argv: readonly string[], env: NodeJS.ProcessEnv): Locale {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    const value = arg === '--locale' ? argv[i + 1] : arg.startsWith('--locale=') ? arg.slice('--locale='.length) : undefined;
    if (value === 'de' || value === 'en') return value;
  }
  return environmentLocale(env);
}

export interface LintArgs {
  command: 'lint';
  /** Files, directories or globs; or `-` alone: the report on standard input. */
  inputs: string[];
  /**
   * `--stdin-filename PATH` (only with `-`): where the text read from standard input belongs. Its
   * configuration, relative paths and name in the output come from it; `null`: the working
   * directory, named `<stdin>`.
   */
  stdinFilename: string | null;
  format: 'stylish' | 'json' | 'sarif' | 'github';
  locale: Locale;
  /** True when `--locale` was given (it then wins over the configuration file's `locale`). */
  explicitLocale: boolean;
  schema: string | null;
  /** `--config FILE`: this configuration for every file instead of the nearest `.incident-report.json`. */
  config: string | null;
  /** The rules' options given as flags (`--max-size`, `--internal-domain` …, declared by the rules): they win over the file. */
  options: RuleOptionValues;
  maxWarnings: number | null;
  quiet: boolean;
  rules: Record<string, RuleLevel>;
  timeZone: string | undefined;
  color: boolean;
  /** `--now`: the instant deadlines and "in the future" are measured against (epoch ms), else the clock. */
  now: number | undefined;
  /** `--jobs N|auto`: threads to lint on (1, the default: the main thread only). */
  jobs: number | 'auto';
  /** `--fix`: write every safe fix back to its file (what "Fix all" does in the editor), then report what is left. */
  fix: boolean;
}

export interface RenderArgs {
  command: 'render';
  /** Report files, directories or globs (several only for outputs that take several reports); or `-` alone: standard input. */
  inputs: string[];
  /** `--stdin-filename PATH`, as for lint. */
  stdinFilename: string | null;
  /** The output's ID in the registry (`press-release`, `status-page`, `atom`, `social`, …). */
  as: string;
  /** One of the output's formats (its first by default). */
  format: string;
  /** A file; for `status-page` a directory that gets `index.html` (or `index.txt`) and `feed.xml`; `null`: stdout (also for `--out -`). */
  out: string | null;
  /** `--max-chars` for social posts, or `null` for the default. */
  maxChars: number | null;
  /** `--link`: the status page's public URL, or `null`. */
  link: string | null;
  /** `--hashtag` values for social posts. */
  hashtags: string[];
  /** `--initial`: the GDPR Art. 33 first notification again, even after it was sent. */
  initial: boolean;
  /** `--controller NAME`: the controller a processor's notice (gdpr-art33-controller) goes to. */
  controller: string | null;
  /** The rules' options given as flags (`--max-size`, …): render lints as lint does. */
  options: RuleOptionValues;
  /** `--rule RULE=LEVEL`: the rules' levels for the verdict, as for lint; they win over the file. */
  rules: Record<string, RuleLevel>;
  /**
   * `--strict`: refuse a report that is not ready to publish. The default for public outputs (it is
   * still accepted); for confidential drafts it refuses a report with errors.
   */
  strict: boolean;
  /** `--draft`: render a public output that the publish verdict blocks, marked as a draft. */
  draft: boolean;
  /** `--whats-new`: a "What's new" box of the changes since the previous release (press release, status page). */
  whatsNew: boolean;
  locale: Locale;
  explicitLocale: boolean;
  schema: string | null;
  config: string | null;
  timeZone: string | undefined;
  now: number | undefined;
  /**
   * Restricted (the language server's `--no-custom-schema`): the configuration's `schema` and
   * `ticketPattern` are not used. Not a command-line option of `render`.
   */
  restricted?: boolean;
}

export interface NewArgs {
  command: 'new';
  /** The parent report the members belong to. */
  parent: string;
  /** A file with one organisation name per line, or `-`: the list on standard input. */
  organizations: string;
  /** Folder for the member reports (default: beside the parent, named after it). */
  out: string | null;
  timeZone: string | undefined;
  /** The language of the messages (`--locale`, else LANG's); the reports are in the parent's. */
  locale: Locale;
}

/** `incident-report approve --by NAME [--role ROLE] FILE`: sign off what the report publishes now. */
export interface ApproveArgs {
  command: 'approve';
  file: string;
  by: string;
  role: ApprovalRole | null;
  locale: Locale;
  /** `--now`: the time recorded (epoch ms), else the clock. */
  now: number | undefined;
  /** `--time-zone`: the zone the time is written in when the report has no `timezone`. */
  timeZone: string | undefined;
}

/** `incident-report changes FILE [--since N] [--format text|json]`: what changed since a release. */
export interface ChangesArgs {
  command: 'changes';
  file: string;
  /** `--since N`, else the newest release. */
  since: number | null;
  format: 'text' | 'json';
  locale: Locale;
  /** True when `--locale` was given (else the report's `lang` chooses the words). */
  explicitLocale: boolean;
}

/** `incident-report lsp --stdio [--no-custom-schema]`: the language server. */
export interface LspArgs {
  command: 'lsp';
  /** `--no-custom-schema`: restricted behaviour, as VS Code's untrusted workspace (no `schema`, no `ticketPattern`). */
  customSchema: boolean;
}

export type CliArgs = LintArgs | RenderArgs | NewArgs | LspArgs | ApproveArgs | ChangesArgs | { command: 'help' } | { command: 'version' };

const LEVELS = new Set(['error', 'warning', 'info', 'off']);

/** The message language when `--locale` is not given: from LC_ALL, LC_MESSAGES or LANG. */
export function environmentLocale(env: NodeJS.ProcessEnv): Locale {
  return toLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE);
}

/** Parses the command line; throws {@link UsageError} with a precise message on bad input. */
export function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv, isTTY: boolean): CliArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return { command: 'help' };
  if (command === '--version' || command === '-v') return { command: 'version' };
  if (asksForHelp(command, rest)) return { command: 'help' };
  if (command === 'lsp') return lspArgs(rest);
  if (command === 'approve' || command === 'changes') return releaseArgs(command, rest, env);
  if (command !== 'lint' && command !== 'render' && command !== 'new') {
    // `incident-report --locale de lint r.md`: an option before the command.
    const end = rest.indexOf('--');
    const at = command.startsWith('-') && command !== '-' ? (end === -1 ? rest : rest.slice(0, end)).findIndex((arg) => COMMANDS.includes(arg)) : -1;
    if (at >= 0) {
      const example = ['incident-report', rest[at]!, command, ...rest.filter((_, i) => i !== at)].map(shellWord).join(' ');
      throw new UsageError({ en: `the command comes before its options: ${example}`, de: `der Befehl steht vor seinen Optionen: ${example}` });
    }
    throw new UsageError({
      en: `unknown command "${command}"; use "lint", "render", "new", "approve", "changes" or "lsp" (see --help)`,
      de: `unbekannter Befehl "${command}"; "lint", "render", "new", "approve", "changes" oder "lsp" verwenden (siehe --help)`,
    });
  }
  const parsed = parseOptions(
    {
      args: [...rest],
      allowPositionals: true,
      strict: true,
      options: SHARED_OPTIONS,
    },
    command,
    (name) => (OPTION_COMMANDS[name] ?? ['lint', 'render']).includes(command),
  );
  const { values, positionals } = parsed;
  // An option of another command is refused, not ignored: `lint --out x.sarif` wrote no file and exited 0.
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && !(OPTION_COMMANDS[name] ?? ['lint', 'render']).includes(command)) {
      const lintOut = name === 'out' && command === 'lint';
      const owners = commandsTaking(name);
      throw new UsageError({
        en: `--${name} is an option of ${listOf(owners, 'and')}, not of ${command}${lintOut ? '; lint prints to stdout: redirect it, e.g. `> results.sarif`' : ''}`,
        de: `--${name} ist eine Option von ${listOf(owners, 'und')}, nicht von ${command}${lintOut ? '; lint schreibt auf die Standardausgabe: sie umleiten, z. B. `> results.sarif`' : ''}`,
      });
    }
  }
  const locale = values.locale === undefined ? environmentLocale(env) : checkLocale(values.locale);
  const now = values.now === undefined ? undefined : checkNow(values.now);
  const timeZone = values['time-zone'] === undefined ? undefined : checkZone(values['time-zone'], locale);
  const options = optionsOfFlags(values as Record<string, string | string[] | boolean | undefined>, locale);

  if (command === 'new') {
    if (positionals.length > 0) throw new UsageError({ en: `new takes no file arguments, got "${positionals[0]}"`, de: `new nimmt keine Dateiargumente, erhielt "${positionals[0]}"` });
    if (!values.parent || !values.organizations) throw new UsageError({ en: 'new needs --parent FILE and --organizations FILE', de: 'new braucht --parent DATEI und --organizations DATEI' });
    // The members name their parent by a path relative to their folder, which is beside the parent
    // by default: a parent without a path gives neither. The list has no such tie (`--organizations -`).
    if (values.parent === '-') {
      throw new UsageError({
        en: 'new --parent needs the parent report\'s path, not - (standard input): each member names its parent by a path relative to itself',
        de: 'new --parent braucht den Pfad des übergeordneten Berichts, nicht - (Standardeingabe): jedes Mitglied nennt sein übergeordnetes Dokument mit einem Pfad relativ zu sich selbst',
      });
    }
    if (values.out === '-') {
      throw new UsageError({
        en: 'new --out takes a folder: new writes one file per member there, which standard output (-) cannot hold',
        de: 'new --out nimmt einen Ordner: new schreibt dort eine Datei je Mitglied, was die Standardausgabe (-) nicht fassen kann',
      });
    }
    return { command, parent: values.parent, organizations: values.organizations, out: values.out ?? null, timeZone, locale };
  }

  const rules = ruleLevels(values.rule ?? []);
  const stdinFilename = checkStdin(command, positionals, values['stdin-filename']);
  if (command === 'render') return renderArgs(values, positionals, stdinFilename, locale, options, rules, now, timeZone);

  if (positionals.length === 0) throw new UsageError({ en: 'lint needs at least one file, directory or glob', de: 'lint braucht mindestens eine Datei, einen Ordner oder ein Glob-Muster' });
  // A fix is written back to its file: standard input has none, and its text is not printed (stdout is the report).
  if (values.fix && positionals.includes('-')) {
    throw new UsageError({
      en: '--fix writes the fixes back to the files; - (standard input) is no file: run `lint --fix FILE` on the file itself',
      de: '--fix schreibt die Korrekturen in die Dateien zurück; - (Standardeingabe) ist keine Datei: `lint --fix DATEI` auf die Datei selbst anwenden',
    });
  }
  const format = values.format ?? 'stylish';
  if (format !== 'stylish' && format !== 'json' && format !== 'sarif' && format !== 'github') {
    throw new UsageError({ en: `--format must be "stylish", "json", "sarif" or "github", not "${format}"`, de: `--format muss "stylish", "json", "sarif" oder "github" sein, nicht "${format}"` });
  }
  let maxWarnings: number | null = null;
  if (values['max-warnings'] !== undefined) {
    if (!/^\d+$/.test(values['max-warnings'])) {
      throw new UsageError({ en: `--max-warnings takes a whole number ≥ 0, not "${values['max-warnings']}"`, de: `--max-warnings nimmt eine ganze Zahl ≥ 0, nicht "${values['max-warnings']}"` });
    }
    maxWarnings = Number(values['max-warnings']);
  }
  const color = values['no-color'] ? false : (values.color ?? (isTTY && !env.NO_COLOR));
  const jobs = values.jobs === undefined || values.jobs === 'auto' ? (values.jobs ?? 1) : Number(values.jobs);
  if (jobs !== 'auto' && !(Number.isSafeInteger(jobs) && jobs >= 1 && /^\d+$/.test(values.jobs ?? '1'))) {
    throw new UsageError({ en: `--jobs takes a whole number of threads ≥ 1 or "auto", not "${values.jobs}"`, de: `--jobs nimmt eine ganze Zahl von Threads ≥ 1 oder "auto", nicht "${values.jobs}"` });
  }
  return {
    command,
    inputs: positionals,
    stdinFilename,
    format,
    locale,
    explicitLocale: values.locale !== undefined,
    schema: values.schema ?? null,
    config: values.config ?? null,
    options,
    maxWarnings,
    quiet: values.quiet ?? false,
    rules,
    timeZone,
    color,
    now,
    jobs,
    fix: values.fix ?? false,
  };
}

type Command = 'lint' | 'render' | 'new';

/**
 * The commands that take each option of the shared parser (`lint`, `render`, `new`); an option not
 * listed, such as the rules' `--internal-domain`, is one of lint and render.
 */
const OPTION_COMMANDS: Readonly<Record<string, readonly Command[]>> = {
  'max-warnings': ['lint'],
  quiet: ['lint'],
  color: ['lint'],
  'no-color': ['lint'],
  jobs: ['lint'],
  fix: ['lint'],
  'time-zone': ['lint', 'render', 'new'],
  locale: ['lint', 'render', 'new'],
  out: ['render', 'new'],
  parent: ['new'],
  organizations: ['new'],
  as: ['render'],
  'max-chars': ['render'],
  link: ['render'],
  hashtag: ['render'],
  initial: ['render'],
  controller: ['render'],
  'whats-new': ['render'],
  draft: ['render'],
  strict: ['render'],
  'stdin-filename': ['lint', 'render'],
};

/**
 * `-` (standard input) as the file of lint or render: alone, once, and `--stdin-filename` only with
 * it. Standard input can be read once, and the one name `--stdin-filename` gives cannot belong to
 * several texts; ESLint refuses `--stdin` with files likewise. Returns `--stdin-filename` or `null`.
 */
function checkStdin(command: 'lint' | 'render', positionals: readonly string[], stdinFilename: string | undefined): string | null {
  const dashes = positionals.filter((arg) => arg === '-').length;
  if (dashes > 1) throw new UsageError({ en: `- (standard input) is given ${dashes} times; it can be read once`, de: `- (Standardeingabe) ist ${dashes}-mal angegeben; sie kann einmal gelesen werden` });
  if (dashes === 1 && positionals.length > 1) {
    const others = positionals.filter((arg) => arg !== '-');
    throw new UsageError({
      en: `${command} reads either standard input (-) or files, not both; got - and "${others[0]}" (a file named - is ./-)`,
      de: `${command} liest entweder die Standardeingabe (-) oder Dateien, nicht beides; erhielt - und "${others[0]}" (eine Datei namens - ist ./-)`,
    });
  }
  if (stdinFilename === undefined) return null;
  if (dashes === 0) {
    throw new UsageError({
      en: `--stdin-filename says where the text read from standard input belongs; give - as the file (\`${command} - --stdin-filename ${stdinFilename} < ${stdinFilename}\`)`,
      de: `--stdin-filename sagt, wohin der von der Standardeingabe gelesene Text gehört; - als Datei angeben (\`${command} - --stdin-filename ${stdinFilename} < ${stdinFilename}\`)`,
    });
  }
  if (stdinFilename === '' || stdinFilename === '-') {
    throw new UsageError({ en: `--stdin-filename takes the path of the file the text belongs to, not "${stdinFilename}"`, de: `--stdin-filename nimmt den Pfad der Datei, zu der der Text gehört, nicht "${stdinFilename}"` });
  }
  return stdinFilename;
}

/**
 * An option that takes one value, given twice with different values, is a usage error: `parseArgs`
 * keeps the last one silently, so `approve --by A --by B` recorded B and `render --as atom --as
 * social` printed posts. Repeatable options (`--rule`, `--hashtag`, …) are `multiple` and not tokens here.
 */
function refuseRepeated(tokens: ReadonlyArray<{ kind: string; name?: string; value?: string | undefined }> | undefined): void {
  const given = new Map<string, string>();
  for (const token of tokens ?? []) {
    if (token.kind !== 'option' || token.name === undefined || token.value === undefined || REPEATABLE.has(token.name)) continue;
    const first = given.get(token.name);
    if (first !== undefined && first !== token.value) {
      throw new UsageError({ en: `--${token.name} is given twice ("${first}", "${token.value}"); give it once`, de: `--${token.name} ist zweimal angegeben ("${first}", "${token.value}"); es einmal angeben` });
    }
    given.set(token.name, token.value);
  }
}

/** The options that may be given several times (each value counts). */
const REPEATABLE: ReadonlySet<string> = new Set(['rule', 'hashtag', ...RULE_OPTIONS.flatMap((option) => (option.cli && option.schema.type === 'array' ? [option.cli.flag.slice(2)] : []))]);

/** `--rule RULE=LEVEL` (repeatable, lint and render alike): the levels by rule ID. */
function ruleLevels(specs: readonly string[]): Record<string, RuleLevel> {
  const rules: Record<string, RuleLevel> = {};
  for (const spec of specs) {
    const m = /^([\w-]+)=(\w+)$/.exec(spec);
    if (!m || !RULE_IDS.includes(m[1]!) || !LEVELS.has(m[2]!)) {
      throw new UsageError({
        en: `--rule takes RULE=LEVEL with RULE one of ${RULE_IDS.join(', ')} and LEVEL error, warning, info or off; got "${spec}"`,
        de: `--rule nimmt REGEL=STUFE mit REGEL aus ${RULE_IDS.join(', ')} und STUFE error, warning, info oder off; erhielt "${spec}"`,
      });
    }
    rules[m[1]!] = m[2] as RuleLevel;
  }
  return rules;
}

/** The command-line options the rules declare (`OptionSpec.cli`): a list option is repeatable. */
const OPTION_FLAGS = Object.fromEntries(
  RULE_OPTIONS.flatMap((option) => (option.cli ? [[option.cli.flag.slice(2), { type: 'string' as const, multiple: option.schema.type === 'array' }]] : [])),
);


/** The options of `lint`, `render` and `new` (one parser; {@link OPTION_COMMANDS} says whose each is). */
const SHARED_OPTIONS = {
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
  draft: { type: 'boolean' },
  config: { type: 'string', short: 'c' },
  ...OPTION_FLAGS,
  parent: { type: 'string' },
  organizations: { type: 'string' },
  as: { type: 'string' },
  now: { type: 'string' },
  'max-chars': { type: 'string' },
  link: { type: 'string' },
  hashtag: { type: 'string', multiple: true },
  initial: { type: 'boolean' },
  controller: { type: 'string' },
  'whats-new': { type: 'boolean' },
  jobs: { type: 'string', short: 'j' },
  'stdin-filename': { type: 'string' },
  fix: { type: 'boolean' },
} satisfies NonNullable<ParseArgsConfig['options']>;

/** The rules' options given on the command line, each checked by its rule's own check. */
function optionsOfFlags(values: Record<string, string | string[] | boolean | undefined>, locale: Locale): RuleOptionValues {
  const options: Record<string, unknown> = {};
  for (const option of RULE_OPTIONS) {
    const raw = option.cli ? values[option.cli.flag.slice(2)] : undefined;
    if (raw === undefined || typeof raw === 'boolean') continue;
    const value = optionFromFlag(option, raw);
    const [problem] = checkOption(option, value);
    if (problem) throw new UsageError(t(locale, 'says' in problem ? describeProblem(problem, option.cli!.flag) : { en: `${option.cli!.flag}: ${problem.message.en}`, de: `${option.cli!.flag}: ${problem.message.de}` }));
    options[option.name] = value;
  }
  return options as RuleOptionValues;
}

/** `--time-zone` takes an IANA zone the runtime knows; otherwise the closest one is named. */
function checkZone(value: string, locale: Locale): string {
  const check = checkTimeZone(value);
  if (!check.ok) throw new UsageError(`--time-zone: ${timeZoneProblem(value, check, locale)}`);
  return value;
}

/** `--now` takes an RFC 3339 instant: a date-time with seconds and a UTC offset. */
function checkNow(value: string): number {
  const parsed = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i.test(value) ? parseDateTime(value) : null;
  if (!parsed || !parsed.offset) {
    throw new UsageError({
      en: `--now takes an RFC 3339 date-time with offset, e.g. 2023-10-30T09:00:00+01:00 or 2023-10-30T08:00:00Z; got "${value}"`,
      de: `--now nimmt einen RFC-3339-Zeitpunkt mit Offset, z. B. 2023-10-30T09:00:00+01:00 oder 2023-10-30T08:00:00Z; erhielt "${value}"`,
    });
  }
  return parsed.epochMs;
}

/** Checks the render options against the chosen output. */
function renderArgs(
  values: { format?: string; out?: string; strict?: boolean; draft?: boolean; 'whats-new'?: boolean; schema?: string; 'time-zone'?: string; as?: string; 'max-chars'?: string; link?: string; hashtag?: string[]; locale?: string; config?: string; initial?: boolean; controller?: string },
  positionals: string[],
  stdinFilename: string | null,
  locale: Locale,
  options: RuleOptionValues,
  rules: Record<string, RuleLevel>,
  now: number | undefined,
  timeZone: string | undefined,
): RenderArgs {
  const as = values.as ?? OutputIds.pressRelease;
  const output = findOutput(as);
  if (!output) throw new UsageError({ en: `--as must be one of ${OUTPUTS.map((o) => o.id).join(', ')}, not "${as}"`, de: `--as muss eines von ${OUTPUTS.map((o) => o.id).join(', ')} sein, nicht "${as}"` });
  if (positionals.length === 0) throw new UsageError({ en: 'render needs a report file', de: 'render braucht eine Berichtsdatei' });
  if (positionals.length > 1 && !output.multi) {
    throw new UsageError({
      en: `render --as ${as} takes exactly one report file (status-page, atom and social take several)`,
      de: `render --as ${as} nimmt genau eine Berichtsdatei (status-page, atom und social nehmen mehrere)`,
    });
  }
  if (values.draft && values.strict) {
    throw new UsageError({ en: '--draft and --strict exclude each other: --strict refuses what --draft renders as a draft', de: '--draft und --strict schließen einander aus: --strict verweigert, was --draft als Entwurf ausgibt' });
  }
  if (values.draft && output.audience === 'confidential') {
    throw new UsageError({ en: `--draft marks public outputs; ${as} is a confidential draft for an authority already`, de: `--draft kennzeichnet öffentliche Ausgaben; ${as} ist bereits ein vertraulicher Entwurf für eine Behörde` });
  }
  const format = values.format ?? output.formats[0]!;
  if (!output.formats.includes(format)) {
    throw new UsageError({
      en: `--format for render --as ${as} must be ${output.formats.map((f) => `"${f}"`).join(' or ')}, not "${format}"`,
      de: `--format für render --as ${as} muss ${output.formats.map((f) => `"${f}"`).join(' oder ')} sein, nicht "${format}"`,
    });
  }
  let maxChars: number | null = null;
  if (values['max-chars'] !== undefined) {
    if (as !== OutputIds.social) throw new UsageError({ en: '--max-chars applies to render --as social only', de: '--max-chars gilt nur für render --as social' });
    const value = values['max-chars'];
    if (!/^\d+$/.test(value) || Number(value) < MIN_POST_CHARS || Number(value) > 100_000) {
      throw new UsageError({ en: `--max-chars takes a whole number from ${MIN_POST_CHARS} to 100000, not "${value}"`, de: `--max-chars nimmt eine ganze Zahl von ${MIN_POST_CHARS} bis 100000, nicht "${value}"` });
    }
    maxChars = Number(value);
  }
  const link = values.link ?? null;
  if (link !== null && !isHttpUrl(link)) throw new UsageError({ en: `--link takes an absolute http(s) URL, not "${link}"`, de: `--link nimmt eine absolute http(s)-URL, nicht "${link}"` });
  const hashtags = values.hashtag ?? [];
  if (hashtags.length > 0 && as !== OutputIds.social) throw new UsageError({ en: '--hashtag applies to render --as social only', de: '--hashtag gilt nur für render --as social' });
  for (const tag of hashtags) {
    if (!/^#?[\p{L}\p{N}_]+$/u.test(tag)) throw new UsageError({ en: `--hashtag takes letters, digits and _ (with or without #), not "${tag}"`, de: `--hashtag nimmt Buchstaben, Ziffern und _ (mit oder ohne #), nicht "${tag}"` });
  }
  if (values['whats-new'] && as !== OutputIds.pressRelease && as !== OutputIds.statusPage) {
    throw new UsageError({ en: '--whats-new applies to render --as press-release and status-page only', de: '--whats-new gilt nur für render --as press-release und status-page' });
  }
  // The release files are beside the report: standard input has no place, so "What's new" named a
  // missing `.releases/<stdin>/1.json` as left behind by a move, or left the box out without a word.
  if (values['whats-new'] && positionals.length === 1 && positionals[0] === '-' && stdinFilename === null) {
    throw new UsageError({
      en: '--whats-new with - (standard input) needs --stdin-filename: the release files it compares with are beside the report (.releases/<report>/)',
      de: '--whats-new mit - (Standardeingabe) braucht --stdin-filename: die Release-Dateien, mit denen es vergleicht, liegen neben dem Bericht (.releases/<bericht>/)',
    });
  }
  if (values.initial && as !== 'gdpr-art33') throw new UsageError({ en: '--initial applies to render --as gdpr-art33 only', de: '--initial gilt nur für render --as gdpr-art33' });
  if (values.controller !== undefined) {
    if (as !== 'gdpr-art33-controller') {
      throw new UsageError({
        en: '--controller applies to render --as gdpr-art33-controller only (the processor\'s notice to one controller)',
        de: '--controller gilt nur für render --as gdpr-art33-controller (die Meldung des Auftragsverarbeiters an einen Verantwortlichen)',
      });
    }
    if (values.controller.trim() === '') {
      throw new UsageError({ en: '--controller takes the name of a controller in data_loss.controllers, not an empty text', de: '--controller nimmt den Namen eines Verantwortlichen aus data_loss.controllers, keinen leeren Text' });
    }
  }
  // `--out -` is standard output, as without --out; the status page is two files (page and feed) in a folder.
  if (values.out === '-' && as === OutputIds.statusPage) {
    const index = format === 'text' ? 'index.txt' : 'index.html';
    throw new UsageError({
      en: `--out - (standard output) cannot hold the status page: it writes a folder with two files (${index} and feed.xml); give a folder, e.g. --out public/`,
      de: `--out - (Standardausgabe) kann die Statusseite nicht fassen: sie schreibt einen Ordner mit zwei Dateien (${index} und feed.xml); einen Ordner angeben, z. B. --out public/`,
    });
  }
  return {
    command: 'render',
    inputs: positionals,
    stdinFilename,
    as,
    format,
    out: values.out === undefined || values.out === '-' ? null : values.out,
    strict: values.strict ?? false,
    draft: values.draft ?? false,
    whatsNew: values['whats-new'] ?? false,
    locale,
    explicitLocale: values.locale !== undefined,
    schema: values.schema ?? null,
    config: values.config ?? null,
    timeZone,
    maxChars,
    link,
    hashtags,
    initial: values.initial ?? false,
    controller: values.controller ?? null,
    options,
    rules,
    now,
  };
}

/** The shortest post limit accepted: room for the organisation, a few words and a phone number. */
const MIN_POST_CHARS = 60;

function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\/[^\s"'<>`]+$/i.test(value)) return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function checkLocale(value: string): Locale {
  if (value !== 'de' && value !== 'en') throw new UsageError({ en: `--locale must be "de" or "en", not "${value}"`, de: `--locale muss "de" oder "en" sein, nicht "${value}"` });
  return value;
}

/**
 * `parseArgs` of node:util; what it refuses becomes a {@link UsageError} (exit 2). An unknown option
 * of `command` is named in our words: Node's ("Unknown option '--out'. To specify a positional
 * argument starting with a '-', place it at the end …") misled, and an option of another command says whose it is.
 * `owns(name)`: whether the option `--name` of `config` is one of `command` (only those are suggested, e.g. for `-quiet`).
 */
function parseOptions<T extends ParseArgsConfig>(config: T, command?: string, owns: (name: string) => boolean = () => true): ReturnType<typeof parseArgs<T>> {
  const takes = (name: string) => Object.hasOwn(config.options ?? {}, name) && owns(name);
  let parsed;
  try {
    parsed = parseArgs({ ...config, tokens: true });
  } catch (error) {
    throw usageErrorOf(error, config, command, takes);
  }
  refuseRepeated(parsed.tokens);
  refuseShortEquals(parsed.tokens, config.args ?? [], takes);
  return parsed as ReturnType<typeof parseArgs<T>>;
}

/** An option token of `parseArgs` (with `tokens: true`). */
interface OptionToken {
  kind: string;
  name?: string;
  rawName?: string;
  index: number;
  value?: string | undefined;
  inlineValue?: boolean | undefined;
}

/**
 * `-f=json`, `-o=out.html`: Node takes the value of a short option from the rest of the argument,
 * `=` included, so `-o=out.html` wrote a file named "=out.html" and `-f=json` was refused as the
 * format "=json". Refused with the two forms that work. (A value that starts with `=` on purpose is
 * given after a space: `-o =x`.)
 */
function refuseShortEquals(tokens: readonly OptionToken[] | undefined, args: readonly string[], takes: (name: string) => boolean): void {
  for (const token of tokens ?? []) {
    if (token.kind !== 'option' || token.name === undefined || !takes(token.name) || !/^-[^-]$/.test(token.rawName ?? '') || !token.inlineValue || !token.value?.startsWith('=')) continue;
    const written = args[token.index] ?? `${token.rawName}${token.value}`;
    const value = token.value.slice(1);
    throw new UsageError({
      en: `${written}: a short option takes its value after a space: ${token.rawName} ${value || 'VALUE'} or --${token.name}=${value || 'VALUE'}`,
      de: `${written}: eine Kurzoption nimmt ihren Wert nach einem Leerzeichen: ${token.rawName} ${value || 'WERT'} oder --${token.name}=${value || 'WERT'}`,
    });
  }
}

/** The options of `approve`, `changes` and `lsp` (each has its own parser). */
const APPROVE_OPTIONS = { by: { type: 'string' }, role: { type: 'string' }, now: { type: 'string' }, 'time-zone': { type: 'string' }, locale: { type: 'string' } } satisfies NonNullable<ParseArgsConfig['options']>;
const CHANGES_OPTIONS = { since: { type: 'string' }, format: { type: 'string', short: 'f' }, locale: { type: 'string' } } satisfies NonNullable<ParseArgsConfig['options']>;
const LSP_OPTIONS = { stdio: { type: 'boolean' }, 'no-custom-schema': { type: 'boolean' } } satisfies NonNullable<ParseArgsConfig['options']>;

/** Every command that takes the option `--name`, in the order of `--help` (for "is an option of …"). */
function commandsTaking(name: string): string[] {
  const own: Record<string, object> = { approve: APPROVE_OPTIONS, changes: CHANGES_OPTIONS, lsp: LSP_OPTIONS };
  return COMMANDS.filter((command) =>
    command in own ? Object.hasOwn(own[command]!, name) : Object.hasOwn(SHARED_OPTIONS, name) && (OPTION_COMMANDS[name] ?? ['lint', 'render']).includes(command as Command),
  );
}

/** The long options `command` takes (without `--`), for the tests of `--help`. */
export function optionsOf(command: string): string[] {
  const all = [...new Set([...Object.keys(SHARED_OPTIONS), ...Object.keys(APPROVE_OPTIONS), ...Object.keys(CHANGES_OPTIONS), ...Object.keys(LSP_OPTIONS)])];
  return all.filter((name) => commandsTaking(name).includes(command));
}

/** An argument as a shell takes it back: quoted when it holds more than letters, digits and `-_./:=@%+,`. */
function shellWord(arg: string): string {
  return /^[\w\-./:=@%+,]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** "a, b and c" ("a, b und c"). */
function listOf(items: readonly string[], and: string): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
}

/**
 * The first option `parseArgs` does not know, as it tokenizes the command line (`rawName`: `-=` of
 * `-q=1`, `-u` of `-quiet`) with the argument it is part of, as written; `undefined` if none is found.
 */
function unknownOption(config: ParseArgsConfig): { rawName: string; written: string } | undefined {
  const options = config.options ?? {};
  let tokens: readonly OptionToken[] | undefined;
  try {
    tokens = parseArgs({ ...config, strict: false, allowPositionals: true, tokens: true }).tokens;
  } catch {
    return undefined;
  }
  const token = tokens?.find((t) => t.kind === 'option' && t.name !== undefined && !Object.hasOwn(options, t.name));
  if (token?.rawName === undefined) return undefined;
  return { rawName: token.rawName, written: config.args?.[token.index] ?? token.rawName };
}

/** The long name of the short option `-x`, if `config` has one. */
function longNameOf(config: ParseArgsConfig, short: string): string | undefined {
  return Object.entries(config.options ?? {}).find(([, option]) => option.short === short)?.[0];
}

/**
 * An unknown option in our words, precise about how it was written: a short switch given a value
 * (`-q=1`), an option without a name (`-=`, `--=x`, `---`), one dash too many (`---format`), or a
 * long option with one dash (`-quiet`).
 */
function unknownOptionError(config: ParseArgsConfig, command: string, takes: (name: string) => boolean, found: { rawName: string; written: string }): UsageError {
  const { rawName, written } = found;
  const before = written.split('=')[0]!;
  const name = before.replace(/^-+/, '');
  if (name === '') {
    return new UsageError(
      written.includes('=')
        ? { en: `${written}: the option's name before "=" is missing (see --help)`, de: `${written}: vor "=" fehlt der Name der Option (siehe --help)` }
        : { en: `${written} is no option (see --help); a file of that name is given as ./${written}`, de: `${written} ist keine Option (siehe --help); eine Datei dieses Namens wird als ./${written} angegeben` },
    );
  }
  if (written.startsWith('---')) {
    return new UsageError(
      takes(name)
        ? { en: `${written}: one dash too many; the option is --${written.replace(/^-+/, '')}`, de: `${written}: ein Bindestrich zu viel; die Option heißt --${written.replace(/^-+/, '')}` }
        : { en: `unknown option ${before} for ${command}: an option starts with two dashes, not three (see --help)`, de: `unbekannte Option ${before} für ${command}: eine Option beginnt mit zwei Bindestrichen, nicht drei (siehe --help)` },
    );
  }
  if (written.startsWith('-') && !written.startsWith('--')) {
    // `-q=1`: Node reads a group of short options, `-q`, `-=` and `-1`; `=` follows a switch.
    if (rawName === '-=') {
      const short = written[written.indexOf('=') - 1]!;
      const long = longNameOf(config, short);
      return new UsageError({ en: `${written}: -${short}${long ? ` (--${long})` : ''} takes no value`, de: `${written}: -${short}${long ? ` (--${long})` : ''} nimmt keinen Wert` });
    }
    if (written !== rawName) {
      return new UsageError(
        takes(name)
          ? { en: `${written}: a long option starts with two dashes: -${written}`, de: `${written}: eine lange Option beginnt mit zwei Bindestrichen: -${written}` }
          : { en: `unknown option ${rawName} in ${written} for ${command} (see --help)`, de: `unbekannte Option ${rawName} in ${written} für ${command} (siehe --help)` },
      );
    }
  }
  const owners = rawName.startsWith('--') ? commandsTaking(rawName.slice(2)) : [];
  return new UsageError(
    owners.length > 0
      ? { en: `${rawName} is an option of ${listOf(owners, 'and')}, not of ${command}`, de: `${rawName} ist eine Option von ${listOf(owners, 'und')}, nicht von ${command}` }
      : { en: `unknown option ${rawName} for ${command} (see --help)`, de: `unbekannte Option ${rawName} für ${command} (siehe --help)` },
  );
}

/** What `parseArgs` refused, as a {@link UsageError}: an unknown option of `command` in our words. */
function usageErrorOf(error: unknown, config: ParseArgsConfig, command: string | undefined, takes: (name: string) => boolean): UsageError {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (command !== undefined && code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    // Node names the option as it tokenized it ('-=' of '-q=1'); the tokens give the argument as written.
    const rawName = /^Unknown option '(.*?)'(?:\. To specify|$)/s.exec(message)?.[1];
    const found = unknownOption(config) ?? (rawName !== undefined ? { rawName, written: rawName } : undefined);
    if (found !== undefined) return unknownOptionError(config, command, takes, found);
  }
  // An option without its value, a value for a switch, a file for a command that takes none: Node's
  // words ("Option '-f, --format <value>' argument missing") are English only and name the short form first.
  const option = /^Option '(?:-\w, )?(--[\w-]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option !== undefined && /argument missing/.test(message)) {
    return new UsageError({ en: `${option} needs a value`, de: `${option} braucht einen Wert` });
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option !== undefined && /does not take an argument/.test(message)) {
    return new UsageError({ en: `${option} takes no value`, de: `${option} nimmt keinen Wert` });
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option !== undefined && /argument is ambiguous/.test(message)) {
    return new UsageError({
      en: `${option} needs a value; one that starts with - is given as ${option}=-VALUE`,
      de: `${option} braucht einen Wert; einer, der mit - beginnt, wird als ${option}=-WERT angegeben`,
    });
  }
  const positional = code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' ? /'([^']*)'/.exec(message)?.[1] : undefined;
  if (positional !== undefined && command !== undefined) {
    return new UsageError({ en: `${command} takes no file arguments, got "${positional}"`, de: `${command} nimmt keine Dateiargumente, erhielt "${positional}"` });
  }
  return new UsageError(message);
}

/** `approve` and `changes`: one report file each. */
function releaseArgs(command: 'approve' | 'changes', rest: readonly string[], env: NodeJS.ProcessEnv): ApproveArgs | ChangesArgs {
  const options: NonNullable<ParseArgsConfig['options']> = command === 'approve' ? APPROVE_OPTIONS : CHANGES_OPTIONS;
  // `--stdin-filename` is read only to name the file in the refusal of `-` below.
  const parsed = parseOptions({ args: [...rest], allowPositionals: true, strict: true, options: { ...options, 'stdin-filename': { type: 'string' } } }, command);
  const values = parsed.values as Record<string, string | undefined>;
  const locale = values.locale === undefined ? environmentLocale(env) : checkLocale(values.locale);
  if (parsed.positionals.length !== 1) throw new UsageError({ en: `${command} takes exactly one report file`, de: `${command} nimmt genau eine Berichtsdatei` });
  const file = parsed.positionals[0]!;
  // Both work on a file in place: approve writes the approval back into it, and both find its
  // releases in `.releases/` beside it. Text on standard input has neither.
  if (file === '-') {
    const given = values['stdin-filename'];
    const path = given ?? 'FILE';
    const pfad = given ?? 'DATEI';
    throw new UsageError(
      command === 'approve'
        ? {
            en: `approve needs the report's path, not - (standard input): it writes the approval back into the report file and its release beside it; give the file instead: \`incident-report approve --by NAME ${path}\``,
            de: `approve braucht den Pfad des Berichts, nicht - (Standardeingabe): es schreibt die Freigabe in die Berichtsdatei zurück und ihr Release daneben; stattdessen die Datei angeben: \`incident-report approve --by NAME ${pfad}\``,
          }
        : {
            en: `changes needs the report's path, not - (standard input): it compares the report with its releases in .releases/ beside the file; give the file instead: \`incident-report changes ${path}\``,
            de: `changes braucht den Pfad des Berichts, nicht - (Standardeingabe): es vergleicht den Bericht mit seinen Releases in .releases/ neben der Datei; stattdessen die Datei angeben: \`incident-report changes ${pfad}\``,
          },
    );
  }
  if (values['stdin-filename'] !== undefined) {
    throw new UsageError({ en: `--stdin-filename is an option of lint and render, not of ${command}`, de: `--stdin-filename ist eine Option von lint und render, nicht von ${command}` });
  }
  if (command === 'approve') {
    const by = values.by?.trim();
    if (!by) throw new UsageError({ en: 'approve needs --by NAME: who approves the release', de: 'approve braucht --by NAME: wer das Release freigibt' });
    const role = values.role ?? null;
    if (role !== null && !(APPROVAL_ROLES as readonly string[]).includes(role)) {
      throw new UsageError({ en: `--role must be one of ${APPROVAL_ROLES.join(', ')}, not "${role}"`, de: `--role muss eines von ${APPROVAL_ROLES.join(', ')} sein, nicht "${role}"` });
    }
    return {
      command,
      file,
      by,
      role: role as ApprovalRole | null,
      locale,
      now: values.now === undefined ? undefined : checkNow(values.now),
      timeZone: values['time-zone'] === undefined ? undefined : checkZone(values['time-zone'], locale),
    };
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError({ en: `--format must be "text" or "json", not "${format}"`, de: `--format muss "text" oder "json" sein, nicht "${format}"` });
  let since: number | null = null;
  if (values.since !== undefined) {
    if (!/^[1-9]\d*$/.test(values.since) || !Number.isSafeInteger(Number(values.since))) {
      throw new UsageError({ en: `--since takes a release number ≥ 1, not "${values.since}"`, de: `--since nimmt eine Release-Nummer ≥ 1, nicht "${values.since}"` });
    }
    since = Number(values.since);
  }
  return { command, file, since, format, locale, explicitLocale: values.locale !== undefined };
}

/** `lsp --stdio [--no-custom-schema]`: the server talks over standard input and output only. */
function lspArgs(rest: readonly string[]): LspArgs {
  const { values } = parseOptions({ args: [...rest], strict: true, allowPositionals: false, options: LSP_OPTIONS }, 'lsp');
  if (!values.stdio) throw new UsageError({ en: 'lsp needs --stdio: the language server talks over standard input and output', de: 'lsp braucht --stdio: der Sprachserver spricht über Standardeingabe und -ausgabe' });
  return { command: 'lsp', customSchema: !values['no-custom-schema'] };
}

/**
 * `incident-report render --help` (or `-h`, or `help render`): the help, not "Unknown option '--help'".
 * After `--` it is a file name again.
 */
function asksForHelp(command: string, rest: readonly string[]): boolean {
  if (!COMMANDS.includes(command)) return false;
  const end = rest.indexOf('--');
  return (end === -1 ? rest : rest.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

const COMMANDS: readonly string[] = ['lint', 'render', 'new', 'approve', 'changes', 'lsp'];
