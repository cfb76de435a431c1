/**
 * Shared types of the change-point detector.
 *
 * The field names follow Apache Otava's JSON report (`TTestStats.to_json`) and Nyrkiö's API,
 * so a change point can be sent over the wire as it is.
 */

/**
 * `otava`: bit-for-bit Apache Otava 0.8.0 `compute_change_points`, including its merge defect
 * (after a removal only the points at list positions k and k+1 are recomputed).
 * `vahti` (default): identical, except that merge recomputes both true neighbours of a removed
 * point, so every reported point meets the thresholds when its statistics are recomputed.
 */
export type DetectMode = 'vahti' | 'otava';

/** Thresholds and window of the windowed E-divisive detector (Fleming et al., ICPE 2023). */
export interface DetectOptions {
  /** Sliding-window length, ≥ 2. Otava's default: 50. */
  windowLen?: number;
  /** Largest p-value a change point may have, in (0, 1]. Otava's default: 0.001. */
  maxPvalue?: number;
  /** Smallest relative change a change point may have, ≥ 0. Otava's default: 0. */
  minMagnitude?: number;
  /** See {@link DetectMode}; default `vahti`. */
  mode?: DetectMode;
}

/** Statistics of the two segments either side of a change point (Otava's `TTestStats`). */
export interface SegmentStats {
  /** Two-sided pooled Student t-test p-value of "both segments have the same mean". */
  pvalue: number;
  /** max(|mean_after/mean_before − 1|, |mean_before/mean_after − 1|); a zero mean gives 0 for its ratio. */
  magnitude: number;
  /** 100 · (mean_after/mean_before − 1); 0 when mean_before is 0. */
  forward_change_percent: number;
  mean_before: number;
  mean_after: number;
  /** Population standard deviation (ddof = 0); 0 for a one-point segment. */
  stddev_before: number;
  stddev_after: number;
}

/** A change point: `index` is the first point after the change. */
export interface ChangePoint extends SegmentStats {
  index: number;
}

/** Missing values (`null`/`undefined`) are filled as Otava fills them. */
export type SeriesInput = ReadonlyArray<number | null | undefined>;
