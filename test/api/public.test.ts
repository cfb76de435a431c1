import { expect } from 'chai';
import { call } from '../support/api-client.ts';
import { seriesResults, stepSeries } from '../support/api-factories.ts';
import { logIn, startLoginApp, type LoginApp } from '../support/login.ts';
import { membership } from '../support/stand-in-github.ts';

describe('public tests (/api/v0/public/…)', () => {
  let env: LoginApp;
  let alice: string;

  const publish = async (owner: string, test: string, isPublic: boolean) => env.app.store.updateTest(owner, test, { public: isPublic });

  beforeEach(async () => {
    env = await startLoginApp();
    alice = await env.app.tokenFor('alice');
    await call(env.app.url, 'POST', '/api/v0/result/bench/parse', { token: alice, json: seriesResults(stepSeries(20, 20, 0.5)) });
    await call(env.app.url, 'POST', '/api/v0/result/bench/secret', { token: alice, json: seriesResults([1, 2, 3]) });
    await publish('u:alice', 'bench/parse', true);
  });
  afterEach(async () => env.close());

  it('lists every public test by owner name without logging in, and no private one', async () => {
    const carol = await logIn(env, 13, 'carol', [membership('acme', 500, 'admin')]);
    await carol.browser.request('POST', `${env.app.url}/api/v0/orgs/acme/result/api/latency`, { json: seriesResults([5, 6]), headers: { 'X-CSRF-Token': carol.csrf } });
    await carol.browser.request('PUT', `${env.app.url}/api/v0/orgs/acme/config/api/latency`, { json: { public: true }, headers: { 'X-CSRF-Token': carol.csrf } });
    const res = await call(env.app.url, 'GET', '/api/v0/public/results');
    expect(res.status).to.equal(200);
    const parse = await env.app.store.getTest('u:alice', 'bench/parse');
    const latency = await env.app.store.getTest('o:acme', 'api/latency');
    expect(res.body).to.deep.equal([
      { owner: 'acme', test_name: 'api/latency', last_seen: latency?.last_seen, result_count: 2 },
      { owner: 'alice', test_name: 'bench/parse', last_seen: parse?.last_seen, result_count: 40 },
    ]);
  });

  it('serves a public test’s results and change points to anyone, as the owner sees them', async () => {
    const results = await call(env.app.url, 'GET', '/api/v0/public/result/alice/bench/parse?limit=5');
    expect(results.status).to.equal(200);
    expect(results.body).to.deep.equal((await call(env.app.url, 'GET', '/api/v0/result/bench/parse?limit=5', { token: alice })).body);
    const changes = await call(env.app.url, 'GET', '/api/v0/public/result/alice/bench/parse/changes');
    expect(changes.status).to.equal(200);
    expect(changes.body['bench/parse']).to.have.length(1);
    expect(changes.body['bench/parse'][0].changes[0]).not.to.have.property('notified');
  });

  it('answers 404 for a private test, the same as for a missing one, to everyone including its owner', async () => {
    const missing = await call(env.app.url, 'GET', '/api/v0/public/result/alice/bench/nothing');
    for (const path of ['/api/v0/public/result/alice/bench/secret', '/api/v0/public/result/alice/bench/secret/changes']) {
      for (const token of [undefined, alice]) {
        const res = await call(env.app.url, 'GET', path, token ? { token } : {});
        expect(res.status, path).to.equal(404);
        expect(res.body.code).to.equal(missing.body.code);
      }
    }
    await publish('u:alice', 'bench/parse', false);
    expect((await call(env.app.url, 'GET', '/api/v0/public/result/alice/bench/parse')).status).to.equal(404);
    expect((await call(env.app.url, 'GET', '/api/v0/public/results')).body).to.deep.equal([]);
  });

  it('never serves one owner’s public test under another owner’s name', async () => {
    expect((await call(env.app.url, 'GET', '/api/v0/public/result/bob/bench/parse')).status).to.equal(404);
    expect((await call(env.app.url, 'GET', '/api/v0/public/result/not..a..name/bench/parse')).status).to.equal(404);
  });

  it('gives a name to the organisation when a user of that name exists too (users and organisations share one namespace)', async () => {
    const squatter = await env.app.tokenFor('acme');
    await call(env.app.url, 'POST', '/api/v0/result/bench/parse', { token: squatter, json: seriesResults([9]) });
    await publish('u:acme', 'bench/parse', true);
    expect((await call(env.app.url, 'GET', '/api/v0/public/result/acme/bench/parse')).status).to.equal(200);

    await logIn(env, 13, 'carol', [membership('acme', 500, 'admin')]);
    expect((await call(env.app.url, 'GET', '/api/v0/public/result/acme/bench/parse')).status).to.equal(404);
    const listed = (await call(env.app.url, 'GET', '/api/v0/public/results')).body.map((t: { owner: string }) => t.owner);
    expect(listed).to.deep.equal(['alice']);
  });
});
