/**
 * The merge step of Apache Otava 0.8.0 (`otava.analysis.merge`; Fleming et al., ICPE 2023,
 * doi:10.1145/3578244.3583719): weak change points are removed one at a time, bottom-up, until
 * every remaining point has p < max_pvalue and magnitude > min_magnitude.
 *
 * Each round removes the first point with the largest p-value; if that p-value already passes,
 * the first point with the smallest magnitude instead, unless its magnitude passes too (then
 * stop). After a removal the neighbours' statistics are recomputed:
 * - `otava` mode recomputes the points now at list positions k and k+1, as Otava does, so the
 *   left neighbour keeps stale statistics (Otava's defect, reproduced for compatibility);
 * - `vahti` mode recomputes both true neighbours (k−1 and k), so every reported point meets the
 *   thresholds when its statistics are recomputed.
 *
 * Cost: O(K log K) selections with two segment trees instead of Otava's O(K²) list scans, plus
 * the statistics recomputations, each O(length of the two segments).
 */
import { ArgBestTree } from './arg-best-tree.ts';
import type { DetectMode, SegmentStats } from './types.ts';

/**
 * Statistics of the weak point at position pc between its neighbours at positions pl and pr
 * (pl = −1: the start of the series; pr = K: its end), i.e. of the segments [l, c) and [c, r).
 */
export type StatsOf = (pl: number, pc: number, pr: number) => SegmentStats;

/** A point that survived the merge: its position among the weak points, and its statistics. */
export interface MergedPoint {
  position: number;
  stats: SegmentStats;
}

/**
 * Merges K sorted weak points, known to the merge only by position; `statsOf` supplies statistics.
 *
 * @example mergeWeakPoints(1, statsOf, 0.001, 0, 'vahti') // [{ position: 0, stats }] if significant
 */
export function mergeWeakPoints(
  k: number,
  statsOf: StatsOf,
  maxPvalue: number,
  minMagnitude: number,
  mode: DetectMode,
): MergedPoint[] {
  const prev = new Int32Array(k);
  const next = new Int32Array(k);
  const alive = new Uint8Array(k).fill(1);
  const pv = new Float64Array(k);
  const mag = new Float64Array(k);
  const stats: SegmentStats[] = new Array<SegmentStats>(k);
  let nanCount = 0;

  const setStats = (i: number, s: SegmentStats): void => {
    if (stats[i] && (Number.isNaN(pv[i]!) || Number.isNaN(mag[i]!))) nanCount--;
    stats[i] = s;
    pv[i] = s.pvalue;
    mag[i] = s.magnitude;
    if (Number.isNaN(s.pvalue) || Number.isNaN(s.magnitude)) nanCount++;
  };
  const rightOf = (i: number): number => (next[i]! >= 0 ? next[i]! : k);

  for (let i = 0; i < k; i++) {
    prev[i] = i - 1;
    next[i] = i + 1 < k ? i + 1 : -1;
  }
  for (let i = 0; i < k; i++) setStats(i, statsOf(prev[i]!, i, rightOf(i)));
  const maxP = new ArgBestTree(pv, true);
  // Needed only once every p-value passes; with the default min_magnitude 0 that is at the end.
  let minMag: ArgBestTree | null = null;

  // Python's max/min over the live points in order, exact with NaN keys.
  const scan = (keys: Float64Array, largest: boolean): number => {
    let best = -1;
    for (let i = 0; i < k; i++) {
      if (!alive[i]) continue;
      if (best < 0 || (largest ? keys[i]! > keys[best]! : keys[i]! < keys[best]!)) best = i;
    }
    return best;
  };
  const recompute = (i: number): void => {
    if (i < 0) return;
    setStats(i, statsOf(prev[i]!, i, rightOf(i)));
    maxP.set(i, true);
    minMag?.set(i, true);
  };

  let live = k;
  while (live > 0) {
    let w = nanCount > 0 ? scan(pv, true) : maxP.best();
    if (pv[w]! < maxPvalue) {
      if (nanCount > 0) {
        w = scan(mag, false);
      } else {
        minMag ??= new ArgBestTree(mag, false, alive);
        w = minMag.best();
      }
      if (mag[w]! > minMagnitude) break;
    }
    alive[w] = 0;
    live--;
    if (Number.isNaN(pv[w]!) || Number.isNaN(mag[w]!)) nanCount--;
    maxP.set(w, false);
    minMag?.set(w, false);
    const left = prev[w]!;
    const right = next[w]!;
    if (left >= 0) next[left] = right;
    if (right >= 0) prev[right] = left;
    if (mode === 'otava') {
      recompute(right);
      if (right >= 0) recompute(next[right]!);
    } else {
      recompute(left);
      recompute(right);
    }
  }

  const out: MergedPoint[] = [];
  for (let i = 0; i < k; i++) if (alive[i]) out.push({ position: i, stats: stats[i]! });
  return out;
}
