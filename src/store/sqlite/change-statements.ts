import type Database from 'better-sqlite3';
import type { DeliveryState } from '../change-types.ts';
import { CHANGE_COLUMNS, DELIVERY_COLUMNS, type ChangeRow, type DeliveryRow } from './change-rows.ts';

type Run<P extends unknown[]> = Database.Statement<P, unknown>;
type Get<P extends unknown[], R> = Database.Statement<P, R>;

/** The fields `completeDelivery` writes; null leaves a column as it is. */
export interface CompletionParams {
  id: string;
  token: string;
  state: DeliveryState;
  nextAttemptAt: number | null;
  lastError: string | null;
  deliveredAt: number | null;
}

/** Every statement of the SQLite store's change records and deliveries, prepared once. */
export interface ChangeStatements {
  changesOfTest: Get<[owner: string, test: string], ChangeRow>;
  changeById: Get<[id: string], ChangeRow>;
  insertChange: Run<[{ id: string; owner: string; test: string; metric: string; changeKey: string; time: number; details: string; now: number }]>;
  /** Sets new details and marks the change significant. */
  redetectChange: Run<[time: number, details: string, now: number, id: string]>;
  retireChange: Run<[now: number, id: string]>;

  insertDelivery: Run<[{ id: string; changeId: string; owner: string; channel: string; now: number }]>;
  cancelPending: Run<[changeId: string]>;
  reviveCancelled: Run<[now: number, changeId: string]>;
  deliveriesOfTest: Get<[owner: string, test: string], DeliveryRow>;
  /** Due deliveries, oldest `next_attempt_at` first. */
  dueDeliveries: Get<[{ now: number; limit: number }], { id: string }>;
  claimDelivery: Get<[leaseUntil: number, token: string, id: string], DeliveryRow>;
  /** Applies an outcome if the token still holds the claim. */
  completeDelivery: Run<[CompletionParams]>;
  deliveriesOfOwner: Get<[owner: string], DeliveryRow>;
  deliveriesOfOwnerIn: Get<[owner: string, state: DeliveryState], DeliveryRow>;
  retryFailed: Run<[now: number, id: string, owner: string]>;
}

/**
 * Prepares the change and delivery statements against a migrated database. O(number of statements).
 *
 * @example const s = prepareChangeStatements(db); s.changesOfTest.all('u:alice', 'bench/cpu');
 */
export function prepareChangeStatements(db: Database.Database): ChangeStatements {
  const newestFirst = 'ORDER BY created_at DESC, id DESC';
  return {
    changesOfTest: db.prepare(`SELECT ${CHANGE_COLUMNS} FROM changes WHERE owner = ? AND test = ? ORDER BY time, metric, change_key`),
    changeById: db.prepare(`SELECT ${CHANGE_COLUMNS} FROM changes WHERE id = ?`),
    insertChange: db.prepare(
      `INSERT INTO changes (${CHANGE_COLUMNS}) VALUES (@id, @owner, @test, @metric, @changeKey, @time, @details, 1, @now, @now)`,
    ),
    redetectChange: db.prepare('UPDATE changes SET time = ?, details = ?, significant = 1, updated_at = ? WHERE id = ?'),
    retireChange: db.prepare('UPDATE changes SET significant = 0, updated_at = ? WHERE id = ?'),

    insertDelivery: db.prepare(
      `INSERT INTO deliveries (${DELIVERY_COLUMNS})
       VALUES (@id, @changeId, @owner, @channel, 'pending', 0, @now, NULL, NULL, NULL, NULL, @now)`,
    ),
    cancelPending: db.prepare(`UPDATE deliveries SET state = 'cancelled' WHERE change_id = ? AND state = 'pending'`),
    reviveCancelled: db.prepare(`UPDATE deliveries SET state = 'pending', next_attempt_at = ? WHERE change_id = ? AND state = 'cancelled'`),
    deliveriesOfTest: db.prepare(
      `SELECT ${DELIVERY_COLUMNS} FROM deliveries WHERE change_id IN (SELECT id FROM changes WHERE owner = ? AND test = ?)
       ORDER BY channel`,
    ),
    dueDeliveries: db.prepare(
      `SELECT id FROM deliveries
       WHERE (state = 'pending' AND next_attempt_at <= @now) OR (state = 'claimed' AND lease_until < @now)
       ORDER BY next_attempt_at, id LIMIT @limit`,
    ),
    claimDelivery: db.prepare(
      `UPDATE deliveries SET state = 'claimed', lease_until = ?, claim_token = ?, attempts = attempts + 1 WHERE id = ?
       RETURNING ${DELIVERY_COLUMNS}`,
    ),
    completeDelivery: db.prepare(
      `UPDATE deliveries SET state = @state, next_attempt_at = COALESCE(@nextAttemptAt, next_attempt_at),
       last_error = COALESCE(@lastError, last_error), delivered_at = COALESCE(@deliveredAt, delivered_at),
       lease_until = NULL, claim_token = NULL
       WHERE id = @id AND state = 'claimed' AND claim_token = @token`,
    ),
    deliveriesOfOwner: db.prepare(`SELECT ${DELIVERY_COLUMNS} FROM deliveries WHERE owner = ? ${newestFirst}`),
    deliveriesOfOwnerIn: db.prepare(`SELECT ${DELIVERY_COLUMNS} FROM deliveries WHERE owner = ? AND state = ? ${newestFirst}`),
    retryFailed: db.prepare(`UPDATE deliveries SET state = 'pending', next_attempt_at = ? WHERE id = ? AND owner = ? AND state = 'failed'`),
  };
}
