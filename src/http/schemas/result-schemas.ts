/**
 * Schemas of the results routes (`/result/{test}`, `/results`), in Nyrkiö's shapes: a result is
 * `{timestamp, metrics: [{name, unit, value, direction}], attributes: {git_repo, branch,
 * git_commit}, extra_info}`.
 */
import { z } from 'zod';
import { MAX_TIMESTAMP, TestNameSchema, TimestampSchema, intQuery } from './common.ts';

/** At most this many results in one request. */
export const MAX_RESULTS_PER_REQUEST = 10_000;

/** A metric name (also used by threshold overrides and disable/enable). */
export const MetricNameSchema = z.string().min(1).max(200);

/** One measured value. Values are finite numbers (JSON has no NaN or Infinity; 1e999 is refused). */
export const MetricSchema = z
  .object({
    name: MetricNameSchema,
    unit: z.string().max(50),
    value: z.number(),
    direction: z.enum(['higher_is_better', 'lower_is_better']).optional(),
  })
  .meta({ id: 'Metric', example: { name: 'throughput', unit: 'ops/s', value: 1234.5, direction: 'higher_is_better' } });

/** The commit a result was measured at; further string attributes are kept. */
export const AttributesSchema = z
  .object({ git_repo: z.string().max(500), branch: z.string().max(255), git_commit: z.string().max(100) })
  .catchall(z.string().max(1000))
  .meta({ id: 'Attributes', example: { git_repo: 'https://github.com/acme/shop', branch: 'main', git_commit: '3f2a9c1' } });

/** One benchmark result. */
export const ResultSchema = z
  .object({
    timestamp: TimestampSchema,
    metrics: z.array(MetricSchema).min(1).max(1000),
    attributes: AttributesSchema,
    extra_info: z.record(z.string(), z.unknown()).default({}),
  })
  .meta({ id: 'Result' });

/** Body of POST and PUT `/result/{test}`. */
export const ResultsBodySchema = z.array(ResultSchema).min(1).max(MAX_RESULTS_PER_REQUEST);

/** Query of GET `/result/{test}`: a server-side window. */
export const ResultWindowQuerySchema = z.object({
  since: intQuery(0, MAX_TIMESTAMP).optional().meta({ description: 'Inclusive lower bound (Unix seconds).' }),
  until: intQuery(0, MAX_TIMESTAMP).optional().meta({ description: 'Inclusive upper bound (Unix seconds).' }),
  limit: intQuery(1, 1_000_000).optional().meta({ description: 'At most this many results, the newest in the window, oldest first.' }),
});

/** Query of DELETE `/result/{test}`. */
export const DeleteQuerySchema = z.object({
  timestamp: intQuery(0, MAX_TIMESTAMP).optional().meta({ description: 'Delete only the results at this time.' }),
});

/** Response of DELETE `/result/{test}`. */
export const DeleteResponseSchema = z.object({ deleted: z.number().int() }).meta({ id: 'DeleteResponse' });

/** One entry of GET `/results`. */
export const TestSummarySchema = z
  .object({
    test_name: TestNameSchema,
    last_seen: z.number().int().nullable().meta({ description: 'Unix seconds of the last upload.' }),
    result_count: z.number().int(),
    public: z.boolean(),
  })
  .meta({ id: 'TestSummary' });
