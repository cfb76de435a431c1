/**
 * Recursive E-divisive inside one window: Apache Otava 0.8.0 `ChangePointDetector.get_change_points`
 * (Matteson & James 2014, doi:10.1080/01621459.2013.849605).
 *
 * Repeatedly takes, over all current intervals of length ≥ 2, the candidate with the largest q̂
 * (ties: the leftmost interval), asks the significance test about it, and either inserts it and
 * goes on, or stops: no other interval is tried once the best one fails.
 *
 * Cost: O(W²) per accepted point (only the two new intervals are searched again; the other
 * intervals' candidates cannot change, so they are kept).
 */
import type { Candidate, QhatCalculator } from './qhat.ts';

/**
 * Decides whether τ splits [s, e) significantly (all indices window-local). `cps` are the points
 * accepted so far, sorted, so a permutation test can shuffle within the current intervals.
 */
export type SignificanceTest = (s: number, tau: number, e: number, candidate: Candidate, cps: readonly number[]) => boolean;

/**
 * Change points of the window the calculator was `reset` on (length `w`), window-local, sorted.
 *
 * @example
 * calc.reset(series, 0, series.length);
 * divisiveChangePoints(calc, series.length, tTestAt(series, 0, 0.01)); // e.g. [5, 8]
 */
export function divisiveChangePoints(calc: QhatCalculator, w: number, test: SignificanceTest): number[] {
  const cps: number[] = [];
  // Intervals [starts[k], starts[k+1]) with their cached candidates (null when shorter than 2).
  const starts: number[] = [0, w];
  const cands: (Candidate | null)[] = [w >= 2 ? calc.candidate(0, w) : null];
  for (;;) {
    let k = -1;
    for (let i = 0; i < cands.length; i++) {
      const c = cands[i];
      if (c && (k < 0 || c.qhat > cands[k]!.qhat)) k = i;
    }
    if (k < 0) break;
    const cand = cands[k]!;
    const s = starts[k]!;
    const e = starts[k + 1]!;
    if (!test(s, cand.index, e, cand, cps)) break;
    const tau = cand.index;
    let at = 0;
    while (at < cps.length && cps[at]! < tau) at++;
    cps.splice(at, 0, tau);
    starts.splice(k + 1, 0, tau);
    cands.splice(k, 1, tau - s >= 2 ? calc.candidate(s, tau) : null, e - tau >= 2 ? calc.candidate(tau, e) : null);
  }
  return cps;
}
