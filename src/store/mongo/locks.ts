import { ObjectId, type Collection } from 'mongodb';
import { isDuplicateKey } from './mongo-errors.ts';

/** A held write lock: one document per (owner, test), taken by inserting it. */
export interface LockDoc {
  _id: string;
  holder: ObjectId;
  /** Wall-clock milliseconds after which another writer may break the lock (a crashed holder). */
  expires_at: number;
}

/** How long a test write lock lives and how long a writer waits for one. */
export interface LockTimings {
  /** How long a lock is honoured before it counts as abandoned. */
  ttlMs: number;
  /** How long to wait for a lock before giving up. */
  waitMs: number;
}

const DEFAULT_TIMINGS: LockTimings = { ttlMs: 60_000, waitMs: 30_000 };

/**
 * Runs `work` while holding the write lock of one test, for servers without transactions.
 *
 * Why: FerretDB 1.x applies update operators as read-modify-write without isolation, so two
 * concurrent `$inc`s on one document can lose one (50 concurrent `$inc: 1` left 2 to 10), and even
 * a conditional update can have two winners. The one thing it does atomically is an insert
 * checked by a unique index, here the `_id`; so a lock is a document inserted under a key naming
 * the test and deleted when done. Every writer of a test's metadata takes it, so counters,
 * version and `seq` stay exact. A holder that died leaves a lock that others break after
 * `ttlMs`. O(1) round trips when uncontended; contended writers back off up to 100 ms.
 *
 * @example await withTestLock(locks, 'u:alice', 'bench/cpu', () => writeBatch());
 */
export async function withTestLock<T>(
  locks: Collection<LockDoc>,
  owner: string,
  test: string,
  work: () => Promise<T>,
  timings: LockTimings = DEFAULT_TIMINGS,
): Promise<T> {
  const lock = { _id: JSON.stringify([owner, test]), holder: new ObjectId() };
  const deadline = Date.now() + timings.waitMs;
  for (let backoffMs = 2; ; backoffMs = Math.min(backoffMs * 2, 100)) {
    try {
      await locks.insertOne({ ...lock, expires_at: Date.now() + timings.ttlMs });
      break;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      if (Date.now() > deadline) throw new Error(`timed out after ${timings.waitMs} ms waiting for the write lock of test ${test}`);
      await locks.deleteOne({ _id: lock._id, expires_at: { $lt: Date.now() } });
      await new Promise((resolve) => setTimeout(resolve, backoffMs * (0.5 + Math.random())));
    }
  }
  try {
    return await work();
  } finally {
    await locks.deleteOne(lock);
  }
}
