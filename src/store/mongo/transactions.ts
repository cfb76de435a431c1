import type { ClientSession, Db, MongoClient } from 'mongodb';

/**
 * Whether the server can run multi-document transactions: a replica-set member (`setName` in
 * `hello`) or a mongos (`msg: 'isdbgrid'`). A standalone mongod and FerretDB 1.x cannot (FerretDB
 * rejects the `autocommit` field a transaction sends). One round trip.
 *
 * @example const transactional = await supportsTransactions(client.db('admin'));
 */
export async function supportsTransactions(db: Db): Promise<boolean> {
  const hello = await db.admin().command({ hello: 1 });
  return typeof hello.setName === 'string' || hello.msg === 'isdbgrid';
}

/**
 * Runs `work` in one transaction with snapshot reads and majority commit: all of it or none. The
 * driver retries the whole callback on transient errors (write conflicts with a concurrent
 * transaction), so `work` must not hold state across attempts. O(1) beyond the work.
 *
 * @example await inTransaction(client, (session) => tests.updateOne(filter, update, { session }));
 */
export async function inTransaction<T>(client: MongoClient, work: (session: ClientSession) => Promise<T>): Promise<T> {
  return client.withSession((session) =>
    session.withTransaction(() => work(session), { readConcern: { level: 'snapshot' }, writeConcern: { w: 'majority' } }),
  );
}
