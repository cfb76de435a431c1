/**
 * Storage contract of accounts beyond API tokens: users as GitHub knows them, organisations and
 * who belongs to which, and login sessions.
 *
 * Names are bound to GitHub ids at first sight. A Vahti login belongs to the GitHub account that
 * first logged in with it (or to the user `vahti token create` made, until that GitHub account
 * claims it); an organisation name belongs to the GitHub organisation first seen with it. A
 * renamed account keeps its Vahti name, and a newcomer who takes an old name on GitHub does not
 * inherit what is stored under it: owner ids (`u:<login>`, `o:<org>`) never move.
 */
import type { User } from './types.ts';

/** A person as GitHub describes them at login. */
export interface GithubIdentity {
  /** GitHub's numeric user id: never reused, survives renames. */
  github_id: number;
  login: string;
  name: string | null;
  /** The primary verified email, if GitHub reported one. */
  email: string | null;
  avatar_url: string | null;
}

/** What a member may do in an organisation (GitHub's two membership roles). */
export type OrgRole = 'admin' | 'member';

/** One membership as GitHub lists it (`GET /user/memberships/orgs`). */
export interface GithubMembership {
  /** GitHub's numeric organisation id. */
  github_id: number;
  login: string;
  role: OrgRole;
}

/** An organisation Vahti has seen. `login` is the name it was first seen with. */
export interface Org {
  id: string;
  github_id: number;
  login: string;
  created_at: number;
}

/** A user's membership as stored: the organisation's Vahti name and the role. */
export interface Membership {
  org: string;
  role: OrgRole;
}

/** A user whose memberships can be refreshed with a stored GitHub credential. */
export interface StaleMemberships {
  user_id: string;
  /** The credential as it was stored (encrypted by the caller; opaque to the store). */
  credential: string;
}

/**
 * Users from GitHub, organisations, memberships and sessions. Times are Unix seconds, except
 * session expiry, which is Unix milliseconds (as session cookies count).
 */
export interface AccountStore {
  /**
   * Records a login through GitHub and returns the user: the one bound to `github_id`
   * (its profile updated, its login kept even when GitHub's changed), else the user of that login
   * not yet bound to a GitHub account (now bound), else a new user. `credential` replaces the
   * stored one unless null. Throws `ConflictError` when the login is bound to another GitHub id.
   */
  recordGithubLogin(identity: GithubIdentity, credential: string | null): Promise<User>;
  findUserById(id: string): Promise<User | null>;

  /**
   * Replaces the user's memberships with `memberships` (an empty list removes them all) and
   * marks them refreshed at `now`, in one write. Organisations are bound by GitHub id: a known
   * one keeps its Vahti name, a new one is created, one whose name is bound to another GitHub
   * organisation is skipped. Returns the memberships stored, ordered by organisation.
   */
  replaceMemberships(userId: string, memberships: readonly GithubMembership[], now: number): Promise<Membership[]>;
  /** The user's memberships, ordered by organisation; [] for an unknown user. */
  listMemberships(userId: string): Promise<Membership[]>;
  findOrgByLogin(login: string): Promise<Org | null>;
  /** Up to `limit` users holding a credential whose memberships were refreshed before `before`, least recently refreshed first. */
  staleMemberships(before: number, limit: number): Promise<StaleMemberships[]>;
  /** Drops the user's stored credential (GitHub refused it); their memberships stay as they are. */
  forgetGithubCredential(userId: string): Promise<void>;

  /** The data of a session that has not expired at `nowMs`, else null. */
  getSession(sid: string, nowMs: number): Promise<string | null>;
  /** Creates or replaces a session. */
  setSession(sid: string, data: string, expiresAtMs: number): Promise<void>;
  /** Moves a session's expiry (never revives a missing one). */
  touchSession(sid: string, expiresAtMs: number): Promise<void>;
  destroySession(sid: string): Promise<void>;
  /** Deletes every session expired at `nowMs`; returns how many. */
  deleteExpiredSessions(nowMs: number): Promise<number>;
}
