import { expect } from 'chai';
import { MongoClient, ObjectId, type Collection } from 'mongodb';
import { MongoStore } from '../../src/store/mongo/mongo-store.ts';
import { withTestLock, type LockDoc } from '../../src/store/mongo/locks.ts';
import { supportsTransactions } from '../../src/store/mongo/transactions.ts';
import { startFerretDb, type FerretDb } from '../support/ferretdb.ts';
import { storeContract } from './contract.ts';
import { dropDatabase, freshDatabaseName, mongoStoreFactory } from './mongo-factory.ts';
import { detected, NOW, NOW_MS, rejection, result } from './contract/fixtures.ts';

/** The MongoDB store over the wire against FerretDB 1.24 (SQLite handler), a fresh database per test. */
describe('MongoStore on FerretDB', function () {
  this.timeout(30_000);
  let ferret: FerretDb;

  before(async () => {
    ferret = await startFerretDb();
  });

  after(async () => {
    await ferret?.stop();
  });

  describe('contract', () => {
    storeContract(mongoStoreFactory(() => ferret.uri, 'vahti_contract'));
  });

  describe('server setup', () => {
    it('creates the series index and a unique index wherever a duplicate would be a bug, idempotently', async () => {
      const dbName = freshDatabaseName('vahti_indexes');
      const store = new MongoStore({ uri: ferret.uri, dbName });
      await store.init();
      await store.init();
      await store.close();
      const client = await MongoClient.connect(ferret.uri);
      try {
        const db = client.db(dbName);
        const summary = async (collection: string) =>
          (await db.collection(collection).indexes())
            .filter((index) => index.name !== '_id_')
            .map((index) => ({ key: index.key, unique: index.unique === true }));
        expect(await summary('results')).to.have.deep.members([
          { key: { test_id: 1, timestamp: 1, seq: 1 }, unique: false },
          { key: { test_id: 1, timestamp: 1, git_commit: 1 }, unique: true },
        ]);
        expect(await summary('tests')).to.have.deep.members([
          { key: { owner: 1, name: 1 }, unique: true },
          { key: { public: 1, owner: 1, name: 1 }, unique: false },
        ]);
        expect(await summary('users')).to.have.deep.members([
          { key: { login: 1 }, unique: true },
          { key: { github_id: 1 }, unique: false },
          { key: { memberships_refreshed_at: 1 }, unique: false },
        ]);
        expect(await summary('orgs')).to.have.deep.members([
          { key: { github_id: 1 }, unique: true },
          { key: { login: 1 }, unique: true },
        ]);
        expect(await summary('sessions')).to.deep.equal([{ key: { expires_at: 1 }, unique: false }]);
        expect(await summary('tokens')).to.have.deep.members([
          { key: { hash: 1 }, unique: true },
          { key: { owner: 1, created_at: 1 }, unique: false },
        ]);
        expect(await summary('changes_cache')).to.deep.equal([{ key: { owner: 1, test: 1, config_key: 1 }, unique: true }]);
        expect(await summary('changes')).to.deep.equal([{ key: { owner: 1, test: 1, metric: 1, change_key: 1 }, unique: true }]);
        expect(await summary('deliveries')).to.have.deep.members([
          { key: { change_id: 1, channel: 1 }, unique: true },
          { key: { state: 1, next_attempt_at: 1 }, unique: false },
          { key: { owner: 1, state: 1, created_at: 1 }, unique: false },
        ]);
      } finally {
        await client.close();
        await dropDatabase(ferret.uri, dbName);
      }
    });

    it('detects that FerretDB 1.x runs without transactions', async () => {
      expect(await transactionsOn(ferret.uri)).to.equal(false);
    });

    it('sees through FerretDB claiming a replica set, and still writes (under the test lock)', async () => {
      const replicaSet = await startFerretDb({ replSetName: 'rs0' });
      try {
        expect(await transactionsOn(replicaSet.uri)).to.equal(false);
        const store = new MongoStore({ uri: replicaSet.uri, dbName: 'vahti_rs' });
        await store.init();
        await store.writeResults('u:alice', 'bench', [result(1), result(2)], 'append', NOW);
        expect(await store.getTest('u:alice', 'bench')).to.include({ result_count: 2, version: 1 });
        await store.close();
      } finally {
        await replicaSet.stop();
      }
    });
  });

  describe('deliveries without transactions', () => {
    it('claims only once a held deliveries lock is free (here: broken after it expired), and leaves no lock behind', async () => {
      const dbName = freshDatabaseName('vahti_delivery_lock');
      const store = new MongoStore({ uri: ferret.uri, dbName });
      const client = await MongoClient.connect(ferret.uri);
      try {
        await store.init();
        const locks = client.db(dbName).collection<LockDoc>('delivery_locks');
        await store.syncChanges('u:alice', 'bench', ['time'], [detected('time', 100)], () => ['slack'], NOW_MS);
        await locks.insertOne({ _id: 'deliveries', holder: new ObjectId(), expires_at: Date.now() + 300 });
        const started = Date.now();
        const [claimed] = await store.claimDeliveries(NOW_MS, 60_000, 1);
        expect(Date.now() - started).to.be.at.least(250);
        await store.completeDelivery(claimed!.delivery.id, claimed!.delivery.claim_token!, { kind: 'failed', error: 'boom' });
        await store.retryDelivery('u:alice', claimed!.delivery.id, NOW_MS);
        await store.syncChanges('u:alice', 'bench', ['time'], [], () => ['slack'], NOW_MS);
        expect(await locks.countDocuments()).to.equal(0);
        expect((await store.listDeliveries('u:alice'))[0]?.delivery.state).to.equal('cancelled');
      } finally {
        await store.close();
        await client.close();
        await dropDatabase(ferret.uri, dbName);
      }
    });
  });

  describe('test write lock (used without transactions)', () => {
    let client: MongoClient;
    let locks: Collection<LockDoc>;
    beforeEach(async () => {
      client = await MongoClient.connect(ferret.uri);
      locks = client.db(freshDatabaseName('vahti_locks')).collection<LockDoc>('test_locks');
    });
    afterEach(async () => {
      await client.db(locks.dbName).dropDatabase();
      await client.close();
    });

    it('runs writers of one test one at a time', async () => {
      let inside = 0;
      let most = 0;
      const work = async () => {
        inside += 1;
        most = Math.max(most, inside);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inside -= 1;
      };
      await Promise.all(Array.from({ length: 8 }, () => withTestLock(locks, 'u:alice', 'bench', work)));
      expect(most).to.equal(1);
      expect(await locks.countDocuments()).to.equal(0);
    });

    it('releases the lock when the work fails', async () => {
      const failing = withTestLock(locks, 'u:alice', 'bench', async () => {
        throw new Error('boom');
      });
      expect(await rejection(failing)).to.have.property('message', 'boom');
      expect(await locks.countDocuments()).to.equal(0);
    });

    it('breaks a lock whose holder died once it expires', async () => {
      await locks.insertOne({ _id: JSON.stringify(['u:alice', 'bench']), holder: new ObjectId(), expires_at: Date.now() + 50 });
      expect(await withTestLock(locks, 'u:alice', 'bench', async () => 'ran', { ttlMs: 1000, waitMs: 5000 })).to.equal('ran');
    });

    it('gives up after waiting for a live lock too long', async () => {
      await locks.insertOne({ _id: JSON.stringify(['u:alice', 'bench']), holder: new ObjectId(), expires_at: Date.now() + 60_000 });
      const waiting = withTestLock(locks, 'u:alice', 'bench', async () => 'ran', { ttlMs: 1000, waitMs: 100 });
      expect(await rejection(waiting)).to.have.property('message').that.matches(/timed out after 100 ms/);
    });
  });
});

async function transactionsOn(uri: string): Promise<boolean> {
  const client = await MongoClient.connect(uri);
  try {
    return await supportsTransactions(client, client.db('vahti_probe').collection<LockDoc>('test_locks'));
  } finally {
    await client.close();
  }
}
