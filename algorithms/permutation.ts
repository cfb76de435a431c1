/**
 * The original E-divisive with a permutation significance test (Matteson & James 2014,
 * doi:10.1080/01621459.2013.849605), as Apache Otava 0.8.0 `compute_change_points_orig`
 * (`otava analyze --orig-edivisive`): recursive bisection of the whole series, no windows and
 * no merge. A candidate is significant when few permutations beat its q̂:
 * p = #{permuted q̂ ≥ q̂} / (permutations + 1), points shuffled within the current intervals.
 *
 * Otava draws permutations from NumPy's generator; this one takes an injected `RandomSource`,
 * so the same seed gives the same result here but not the same stream as Otava.
 *
 * Cost: O(permutations · n²) per accepted point; meant for short series.
 */
import { divisiveChangePoints } from './divisive.ts';
import { fillMissing } from './fill-missing.ts';
import { QhatCalculator } from './qhat.ts';
import { shuffleRange, type RandomSource } from './random.ts';
import { compareSegments } from './segment-stats.ts';
import type { ChangePoint, SeriesInput } from './types.ts';

export interface PermutationOptions {
  /** Largest permutation p-value accepted; default 0.001 (Otava's). */
  maxPvalue?: number;
  /** Number of permutations per candidate; default 100 (Otava's). */
  permutations?: number;
  random: RandomSource;
}

/**
 * Change points by permutation-tested E-divisive. Each point's `pvalue` is its permutation
 * p-value; the other statistics describe the segments to its neighbouring change points.
 *
 * @example permutationChangePoints(series, { maxPvalue: 0.01, random: seededRandom(1) })
 */
export function permutationChangePoints(series: SeriesInput, options: PermutationOptions): ChangePoint[] {
  const maxPvalue = options.maxPvalue ?? 0.001;
  const permutations = options.permutations ?? 100;
  const x = fillMissing(series);
  if (!x) return [];
  for (const v of x) if (!Number.isFinite(v)) throw new RangeError(`series values must be finite numbers; got ${v}`);
  const n = x.length;
  const calc = new QhatCalculator();
  const permCalc = new QhatCalculator();
  const shuffled = new Float64Array(n);
  const pvalues = new Map<number, number>();

  calc.reset(x, 0, n);
  const cps = divisiveChangePoints(calc, n, (_s, tau, _e, candidate, accepted) => {
    const bounds = [0, ...accepted, n];
    let extreme = 0;
    for (let p = 0; p < permutations; p++) {
      shuffled.set(x);
      for (let i = 0; i + 1 < bounds.length; i++) shuffleRange(shuffled, bounds[i]!, bounds[i + 1]!, options.random);
      permCalc.reset(shuffled, 0, n);
      let best = -Infinity;
      for (let i = 0; i + 1 < bounds.length; i++) {
        const a = bounds[i]!;
        const b = bounds[i + 1]!;
        if (b - a >= 2) best = Math.max(best, permCalc.candidate(a, b).qhat);
      }
      if (best >= candidate.qhat) extreme++;
    }
    const pvalue = extreme / (permutations + 1);
    pvalues.set(tau, pvalue);
    return pvalue <= maxPvalue;
  });

  return cps.map((c, i) => ({
    index: c,
    ...compareSegments(x, i > 0 ? cps[i - 1]! : 0, c, i + 1 < cps.length ? cps[i + 1]! : n),
    pvalue: pvalues.get(c)!,
  }));
}
