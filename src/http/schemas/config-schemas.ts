/**
 * Schemas of the configuration routes: `/user/config` (owner-wide thresholds and notifiers) and
 * `/config/{test}` (public flag and threshold overrides).
 */
import { z } from 'zod';
import { DEFAULT_CORE } from '../../services/index.ts';
import { TestNameSchema } from './common.ts';
import { MetricNameSchema } from './result-schemas.ts';

const maxPvalue = z.number().gt(0).max(1).meta({ description: 'Largest p-value a change point may have.' });
const minMagnitude = z.number().min(0).meta({ description: 'Smallest relative change a change point may have.' });
const windowLen = z.number().int().min(2).max(10_000).meta({ description: 'Sliding-window length of the detector.' });

/** Threshold overrides; an absent key inherits. Unknown keys are refused (catches typos). */
export const ThresholdsSchema = z
  .strictObject({ max_pvalue: maxPvalue.optional(), min_magnitude: minMagnitude.optional(), window_len: windowLen.optional() })
  .meta({ id: 'Thresholds' });

/** Owner config as GET returns it and PUT takes it; absent core keys take the defaults. */
export const OwnerConfigSchema = z
  .strictObject({
    core: z
      .strictObject({
        max_pvalue: maxPvalue.default(DEFAULT_CORE.max_pvalue),
        min_magnitude: minMagnitude.default(DEFAULT_CORE.min_magnitude),
        window_len: windowLen.default(DEFAULT_CORE.window_len),
      })
      .default({ ...DEFAULT_CORE }),
    notifiers: z
      .record(z.string(), z.unknown())
      .default({})
      .meta({ description: 'Notifier settings; values under secret-like keys (token, secret, password, webhook) read back as "[redacted]".' }),
  })
  .meta({ id: 'OwnerConfig' });

/** Body of PUT `/config/{test}`: absent keys keep their current value. */
export const TestSettingsBodySchema = z
  .strictObject({
    public: z.boolean().optional(),
    thresholds: ThresholdsSchema.optional(),
    metrics: z.record(MetricNameSchema, ThresholdsSchema).optional().meta({ description: 'Overrides per metric name.' }),
    disabled_metrics: z.array(MetricNameSchema).max(1000).optional(),
  })
  .meta({ id: 'TestSettingsUpdate' });

/** Response of GET/PUT `/config/{test}` and of disable/enable. */
export const TestSettingsSchema = z
  .object({
    test_name: TestNameSchema,
    public: z.boolean(),
    thresholds: ThresholdsSchema,
    metrics: z.record(z.string(), ThresholdsSchema),
    disabled_metrics: z.array(z.string()),
  })
  .meta({ id: 'TestSettings' });
