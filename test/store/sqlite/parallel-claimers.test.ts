import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import { detected, NOW_MS } from '../contract/fixtures.ts';

const WORKER = fileURLToPath(new URL('./claim-worker.ts', import.meta.url));

/** Runs one sending process on the shared file, as another server instance would: the ids it claimed, completions it lost. */
async function sendInAnotherProcess(job: { file: string; startAt: number }): Promise<{ claimed: string[]; lost: number }> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', WORKER, JSON.stringify(job)]);
  return JSON.parse(stdout) as { claimed: string[]; lost: number };
}

describe('SqliteStore with claimers in parallel processes', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vahti-sqlite-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('claims and delivers each of 200 deliveries exactly once when four processes send at the same time', async () => {
    const file = join(dir, 'vahti.db');
    const store = new SqliteStore({ file });
    await store.init();
    const changes = Array.from({ length: 100 }, (_, i) => detected('time', (i + 1) * 10));
    await store.syncChanges('u:alice', 'bench/cpu', ['time'], changes, () => ['slack', 'webhook:ops'], NOW_MS);
    const startAt = Date.now() + 2000;
    const senders = await Promise.all([1, 2, 3, 4].map(() => sendInAnotherProcess({ file, startAt })));
    const claims = senders.flatMap((sender) => sender.claimed);
    expect(claims).to.have.length(200);
    expect(new Set(claims).size).to.equal(200);
    expect(senders.map((sender) => sender.lost)).to.deep.equal([0, 0, 0, 0]);
    const delivered = await store.listDeliveries('u:alice', 'delivered');
    expect(delivered.filter(({ delivery }) => delivery.attempts === 1)).to.have.length(200);
    await store.close();
  });
});
