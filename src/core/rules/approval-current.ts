import type { Localized, RawFinding } from '../shared/types';
import type { OptionProblem, Rule, RuleContext } from './rule';
import { APPROVAL_ROLES, newestApprovals, readApprovals, type Approval } from '../release/approvals';
import { currentRelease, parseReleaseJson, sha256Hex } from '../release/model';
import { releaseChanges, summarizeChanges } from '../release/changes';

const APPROVE_HINT: Localized = {
  en: 'approve it with `incident-report approve --by NAME FILE` or the command "Approve Release…"',
  de: 'mit `incident-report approve --by NAME DATEI` oder dem Befehl „Release freigeben…“ freigeben',
};

/** The `approval-current` rule; its `docs` are rendered to docs/rules/approval-current.md by `npm run generate`. */
export const approvalCurrentRule: Rule = {
  id: 'approval-current',
  defaultSeverity: 'warning',
  description: {
    en: 'The newest approval in `approvals` still matches what the report publishes; with `requireApproval`, a current and complete approval is required.',
    de: 'Die neueste Freigabe in `approvals` passt noch zu dem, was der Bericht veröffentlicht; mit `requireApproval` ist eine aktuelle und vollständige Freigabe Pflicht.',
  },
  docs: {
    checks: [
      'An approval (`incident-report approve`, or the editor command "Approve Release…") records the SHA-256 `fingerprint` of the release it approved: the canonical JSON of the publication model, written to `.releases/<report>/<version>.json` beside the report. When the report now publishes something else, the newest approval is stale: a warning that names what changed ("The status changed: attack confirmed, its effects are being contained → recovery under way, operations are being monitored"), read from that release file. Editing an internal section, `iocs` or another internal field never makes an approval stale: they are not in the publication model.',
      'With `requireApproval` (`.incident-report.json` or the setting `incidentReport.requireApproval`), a missing, stale or incomplete approval is an error, so `render` of a public output and the editor\'s export refuse the report (the publish verdict blocks errors). `true` requires one current approval; `{ "roles": ["press", "it"] }` requires a current approval by each role (the four-eyes principle). Confidential drafts for authorities are exempt. The old `approval` block records no fingerprint and satisfies no gate.',
    ],
    examples: ['approval-stale', 'approval-required-missing'],
  },
  publicOnly: true,
  options: [
    {
      name: 'requireApproval',
      schema: {
        default: false,
        scope: 'resource',
        anyOf: [
          { type: 'boolean' },
          {
            type: 'object',
            required: ['roles'],
            additionalProperties: false,
            properties: { roles: { type: 'array', minItems: 1, items: { type: 'string', enum: [...APPROVAL_ROLES] } } },
          },
        ],
      },
      description: {
        en: 'The release gate: `true` requires a current approval (`approvals` whose fingerprint matches what the report publishes) before a public output is rendered or exported; `{ "roles": ["press", "it"] }` requires one by each role. Missing, stale or incomplete approvals are errors. Confidential drafts are exempt.',
        de: 'Die Freigabepflicht: `true` verlangt eine aktuelle Freigabe (`approvals`, deren Fingerabdruck zu dem passt, was der Bericht veröffentlicht), bevor eine öffentliche Ausgabe erzeugt oder exportiert wird; `{ "roles": ["press", "it"] }` verlangt je eine pro Rolle. Fehlende, veraltete oder unvollständige Freigaben sind Fehler. Vertrauliche Entwürfe sind ausgenommen.',
      },
      summary: 'release gate: `true` or `{ "roles": [...] }`',
      defaultText: '`false`',
      check: requireApprovalProblems,
    },
  ],
  check(ctx) {
    const data = ctx.data;
    if (!data) return [];
    const required = ctx.settings.requireApproval;
    const approvals = readApprovals(data);
    const newest = newestApprovals(approvals);
    const finding = (pointer: string, message: string, severity: 'error' | 'warning'): RawFinding => ({
      ruleId: this.id,
      severity,
      message,
      ...ctx.at(pointer, 'key'),
      path: pointer,
    });
    if (newest.length === 0) {
      if (!required) return [];
      const legacy = data.approval !== undefined;
      return [
        finding(
          legacy ? '/approval' : '/approvals',
          ctx.t(
            legacy
              ? { en: 'Release gate: the `approval` block records no fingerprint, so it approves no particular text; {hint}.', de: 'Freigabepflicht: Der Block `approval` hält keinen Fingerabdruck fest und gibt damit keinen bestimmten Text frei; {hint}.' }
              : { en: 'Release gate: this report has no approval yet; {hint}.', de: 'Freigabepflicht: Dieser Bericht ist noch nicht freigegeben; {hint}.' },
            { hint: ctx.t(APPROVE_HINT) },
          ),
          'error',
        ),
      ];
    }
    const last = newest[newest.length - 1]!;
    const pointer = `/approvals/${last.index}`;
    const current = currentRelease(ctx.report);
    if (last.fingerprint !== current.fingerprint) {
      const what = changedSince(ctx, last);
      const message = ctx.t(
        required
          ? { en: 'Release gate: approval of release {version} is stale: {what}. Approve the current text again: {hint}.', de: 'Freigabepflicht: Die Freigabe von Release {version} ist veraltet: {what}. Den aktuellen Text erneut freigeben: {hint}.' }
          : { en: 'The approval of release {version} is stale: {what}. Approve the current text again before it is published.', de: 'Die Freigabe von Release {version} ist veraltet: {what}. Den aktuellen Text vor der Veröffentlichung erneut freigeben.' },
        { version: last.version, what, hint: ctx.t(APPROVE_HINT) },
      );
      // The fingerprint is what no longer matches.
      return [{ ...finding(`${pointer}/fingerprint`, message, required ? 'error' : 'warning'), ...ctx.at(`${pointer}/fingerprint`) }];
    }
    if (typeof required === 'object') {
      const approved = new Set(newest.filter((a) => a.fingerprint === current.fingerprint).map((a) => a.role));
      const missing = required.roles.filter((role) => !approved.has(role));
      if (missing.length > 0) {
        return [
          finding(
            pointer,
            ctx.t(
              {
                en: 'Release gate: release {version} is not fully approved: the role(s) {missing} have not approved it yet; approve with `incident-report approve --by NAME --role ROLE FILE`.',
                de: 'Freigabepflicht: Release {version} ist nicht vollständig freigegeben: Es fehlt die Freigabe der Rolle(n) {missing}; mit `incident-report approve --by NAME --role ROLLE DATEI` freigeben.',
              },
              { version: last.version, missing: missing.map((role) => `\`${role}\``).join(', ') },
            ),
            'error',
          ),
        ];
      }
    }
    return [];
  },
};

/** What changed since the approved release, in words: read from its release file when the host loaded it. */
function changedSince(ctx: RuleContext, approval: Approval): string {
  const file = ctx.releaseFile(approval.version);
  const fallback = ctx.t({ en: 'the published content changed since it was approved', de: 'Der veröffentlichte Inhalt hat sich seit der Freigabe geändert' });
  if (file.kind === 'unchecked') return fallback;
  if (file.kind === 'missing') {
    return ctx.t({ en: '{fallback} (its release file {file} cannot be read: {error})', de: '{fallback} (die Release-Datei {file} ist nicht lesbar: {error})' }, { fallback, file: file.label, error: file.reason ? ctx.t(file.reason) : file.error });
  }
  if (sha256Hex(file.text) !== approval.fingerprint) {
    // A damaged file (not JSON, or no release) is named as such, not as a mere mismatch.
    const damaged = parseReleaseJson(file.text, ctx.locale);
    if ('problem' in damaged) {
      return ctx.t({ en: '{fallback} (its release file {file} is damaged: {problem})', de: '{fallback} (die Release-Datei {file} ist beschädigt: {problem})' }, { fallback, file: file.label, problem: damaged.problem });
    }
    return ctx.t({ en: '{fallback} (its release file {file} does not match the approved fingerprint)', de: '{fallback} (die Release-Datei {file} passt nicht zum freigegebenen Fingerabdruck)' }, { fallback, file: file.label });
  }
  const parsed = parseReleaseJson(file.text);
  if ('problem' in parsed) return fallback;
  const changes = releaseChanges(parsed.model, currentRelease(ctx.report).model);
  return changes.length > 0 ? summarizeChanges(changes, ctx.locale) : fallback;
}

/** `requireApproval`: a boolean, or `{ "roles": [...] }` with known roles (the first problem only: the others are mostly its echoes). */
function requireApprovalProblems(value: unknown): OptionProblem[] {
  if (typeof value === 'boolean') return [];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [{ says: { en: `must be true, false or { "roles": [...] } with roles from ${APPROVAL_ROLES.join(', ')}`, de: `muss true, false oder { "roles": [...] } mit Rollen aus ${APPROVAL_ROLES.join(', ')} sein` } }];
  }
  for (const [key, roles] of Object.entries(value)) {
    if (key !== 'roles') return [{ at: [key], key: true, message: { en: `"requireApproval" takes only "roles", not "${key}"`, de: `"requireApproval" nimmt nur "roles", nicht "${key}"` } }];
    if (!Array.isArray(roles) || roles.length === 0) return [{ at: ['roles'], message: { en: '"roles" must be a non-empty list of roles', de: '"roles" muss eine nicht leere Liste von Rollen sein' } }];
    const unknown = roles.findIndex((role) => typeof role !== 'string' || !(APPROVAL_ROLES as readonly string[]).includes(role));
    if (unknown !== -1) {
      const role = JSON.stringify(roles[unknown]);
      return [{ at: ['roles', unknown], message: { en: `unknown role ${role}: use ${APPROVAL_ROLES.join(', ')}`, de: `unbekannte Rolle ${role}: ${APPROVAL_ROLES.join(', ')} verwenden` } }];
    }
  }
  if (!('roles' in value)) return [{ at: [], message: { en: '"requireApproval" needs "roles"', de: '"requireApproval" braucht "roles"' } }];
  return [];
}
