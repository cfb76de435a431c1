import { ObjectId, type Collection } from 'mongodb';
import { isDuplicateKey } from './mongo-errors.ts';

/**
 * Locks for servers without transactions or atomic updates (FerretDB 1.x).
 *
 * Why: FerretDB 1.x applies update operators as read-modify-write without isolation, so two
 * concurrent `$inc`s on one document can lose one (50 concurrent `$inc: 1` left 2 to 10), and even
 * a conditional update can have two winners (four claimers running conditional
 * `findOneAndUpdate`s over 200 deliveries claimed 191 of them more than once). The one thing it does atomically is an insert checked by a unique index, here the
 * `_id`; so a lock is a document inserted under a key naming what it guards and deleted when
 * done. A holder that died leaves a lock that others break once it expires.
 */

/** A held lock: one document per guarded thing, taken by inserting it. */
export interface LockDoc {
  _id: string;
  /** Who holds it: only the holder's release deletes it. */
  holder: ObjectId;
  /** Wall-clock milliseconds after which another writer may break the lock (a crashed holder). */
  expires_at: number;
}

/** How long a lock lives and how long a writer waits for one. */
export interface LockTimings {
  /** How long a lock is honoured before it counts as abandoned. */
  ttlMs: number;
  /** How long to wait for a lock before giving up. */
  waitMs: number;
}

const DEFAULT_TIMINGS: LockTimings = { ttlMs: 60_000, waitMs: 30_000 };

/**
 * Takes the lock `key` if it is free (or abandoned: expired, which it then breaks), without
 * waiting. Returns the held lock, or null when someone else holds it. A held lock is detected with
 * a read, so waiting writers add no writes to a contended server. One to four round trips.
 */
async function tryLock(locks: Collection<LockDoc>, key: string, ttlMs: number): Promise<LockDoc | null> {
  const take = async () => {
    const lock: LockDoc = { _id: key, holder: new ObjectId(), expires_at: Date.now() + ttlMs };
    try {
      await locks.insertOne(lock);
      return lock;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return null;
    }
  };
  const lock = await take();
  if (lock) return lock;
  const held = await locks.findOne({ _id: key }, { projection: { expires_at: 1 } });
  if (held && held.expires_at >= Date.now()) return null;
  await locks.deleteOne({ _id: key, expires_at: { $lt: Date.now() } });
  return take();
}

/** Releases a lock taken by `tryLock`; a lock broken and retaken by someone else stays theirs. */
async function releaseLock(locks: Collection<LockDoc>, lock: LockDoc): Promise<void> {
  await locks.deleteOne({ _id: lock._id, holder: lock.holder });
}

/**
 * Runs `work` while holding the lock `key`, waiting for it (backing off up to 100 ms) at most
 * `timings.waitMs`, then throwing an error naming `what`. Released when the work ends or throws.
 * O(1) round trips when uncontended.
 *
 * @example await withLock(locks, 'deliveries', 'the deliveries', () => claimDue());
 */
export async function withLock<T>(
  locks: Collection<LockDoc>,
  key: string,
  what: string,
  work: () => Promise<T>,
  timings: LockTimings = DEFAULT_TIMINGS,
): Promise<T> {
  const deadline = Date.now() + timings.waitMs;
  let lock = await tryLock(locks, key, timings.ttlMs);
  for (let backoffMs = 2; !lock; backoffMs = Math.min(backoffMs * 2, 100)) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timings.waitMs} ms waiting for the lock of ${what}`);
    await new Promise((resolve) => setTimeout(resolve, backoffMs * (0.5 + Math.random())));
    lock = await tryLock(locks, key, timings.ttlMs);
  }
  try {
    return await work();
  } finally {
    await releaseLock(locks, lock);
  }
}

/**
 * Runs `work` while holding the write lock of one test (key `[owner, test]`), for servers
 * without transactions. Every writer of a test's metadata and change records takes it, so
 * counters, version and `seq` stay exact and a test's change records are reconciled one sync at
 * a time.
 *
 * @example await withTestLock(locks, 'u:alice', 'bench/cpu', () => writeBatch());
 */
export function withTestLock<T>(
  locks: Collection<LockDoc>,
  owner: string,
  test: string,
  work: () => Promise<T>,
  timings: LockTimings = DEFAULT_TIMINGS,
): Promise<T> {
  return withLock(locks, JSON.stringify([owner, test]), `test ${test}`, work, timings);
}
