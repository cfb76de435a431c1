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
 * Runs one logical write: inside a majority-committed transaction when the server supports them
 * (all or nothing, retried by the driver on transient errors), otherwise directly, with no
 * session. The work must then order its writes so that a failure part-way leaves no lie behind
 * (see `docs/storage.md`). O(1) beyond the work.
 *
 * @example await runWrite(client, true, (session) => tests.updateOne(filter, update, { session }));
 */
export async function runWrite<T>(client: MongoClient, transactional: boolean, work: (session: ClientSession | undefined) => Promise<T>): Promise<T> {
  if (!transactional) return work(undefined);
  return client.withSession((session) =>
    session.withTransaction(() => work(session), { readConcern: { level: 'snapshot' }, writeConcern: { w: 'majority' } }),
  );
}
