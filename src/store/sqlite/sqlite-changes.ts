import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
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
import { changeFromRow, type DeliveryRow } from './change-rows.ts';
import { prepareChangeStatements, type ChangeStatements } from './change-statements.ts';

/**
 * Change records and their deliveries in the SQLite file (the `ChangeStore` half of
 * `SqliteStore`). Every write is one `BEGIN IMMEDIATE` transaction, so `syncChanges` is atomic
 * per test and a claim is exclusive across processes: the claimer holds the database's write lock
 * from selecting the due deliveries to marking them claimed, and a second process's claim waits
 * (busy_timeout) and then sees them claimed. Reads that join two queries run in one deferred
 * transaction, so they see one snapshot (WAL).
 *
 * @example
 * const changes = new SqliteChangeStore(db); // on a migrated database
 * const claimed = await changes.claimDeliveries(Date.now(), 60_000, 10);
 */
export class SqliteChangeStore implements ChangeStore {
  private readonly s: ChangeStatements;

  constructor(private readonly db: Database.Database) {
    this.s = prepareChangeStatements(db);
  }

  async syncChanges(
    owner: OwnerId,
    test: string,
    metrics: string[],
    detected: DetectedChange[],
    channelsFor: (change: DetectedChange) => string[],
    now: number,
  ): Promise<number> {
    return this.write(() => {
      const known = this.s.changesOfTest.all(owner, test).map((row) => ({ ...row, significant: row.significant === 1 }));
      const plan = planSync(known, metrics, detected, channelsFor);
      let pending = 0;
      for (const { change, details, channels } of plan.create) {
        const id = randomUUID();
        this.s.insertChange.run({ id, owner, test, metric: change.metric, changeKey: change.change_key, time: change.details.time, details, now });
        for (const channel of channels) this.s.insertDelivery.run({ id: randomUUID(), changeId: id, owner, channel, now });
        pending += channels.length;
      }
      for (const { id, change, details, revive } of plan.update) {
        this.s.redetectChange.run(change.details.time, details, now, id);
        if (revive) pending += this.s.reviveCancelled.run(now, id).changes;
      }
      for (const id of plan.retire) {
        this.s.retireChange.run(now, id);
        this.s.cancelPending.run(id);
      }
      return pending;
    });
  }

  async listChanges(owner: OwnerId, test: string): Promise<{ change: ChangeRecord; deliveries: Delivery[] }[]> {
    return this.read(() => {
      const deliveries = byChange(this.s.deliveriesOfTest.all(owner, test));
      return this.s.changesOfTest.all(owner, test).map((row) => ({ change: changeFromRow(row), deliveries: deliveries.get(row.id) ?? [] }));
    });
  }

  async claimDeliveries(now: number, leaseMs: number, limit: number): Promise<ClaimedDelivery[]> {
    checkClaim(now, leaseMs, limit);
    if (limit === 0) return [];
    return this.write(() =>
      this.s.dueDeliveries.all({ now, limit }).map(({ id }) => {
        const delivery = required(this.s.claimDelivery.get(now + leaseMs, randomUUID(), id));
        return { delivery, change: this.change(delivery.change_id) };
      }),
    );
  }

  async completeDelivery(id: string, claimToken: string, outcome: DeliveryOutcome): Promise<boolean> {
    const fields = outcomeFields(outcome);
    const params = {
      id,
      token: claimToken,
      state: fields.state,
      nextAttemptAt: fields.next_attempt_at ?? null,
      lastError: fields.last_error ?? null,
      deliveredAt: fields.delivered_at ?? null,
    };
    return this.write(() => this.s.completeDelivery.run(params).changes > 0);
  }

  async listDeliveries(owner: OwnerId, state?: DeliveryState): Promise<{ delivery: Delivery; change: ChangeRecord }[]> {
    return this.read(() => {
      const rows = state === undefined ? this.s.deliveriesOfOwner.all(owner) : this.s.deliveriesOfOwnerIn.all(owner, state);
      const changes = new Map<string, ChangeRecord>();
      return rows.map((delivery) => {
        let change = changes.get(delivery.change_id);
        if (!change) changes.set(delivery.change_id, (change = this.change(delivery.change_id)));
        return { delivery, change };
      });
    });
  }

  async retryDelivery(owner: OwnerId, id: string, now: number): Promise<boolean> {
    return this.write(() => this.s.retryFailed.run(now, id, owner).changes > 0);
  }

  private change(id: string): ChangeRecord {
    return changeFromRow(required(this.s.changeById.get(id)));
  }

  private write<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  private read<T>(work: () => T): T {
    return this.db.transaction(work).deferred();
  }
}

function byChange(rows: readonly DeliveryRow[]): Map<string, Delivery[]> {
  const groups = new Map<string, Delivery[]>();
  for (const row of rows) {
    const group = groups.get(row.change_id);
    if (group) group.push(row);
    else groups.set(row.change_id, [row]);
  }
  return groups;
}

/** A row the same transaction just read or wrote, or one a foreign key guarantees. */
function required<T>(row: T | undefined): T {
  if (row === undefined) throw new Error('SqliteStore: a change or delivery row this transaction relies on is missing');
  return row;
}
