/**
 * The API's shapes as the dashboard reads them (see docs/api.md and /openapi.json).
 */

/** The signed-in user (`GET /api/v0/user`). */
export interface User {
  login: string;
  name?: string;
  email?: string;
  avatar_url?: string;
  orgs: { login: string; role: string }[];
  /** Sent as `X-CSRF-Token` on cookie-authenticated writes; empty for token sign-ins. */
  csrf_token: string;
}

/** One entry of `GET /results`. */
export interface TestSummary {
  test_name: string;
  last_seen: number | null;
  result_count: number;
  public: boolean;
}

/** One entry of `GET /public/results`. */
export interface PublicTest {
  owner: string;
  test_name: string;
  last_seen?: number | null;
}

/** Which way is better for a metric; absent means lower is better. */
export type Direction = 'higher_is_better' | 'lower_is_better';

/** A stored result. */
export interface Result {
  timestamp: number;
  metrics: { name: string; unit: string; value: number; direction?: Direction }[];
  attributes: Record<string, string>;
  extra_info?: Record<string, unknown>;
}

/** One metric's change point. */
export interface Change {
  metric: string;
  unit: string;
  direction?: Direction;
  index: number;
  time: number;
  forward_change_percent: number;
  magnitude: number;
  mean_before: number;
  stddev_before: number;
  mean_after: number;
  stddev_after: number;
  pvalue: number;
  notified?: boolean;
}

/** The change points of all metrics at one result. */
export interface ChangeGroup {
  time: number;
  attributes: Record<string, string>;
  changes: Change[];
}

/** Threshold overrides; an absent key inherits. */
export interface Thresholds {
  max_pvalue?: number;
  min_magnitude?: number;
  window_len?: number;
}

/** Every threshold set, as the owner-wide config has them. */
export type CoreThresholds = Required<Thresholds>;

/** `GET /config/{test}`. */
export interface TestSettings {
  test_name: string;
  public: boolean;
  thresholds: Thresholds;
  metrics: Record<string, Thresholds>;
  disabled_metrics: string[];
}

/** Which changes a channel wants. */
export type NotifyOn = 'regressions' | 'improvements' | 'both';

/** Notifier settings as GET shows them: the Slack URL masked, webhook secrets never returned. */
export interface NotifierSettings {
  slack: { webhook_url: string; notify_on: NotifyOn } | null;
  since_days: number;
  webhooks: { id: string; url: string; notify_on: NotifyOn }[];
  muted_tests: string[];
}

/** `GET /user/config`. */
export interface OwnerConfig {
  core: CoreThresholds;
  notifiers: Partial<NotifierSettings>;
}

/** An API token as listed (the secret only in the answer to its creation). */
export interface ApiToken {
  id: string;
  name: string;
  token?: string;
  org?: string | null;
  created_at?: number | string;
  expires_at?: number | string | null;
  last_used_at?: number | string | null;
}
