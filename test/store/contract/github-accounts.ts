import { expect } from 'chai';
import type { GithubIdentity, GithubMembership } from '../../../src/store/account-types.ts';
import { ConflictError } from '../../../src/store/errors.ts';
import { CLOCK_NOW, NOW, deepFreeze, rejection, result, type ContractContext } from './fixtures.ts';

function identity(githubId: number, login: string, fields: Partial<GithubIdentity> = {}): GithubIdentity {
  return { github_id: githubId, login, name: `${login} name`, email: `${login}@example.com`, avatar_url: `https://avatars/${githubId}`, ...fields };
}

function member(githubId: number, login: string, role: GithubMembership['role'] = 'member'): GithubMembership {
  return { github_id: githubId, login, role };
}

/** Users from GitHub, organisations, memberships, sessions, and the public tests listing. */
export function githubAccountsContract(ctx: ContractContext): void {
  describe('GitHub logins', () => {
    it('creates a user on the first login, with the profile and the store clock’s time', async () => {
      const user = await ctx.store.recordGithubLogin(deepFreeze(identity(11, 'alice')), 'sealed-1');
      expect(user).to.deep.include({ login: 'alice', github_id: 11, name: 'alice name', email: 'alice@example.com', avatar_url: 'https://avatars/11' });
      expect(user.created_at).to.equal(CLOCK_NOW);
      expect(await ctx.store.findUserById(user.id)).to.deep.equal(user);
      expect(await ctx.store.findUserByLogin('alice')).to.deep.equal(user);
    });

    it('gives a user made by `vahti token create` no GitHub fields, and binds it at its first login', async () => {
      const made = await ctx.store.ensureUser('alice');
      expect(made).to.deep.include({ github_id: null, name: null, email: null, avatar_url: null });
      const bound = await ctx.store.recordGithubLogin(identity(11, 'alice'), null);
      expect(bound).to.deep.include({ id: made.id, github_id: 11, created_at: made.created_at });
      expect(await ctx.store.ensureUser('alice')).to.deep.equal(bound);
    });

    it('updates the profile on a later login and keeps the Vahti login when GitHub’s changed', async () => {
      const first = await ctx.store.recordGithubLogin(identity(11, 'alice'), null);
      const renamed = await ctx.store.recordGithubLogin(identity(11, 'alice-renamed', { name: 'Alice A.', email: null }), null);
      expect(renamed).to.deep.include({ id: first.id, login: 'alice', name: 'Alice A.', email: null });
      expect(await ctx.store.findUserByLogin('alice-renamed')).to.equal(null);
    });

    it('refuses a login bound to another GitHub account, and changes nothing', async () => {
      const alice = await ctx.store.recordGithubLogin(identity(11, 'alice'), null);
      expect(await rejection(ctx.store.recordGithubLogin(identity(99, 'alice'), 'sealed-x'))).to.be.instanceOf(ConflictError);
      expect(await ctx.store.findUserByLogin('alice')).to.deep.equal(alice);
    });

    it('makes one user of two simultaneous first logins', async () => {
      const [a, b] = await Promise.all([ctx.store.recordGithubLogin(identity(11, 'alice'), null), ctx.store.recordGithubLogin(identity(11, 'alice'), null)]);
      expect(a.id).to.equal(b.id);
    });

    it('finds no user for an unknown id', async () => {
      expect(await ctx.store.findUserById('missing')).to.equal(null);
    });
  });

  describe('memberships', () => {
    it('stores the listed memberships by organisation name, and lists them', async () => {
      const user = await ctx.store.recordGithubLogin(identity(11, 'alice'), null);
      const listed = deepFreeze([member(501, 'zeta', 'admin'), member(500, 'acme')]);
      const stored = [{ org: 'acme', role: 'member' }, { org: 'zeta', role: 'admin' }];
      expect(await ctx.store.replaceMemberships(user.id, listed, NOW)).to.deep.equal(stored);
      expect(await ctx.store.listMemberships(user.id)).to.deep.equal(stored);
      expect(await ctx.store.findOrgByLogin('acme')).to.deep.include({ github_id: 500, login: 'acme', created_at: NOW });
    });

    it('replaces them entirely on a refresh: a removed membership is gone, a changed role changes', async () => {
      const user = await ctx.store.recordGithubLogin(identity(11, 'alice'), null);
      await ctx.store.replaceMemberships(user.id, [member(500, 'acme', 'admin'), member(501, 'zeta')], NOW);
      expect(await ctx.store.replaceMemberships(user.id, [member(500, 'acme')], NOW + 1)).to.deep.equal([{ org: 'acme', role: 'member' }]);
      expect(await ctx.store.replaceMemberships(user.id, [], NOW + 2)).to.deep.equal([]);
      expect(await ctx.store.listMemberships(user.id)).to.deep.equal([]);
      expect(await ctx.store.findOrgByLogin('zeta')).to.not.equal(null);
    });

    it('keeps each user’s memberships apart, and one organisation for both', async () => {
      const alice = await ctx.store.recordGithubLogin(identity(11, 'alice'), null);
      const bob = await ctx.store.recordGithubLogin(identity(12, 'bob'), null);
      await ctx.store.replaceMemberships(alice.id, [member(500, 'acme', 'admin')], NOW);
      await ctx.store.replaceMemberships(bob.id, [member(500, 'acme')], NOW);
      expect(await ctx.store.listMemberships(alice.id)).to.deep.equal([{ org: 'acme', role: 'admin' }]);
      expect(await ctx.store.listMemberships(bob.id)).to.deep.equal([{ org: 'acme', role: 'member' }]);
    });

    it('binds an organisation name to its GitHub id: a renamed org keeps its name, a newcomer with the old name is skipped', async () => {
      const alice = await ctx.store.recordGithubLogin(identity(11, 'alice'), null);
      await ctx.store.replaceMemberships(alice.id, [member(500, 'acme')], NOW);
      const after = await ctx.store.replaceMemberships(alice.id, [member(500, 'acme-renamed'), member(777, 'acme', 'admin')], NOW);
      expect(after).to.deep.equal([{ org: 'acme', role: 'member' }]);
      expect((await ctx.store.findOrgByLogin('acme'))?.github_id).to.equal(500);
      expect(await ctx.store.findOrgByLogin('acme-renamed')).to.equal(null);
    });

    it('counts an organisation listed twice once', async () => {
      const alice = await ctx.store.recordGithubLogin(identity(11, 'alice'), null);
      expect(await ctx.store.replaceMemberships(alice.id, [member(500, 'acme'), member(500, 'acme', 'admin')], NOW)).to.deep.equal([
        { org: 'acme', role: 'admin' },
      ]);
    });

    it('creates one organisation when two members refresh at once', async () => {
      const alice = await ctx.store.recordGithubLogin(identity(11, 'alice'), null);
      const bob = await ctx.store.recordGithubLogin(identity(12, 'bob'), null);
      await Promise.all([ctx.store.replaceMemberships(alice.id, [member(500, 'acme')], NOW), ctx.store.replaceMemberships(bob.id, [member(500, 'acme')], NOW)]);
      expect(await ctx.store.listMemberships(alice.id)).to.deep.equal([{ org: 'acme', role: 'member' }]);
      expect(await ctx.store.listMemberships(bob.id)).to.deep.equal([{ org: 'acme', role: 'member' }]);
    });

    it('stores nothing for an unknown user', async () => {
      expect(await ctx.store.replaceMemberships('missing', [member(500, 'acme')], NOW)).to.deep.equal([]);
      expect(await ctx.store.listMemberships('missing')).to.deep.equal([]);
      expect(await ctx.store.findOrgByLogin('acme')).to.equal(null);
    });

    it('lists users with a credential whose memberships are stale, least recently refreshed first', async () => {
      const never = await ctx.store.recordGithubLogin(identity(11, 'never'), 'sealed-never');
      const old = await ctx.store.recordGithubLogin(identity(12, 'old'), 'sealed-old');
      const fresh = await ctx.store.recordGithubLogin(identity(13, 'fresh'), 'sealed-fresh');
      await ctx.store.recordGithubLogin(identity(14, 'nocredential'), null);
      await ctx.store.replaceMemberships(old.id, [], NOW - 100);
      await ctx.store.replaceMemberships(fresh.id, [], NOW);
      expect(await ctx.store.staleMemberships(NOW - 10, 10)).to.deep.equal([
        { user_id: never.id, credential: 'sealed-never' },
        { user_id: old.id, credential: 'sealed-old' },
      ]);
      expect(await ctx.store.staleMemberships(NOW - 10, 1)).to.have.length(1);
      await ctx.store.recordGithubLogin(identity(12, 'old'), 'sealed-old-2');
      expect((await ctx.store.staleMemberships(NOW - 10, 10))[1]?.credential).to.equal('sealed-old-2');
      await ctx.store.recordGithubLogin(identity(12, 'old'), null);
      expect((await ctx.store.staleMemberships(NOW - 10, 10))[1]?.credential).to.equal('sealed-old-2');
      await ctx.store.forgetGithubCredential(never.id);
      expect((await ctx.store.staleMemberships(NOW - 10, 10)).map((s) => s.user_id)).to.deep.equal([old.id]);
    });
  });

  describe('sessions', () => {
    it('keeps a session until it expires', async () => {
      await ctx.store.setSession('s1', '{"a":1}', 5000);
      expect(await ctx.store.getSession('s1', 4999)).to.equal('{"a":1}');
      expect(await ctx.store.getSession('s1', 5000)).to.equal(null);
      expect(await ctx.store.getSession('missing', 0)).to.equal(null);
    });

    it('replaces a session’s data and expiry on set, moves the expiry on touch, and forgets it on destroy', async () => {
      await ctx.store.setSession('s1', 'one', 5000);
      await ctx.store.setSession('s1', 'two', 6000);
      expect(await ctx.store.getSession('s1', 5500)).to.equal('two');
      await ctx.store.touchSession('s1', 9000);
      expect(await ctx.store.getSession('s1', 8000)).to.equal('two');
      await ctx.store.destroySession('s1');
      expect(await ctx.store.getSession('s1', 0)).to.equal(null);
      await ctx.store.touchSession('s1', 9000);
      expect(await ctx.store.getSession('s1', 0)).to.equal(null);
      await ctx.store.destroySession('s1');
    });

    it('deletes the expired sessions and only those', async () => {
      await ctx.store.setSession('old', 'x', 1000);
      await ctx.store.setSession('edge', 'x', 2000);
      await ctx.store.setSession('live', 'x', 3000);
      expect(await ctx.store.deleteExpiredSessions(2000)).to.equal(2);
      expect(await ctx.store.getSession('live', 0)).to.equal('x');
      expect(await ctx.store.getSession('old', 0)).to.equal(null);
    });
  });

  describe('public tests', () => {
    it('lists the public tests of every owner by owner and name, and nothing private', async () => {
      for (const [owner, test] of [['u:bob', 'b'], ['o:acme', 'z'], ['o:acme', 'a'], ['u:alice', 'private']] as const) {
        await ctx.store.writeResults(owner, test, [result(1)], 'append', NOW);
      }
      for (const [owner, test] of [['u:bob', 'b'], ['o:acme', 'z'], ['o:acme', 'a']] as const) await ctx.store.updateTest(owner, test, { public: true });
      expect((await ctx.store.listPublicTests()).map((t) => [t.owner, t.name, t.result_count])).to.deep.equal([
        ['o:acme', 'a', 1],
        ['o:acme', 'z', 1],
        ['u:bob', 'b', 1],
      ]);
      await ctx.store.updateTest('o:acme', 'a', { public: false });
      expect((await ctx.store.listPublicTests()).map((t) => t.name)).to.deep.equal(['z', 'b']);
    });
  });
}
