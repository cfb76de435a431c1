/**
 * A bounded least-recently-used map: keeps at most `capacity` entries and forgets the one
 * read or written longest ago. Backed by a `Map`, whose iteration order is insertion order.
 */
export class LruCache<K, V> {
  readonly #entries = new Map<K, V>();

  /**
   * @param capacity how many entries to keep, ≥ 1.
   * @example new LruCache<string, number>(2).set('a', 1).get('a') // 1
   */
  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('LruCache capacity must be an integer ≥ 1');
  }

  /** The value under `key`, marked as most recently used. O(1). */
  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  /** Stores `value` as most recently used, evicting the least recently used entry when full. O(1). */
  set(key: K, value: V): this {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    return this;
  }

  /** Forgets `key`. O(1). */
  delete(key: K): boolean {
    return this.#entries.delete(key);
  }

  /** How many entries are held. */
  get size(): number {
    return this.#entries.size;
  }
}
