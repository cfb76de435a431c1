import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashToken } from '../../src/services/index.ts';
import { call } from '../support/api-client.ts';
import { apiResult } from '../support/api-factories.ts';
import { logIn, startLoginApp, type LoginApp, type Person } from '../support/login.ts';
import { membership } from '../support/stand-in-github.ts';

describe('API tokens (/api/v0/tokens)', () => {
  let env: LoginApp;
  let now: number;
  let carol: Person;
  let dave: Person;

  /** A write with the person's session and CSRF token. */
  const asPerson = (person: Person, method: string, path: string, json?: unknown) =>
    person.browser.request(method, `${env.app.url}${path}`, { ...(json === undefined ? {} : { json }), headers: { 'X-CSRF-Token': person.csrf } });

  beforeEach(async () => {
    now = 1_767_225_600;
    env = await startLoginApp({ clock: () => now });
    carol = await logIn(env, 13, 'carol', [membership('acme', 500, 'admin')]);
    dave = await logIn(env, 14, 'dave', [membership('acme', 500, 'member')]);
  });
  afterEach(async () => env.close());

  it('shows the secret once, stores only its hash, and lists the token without it', async () => {
    const created = await asPerson(carol, 'POST', '/api/v0/tokens', { name: 'ci' });
    expect(created.status).to.equal(201);
    expect(created.body).to.deep.include({ name: 'ci', org: null, created_at: now, expires_at: null, last_used: null });
    const secret: string = created.body.token;
    expect(secret).to.match(/^vahti_[A-Za-z0-9_-]{43}$/);
    expect(await env.app.store.findTokenByHash(hashToken(secret))).to.include({ id: created.body.id, owner: 'u:carol' });
    const listed = await carol.browser.request('GET', `${env.app.url}/api/v0/tokens`);
    expect(listed.body).to.deep.equal([{ id: created.body.id, name: 'ci', org: null, created_at: now, expires_at: null, last_used: null }]);
    for (const file of readdirSync(env.app.dataDir)) expect(readFileSync(join(env.app.dataDir, file)).toString('latin1')).not.to.include(secret);
  });

  it('acts as its user, records when it was last used, and gets 401 once revoked', async () => {
    const { body } = await asPerson(carol, 'POST', '/api/v0/tokens', { name: 'ci' });
    now += 120;
    expect((await call(env.app.url, 'POST', '/api/v0/result/bench', { token: body.token, json: [apiResult(1)] })).status).to.equal(200);
    expect(await env.app.store.getTest('u:carol', 'bench')).to.include({ result_count: 1 });
    expect((await carol.browser.request('GET', `${env.app.url}/api/v0/tokens`)).body[0].last_used).to.equal(now);

    expect((await asPerson(carol, 'DELETE', `/api/v0/tokens/${body.id}`)).status).to.equal(204);
    const refused = await call(env.app.url, 'GET', '/api/v0/results', { token: body.token });
    expect(refused.status).to.equal(401);
    expect(refused.body.code).to.equal('unauthorized');
    expect((await carol.browser.request('GET', `${env.app.url}/api/v0/tokens`)).body).to.deep.equal([]);
  });

  it('works until its expiry and gets 401 from then on; refuses an expiry not in the future', async () => {
    const { body } = await asPerson(carol, 'POST', '/api/v0/tokens', { name: 'short', expires_at: now + 3600 });
    expect(body.expires_at).to.equal(now + 3600);
    now += 3599;
    expect((await call(env.app.url, 'GET', '/api/v0/results', { token: body.token })).status).to.equal(200);
    now += 1;
    expect((await call(env.app.url, 'GET', '/api/v0/results', { token: body.token })).status).to.equal(401);

    for (const expires_at of [now, now - 1]) {
      const res = await asPerson(carol, 'POST', '/api/v0/tokens', { name: 'late', expires_at });
      expect(res.status).to.equal(400);
      expect(res.body.code).to.equal('validation_failed');
    }
  });

  it('validates the body: a name of 1–100 characters, no unknown keys', async () => {
    for (const json of [{}, { name: '' }, { name: 'x'.repeat(101) }, { name: 'ok', scope: 'admin' }, { name: 'ok', org: 'not a name' }]) {
      const res = await asPerson(carol, 'POST', '/api/v0/tokens', json);
      expect(res.status, JSON.stringify(json)).to.equal(400);
    }
  });

  describe('organisation tokens', () => {
    it('are made by admins only: 403 for a member, 404 outside the organisation', async () => {
      expect((await asPerson(dave, 'POST', '/api/v0/tokens', { name: 'ci', org: 'acme' })).status).to.equal(403);
      expect((await asPerson(carol, 'POST', '/api/v0/tokens', { name: 'ci', org: 'globex' })).status).to.equal(404);
      const created = await asPerson(carol, 'POST', '/api/v0/tokens', { name: 'ci', org: 'acme' });
      expect(created.status).to.equal(201);
      expect(created.body.org).to.equal('acme');
    });

    it('act for the organisation as a member: read and write results, not configure, not elsewhere', async () => {
      const { body } = await asPerson(carol, 'POST', '/api/v0/tokens', { name: 'ci', org: 'acme' });
      const token: string = body.token;
      expect((await call(env.app.url, 'POST', '/api/v0/orgs/acme/result/bench', { token, json: [apiResult(1)] })).status).to.equal(200);
      expect((await call(env.app.url, 'POST', '/api/v0/result/bench', { token, json: [apiResult(2)] })).status).to.equal(200);
      expect(await env.app.store.getTest('o:acme', 'bench')).to.include({ result_count: 2 });
      expect((await call(env.app.url, 'PUT', '/api/v0/orgs/acme/config/bench', { token, json: { public: true } })).status).to.equal(403);
      expect((await call(env.app.url, 'GET', '/api/v0/orgs/globex/results', { token })).status).to.equal(404);
      expect((await call(env.app.url, 'GET', '/api/v0/tokens', { token })).status).to.equal(403);
      expect((await call(env.app.url, 'GET', '/api/v0/user', { token })).status).to.equal(403);
    });

    it('are listed and revoked by the organisation’s admins, not by its members', async () => {
      const { body } = await asPerson(carol, 'POST', '/api/v0/tokens', { name: 'ci', org: 'acme' });
      expect((await dave.browser.request('GET', `${env.app.url}/api/v0/tokens`)).body).to.deep.equal([]);
      expect((await asPerson(dave, 'DELETE', `/api/v0/tokens/${body.id}`)).status).to.equal(404);
      const erin = await logIn(env, 15, 'erin', [membership('acme', 500, 'admin')]);
      expect((await erin.browser.request('GET', `${env.app.url}/api/v0/tokens`)).body.map((t: { id: string }) => t.id)).to.deep.equal([body.id]);
      expect((await asPerson(erin, 'DELETE', `/api/v0/tokens/${body.id}`)).status).to.equal(204);
      expect((await call(env.app.url, 'GET', '/api/v0/orgs/acme/results', { token: body.token })).status).to.equal(401);
    });

    it('stop working when their creator leaves the organisation, and keep working when the creator is only demoted', async () => {
      const { body } = await asPerson(carol, 'POST', '/api/v0/tokens', { name: 'ci', org: 'acme' });
      env.github.setMemberships('carol', [membership('acme', 500, 'member')]);
      await env.app.services.accounts.refreshMemberships(0);
      expect((await call(env.app.url, 'GET', '/api/v0/orgs/acme/results', { token: body.token })).status).to.equal(200);
      env.github.setMemberships('carol', []);
      await env.app.services.accounts.refreshMemberships(0);
      expect((await call(env.app.url, 'GET', '/api/v0/orgs/acme/results', { token: body.token })).status).to.equal(401);
    });
  });

  it('answers 404 for a token the caller does not manage, and 401 without a caller', async () => {
    const { body } = await asPerson(carol, 'POST', '/api/v0/tokens', { name: 'ci' });
    expect((await asPerson(dave, 'DELETE', `/api/v0/tokens/${body.id}`)).status).to.equal(404);
    expect((await asPerson(dave, 'DELETE', '/api/v0/tokens/no-such-token')).status).to.equal(404);
    expect((await call(env.app.url, 'GET', '/api/v0/tokens')).status).to.equal(401);
    expect((await call(env.app.url, 'GET', '/api/v0/results', { token: body.token })).status).to.equal(200);
  });
});
