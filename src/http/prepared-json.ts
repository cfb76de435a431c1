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
