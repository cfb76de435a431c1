/**
 * A JSON response body serialised once and sent many times, with its entity tag: for
 * responses that repeat until the data changes (cached change points), so each request skips
 * serialising and hashing the body, and a client's `If-None-Match` gets 304 Not Modified.
 */
import { createHash } from 'node:crypto';

/** Serialised JSON of a `T` and its weak ETag (RFC 9110 §8.8.3). */
export class PreparedJson<T> {
  readonly text: string;
  readonly etag: string;
  /** Carries the body's type for route typing; never read. */
  declare readonly body: T;

  constructor(value: T) {
    this.text = JSON.stringify(value);
    this.etag = `W/"${createHash('sha1').update(this.text).digest('base64url')}"`;
  }
}

/**
 * A memo of prepared bodies keyed by the identity of the object they were built from, so a
 * body is serialised once per version of that object and forgotten with it (WeakMap).
 *
 * @example
 * const prepared = preparedJsonMemo<ChangeGroup[]>();
 * prepared(groups, () => presentChanges(test, groups)); // serialises on the first call only
 */
export function preparedJsonMemo<K extends object>(): <T>(key: K, present: () => T) => PreparedJson<T> {
  const memo = new WeakMap<K, PreparedJson<unknown>>();
  return <T>(key: K, present: () => T) => {
    let prepared = memo.get(key) as PreparedJson<T> | undefined;
    if (!prepared) {
      prepared = new PreparedJson(present());
      memo.set(key, prepared);
    }
    return prepared;
  };
}
