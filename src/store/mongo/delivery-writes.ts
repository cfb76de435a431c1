import { randomUUID } from 'node:crypto';
import type { ClientSession, Collection, Filter, UpdateFilter } from 'mongodb';
import type { DeliveryDoc } from './change-documents.ts';
import { withLock, type LockDoc } from './locks.ts';

/**
 * Every way the MongoDB store changes an existing delivery: claiming due ones, and conditional
 * updates (complete if the token still holds, cancel if pending, …). Two implementations: atomic
 * on the server (MongoDB with transactions), or taking turns under one lock (no transactions:
 * FerretDB, whose updates are not atomic, and standalone mongod, which cannot be told apart).
 */
export interface DeliveryWrites {
  /** Claims up to `limit` due deliveries, oldest `next_attempt_at` first; each claimer wins a delivery alone. */
  claim(now: number, leaseMs: number, limit: number): Promise<DeliveryDoc[]>;
  /** Applies `update` to the delivery `filter._id` if it matches `filter`; whether it did. */
  updateOne(filter: Filter<DeliveryDoc> & { _id: string }, update: UpdateFilter<DeliveryDoc>): Promise<boolean>;
  /** Applies `update` to every delivery matching `filter` (in `session` if any); how many matched. */
  updateMany(filter: Filter<DeliveryDoc>, update: UpdateFilter<DeliveryDoc>, session: ClientSession | undefined): Promise<number>;
}

/** Oldest due first; the id breaks ties so claimers agree on one order. */
const DUE_ORDER = { next_attempt_at: 1, _id: 1 } as const;

/** Deliveries a claimer may take at `now`: pending and due, or claimed with an expired lease. */
function claimable(now: number): Filter<DeliveryDoc> {
  return { $or: [{ state: 'pending', next_attempt_at: { $lte: now } }, { state: 'claimed', lease_until: { $lt: now } }] };
}

/** The claim itself: a lease, a fresh random token, one more attempt. */
function claimUpdate(now: number, leaseMs: number): UpdateFilter<DeliveryDoc> {
  return { $set: { state: 'claimed', lease_until: now + leaseMs, claim_token: randomUUID() }, $inc: { attempts: 1 } };
}

/**
 * Delivery writes for a server whose single-document updates are atomic (MongoDB): a claim is one
 * `findOneAndUpdate` whose filter is the claimable condition, so of two claimers racing for a
 * delivery the server lets exactly one match; the other's call matches the next due delivery or
 * nothing. Conditional updates are plain `updateOne`s for the same reason. O(limit) round trips
 * per claim, each O(log n) through the {state, next_attempt_at} index.
 *
 * @example const writes = atomicDeliveryWrites(collections.deliveries);
 */
export function atomicDeliveryWrites(deliveries: Collection<DeliveryDoc>): DeliveryWrites {
  return {
    async claim(now, leaseMs, limit) {
      const claimed: DeliveryDoc[] = [];
      while (claimed.length < limit) {
        const doc = await deliveries.findOneAndUpdate(claimable(now), claimUpdate(now, leaseMs), { sort: DUE_ORDER, returnDocument: 'after' });
        if (!doc) break;
        claimed.push(doc);
      }
      return claimed;
    },
    async updateOne(filter, update) {
      return (await deliveries.updateOne(filter, update)).matchedCount > 0;
    },
    async updateMany(filter, update, session) {
      return (await deliveries.updateMany(filter, update, { session })).matchedCount;
    },
  };
}

/**
 * Delivery writes for a server whose updates are not atomic under concurrency (FerretDB 1.x: two
 * concurrent conditional `findOneAndUpdate`s both "win"). Every write to an existing delivery
 * happens while holding one lock, the document `deliveries` in `locks` (taken by a unique-`_id`
 * insert, the one write FerretDB does atomically): claims, completions, cancellations, revivals
 * and retries take turns, so each reads what the previous one wrote and its condition (claimable,
 * token still holding, still pending) is checked with nothing in between. New deliveries are
 * inserted without it (nobody else can write a document not yet there). A lock whose holder died
 * is broken after 60 s. Two round trips on top of the work; writers of deliveries run one at a time.
 *
 * @example const writes = lockedDeliveryWrites(collections.deliveries, collections.deliveryLocks);
 */
export function lockedDeliveryWrites(deliveries: Collection<DeliveryDoc>, locks: Collection<LockDoc>): DeliveryWrites {
  const inTurn = <T>(work: () => Promise<T>) => withLock(locks, 'deliveries', 'the deliveries', work);
  return {
    claim: (now, leaseMs, limit) =>
      inTurn(async () => {
        const due = await deliveries.find(claimable(now), { projection: { _id: 1 } }).sort(DUE_ORDER).limit(limit).toArray();
        const claimed: DeliveryDoc[] = [];
        for (const { _id } of due) {
          const doc = await deliveries.findOneAndUpdate({ _id, ...claimable(now) }, claimUpdate(now, leaseMs), { returnDocument: 'after' });
          if (doc) claimed.push(doc);
        }
        return claimed;
      }),
    updateOne: (filter, update) => inTurn(async () => (await deliveries.updateOne(filter, update)).matchedCount > 0),
    updateMany: (filter, update) => inTurn(async () => (await deliveries.updateMany(filter, update)).matchedCount),
  };
}
