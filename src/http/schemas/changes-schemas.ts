/**
 * Schemas of the change-point routes: the Nyrkiö report shape `{<test>: [{time, attributes,
 * changes: [...]}]}`, with every statistic a number (Nyrkiö sends strings).
 */
import { z } from 'zod';
import { NotifiedSchema } from './notification-schemas.ts';
import { MetricNameSchema } from './result-schemas.ts';

/** One metric's change point. */
export const ChangeSchema = z
  .object({
    metric: z.string(),
    unit: z.string(),
    direction: z.enum(['higher_is_better', 'lower_is_better']).optional().meta({ description: 'As the latest result gave it; absent means lower is better.' }),
    index: z.number().int().meta({ description: 'Position of the first result after the change, in timestamp order.' }),
    time: z.number().int().meta({ description: 'Timestamp of that result.' }),
    forward_change_percent: z.number().meta({ description: '100 · (mean_after / mean_before − 1).' }),
    magnitude: z.number(),
    mean_before: z.number(),
    stddev_before: z.number(),
    mean_after: z.number(),
    stddev_after: z.number(),
    pvalue: z.number(),
    notified: NotifiedSchema.optional().meta({ description: 'GET …/changes only: delivery state per notification channel.' }),
  })
  .meta({ id: 'Change' });

/** The change points of all metrics at one result. */
export const ChangeGroupSchema = z
  .object({
    time: z.number().int(),
    attributes: z.object({ git_repo: z.string(), branch: z.string(), git_commit: z.string() }),
    changes: z.array(ChangeSchema),
  })
  .meta({ id: 'ChangePointGroup' });

/** Response of GET `/result/{test}/changes` and of POST/PUT `/result/{test}`. */
export const ChangesResponseSchema = z
  .record(z.string(), z.array(ChangeGroupSchema))
  .meta({ id: 'ChangesResponse', description: 'One key, the test name, mapping to its change point groups in time order.' });

/** Body of POST `/result/{test}/changes/disable` (at least one) and `/enable` (none: all). */
export const MetricNamesBodySchema = z.array(MetricNameSchema).meta({ example: ['latency_p99'] });

/** Body of `/changes/disable`: at least one metric. */
export const DisableMetricsBodySchema = MetricNamesBodySchema.min(1);
