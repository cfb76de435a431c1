/**
 * The wall clock a store reads for the few timestamps it sets itself (`User.created_at`).
 * Injected so tests can fix time; writes that matter (`writeResults`) take `now` from the caller.
 */
export type Clock = () => number;

/**
 * The system clock in whole Unix seconds. O(1).
 *
 * @example const created = systemClock(); // e.g. 1767225600
 */
export const systemClock: Clock = () => Math.floor(Date.now() / 1000);
