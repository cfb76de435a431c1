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

/**
 * A user; `_id` is the user id. The GitHub fields are absent on users made by `vahti token
 * create` that never logged in. Memberships are embedded, so a refresh replaces them in one
 * single-document write (atomic without transactions).
 */
export interface UserDoc {
  _id: string;
  login: string;
  created_at: number;
  github_id?: number | null;
  name?: string | null;
  email?: string | null;
  avatar_url?: string | null;
  /** The GitHub credential as the caller stored it (encrypted; opaque here). */
  github_credential?: string | null;
  memberships?: MembershipDoc[];
  memberships_refreshed_at?: number | null;
}

/** One embedded membership: the organisation's id and Vahti name, and the role. */
export interface MembershipDoc {
  org_id: string;
  org: string;
  role: 'admin' | 'member';
}

/** An organisation; `_id` is its Vahti id. `github_id` and `login` are each unique. */
export interface OrgDoc {
  _id: string;
  github_id: number;
  login: string;
  created_at: number;
}

/** A login session; `_id` is the session id, `expires_at` Unix ms. */
export interface SessionDoc {
  _id: string;
  /** The session as the HTTP layer serialised it. */
  data: string;
  expires_at: number;
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
 * @example userFromDoc({ _id: 'u1', login: 'alice', created_at: 0 }).github_id // null
 */
export function userFromDoc(doc: UserDoc): User {
  return {
    id: doc._id,
    login: doc.login,
    created_at: doc.created_at,
    github_id: doc.github_id ?? null,
    name: doc.name ?? null,
    email: doc.email ?? null,
    avatar_url: doc.avatar_url ?? null,
  };
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
