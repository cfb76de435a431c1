import { randomUUID } from 'node:crypto';
import type { AnyBulkWriteOperation, ClientSession } from 'mongodb';
import type {
  ChangeRecord,
  ChangeStore,
  ClaimedDelivery,
  Delivery,
  DeliveryOutcome,
  DeliveryState,
  DetectedChange,
} from '../change-types.ts';
import { planSync } from '../change-sync.ts';
import { checkClaim, outcomeFields } from '../delivery-rules.ts';
import type { OwnerId } from '../types.ts';
import { changeFromDoc, deliveryFromDoc, type ChangeDoc, type DeliveryDoc } from './change-documents.ts';
import type { Collections } from './collections.ts';
import type { DeliveryWrites } from './delivery-writes.ts';

/** Runs one write to a test: in a transaction where the server has them, else under the test's lock. */
export type WriteTest = <T>(owner: OwnerId, test: string, work: (session: ClientSession | undefined) => Promise<T>) => Promise<T>;

/**
 * Change records and their deliveries in MongoDB (the `ChangeStore` half of `MongoStore`).
 * `syncChanges` runs through `writeTest`: one transaction on a replica set, else under the
 * test's write lock. Claims and the other delivery transitions go through `DeliveryWrites`:
 * conditional `findOneAndUpdate`s and `updateOne`s, atomic on MongoDB, run one at a time under
 * the deliveries lock where the server has no transactions (FerretDB's updates are not atomic).
 * Without transactions a sync that fails part-way keeps what it wrote, in this order: new
 * records, their deliveries, updated records, cancellations, revivals (docs/storage.md says what
 * each cut leaves). Reads are O(log n + k) through the {owner, test, …} and {owner, state,
 * created_at} indexes.
 *
 * @example const changes = new MongoChangeStore(collections, atomicDeliveryWrites(collections.deliveries), writeTest);
 */
export class MongoChangeStore implements ChangeStore {
  constructor(
    private readonly c: Collections,
    private readonly writes: DeliveryWrites,
    private readonly writeTest: WriteTest,
  ) {}

  async syncChanges(
    owner: OwnerId,
    test: string,
    metrics: string[],
    detected: DetectedChange[],
    channelsFor: (change: DetectedChange) => string[],
    now: number,
  ): Promise<number> {
    return this.writeTest(owner, test, async (session) => {
      const known = await this.c.changes.find({ owner, test }, { projection: { metric: 1, change_key: 1, significant: 1 }, session }).toArray();
      const plan = planSync(
        known.map((doc) => ({ id: doc._id, metric: doc.metric, change_key: doc.change_key, significant: doc.significant })),
        metrics,
        detected,
        channelsFor,
      );
      const records: ChangeDoc[] = [];
      const deliveries: DeliveryDoc[] = [];
      for (const { change, details, channels } of plan.create) {
        const record = { _id: randomUUID(), owner, test, metric: change.metric, change_key: change.change_key, time: change.details.time, details };
        records.push({ ...record, significant: true, first_detected_at: now, updated_at: now });
        deliveries.push(...channels.map((channel) => newDelivery(record._id, owner, channel, now)));
      }
      if (records.length > 0) await this.c.changes.insertMany(records, { session });
      if (deliveries.length > 0) await this.c.deliveries.insertMany(deliveries, { session });

      const recordUpdates: AnyBulkWriteOperation<ChangeDoc>[] = [
        ...plan.update.map(({ id, change, details }) => ({
          updateOne: { filter: { _id: id }, update: { $set: { time: change.details.time, details, significant: true, updated_at: now } } },
        })),
        ...plan.retire.map((id) => ({ updateOne: { filter: { _id: id }, update: { $set: { significant: false, updated_at: now } } } })),
      ];
      if (recordUpdates.length > 0) await this.c.changes.bulkWrite(recordUpdates, { session });
      if (plan.retire.length > 0) {
        await this.writes.updateMany({ change_id: { $in: plan.retire }, state: 'pending' }, { $set: { state: 'cancelled' } }, session);
      }
      const returning = plan.update.filter((entry) => entry.revive).map((entry) => entry.id);
      const revived =
        returning.length === 0
          ? 0
          : await this.writes.updateMany(
              { change_id: { $in: returning }, state: 'cancelled' },
              { $set: { state: 'pending', next_attempt_at: now } },
              session,
            );
      return deliveries.length + revived;
    });
  }

  async listChanges(owner: OwnerId, test: string): Promise<{ change: ChangeRecord; deliveries: Delivery[] }[]> {
    const records = await this.c.changes.find({ owner, test }).sort({ time: 1, metric: 1, change_key: 1 }).toArray();
    if (records.length === 0) return [];
    const byChange = new Map(records.map((record) => [record._id, [] as Delivery[]]));
    const deliveries = this.c.deliveries.find({ change_id: { $in: [...byChange.keys()] } }).sort({ channel: 1 });
    for await (const doc of deliveries) byChange.get(doc.change_id)?.push(deliveryFromDoc(doc));
    return records.map((record) => ({ change: changeFromDoc(record), deliveries: byChange.get(record._id) ?? [] }));
  }

  async claimDeliveries(now: number, leaseMs: number, limit: number): Promise<ClaimedDelivery[]> {
    checkClaim(now, leaseMs, limit);
    if (limit === 0) return [];
    return this.withChanges(await this.writes.claim(now, leaseMs, limit));
  }

  async completeDelivery(id: string, claimToken: string, outcome: DeliveryOutcome): Promise<boolean> {
    return this.writes.updateOne(
      { _id: id, state: 'claimed', claim_token: claimToken },
      { $set: { ...outcomeFields(outcome), lease_until: null, claim_token: null } },
    );
  }

  async listDeliveries(owner: OwnerId, state?: DeliveryState): Promise<{ delivery: Delivery; change: ChangeRecord }[]> {
    const docs = await this.c.deliveries
      .find(state === undefined ? { owner } : { owner, state })
      .sort({ created_at: -1, _id: -1 })
      .toArray();
    return this.withChanges(docs);
  }

  async retryDelivery(owner: OwnerId, id: string, now: number): Promise<boolean> {
    return this.writes.updateOne({ _id: id, owner, state: 'failed' }, { $set: { state: 'pending', next_attempt_at: now } });
  }

  /** Pairs each delivery with its change record, in the deliveries' order. One round trip. */
  private async withChanges(docs: readonly DeliveryDoc[]): Promise<{ delivery: Delivery; change: ChangeRecord }[]> {
    if (docs.length === 0) return [];
    const ids = [...new Set(docs.map((doc) => doc.change_id))];
    const records = new Map((await this.c.changes.find({ _id: { $in: ids } }).toArray()).map((doc) => [doc._id, changeFromDoc(doc)]));
    return docs.map((doc) => {
      const change = records.get(doc.change_id);
      if (!change) throw new Error(`MongoStore: delivery ${doc._id} refers to a missing change ${doc.change_id}`);
      return { delivery: deliveryFromDoc(doc), change };
    });
  }
}

function newDelivery(changeId: string, owner: OwnerId, channel: string, now: number): DeliveryDoc {
  return {
    _id: randomUUID(),
    change_id: changeId,
    owner,
    channel,
    state: 'pending',
    attempts: 0,
    next_attempt_at: now,
    lease_until: null,
    claim_token: null,
    last_error: null,
    delivered_at: null,
    created_at: now,
  };
}
