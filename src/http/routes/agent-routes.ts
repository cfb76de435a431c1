/**
 * Routes of monitoring agents: report an asset's performance, read its recent reports.
 */
import type { Services } from '../../services/index.ts';
import { agentTestName } from '../../services/index.ts';
import { presentAgentSamples } from '../presenters/agent-presenter.ts';
import { defineRoute, type AnyRoute } from '../route.ts';
import {
  AgentQuerySchema,
  AgentReportAcceptedSchema,
  AgentReportSchema,
  AgentSamplesSchema,
  TIME_WINDOW_SECONDS,
} from '../schemas/agent-schemas.ts';

const TAG = 'Agents';

/**
 * The agent routes.
 *
 * @example mountRoutes(router, agentRoutes(services), tokens, jsonBody)
 */
export function agentRoutes({ agents }: Services): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/agent/performance',
      tag: TAG,
      summary: 'Report an asset’s performance',
      description:
        'Stored as one result of the test `agents/<assetId>` with flattened metric names (cpu.usage, memory.usagePercent, ' +
        'disk.<name>.usagePercent, network.interfaces.<name>.<field>, system.uptime, …). A resent report replaces itself.',
      auth: true,
      request: { body: AgentReportSchema },
      response: { status: 200, description: 'Where the report was stored.', schema: AgentReportAcceptedSchema },
      handle: async ({ owner, body }) => ({
        test_name: agentTestName(body.assetId),
        timestamp: body.timestamp,
        metrics: await agents.record(owner, body),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/agent/performance',
      tag: TAG,
      summary: 'Read an asset’s recent performance',
      description: 'Reports of the last `timeWindow` (default 1hour), at most `limit` (default 1000, the newest), oldest first.',
      auth: true,
      problems: ['not_found'],
      request: { query: AgentQuerySchema },
      response: { status: 200, description: 'The asset’s samples.', schema: AgentSamplesSchema },
      handle: async ({ owner, query }) => {
        const { since, results } = await agents.recent(owner, query.assetId, TIME_WINDOW_SECONDS[query.timeWindow], query.limit);
        return presentAgentSamples(query.assetId, query.timeWindow, since, results);
      },
    }),
  ];
}
