import { expect } from 'chai';
import { startApiApp, owner, type ApiApp } from '../support/api-app.ts';
import { call } from '../support/api-client.ts';
import { T0, apiResult, seriesResults } from '../support/api-factories.ts';

describe('results routes /api/v0/result/{test} and /results', () => {
  let app: ApiApp;
  let token: string;

  before(async () => {
    app = await startApiApp();
    token = await app.tokenFor('alice');
  });
  after(async () => app.close());

  describe('POST /result/{test}', () => {
    it('stores the results and answers with the test’s change points', async () => {
      const res = await call(app.url, 'POST', '/api/v0/result/post-basic', { token, json: seriesResults([1, 2, 3]) });
      expect(res.status).to.equal(200);
      expect(res.body).to.deep.equal({ 'post-basic': [] });
      const meta = await app.store.getTest(owner('alice'), 'post-basic');
      expect(meta?.result_count).to.equal(3);
    });

    it('accepts test names with slashes', async () => {
      const res = await call(app.url, 'POST', '/api/v0/result/shop/api/v2.1_ingest-rate', { token, json: [apiResult(0)] });
      expect(res.status).to.equal(200);
      expect(Object.keys(res.body)).to.deep.equal(['shop/api/v2.1_ingest-rate']);
      const read = await call(app.url, 'GET', '/api/v0/result/shop/api/v2.1_ingest-rate', { token });
      expect(read.body).to.have.length(1);
    });

    it('refuses a result that already exists with 409 conflict and writes none of the batch', async () => {
      await call(app.url, 'POST', '/api/v0/result/dup', { token, json: [apiResult(0)] });
      const res = await call(app.url, 'POST', '/api/v0/result/dup', { token, json: [apiResult(1), apiResult(0)] });
      expect(res.status).to.equal(409);
      expect(res.contentType).to.match(/^application\/problem\+json/);
      expect(res.body.code).to.equal('conflict');
      const stored = await app.store.listResults(owner('alice'), 'dup');
      expect(stored.map((r) => r.timestamp)).to.deep.equal([T0]);
    });

    it('moves last_seen and counts results in GET /results', async () => {
      await call(app.url, 'POST', '/api/v0/result/listed/one', { token, json: seriesResults([5, 6]) });
      const res = await call(app.url, 'GET', '/api/v0/results', { token });
      expect(res.status).to.equal(200);
      const entry = res.body.find((t: { test_name: string }) => t.test_name === 'listed/one');
      expect(entry).to.include({ result_count: 2, public: false });
      expect(entry.last_seen).to.be.a('number').within(Math.floor(Date.now() / 1000) - 60, Math.floor(Date.now() / 1000) + 1);
    });
  });

  describe('PUT /result/{test}', () => {
    it('upserts by timestamp and git_commit, so repeating the request changes nothing', async () => {
      const body = [apiResult(0, { latency: 1 }), apiResult(1, { latency: 2 })];
      expect((await call(app.url, 'PUT', '/api/v0/result/upsert', { token, json: body })).status).to.equal(200);
      expect((await call(app.url, 'PUT', '/api/v0/result/upsert', { token, json: body })).status).to.equal(200);
      const replaced = [apiResult(1, { latency: 20 })];
      expect((await call(app.url, 'PUT', '/api/v0/result/upsert', { token, json: replaced })).status).to.equal(200);
      const read = await call(app.url, 'GET', '/api/v0/result/upsert', { token });
      expect(read.body.map((r: { metrics: { value: number }[] }) => r.metrics[0]?.value)).to.deep.equal([1, 20]);
    });
  });

  describe('GET /result/{test}', () => {
    before(async () => {
      await call(app.url, 'POST', '/api/v0/result/window', { token, json: seriesResults([0, 1, 2, 3, 4, 5]) });
    });

    it('returns the results in Nyrkiö’s shape, oldest first', async () => {
      const res = await call(app.url, 'GET', '/api/v0/result/window', { token });
      expect(res.status).to.equal(200);
      expect(res.body).to.have.length(6);
      expect(res.body[0]).to.deep.equal({
        timestamp: T0,
        metrics: [{ name: 'latency', unit: 'ms', value: 0, direction: 'lower_is_better' }],
        attributes: { git_repo: 'https://github.com/acme/shop', branch: 'main', git_commit: 'c0' },
        extra_info: { run: 0 },
      });
    });

    it('applies since, until and limit on the server', async () => {
      const res = await call(app.url, 'GET', `/api/v0/result/window?since=${T0 + 60}&until=${T0 + 240}&limit=2`, { token });
      expect(res.body.map((r: { timestamp: number }) => r.timestamp)).to.deep.equal([T0 + 180, T0 + 240]);
    });

    it('rejects a non-numeric window with validation_failed naming the parameter', async () => {
      const res = await call(app.url, 'GET', '/api/v0/result/window?limit=ten', { token });
      expect(res.status).to.equal(400);
      expect(res.body.code).to.equal('validation_failed');
      expect(res.body.errors[0].parameter).to.equal('limit');
    });

    it('answers 404 not_found for an unknown test', async () => {
      const res = await call(app.url, 'GET', '/api/v0/result/nope', { token });
      expect(res.status).to.equal(404);
      expect(res.body.code).to.equal('not_found');
    });
  });

  describe('DELETE /result/{test}', () => {
    it('deletes only the results at ?timestamp=', async () => {
      await call(app.url, 'POST', '/api/v0/result/del/one', { token, json: seriesResults([1, 2, 3]) });
      const res = await call(app.url, 'DELETE', `/api/v0/result/del/one?timestamp=${T0 + 60}`, { token });
      expect(res.status).to.equal(200);
      expect(res.body).to.deep.equal({ deleted: 1 });
      const read = await call(app.url, 'GET', '/api/v0/result/del/one', { token });
      expect(read.body.map((r: { timestamp: number }) => r.timestamp)).to.deep.equal([T0, T0 + 120]);
    });

    it('deletes every result without a timestamp', async () => {
      await call(app.url, 'POST', '/api/v0/result/del/all', { token, json: seriesResults([1, 2, 3]) });
      const res = await call(app.url, 'DELETE', '/api/v0/result/del/all', { token });
      expect(res.body).to.deep.equal({ deleted: 3 });
      expect((await app.store.getTest(owner('alice'), 'del/all'))?.result_count).to.equal(0);
    });

    it('answers 404 for an unknown test', async () => {
      const res = await call(app.url, 'DELETE', '/api/v0/result/never', { token });
      expect(res.status).to.equal(404);
      expect(res.body.code).to.equal('not_found');
    });
  });
});
