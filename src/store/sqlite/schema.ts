import type Database from 'better-sqlite3';

/**
 * Schema migrations of the SQLite store, applied in order. `schema_version` records the last one
 * applied; a new migration is appended here and never edits an earlier one.
 *
 * Tests (metadata) live apart from results (the series). A result's metrics, attributes and
 * extra_info are one exact-JSON text (`doc`), so float64 values round-trip bit for bit; the
 * columns beside it exist only for lookup, ordering and the upsert key.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE tests (
    id INTEGER PRIMARY KEY,
    owner TEXT NOT NULL,
    name TEXT NOT NULL,
    public INTEGER NOT NULL,
    config TEXT NOT NULL,
    last_seen REAL,
    result_count INTEGER NOT NULL,
    version INTEGER NOT NULL,
    created_at REAL NOT NULL,
    UNIQUE (owner, name)
  );
  CREATE TABLE results (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    test_id INTEGER NOT NULL REFERENCES tests (id) ON DELETE CASCADE,
    timestamp REAL NOT NULL,
    git_commit TEXT NOT NULL,
    doc TEXT NOT NULL,
    UNIQUE (test_id, timestamp, git_commit)
  );
  CREATE INDEX results_series ON results (test_id, timestamp, seq);
  CREATE TABLE owner_config (
    owner TEXT PRIMARY KEY,
    config TEXT NOT NULL
  );
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    login TEXT NOT NULL UNIQUE,
    created_at REAL NOT NULL
  );
  CREATE TABLE tokens (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    created_by TEXT NOT NULL,
    name TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE,
    created_at REAL NOT NULL,
    expires_at REAL,
    last_used REAL,
    revoked INTEGER NOT NULL
  );
  CREATE INDEX tokens_owner ON tokens (owner, created_at);
  CREATE TABLE changes_cache (
    owner TEXT NOT NULL,
    test TEXT NOT NULL,
    config_key TEXT NOT NULL,
    version INTEGER NOT NULL,
    payload TEXT NOT NULL,
    PRIMARY KEY (owner, test, config_key)
  );
  `,
  `
  CREATE TABLE changes (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    test TEXT NOT NULL,
    metric TEXT NOT NULL,
    change_key TEXT NOT NULL,
    time REAL NOT NULL,
    details TEXT NOT NULL,
    significant INTEGER NOT NULL,
    first_detected_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    UNIQUE (owner, test, metric, change_key)
  );
  CREATE TABLE deliveries (
    id TEXT PRIMARY KEY,
    change_id TEXT NOT NULL REFERENCES changes (id) ON DELETE CASCADE,
    owner TEXT NOT NULL,
    channel TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'claimed', 'delivered', 'failed', 'cancelled')),
    attempts INTEGER NOT NULL,
    next_attempt_at REAL NOT NULL,
    lease_until REAL,
    claim_token TEXT,
    last_error TEXT,
    delivered_at REAL,
    created_at REAL NOT NULL,
    UNIQUE (change_id, channel)
  );
  CREATE INDEX deliveries_due ON deliveries (state, next_attempt_at);
  CREATE INDEX deliveries_owner ON deliveries (owner, state, created_at);
  `,
  `
  ALTER TABLE users ADD COLUMN github_id INTEGER;
  ALTER TABLE users ADD COLUMN name TEXT;
  ALTER TABLE users ADD COLUMN email TEXT;
  ALTER TABLE users ADD COLUMN avatar_url TEXT;
  ALTER TABLE users ADD COLUMN github_credential TEXT;
  ALTER TABLE users ADD COLUMN memberships_refreshed_at REAL;
  CREATE UNIQUE INDEX users_github_id ON users (github_id);
  CREATE INDEX users_refresh ON users (memberships_refreshed_at) WHERE github_credential IS NOT NULL;
  CREATE TABLE orgs (
    id TEXT PRIMARY KEY,
    github_id INTEGER NOT NULL UNIQUE,
    login TEXT NOT NULL UNIQUE,
    created_at REAL NOT NULL
  );
  CREATE TABLE memberships (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    org_id TEXT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('admin', 'member')),
    PRIMARY KEY (user_id, org_id)
  );
  CREATE TABLE sessions (
    sid TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    expires_at REAL NOT NULL
  );
  CREATE INDEX sessions_expiry ON sessions (expires_at);
  CREATE INDEX tests_public ON tests (owner, name) WHERE public = 1;
  `,
];

/**
 * Brings the database up to the newest schema, each pending migration in its own immediate
 * transaction (so two processes starting at once cannot both apply one). Idempotent.
 * O(number of pending migrations).
 *
 * @example migrate(new Database('vahti.db'));
 */
export function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const current = db.prepare<[], { version: number }>('SELECT version FROM schema_version');
  const apply = db.transaction((index: number, sql: string) => {
    const row = current.get();
    if ((row?.version ?? 0) > index) return;
    db.exec(sql);
    db.prepare('DELETE FROM schema_version').run();
    db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(index + 1);
  });
  MIGRATIONS.forEach((sql, index) => apply.immediate(index, sql));
}

/** The schema version `migrate` brings a database to. */
export const SCHEMA_VERSION = MIGRATIONS.length;
