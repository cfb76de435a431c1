import { decodeExactJson } from '../exact-json.ts';
import { decodeResult } from '../result-doc.ts';
import type { ApiToken, CachedChanges, StoredResult, TestConfig, TestMeta } from '../types.ts';

/** A `tests` row as better-sqlite3 returns it. */
export interface TestRow {
  id: number;
  owner: string;
  name: string;
  public: number;
  config: string;
  last_seen: number | null;
  result_count: number;
  version: number;
  created_at: number;
}

/** A `results` row as better-sqlite3 returns it; `doc` holds metrics, attributes and extra_info. */
export interface ResultRow {
  seq: number;
  timestamp: number;
  doc: string;
}

/** A `tokens` row as better-sqlite3 returns it: the record, with `revoked` as 0/1. */
export type TokenRow = Omit<ApiToken, 'revoked'> & { revoked: number };

/** A `changes_cache` row as better-sqlite3 returns it. */
export interface CachedChangesRow {
  owner: string;
  test: string;
  config_key: string;
  version: number;
  payload: string;
}

/**
 * Maps a tests row to the public record. O(size of the config).
 *
 * @example testFromRow(row).public // true or false, never 0/1
 */
export function testFromRow(row: TestRow): TestMeta {
  return {
    owner: row.owner,
    name: row.name,
    public: row.public === 1,
    config: decodeExactJson<TestConfig>(row.config),
    last_seen: row.last_seen,
    result_count: row.result_count,
    version: row.version,
    created_at: row.created_at,
  };
}

/**
 * Maps a results row to the stored result; its id is the row's insertion sequence. O(size of doc).
 *
 * @example resultFromRow({ seq: 7, timestamp: 1, doc }).id // '7'
 */
export function resultFromRow(row: ResultRow): StoredResult {
  return decodeResult(String(row.seq), row.timestamp, row.doc);
}

/**
 * Maps a tokens row to the public record. O(1).
 *
 * @example tokenFromRow(row).revoked // boolean
 */
export function tokenFromRow(row: TokenRow): ApiToken {
  return { ...row, revoked: row.revoked === 1 };
}

/**
 * Maps a changes_cache row to the entry, parsing the payload. O(size of payload).
 *
 * @example cachedChangesFromRow(row).payload
 */
export function cachedChangesFromRow(row: CachedChangesRow): CachedChanges {
  return { ...row, payload: decodeExactJson<unknown>(row.payload) };
}
