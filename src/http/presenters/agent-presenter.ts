/**
 * Public shape of an asset's recent reports: one sample per report with its metrics flattened
 * to `{name: value}`.
 */
import type { z } from 'zod';
import type { StoredResult } from '../../store/types.ts';
import type { AgentSamplesSchema } from '../schemas/agent-schemas.ts';

/**
 * The samples of one asset within a window.
 *
 * @example presentAgentSamples('web-1', '5min', 1767225300, results).samples[0].metrics['cpu.usage'] // 12.5
 */
export function presentAgentSamples(
  assetId: string,
  timeWindow: string,
  since: number,
  results: StoredResult[],
): z.input<typeof AgentSamplesSchema> {
  return {
    assetId,
    timeWindow,
    since,
    samples: results.map((r) => ({
      timestamp: r.timestamp,
      agentId: r.attributes.agent_id ?? '',
      metrics: Object.fromEntries(r.metrics.map((m) => [m.name, m.value])),
    })),
  };
}
