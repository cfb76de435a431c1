/**
 * Why a change point was flagged, in plain words: which way the metric moved, how the p-value
 * compares with `max_pvalue` and the magnitude with `min_magnitude`, and how wide the step is
 * against the noise. The detector (Matteson & James 2014; Otava's significance test, Fleming et
 * al. ICPE 2023) reports a change point only when both thresholds are passed.
 */
import { formatNumber, formatPercent, formatPvalue } from './format.ts';
import { changeKind } from './series.ts';
import type { Change, CoreThresholds } from './types.ts';

function unitSuffix(unit: string): string {
  return unit ? ` ${unit}` : '';
}

function timesBelow(limit: number, value: number): string {
  if (value === 0) return 'far below it';
  const ratio = limit / value;
  if (ratio >= 1000) return `about ${Math.floor(Math.log10(ratio))} orders of magnitude below it`;
  return `${formatNumber(ratio, 3)} times below it`;
}

/**
 * Sentences explaining `change`; with `thresholds` (the limits in force for its metric) they
 * say how far each limit was passed, without them (public pages) they give the numbers only.
 *
 * Cost: O(1).
 *
 * @example explainChange(change, { max_pvalue: 0.001, min_magnitude: 0.05, window_len: 50 })[0]
 *   // 'latency rose by 49.9 % (from 100 ms to 150 ms): a regression, because lower is better.'
 */
export function explainChange(change: Change, thresholds: CoreThresholds | null): string[] {
  const unit = unitSuffix(change.unit);
  const verb = change.mean_after >= change.mean_before ? 'rose' : 'fell';
  const better = change.direction === 'higher_is_better' ? 'higher is better' : 'lower is better';
  const kind = changeKind(change);
  const sentences = [
    `${change.metric} ${verb} by ${formatPercent(change.forward_change_percent).replace(/^[+−]/, '')} (from ${formatNumber(change.mean_before)}${unit} to ${formatNumber(change.mean_after)}${unit}): ${kind === 'regression' ? 'a regression' : 'an improvement'}, because ${better}.`,
  ];
  const pvalue = formatPvalue(change.pvalue);
  const magnitude = `${formatNumber(change.magnitude * 100, 3)} %`;
  if (thresholds) {
    sentences.push(
      `Its p-value ${pvalue} is below the limit max_pvalue = ${formatPvalue(thresholds.max_pvalue)}, ${timesBelow(thresholds.max_pvalue, change.pvalue)}: a shift this large is very unlikely to be noise.`,
    );
    const min = thresholds.min_magnitude * 100;
    sentences.push(
      min > 0
        ? `Its magnitude ${magnitude} is above the minimum min_magnitude = ${formatNumber(min, 3)} %, by ${formatNumber(change.magnitude * 100 - min, 3)} percentage points (${formatNumber(change.magnitude / thresholds.min_magnitude, 3)} times the minimum).`
        : `Its magnitude is ${magnitude}; min_magnitude is 0, so any size counts.`,
    );
    sentences.push(`The detector compared windows of up to ${thresholds.window_len} results on each side of the change.`);
  } else {
    sentences.push(`Its p-value is ${pvalue} and its magnitude ${magnitude}; both passed the owner’s thresholds.`);
  }
  const noise = Math.sqrt((change.stddev_before ** 2 + change.stddev_after ** 2) / 2);
  if (noise > 0) {
    const width = Math.abs(change.mean_after - change.mean_before) / noise;
    sentences.push(`The step is ${formatNumber(width, 3)} standard deviations wide (before ±${formatNumber(change.stddev_before)}${unit}, after ±${formatNumber(change.stddev_after)}${unit}).`);
  }
  return sentences;
}
