/**
 * The text of `incident-report --help`. English only: it is long, and the README says so; every
 * message about a wrong command line is in the run's language (src/cli/args.ts).
 */
import { RULE_OPTIONS } from '../core';

/** The `--help` lines of the rules' options: `for` names the command they repeat ("as for lint"). */
function optionHelp(asFor?: string): string {
  return RULE_OPTIONS.flatMap((option) => {
    if (!option.cli) return [];
    const [first = '', ...rest] = asFor ? [`as for ${asFor}`] : option.cli.help;
    return [`      ${`${option.cli.flag} ${option.cli.argument}`.padEnd(30)}${first}`, ...rest.map((line) => ' '.repeat(36) + line)];
  }).join('\n');
}

/** The text of `--help`. */
export const HELP = `incident-report — lint and render Markdown incident reports

Usage:
  incident-report lint [options] <file|dir|glob>...
  incident-report lint [options] - [--stdin-filename PATH] < report.md
  incident-report render [--as OUTPUT] <file|dir>... [--format F] [--out FILE|DIR|-] [--draft] [--config FILE]
  incident-report render [--as OUTPUT] - [--stdin-filename PATH] < report.md
  incident-report new --parent FILE --organizations FILE|- [--out DIR] [--locale de|en]
  incident-report approve --by NAME [--role press|it|dpo|lead] FILE
  incident-report changes FILE [--since N] [--format text|json]
  incident-report lsp --stdio [--no-custom-schema]
  incident-report --version

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
      --fix                         write the safe fixes to the files first (as "Fix all"
                                    in the editor), then report what is left
      --rule RULE=LEVEL             set a rule to error, warning, info or off (repeatable)
      --time-zone ZONE              IANA zone for timestamps without offset (default: the system's)
      --color / --no-color          force or disable colours
      --now INSTANT                 measure deadlines against this RFC 3339 instant (default: the clock)
      --stdin-filename PATH         with -: the path the text on stdin belongs to; its configuration,
                                    parents, release files and name in the output come from it
                                    (default: the working directory, named <stdin>)
${optionHelp()}
  -j, --jobs N|auto                 lint on N threads (auto: one per core; default 1); threads
                                    start only for runs of at least 250 files per thread

Options given on the command line win over the configuration file; --rule changes only the
rules it names. Files found below a directory or by a glob that match "ignores" in the
configuration are not linted (nor rendered); a file named itself is always linted.

Render options:
      --as OUTPUT                   press-release (default): one report, html|text
                                    status-page: one or more reports, html|text
                                    atom: Atom feed of the updates, xml
                                    social: short posts separated by "---", text|json
                                    gdpr-art33, gdpr-art33-controller, gdpr-art34,
                                    nis2-early-warning, nis2-notification, nis2-progress-report,
                                    nis2-final-report: confidential drafts for
                                    authorities, one report, text|html|md
  -f, --format F                    output format (default: the output's first)
      --locale de|en                drafts: this language instead of the report's
      --now INSTANT                 "now" for deadlines, drafts and the dateline (RFC 3339)
  -o, --out FILE                    write to FILE instead of stdout (never over a report
                                    being rendered; missing folders are created); for
                                    status-page a directory that gets index.html and feed.xml;
                                    - is stdout (not for status-page: two files)
      --link URL                    public URL of the status page (feed, posts)
      --max-chars N                 longest social post (default 280; Mastodon: 500)
      --hashtag TAG                 hashtag for social posts (repeatable; never invented)
      --initial                     gdpr-art33: the first notification again, not the follow-up
      --controller NAME             gdpr-art33-controller: the controller (in data_loss.controllers)
                                    this notice goes to; one notice per controller
      --whats-new                   press-release, status-page: a "Was ist neu" / "What's new"
                                    box at the top listing the changes since the previous release
      --draft                       render a report that is not ready to publish, marked as a
                                    draft (banner, noindex, [ENTWURF]/[DRAFT] before posts and
                                    feed entries); without it, public outputs fail closed
      --strict                      the default for public outputs: refuse (exit 1, nothing
                                    written) a report with an error or a placeholder that no
                                    directive suppresses; for drafts for authorities: refuse
                                    a report with errors
${optionHelp('lint')}
      --rule RULE=LEVEL             as for lint: the verdict uses these levels (repeatable)
  -c, --config FILE                 as for lint (default: the nearest .incident-report.json)
      --schema FILE                 as for lint
      --time-zone ZONE              as for lint
      --stdin-filename PATH         as for lint

New member reports:
      --parent FILE                 the parent report (e.g. the IT provider's)
      --organizations FILE          one organisation name per line (names that differ only in
                                    case count once; a name needs a letter or digit); - reads
                                    the list from stdin
  -o, --out DIR                     folder for the members (default: beside the parent, named after it)
      --locale de|en                message language (default: LANG's); the reports are in the parent's
      --time-zone ZONE              IANA zone for the members' timestamps (default: the system's)
  Each member gets parent:, the shared facts and its own fill-ins; existing files are never overwritten.

Sign-off (see the README, "Releases and sign-off"):
  approve --by NAME [--role R] FILE writes what FILE publishes now to .releases/<report>/<n>.json
                                    (canonical JSON, public content only) and appends
                                    {by, role, at, version, fingerprint} to its "approvals";
                                    a further approval of unchanged content signs the same version
      --now INSTANT                 the time recorded (default: the clock)
      --time-zone ZONE              the zone it is written in when the report has no timezone
                                    (default: the system's)
      --locale de|en                message language (default: LANG's)
  changes FILE                      what changed since release N, one line per change
      --since N                     compare with release N (default: the newest)
  -f, --format text|json            json: [{"path", "before", "after"}] with JSON Pointers
      --locale de|en                words in this language (default: the report's lang)
  With "requireApproval" in .incident-report.json (true, or {"roles": ["press", "it"]}), lint
  reports a missing, stale or incomplete approval as an error and render refuses public outputs.

Language server (for Neovim, Helix, Zed, Emacs, JetBrains IDEs; see the README, "Other editors"):
      --stdio                       talk the Language Server Protocol over stdin and stdout
      --no-custom-schema            restricted: ignore "schema" and "ticketPattern" (settings and
                                    .incident-report.json), as VS Code does in an untrusted workspace

Standard input: - as the file of lint or render reads the report from stdin (strict UTF-8, as a
file), for editors that pipe the buffer and for pipelines. It stands alone: not twice, not with
files (a file named - is ./-). A terminal on stdin is refused (exit 2) instead of waited on.
approve and changes need the report's path (they write to it and read its releases beside it).

Directories are searched for incident reports: Markdown files with "schema: incident-report/v1"
in their frontmatter, or matching **/incidents/**/*.md or **/*.incident.md (or the configuration's
"files", relative to its folder). Symbolic links are followed; one whose target is missing is
named (exit 2).

A finding that a rule gets wrong is suppressed where it is, with a reason, on the line before:
  <!-- incident-report-disable-next-line RULE[, RULE…] -- REASON -->   in the Markdown body
  # incident-report-disable-next-line RULE -- REASON                  before a frontmatter key
It then no longer blocks; lint --format json and sarif still list it with the reason.

Exit codes: 0 clean (render: written), 1 errors or too many warnings (render: not ready to
publish, nothing written), 2 usage, configuration or I/O problem, or no report found.
`;
