/**
 * The storage contract: one interface, two implementations (SQLite via better-sqlite3, the
 * embedded default; MongoDB via the official driver), one contract suite under `test/store/`.
 *
 * Time series (results) live apart from metadata (tests). Every method that writes is one
 * transaction: all of it or none. Stores throw the domain errors of `./errors.ts`; only the HTTP
 * layer knows status codes. Records returned are plain objects the caller may not mutate; the
 * HTTP layer passes them through presenters before anything leaves the process.
 */
import type { AccountStore } from './account-types.ts';
import type { ChangeStore } from './change-types.ts';

/** `higher_is_better` / `lower_is_better` as in Nyrkiö; absent means lower is better. */
export type MetricDirection = 'higher_is_better' | 'lower_is_better';

export interface Metric {
  name: string;
  unit: string;
  value: number;
  direction?: MetricDirection;
}

/** Commit attributes of a result (Nyrkiö-compatible); extra string keys are kept. */
export interface ResultAttributes {
  git_repo: string;
  branch: string;
  git_commit: string;
  [key: string]: string;
}

/** One uploaded result, as accepted by the API. `timestamp` is Unix seconds. */
export interface TestResult {
  timestamp: number;
  metrics: Metric[];
  attributes: ResultAttributes;
  extra_info: Record<string, unknown>;
}

/** An owner is opaque to the store: the service builds it (`u:<login>` for users, `o:<org>` for orgs). */
export type OwnerId = string;

/** Threshold overrides; each key absent means "inherit". */
export interface Thresholds {
  max_pvalue?: number;
  min_magnitude?: number;
  window_len?: number;
}

/** Per-test configuration: the public flag lives on the test itself. */
export interface TestConfig {
  /** Overrides for every metric of the test. */
  thresholds: Thresholds;
  /** Overrides per metric name, applied over `thresholds`. */
  metrics: Record<string, Thresholds>;
  /** Metrics whose change points are not reported. */
  disabled_metrics: string[];
}

/** Metadata of a test; the series itself is in the results. */
export interface TestMeta {
  owner: OwnerId;
  name: string;
  public: boolean;
  config: TestConfig;
  /** Unix seconds of the last upload (wall clock of the server), null before the first. */
  last_seen: number | null;
  result_count: number;
  /** Bumped by every write to the test's results or config; keys the change-point cache. */
  version: number;
  created_at: number;
}

export interface StoredResult extends TestResult {
  /** Stable id of the stored record. */
  id: string;
}

/** Owner-wide configuration (`GET/PUT /user/config`). */
export interface OwnerConfig {
  core: { max_pvalue: number; min_magnitude: number; window_len: number };
  /** Notifier settings; secrets inside are stored but never returned by presenters. */
  notifiers: Record<string, unknown>;
}

/** A user: made by `vahti token create` (no GitHub fields) or by a login through GitHub. */
export interface User {
  id: string;
  login: string;
  created_at: number;
  /** GitHub's id of the account bound to this login; null until one logs in with it. */
  github_id: number | null;
  name: string | null;
  /** Primary verified email from GitHub. */
  email: string | null;
  avatar_url: string | null;
}

/** An API token: only the SHA-256 hash of the secret is stored. */
export interface ApiToken {
  id: string;
  owner: OwnerId;
  /** The user who created it. */
  created_by: string;
  name: string;
  hash: string;
  created_at: number;
  expires_at: number | null;
  last_used: number | null;
  revoked: boolean;
}

/** Cached change-point computation of one test, valid while `version` equals the test's. */
export interface CachedChanges {
  owner: OwnerId;
  test: string;
  /** Hash of the effective thresholds the payload was computed with. */
  config_key: string;
  version: number;
  /** JSON-serialisable payload built by the service. */
  payload: unknown;
}

export interface ResultWindow {
  /** Inclusive lower bound on timestamp (Unix seconds). */
  since?: number;
  /** Inclusive upper bound on timestamp (Unix seconds). */
  until?: number;
  /** At most this many results, the newest ones within the window, returned oldest first. */
  limit?: number;
}

export interface WriteSummary {
  inserted: number;
  updated: number;
}

/**
 * Everything Vahti stores: tests and results, users and tokens, config, the change-point cache,
 * (from `ChangeStore`) change points with their deliveries, and (from `AccountStore`) GitHub
 * identities, organisations, memberships and sessions.
 */
export interface Store extends ChangeStore, AccountStore {
  /** Creates tables/collections and indexes; idempotent. */
  init(): Promise<void>;
  close(): Promise<void>;

  ensureUser(login: string): Promise<User>;
  findUserByLogin(login: string): Promise<User | null>;

  createToken(token: Omit<ApiToken, 'last_used' | 'revoked'>): Promise<ApiToken>;
  findTokenByHash(hash: string): Promise<ApiToken | null>;
  listTokens(owner: OwnerId): Promise<ApiToken[]>;
  revokeToken(owner: OwnerId, id: string): Promise<boolean>;
  touchToken(id: string, when: number): Promise<void>;

  /**
   * Appends results (`mode: 'append'`) or upserts them keyed by (test, timestamp, git_commit)
   * (`mode: 'upsert'`), creating the test on first use, moving `last_seen` to `now`, updating
   * `result_count` and bumping `version`. One transaction.
   */
  writeResults(owner: OwnerId, test: string, results: TestResult[], mode: 'append' | 'upsert', now: number): Promise<WriteSummary>;
  /** Results ordered by timestamp ascending (ties by insertion order). */
  listResults(owner: OwnerId, test: string, window?: ResultWindow): Promise<StoredResult[]>;
  /** Deletes all results of the test, or those at `timestamp`; returns how many. Bumps version. */
  deleteResults(owner: OwnerId, test: string, timestamp?: number): Promise<number>;

  getTest(owner: OwnerId, test: string): Promise<TestMeta | null>;
  listTests(owner: OwnerId): Promise<TestMeta[]>;
  /** Every public test of every owner, ordered by owner then name. */
  listPublicTests(): Promise<TestMeta[]>;
  /** Replaces the config and/or public flag of an existing test; bumps version. Throws NotFound. */
  updateTest(owner: OwnerId, test: string, patch: { public?: boolean; config?: TestConfig }): Promise<TestMeta>;

  getOwnerConfig(owner: OwnerId): Promise<OwnerConfig | null>;
  putOwnerConfig(owner: OwnerId, config: OwnerConfig): Promise<void>;

  getCachedChanges(owner: OwnerId, test: string, configKey: string): Promise<CachedChanges | null>;
  putCachedChanges(entry: CachedChanges): Promise<void>;
}
