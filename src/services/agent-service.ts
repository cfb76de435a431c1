/**
 * Monitoring agents report machine performance; each asset's reports are stored as results of
 * the test `agents/<assetId>` (so uploads move its `last_seen` and change points are found on
 * them as on any benchmark).
 */
import type { OwnerId, StoredResult } from '../store/types.ts';
import type { Clock } from '../store/clock.ts';
import { flattenPerformance } from './flatten-performance.ts';
import type { ResultsService } from './results-service.ts';

/** A report as the API accepts it, with `timestamp` in Unix seconds. */
export interface AgentReport {
  agentId: string;
  assetId: string;
  timestamp: number;
  performanceData: Record<string, unknown>;
}

/**
 * The test an asset's reports are stored in.
 *
 * @example agentTestName('web-1') // 'agents/web-1'
 */
export function agentTestName(assetId: string): string {
  return `agents/${assetId}`;
}

/** Stores and queries agent reports. */
export class AgentService {
  readonly #results: ResultsService;
  readonly #clock: Clock;

  constructor(results: ResultsService, clock: Clock) {
    this.#results = results;
    this.#clock = clock;
  }

  /**
   * Stores one report as one result (upserted by asset and timestamp, so a resent report is
   * stored once) and returns how many metrics it carried.
   */
  async record(owner: OwnerId, report: AgentReport): Promise<number> {
    const metrics = flattenPerformance(report.performanceData);
    await this.#results.write(
      owner,
      agentTestName(report.assetId),
      [
        {
          timestamp: report.timestamp,
          metrics,
          attributes: { git_repo: '', branch: '', git_commit: '', agent_id: report.agentId },
          extra_info: { agentId: report.agentId, assetId: report.assetId },
        },
      ],
      'upsert',
    );
    return metrics.length;
  }

  /**
   * The asset's reports since `windowSeconds` ago, at most `limit` (the newest), oldest first;
   * `NotFoundError` for an asset that never reported.
   */
  async recent(owner: OwnerId, assetId: string, windowSeconds: number, limit: number): Promise<{ since: number; results: StoredResult[] }> {
    const since = this.#clock() - windowSeconds;
    return { since, results: await this.#results.list(owner, agentTestName(assetId), { since, limit }) };
  }
}
