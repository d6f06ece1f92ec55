/**
 * A bounded map for memoising pure functions of text. Oldest entries go first once it is full, so a
 * long session or a CLI run over thousands of files keeps a fixed footprint.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  /** @param capacity most entries kept */
  constructor(private readonly capacity: number) {}

  /** The cached value for `key`, computing and keeping it on a miss. */
  get(key: K, compute: () => V): V {
    const hit = this.entries.get(key);
    if (hit !== undefined || this.entries.has(key)) return hit as V;
    const value = compute();
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, value);
    return value;
  }
}
