/**
 * Threshold rules and defaults of Apache Otava 0.8.0 `compute_change_points`.
 */

/** Otava's defaults: window 50, p 0.001, magnitude 0. */
export const OTAVA_DEFAULTS = { windowLen: 50, maxPvalue: 0.001, minMagnitude: 0 } as const;

/**
 * The relaxed p-value of the split step (Fleming et al., ICPE 2023, doi:10.1145/3578244.3583719):
 * 10·p below 0.05, 2·p below 0.5, else p.
 *
 * @example firstPassPvalue(0.001) // 0.01
 */
export function firstPassPvalue(maxPvalue: number): number {
  if (maxPvalue < 0.05) return maxPvalue * 10;
  if (maxPvalue < 0.5) return maxPvalue * 2;
  return maxPvalue;
}

/**
 * Checks detector options, throwing a RangeError with one clear sentence when one is out of range.
 *
 * @example validateOptions({ windowLen: 1, maxPvalue: 0.01, minMagnitude: 0 }) // throws
 */
export function validateOptions(o: { windowLen: number; maxPvalue: number; minMagnitude: number }): void {
  if (!Number.isInteger(o.windowLen) || o.windowLen < 2) {
    throw new RangeError(`window_len must be an integer of at least 2, got ${o.windowLen}`);
  }
  if (!(o.maxPvalue > 0 && o.maxPvalue <= 1)) {
    throw new RangeError(`max_pvalue must be in (0, 1], got ${o.maxPvalue}`);
  }
  if (!(o.minMagnitude >= 0) || !Number.isFinite(o.minMagnitude)) {
    throw new RangeError(`min_magnitude must be a finite number of at least 0, got ${o.minMagnitude}`);
  }
}
