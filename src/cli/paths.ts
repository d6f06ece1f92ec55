import { isAbsolute, relative, sep } from 'node:path';

/**
 * `path` relative to the folder `base` (`''` for `base` itself), or `null` when it is not inside:
 * it climbs out (`..`, `../…`) or lies on another drive (Windows). A name that only starts with two
 * dots (`..drafts`) is inside; `relative(…).startsWith('..')` took it for outside.
 */
export function pathInside(base: string, path: string): string | null {
  const inside = relative(base, path);
  return inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside) ? null : inside;
}
