import { expect } from 'chai';
import type { DetectedChange } from '../../../src/store/change-types.ts';
import { deepFreeze, detected, NOW_MS, rejection, type ContractContext } from './fixtures.ts';

const ALICE = 'u:alice';
const BENCH = 'bench/cpu';
const CHANNELS = ['slack', 'webhook:ops'];
const toAll = (_change: DetectedChange) => CHANNELS;

/** syncChanges and listChanges: recording change points and reconciling them with detection. */
export function changesContract(ctx: ContractContext): void {
  describe('change records', () => {
    const sync = (changes: DetectedChange[], now = NOW_MS, metrics = ['time', 'memory'], channelsFor = toAll) =>
      ctx.store.syncChanges(ALICE, BENCH, metrics, changes, channelsFor, now);
    const statesOf = async () =>
      (await ctx.store.listChanges(ALICE, BENCH)).map(({ change, deliveries }) => ({
        metric: change.metric,
        significant: change.significant,
        states: deliveries.map((d) => `${d.channel}:${d.state}`),
      }));

    it('records a new change with one pending delivery per channel', async () => {
      const change = detected('time', 100);
      expect(await sync(deepFreeze([change]))).to.equal(2);
      const [entry, ...rest] = await ctx.store.listChanges(ALICE, BENCH);
      expect(rest).to.deep.equal([]);
      expect(entry?.change).to.deep.include({
        owner: ALICE,
        test: BENCH,
        metric: 'time',
        change_key: 'commit:c100',
        details: change.details,
        significant: true,
        first_detected_at: NOW_MS,
        updated_at: NOW_MS,
      });
      expect(Object.is(entry?.change.details.forward_change_percent, -0)).to.equal(true);
      expect(entry?.change.id).to.be.a('string').and.not.be.empty;
      expect(entry?.deliveries.map(({ id: _id, ...fields }) => fields)).to.deep.equal(
        CHANNELS.map((channel) => ({
          change_id: entry?.change.id,
          owner: ALICE,
          channel,
          state: 'pending',
          attempts: 0,
          next_attempt_at: NOW_MS,
          lease_until: null,
          claim_token: null,
          last_error: null,
          delivered_at: null,
          created_at: NOW_MS,
        })),
      );
    });

    it('records a change with no deliveries when no channel wants it, and one per channel named twice', async () => {
      expect(await sync([detected('time', 100)], NOW_MS, ['time'], () => [])).to.equal(0);
      expect(await sync([detected('time', 100), detected('time', 200)], NOW_MS, ['time'], () => ['slack', 'slack'])).to.equal(1);
      expect(await statesOf()).to.deep.equal([
        { metric: 'time', significant: true, states: [] },
        { metric: 'time', significant: true, states: ['slack:pending'] },
      ]);
    });

    it('does not re-create deliveries for a known change when its stats shift, and updates its details', async () => {
      await sync([detected('time', 100)]);
      const [before] = await ctx.store.listChanges(ALICE, BENCH);
      const asked: string[] = [];
      const shifted = detected('time', 100, { pvalue: 0.002, mean_after: 12.5 });
      const made = await sync([shifted], NOW_MS + 60_000, ['time'], (change) => {
        asked.push(change.change_key);
        return CHANNELS;
      });
      expect(made).to.equal(0);
      expect(asked).to.deep.equal([]);
      const [after] = await ctx.store.listChanges(ALICE, BENCH);
      expect(after?.change).to.deep.include({ id: before?.change.id, details: shifted.details, first_detected_at: NOW_MS, updated_at: NOW_MS + 60_000 });
      expect(after?.deliveries).to.deep.equal(before?.deliveries);
    });

    it('cancels pending deliveries of a change that stops being significant, keeps delivered and claimed ones', async () => {
      await sync([detected('time', 100)], NOW_MS, ['time'], () => ['a', 'b', 'c']);
      const [first, second] = await ctx.store.claimDeliveries(NOW_MS, 60_000, 2);
      await ctx.store.completeDelivery(first!.delivery.id, first!.delivery.claim_token!, { kind: 'delivered', at: NOW_MS });
      expect(await sync([], NOW_MS + 1000, ['time'])).to.equal(0);
      const [entry] = await ctx.store.listChanges(ALICE, BENCH);
      expect(entry?.change).to.include({ significant: false, updated_at: NOW_MS + 1000 });
      const stateOf = new Map(entry?.deliveries.map((d) => [d.id, d.state]));
      expect(stateOf.get(first!.delivery.id)).to.equal('delivered');
      expect(stateOf.get(second!.delivery.id)).to.equal('claimed');
      expect([...stateOf.values()].filter((state) => state === 'cancelled')).to.have.length(1);
      expect(await ctx.store.claimDeliveries(NOW_MS + 2000, 60_000, 10)).to.deep.equal([]);
    });

    it('revives cancelled deliveries when the change returns, and only those', async () => {
      await sync([detected('time', 100)], NOW_MS, ['time'], () => ['a', 'b']);
      const [claimed] = await ctx.store.claimDeliveries(NOW_MS, 60_000, 1);
      await ctx.store.completeDelivery(claimed!.delivery.id, claimed!.delivery.claim_token!, { kind: 'delivered', at: NOW_MS });
      await sync([], NOW_MS + 1000, ['time']);
      expect(await sync([detected('time', 100, { pvalue: 0.003 })], NOW_MS + 2000, ['time'])).to.equal(1);
      const [entry] = await ctx.store.listChanges(ALICE, BENCH);
      expect(entry?.change).to.include({ significant: true, updated_at: NOW_MS + 2000 });
      expect(entry?.change.details.pvalue).to.equal(0.003);
      const revived = entry?.deliveries.find((d) => d.id !== claimed!.delivery.id);
      expect(revived).to.include({ state: 'pending', next_attempt_at: NOW_MS + 2000 });
      expect(entry?.deliveries.find((d) => d.id === claimed!.delivery.id)?.state).to.equal('delivered');
    });

    it('leaves records of metrics detection did not run on alone', async () => {
      await sync([detected('time', 100), detected('memory', 100)]);
      await sync([], NOW_MS + 1000, ['time']);
      expect(await statesOf()).to.deep.equal([
        { metric: 'memory', significant: true, states: ['slack:pending', 'webhook:ops:pending'] },
        { metric: 'time', significant: false, states: ['slack:cancelled', 'webhook:ops:cancelled'] },
      ]);
    });

    it('keeps other tests and owners apart', async () => {
      await sync([detected('time', 100)]);
      await ctx.store.syncChanges(ALICE, 'bench/io', ['time'], [], toAll, NOW_MS);
      await ctx.store.syncChanges('u:bob', BENCH, ['time'], [], toAll, NOW_MS);
      expect((await statesOf())[0]?.significant).to.equal(true);
      expect(await ctx.store.listChanges('u:bob', BENCH)).to.deep.equal([]);
      expect(await ctx.store.listChanges(ALICE, 'bench/io')).to.deep.equal([]);
    });

    it('lists changes by time, then metric', async () => {
      await sync([detected('time', 300), detected('time', 100), detected('memory', 300)]);
      const listed = await ctx.store.listChanges(ALICE, BENCH);
      expect(listed.map(({ change }) => [change.details.time, change.metric])).to.deep.equal([
        [100, 'time'],
        [300, 'memory'],
        [300, 'time'],
      ]);
    });

    it('counts a change detected twice in one sync once', async () => {
      expect(await sync([detected('time', 100, { pvalue: 0.01 }), detected('time', 100, { pvalue: 0.02 })])).to.equal(2);
      const [entry, ...rest] = await ctx.store.listChanges(ALICE, BENCH);
      expect(rest).to.have.length(0);
      expect(entry?.change.details.pvalue).to.equal(0.02);
    });

    it('writes nothing when a change cannot be stored exactly', async () => {
      const failing = sync([detected('time', 100), detected('time', 200, { pvalue: Number.NaN })]);
      expect(await rejection(failing)).to.be.instanceOf(TypeError);
      expect(await ctx.store.listChanges(ALICE, BENCH)).to.deep.equal([]);
    });
  });
}
