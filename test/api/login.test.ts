import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startApiApp } from '../support/api-app.ts';
import { call } from '../support/api-client.ts';
import { apiResult } from '../support/api-factories.ts';
import { Browser } from '../support/browser.ts';
import { callbackUrl, logIn, loginFlow, startLoginApp, type LoginApp } from '../support/login.ts';
import { githubUser, membership } from '../support/stand-in-github.ts';

const SID = 'vahti.sid';

describe('GitHub login (the real passport flow against the stand-in GitHub)', () => {
  let env: LoginApp;
  beforeEach(async () => {
    env = await startLoginApp();
  });
  afterEach(async () => env.close());

  it('sends the browser to GitHub’s authorize page with the client id, both scopes, the callback and a state', async () => {
    const res = await new Browser().request('GET', `${env.app.url}/auth/github`, { follow: false });
    expect(res.status).to.equal(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).to.equal(`${env.github.url}/login/oauth/authorize`);
    expect(location.searchParams.get('client_id')).to.equal(env.github.clientId);
    expect(location.searchParams.get('scope')).to.equal('read:org,user:email');
    expect(location.searchParams.get('redirect_uri')).to.equal(`${env.app.url}/auth/github/callback`);
    expect(location.searchParams.get('state')).to.match(/^[A-Za-z0-9_-]{16,}$/);
  });

  it('logs in: records the user, the primary verified email and every active membership (across pages), and returns where asked', async () => {
    env.github.addUser(githubUser(11, 'alice'));
    env.github.setMemberships('alice', [
      membership('acme', 500, 'admin'),
      membership('zeta', 501),
      membership('beta', 502),
      membership('pending-org', 503, 'member', 'pending'),
      membership('billing', 504, 'billing_manager'),
    ]);
    const browser = new Browser();
    const res = await loginFlow(env, browser, 'alice', '/api/v0/user');
    expect(res.url).to.equal(`${env.app.url}/api/v0/user`);
    expect(res.status).to.equal(200);
    expect(res.body).to.deep.include({ login: 'alice', name: 'alice (stand-in)', email: 'alice@example.com', avatar_url: 'https://avatars.example/u/11' });
    expect(res.body.orgs).to.deep.equal([
      { login: 'acme', role: 'admin' },
      { login: 'beta', role: 'member' },
      { login: 'zeta', role: 'member' },
    ]);
    expect(res.body.csrf_token).to.match(/^[A-Za-z0-9_-]{40,}$/);
    expect(env.github.requests.filter((r) => r.path === '/user/memberships/orgs')).to.have.length(2);
    const user = await env.app.store.findUserByLogin('alice');
    expect(user).to.deep.include({ github_id: 11, email: 'alice@example.com' });
  });

  it('sets the session cookie httpOnly and SameSite=Lax, not Secure over plain http', async () => {
    env.github.addUser(githubUser(11, 'alice'));
    const browser = new Browser();
    env.github.signIn('alice');
    const start = await browser.request('GET', `${env.app.url}/auth/github`, { follow: false });
    const setCookie = start.headers.get('set-cookie') ?? '';
    expect(setCookie).to.match(new RegExp(`^${SID}=`));
    expect(setCookie).to.match(/HttpOnly/i).and.match(/SameSite=Lax/i).and.not.match(/Secure/i);
  });

  it('keeps the GitHub token only sealed in the database', async () => {
    await logIn(env, 11, 'alice');
    const [accessToken] = env.github.tokensOf('alice');
    expect(accessToken).to.match(/^gho_/);
    const files = readdirSync(env.app.dataDir).map((f) => readFileSync(join(env.app.dataDir, f)).toString('latin1'));
    for (const content of files) expect(content).not.to.include(accessToken);
  });

  it('returns only to same-origin paths; anything else lands on /', async () => {
    env.github.addUser(githubUser(11, 'alice'));
    for (const [asked = '', landed] of [
      ['/tests/bench?x=1', '/tests/bench?x=1'],
      ['//evil.example/steal', '/'],
      ['https://evil.example/', '/'],
      ['/\\evil.example', '/'],
    ]) {
      const browser = new Browser();
      const callback = await browser.request('GET', await callbackUrl(env, browser, 'alice', asked), { follow: false });
      expect(callback.status, asked).to.equal(302);
      expect(callback.headers.get('location'), asked).to.equal(landed);
    }
  });

  it('gives a new session id at login (no session fixation): the id from before the login is not logged in', async () => {
    env.github.addUser(githubUser(11, 'alice'));
    const browser = new Browser();
    env.github.signIn('alice');
    const start = await browser.request('GET', `${env.app.url}/auth/github`, { follow: false });
    const before = browser.cookie(env.app.url, SID);
    expect(before).to.be.a('string');
    await browser.request('GET', start.headers.get('location') ?? '');
    const after = browser.cookie(env.app.url, SID);
    expect(after).to.be.a('string').and.not.equal(before);

    const attacker = new Browser();
    attacker.setCookie(env.app.url, SID, before ?? '');
    const res = await attacker.request('GET', `${env.app.url}/api/v0/user`);
    expect(res.status).to.equal(401);
    expect((await browser.request('GET', `${env.app.url}/api/v0/user`)).body.login).to.equal('alice');
  });

  it('fails the login when the user denies access on GitHub', async () => {
    env.github.addUser(githubUser(11, 'alice'));
    env.github.denyNext();
    const browser = new Browser();
    const res = await loginFlow(env, browser, 'alice', '/api/v0/user');
    expect(res.status).to.equal(401);
    expect(res.body.code).to.equal('login_failed');
    expect((await browser.request('GET', `${env.app.url}/api/v0/user`)).status).to.equal(401);
  });

  it('refuses a replayed callback and a callback whose state this browser did not start', async () => {
    env.github.addUser(githubUser(11, 'alice'));
    const browser = new Browser();
    const callback = await callbackUrl(env, browser, 'alice');
    expect((await browser.request('GET', callback, { follow: false })).status).to.equal(302);
    const replay = await browser.request('GET', callback, { follow: false });
    expect(replay.status).to.equal(401);
    expect(replay.body.code).to.equal('login_failed');

    const stranger = new Browser();
    await stranger.request('GET', `${env.app.url}/auth/github`, { follow: false });
    const forged = await stranger.request('GET', callback, { follow: false });
    expect(forged.status).to.equal(401);
    expect(forged.body.code).to.equal('login_failed');
    expect((await stranger.request('GET', `${env.app.url}/api/v0/user`)).status).to.equal(401);
  });

  it('refuses a login whose name is bound to another GitHub account (409), logging nobody in', async () => {
    await logIn(env, 11, 'alice');
    env.github.addUser(githubUser(99, 'alice'));
    const browser = new Browser();
    const res = await loginFlow(env, browser, 'alice', '/api/v0/user');
    expect(res.status).to.equal(409);
    expect(res.body.code).to.equal('conflict');
    expect((await browser.request('GET', `${env.app.url}/api/v0/user`)).status).to.equal(401);
  });

  it('answers 502 github_unavailable when GitHub fails while logging in', async () => {
    env.github.addUser(githubUser(11, 'alice'));
    const browser = new Browser();
    const callback = await callbackUrl(env, browser, 'alice');
    await env.github.close();
    const res = await browser.request('GET', callback, { follow: false });
    expect(res.status).to.equal(502);
    expect(res.body.code).to.equal('github_unavailable');
  });

  describe('CSRF on cookie-authenticated writes', () => {
    it('refuses a write without the token or with a wrong one, writing nothing; accepts the session’s token', async () => {
      const alice = await logIn(env, 11, 'alice');
      const url = `${env.app.url}/api/v0/result/bench`;
      const missing = await alice.browser.request('POST', url, { json: [apiResult(1)] });
      expect(missing.status).to.equal(403);
      expect(missing.body.code).to.equal('csrf_failed');
      const wrong = await alice.browser.request('POST', url, { json: [apiResult(1)], headers: { 'X-CSRF-Token': `${alice.csrf.slice(1)}x` } });
      expect(wrong.status).to.equal(403);
      expect(await env.app.store.getTest('u:alice', 'bench')).to.equal(null);
      const right = await alice.browser.request('POST', url, { json: [apiResult(1)], headers: { 'X-CSRF-Token': alice.csrf } });
      expect(right.status).to.equal(200);
      expect((await env.app.store.getTest('u:alice', 'bench'))?.result_count).to.equal(1);
    });

    it('checks every kind of write (PUT, DELETE, POST) and no read', async () => {
      const alice = await logIn(env, 11, 'alice');
      await alice.browser.request('POST', `${env.app.url}/api/v0/result/bench`, { json: [apiResult(1)], headers: { 'X-CSRF-Token': alice.csrf } });
      for (const [method, path, json] of [
        ['PUT', '/api/v0/result/bench', [apiResult(2)]],
        ['DELETE', '/api/v0/result/bench', undefined],
        ['PUT', '/api/v0/config/bench', { public: true }],
        ['POST', '/api/v0/tokens', { name: 'x' }],
      ] as const) {
        const res = await alice.browser.request(method, `${env.app.url}${path}`, { json });
        expect(res.status, `${method} ${path}`).to.equal(403);
        expect(res.body.code).to.equal('csrf_failed');
      }
      expect((await alice.browser.request('GET', `${env.app.url}/api/v0/result/bench`)).status).to.equal(200);
      expect(await env.app.store.getTest('u:alice', 'bench')).to.include({ result_count: 1, public: false });
    });

    it('exempts bearer-token requests, even from a browser holding a session', async () => {
      const alice = await logIn(env, 11, 'alice');
      const token = await env.app.tokenFor('alice');
      const res = await alice.browser.request('POST', `${env.app.url}/api/v0/result/bench`, { json: [apiResult(1)], headers: { Authorization: `Bearer ${token}` } });
      expect(res.status).to.equal(200);
    });
  });

  describe('POST /auth/logout', () => {
    it('needs the CSRF token, then ends the session: 204, cookie cleared, the old cookie no longer works', async () => {
      const alice = await logIn(env, 11, 'alice');
      const sid = alice.browser.cookie(env.app.url, SID) ?? '';
      const refused = await alice.browser.request('POST', `${env.app.url}/auth/logout`);
      expect(refused.status).to.equal(403);
      expect(refused.body.code).to.equal('csrf_failed');
      expect((await alice.browser.request('GET', `${env.app.url}/api/v0/user`)).status).to.equal(200);

      const res = await alice.browser.request('POST', `${env.app.url}/auth/logout`, { headers: { 'X-CSRF-Token': alice.csrf } });
      expect(res.status).to.equal(204);
      expect(alice.browser.cookie(env.app.url, SID)).to.equal(undefined);
      expect((await alice.browser.request('GET', `${env.app.url}/api/v0/user`)).status).to.equal(401);
      const replay = new Browser();
      replay.setCookie(env.app.url, SID, sid);
      expect((await replay.request('GET', `${env.app.url}/api/v0/user`)).status).to.equal(401);
    });

    it('answers 204 without a session', async () => {
      expect((await new Browser().request('POST', `${env.app.url}/auth/logout`)).status).to.equal(204);
    });
  });

  it('keeps sessions in the database: a restarted server still knows the login', async () => {
    const alice = await logIn(env, 11, 'alice');
    const sid = alice.browser.cookie(env.app.url, SID) ?? '';
    const login = { githubUrl: env.github.url, clientId: env.github.clientId, clientSecret: env.github.clientSecret };
    const restarted = await startApiApp({ dataDir: env.app.dataDir, login });
    try {
      await env.app.close({ keepData: true });
      const browser = new Browser();
      browser.setCookie(restarted.url, SID, sid);
      const res = await browser.request('GET', `${restarted.url}/api/v0/user`);
      expect(res.status).to.equal(200);
      expect(res.body.login).to.equal('alice');
    } finally {
      await restarted.close();
    }
  });

  it('ends sessions when they expire, and the sweep deletes them', async () => {
    let now = Math.floor(Date.now() / 1000);
    await env.close();
    env = await startLoginApp({ clock: () => now, sessionTtlSeconds: 60 });
    const alice = await logIn(env, 11, 'alice');
    expect((await alice.browser.request('GET', `${env.app.url}/api/v0/user`)).status).to.equal(200);
    now += 3600;
    expect((await alice.browser.request('GET', `${env.app.url}/api/v0/user`)).status).to.equal(401);
    expect(await env.app.services.sessions.sweep()).to.be.at.least(1);
  });
});

describe('membership refresh', () => {
  let env: LoginApp;
  beforeEach(async () => {
    env = await startLoginApp();
  });
  afterEach(async () => env.close());

  it('takes organisation access away from a member removed on GitHub, at the next refresh', async () => {
    const bob = await logIn(env, 12, 'bob', [membership('acme', 500)]);
    const orgUrl = `${env.app.url}/api/v0/orgs/acme/results`;
    expect((await bob.browser.request('GET', orgUrl)).status).to.equal(200);
    env.github.setMemberships('bob', []);
    expect(await env.app.services.accounts.refreshMemberships(0)).to.deep.equal({ refreshed: 1, revoked: 0, failed: 0 });
    const res = await bob.browser.request('GET', orgUrl);
    expect(res.status).to.equal(404);
    expect((await bob.browser.request('GET', `${env.app.url}/api/v0/user`)).body.orgs).to.deep.equal([]);
  });

  it('refreshes at each login too, and picks up a new role', async () => {
    const bob = await logIn(env, 12, 'bob', [membership('acme', 500)]);
    env.github.setMemberships('bob', [membership('acme', 500, 'admin')]);
    await loginFlow(env, bob.browser, 'bob', '/api/v0/user');
    expect((await bob.browser.request('GET', `${env.app.url}/api/v0/user`)).body.orgs).to.deep.equal([{ login: 'acme', role: 'admin' }]);
  });

  it('removes every membership of a user whose GitHub grant was revoked, and stops asking with that token', async () => {
    const bob = await logIn(env, 12, 'bob', [membership('acme', 500)]);
    env.github.revokeTokensOf('bob');
    expect(await env.app.services.accounts.refreshMemberships(0)).to.deep.equal({ refreshed: 0, revoked: 1, failed: 0 });
    expect((await bob.browser.request('GET', `${env.app.url}/api/v0/orgs/acme/results`)).status).to.equal(404);
    expect(await env.app.services.accounts.refreshMemberships(0)).to.deep.equal({ refreshed: 0, revoked: 0, failed: 0 });
  });

  it('leaves memberships alone while GitHub cannot be reached, and counts the failure', async () => {
    const bob = await logIn(env, 12, 'bob', [membership('acme', 500)]);
    await env.github.close();
    expect(await env.app.services.accounts.refreshMemberships(0)).to.deep.equal({ refreshed: 0, revoked: 0, failed: 1 });
    expect((await bob.browser.request('GET', `${env.app.url}/api/v0/orgs/acme/results`)).status).to.equal(200);
  });

  it('does not refresh memberships younger than the interval', async () => {
    await logIn(env, 12, 'bob', [membership('acme', 500)]);
    expect(await env.app.services.accounts.refreshMemberships(3600)).to.deep.equal({ refreshed: 0, revoked: 0, failed: 0 });
  });
});

describe('rate limiting of the login routes', () => {
  let env: LoginApp;
  before(async () => {
    env = await startLoginApp({ rateLimit: 3 });
  });
  after(async () => env.close());

  it('answers 429 too_many_requests past the limit, with the RateLimit headers, and leaves the API alone', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await new Browser().request('GET', `${env.app.url}/auth/github`, { follow: false })).status);
    expect(statuses).to.deep.equal([302, 302, 302, 429]);
    const limited = await new Browser().request('POST', `${env.app.url}/auth/logout`);
    expect(limited.status).to.equal(429);
    expect(limited.body.code).to.equal('too_many_requests');
    expect(limited.contentType).to.match(/^application\/problem\+json/);
    expect(limited.headers.get('ratelimit')).to.match(/r=0/);
    const token = await env.app.tokenFor('alice');
    for (let i = 0; i < 5; i += 1) expect((await call(env.app.url, 'GET', '/api/v0/results', { token })).status).to.equal(200);
  });
});

describe('without GitHub settings (tokens only)', () => {
  it('answers the login routes 404, sets no cookie, and still takes tokens', async () => {
    const app = await startApiApp();
    try {
      const res = await new Browser().request('GET', `${app.url}/auth/github`, { follow: false });
      expect(res.status).to.equal(404);
      expect(res.body.detail).to.match(/not configured/);
      expect(res.headers.get('set-cookie')).to.equal(null);
      const token = await app.tokenFor('alice');
      const user = await call(app.url, 'GET', '/api/v0/user', { token });
      expect(user.status).to.equal(200);
      expect(user.body).to.deep.equal({ login: 'alice', orgs: [], csrf_token: '' });
      expect((await call(app.url, 'GET', '/api/v0/user')).status).to.equal(401);
    } finally {
      await app.close();
    }
  });
});
