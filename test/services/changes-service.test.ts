import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { createServices, type Services } from '../../src/services/index.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/types.ts';
import { seriesResults, stepSeries } from '../support/api-factories.ts';
import { testNotificationOptions } from '../support/notification-options.ts';

/** The real SQLite store, with a count of full series reads (`listResults`). */
function countingReads(store: Store): { store: Store; reads: () => number } {
  let reads = 0;
  const counted = new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop === 'listResults') return (...args: Parameters<Store['listResults']>) => (reads++, target.listResults(...args));
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store: counted, reads: () => reads };
}

describe('ChangesService', () => {
  const owner = 'u:alice';
  const values = stepSeries(40, 40, 0.5);
  let dataDir: string;
  let base: Store;
  let reads: () => number;
  let services: Services;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'vahti-changes-'));
    base = await openStore({ dataDir });
    const counted = countingReads(base);
    reads = counted.reads;
    services = createServices(counted.store, { clock: () => 1_767_225_600, detectorCacheSize: 4, notifications: testNotificationOptions() });
  });
  afterEach(async () => {
    await base.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('extends the in-memory analysis on appends instead of reading the series again', async () => {
    await services.results.write(owner, 'inc', seriesResults(values.slice(0, 20)), 'append');
    expect(reads()).to.equal(1);
    for (let from = 20; from < values.length; from += 10) {
      await services.results.write(owner, 'inc', seriesResults(values.slice(from, from + 10), from), 'append');
    }
    expect(reads()).to.equal(1);
    const groups = await services.changes.forTest(owner, 'inc');
    expect(groups.map((g) => g.changes[0]?.index)).to.deep.equal([40]);
    expect(reads()).to.equal(1);
  });

  it('recomputes after an upsert that replaces a result', async () => {
    await services.results.write(owner, 'ups', seriesResults(values), 'append');
    await services.results.write(owner, 'ups', seriesResults([500], 3), 'upsert');
    expect(reads()).to.equal(2);
  });

  it('serves a repeated read from memory without touching the series', async () => {
    await services.results.write(owner, 'read', seriesResults(values), 'append');
    const first = await services.changes.forTest(owner, 'read');
    const second = await services.changes.forTest(owner, 'read');
    expect(second).to.equal(first);
    expect(reads()).to.equal(1);
  });

  it('falls back to the store cache once the analysis is evicted', async () => {
    await services.results.write(owner, 'evicted', seriesResults(values), 'append');
    for (let t = 0; t < 4; t++) await services.results.write(owner, `other-${t}`, seriesResults([1, 2]), 'append');
    const readsBefore = reads();
    const groups = await services.changes.forTest(owner, 'evicted');
    expect(groups).to.have.length(1);
    expect(reads()).to.equal(readsBefore);
  });
});
