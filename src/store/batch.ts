import { ConflictError } from './errors.ts';
import type { ResultWindow, TestResult } from './types.ts';

/**
 * Checks a batch before either store writes any of it, so both fail the same way and a failed
 * batch never needs undoing: every timestamp must be a finite number (a `TypeError` otherwise: the
 * HTTP layer validates first, so this is a bug upstream), and in `append` mode no two results may
 * share the upsert key (timestamp, git_commit), which would break the unique index. O(n).
 *
 * @example checkBatch([{ timestamp: 1, ... }, { timestamp: 1, ... same commit }], 'append') // throws ConflictError
 */
export function checkBatch(results: readonly TestResult[], mode: 'append' | 'upsert'): void {
  const seen = new Set<string>();
  for (const result of results) {
    if (!Number.isFinite(result.timestamp)) throw new TypeError(`result timestamp must be a finite number, got ${result.timestamp}`);
    const key = resultKey(result.timestamp, result.attributes.git_commit);
    if (mode === 'append' && seen.has(key)) throw duplicateResult(result.timestamp, result.attributes.git_commit);
    seen.add(key);
  }
}

/**
 * A string naming a result's upsert key within one test, for sets and maps. O(length of the commit).
 *
 * @example resultKey(1700000000, 'abc123') // '[1700000000,"abc123"]'
 */
export function resultKey(timestamp: number, gitCommit: string): string {
  return JSON.stringify([timestamp, gitCommit]);
}

/**
 * The error for a result whose (test, timestamp, git_commit) is already taken. O(1).
 *
 * @example throw duplicateResult(1700000000, 'abc123');
 */
export function duplicateResult(timestamp: number, gitCommit: string): ConflictError {
  return new ConflictError(`a result at timestamp ${timestamp} for commit ${gitCommit} already exists`);
}

/**
 * Checks a result window: bounds must be finite and `limit` a non-negative integer (a
 * `RangeError` otherwise; the HTTP layer validates first). Returns the window unchanged. O(1).
 *
 * @example checkWindow({ since: 0, limit: 10 }) // { since: 0, limit: 10 }
 */
export function checkWindow(window: ResultWindow): ResultWindow {
  for (const bound of [window.since, window.until]) {
    if (bound !== undefined && !Number.isFinite(bound)) throw new RangeError(`window bounds must be finite numbers, got ${bound}`);
  }
  if (window.limit !== undefined && !(Number.isSafeInteger(window.limit) && window.limit >= 0)) {
    throw new RangeError(`window limit must be a non-negative integer, got ${window.limit}`);
  }
  return window;
}
