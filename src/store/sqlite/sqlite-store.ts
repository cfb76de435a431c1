import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { checkBatch, checkWindow, duplicateResult } from '../batch.ts';
import { AccountStoreMethods } from '../account-store-methods.ts';
import { systemClock, type Clock } from '../clock.ts';
import { emptyTestConfig } from '../defaults.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { decodeExactJson, encodeExactJson } from '../exact-json.ts';
import { encodeBatch } from '../result-doc.ts';
import type {
  ApiToken,
  CachedChanges,
  OwnerConfig,
  OwnerId,
  ResultWindow,
  Store,
  StoredResult,
  TestConfig,
  TestMeta,
  TestResult,
  User,
  WriteSummary,
} from '../types.ts';
import { cachedChangesFromRow, resultFromRow, testFromRow, tokenFromRow, type TestRow } from './rows.ts';
import { migrate } from './schema.ts';
import { SqliteAccountStore } from './sqlite-accounts.ts';
import { SqliteChangeStore } from './sqlite-changes.ts';
import { prepareStatements, type Statements } from './statements.ts';

/** Where the database lives: an explicit file, or `<dataDir>/vahti.db`. */
export type SqliteLocation = { file: string } | { dataDir: string };

/** Tuning of the SQLite store; every field has a default. */
export interface SqliteStoreOptions {
  /** Clock for `User.created_at`; the system clock by default. */
  clock?: Clock;
  /** How long a write waits for another connection's lock before failing; 5000 ms by default. */
  busyTimeoutMs?: number;
}

/**
 * The embedded default store: one SQLite file through better-sqlite3, in WAL mode so readers
 * never block the writer. Every write is one `BEGIN IMMEDIATE` transaction (taking the write lock
 * up front, so two connections never deadlock upgrading a read); `busy_timeout` makes a second
 * process wait for the lock instead of failing. Statements are prepared once in `init()`.
 * Change records and deliveries are delegated to `SqliteChangeStore` (same connection), whose
 * claims are exclusive across processes for the same reason: one immediate transaction each;
 * GitHub users, organisations, memberships and sessions to `SqliteAccountStore`.
 * Results keep their metrics, attributes and extra_info as exact JSON, so floats round-trip bit
 * for bit. Reads are O(log n + k) through the (test_id, timestamp, seq) index.
 *
 * @example
 * const store = new SqliteStore({ dataDir: './data' });
 * await store.init();
 * await store.writeResults('u:alice', 'bench/cpu', results, 'append', now);
 */
export class SqliteStore extends AccountStoreMethods implements Store {
  /** Path of the database file. */
  readonly file: string;
  private readonly db: Database.Database;
  private readonly clock: Clock;
  private prepared: Statements | undefined;
  private changeStore: SqliteChangeStore | undefined;
  private accountStore: SqliteAccountStore | undefined;

  constructor(location: SqliteLocation, options: SqliteStoreOptions = {}) {
    super();
    this.file = 'file' in location ? location.file : join(location.dataDir, 'vahti.db');
    mkdirSync(dirname(this.file), { recursive: true });
    this.db = new Database(this.file);
    this.db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.clock = options.clock ?? systemClock;
  }

  async init(): Promise<void> {
    migrate(this.db);
    this.prepared ??= prepareStatements(this.db);
    this.changeStore ??= new SqliteChangeStore(this.db);
    this.accountStore ??= new SqliteAccountStore(this.db, this.clock);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  async ensureUser(login: string): Promise<User> {
    return this.write((s) => {
      s.insertUserIfAbsent.run(randomUUID(), login, this.clock());
      return required(s.userByLogin.get(login));
    });
  }

  async findUserByLogin(login: string): Promise<User | null> {
    return this.s.userByLogin.get(login) ?? null;
  }

  async createToken(token: Omit<ApiToken, 'last_used' | 'revoked'>): Promise<ApiToken> {
    return this.write((s) => {
      if (s.tokenById.get(token.id)) throw new ConflictError(`a token with id ${token.id} already exists`);
      if (s.tokenByHash.get(token.hash)) throw new ConflictError('a token with this hash already exists');
      s.insertToken.run(token.id, token.owner, token.created_by, token.name, token.hash, token.created_at, token.expires_at);
      return tokenFromRow(required(s.tokenById.get(token.id)));
    });
  }

  async findTokenByHash(hash: string): Promise<ApiToken | null> {
    const row = this.s.tokenByHash.get(hash);
    return row ? tokenFromRow(row) : null;
  }

  async listTokens(owner: OwnerId): Promise<ApiToken[]> {
    return this.s.tokensOfOwner.all(owner).map(tokenFromRow);
  }

  async revokeToken(owner: OwnerId, id: string): Promise<boolean> {
    return this.write((s) => s.revokeToken.run(owner, id).changes > 0);
  }

  async touchToken(id: string, when: number): Promise<void> {
    this.write((s) => s.touchToken.run({ when, id }));
  }

  async writeResults(owner: OwnerId, test: string, results: TestResult[], mode: 'append' | 'upsert', now: number): Promise<WriteSummary> {
    checkBatch(results, mode);
    const encoded = encodeBatch(results);
    return this.write((s) => {
      const testId = this.findOrCreateTest(s, owner, test, now).id;
      const summary: WriteSummary = { inserted: 0, updated: 0 };
      for (const { timestamp, gitCommit, doc } of encoded) {
        const existing = s.resultExists.get(testId, timestamp, gitCommit);
        if (existing && mode === 'append') throw duplicateResult(timestamp, gitCommit);
        if (existing) {
          s.replaceResultDoc.run(doc, existing.seq);
          summary.updated += 1;
        } else {
          s.appendResult.run(testId, timestamp, gitCommit, doc);
          summary.inserted += 1;
        }
      }
      const changed = summary.inserted + summary.updated > 0;
      s.recordWrite.run({ now, added: summary.inserted, bump: changed ? 1 : 0, testId });
      return summary;
    });
  }

  async listResults(owner: OwnerId, test: string, window: ResultWindow = {}): Promise<StoredResult[]> {
    const { since, until, limit } = checkWindow(window);
    const row = this.s.testByName.get(owner, test);
    if (!row) return [];
    const newestFirst = this.s.resultsNewestFirst.all(row.id, since ?? -Infinity, until ?? Infinity, limit ?? -1);
    return newestFirst.reverse().map(resultFromRow);
  }

  async deleteResults(owner: OwnerId, test: string, timestamp?: number): Promise<number> {
    return this.write((s) => {
      const row = s.testByName.get(owner, test);
      if (!row) return 0;
      const { changes } = timestamp === undefined ? s.deleteAllResults.run(row.id) : s.deleteResultsAt.run(row.id, timestamp);
      if (changes > 0) s.recordDelete.run(changes, row.id);
      return changes;
    });
  }

  async getTest(owner: OwnerId, test: string): Promise<TestMeta | null> {
    const row = this.s.testByName.get(owner, test);
    return row ? testFromRow(row) : null;
  }

  async listTests(owner: OwnerId): Promise<TestMeta[]> {
    return this.s.testsOfOwner.all(owner).map(testFromRow);
  }

  async listPublicTests(): Promise<TestMeta[]> {
    return this.s.publicTests.all().map(testFromRow);
  }

  async updateTest(owner: OwnerId, test: string, patch: { public?: boolean; config?: TestConfig }): Promise<TestMeta> {
    const config = patch.config === undefined ? null : encodeExactJson(patch.config);
    return this.write((s) => {
      const row = s.testByName.get(owner, test);
      if (!row) throw new NotFoundError(`test ${test}`);
      s.updateTest.run(patch.public === undefined ? null : Number(patch.public), config, row.id);
      return testFromRow(required(s.testByName.get(owner, test)));
    });
  }

  async getOwnerConfig(owner: OwnerId): Promise<OwnerConfig | null> {
    const row = this.s.ownerConfig.get(owner);
    return row ? decodeExactJson<OwnerConfig>(row.config) : null;
  }

  async putOwnerConfig(owner: OwnerId, config: OwnerConfig): Promise<void> {
    const text = encodeExactJson(config);
    this.write((s) => s.putOwnerConfig.run(owner, text));
  }

  async getCachedChanges(owner: OwnerId, test: string, configKey: string): Promise<CachedChanges | null> {
    const row = this.s.cachedChanges.get(owner, test, configKey);
    return row ? cachedChangesFromRow(row) : null;
  }

  async putCachedChanges(entry: CachedChanges): Promise<void> {
    const payload = encodeExactJson(entry.payload);
    this.write((s) => s.putCachedChanges.run(entry.owner, entry.test, entry.config_key, entry.version, payload));
  }

  private get s(): Statements {
    if (!this.prepared) throw new Error('SqliteStore used before init()');
    return this.prepared;
  }

  protected changes(): SqliteChangeStore {
    if (!this.changeStore) throw new Error('SqliteStore used before init()');
    return this.changeStore;
  }

  protected accounts(): SqliteAccountStore {
    if (!this.accountStore) throw new Error('SqliteStore used before init()');
    return this.accountStore;
  }

  /** Runs `work` as one BEGIN IMMEDIATE transaction: all of it or none. */
  private write<T>(work: (s: Statements) => T): T {
    const statements = this.s;
    return this.db.transaction(() => work(statements)).immediate();
  }

  private findOrCreateTest(s: Statements, owner: OwnerId, test: string, now: number): TestRow {
    const existing = s.testByName.get(owner, test);
    if (existing) return existing;
    s.insertTest.run(owner, test, encodeExactJson(emptyTestConfig()), now);
    return required(s.testByName.get(owner, test));
  }
}

/** A row the same transaction just wrote; its absence would be a bug in the store. */
function required<T>(row: T | undefined): T {
  if (row === undefined) throw new Error('SqliteStore: a row written in this transaction is missing');
  return row;
}
