import { expect } from 'chai';
import { ConflictError } from '../../../src/store/errors.ts';
import { emptyTestConfig } from '../../../src/store/defaults.ts';
import { deepFreeze, NOW, rejection, result, timestamps, type ContractContext } from './fixtures.ts';

const ALICE = 'u:alice';
const BENCH = 'bench/cpu';

/** writeResults and listResults: append, upsert, metadata moves, ordering, atomicity. */
export function resultsContract(ctx: ContractContext): void {
  describe('writing results', () => {
    it('creates a private test with the default config on the first upload', async () => {
      await ctx.store.writeResults(ALICE, BENCH, [result(10)], 'append', NOW);
      const test = await ctx.store.getTest(ALICE, BENCH);
      expect(test).to.deep.equal({
        owner: ALICE,
        name: BENCH,
        public: false,
        config: emptyTestConfig(),
        last_seen: NOW,
        result_count: 1,
        version: 1,
        created_at: NOW,
      });
    });

    it('appends results and returns them with ids, as uploaded', async () => {
      const uploaded = [result(10), result(20, { extra: { runner: 'x86', nested: { list: [1, 'two', null, true] } } })];
      const summary = await ctx.store.writeResults(ALICE, BENCH, deepFreeze(uploaded), 'append', NOW);
      expect(summary).to.deep.equal({ inserted: 2, updated: 0 });
      const stored = await ctx.store.listResults(ALICE, BENCH);
      expect(stored.map(({ id: _id, ...rest }) => rest)).to.deep.equal(uploaded);
      expect(new Set(stored.map((r) => r.id)).size).to.equal(2);
      for (const r of stored) expect(r.id).to.be.a('string').and.not.be.empty;
    });

    it('moves last_seen to the upload time and never backwards', async () => {
      await ctx.store.writeResults(ALICE, BENCH, [result(10)], 'append', NOW);
      await ctx.store.writeResults(ALICE, BENCH, [result(20)], 'append', NOW + 60);
      expect((await ctx.store.getTest(ALICE, BENCH))?.last_seen).to.equal(NOW + 60);
      await ctx.store.writeResults(ALICE, BENCH, [result(30)], 'append', NOW + 30);
      expect((await ctx.store.getTest(ALICE, BENCH))?.last_seen).to.equal(NOW + 60);
    });

    it('counts results and bumps the version once per write', async () => {
      await ctx.store.writeResults(ALICE, BENCH, [result(10), result(20)], 'append', NOW);
      await ctx.store.writeResults(ALICE, BENCH, [result(30)], 'append', NOW);
      const test = await ctx.store.getTest(ALICE, BENCH);
      expect(test?.result_count).to.equal(3);
      expect(test?.version).to.equal(2);
      expect(test?.created_at).to.equal(NOW);
    });

    it('records an empty upload as seen without bumping the version', async () => {
      await ctx.store.writeResults(ALICE, BENCH, [result(10)], 'append', NOW);
      const summary = await ctx.store.writeResults(ALICE, BENCH, [], 'append', NOW + 5);
      expect(summary).to.deep.equal({ inserted: 0, updated: 0 });
      const test = await ctx.store.getTest(ALICE, BENCH);
      expect(test).to.include({ last_seen: NOW + 5, result_count: 1, version: 1 });
    });

    it('keeps several results at one timestamp when their commits differ', async () => {
      await ctx.store.writeResults(ALICE, BENCH, [result(10, { commit: 'a' }), result(10, { commit: 'b' })], 'append', NOW);
      const stored = await ctx.store.listResults(ALICE, BENCH);
      expect(stored.map((r) => r.attributes.git_commit)).to.deep.equal(['a', 'b']);
    });

    it('rejects appending a result whose timestamp and commit are stored, and writes nothing of the batch', async () => {
      await ctx.store.writeResults(ALICE, BENCH, [result(10), result(20)], 'append', NOW);
      const before = await ctx.store.getTest(ALICE, BENCH);
      const error = await rejection(ctx.store.writeResults(ALICE, BENCH, [result(5), result(20), result(30)], 'append', NOW + 60));
      expect(error).to.be.instanceOf(ConflictError);
      expect(error).to.have.property('code', 'conflict');
      expect(timestamps(await ctx.store.listResults(ALICE, BENCH))).to.deep.equal([10, 20]);
      expect(await ctx.store.getTest(ALICE, BENCH)).to.deep.equal(before);
    });

    it('rejects a batch that repeats a timestamp and commit, and does not even create the test', async () => {
      const error = await rejection(ctx.store.writeResults(ALICE, BENCH, [result(10), result(10)], 'append', NOW));
      expect(error).to.be.instanceOf(ConflictError);
      expect(await ctx.store.getTest(ALICE, BENCH)).to.equal(null);
      expect(await ctx.store.listResults(ALICE, BENCH)).to.deep.equal([]);
    });
  });

  describe('upserting results (idempotent PUT keyed by test, timestamp and git_commit)', () => {
    it('replaces the result with the same key, keeping its id and its place in insertion order', async () => {
      await ctx.store.writeResults(ALICE, BENCH, [result(10, { value: 1 }), result(10, { commit: 'other', value: 2 })], 'append', NOW);
      const [first] = await ctx.store.listResults(ALICE, BENCH);
      const summary = await ctx.store.writeResults(ALICE, BENCH, [result(10, { value: 99 })], 'upsert', NOW + 1);
      expect(summary).to.deep.equal({ inserted: 0, updated: 1 });
      const stored = await ctx.store.listResults(ALICE, BENCH);
      expect(stored.map((r) => r.metrics[0]?.value)).to.deep.equal([99, 2]);
      expect(stored[0]?.id).to.equal(first?.id);
    });

    it('inserts the new keys and updates the known ones in one batch, counting each', async () => {
      await ctx.store.writeResults(ALICE, BENCH, [result(10)], 'append', NOW);
      const summary = await ctx.store.writeResults(ALICE, BENCH, [result(10, { value: 5 }), result(20), result(30)], 'upsert', NOW);
      expect(summary).to.deep.equal({ inserted: 2, updated: 1 });
      const test = await ctx.store.getTest(ALICE, BENCH);
      expect(test).to.include({ result_count: 3, version: 2 });
    });

    it('applies a key repeated within one batch in order: the last one wins', async () => {
      const summary = await ctx.store.writeResults(ALICE, BENCH, [result(10, { value: 1 }), result(10, { value: 2 })], 'upsert', NOW);
      expect(summary).to.deep.equal({ inserted: 1, updated: 1 });
      const stored = await ctx.store.listResults(ALICE, BENCH);
      expect(stored.map((r) => r.metrics[0]?.value)).to.deep.equal([2]);
    });

    it('leaves the series unchanged when the same PUT is repeated', async () => {
      const batch = deepFreeze([result(10), result(20)]);
      await ctx.store.writeResults(ALICE, BENCH, batch, 'upsert', NOW);
      const once = await ctx.store.listResults(ALICE, BENCH);
      expect(await ctx.store.writeResults(ALICE, BENCH, batch, 'upsert', NOW)).to.deep.equal({ inserted: 0, updated: 2 });
      expect(await ctx.store.listResults(ALICE, BENCH)).to.deep.equal(once);
      expect((await ctx.store.getTest(ALICE, BENCH))?.result_count).to.equal(2);
    });
  });

  describe('listing results', () => {
    it('orders by timestamp, ties by insertion order', async () => {
      await ctx.store.writeResults(ALICE, BENCH, [result(30), result(10, { commit: 'x' })], 'append', NOW);
      await ctx.store.writeResults(ALICE, BENCH, [result(20), result(10, { commit: 'a' })], 'append', NOW);
      await ctx.store.writeResults(ALICE, BENCH, [result(10, { commit: 'm' })], 'append', NOW);
      const stored = await ctx.store.listResults(ALICE, BENCH);
      expect(stored.map((r) => `${r.timestamp}:${r.attributes.git_commit}`)).to.deep.equal(['10:x', '10:a', '10:m', '20:c20', '30:c30']);
    });

    describe('windows', () => {
      beforeEach(async () => {
        await ctx.store.writeResults(ALICE, BENCH, [10, 20, 30, 40, 50].map((t) => result(t)), 'append', NOW);
      });

      it('bounds by since and until, both inclusive', async () => {
        expect(timestamps(await ctx.store.listResults(ALICE, BENCH, { since: 20, until: 40 }))).to.deep.equal([20, 30, 40]);
        expect(timestamps(await ctx.store.listResults(ALICE, BENCH, { since: 35 }))).to.deep.equal([40, 50]);
        expect(timestamps(await ctx.store.listResults(ALICE, BENCH, { until: 15 }))).to.deep.equal([10]);
      });

      it('returns the newest N within the window, oldest first', async () => {
        expect(timestamps(await ctx.store.listResults(ALICE, BENCH, { limit: 2 }))).to.deep.equal([40, 50]);
        expect(timestamps(await ctx.store.listResults(ALICE, BENCH, { until: 40, limit: 3 }))).to.deep.equal([20, 30, 40]);
        expect(timestamps(await ctx.store.listResults(ALICE, BENCH, { limit: 10 }))).to.deep.equal([10, 20, 30, 40, 50]);
      });

      it('returns nothing for a zero limit or an empty window', async () => {
        expect(await ctx.store.listResults(ALICE, BENCH, { limit: 0 })).to.deep.equal([]);
        expect(await ctx.store.listResults(ALICE, BENCH, { since: 41, until: 49 })).to.deep.equal([]);
      });

      it('keeps ties in insertion order when the limit cuts through them', async () => {
        await ctx.store.writeResults(ALICE, BENCH, [result(50, { commit: 'later' })], 'append', NOW);
        const stored = await ctx.store.listResults(ALICE, BENCH, { limit: 2 });
        expect(stored.map((r) => r.attributes.git_commit)).to.deep.equal(['c50', 'later']);
      });
    });

    it('returns nothing for a test that does not exist', async () => {
      expect(await ctx.store.listResults(ALICE, 'never/uploaded')).to.deep.equal([]);
    });

    it('returns records that can be changed without changing what is stored', async () => {
      await ctx.store.writeResults(ALICE, BENCH, [result(10)], 'append', NOW);
      const [first] = await ctx.store.listResults(ALICE, BENCH);
      first!.metrics.push({ name: 'extra', unit: 'x', value: 1 });
      first!.attributes.branch = 'changed';
      const [again] = await ctx.store.listResults(ALICE, BENCH);
      expect(again?.metrics).to.have.length(1);
      expect(again?.attributes.branch).to.equal('main');
    });
  });

  describe('isolation and names', () => {
    it('keeps results of another owner invisible', async () => {
      await ctx.store.writeResults(ALICE, BENCH, [result(10)], 'append', NOW);
      expect(await ctx.store.listResults('u:bob', BENCH)).to.deep.equal([]);
      expect(await ctx.store.getTest('u:bob', BENCH)).to.equal(null);
      expect(await ctx.store.listTests('u:bob')).to.deep.equal([]);
    });

    it('gives two owners separate tests of the same name', async () => {
      await ctx.store.writeResults(ALICE, BENCH, [result(10)], 'append', NOW);
      await ctx.store.writeResults('o:acme', BENCH, [result(10), result(20)], 'append', NOW);
      expect(timestamps(await ctx.store.listResults(ALICE, BENCH))).to.deep.equal([10]);
      expect((await ctx.store.getTest('o:acme', BENCH))?.result_count).to.equal(2);
    });

    it('treats names with slashes as whole names, not paths', async () => {
      await ctx.store.writeResults(ALICE, 'a/b', [result(10)], 'append', NOW);
      await ctx.store.writeResults(ALICE, 'a/b/c', [result(20)], 'append', NOW);
      expect(timestamps(await ctx.store.listResults(ALICE, 'a/b'))).to.deep.equal([10]);
      expect(timestamps(await ctx.store.listResults(ALICE, 'a/b/c'))).to.deep.equal([20]);
      expect(await ctx.store.listResults(ALICE, 'a')).to.deep.equal([]);
    });
  });
}
