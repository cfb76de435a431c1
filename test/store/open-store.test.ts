import { expect } from 'chai';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoStore } from '../../src/store/mongo/mongo-store.ts';
import { openStore } from '../../src/store/open-store.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { startFerretDb } from '../support/ferretdb.ts';
import { NOW, result } from './contract/fixtures.ts';

describe('openStore', function () {
  this.timeout(30_000);
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vahti-open-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('opens SQLite at <dataDir>/vahti.db, ready to use, when no MongoDB URI is set', async () => {
    const store = await openStore({ dataDir: join(dir, 'data') });
    try {
      expect(store).to.be.instanceOf(SqliteStore);
      expect(existsSync(join(dir, 'data', 'vahti.db'))).to.equal(true);
      await store.writeResults('u:alice', 'bench', [result(1)], 'append', NOW);
      expect(await store.listResults('u:alice', 'bench')).to.have.length(1);
    } finally {
      await store.close();
    }
  });

  it('opens MongoDB, ready to use, when a URI is set, and leaves the data directory alone', async () => {
    const ferret = await startFerretDb();
    try {
      const store = await openStore({ dataDir: join(dir, 'unused'), mongodbUri: ferret.uri, mongodbDb: 'vahti_open' });
      try {
        expect(store).to.be.instanceOf(MongoStore);
        await store.writeResults('u:alice', 'bench', [result(1)], 'append', NOW);
        expect(await store.listResults('u:alice', 'bench')).to.have.length(1);
        expect(existsSync(join(dir, 'unused'))).to.equal(false);
      } finally {
        await store.close();
      }
    } finally {
      await ferret.stop();
    }
  });
});
