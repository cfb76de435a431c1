import type { Delivery, DeliveryOutcome } from './change-types.ts';

/** The fields a completed attempt sets, besides clearing the lease and the claim token. */
export type OutcomeFields = Pick<Delivery, 'state'> & Partial<Pick<Delivery, 'next_attempt_at' | 'last_error' | 'delivered_at'>>;

/**
 * What an attempt's outcome writes to its delivery, in both backends: delivered → `delivered`
 * at `at`; retry → `pending` again from `at`, keeping the error; failed → `failed`, keeping the
 * error; cancelled → `cancelled`. Fields not named stay as they are. O(1).
 *
 * @example outcomeFields({ kind: 'retry', at: 1_000, error: 'HTTP 503' })
 * // { state: 'pending', next_attempt_at: 1000, last_error: 'HTTP 503' }
 */
export function outcomeFields(outcome: DeliveryOutcome): OutcomeFields {
  switch (outcome.kind) {
    case 'delivered':
      return { state: 'delivered', delivered_at: outcome.at };
    case 'retry':
      return { state: 'pending', next_attempt_at: outcome.at, last_error: outcome.error };
    case 'failed':
      return { state: 'failed', last_error: outcome.error };
    case 'cancelled':
      return { state: 'cancelled' };
  }
}

/**
 * Checks the arguments of `claimDeliveries` before either backend reads anything: `now` finite,
 * `leaseMs` finite and positive, `limit` a non-negative integer (a `RangeError` otherwise; the
 * caller is the notifier, so this is a bug upstream). O(1).
 *
 * @example checkClaim(Date.now(), 60_000, 10);
 */
export function checkClaim(now: number, leaseMs: number, limit: number): void {
  if (!Number.isFinite(now)) throw new RangeError(`claim time must be a finite number, got ${now}`);
  if (!(Number.isFinite(leaseMs) && leaseMs > 0)) throw new RangeError(`lease must be a positive number of ms, got ${leaseMs}`);
  if (!(Number.isSafeInteger(limit) && limit >= 0)) throw new RangeError(`claim limit must be a non-negative integer, got ${limit}`);
}
