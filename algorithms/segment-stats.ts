/**
 * Statistics of two adjacent segments and the pooled two-sample Student t-test between them:
 * Apache Otava 0.8.0 `TTestSignificanceTester.compare` + `TTestStats`, with SciPy's
 * `ttest_ind_from_stats(equal_var=True)` arithmetic in the same order.
 */
import { numpyMean, numpyStd, type Numbers } from './numpy-sum.ts';
import { twoSidedPValue } from './student-t.ts';
import type { DetectMode, SegmentStats } from './types.ts';

/**
 * Relative difference of two means below which `vahti` mode calls them equal: 2^−45 ≈ 2.8e−14,
 * about a hundred ulps, above the rounding error of any pairwise-summed mean and far below any
 * change a benchmark can show. Without it, Otava splits constant series such as 200 × 0.1,
 * whose segment means differ only by rounding (Otava 0.8.0 reports 15 change points there at
 * p 0.3).
 */
const ROUNDING = 2 ** -45;

/**
 * Compares `x[a:c]` (before) with `x[c:b]` (after); both must be non-empty.
 *
 * Standard deviations are population ones (ddof = 0), 0 for a one-point side. With fewer than
 * three points in all the p-value is 1. A zero pooled deviation gives p = 0 for different means
 * and NaN (fails every threshold) for equal ones.
 *
 * In `vahti` mode (the default) two means that differ by no more than rounding error give
 * p = 1: rounding noise is not evidence of a change. `otava` mode keeps Otava's arithmetic.
 *
 * Cost: O(b − a).
 *
 * @example compareSegments([1, 1, 5], 0, 2, 3).pvalue // 0
 */
export function compareSegments(x: Numbers, a: number, c: number, b: number, mode: DetectMode = 'vahti'): SegmentStats {
  const n1 = c - a;
  const n2 = b - c;
  const m1 = numpyMean(x, a, c);
  const m2 = numpyMean(x, c, b);
  const s1 = n1 >= 2 ? numpyStd(x, a, c, m1) : 0;
  const s2 = n2 >= 2 ? numpyStd(x, c, b, m2) : 0;

  let pvalue = 1;
  const withinRounding = mode === 'vahti' && Math.abs(m1 - m2) <= ROUNDING * Math.max(Math.abs(m1), Math.abs(m2));
  if (n1 + n2 > 2 && !withinRounding) {
    const v1 = n1 === 1 ? 0 : s1 * s1;
    const v2 = n2 === 1 ? 0 : s2 * s2;
    const df = n1 + n2 - 2;
    const svar = ((n1 - 1) * v1 + (n2 - 1) * v2) / df;
    const denom = Math.sqrt(svar * (1 / n1 + 1 / n2));
    pvalue = twoSidedPValue((m1 - m2) / denom, df);
  }

  const forward = m1 === 0 ? 0 : m2 / m1 - 1;
  const backward = m2 === 0 ? 0 : m1 / m2 - 1;
  const af = Math.abs(forward);
  const ab = Math.abs(backward);
  return {
    pvalue,
    // Python's max(a, b) keeps a unless b > a.
    magnitude: ab > af ? ab : af,
    forward_change_percent: forward * 100,
    mean_before: m1,
    mean_after: m2,
    stddev_before: s1,
    stddev_after: s2,
  };
}
