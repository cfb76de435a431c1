/**
 * The thresholds in force for one metric: its own override beats the test's, which beats the
 * owner's (as the server resolves them, docs/api.md "Configuration").
 */
import type { CoreThresholds, TestSettings } from './types.ts';

/**
 * Resolves every threshold for `metric`.
 *
 * @example effectiveThresholds(core, { …, thresholds: { min_magnitude: 0.02 }, metrics: {} }, 'latency').min_magnitude // 0.02
 */
export function effectiveThresholds(core: CoreThresholds, settings: TestSettings | null, metric: string): CoreThresholds {
  return { ...core, ...settings?.thresholds, ...settings?.metrics[metric] };
}
