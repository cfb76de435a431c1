/**
 * Schemas of the configuration routes: `/user/config` (owner-wide thresholds and notifiers) and
 * `/config/{test}` (public flag and threshold overrides).
 */
import { z } from 'zod';
import { DEFAULT_CORE } from '../../services/index.ts';
import { TestNameSchema } from './common.ts';
import { NotifiersInputSchema, NotifiersViewSchema } from './notifier-schemas.ts';
import { MetricNameSchema } from './result-schemas.ts';

const maxPvalue = z.number().gt(0).max(1).meta({ description: 'Largest p-value a change point may have.' });
const minMagnitude = z.number().min(0).meta({ description: 'Smallest relative change a change point may have.' });
const windowLen = z.number().int().min(2).max(10_000).meta({ description: 'Sliding-window length of the detector.' });

/** Threshold overrides; an absent key inherits. Unknown keys are refused (catches typos). */
export const ThresholdsSchema = z
  .strictObject({ max_pvalue: maxPvalue.optional(), min_magnitude: minMagnitude.optional(), window_len: windowLen.optional() })
  .meta({ id: 'Thresholds' });

const CoreSchema = z
  .strictObject({
    max_pvalue: maxPvalue.default(DEFAULT_CORE.max_pvalue),
    min_magnitude: minMagnitude.default(DEFAULT_CORE.min_magnitude),
    window_len: windowLen.default(DEFAULT_CORE.window_len),
  })
  .default({ ...DEFAULT_CORE });

/** Owner config as PUT takes it: absent core keys take the defaults; absent notifier keys keep their value. */
export const OwnerConfigSchema = z
  .strictObject({ core: CoreSchema, notifiers: NotifiersInputSchema.optional() })
  .meta({ id: 'OwnerConfigUpdate' });

/** Owner config as GET and PUT return it: no secrets. */
export const OwnerConfigViewSchema = z
  .object({ core: z.object({ max_pvalue: z.number(), min_magnitude: z.number(), window_len: z.number().int() }), notifiers: NotifiersViewSchema })
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
