/**
 * The publish verdict: the ONE answer to "may this report go public?". The CLI's `render` of a
 * public output, the editor's export, the preview's draft banner and the status bar all ask
 * {@link publishVerdict}; none of them decides on its own.
 *
 * The verdict is built from the lint result of the report — the same findings `lint` prints for
 * the file (its nearest configuration, its family read from its real path, the same severities) —
 * and from any further {@link PublishGate}s. A report is blocked by
 * - any error that no inline directive suppresses,
 * - any finding of a rule that blocks at every severity (`placeholder`: a fill-in is never
 *   published, though lint shows it as a warning while the report is drafted),
 * - a report that could not be checked at all (over the size limit): not even a draft of it is
 *   rendered ({@link Verdict.unchecked}).
 *
 * Adding a gate (e.g. the required sign-off of issue 26): write a {@link PublishGate} whose
 * `blockers` reads the {@link VerdictInput} (the lint result; put what the gate needs to know on it,
 * computed by the linter, never by a host) and returns one {@link Blocker} per reason to hold the
 * report back, each with the finding that states it where there is one; then add it to
 * {@link PUBLISH_GATES}. Every host shows its blockers and refuses with them, because every host
 * asks this function; a gate is one more input, never a second check in a host. A gate that lint
 * should also report (a missing approval) is simplest as a rule whose findings are errors: the
 * findings gate then blocks on them with no new gate at all. That is how the release gate joins
 * (issue 26): `requireApproval` makes the `approval-current` rule's findings errors, and this
 * verdict blocks on them like on any error; that rule is `publicOnly`, so confidential drafts for
 * authorities ({@link concernsPublicationOnly}) are exempt.
 */
import type { Finding } from '../shared/types';
import type { LintResult } from './lint';
import { RULES } from '../rules';

/** What a verdict is decided from: one report's lint result. */
export type VerdictInput = Pick<LintResult, 'findings' | 'unchecked'>;

/** One reason a report may not be published. */
export interface Blocker {
  /** The gate that holds the report back (`findings`, …). */
  gate: string;
  /** The finding that says why and where (every blocker of the findings gate has one). */
  finding: Finding;
}

/** Something that can hold a report back from publication. */
export interface PublishGate {
  /** Names the gate in blockers. */
  readonly id: string;
  /** What holds this report back; empty when the gate lets it pass. */
  blockers(input: VerdictInput): Blocker[];
}

/** The answer for one report. */
export interface Verdict {
  /** True when nothing holds the report back: its public outputs may be rendered without `--draft`. */
  publishable: boolean;
  /** Why not, in document order per gate. */
  blockers: readonly Blocker[];
  /** True when the report could not be checked at all: nothing of it is rendered, not even a draft. */
  unchecked: boolean;
  /** Findings that inline directives suppress: they do not block, and stay visible with their reason. */
  suppressed: readonly Finding[];
}

const ALWAYS_BLOCKING: ReadonlySet<string> = new Set(RULES.filter((rule) => rule.alwaysBlocks).map((rule) => rule.id));

/** True when `finding` holds its report back from publication. */
export function blocksPublication(finding: Finding): boolean {
  return !finding.suppressed && (finding.severity === 'error' || ALWAYS_BLOCKING.has(finding.ruleId));
}

const PUBLIC_ONLY: ReadonlySet<string> = new Set(RULES.filter((rule) => rule.publicOnly).map((rule) => rule.id));

/**
 * True when `finding` concerns publication only (the release gate, `approval-current`): a
 * confidential draft for an authority is not published, so such a finding never holds one back.
 */
export function concernsPublicationOnly(finding: Finding): boolean {
  return PUBLIC_ONLY.has(finding.ruleId);
}

const APPROVAL_BLOCKING: ReadonlySet<string> = new Set(RULES.filter((rule) => rule.blocksApproval).map((rule) => rule.id));

/**
 * The findings that keep a report from being approved: those of a leak or a placeholder in what it
 * publishes that would hold it back from publication. Others do not: an internal error (a NIS2
 * clock) is fixed without touching what was approved, and the release gate asks for this very approval.
 */
export function approvalBlockers(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => blocksPublication(finding) && APPROVAL_BLOCKING.has(finding.ruleId));
}

/** Errors that no directive suppresses, and findings of rules that block at any severity. */
export const FINDINGS_GATE: PublishGate = {
  id: 'findings',
  blockers: (input) => input.findings.filter(blocksPublication).map((finding) => ({ gate: 'findings', finding })),
};

/** The gates every verdict asks, in this order. */
export const PUBLISH_GATES: readonly PublishGate[] = [FINDINGS_GATE];

/** Decides whether a linted report may be published. */
export function publishVerdict(input: VerdictInput, gates: readonly PublishGate[] = PUBLISH_GATES): Verdict {
  if (input.unchecked) {
    return { publishable: false, blockers: [{ gate: 'findings', finding: input.unchecked }], unchecked: true, suppressed: [] };
  }
  const blockers = gates.flatMap((gate) => gate.blockers(input));
  return { publishable: blockers.length === 0, blockers, unchecked: false, suppressed: input.findings.filter((f) => f.suppressed) };
}
