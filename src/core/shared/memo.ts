/**
 * A bounded map for memoising pure functions of text. Oldest entries go first once it is full, so a
 * long session or a CLI run over thousands of files keeps a fixed footprint.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();
  /**
   * The keys in the order they came, as a ring: the oldest is at {@link next} once the cache is
   * full. Not `entries.keys().next()`: V8 leaves a deleted entry's slot in the map's table until
   * the table is rebuilt, so the first key of a map that has evicted many was found by stepping
   * over every earlier deleted slot — microseconds per miss in a full cache, a few per cent of a
   * CLI run over thousands of reports.
   */
  private readonly order: K[] = [];
  private next = 0;

  /** @param capacity most entries kept */
  constructor(private readonly capacity: number) {}

  /** The cached value for `key`, computing and keeping it on a miss. */
  get(key: K, compute: () => V): V {
    const hit = this.entries.get(key);
    if (hit !== undefined || this.entries.has(key)) return hit as V;
    const value = compute();
    if (this.order.length < this.capacity) this.order.push(key);
    else {
      this.entries.delete(this.order[this.next]!);
      this.order[this.next] = key;
      this.next = (this.next + 1) % this.capacity;
    }
    this.entries.set(key, value);
    return value;
  }
}

/**
 * A value worked out from an object once and kept on that object (the publication of a parsed
 * report, the leak scan of one lint), gone when the object is.
 *
 * Not a WeakMap: V8's minor GC keeps a long-lived WeakMap's values alive while their young keys
 * are unreachable (only a full GC clears them). A module-level WeakMap keyed by each lint's report
 * kept every report (its YAML tree, its data, its text) alive through minor GCs and copied it into
 * the old generation: over the 2,000-report corpus the CLI promoted ~90 MB and spent three times
 * the read-and-parse floor's time in minor GCs. Kept on the object itself, the value dies with it.
 */
export class Derived<K extends object, V> {
  private readonly slot: symbol;

  /** @param name what is derived (the symbol's description, for debugging) */
  constructor(name: string) {
    this.slot = Symbol(name);
  }

  /** The value derived from `key`, computing and keeping it on first use. */
  get(key: K, compute: () => V): V {
    const holder = key as Record<symbol, V | undefined>;
    const known = holder[this.slot];
    if (known !== undefined) return known;
    const value = compute();
    // Not enumerable: a copy of the object (`{ ...report }`) must not carry another object's value.
    Object.defineProperty(key, this.slot, { value, enumerable: false, writable: true, configurable: true });
    return value;
  }
}
