/**
 * Schemas of the monitoring-agent routes (`/agent/performance`).
 */
import { z } from 'zod';
import { TimestampSchema, intQuery } from './common.ts';

/** An asset id: it becomes the last segment of the test name `agents/<assetId>`. */
export const AssetIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9._-]+$/, 'asset ids use only A-Z a-z 0-9 . _ -')
  .refine((id) => id !== '.' && id !== '..', 'asset ids are not "." or ".."');

/** The query windows of GET `/agent/performance`. */
export const TimeWindowSchema = z.enum(['1min', '5min', '15min', '1hour', '1day']);

/** Length of each query window in seconds. */
export const TIME_WINDOW_SECONDS: Record<z.output<typeof TimeWindowSchema>, number> = {
  '1min': 60,
  '5min': 300,
  '15min': 900,
  '1hour': 3600,
  '1day': 86_400,
};

const named = z.object({ name: z.string().min(1).max(200) });

/** Body of POST `/agent/performance`. Numbers at any depth become metrics; other values are ignored. */
export const AgentReportSchema = z
  .object({
    agentId: z.string().min(1).max(200),
    assetId: AssetIdSchema,
    timestamp: z
      .union([TimestampSchema, z.iso.datetime({ offset: true })])
      .transform((t) => (typeof t === 'number' ? t : Math.floor(Date.parse(t) / 1000)))
      .meta({ description: 'Unix seconds, or an ISO 8601 date-time.' }),
    performanceData: z.object({
      cpu: z.looseObject({ usage: z.number() }),
      memory: z.looseObject({ usagePercent: z.number() }),
      disk: z.array(named.extend({ usagePercent: z.number() }).loose()).max(100).default([]),
      network: z.looseObject({ interfaces: z.array(named.loose()).max(100) }).optional(),
      system: z.looseObject({ uptime: z.number(), processCount: z.number().int(), threadCount: z.number().int() }),
    }),
  })
  .meta({ id: 'AgentReport' });

/** Response of POST `/agent/performance`. */
export const AgentReportAcceptedSchema = z
  .object({ test_name: z.string(), timestamp: z.number().int(), metrics: z.number().int() })
  .meta({ id: 'AgentReportAccepted' });

/** Query of GET `/agent/performance`. */
export const AgentQuerySchema = z.object({
  assetId: AssetIdSchema,
  timeWindow: TimeWindowSchema.default('1hour'),
  limit: intQuery(1, 10_000).default(1000),
});

/** Response of GET `/agent/performance`: one sample per report, metrics flattened. */
export const AgentSamplesSchema = z
  .object({
    assetId: z.string(),
    timeWindow: z.string(),
    since: z.number().int(),
    samples: z.array(
      z.object({ timestamp: z.number().int(), agentId: z.string(), metrics: z.record(z.string(), z.number()) }),
    ),
  })
  .meta({ id: 'AgentSamples' });
