/**
 * The service layer: what the API does, between the HTTP routes and the store. Services take
 * their store and clock as constructor arguments; `createServices` wires one set of them.
 */
import type { Store } from '../store/types.ts';
import { AgentService } from './agent-service.ts';
import { ChangesService, type TrackedSeries } from './changes-service.ts';
import type { Clock } from '../store/clock.ts';
import { ConfigService } from './config-service.ts';
import { LruCache } from './lru-cache.ts';
import { NotificationService, type NotificationOptions } from './notification-service.ts';
import { ResultsService } from './results-service.ts';
import { TokenService } from './token-service.ts';

export { AgentService, agentTestName, type AgentReport } from './agent-service.ts';
export { ChangesService } from './changes-service.ts';
export { systemClock, type Clock } from '../store/clock.ts';
export { ConfigService, type TestSettingsPatch } from './config-service.ts';
export { DEFAULT_CORE } from './detection-plan.ts';
export { ResultsService, type WriteMode } from './results-service.ts';
export { NotificationService, changeKey, type NotificationOptions } from './notification-service.ts';
export { maskUrl, type NotifierSettings, type NotifierSettingsInput } from './notifier-settings.ts';
export type { ChangeGroup, CommitAttributes, MetricChange } from './series-analysis.ts';
export { LOGIN_PATTERN, TokenService, hashToken, ownerOfUser } from './token-service.ts';

/** One wired set of services. */
export interface Services {
  tokens: TokenService;
  results: ResultsService;
  changes: ChangesService;
  config: ConfigService;
  agents: AgentService;
  notifications: NotificationService;
}

/**
 * Wires the services over one store.
 *
 * @param options.detectorCacheSize how many series keep their analysis in memory.
 * @param options.notifications how notifications are sent (links, clock, retries, error sink).
 * @example const services = createServices(store, { clock: systemClock, detectorCacheSize: 256, notifications });
 */
export function createServices(store: Store, options: { clock: Clock; detectorCacheSize: number; notifications: NotificationOptions }): Services {
  const { clock } = options;
  const changes = new ChangesService(store, new LruCache<string, TrackedSeries>(options.detectorCacheSize));
  const notifications = new NotificationService(store, options.notifications);
  const results = new ResultsService(store, changes, clock, notifications);
  return {
    tokens: new TokenService(store, clock),
    results,
    changes,
    config: new ConfigService(store),
    agents: new AgentService(results, clock),
    notifications,
  };
}
