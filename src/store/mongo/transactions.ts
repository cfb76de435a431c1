import { MongoServerError, ObjectId, type ClientSession, type Collection, type MongoClient } from 'mongodb';
import type { LockDoc } from './locks.ts';

/**
 * Whether the server really runs multi-document transactions. It must say it is a replica-set
 * member (`setName` in `hello`) or a mongos (`msg: 'isdbgrid'`), and a write inside a transaction
 * must succeed (the transaction is then aborted, so nothing is kept). The second check is needed
 * because FerretDB 1.x started with `--repl-set-name` claims a replica set yet rejects every
 * write in a transaction (`unknown field "autocommit"`). A refusal by the server means "no";
 * a network failure is thrown. Two or three round trips, once at start.
 *
 * @example const transactional = await supportsTransactions(client, collections.locks);
 */
export async function supportsTransactions(client: MongoClient, scratch: Collection<LockDoc>): Promise<boolean> {
  const hello = await client.db('admin').command({ hello: 1 });
  if (typeof hello.setName !== 'string' && hello.msg !== 'isdbgrid') return false;
  return client.withSession(async (session) => {
    session.startTransaction({ readConcern: { level: 'snapshot' }, writeConcern: { w: 'majority' } });
    try {
      await scratch.insertOne({ _id: 'transaction-probe', holder: new ObjectId(), expires_at: 0 }, { session });
      return true;
    } catch (error) {
      if (error instanceof MongoServerError) return false;
      throw error;
    } finally {
      await session.abortTransaction();
    }
  });
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
