import { expect } from 'chai';
import { bindGithubLogin, bindMembership, byOrg, uniqueMemberships } from '../../src/store/account-rules.ts';
import type { Org } from '../../src/store/account-types.ts';
import { ConflictError } from '../../src/store/errors.ts';

const org = (id: string, githubId: number, login: string): Org => ({ id, github_id: githubId, login, created_at: 0 });

describe('account binding rules', () => {
  describe('bindGithubLogin', () => {
    it('updates the user bound to the GitHub id, whatever holds the login', () => {
      expect(bindGithubLogin(11, { id: 'u1' }, { id: 'u2', github_id: 99 })).to.deep.equal({ kind: 'update', id: 'u1' });
    });

    it('creates a user when neither the id nor the login is known', () => {
      expect(bindGithubLogin(11, null, null)).to.deep.equal({ kind: 'create' });
    });

    it('claims a login no GitHub account holds yet', () => {
      expect(bindGithubLogin(11, null, { id: 'u1', github_id: null })).to.deep.equal({ kind: 'claim', id: 'u1' });
    });

    it('updates a login found bound to the same id (a racing writer bound it between the two reads)', () => {
      expect(bindGithubLogin(11, null, { id: 'u1', github_id: 11 })).to.deep.equal({ kind: 'update', id: 'u1' });
    });

    it('refuses a login bound to another GitHub account', () => {
      expect(() => bindGithubLogin(11, null, { id: 'u1', github_id: 12 })).to.throw(ConflictError);
    });
  });

  describe('bindMembership', () => {
    it('uses the organisation known by GitHub id, even under a new name', () => {
      const acme = org('o1', 500, 'acme');
      expect(bindMembership(500, acme, null)).to.deep.equal({ kind: 'known', org: acme });
    });

    it('creates an unknown organisation whose name is free', () => {
      expect(bindMembership(500, null, null)).to.deep.equal({ kind: 'create' });
    });

    it('skips an organisation whose name belongs to another GitHub organisation', () => {
      expect(bindMembership(500, null, org('o1', 777, 'acme'))).to.deep.equal({ kind: 'skip' });
    });

    it('treats a name found bound to the same id as known', () => {
      const acme = org('o1', 500, 'acme');
      expect(bindMembership(500, null, acme)).to.deep.equal({ kind: 'known', org: acme });
    });
  });

  it('keeps each organisation once, the last listing winning, and orders by name', () => {
    const listed = Object.freeze([
      { github_id: 2, login: 'b', role: 'member' as const },
      { github_id: 1, login: 'a', role: 'member' as const },
      { github_id: 2, login: 'b', role: 'admin' as const },
    ]);
    expect(uniqueMemberships(listed)).to.deep.equal([listed[2], listed[1]]);
    expect(byOrg([{ org: 'b', role: 'admin' }, { org: 'a', role: 'member' }])).to.deep.equal([{ org: 'a', role: 'member' }, { org: 'b', role: 'admin' }]);
  });
});
