/** A small time-boxed cache that also shares one in-flight computation between concurrent askers. */
export class TtlCache<V> {
  private readonly entries = new Map<string, { at: number; value: Promise<V> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
    private readonly maxEntries = 500,
  ) {}

  /** The cached value for `key`, or `compute()`'s; a failure is not cached. */
  get(key: string, compute: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.value;
    if (hit) this.entries.delete(key);
    const value = compute();
    this.entries.set(key, { at: this.now(), value });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }
}

/** Same slots in any key order → same key. */
export function stableKey(parts: Record<string, unknown>): string {
  return JSON.stringify(Object.keys(parts).sort().map((k) => [k, parts[k]]));
}
