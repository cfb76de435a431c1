/**
 * Storage contract of detected change points and their notification deliveries.
 *
 * A change point is recorded once, keyed by (owner, test, metric, change_key) where change_key is
 * the commit of the first result after the change (`commit:<sha>`), or its timestamp when the
 * result has no commit (`ts:<unix seconds>`). Each record has one delivery per notification
 * channel. Senders claim deliveries with a lease, atomically (MongoDB: one `findOneAndUpdate` per
 * claim; SQLite: one transaction), so two server instances never hold the same delivery; a claim
 * whose lease expired (its holder crashed) can be claimed again. Completion is fenced by the claim
 * token: a sender whose lease was taken over cannot overwrite the new holder's result.
 */
import type { SegmentStats } from '../../algorithms/types.ts';
import type { MetricDirection, OwnerId } from './types.ts';

/** Statistics (the detector's) and commit of a detected change, as last detected. */
export interface ChangeDetails extends SegmentStats {
  /** Timestamp (Unix seconds) of the first result after the change. */
  time: number;
  /** Position of that result in the metric's series. */
  index: number;
  unit: string;
  direction?: MetricDirection;
  attributes: { git_repo: string; branch: string; git_commit: string; [key: string]: string };
}

/** What detection reports for one change point of one metric. */
export interface DetectedChange {
  metric: string;
  change_key: string;
  details: ChangeDetails;
}

export interface ChangeRecord {
  id: string;
  owner: OwnerId;
  test: string;
  metric: string;
  change_key: string;
  details: ChangeDetails;
  /** Whether the latest detection still reports this change. */
  significant: boolean;
  first_detected_at: number;
  updated_at: number;
}

export type DeliveryState = 'pending' | 'claimed' | 'delivered' | 'failed' | 'cancelled';

export interface Delivery {
  id: string;
  change_id: string;
  owner: OwnerId;
  /** `slack`, or `webhook:<id>` for a configured generic webhook. */
  channel: string;
  state: DeliveryState;
  attempts: number;
  /** When a pending delivery may next be tried (Unix ms). */
  next_attempt_at: number;
  /** While claimed: when the lease runs out (Unix ms). */
  lease_until: number | null;
  /** While claimed: the holder's fencing token. */
  claim_token: string | null;
  last_error: string | null;
  delivered_at: number | null;
  created_at: number;
}

/** A claimed delivery with the change it is about. */
export interface ClaimedDelivery {
  delivery: Delivery;
  change: ChangeRecord;
}

/**
 * How a claimed delivery ended this time. `cancelled`: not sent, because its change stopped being
 * significant (e.g. while an earlier attempt was under way); revived if the change comes back.
 */
export type DeliveryOutcome =
  | { kind: 'delivered'; at: number }
  | { kind: 'retry'; at: number; error: string }
  | { kind: 'failed'; error: string }
  | { kind: 'cancelled' };

export interface ChangeStore {
  /**
   * Reconciles the stored change records of one test with the latest detection, in one
   * transaction (or under the test's write lock where the server has no transactions):
   * - a change not seen before is recorded, with a pending delivery for each of
   *   `channelsFor(change)` (which may be empty: muted, filtered out, or too old);
   * - a change seen before gets its details updated (deliveries untouched: a change already sent
   *   is not sent again when its statistics shift);
   * - a recorded change that detection no longer reports becomes not significant, and its pending
   *   deliveries are cancelled (a claimed one finishes; delivered ones stay delivered);
   * - a change that becomes significant again gets its cancelled deliveries back to pending.
   * `metrics` lists the metrics detection ran on: records of other metrics are left alone.
   * Returns the number of deliveries made pending.
   */
  syncChanges(
    owner: OwnerId,
    test: string,
    metrics: string[],
    detected: DetectedChange[],
    channelsFor: (change: DetectedChange) => string[],
    now: number,
  ): Promise<number>;

  /** Change records of a test (all metrics), each with its deliveries, ordered by time then metric. */
  listChanges(owner: OwnerId, test: string): Promise<{ change: ChangeRecord; deliveries: Delivery[] }[]>;

  /**
   * Atomically claims up to `limit` deliveries that are pending with `next_attempt_at ≤ now`, or
   * claimed with `lease_until < now`: sets them claimed with `lease_until = now + leaseMs`, a new
   * claim token, and `attempts + 1`. Oldest `next_attempt_at` first.
   */
  claimDeliveries(now: number, leaseMs: number, limit: number): Promise<ClaimedDelivery[]>;

  /**
   * Records the outcome of a claimed delivery if `claimToken` still holds it; returns false (and
   * changes nothing) when the lease was lost to another claimer.
   * delivered → state delivered; retry → pending at `at`; failed → failed; cancelled → cancelled.
   */
  completeDelivery(id: string, claimToken: string, outcome: DeliveryOutcome): Promise<boolean>;

  /** Deliveries of an owner, newest first, optionally only in one state. */
  listDeliveries(owner: OwnerId, state?: DeliveryState): Promise<{ delivery: Delivery; change: ChangeRecord }[]>;

  /** Puts a failed delivery of the owner back to pending now; false when there is no such failed delivery. */
  retryDelivery(owner: OwnerId, id: string, now: number): Promise<boolean>;
}
