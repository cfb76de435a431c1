import { expect } from 'chai';
import { GithubApi, GithubRefusedError, GithubUnavailableError, nextPage, parseMemberships } from '../../src/services/github-api.ts';
import { rejection } from '../store/contract/fixtures.ts';
import { githubUser, membership, startStandInGithub, type StandInGithub } from '../support/stand-in-github.ts';
import { Browser } from '../support/browser.ts';

describe('GithubApi', () => {
  describe('parseMemberships', () => {
    it('keeps active admin and member roles, with the organisation’s id and login', () => {
      const page = Object.freeze([
        { state: 'active', role: 'admin', organization: { login: 'acme', id: 5 } },
        { state: 'active', role: 'member', organization: { login: 'zeta', id: 6 } },
        { state: 'pending', role: 'member', organization: { login: 'invited', id: 7 } },
        { state: 'active', role: 'billing_manager', organization: { login: 'billing', id: 8 } },
        { state: 'active', role: 'member', organization: { login: 'no-id' } },
      ]);
      expect(parseMemberships(page)).to.deep.equal([
        { github_id: 5, login: 'acme', role: 'admin' },
        { github_id: 6, login: 'zeta', role: 'member' },
      ]);
    });

    it('refuses an answer that is not a list', () => {
      expect(() => parseMemberships({ message: 'oops' })).to.throw(GithubUnavailableError);
    });
  });

  describe('nextPage', () => {
    it('finds rel="next" among the links, and nothing without one', () => {
      expect(nextPage('<https://api.github.com/x?page=1>; rel="prev", <https://api.github.com/x?page=3>; rel="next"')).to.equal('https://api.github.com/x?page=3');
      expect(nextPage('<https://api.github.com/x?page=1>; rel="first"')).to.equal(null);
      expect(nextPage(null)).to.equal(null);
    });
  });

  describe('memberships() against the stand-in GitHub', () => {
    let github: StandInGithub;
    let token: string;

    beforeEach(async () => {
      github = await startStandInGithub();
      github.addUser(githubUser(1, 'alice'));
      github.setMemberships('alice', [membership('a', 1), membership('b', 2, 'admin'), membership('c', 3), membership('d', 4, 'member', 'pending'), membership('e', 5)]);
      github.signIn('alice');
      const authorize = await new Browser().request('GET', `${github.url}/login/oauth/authorize?client_id=${github.clientId}&redirect_uri=http://127.0.0.1:1/cb&state=s`, { follow: false });
      const code = new URL(authorize.headers.get('location') ?? '').searchParams.get('code') ?? '';
      const res = await fetch(`${github.url}/login/oauth/access_token`, {
        method: 'POST',
        body: new URLSearchParams({ client_id: github.clientId, client_secret: github.clientSecret, code, redirect_uri: 'http://127.0.0.1:1/cb' }),
      });
      token = ((await res.json()) as { access_token: string }).access_token;
    });
    afterEach(async () => github.close());

    it('reads every page of active memberships with the token as a bearer', async () => {
      const api = new GithubApi({ apiUrl: `${github.url}/` });
      expect((await api.memberships(token)).map((m) => m.login)).to.deep.equal(['a', 'b', 'c', 'e']);
      const asked = github.requests.filter((r) => r.path === '/user/memberships/orgs');
      expect(asked).to.have.length(2);
      expect(asked[0]?.authorization).to.equal(`Bearer ${token}`);
      expect(asked[0]?.query.get('state')).to.equal('active');
    });

    it('throws GithubRefusedError for a revoked token, GithubUnavailableError when GitHub is down', async () => {
      github.revokeTokensOf('alice');
      expect(await rejection(new GithubApi({ apiUrl: github.url }).memberships(token))).to.be.instanceOf(GithubRefusedError);
      await github.close();
      expect(await rejection(new GithubApi({ apiUrl: github.url, timeoutMs: 500 }).memberships(token))).to.be.instanceOf(GithubUnavailableError);
    });

    it('does not follow a next page on another host', async () => {
      const api = new GithubApi({ apiUrl: github.url.replace('127.0.0.1', 'localhost') });
      expect(await rejection(api.memberships(token))).to.be.instanceOf(GithubUnavailableError).with.property('message').that.matches(/another host/);
    });
  });
});
