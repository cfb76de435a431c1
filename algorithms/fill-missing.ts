/**
 * Missing values, as Apache Otava 0.8.0 `fill_missing` treats them: forward-filled with the
 * previous value; leading ones back-filled with the first value.
 */
import type { SeriesInput } from './types.ts';

/**
 * A filled copy of the series (the input is not touched). All-missing input stays empty of
 * numbers: the result is `null` then, and nothing can be detected yet.
 *
 * Cost: O(n).
 *
 * @example fillMissing([null, 1, null, 3]) // Float64Array [1, 1, 1, 3]
 */
export function fillMissing(series: SeriesInput): Float64Array | null {
  const out = new Float64Array(series.length);
  let first = -1;
  for (let i = 0; i < series.length; i++) {
    const v = series[i];
    if (v !== null && v !== undefined) {
      if (first < 0) first = i;
      out[i] = v;
    } else if (first >= 0) {
      out[i] = out[i - 1]!;
    }
  }
  if (first < 0) return series.length === 0 ? out : null;
  for (let i = 0; i < first; i++) out[i] = out[first]!;
  return out;
}
