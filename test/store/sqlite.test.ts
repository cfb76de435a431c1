import { expect } from 'chai';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SCHEMA_VERSION } from '../../src/store/sqlite/schema.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { storeContract } from './contract.ts';
import { detected, NOW, NOW_MS, rejection, result } from './contract/fixtures.ts';

describe('SqliteStore', () => {
  describe('contract', () => {
    storeContract(async (clock) => {
      const dir = await mkdtemp(join(tmpdir(), 'vahti-sqlite-'));
      const store = new SqliteStore({ dataDir: dir }, { clock });
      await store.init();
      return {
        store,
        openAnother: async () => {
          const other = new SqliteStore({ dataDir: dir }, { clock });
          await other.init();
          return other;
        },
        dispose: () => rm(dir, { recursive: true, force: true }),
      };
    });
  });

  describe('on disk', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'vahti-sqlite-'));
    });
    afterEach(() => rm(dir, { recursive: true, force: true }));

    it('creates the data directory and vahti.db in WAL mode', async () => {
      const store = new SqliteStore({ dataDir: join(dir, 'nested', 'data') });
      await store.init();
      await store.close();
      const file = join(dir, 'nested', 'data', 'vahti.db');
      expect(existsSync(file)).to.equal(true);
      const db = new Database(file, { readonly: true });
      expect(db.pragma('journal_mode', { simple: true })).to.equal('wal');
      expect(db.prepare('SELECT version FROM schema_version').all()).to.deep.equal([{ version: SCHEMA_VERSION }]);
      db.close();
    });

    it('keeps everything across a reopen, and init is idempotent', async () => {
      const file = join(dir, 'custom.db');
      const first = new SqliteStore({ file });
      await first.init();
      await first.init();
      await first.writeResults('u:alice', 'bench', [result(1, { value: -0 })], 'append', NOW);
      await first.close();
      const second = new SqliteStore({ file });
      await second.init();
      const [stored] = await second.listResults('u:alice', 'bench');
      expect(Object.is(stored?.metrics[0]?.value, -0)).to.equal(true);
      expect((await second.getTest('u:alice', 'bench'))?.result_count).to.equal(1);
      await second.close();
    });

    it('upgrades a database of the first schema, keeping its data and adding change records and GitHub accounts', async () => {
      const file = join(dir, 'old.db');
      const first = new SqliteStore({ file });
      await first.init();
      await first.writeResults('u:alice', 'bench', [result(1)], 'append', NOW);
      const made = await first.ensureUser('alice');
      await first.close();
      const old = new Database(file);
      old.exec(`DROP TABLE deliveries; DROP TABLE changes;
        DROP TABLE sessions; DROP TABLE memberships; DROP TABLE orgs; DROP INDEX tests_public; DROP INDEX users_github_id; DROP INDEX users_refresh;
        ALTER TABLE users DROP COLUMN github_id; ALTER TABLE users DROP COLUMN name; ALTER TABLE users DROP COLUMN email;
        ALTER TABLE users DROP COLUMN avatar_url; ALTER TABLE users DROP COLUMN github_credential; ALTER TABLE users DROP COLUMN memberships_refreshed_at;
        UPDATE schema_version SET version = 1`);
      old.close();

      const upgraded = new SqliteStore({ file });
      await upgraded.init();
      expect((await upgraded.getTest('u:alice', 'bench'))?.result_count).to.equal(1);
      expect(await upgraded.syncChanges('u:alice', 'bench', ['time'], [detected('time', 1)], () => ['slack'], NOW_MS)).to.equal(1);
      expect(await upgraded.findUserByLogin('alice')).to.deep.include({ id: made.id, github_id: null, email: null });
      const bound = await upgraded.recordGithubLogin({ github_id: 7, login: 'alice', name: null, email: null, avatar_url: null }, null);
      expect(bound.id).to.equal(made.id);
      await upgraded.close();
      const db = new Database(file, { readonly: true });
      expect(db.prepare('SELECT version FROM schema_version').all()).to.deep.equal([{ version: SCHEMA_VERSION }]);
      db.close();
    });

    it('refuses to be used before init()', async () => {
      const store = new SqliteStore({ dataDir: dir });
      let error: unknown;
      try {
        await store.getTest('u:alice', 'bench');
      } catch (caught) {
        error = caught;
      }
      expect(error).to.be.instanceOf(Error).with.property('message').that.matches(/before init/);
      expect(await rejection(store.claimDeliveries(NOW_MS, 1000, 1))).to.have.property('message').that.matches(/before init/);
      await store.close();
    });
  });
});
