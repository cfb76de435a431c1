/**
 * Test data for API tests: results in Nyrkiö's upload shape and series with a known step.
 */
import type { TestResult } from '../../src/store/types.ts';

/** The first timestamp the factories use (2026-01-01T00:00:00Z). */
export const T0 = 1_767_225_600;

/**
 * One result at `T0 + i·60` with the given metric values; the commit is `c<i>`.
 *
 * @example apiResult(3, { latency: 12.5 })
 */
export function apiResult(i: number, metrics: Record<string, number> = { latency: 100 }): TestResult {
  return {
    timestamp: T0 + i * 60,
    metrics: Object.entries(metrics).map(([name, value]) => ({ name, unit: 'ms', value, direction: 'lower_is_better' as const })),
    attributes: { git_repo: 'https://github.com/acme/shop', branch: 'main', git_commit: `c${i}` },
    extra_info: { run: i },
  };
}

/**
 * A deterministic series: `before` points around 100, then `after` points around 100·(1+step),
 * with a small repeating wiggle (no randomness, so expected change points are fixed).
 *
 * @example stepSeries(30, 30, 0.5).length // 60
 */
export function stepSeries(before: number, after: number, step: number): number[] {
  const wiggle = [0, 1.5, -1, 0.5, -1.5, 1, -0.5];
  return Array.from({ length: before + after }, (_, i) => (i < before ? 100 : 100 * (1 + step)) + (wiggle[i % wiggle.length] ?? 0));
}

/**
 * Results `from..from+values.length-1` carrying `values` as the metric `metric`.
 *
 * @example seriesResults(stepSeries(30, 30, 0.5))
 */
export function seriesResults(values: readonly number[], from = 0, metric = 'latency'): TestResult[] {
  return values.map((value, k) => apiResult(from + k, { [metric]: value }));
}
