import { expect } from 'chai';
import type { CachedChanges, OwnerConfig } from '../../../src/store/types.ts';
import { deepFreeze, type ContractContext } from './fixtures.ts';

const OWNER_CONFIG: OwnerConfig = {
  core: { max_pvalue: 0.001, min_magnitude: 0.0, window_len: 50 },
  notifiers: { slack: { webhook: 'https://hooks.slack.com/services/T/B/x', 'channel.name': '#perf' }, $flags: [-0] },
};

function entry(fields: Partial<CachedChanges> = {}): CachedChanges {
  return { owner: 'u:alice', test: 'bench', config_key: 'k1', version: 3, payload: { changes: [{ index: 4, pvalue: 1e-300 }] }, ...fields };
}

/** Owner config and the change-point cache. */
export function configAndCacheContract(ctx: ContractContext): void {
  describe('owner config', () => {
    it('returns null before anything is stored', async () => {
      expect(await ctx.store.getOwnerConfig('u:alice')).to.equal(null);
    });

    it('round-trips the config exactly, odd keys included, and replaces it on the next put', async () => {
      await ctx.store.putOwnerConfig('u:alice', deepFreeze(structuredClone(OWNER_CONFIG)));
      const stored = await ctx.store.getOwnerConfig('u:alice');
      expect(stored).to.deep.equal(OWNER_CONFIG);
      expect(Object.is((stored?.notifiers.$flags as number[])[0], -0)).to.equal(true);
      const next: OwnerConfig = { core: { max_pvalue: 0.05, min_magnitude: 0.1, window_len: 30 }, notifiers: {} };
      await ctx.store.putOwnerConfig('u:alice', next);
      expect(await ctx.store.getOwnerConfig('u:alice')).to.deep.equal(next);
    });

    it('keeps each owner’s config apart', async () => {
      await ctx.store.putOwnerConfig('u:alice', OWNER_CONFIG);
      expect(await ctx.store.getOwnerConfig('o:acme')).to.equal(null);
    });
  });

  describe('change-point cache', () => {
    it('returns null for a key never stored', async () => {
      expect(await ctx.store.getCachedChanges('u:alice', 'bench', 'k1')).to.equal(null);
    });

    it('round-trips an entry exactly', async () => {
      await ctx.store.putCachedChanges(deepFreeze(entry()));
      expect(await ctx.store.getCachedChanges('u:alice', 'bench', 'k1')).to.deep.equal(entry());
    });

    it('keeps one entry per config key', async () => {
      await ctx.store.putCachedChanges(entry({ config_key: 'k1', payload: 'one' }));
      await ctx.store.putCachedChanges(entry({ config_key: 'k2', payload: 'two' }));
      expect((await ctx.store.getCachedChanges('u:alice', 'bench', 'k1'))?.payload).to.equal('one');
      expect((await ctx.store.getCachedChanges('u:alice', 'bench', 'k2'))?.payload).to.equal('two');
    });

    it('replaces an entry with one for the same or a newer version', async () => {
      await ctx.store.putCachedChanges(entry({ version: 3, payload: 'v3' }));
      await ctx.store.putCachedChanges(entry({ version: 3, payload: 'v3 again' }));
      expect((await ctx.store.getCachedChanges('u:alice', 'bench', 'k1'))?.payload).to.equal('v3 again');
      await ctx.store.putCachedChanges(entry({ version: 4, payload: 'v4' }));
      expect(await ctx.store.getCachedChanges('u:alice', 'bench', 'k1')).to.include({ version: 4, payload: 'v4' });
    });

    it('keeps the newer entry when a slower computation for an older version arrives', async () => {
      await ctx.store.putCachedChanges(entry({ version: 5, payload: 'v5' }));
      await ctx.store.putCachedChanges(entry({ version: 4, payload: 'v4' }));
      expect(await ctx.store.getCachedChanges('u:alice', 'bench', 'k1')).to.include({ version: 5, payload: 'v5' });
    });

    it('keeps entries of other owners and tests apart', async () => {
      await ctx.store.putCachedChanges(entry());
      expect(await ctx.store.getCachedChanges('u:bob', 'bench', 'k1')).to.equal(null);
      expect(await ctx.store.getCachedChanges('u:alice', 'other', 'k1')).to.equal(null);
    });
  });
}
