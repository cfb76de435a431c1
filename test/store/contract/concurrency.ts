import { expect } from 'chai';
import { ConflictError } from '../../../src/store/errors.ts';
import { NOW, result, type ContractContext } from './fixtures.ts';

const ALICE = 'u:alice';
const BENCH = 'bench/cpu';

/** Two instances on the same storage, as two server processes would run. */
export function concurrencyContract(ctx: ContractContext): void {
  describe('two instances on the same storage', () => {
    it('loses nothing when both append to the same test at once', async () => {
      const other = await ctx.openAnother();
      const batches = (writer: number) =>
        Array.from({ length: 5 }, (_, b) => Array.from({ length: 20 }, (_, i) => result(writer * 1000 + b * 20 + i)));
      await Promise.all([
        ...batches(1).map((batch) => ctx.store.writeResults(ALICE, BENCH, batch, 'append', NOW)),
        ...batches(2).map((batch) => other.writeResults(ALICE, BENCH, batch, 'append', NOW)),
      ]);
      const stored = await other.listResults(ALICE, BENCH);
      expect(stored).to.have.length(200);
      expect(new Set(stored.map((r) => r.id)).size).to.equal(200);
      expect(await ctx.store.getTest(ALICE, BENCH)).to.include({ result_count: 200, version: 10 });
    });

    it('lets exactly one of two identical appends win, leaving no part of the other', async () => {
      const other = await ctx.openAnother();
      const batch = Array.from({ length: 50 }, (_, i) => result(i));
      const outcomes = await Promise.allSettled([
        ctx.store.writeResults(ALICE, BENCH, batch, 'append', NOW),
        other.writeResults(ALICE, BENCH, batch, 'append', NOW),
      ]);
      const failed = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(failed).to.have.length(1);
      expect(failed[0]?.reason).to.be.instanceOf(ConflictError);
      expect(await ctx.store.listResults(ALICE, BENCH)).to.have.length(50);
      expect(await ctx.store.getTest(ALICE, BENCH)).to.include({ result_count: 50, version: 1 });
    });

    it('sees the other instance’s writes at once', async () => {
      const other = await ctx.openAnother();
      await other.writeResults(ALICE, BENCH, [result(1)], 'append', NOW);
      await other.putOwnerConfig(ALICE, { core: { max_pvalue: 0.01, min_magnitude: 0, window_len: 10 }, notifiers: {} });
      expect(await ctx.store.listResults(ALICE, BENCH)).to.have.length(1);
      expect((await ctx.store.getOwnerConfig(ALICE))?.core.window_len).to.equal(10);
    });
  });
}
