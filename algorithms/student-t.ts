/**
 * Two-sided p-value of Student's t statistic.
 *
 * Follows SciPy's `ttest_ind_from_stats` (`2 · stdtr(df, −|t|)`); the CDF is
 * `@stdlib/stats-base-dists-t-cdf`, a port of Boost's regularised incomplete beta function,
 * accurate to a few ulps (SciPy's `stdtr` computes the same function).
 *
 * Cost: O(1).
 */
import tCdf from '@stdlib/stats-base-dists-t-cdf';

/**
 * p = 2 · T_df(−|t|); ±∞ gives 0 and NaN gives NaN, as in SciPy.
 *
 * @example twoSidedPValue(2.0, 10) // ≈ 0.0734
 */
export function twoSidedPValue(t: number, df: number): number {
  return 2 * tCdf(-Math.abs(t), df);
}
