import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';

const WORKER = fileURLToPath(new URL('./append-worker.ts', import.meta.url));

/** Runs one appending process on the shared file, as a second server process would. */
async function appendInAnotherProcess(job: { file: string; writer: number; batches: number; size: number }): Promise<void> {
  await promisify(execFile)(process.execPath, ['--import', 'tsx', WORKER, JSON.stringify(job)]);
}

describe('SqliteStore with writers in parallel processes', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vahti-sqlite-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('loses nothing when four processes append to one file at the same time', async () => {
    const file = join(dir, 'vahti.db');
    const store = new SqliteStore({ file });
    await store.init();
    const writers = [1, 2, 3, 4];
    await Promise.all(writers.map((writer) => appendInAnotherProcess({ file, writer, batches: 25, size: 20 })));
    expect(await store.listResults('u:alice', 'bench/cpu')).to.have.length(2000);
    expect(await store.getTest('u:alice', 'bench/cpu')).to.include({ result_count: 2000, version: 100 });
    await store.close();
  });
});
