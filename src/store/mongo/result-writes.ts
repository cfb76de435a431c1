import { ObjectId, type ClientSession, type Collection } from 'mongodb';
import { duplicateResult, resultKey } from '../batch.ts';
import { ConflictError } from '../errors.ts';
import type { EncodedResult } from '../result-doc.ts';
import type { WriteSummary } from '../types.ts';
import type { ResultDocument } from './documents.ts';
import { isDuplicateKey } from './mongo-errors.ts';

/** Where a batch goes: the test, the first `seq` reserved for it, and the session if any. */
export interface BatchTarget {
  results: Collection<ResultDocument>;
  testId: ObjectId;
  firstSeq: number;
  session: ClientSession | undefined;
}

const NOTHING: WriteSummary = { inserted: 0, updated: 0 };

/**
 * Inserts a batch whose keys must all be new. Checks the keys first, so the usual conflict (a
 * batch uploaded twice) writes nothing at all; then inserts in one ordered `insertMany` with ids
 * chosen here. Without a session (no transactions, e.g. FerretDB) an insert that fails part-way
 * (connection lost, server error) is undone by deleting exactly those ids before the error is
 * thrown. In a transaction, a concurrent transaction that took a key surfaces as a duplicate key
 * and becomes a ConflictError. O(n) documents, two round trips.
 *
 * @example await appendBatch({ results, testId, firstSeq: 0, session: undefined }, encoded);
 */
export async function appendBatch(target: BatchTarget, batch: readonly EncodedResult[]): Promise<WriteSummary> {
  if (batch.length === 0) return NOTHING;
  const { results, testId, firstSeq, session } = target;
  const timestamps = [...new Set(batch.map((result) => result.timestamp))];
  const existing = await results
    .find({ test_id: testId, timestamp: { $in: timestamps } }, { projection: { timestamp: 1, git_commit: 1 }, session })
    .toArray();
  const taken = new Set(existing.map((doc) => resultKey(doc.timestamp, doc.git_commit)));
  const clash = batch.find((result) => taken.has(resultKey(result.timestamp, result.gitCommit)));
  if (clash) throw duplicateResult(clash.timestamp, clash.gitCommit);

  const docs: ResultDocument[] = batch.map((result, index) => ({
    _id: new ObjectId(),
    test_id: testId,
    timestamp: result.timestamp,
    git_commit: result.gitCommit,
    seq: firstSeq + index,
    doc: result.doc,
  }));
  try {
    await results.insertMany(docs, { ordered: true, session });
  } catch (error) {
    if (!session) await results.deleteMany({ _id: { $in: docs.map((doc) => doc._id) } });
    if (isDuplicateKey(error)) throw new ConflictError('a result of this batch was written by a concurrent upload');
    throw error;
  }
  return { inserted: docs.length, updated: 0 };
}

/**
 * Inserts each result or replaces the body of the one with the same key, in one ordered bulk
 * write; a replaced result keeps its id and place in insertion order. O(n) documents, one round
 * trip. Without a session a failure part-way leaves the earlier results written (an upsert is
 * safe to repeat, so the client retries the same PUT).
 *
 * @example await upsertBatch({ results, testId, firstSeq: 10, session }, encoded);
 */
export async function upsertBatch(target: BatchTarget, batch: readonly EncodedResult[]): Promise<WriteSummary> {
  if (batch.length === 0) return NOTHING;
  const { results, testId, firstSeq, session } = target;
  const operations = batch.map((result, index) => ({
    updateOne: {
      filter: { test_id: testId, timestamp: result.timestamp, git_commit: result.gitCommit },
      update: { $set: { doc: result.doc }, $setOnInsert: { _id: new ObjectId(), seq: firstSeq + index } },
      upsert: true,
    },
  }));
  try {
    const written = await results.bulkWrite(operations, { ordered: true, session });
    return { inserted: written.upsertedCount, updated: written.matchedCount };
  } catch (error) {
    if (isDuplicateKey(error)) throw new ConflictError('a result of this batch was written by a concurrent upload; retry');
    throw error;
  }
}
