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
import type { ChangePoint, DetectMode, SegmentStats } from './types.ts';

/** Statistics of the point c between its neighbours l and r: segments [l, c) and [c, r). */
export type StatsOf = (l: number, c: number, r: number) => SegmentStats;

/**
 * Merges the sorted weak points of a series of length n.
 *
 * @example mergeWeakPoints([10], 20, statsOf, 0.001, 0, 'vahti') // [{ index: 10, … }] if significant
 */
export function mergeWeakPoints(
  weak: readonly number[],
  n: number,
  statsOf: StatsOf,
  maxPvalue: number,
  minMagnitude: number,
  mode: DetectMode,
): ChangePoint[] {
  const k = weak.length;
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
  const neighbours = (i: number): [number, number] => [prev[i]! >= 0 ? weak[prev[i]!]! : 0, next[i]! >= 0 ? weak[next[i]!]! : n];

  for (let i = 0; i < k; i++) {
    prev[i] = i - 1;
    next[i] = i + 1 < k ? i + 1 : -1;
  }
  for (let i = 0; i < k; i++) {
    const [l, r] = neighbours(i);
    setStats(i, statsOf(l, weak[i]!, r));
  }
  const maxP = new ArgBestTree(pv, true);
  const minMag = new ArgBestTree(mag, false);

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
    const [l, r] = neighbours(i);
    setStats(i, statsOf(l, weak[i]!, r));
    maxP.set(i, true);
    minMag.set(i, true);
  };

  let live = k;
  while (live > 0) {
    let w = nanCount > 0 ? scan(pv, true) : maxP.best();
    if (pv[w]! < maxPvalue) {
      w = nanCount > 0 ? scan(mag, false) : minMag.best();
      if (mag[w]! > minMagnitude) break;
    }
    alive[w] = 0;
    live--;
    if (Number.isNaN(pv[w]!) || Number.isNaN(mag[w]!)) nanCount--;
    maxP.set(w, false);
    minMag.set(w, false);
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

  const out: ChangePoint[] = [];
  for (let i = 0; i < k; i++) if (alive[i]) out.push({ index: weak[i]!, ...stats[i]! });
  return out;
}
