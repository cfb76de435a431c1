/**
 * One-shot change-point detection over a whole series.
 */
import { IncrementalDetector } from './incremental-detector.ts';
import type { ChangePoint, DetectOptions, SeriesInput } from './types.ts';

/**
 * Change points of a series: Apache Otava 0.8.0 `compute_change_points` (windowed E-divisive,
 * Fleming et al., ICPE 2023, doi:10.1145/3578244.3583719). In `otava` mode the output equals
 * Otava's (same indices, p-values and magnitudes); the default `vahti` mode differs only in the
 * merge defect (see `merge.ts`). The input is not modified; missing values are filled as Otava
 * fills them; NaN or ±Infinity throw a RangeError.
 *
 * Cost: O(n · window_len) for the windows, O(K log K + n) for the merge of K weak points.
 *
 * @example detectChangePoints([1, 1, 5]) // [{ index: 2, pvalue: 0, magnitude: 4, … }]
 */
export function detectChangePoints(series: SeriesInput, options: DetectOptions = {}): ChangePoint[] {
  return new IncrementalDetector(options).append(series);
}
