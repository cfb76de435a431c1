import { expect } from 'chai';
import { NOW, result, timestamps, type ContractContext } from './fixtures.ts';

const ALICE = 'u:alice';
const BENCH = 'bench/cpu';

/** deleteResults: all, by timestamp, nothing; counters follow. */
export function deletionContract(ctx: ContractContext): void {
  describe('deleting results', () => {
    beforeEach(async () => {
      await ctx.store.writeResults(ALICE, BENCH, [result(10), result(20, { commit: 'a' }), result(20, { commit: 'b' }), result(30)], 'append', NOW);
    });

    it('deletes every result of the test, keeping the test with a zero count and a new version', async () => {
      expect(await ctx.store.deleteResults(ALICE, BENCH)).to.equal(4);
      expect(await ctx.store.listResults(ALICE, BENCH)).to.deep.equal([]);
      const test = await ctx.store.getTest(ALICE, BENCH);
      expect(test).to.include({ result_count: 0, version: 2 });
    });

    it('deletes only the results at the given timestamp', async () => {
      expect(await ctx.store.deleteResults(ALICE, BENCH, 20)).to.equal(2);
      expect(timestamps(await ctx.store.listResults(ALICE, BENCH))).to.deep.equal([10, 30]);
      expect(await ctx.store.getTest(ALICE, BENCH)).to.include({ result_count: 2, version: 2 });
    });

    it('returns 0 and leaves the version alone when no result is at the timestamp', async () => {
      expect(await ctx.store.deleteResults(ALICE, BENCH, 15)).to.equal(0);
      expect(await ctx.store.getTest(ALICE, BENCH)).to.include({ result_count: 4, version: 1 });
    });

    it('returns 0 for a test that does not exist, without creating it', async () => {
      expect(await ctx.store.deleteResults(ALICE, 'nothing/here')).to.equal(0);
      expect(await ctx.store.getTest(ALICE, 'nothing/here')).to.equal(null);
    });

    it('deletes nothing of another owner’s test of the same name', async () => {
      expect(await ctx.store.deleteResults('u:mallory', BENCH)).to.equal(0);
      expect(await ctx.store.listResults(ALICE, BENCH)).to.have.length(4);
    });

    it('lets a key be appended again after its result was deleted', async () => {
      await ctx.store.deleteResults(ALICE, BENCH, 10);
      expect(await ctx.store.writeResults(ALICE, BENCH, [result(10)], 'append', NOW)).to.deep.equal({ inserted: 1, updated: 0 });
      expect((await ctx.store.getTest(ALICE, BENCH))?.result_count).to.equal(4);
    });
  });
}
