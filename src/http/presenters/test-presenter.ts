/**
 * Public shapes of a test's metadata: the `/results` listing entry and the `/config/{test}`
 * settings. Owner, version and creation time stay inside.
 */
import type { z } from 'zod';
import type { TestMeta } from '../../store/types.ts';
import type { TestSettingsSchema } from '../schemas/config-schemas.ts';
import type { TestSummarySchema } from '../schemas/result-schemas.ts';

/**
 * One entry of GET /results.
 *
 * @example presentTestSummary(meta) // { test_name: 'bench/api', last_seen: 1767225600, result_count: 3, public: false }
 */
export function presentTestSummary(meta: TestMeta): z.input<typeof TestSummarySchema> {
  return { test_name: meta.name, last_seen: meta.last_seen, result_count: meta.result_count, public: meta.public };
}

/**
 * The settings of a test: public flag, overrides and disabled metrics.
 *
 * @example presentTestSettings(meta).disabled_metrics // ['latency_p99']
 */
export function presentTestSettings(meta: TestMeta): z.input<typeof TestSettingsSchema> {
  return {
    test_name: meta.name,
    public: meta.public,
    thresholds: meta.config.thresholds,
    metrics: meta.config.metrics,
    disabled_metrics: meta.config.disabled_metrics,
  };
}
