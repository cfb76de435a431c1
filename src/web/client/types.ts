/**
 * The API's shapes as the dashboard reads them: the types of the server's own response schemas
 * where it has them (type-only imports, erased from the bundle), so a change of the API fails
 * the client's type-check instead of a page.
 */
import type { z } from 'zod';
import type { ChangeGroupSchema, ChangeSchema } from '../../http/schemas/changes-schemas.ts';
import type { OwnerConfigViewSchema, TestSettingsSchema, ThresholdsSchema } from '../../http/schemas/config-schemas.ts';
import type { NotifiersViewSchema } from '../../http/schemas/notifier-schemas.ts';
import type { ResultSchema, TestSummarySchema } from '../../http/schemas/result-schemas.ts';

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
export type TestSummary = z.output<typeof TestSummarySchema>;

/** One entry of `GET /public/results`. */
export interface PublicTest {
  owner: string;
  test_name: string;
  last_seen?: number | null;
}

/** Which way is better for a metric; absent means lower is better. */
export type Direction = 'higher_is_better' | 'lower_is_better';

/** A stored result (`GET /result/{test}`). */
export type Result = z.output<typeof ResultSchema>;

/** One metric's change point, with its delivery state per channel on `GET …/changes`. */
export type Change = z.output<typeof ChangeSchema>;

/** The change points of all metrics at one result. */
export type ChangeGroup = z.output<typeof ChangeGroupSchema>;

/** Threshold overrides; an absent key inherits. */
export type Thresholds = z.output<typeof ThresholdsSchema>;

/** Every threshold set, as the owner-wide config has them. */
export type CoreThresholds = Required<Thresholds>;

/** `GET /config/{test}`. */
export type TestSettings = z.output<typeof TestSettingsSchema>;

/** Notifier settings as GET shows them: the Slack URL masked, webhook secrets never returned. */
export type NotifierSettings = z.output<typeof NotifiersViewSchema>;

/** Which changes a channel wants. */
export type NotifyOn = NotifierSettings['webhooks'][number]['notify_on'];

/** `GET /user/config`. */
export type OwnerConfig = z.output<typeof OwnerConfigViewSchema>;

/** An API token as listed (its secret only in the answer to its creation). Times in Unix seconds. */
export interface ApiToken {
  id: string;
  name: string;
  /** The organisation it acts for; null for the user's own token. */
  org: string | null;
  created_at: number;
  expires_at: number | null;
  last_used: number | null;
  token?: string;
}
