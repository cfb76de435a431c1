import type { ObjectId } from 'mongodb';
import { decodeExactJson } from '../exact-json.ts';
import type { ApiToken, CachedChanges, TestConfig, TestMeta, User } from '../types.ts';

/**
 * Document shapes of the MongoDB store. Fields the store filters, sorts or indexes on are native
 * BSON; user-shaped data (test config, result body, owner config, cached payload) is exact-JSON
 * text, because FerretDB 1.x drops the sign of `-0` and rejects field names containing `.` or
 * starting with `$` (metric names such as `latency.p99` are keys of a test config).
 */

/** A test's metadata. `next_seq` hands out the insertion order of its results. */
export interface TestDoc {
  _id: ObjectId;
  owner: string;
  name: string;
  public: boolean;
  /** Exact JSON of the TestConfig. */
  config: string;
  last_seen: number | null;
  result_count: number;
  version: number;
  created_at: number;
  next_seq: number;
}

/** One result of a test's series. (test_id, timestamp, git_commit) is unique. */
export interface ResultDocument {
  _id: ObjectId;
  test_id: ObjectId;
  timestamp: number;
  git_commit: string;
  /** Insertion order within the test: breaks ties between equal timestamps. */
  seq: number;
  /** Exact JSON of metrics, attributes and extra_info (see `../result-doc.ts`). */
  doc: string;
}

/** An owner's config, keyed by owner. */
export interface OwnerConfigDoc {
  _id: string;
  /** Exact JSON of the OwnerConfig. */
  config: string;
}

/** A user; `_id` is the user id. */
export interface UserDoc {
  _id: string;
  login: string;
  created_at: number;
}

/** An API token; `_id` is the token id. */
export interface TokenDoc extends Omit<ApiToken, 'id'> {
  _id: string;
}

/** A cached change-point payload of one (owner, test, config_key). */
export interface CachedChangesDoc {
  owner: string;
  test: string;
  config_key: string;
  version: number;
  /** Exact JSON of the payload. */
  payload: string;
}

/**
 * Maps a test document to the public record (dropping `_id` and `next_seq`). O(size of config).
 *
 * @example testFromDoc(doc).config.disabled_metrics
 */
export function testFromDoc(doc: TestDoc): TestMeta {
  return {
    owner: doc.owner,
    name: doc.name,
    public: doc.public,
    config: decodeExactJson<TestConfig>(doc.config),
    last_seen: doc.last_seen,
    result_count: doc.result_count,
    version: doc.version,
    created_at: doc.created_at,
  };
}

/**
 * Maps a user document to the public record. O(1).
 *
 * @example userFromDoc({ _id: 'u1', login: 'alice', created_at: 0 }).id // 'u1'
 */
export function userFromDoc(doc: UserDoc): User {
  return { id: doc._id, login: doc.login, created_at: doc.created_at };
}

/**
 * Maps a token document to the public record. O(1).
 *
 * @example tokenFromDoc(doc).id === doc._id
 */
export function tokenFromDoc(doc: TokenDoc): ApiToken {
  return {
    id: doc._id,
    owner: doc.owner,
    created_by: doc.created_by,
    name: doc.name,
    hash: doc.hash,
    created_at: doc.created_at,
    expires_at: doc.expires_at,
    last_used: doc.last_used,
    revoked: doc.revoked,
  };
}

/**
 * Maps a cache document to the entry, parsing the payload. O(size of payload).
 *
 * @example cachedChangesFromDoc(doc).payload
 */
export function cachedChangesFromDoc(doc: CachedChangesDoc): CachedChanges {
  return { owner: doc.owner, test: doc.test, config_key: doc.config_key, version: doc.version, payload: decodeExactJson<unknown>(doc.payload) };
}
