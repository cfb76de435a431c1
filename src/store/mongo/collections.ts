import type { Collection, Db } from 'mongodb';
import type { ChangeDoc, DeliveryDoc } from './change-documents.ts';
import type { CachedChangesDoc, OrgDoc, OwnerConfigDoc, ResultDocument, SessionDoc, TestDoc, TokenDoc, UserDoc } from './documents.ts';
import type { LockDoc } from './locks.ts';

/** The collections of the MongoDB store, typed. */
export interface Collections {
  tests: Collection<TestDoc>;
  results: Collection<ResultDocument>;
  ownerConfigs: Collection<OwnerConfigDoc>;
  users: Collection<UserDoc>;
  tokens: Collection<TokenDoc>;
  changesCache: Collection<CachedChangesDoc>;
  /** Per-test write locks, used only when the server has no transactions. */
  locks: Collection<LockDoc>;
  /** Detected change points. */
  changes: Collection<ChangeDoc>;
  /** Notification deliveries of the change points. */
  deliveries: Collection<DeliveryDoc>;
  /** Per-delivery locks, used only when the server has no transactions. */
  deliveryLocks: Collection<LockDoc>;
  /** Organisations seen in GitHub memberships. */
  orgs: Collection<OrgDoc>;
  /** Login sessions. */
  sessions: Collection<SessionDoc>;
}

/**
 * Binds the store's collections in a database (no I/O). O(1).
 *
 * @example const c = collectionsOf(client.db('vahti')); await c.tests.findOne({ owner, name });
 */
export function collectionsOf(db: Db): Collections {
  return {
    tests: db.collection<TestDoc>('tests'),
    results: db.collection<ResultDocument>('results'),
    ownerConfigs: db.collection<OwnerConfigDoc>('owner_configs'),
    users: db.collection<UserDoc>('users'),
    tokens: db.collection<TokenDoc>('tokens'),
    changesCache: db.collection<CachedChangesDoc>('changes_cache'),
    locks: db.collection<LockDoc>('test_locks'),
    changes: db.collection<ChangeDoc>('changes'),
    deliveries: db.collection<DeliveryDoc>('deliveries'),
    deliveryLocks: db.collection<LockDoc>('delivery_locks'),
    orgs: db.collection<OrgDoc>('orgs'),
    sessions: db.collection<SessionDoc>('sessions'),
  };
}

/**
 * Creates every index the store relies on; idempotent (createIndex of an existing identical
 * index is a no-op). The series index extends the issue's {test_id, timestamp} with `seq`, so the
 * tie-break sort is served from the index too. Unique indexes sit wherever a duplicate would be
 * a bug. A test's change records are found through the prefix of their unique key {owner, test,
 * metric, change_key}; deliveries through {state, next_attempt_at} when claiming and {owner,
 * state, created_at} when listing. Public tests are listed through {public, owner, name}; users are
 * found by GitHub id and by when their memberships were refreshed; sessions by expiry (for the
 * sweep). O(number of indexes) round trips.
 *
 * @example await ensureIndexes(collectionsOf(db));
 */
export async function ensureIndexes(c: Collections): Promise<void> {
  await c.results.createIndex({ test_id: 1, timestamp: 1, seq: 1 }, { name: 'series' });
  await c.results.createIndex({ test_id: 1, timestamp: 1, git_commit: 1 }, { name: 'upsert_key', unique: true });
  await c.tests.createIndex({ owner: 1, name: 1 }, { name: 'owner_name', unique: true });
  await c.tests.createIndex({ public: 1, owner: 1, name: 1 }, { name: 'public_owner_name' });
  await c.users.createIndex({ login: 1 }, { name: 'login', unique: true });
  await c.users.createIndex({ github_id: 1 }, { name: 'github_id' });
  await c.users.createIndex({ memberships_refreshed_at: 1 }, { name: 'memberships_refreshed' });
  await c.orgs.createIndex({ github_id: 1 }, { name: 'github_id', unique: true });
  await c.orgs.createIndex({ login: 1 }, { name: 'login', unique: true });
  await c.sessions.createIndex({ expires_at: 1 }, { name: 'expiry' });
  await c.tokens.createIndex({ hash: 1 }, { name: 'hash', unique: true });
  await c.tokens.createIndex({ owner: 1, created_at: 1 }, { name: 'owner_created' });
  await c.changesCache.createIndex({ owner: 1, test: 1, config_key: 1 }, { name: 'owner_test_config', unique: true });
  await c.changes.createIndex({ owner: 1, test: 1, metric: 1, change_key: 1 }, { name: 'change_key', unique: true });
  await c.deliveries.createIndex({ change_id: 1, channel: 1 }, { name: 'change_channel', unique: true });
  await c.deliveries.createIndex({ state: 1, next_attempt_at: 1 }, { name: 'due' });
  await c.deliveries.createIndex({ owner: 1, state: 1, created_at: 1 }, { name: 'owner_state' });
}
