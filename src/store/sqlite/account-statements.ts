import type Database from 'better-sqlite3';
import type { Membership, Org } from '../account-types.ts';
import type { User } from '../types.ts';
import { USER_COLUMNS } from './statements.ts';

type Run<P extends unknown[]> = Database.Statement<P, unknown>;
type Get<P extends unknown[], R> = Database.Statement<P, R>;

/** The profile columns a GitHub login writes. */
interface ProfileParams {
  id: string;
  githubId: number;
  name: string | null;
  email: string | null;
  avatarUrl: string | null;
  credential: string | null;
}

/** Every statement of the SQLite account store (users from GitHub, orgs, memberships, sessions), prepared once. */
export interface AccountStatements {
  userById: Get<[id: string], User>;
  userByGithubId: Get<[githubId: number], User>;
  userByLogin: Get<[login: string], User>;
  insertGithubUser: Run<[ProfileParams & { login: string; createdAt: number }]>;
  /** Writes the profile and binds the GitHub id; keeps the credential when the new one is null. */
  updateProfile: Run<[ProfileParams]>;
  forgetCredential: Run<[userId: string]>;
  staleMemberships: Get<[before: number, limit: number], { user_id: string; credential: string }>;
  markRefreshed: Run<[now: number, userId: string]>;

  orgByGithubId: Get<[githubId: number], Org>;
  orgByLogin: Get<[login: string], Org>;
  insertOrg: Run<[id: string, githubId: number, login: string, createdAt: number]>;
  deleteMemberships: Run<[userId: string]>;
  insertMembership: Run<[userId: string, orgId: string, role: string]>;
  membershipsOf: Get<[userId: string], Membership>;

  session: Get<[sid: string, nowMs: number], { data: string }>;
  putSession: Run<[sid: string, data: string, expiresAt: number]>;
  touchSession: Run<[expiresAt: number, sid: string]>;
  deleteSession: Run<[sid: string]>;
  deleteExpiredSessions: Run<[nowMs: number]>;
}

const ORG_COLUMNS = 'id, github_id, login, created_at';

/**
 * Prepares the account statements against a migrated database. O(number of statements).
 *
 * @example const s = prepareAccountStatements(db); s.orgByLogin.get('acme');
 */
export function prepareAccountStatements(db: Database.Database): AccountStatements {
  return {
    userById: db.prepare(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`),
    userByGithubId: db.prepare(`SELECT ${USER_COLUMNS} FROM users WHERE github_id = ?`),
    userByLogin: db.prepare(`SELECT ${USER_COLUMNS} FROM users WHERE login = ?`),
    insertGithubUser: db.prepare(
      `INSERT INTO users (id, login, created_at, github_id, name, email, avatar_url, github_credential)
       VALUES (@id, @login, @createdAt, @githubId, @name, @email, @avatarUrl, @credential)`,
    ),
    updateProfile: db.prepare(
      `UPDATE users SET github_id = @githubId, name = @name, email = @email, avatar_url = @avatarUrl,
       github_credential = COALESCE(@credential, github_credential) WHERE id = @id`,
    ),
    forgetCredential: db.prepare('UPDATE users SET github_credential = NULL WHERE id = ?'),
    staleMemberships: db.prepare(
      `SELECT id AS user_id, github_credential AS credential FROM users
       WHERE github_credential IS NOT NULL AND COALESCE(memberships_refreshed_at, -1) < ?
       ORDER BY COALESCE(memberships_refreshed_at, -1), id LIMIT ?`,
    ),
    markRefreshed: db.prepare('UPDATE users SET memberships_refreshed_at = ? WHERE id = ?'),

    orgByGithubId: db.prepare(`SELECT ${ORG_COLUMNS} FROM orgs WHERE github_id = ?`),
    orgByLogin: db.prepare(`SELECT ${ORG_COLUMNS} FROM orgs WHERE login = ?`),
    insertOrg: db.prepare('INSERT INTO orgs (id, github_id, login, created_at) VALUES (?, ?, ?, ?)'),
    deleteMemberships: db.prepare('DELETE FROM memberships WHERE user_id = ?'),
    insertMembership: db.prepare('INSERT INTO memberships (user_id, org_id, role) VALUES (?, ?, ?)'),
    membershipsOf: db.prepare(
      `SELECT orgs.login AS org, memberships.role AS role FROM memberships JOIN orgs ON orgs.id = memberships.org_id
       WHERE memberships.user_id = ? ORDER BY orgs.login`,
    ),

    session: db.prepare('SELECT data FROM sessions WHERE sid = ? AND expires_at > ?'),
    putSession: db.prepare(
      'INSERT INTO sessions (sid, data, expires_at) VALUES (?, ?, ?) ON CONFLICT (sid) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at',
    ),
    touchSession: db.prepare('UPDATE sessions SET expires_at = ? WHERE sid = ?'),
    deleteSession: db.prepare('DELETE FROM sessions WHERE sid = ?'),
    deleteExpiredSessions: db.prepare('DELETE FROM sessions WHERE expires_at <= ?'),
  };
}
