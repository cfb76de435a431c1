/**
 * Retry delays: exponential backoff with "equal jitter" ("Exponential Backoff And Jitter", AWS
 * Architecture Blog, 2015): half the ceiling plus a random half, so retries spread out but never
 * come back at once; never sooner than the receiver's Retry-After.
 */

export interface BackoffPolicy {
  /** Delay ceiling of the first retry (ms). */
  baseMs: number;
  /** Largest delay (ms). */
  maxMs: number;
  /** After this many attempts a delivery fails for good. */
  maxAttempts: number;
}

/** Defaults: 8 attempts, delays of 1–2 s, 2–4 s, … 64–128 s (at most about 4 minutes in all). */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2000, maxMs: 600_000, maxAttempts: 8 };

/**
 * The delay before the next try after `attempts` failed ones: with c = min(max, base·2^(attempts−1)),
 * uniform in [c/2, c), and at least `retryAfterMs`. `random` returns a number in [0, 1).
 *
 * @example retryDelayMs(DEFAULT_BACKOFF, 3, undefined, () => 0.5) // 6000
 */
export function retryDelayMs(policy: BackoffPolicy, attempts: number, retryAfterMs: number | undefined, random: () => number): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.max(Math.floor(ceiling / 2 + (random() * ceiling) / 2), retryAfterMs ?? 0);
}
