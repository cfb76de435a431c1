import type Database from 'better-sqlite3';
import type { CachedChangesRow, ResultRow, TestRow, TokenRow } from './rows.ts';
import type { User } from '../types.ts';

type Run<P extends unknown[]> = Database.Statement<P, unknown>;
type Get<P extends unknown[], R> = Database.Statement<P, R>;

/** Every statement the SQLite store runs, prepared once when the store initialises. */
export interface Statements {
  insertTest: Run<[owner: string, name: string, config: string, createdAt: number]>;
  testByName: Get<[owner: string, name: string], TestRow>;
  testsOfOwner: Get<[owner: string], TestRow>;
  publicTests: Get<[], TestRow>;
  /** Moves last_seen (never backwards), adds to result_count, bumps version by `bump`. */
  recordWrite: Run<[{ now: number; added: number; bump: number; testId: number }]>;
  recordDelete: Run<[removed: number, testId: number]>;
  updateTest: Run<[isPublic: number | null, config: string | null, testId: number]>;

  appendResult: Run<[testId: number, timestamp: number, gitCommit: string, doc: string]>;
  replaceResultDoc: Run<[doc: string, seq: number]>;
  resultExists: Get<[testId: number, timestamp: number, gitCommit: string], { seq: number }>;
  /** Newest first, so LIMIT keeps the newest N; -1 means no limit. */
  resultsNewestFirst: Get<[testId: number, since: number, until: number, limit: number], ResultRow>;
  deleteAllResults: Run<[testId: number]>;
  deleteResultsAt: Run<[testId: number, timestamp: number]>;

  insertUserIfAbsent: Run<[id: string, login: string, createdAt: number]>;
  userByLogin: Get<[login: string], User>;

  insertToken: Run<[id: string, owner: string, createdBy: string, name: string, hash: string, createdAt: number, expiresAt: number | null]>;
  tokenById: Get<[id: string], TokenRow>;
  tokenByHash: Get<[hash: string], TokenRow>;
  tokensOfOwner: Get<[owner: string], TokenRow>;
  revokeToken: Run<[owner: string, id: string]>;
  touchToken: Run<[{ when: number; id: string }]>;

  ownerConfig: Get<[owner: string], { config: string }>;
  putOwnerConfig: Run<[owner: string, config: string]>;

  cachedChanges: Get<[owner: string, test: string, configKey: string], CachedChangesRow>;
  /** Replaces the entry unless the stored one was computed for a newer version. */
  putCachedChanges: Run<[owner: string, test: string, configKey: string, version: number, payload: string]>;
}

const TEST_COLUMNS = 'id, owner, name, public, config, last_seen, result_count, version, created_at';
/** The columns of a `User` (the credential and refresh time stay inside the store). */
export const USER_COLUMNS = 'id, login, created_at, github_id, name, email, avatar_url';
const TOKEN_COLUMNS = 'id, owner, created_by, name, hash, created_at, expires_at, last_used, revoked';

/**
 * Prepares every statement of the SQLite store against a migrated database. O(number of statements).
 *
 * @example const s = prepareStatements(db); s.testByName.get('u:alice', 'bench/cpu');
 */
export function prepareStatements(db: Database.Database): Statements {
  return {
    insertTest: db.prepare(
      `INSERT INTO tests (owner, name, public, config, last_seen, result_count, version, created_at)
       VALUES (?, ?, 0, ?, NULL, 0, 0, ?)`,
    ),
    testByName: db.prepare(`SELECT ${TEST_COLUMNS} FROM tests WHERE owner = ? AND name = ?`),
    testsOfOwner: db.prepare(`SELECT ${TEST_COLUMNS} FROM tests WHERE owner = ? ORDER BY name`),
    publicTests: db.prepare(`SELECT ${TEST_COLUMNS} FROM tests WHERE public = 1 ORDER BY owner, name`),
    recordWrite: db.prepare(
      `UPDATE tests SET last_seen = MAX(COALESCE(last_seen, @now), @now), result_count = result_count + @added,
       version = version + @bump WHERE id = @testId`,
    ),
    recordDelete: db.prepare('UPDATE tests SET result_count = result_count - ?, version = version + 1 WHERE id = ?'),
    updateTest: db.prepare(
      `UPDATE tests SET public = COALESCE(?, public), config = COALESCE(?, config), version = version + 1 WHERE id = ?`,
    ),

    appendResult: db.prepare('INSERT INTO results (test_id, timestamp, git_commit, doc) VALUES (?, ?, ?, ?)'),
    replaceResultDoc: db.prepare('UPDATE results SET doc = ? WHERE seq = ?'),
    resultExists: db.prepare('SELECT seq FROM results WHERE test_id = ? AND timestamp = ? AND git_commit = ?'),
    resultsNewestFirst: db.prepare(
      `SELECT seq, timestamp, doc FROM results
       WHERE test_id = ? AND timestamp BETWEEN ? AND ?
       ORDER BY timestamp DESC, seq DESC LIMIT ?`,
    ),
    deleteAllResults: db.prepare('DELETE FROM results WHERE test_id = ?'),
    deleteResultsAt: db.prepare('DELETE FROM results WHERE test_id = ? AND timestamp = ?'),

    insertUserIfAbsent: db.prepare('INSERT INTO users (id, login, created_at) VALUES (?, ?, ?) ON CONFLICT (login) DO NOTHING'),
    userByLogin: db.prepare(`SELECT ${USER_COLUMNS} FROM users WHERE login = ?`),

    insertToken: db.prepare(
      `INSERT INTO tokens (id, owner, created_by, name, hash, created_at, expires_at, last_used, revoked)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 0)`,
    ),
    tokenById: db.prepare(`SELECT ${TOKEN_COLUMNS} FROM tokens WHERE id = ?`),
    tokenByHash: db.prepare(`SELECT ${TOKEN_COLUMNS} FROM tokens WHERE hash = ?`),
    tokensOfOwner: db.prepare(`SELECT ${TOKEN_COLUMNS} FROM tokens WHERE owner = ? ORDER BY created_at, id`),
    revokeToken: db.prepare('UPDATE tokens SET revoked = 1 WHERE owner = ? AND id = ?'),
    touchToken: db.prepare('UPDATE tokens SET last_used = MAX(COALESCE(last_used, @when), @when) WHERE id = @id'),

    ownerConfig: db.prepare('SELECT config FROM owner_config WHERE owner = ?'),
    putOwnerConfig: db.prepare(
      'INSERT INTO owner_config (owner, config) VALUES (?, ?) ON CONFLICT (owner) DO UPDATE SET config = excluded.config',
    ),

    cachedChanges: db.prepare(
      'SELECT owner, test, config_key, version, payload FROM changes_cache WHERE owner = ? AND test = ? AND config_key = ?',
    ),
    putCachedChanges: db.prepare(
      `INSERT INTO changes_cache (owner, test, config_key, version, payload) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (owner, test, config_key) DO UPDATE SET version = excluded.version, payload = excluded.payload
       WHERE excluded.version >= changes_cache.version`,
    ),
  };
}
