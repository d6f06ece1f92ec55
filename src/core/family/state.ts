import type { FamilyEntry, FamilyMember, FamilyOptions } from './index';
import { MAX_FAMILY_DEPTH, normalizePath, resolveParentPath } from './index';
import type { Localized } from '../shared/types';

/** Why the parent of a report could not be used. */
export type ParentProblem =
  /** The host gave no path or no family: nothing could be checked. */
  | { kind: 'unchecked'; path: string | null }
  /** The parent file could not be read (does not exist, no permission). */
  | { kind: 'missing'; path: string; error: string; reason?: Localized }
  /** The parent file is no incident report. */
  | { kind: 'not-report'; path: string }
  /** Following `parent` comes back to a report already on the way (or never ends). */
  | { kind: 'cycle'; chain: string[] };

/** The family of the report being linted, as the cross-file rules read it. */
export interface FamilyState {
  /** This report's path, as the host named it (normalised). */
  path: string | null;
  /** The value of `parent` as written. */
  ref: string;
  /** The parent report when it could be loaded and is a report (also when the chain above it has a cycle). */
  parent: FamilyEntry | null;
  /**
   * The loaded reports this one stands on, nearest first: the parent, its parent, … up to the first
   * report without parent, a file that is not loaded or no report, or the first repetition of a cycle.
   */
  ancestors: FamilyEntry[];
  problem: ParentProblem | null;
}

/** What `lint()` gets from its host about the document's place in a family. */
export interface FamilyLintContext {
  path?: string;
  family?: FamilyOptions;
}

/**
 * Follows `parent` from the linted report through the host's lookup. `null` when the report names
 * no parent (a `parent` that is no string is the schema rule's business).
 */
export function familyState(data: Record<string, unknown> | null, context: FamilyLintContext): FamilyState | null {
  const ref = data?.parent;
  if (typeof ref !== 'string' || ref === '') return null;
  const path = context.path === undefined ? null : normalizePath(context.path);
  const state: FamilyState = { path, ref, parent: null, ancestors: [], problem: null };
  if (path === null || !context.family) {
    state.problem = { kind: 'unchecked', path: path === null ? null : resolveParentPath(path, ref) };
    return state;
  }
  const family = context.family;
  const lookup = (at: string) => family.lookup(at);
  const first = resolveParentPath(path, ref);
  if (first === path) {
    state.problem = { kind: 'cycle', chain: [path, first] };
    return state;
  }
  const parent = lookup(first);
  if (!parent) state.problem = { kind: 'unchecked', path: first };
  else if (parent.text === null) state.problem = { kind: 'missing', path: first, error: parent.error ?? 'not readable', ...(parent.reason ? { reason: parent.reason } : {}) };
  else if (!parent.isReport) state.problem = { kind: 'not-report', path: first };
  if (state.problem) return state;
  state.parent = parent!;
  state.ancestors.push(parent!);
  // Walk up: a cycle anywhere above makes the family unusable, even if this report is not on it.
  const chain = [path, first];
  for (let current: FamilyEntry | undefined = parent; current; ) {
    const next: unknown = current.data?.parent;
    if (typeof next !== 'string' || next === '') break;
    const nextPath = resolveParentPath(current.path, next);
    const seenBefore = chain.includes(nextPath);
    chain.push(nextPath);
    if (seenBefore || chain.length > MAX_FAMILY_DEPTH) {
      state.problem = { kind: 'cycle', chain };
      break;
    }
    current = lookup(nextPath);
    if (!current || !current.isReport) break;
    state.ancestors.push(current);
  }
  return state;
}

/** Members of this report that the host passed along. */
export function familyMembers(context: FamilyLintContext): readonly FamilyMember[] {
  return context.family?.members ?? [];
}
