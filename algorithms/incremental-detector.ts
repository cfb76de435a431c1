/**
 * Windowed E-divisive change-point detection (Fleming et al., ICPE 2023,
 * doi:10.1145/3578244.3583719, "Hunter"; the algorithm of Apache Otava 0.8.0
 * `compute_change_points`) that takes points as they arrive.
 *
 * Split step: windows of `window_len` points slide by `max(last point found, start + ⌊len/2⌋)`;
 * each window runs recursive E-divisive with the relaxed first-pass p-value; the union of what
 * they find are the weak points. Merge step: see `merge.ts`.
 *
 * Incremental and exact: a window that lay wholly inside the series already seen sees the same
 * points after an append, so its result is kept; only the windows that were cut short by the
 * old end of the series, and those after them, are run again. The merge is replayed with the
 * statistics of unchanged segments taken from the previous run. The output therefore equals a
 * full recompute, bit for bit (property-tested in `test/algorithms/incremental-detector.test.ts`).
 *
 * Cost of an append of a points to n: O((a/step + 2) · window_len²) for the windows, plus
 * O(K log K) for the merge over K weak points, plus the statistics of the segments that changed.
 * Memory: O(n + K + window_len²).
 */
import { compareSegments } from './segment-stats.ts';
import { divisiveChangePoints } from './divisive.ts';
import { mergeWeakPoints, type StatsOf } from './merge.ts';
import { QhatCalculator } from './qhat.ts';
import { OTAVA_DEFAULTS, firstPassPvalue, validateOptions } from './thresholds.ts';
import type { ChangePoint, DetectMode, DetectOptions, SegmentStats, SeriesInput } from './types.ts';

/** Memo keys pack two position distances into one small integer; farther neighbours are not memoised. */
const MEMO_SPAN = 2 ** 15;

/**
 * Detector state for one series. `append` returns the change points of the whole series so far.
 *
 * @example
 * const d = new IncrementalDetector({ windowLen: 30, maxPvalue: 0.01 });
 * d.append(firstHundred);
 * d.append([101.5]); // same as detectChangePoints([...firstHundred, 101.5], …)
 */
export class IncrementalDetector {
  readonly windowLen: number;
  readonly maxPvalue: number;
  readonly minMagnitude: number;
  readonly mode: DetectMode;
  private readonly firstPass: number;
  private readonly calc = new QhatCalculator();

  private x = new Float64Array(1024);
  private n = 0;
  /** Leading missing values not yet back-filled (no number seen so far). */
  private leadingMissing = 0;
  /** Length of the series the current windows and change points describe. */
  private processed = 0;

  // The window log: window k started at recStart[k] and found weak[recOffset[k] .. recOffset[k+1]).
  private readonly recStart: number[] = [];
  private readonly recOffset: number[] = [];
  private readonly weak: number[] = [];
  private nextStart = 0;

  /**
   * Statistics computed by earlier merges: memo[pr] maps (pr − pc, pc − pl) to the statistics of
   * the weak point at position pc between those at pl and pr.
   */
  private readonly memo: Map<number, SegmentStats>[] = [];
  /** How many weak points the latest append kept from before it. */
  private stableWeak = 0;
  private result: ChangePoint[] = [];

  constructor(options: DetectOptions = {}) {
    this.windowLen = options.windowLen ?? OTAVA_DEFAULTS.windowLen;
    this.maxPvalue = options.maxPvalue ?? OTAVA_DEFAULTS.maxPvalue;
    this.minMagnitude = options.minMagnitude ?? OTAVA_DEFAULTS.minMagnitude;
    this.mode = options.mode ?? 'vahti';
    validateOptions(this);
    this.firstPass = firstPassPvalue(this.maxPvalue);
  }

  /** Number of points appended so far, missing ones included. */
  get length(): number {
    return this.n + this.leadingMissing;
  }

  /** The change points after the last append. */
  get changePoints(): readonly ChangePoint[] {
    return this.result;
  }

  /**
   * Appends points (null/undefined = missing, filled as Otava fills them) and returns the change
   * points of the whole series. Throws a RangeError, appending nothing, on NaN or ±Infinity.
   */
  append(points: SeriesInput): ChangePoint[] {
    for (let i = 0; i < points.length; i++) {
      const v = points[i];
      if (v !== null && v !== undefined && !Number.isFinite(v)) {
        throw new RangeError(`series values must be finite numbers; got ${v} at position ${this.length + i}`);
      }
    }
    for (const v of points) this.push(v);
    if (this.n === this.processed) return this.result;
    this.split();
    this.result = this.merge();
    this.processed = this.n;
    return this.result;
  }

  private push(v: number | null | undefined): void {
    if (v === null || v === undefined) {
      if (this.n === 0) this.leadingMissing++;
      else this.write(this.x[this.n - 1]!);
      return;
    }
    for (; this.leadingMissing > 0; this.leadingMissing--) this.write(v);
    this.write(v);
  }

  private write(v: number): void {
    if (this.n === this.x.length) {
      const grown = new Float64Array(this.x.length * 2);
      grown.set(this.x);
      this.x = grown;
    }
    this.x[this.n++] = v;
  }

  /** Drops the windows the old end cut short, then slides windows over the rest of the series. */
  private split(): void {
    const w = this.windowLen;
    let last = this.recStart.length - 1;
    while (last >= 0 && this.recStart[last]! + w > this.processed) last--;
    if (last + 1 < this.recStart.length) {
      this.nextStart = this.recStart[last + 1]!;
      this.weak.length = this.recOffset[last + 1]!;
      this.recStart.length = this.recOffset.length = last + 1;
    }

    this.stableWeak = this.weak.length; // weak points that the appended data cannot have changed
    const { x, n, calc, firstPass, mode } = this;
    const step = Math.floor(w / 2);
    let start = this.nextStart;
    let ws = start;
    const significant = (s: number, tau: number, e: number): boolean => compareSegments(x, ws + s, ws + tau, ws + e, mode).pvalue <= firstPass;
    while (start < n) {
      const end = Math.min(start + w, n);
      calc.reset(x, start, end - start);
      ws = start;
      const found = divisiveChangePoints(calc, end - start, significant);
      this.recStart.push(start);
      this.recOffset.push(this.weak.length);
      // Every point a window finds lies after all points of earlier windows: the union stays sorted.
      for (const c of found) this.weak.push(start + c);
      const lastFound = found.length > 0 ? start + found[found.length - 1]! : 0;
      start = Math.max(lastFound, start + step);
    }
    this.nextStart = start;
  }

  private merge(): ChangePoint[] {
    const { x, weak, memo, mode } = this;
    const k = weak.length;
    // Statistics depend only on the three positions; those whose right neighbour lies before the
    // first weak point this append could have changed are still valid (see `split`).
    memo.length = Math.min(memo.length, this.stableWeak);
    const statsOf: StatsOf = (pl, pc, pr) => {
      const l = pl < 0 ? 0 : weak[pl]!;
      const r = pr >= k ? this.n : weak[pr]!;
      const dl = pc - pl;
      const dr = pr - pc;
      if (dl >= MEMO_SPAN || dr >= MEMO_SPAN) return compareSegments(x, l, weak[pc]!, r, mode);
      const key = dr * MEMO_SPAN + dl;
      let entries = memo[pr];
      if (!entries) memo[pr] = entries = new Map();
      let stats = entries.get(key);
      if (!stats) entries.set(key, (stats = compareSegments(x, l, weak[pc]!, r, mode)));
      return stats;
    };
    const out = mergeWeakPoints(k, statsOf, this.maxPvalue, this.minMagnitude, this.mode);
    return out.map((cp) => ({ index: weak[cp.position]!, ...cp.stats }));
  }


}
