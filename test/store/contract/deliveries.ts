import { expect } from 'chai';
import type { ClaimedDelivery, DeliveryOutcome } from '../../../src/store/change-types.ts';
import type { Store } from '../../../src/store/types.ts';
import { detected, NOW_MS, rejection, type ContractContext } from './fixtures.ts';

const ALICE = 'u:alice';
const BOB = 'u:bob';
const BENCH = 'bench/cpu';
const LEASE = 60_000;

/** Records one change of `owner` at result time `time`, with a delivery per channel, at `now`. */
async function recordChange(store: Store, options: { owner?: string; time?: number; now?: number; channels?: string[] } = {}) {
  const channels = options.channels ?? ['slack'];
  await store.syncChanges(options.owner ?? ALICE, BENCH, [], [detected('time', options.time ?? 100)], () => channels, options.now ?? NOW_MS);
}

/** Completes a claimed delivery with its own token. */
function complete(store: Store, claimed: ClaimedDelivery | undefined, outcome: DeliveryOutcome): Promise<boolean> {
  if (!claimed?.delivery.claim_token) throw new Error('expected a claimed delivery');
  return store.completeDelivery(claimed.delivery.id, claimed.delivery.claim_token, outcome);
}

/** claimDeliveries, completeDelivery, listDeliveries and retryDelivery. */
export function deliveriesContract(ctx: ContractContext): void {
  describe('deliveries', () => {
    it('claims due deliveries oldest first, up to the limit, with the change each is about', async () => {
      await recordChange(ctx.store, { time: 300, now: NOW_MS + 30 });
      await recordChange(ctx.store, { time: 100, now: NOW_MS + 10 });
      await recordChange(ctx.store, { time: 200, now: NOW_MS + 20 });
      const claimed = await ctx.store.claimDeliveries(NOW_MS + 100, LEASE, 2);
      expect(claimed.map(({ delivery }) => delivery.next_attempt_at)).to.deep.equal([NOW_MS + 10, NOW_MS + 20]);
      expect(claimed.map(({ change }) => change.details.time)).to.deep.equal([100, 200]);
      for (const { delivery, change } of claimed) {
        expect(delivery).to.include({ state: 'claimed', attempts: 1, lease_until: NOW_MS + 100 + LEASE, change_id: change.id });
        expect(delivery.claim_token).to.be.a('string').and.not.be.empty;
      }
      expect(claimed[0]?.delivery.claim_token).to.not.equal(claimed[1]?.delivery.claim_token);
    });

    it('claims nothing before next_attempt_at', async () => {
      await recordChange(ctx.store, { now: NOW_MS });
      expect(await ctx.store.claimDeliveries(NOW_MS - 1, LEASE, 10)).to.deep.equal([]);
      expect(await ctx.store.claimDeliveries(NOW_MS, LEASE, 10)).to.have.length(1);
    });

    it('does not claim a delivery again while its lease runs', async () => {
      await recordChange(ctx.store);
      expect(await ctx.store.claimDeliveries(NOW_MS, LEASE, 10)).to.have.length(1);
      expect(await ctx.store.claimDeliveries(NOW_MS + LEASE, LEASE, 10)).to.deep.equal([]);
    });

    it('lets another claimer take over an expired lease; the old holder’s completion then returns false', async () => {
      await recordChange(ctx.store);
      const [first] = await ctx.store.claimDeliveries(NOW_MS, LEASE, 10);
      const [second] = await ctx.store.claimDeliveries(NOW_MS + LEASE + 1, LEASE, 10);
      expect(second?.delivery).to.include({ id: first?.delivery.id, attempts: 2, lease_until: NOW_MS + 2 * LEASE + 1 });
      expect(second?.delivery.claim_token).to.not.equal(first?.delivery.claim_token);
      expect(await complete(ctx.store, first, { kind: 'delivered', at: NOW_MS + 1 })).to.equal(false);
      expect((await ctx.store.listDeliveries(ALICE))[0]?.delivery).to.include({ state: 'claimed', claim_token: second?.delivery.claim_token });
      expect(await complete(ctx.store, second, { kind: 'delivered', at: NOW_MS + LEASE + 2 })).to.equal(true);
    });

    it('marks a delivered delivery, clears its lease and never claims it again', async () => {
      await recordChange(ctx.store);
      const [claimed] = await ctx.store.claimDeliveries(NOW_MS, LEASE, 10);
      expect(await complete(ctx.store, claimed, { kind: 'delivered', at: NOW_MS + 5 })).to.equal(true);
      const [listed] = await ctx.store.listDeliveries(ALICE);
      expect(listed?.delivery).to.include({ state: 'delivered', delivered_at: NOW_MS + 5, lease_until: null, claim_token: null, attempts: 1 });
      expect(await ctx.store.claimDeliveries(NOW_MS + 10 * LEASE, LEASE, 10)).to.deep.equal([]);
      expect(await complete(ctx.store, claimed, { kind: 'failed', error: 'late' })).to.equal(false);
    });

    it('puts a delivery to retry back to pending from the given time, keeping the error and counting attempts', async () => {
      await recordChange(ctx.store);
      const [first] = await ctx.store.claimDeliveries(NOW_MS, LEASE, 10);
      expect(await complete(ctx.store, first, { kind: 'retry', at: NOW_MS + 30_000, error: 'HTTP 503' })).to.equal(true);
      expect((await ctx.store.listDeliveries(ALICE))[0]?.delivery).to.include({
        state: 'pending',
        next_attempt_at: NOW_MS + 30_000,
        last_error: 'HTTP 503',
        lease_until: null,
        claim_token: null,
      });
      expect(await ctx.store.claimDeliveries(NOW_MS + 29_999, LEASE, 10)).to.deep.equal([]);
      const [second] = await ctx.store.claimDeliveries(NOW_MS + 30_000, LEASE, 10);
      expect(second?.delivery).to.include({ attempts: 2, last_error: 'HTTP 503' });
    });

    it('marks a failed delivery with its error and does not claim it again', async () => {
      await recordChange(ctx.store);
      const [claimed] = await ctx.store.claimDeliveries(NOW_MS, LEASE, 10);
      expect(await complete(ctx.store, claimed, { kind: 'failed', error: 'HTTP 404: channel_not_found' })).to.equal(true);
      expect((await ctx.store.listDeliveries(ALICE))[0]?.delivery).to.include({
        state: 'failed',
        last_error: 'HTTP 404: channel_not_found',
        delivered_at: null,
        claim_token: null,
      });
      expect(await ctx.store.claimDeliveries(NOW_MS + 10 * LEASE, LEASE, 10)).to.deep.equal([]);
    });

    it('refuses to complete with a wrong token or an unknown id', async () => {
      await recordChange(ctx.store);
      const [claimed] = await ctx.store.claimDeliveries(NOW_MS, LEASE, 10);
      expect(await ctx.store.completeDelivery(claimed!.delivery.id, 'not-the-token', { kind: 'delivered', at: NOW_MS })).to.equal(false);
      expect(await ctx.store.completeDelivery('no-such-delivery', claimed!.delivery.claim_token!, { kind: 'delivered', at: NOW_MS })).to.equal(false);
      expect((await ctx.store.listDeliveries(ALICE))[0]?.delivery.state).to.equal('claimed');
    });

    it('claims nothing with limit 0 and rejects a negative limit or lease', async () => {
      await recordChange(ctx.store);
      expect(await ctx.store.claimDeliveries(NOW_MS, LEASE, 0)).to.deep.equal([]);
      expect(await rejection(ctx.store.claimDeliveries(NOW_MS, LEASE, -1))).to.be.instanceOf(RangeError);
      expect(await rejection(ctx.store.claimDeliveries(NOW_MS, 0, 1))).to.be.instanceOf(RangeError);
      expect(await ctx.store.claimDeliveries(NOW_MS, LEASE, 10)).to.have.length(1);
    });

    it('lists an owner’s deliveries newest first, by state, with their changes, and no one else’s', async () => {
      await recordChange(ctx.store, { time: 100, now: NOW_MS + 10 });
      await recordChange(ctx.store, { time: 200, now: NOW_MS + 20 });
      await recordChange(ctx.store, { owner: BOB, time: 300, now: NOW_MS + 30 });
      const [claimed] = await ctx.store.claimDeliveries(NOW_MS + 10, LEASE, 1);
      await complete(ctx.store, claimed, { kind: 'failed', error: 'boom' });

      const all = await ctx.store.listDeliveries(ALICE);
      expect(all.map(({ delivery, change }) => [delivery.created_at, delivery.state, change.details.time, change.owner])).to.deep.equal([
        [NOW_MS + 20, 'pending', 200, ALICE],
        [NOW_MS + 10, 'failed', 100, ALICE],
      ]);
      expect((await ctx.store.listDeliveries(ALICE, 'failed')).map(({ change }) => change.details.time)).to.deep.equal([100]);
      expect(await ctx.store.listDeliveries(ALICE, 'delivered')).to.deep.equal([]);
      expect((await ctx.store.listDeliveries(BOB)).map(({ delivery }) => delivery.owner)).to.deep.equal([BOB]);
      expect(await ctx.store.listDeliveries('u:carol')).to.deep.equal([]);
    });

    it('retries only a failed delivery, and only for its owner', async () => {
      await recordChange(ctx.store, { channels: ['slack', 'webhook:ops'] });
      const [failing, pending] = await ctx.store.claimDeliveries(NOW_MS, LEASE, 2);
      await complete(ctx.store, failing, { kind: 'failed', error: 'boom' });
      await complete(ctx.store, pending, { kind: 'retry', at: NOW_MS + 1000, error: 'slow' });

      expect(await ctx.store.retryDelivery(BOB, failing!.delivery.id, NOW_MS + 500)).to.equal(false);
      expect(await ctx.store.retryDelivery(ALICE, pending!.delivery.id, NOW_MS + 500)).to.equal(false);
      expect(await ctx.store.retryDelivery(ALICE, 'no-such-delivery', NOW_MS + 500)).to.equal(false);
      expect(await ctx.store.retryDelivery(ALICE, failing!.delivery.id, NOW_MS + 500)).to.equal(true);
      expect(await ctx.store.retryDelivery(ALICE, failing!.delivery.id, NOW_MS + 500)).to.equal(false);

      const [claimed, ...rest] = await ctx.store.claimDeliveries(NOW_MS + 500, LEASE, 10);
      expect(rest).to.deep.equal([]);
      expect(claimed?.delivery).to.include({ id: failing?.delivery.id, attempts: 2, next_attempt_at: NOW_MS + 500 });
    });
  });

  describe('two instances claiming deliveries at once', () => {
    it('claims every delivery exactly once, losing none', async function () {
      this.timeout(120_000);
      const changes = Array.from({ length: 100 }, (_, i) => detected('time', (i + 1) * 10));
      await ctx.store.syncChanges(ALICE, BENCH, ['time'], changes, () => ['slack', 'webhook:ops'], NOW_MS);
      const other = await ctx.openAnother();
      const claims: string[] = [];
      const claimInLoop = async (store: Store) => {
        for (;;) {
          const claimed = await store.claimDeliveries(NOW_MS, LEASE, 3);
          if (claimed.length === 0) return;
          claims.push(...claimed.map(({ delivery }) => delivery.id));
        }
      };
      await Promise.all([claimInLoop(ctx.store), claimInLoop(other), claimInLoop(ctx.store), claimInLoop(other)]);
      expect(claims).to.have.length(200);
      expect(new Set(claims).size).to.equal(200);
      const stored = await ctx.store.listDeliveries(ALICE);
      expect(stored.filter(({ delivery }) => delivery.state === 'claimed' && delivery.attempts === 1)).to.have.length(200);
    });
  });
}
