import { expect } from 'chai';
import { NotFoundError } from '../../../src/store/errors.ts';
import type { TestConfig } from '../../../src/store/types.ts';
import { deepFreeze, NOW, rejection, result, type ContractContext } from './fixtures.ts';

const ALICE = 'u:alice';

const CONFIG: TestConfig = {
  thresholds: { max_pvalue: 0.001, min_magnitude: 0.05 },
  metrics: { 'latency.p99': { window_len: 30 }, $weird: {} },
  disabled_metrics: ['noise.ms'],
};

/** getTest, listTests, updateTest. */
export function testsContract(ctx: ContractContext): void {
  describe('tests', () => {
    it('returns null for a test that does not exist', async () => {
      expect(await ctx.store.getTest(ALICE, 'nope')).to.equal(null);
    });

    it('lists the owner’s tests by name, and only those', async () => {
      for (const name of ['zeta', 'alpha/2', 'alpha/10']) await ctx.store.writeResults(ALICE, name, [result(1)], 'append', NOW);
      await ctx.store.writeResults('u:bob', 'beta', [result(1)], 'append', NOW);
      expect((await ctx.store.listTests(ALICE)).map((t) => t.name)).to.deep.equal(['alpha/10', 'alpha/2', 'zeta']);
    });

    it('replaces the config, keeping counts and bumping the version', async () => {
      await ctx.store.writeResults(ALICE, 'bench', [result(1)], 'append', NOW);
      const updated = await ctx.store.updateTest(ALICE, 'bench', { config: deepFreeze(structuredClone(CONFIG)) });
      expect(updated).to.include({ public: false, result_count: 1, version: 2, last_seen: NOW });
      expect(updated.config).to.deep.equal(CONFIG);
      expect(await ctx.store.getTest(ALICE, 'bench')).to.deep.equal(updated);
    });

    it('sets the public flag alone, leaving the config as it was', async () => {
      await ctx.store.writeResults(ALICE, 'bench', [result(1)], 'append', NOW);
      await ctx.store.updateTest(ALICE, 'bench', { config: CONFIG });
      const updated = await ctx.store.updateTest(ALICE, 'bench', { public: true });
      expect(updated).to.include({ public: true, version: 3 });
      expect(updated.config).to.deep.equal(CONFIG);
      expect((await ctx.store.updateTest(ALICE, 'bench', { public: false })).public).to.equal(false);
    });

    it('throws NotFound when updating a test that does not exist', async () => {
      const error = await rejection(ctx.store.updateTest(ALICE, 'nope', { public: true }));
      expect(error).to.be.instanceOf(NotFoundError);
      expect(error).to.have.property('code', 'not_found');
      expect(await ctx.store.getTest(ALICE, 'nope')).to.equal(null);
    });

    it('throws NotFound when updating another owner’s test', async () => {
      await ctx.store.writeResults('u:bob', 'bench', [result(1)], 'append', NOW);
      expect(await rejection(ctx.store.updateTest(ALICE, 'bench', { public: true }))).to.be.instanceOf(NotFoundError);
      expect((await ctx.store.getTest('u:bob', 'bench'))?.public).to.equal(false);
    });
  });
}
