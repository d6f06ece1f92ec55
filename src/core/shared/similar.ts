import { distance } from 'fastest-levenshtein';

/**
 * The candidate closest to `input` when it is plausibly a typo of it (a few edits apart,
 * case-insensitive), else `undefined`. Used for "did you mean" and for preferring a quick fix.
 */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(needle, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const allowed = Math.max(1, Math.floor(needle.length / 3));
  return best !== undefined && bestDistance <= allowed ? best : undefined;
}
