import type { ChangeDetails, ChangeRecord, Delivery } from '../change-types.ts';
import { decodeExactJson } from '../exact-json.ts';

/**
 * A detected change point of one (owner, test, metric, change_key), which is unique. `_id` is a
 * random UUID. Details are exact JSON (FerretDB drops the sign of `-0`); `time` is copied out of
 * them as a native field for ordering.
 */
export interface ChangeDoc {
  _id: string;
  owner: string;
  test: string;
  metric: string;
  change_key: string;
  time: number;
  /** Exact JSON of the ChangeDetails. */
  details: string;
  significant: boolean;
  first_detected_at: number;
  updated_at: number;
}

/** A notification delivery of one change on one channel ((change_id, channel) is unique); `_id` is a random UUID. */
export interface DeliveryDoc extends Omit<Delivery, 'id'> {
  _id: string;
}

/**
 * Maps a change document to the record, parsing the details. O(size of the details).
 *
 * @example changeFromDoc(doc).details.pvalue
 */
export function changeFromDoc(doc: ChangeDoc): ChangeRecord {
  return {
    id: doc._id,
    owner: doc.owner,
    test: doc.test,
    metric: doc.metric,
    change_key: doc.change_key,
    details: decodeExactJson<ChangeDetails>(doc.details),
    significant: doc.significant,
    first_detected_at: doc.first_detected_at,
    updated_at: doc.updated_at,
  };
}

/**
 * Maps a delivery document to the record. O(1).
 *
 * @example deliveryFromDoc(doc).id === doc._id
 */
export function deliveryFromDoc(doc: DeliveryDoc): Delivery {
  return {
    id: doc._id,
    change_id: doc.change_id,
    owner: doc.owner,
    channel: doc.channel,
    state: doc.state,
    attempts: doc.attempts,
    next_attempt_at: doc.next_attempt_at,
    lease_until: doc.lease_until,
    claim_token: doc.claim_token,
    last_error: doc.last_error,
    delivered_at: doc.delivered_at,
    created_at: doc.created_at,
  };
}
