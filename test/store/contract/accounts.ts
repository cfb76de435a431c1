import { expect } from 'chai';
import { ConflictError } from '../../../src/store/errors.ts';
import type { ApiToken } from '../../../src/store/types.ts';
import { CLOCK_NOW, deepFreeze, rejection, type ContractContext } from './fixtures.ts';

function token(id: string, fields: Partial<ApiToken> = {}): Omit<ApiToken, 'last_used' | 'revoked'> {
  return {
    id,
    owner: fields.owner ?? 'u:alice',
    created_by: fields.created_by ?? 'user-1',
    name: fields.name ?? `token ${id}`,
    hash: fields.hash ?? `sha256-of-${id}`,
    created_at: fields.created_at ?? 1000,
    expires_at: fields.expires_at ?? null,
  };
}

/** Users and API tokens. */
export function accountsContract(ctx: ContractContext): void {
  describe('users', () => {
    it('creates a user on first sight with an id and the store clock’s time', async () => {
      const user = await ctx.store.ensureUser('alice');
      expect(user.login).to.equal('alice');
      expect(user.id).to.be.a('string').and.not.be.empty;
      expect(user.created_at).to.equal(CLOCK_NOW);
      expect(await ctx.store.findUserByLogin('alice')).to.deep.equal(user);
    });

    it('returns the same user when ensured again, even at the same moment', async () => {
      const [a, b] = await Promise.all([ctx.store.ensureUser('alice'), ctx.store.ensureUser('alice')]);
      expect(b).to.deep.equal(a);
      expect(await ctx.store.ensureUser('alice')).to.deep.equal(a);
      expect((await ctx.store.ensureUser('bob')).id).to.not.equal(a.id);
    });

    it('finds no user for an unknown login', async () => {
      expect(await ctx.store.findUserByLogin('ghost')).to.equal(null);
    });
  });

  describe('tokens', () => {
    it('creates a token that is neither used nor revoked, and finds it by hash', async () => {
      const created = await ctx.store.createToken(deepFreeze(token('t1', { expires_at: 5000 })));
      expect(created).to.deep.equal({ ...token('t1', { expires_at: 5000 }), last_used: null, revoked: false });
      expect(await ctx.store.findTokenByHash('sha256-of-t1')).to.deep.equal(created);
      expect(await ctx.store.findTokenByHash('unknown')).to.equal(null);
    });

    it('refuses a second token with the same hash', async () => {
      await ctx.store.createToken(token('t1', { hash: 'same' }));
      const error = await rejection(ctx.store.createToken(token('t2', { hash: 'same' })));
      expect(error).to.be.instanceOf(ConflictError);
      expect((await ctx.store.findTokenByHash('same'))?.id).to.equal('t1');
    });

    it('refuses a second token with the same id', async () => {
      await ctx.store.createToken(token('t1'));
      expect(await rejection(ctx.store.createToken(token('t1', { hash: 'other' })))).to.be.instanceOf(ConflictError);
      expect(await ctx.store.findTokenByHash('other')).to.equal(null);
    });

    it('lists the owner’s tokens by creation time, and only those', async () => {
      await ctx.store.createToken(token('late', { created_at: 3000 }));
      await ctx.store.createToken(token('early', { created_at: 1000 }));
      await ctx.store.createToken(token('bobs', { owner: 'u:bob' }));
      expect((await ctx.store.listTokens('u:alice')).map((t) => t.id)).to.deep.equal(['early', 'late']);
      expect(await ctx.store.listTokens('o:nobody')).to.deep.equal([]);
    });

    it('revokes the owner’s token, and reports whether there was one', async () => {
      await ctx.store.createToken(token('t1'));
      expect(await ctx.store.revokeToken('u:alice', 't1')).to.equal(true);
      expect((await ctx.store.findTokenByHash('sha256-of-t1'))?.revoked).to.equal(true);
      expect(await ctx.store.revokeToken('u:alice', 'missing')).to.equal(false);
    });

    it('does not let another owner revoke a token', async () => {
      await ctx.store.createToken(token('t1'));
      expect(await ctx.store.revokeToken('u:mallory', 't1')).to.equal(false);
      expect((await ctx.store.findTokenByHash('sha256-of-t1'))?.revoked).to.equal(false);
    });

    it('records the last use, never moving it backwards', async () => {
      await ctx.store.createToken(token('t1'));
      await ctx.store.touchToken('t1', 2000);
      await ctx.store.touchToken('t1', 1500);
      expect((await ctx.store.findTokenByHash('sha256-of-t1'))?.last_used).to.equal(2000);
      await ctx.store.touchToken('missing', 2000);
      expect(await ctx.store.listTokens('u:alice')).to.have.length(1);
    });
  });
}
