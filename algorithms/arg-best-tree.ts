/**
 * A segment tree that answers "the first position with the largest (or smallest) key" over a
 * set of live positions, with O(log K) updates. It reproduces Python's `max(xs, key=…)` /
 * `min(xs, key=…)` over a list in position order, which keeps the first of equal keys.
 * NaN keys are not supported (Python's fold is not associative with NaN): callers fall back to
 * a linear scan while any live key is NaN.
 *
 * Cost: O(K) to build, O(log K) per update, O(1) per query. Memory O(K).
 */
export class ArgBestTree {
  private readonly size: number;
  private readonly tree: Int32Array;

  /**
   * @param keys the key of every position (read at each comparison, so update it before `set`)
   * @param largest true for the first maximum, false for the first minimum
   * @param live which positions start in the set (default: all)
   * @example const t = new ArgBestTree(Float64Array.of(3, 5, 5), true); t.best() // 1
   */
  constructor(
    private readonly keys: Float64Array,
    private readonly largest: boolean,
    live?: Uint8Array,
  ) {
    let size = 1;
    while (size < keys.length) size *= 2;
    this.size = size;
    this.tree = new Int32Array(2 * size).fill(-1);
    for (let i = 0; i < keys.length; i++) if (!live || live[i]) this.tree[size + i] = i;
    for (let i = size - 1; i >= 1; i--) this.tree[i] = this.pick(this.tree[2 * i]!, this.tree[2 * i + 1]!);
  }

  private pick(a: number, b: number): number {
    if (a < 0) return b;
    if (b < 0) return a;
    const ka = this.keys[a]!;
    const kb = this.keys[b]!;
    return (this.largest ? kb > ka : kb < ka) ? b : a;
  }

  /** Re-reads position i's key (`live`) or removes it from the set (`!live`). */
  set(i: number, live: boolean): void {
    let node = this.size + i;
    this.tree[node] = live ? i : -1;
    for (node >>= 1; node >= 1; node >>= 1) this.tree[node] = this.pick(this.tree[2 * node]!, this.tree[2 * node + 1]!);
  }

  /** The first live position with the best key, or −1 when none is live. */
  best(): number {
    return this.tree[1]!;
  }
}
