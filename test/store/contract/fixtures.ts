import type { ChangeDetails, DetectedChange } from '../../../src/store/change-types.ts';
import type { Clock } from '../../../src/store/clock.ts';
import type { Store, TestResult } from '../../../src/store/types.ts';

/** A store under test on fresh, empty storage, plus a way to open a second instance on it. */
export interface StoreUnderTest {
  store: Store;
  /** Another initialised instance on the same storage, as a second process would open it. */
  openAnother(): Promise<Store>;
  /** Releases the storage (deletes files, drops the database). Stores are closed before. */
  dispose(): Promise<void>;
}

/** Makes a fresh store whose own clock (for `User.created_at`) is `clock`. */
export type StoreFactory = (clock: Clock) => Promise<StoreUnderTest>;

/** What each part of the contract reads: the current store and a way to open another. */
export interface ContractContext {
  readonly store: Store;
  openAnother(): Promise<Store>;
}

/** The server time passed as `now` by the tests (2026-01-01T00:00:00Z). */
export const NOW = 1_767_225_600;

/** The time the fixed store clock reports. */
export const CLOCK_NOW = 1_700_000_000;

/**
 * A valid result at `timestamp` with one metric; `commit` defaults to one per timestamp.
 *
 * @example result(10, { value: 1.5, commit: 'abc' })
 */
export function result(timestamp: number, options: { value?: number; commit?: string; extra?: Record<string, unknown> } = {}): TestResult {
  return {
    timestamp,
    metrics: [{ name: 'time', unit: 'ms', value: options.value ?? timestamp / 10, direction: 'lower_is_better' }],
    attributes: { git_repo: 'https://github.com/example/app', branch: 'main', git_commit: options.commit ?? `c${timestamp}` },
    extra_info: options.extra ?? {},
  };
}

/**
 * Freezes a value and everything in it, so a store that mutates its input throws (ES modules run
 * in strict mode).
 *
 * @example store.writeResults(owner, test, deepFreeze([result(1)]), 'append', NOW);
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

/** The timestamps of a list of results, for compact assertions. */
export function timestamps(results: readonly { timestamp: number }[]): number[] {
  return results.map((r) => r.timestamp);
}

/**
 * The error a promise rejects with; fails the test if it resolves.
 *
 * @example expect(await rejection(store.updateTest(o, 'nope', {}))).to.be.instanceOf(NotFoundError);
 */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

/** The `now` (Unix ms) the change and delivery tests pass. */
export const NOW_MS = NOW * 1000;

/**
 * A detected change of `metric` at result time `time` (keyed by its commit), with statistics
 * that `overrides` may shift.
 *
 * @example detected('time', 100, { pvalue: 0.001 })
 */
export function detected(metric: string, time: number, overrides: Partial<ChangeDetails> = {}): DetectedChange {
  return {
    metric,
    change_key: `commit:c${time}`,
    details: {
      time,
      index: time / 10,
      pvalue: 1e-300,
      magnitude: 0.1 + 0.2,
      forward_change_percent: -0,
      mean_before: 10,
      mean_after: 11,
      stddev_before: 0.5,
      stddev_after: 0.25,
      unit: 'ms',
      direction: 'lower_is_better',
      attributes: { git_repo: 'https://github.com/example/app', branch: 'main', git_commit: `c${time}` },
      ...overrides,
    },
  };
}
