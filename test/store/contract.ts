import type { Store } from '../../src/store/types.ts';
import { accountsContract } from './contract/accounts.ts';
import { changesContract } from './contract/changes.ts';
import { concurrencyContract } from './contract/concurrency.ts';
import { configAndCacheContract } from './contract/config-and-cache.ts';
import { deliveriesContract } from './contract/deliveries.ts';
import { deletionContract } from './contract/deletion.ts';
import { exactnessContract } from './contract/exactness.ts';
import { githubAccountsContract } from './contract/github-accounts.ts';
import { CLOCK_NOW, type ContractContext, type StoreFactory, type StoreUnderTest } from './contract/fixtures.ts';
import { resultsContract } from './contract/results.ts';
import { testsContract } from './contract/tests-meta.ts';

export type { StoreFactory, StoreUnderTest } from './contract/fixtures.ts';

/**
 * The one contract every `Store` implementation passes, run by `sqlite.test.ts` and
 * `mongo.test.ts`. Each test gets a fresh store on empty storage from `factory`; the store and any
 * second instance it opened are closed and the storage disposed after the test.
 *
 * @example describe('SqliteStore', () => storeContract(async (clock) => ({ store, openAnother, dispose })));
 */
export function storeContract(factory: StoreFactory): void {
  let current: StoreUnderTest | undefined;
  const others: Store[] = [];
  const ctx: ContractContext = {
    get store() {
      if (!current) throw new Error('no store: the contract reads it only inside a test');
      return current.store;
    },
    async openAnother() {
      if (!current) throw new Error('no store: the contract opens another only inside a test');
      const other = await current.openAnother();
      others.push(other);
      return other;
    },
  };

  beforeEach(async () => {
    current = await factory(() => CLOCK_NOW);
  });

  afterEach(async () => {
    for (const other of others.splice(0)) await other.close();
    if (current) {
      await current.store.close();
      await current.dispose();
      current = undefined;
    }
  });

  resultsContract(ctx);
  exactnessContract(ctx);
  deletionContract(ctx);
  testsContract(ctx);
  accountsContract(ctx);
  githubAccountsContract(ctx);
  configAndCacheContract(ctx);
  concurrencyContract(ctx);
  changesContract(ctx);
  deliveriesContract(ctx);
}
