import type { ChangeDetails, ChangeRecord, Delivery } from '../change-types.ts';
import { decodeExactJson } from '../exact-json.ts';

/** A `changes` row as better-sqlite3 returns it: details as exact JSON, `significant` as 0/1. */
export interface ChangeRow {
  id: string;
  owner: string;
  test: string;
  metric: string;
  change_key: string;
  time: number;
  details: string;
  significant: number;
  first_detected_at: number;
  updated_at: number;
}

/** A `deliveries` row as better-sqlite3 returns it: every column is the record's field as is. */
export type DeliveryRow = Delivery;

/** The columns of `changes`, in `ChangeRow` order. */
export const CHANGE_COLUMNS = 'id, owner, test, metric, change_key, time, details, significant, first_detected_at, updated_at';

/** The columns of `deliveries`, in `Delivery` order. */
export const DELIVERY_COLUMNS =
  'id, change_id, owner, channel, state, attempts, next_attempt_at, lease_until, claim_token, last_error, delivered_at, created_at';

/**
 * Maps a changes row to the record, parsing the details (`time` is a column only for ordering).
 * O(size of the details).
 *
 * @example changeFromRow(row).significant // true or false, never 0/1
 */
export function changeFromRow(row: ChangeRow): ChangeRecord {
  return {
    id: row.id,
    owner: row.owner,
    test: row.test,
    metric: row.metric,
    change_key: row.change_key,
    details: decodeExactJson<ChangeDetails>(row.details),
    significant: row.significant === 1,
    first_detected_at: row.first_detected_at,
    updated_at: row.updated_at,
  };
}
