import { MongoClient, ObjectId, type ClientSession, type Filter } from 'mongodb';
import { checkBatch, checkWindow } from '../batch.ts';
import { AccountStoreMethods } from '../account-store-methods.ts';
import { systemClock, type Clock } from '../clock.ts';
import { emptyTestConfig } from '../defaults.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { decodeExactJson, encodeExactJson } from '../exact-json.ts';
import { decodeResult, encodeBatch } from '../result-doc.ts';
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
import { collectionsOf, ensureIndexes, type Collections } from './collections.ts';
import { atomicDeliveryWrites, lockedDeliveryWrites } from './delivery-writes.ts';
import { cachedChangesFromDoc, testFromDoc, tokenFromDoc, userFromDoc, type ResultDocument, type TestDoc } from './documents.ts';
import { isDuplicateKey, retryDuplicateUpsert } from './mongo-errors.ts';
import { appendBatch, upsertBatch } from './result-writes.ts';
import { withTestLock } from './locks.ts';
import { MongoAccountStore } from './mongo-accounts.ts';
import { MongoChangeStore } from './mongo-changes.ts';
import { inTransaction, supportsTransactions } from './transactions.ts';

/** How to reach the MongoDB server, and the clock for the timestamps the store sets itself. */
export interface MongoStoreOptions {
  /** A MongoDB connection string, e.g. `mongodb://db1,db2,db3/?replicaSet=rs0`. */
  uri: string;
  /** The database holding Vahti's collections. */
  dbName: string;
  /** Clock for `User.created_at`; the system clock by default. */
  clock?: Clock;
}

/**
 * The MongoDB store, through the official driver, for MongoDB 7+ in production and FerretDB 1.x
 * in tests. Writes use write concern `majority`. A write to a test's results or metadata runs in
 * a transaction when the server supports them (replica set or mongos, detected in `init()`).
 * Without them (standalone mongod, FerretDB) it runs under the test's write lock and in an order
 * that leaves no wrong metadata behind on a clean failure: batch checked before anything is
 * written, results next (ids chosen up front, undone if an append fails part-way), the test's
 * counters last. Change records and deliveries are delegated to `MongoChangeStore`: a claim is
 * a conditional `findOneAndUpdate`, run under the deliveries lock without transactions (FerretDB's
 * conditional updates are not atomic). GitHub users, organisations, memberships and sessions are
 * delegated to `MongoAccountStore`. `docs/storage.md` lists what holds in each mode. Reads of
 * a window are O(log n + k) through the {test_id, timestamp, seq} index.
 *
 * @example
 * const store = new MongoStore({ uri: process.env.MONGODB_URI!, dbName: 'vahti' });
 * await store.init();
 */
export class MongoStore extends AccountStoreMethods implements Store {
  private readonly client: MongoClient;
  private readonly c: Collections;
  private readonly clock: Clock;
  private transactional = false;
  private changeStore: MongoChangeStore | undefined;
  private readonly accountStore: MongoAccountStore;

  constructor(options: MongoStoreOptions) {
    super();
    this.client = new MongoClient(options.uri, { writeConcern: { w: 'majority' } });
    this.c = collectionsOf(this.client.db(options.dbName));
    this.clock = options.clock ?? systemClock;
    this.accountStore = new MongoAccountStore(this.c, this.clock);
  }

  async init(): Promise<void> {
    await this.client.connect();
    await ensureIndexes(this.c);
    this.transactional = await supportsTransactions(this.client, this.c.locks);
    const writes = this.transactional ? atomicDeliveryWrites(this.c.deliveries) : lockedDeliveryWrites(this.c.deliveries, this.c.deliveryLocks);
    this.changeStore = new MongoChangeStore(this.c, writes, (owner, test, work) => this.writeTest(owner, test, work));
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  async ensureUser(login: string): Promise<User> {
    const doc = await retryDuplicateUpsert(() =>
      this.c.users.findOneAndUpdate(
        { login },
        { $setOnInsert: { _id: new ObjectId().toHexString(), created_at: this.clock() } },
        { upsert: true, returnDocument: 'after' },
      ),
    );
    return userFromDoc(written(doc));
  }

  async findUserByLogin(login: string): Promise<User | null> {
    const doc = await this.c.users.findOne({ login });
    return doc ? userFromDoc(doc) : null;
  }

  async createToken(token: Omit<ApiToken, 'last_used' | 'revoked'>): Promise<ApiToken> {
    const { id, ...fields } = token;
    const doc = { _id: id, ...fields, last_used: null, revoked: false };
    try {
      await this.c.tokens.insertOne(doc);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const sameId = await this.c.tokens.countDocuments({ _id: id }, { limit: 1 });
      throw new ConflictError(sameId > 0 ? `a token with id ${id} already exists` : 'a token with this hash already exists');
    }
    return tokenFromDoc(doc);
  }

  async findTokenByHash(hash: string): Promise<ApiToken | null> {
    const doc = await this.c.tokens.findOne({ hash });
    return doc ? tokenFromDoc(doc) : null;
  }

  async listTokens(owner: OwnerId): Promise<ApiToken[]> {
    const docs = await this.c.tokens.find({ owner }).sort({ created_at: 1, _id: 1 }).toArray();
    return docs.map(tokenFromDoc);
  }

  async revokeToken(owner: OwnerId, id: string): Promise<boolean> {
    const { matchedCount } = await this.c.tokens.updateOne({ _id: id, owner }, { $set: { revoked: true } });
    return matchedCount > 0;
  }

  async touchToken(id: string, when: number): Promise<void> {
    await this.c.tokens.updateOne({ _id: id }, { $max: { last_used: when } });
  }

  async writeResults(owner: OwnerId, test: string, results: TestResult[], mode: 'append' | 'upsert', now: number): Promise<WriteSummary> {
    checkBatch(results, mode);
    const batch = encodeBatch(results);
    return this.writeTest(owner, test, async (session) => {
      const testDoc = await this.reserveSeqs(owner, test, batch.length, now, session);
      const target = { results: this.c.results, testId: testDoc._id, firstSeq: testDoc.next_seq - batch.length, session };
      const summary = mode === 'append' ? await appendBatch(target, batch) : await upsertBatch(target, batch);
      const changed = summary.inserted + summary.updated > 0;
      await this.c.tests.updateOne(
        { _id: testDoc._id },
        { $max: { last_seen: now }, $inc: { result_count: summary.inserted, version: changed ? 1 : 0 } },
        { session },
      );
      return summary;
    });
  }

  async listResults(owner: OwnerId, test: string, window: ResultWindow = {}): Promise<StoredResult[]> {
    const { since, until, limit } = checkWindow(window);
    const testDoc = await this.c.tests.findOne({ owner, name: test }, { projection: { _id: 1 } });
    if (!testDoc || limit === 0) return [];
    const filter: Filter<ResultDocument> = { test_id: testDoc._id };
    if (since !== undefined || until !== undefined) {
      filter.timestamp = { ...(since === undefined ? {} : { $gte: since }), ...(until === undefined ? {} : { $lte: until }) };
    }
    const toResult = (doc: ResultDocument) => decodeResult(doc._id.toHexString(), doc.timestamp, doc.doc);
    if (limit === undefined) {
      const docs = await this.c.results.find(filter).sort({ timestamp: 1, seq: 1 }).toArray();
      return docs.map(toResult);
    }
    const newestFirst = await this.c.results.find(filter).sort({ timestamp: -1, seq: -1 }).limit(limit).toArray();
    return newestFirst.reverse().map(toResult);
  }

  async deleteResults(owner: OwnerId, test: string, timestamp?: number): Promise<number> {
    return this.writeTest(owner, test, async (session) => {
      const testDoc = await this.c.tests.findOne({ owner, name: test }, { projection: { _id: 1 }, session });
      if (!testDoc) return 0;
      const filter: Filter<ResultDocument> = timestamp === undefined ? { test_id: testDoc._id } : { test_id: testDoc._id, timestamp };
      const { deletedCount } = await this.c.results.deleteMany(filter, { session });
      if (deletedCount > 0) {
        await this.c.tests.updateOne({ _id: testDoc._id }, { $inc: { result_count: -deletedCount, version: 1 } }, { session });
      }
      return deletedCount;
    });
  }

  async getTest(owner: OwnerId, test: string): Promise<TestMeta | null> {
    const doc = await this.c.tests.findOne({ owner, name: test });
    return doc ? testFromDoc(doc) : null;
  }

  async listTests(owner: OwnerId): Promise<TestMeta[]> {
    const docs = await this.c.tests.find({ owner }).sort({ name: 1 }).toArray();
    return docs.map(testFromDoc);
  }

  async listPublicTests(): Promise<TestMeta[]> {
    const docs = await this.c.tests.find({ public: true }).sort({ owner: 1, name: 1 }).toArray();
    return docs.map(testFromDoc);
  }

  async updateTest(owner: OwnerId, test: string, patch: { public?: boolean; config?: TestConfig }): Promise<TestMeta> {
    const set: Partial<Pick<TestDoc, 'public' | 'config'>> = {};
    if (patch.public !== undefined) set.public = patch.public;
    if (patch.config !== undefined) set.config = encodeExactJson(patch.config);
    const doc = await this.writeTest(owner, test, (session) =>
      this.c.tests.findOneAndUpdate(
        { owner, name: test },
        { ...(Object.keys(set).length > 0 ? { $set: set } : {}), $inc: { version: 1 } },
        { returnDocument: 'after', session },
      ),
    );
    if (!doc) throw new NotFoundError(`test ${test}`);
    return testFromDoc(doc);
  }

  async getOwnerConfig(owner: OwnerId): Promise<OwnerConfig | null> {
    const doc = await this.c.ownerConfigs.findOne({ _id: owner });
    return doc ? decodeExactJson<OwnerConfig>(doc.config) : null;
  }

  async putOwnerConfig(owner: OwnerId, config: OwnerConfig): Promise<void> {
    await this.c.ownerConfigs.replaceOne({ _id: owner }, { config: encodeExactJson(config) }, { upsert: true });
  }

  async getCachedChanges(owner: OwnerId, test: string, configKey: string): Promise<CachedChanges | null> {
    const doc = await this.c.changesCache.findOne({ owner, test, config_key: configKey });
    return doc ? cachedChangesFromDoc(doc) : null;
  }

  async putCachedChanges(entry: CachedChanges): Promise<void> {
    const payload = encodeExactJson(entry.payload);
    const key = { owner: entry.owner, test: entry.test, config_key: entry.config_key };
    try {
      await this.c.changesCache.updateOne({ ...key, version: { $lte: entry.version } }, { $set: { version: entry.version, payload } }, { upsert: true });
    } catch (error) {
      // The filter missed because a newer version is cached; the upsert then hit the unique key.
      // Keeping the newer entry is the point, so this is the expected outcome, not a failure.
      if (!isDuplicateKey(error)) throw error;
    }
  }

  /** The change-record half, which needs to know (from `init()`) whether the server has transactions. */
  protected changes(): MongoChangeStore {
    if (!this.changeStore) throw new Error('MongoStore: change records used before init()');
    return this.changeStore;
  }

  /** The account half, which needs nothing from `init()` beyond the indexes. */
  protected accounts(): MongoAccountStore {
    return this.accountStore;
  }

  /**
   * Runs one write to a test's results, metadata or change records: in a transaction where the server has them,
   * else under the test's write lock (see `locks.ts`), with no session.
   */
  private async writeTest<T>(owner: OwnerId, test: string, work: (session: ClientSession | undefined) => Promise<T>): Promise<T> {
    if (this.transactional) return inTransaction(this.client, work);
    return withTestLock(this.c.locks, owner, test, () => work(undefined));
  }

  /**
   * Finds or creates the test and reserves `count` consecutive `seq` values for its results.
   * Returns the test after the reservation: the batch owns [next_seq - count, next_seq).
   */
  private async reserveSeqs(owner: OwnerId, test: string, count: number, now: number, session: ClientSession | undefined): Promise<TestDoc> {
    const doc = await this.c.tests.findOneAndUpdate(
      { owner, name: test },
      {
        $setOnInsert: {
          _id: new ObjectId(),
          public: false,
          config: encodeExactJson(emptyTestConfig()),
          last_seen: null,
          result_count: 0,
          version: 0,
          created_at: now,
        },
        $inc: { next_seq: count },
      },
      { upsert: true, returnDocument: 'after', session },
    );
    return written(doc);
  }
}

/** The document an upsert with `returnDocument: 'after'` returns; never null. */
function written<T>(doc: T | null): T {
  if (doc === null) throw new Error('MongoStore: an upsert returned no document');
  return doc;
}
