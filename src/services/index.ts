/**
 * The service layer: what the API does, between the HTTP routes and the store. Services take
 * their store and clock as constructor arguments; `createServices` wires one set of them.
 */
import type { Store } from '../store/types.ts';
import { AccessService } from './access-service.ts';
import { AccountService } from './account-service.ts';
import { CredentialBox } from './credential-box.ts';
import { GithubApi } from './github-api.ts';
import { PublicService } from './public-service.ts';
import { SessionService } from './session-service.ts';
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
export { LOGIN_PATTERN, TokenService, hashToken, type IssuedToken, type TokenRequest } from './token-service.ts';
export { AccessService } from './access-service.ts';
export { AccountService, type Profile, type RefreshReport } from './account-service.ts';
export { GithubRefusedError, GithubUnavailableError } from './github-api.ts';
export { allows, ownerOfOrg, ownerOfUser, parseOwner, type Access, type Principal, type UserPrincipal } from './principal.ts';
export { PublicService, type PublicTest } from './public-service.ts';
export { SessionService } from './session-service.ts';

/** GitHub login settings the services need: where GitHub's API is, and the secret sealing kept access tokens. */
export interface GithubServiceOptions {
  apiUrl: string;
  sessionSecret: string;
}

/** One wired set of services. */
export interface Services {
  tokens: TokenService;
  results: ResultsService;
  changes: ChangesService;
  config: ConfigService;
  agents: AgentService;
  notifications: NotificationService;
  access: AccessService;
  accounts: AccountService;
  publicTests: PublicService;
  sessions: SessionService;
}

/**
 * Wires the services over one store.
 *
 * @param options.detectorCacheSize how many series keep their analysis in memory.
 * @param options.notifications how notifications are sent (links, clock, retries, error sink).
 * @param options.github GitHub login settings; without them nobody logs in and API tokens still work.
 * @example const services = createServices(store, { clock: systemClock, detectorCacheSize: 256, notifications });
 */
export function createServices(
  store: Store,
  options: { clock: Clock; detectorCacheSize: number; notifications: NotificationOptions; github?: GithubServiceOptions },
): Services {
  const { clock, github } = options;
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
    access: new AccessService(store),
    accounts: new AccountService(store, clock, github ? { api: new GithubApi({ apiUrl: github.apiUrl }), box: new CredentialBox(github.sessionSecret) } : null),
    publicTests: new PublicService(store, results, changes),
    sessions: new SessionService(store, clock),
  };
}
