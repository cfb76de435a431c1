/**
 * Which thresholds each metric of a test is analysed with: the owner's core config, overridden
 * by the test's `thresholds`, overridden by the metric's own entry; disabled metrics are skipped.
 * The plan's `key` hashes all of it, so cached change points are keyed by what produced them.
 */
import { createHash } from 'node:crypto';
import type { DetectOptions } from '../../algorithms/types.ts';
import type { OwnerConfig, TestConfig, Thresholds } from '../store/types.ts';

/** Nyrkiö's defaults (p ≤ 0.001, magnitude ≥ 5 %) and Otava's window of 50 points. */
export const DEFAULT_CORE: OwnerConfig['core'] = { max_pvalue: 0.001, min_magnitude: 0.05, window_len: 50 };

/** The effective detector options of every metric of one test. */
export interface DetectionPlan {
  /** SHA-256 of the inputs: equal keys mean equal options for every metric. */
  readonly key: string;
  /** Detector options of `metric`, or null when its change points are disabled. */
  optionsFor(metric: string): DetectOptions | null;
}

function toOptions(t: Required<Thresholds>): DetectOptions {
  return { maxPvalue: t.max_pvalue, minMagnitude: t.min_magnitude, windowLen: t.window_len };
}

/** JSON with object keys sorted, so equal configs hash equally whatever their key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Builds the plan of a test from its owner's core thresholds and its own config.
 *
 * Cost: O(size of the config) to hash; `optionsFor` is O(1) after its first call per metric.
 *
 * @example detectionPlan(DEFAULT_CORE, { thresholds: {}, metrics: { p99: { max_pvalue: 0.01 } }, disabled_metrics: [] })
 *   .optionsFor('p99') // { maxPvalue: 0.01, minMagnitude: 0.05, windowLen: 50 }
 */
export function detectionPlan(core: OwnerConfig['core'], config: TestConfig): DetectionPlan {
  const disabled = new Set(config.disabled_metrics);
  const base = { ...core, ...config.thresholds };
  const resolved = new Map<string, DetectOptions | null>();
  const key = createHash('sha256')
    .update(canonicalJson({ core, thresholds: config.thresholds, metrics: config.metrics, disabled: [...disabled].sort() }))
    .digest('hex');
  return {
    key,
    optionsFor(metric) {
      let options = resolved.get(metric);
      if (options === undefined) {
        options = disabled.has(metric) ? null : toOptions({ ...base, ...config.metrics[metric] });
        resolved.set(metric, options);
      }
      return options;
    },
  };
}
