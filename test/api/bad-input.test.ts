import { createHash } from 'node:crypto';
import { expect } from 'chai';
import { startApiApp, owner, type ApiApp } from '../support/api-app.ts';
import { call, rawPathCall, type ApiResponse } from '../support/api-client.ts';
import { apiResult, seriesResults } from '../support/api-factories.ts';

/** Everything alice has stored, to prove a failed request wrote nothing. */
async function snapshot(app: ApiApp): Promise<string> {
  const tests = await app.store.listTests(owner('alice'));
  const results = await Promise.all(tests.map((t) => app.store.listResults(owner('alice'), t.name)));
  const digest = createHash('sha256').update(JSON.stringify(results)).digest('hex');
  return JSON.stringify({ tests: tests.map(({ name, result_count, version }) => ({ name, result_count, version })), digest });
}

function expectProblem(res: ApiResponse, status: number, code: string): void {
  expect(res.status, JSON.stringify(res.body)).to.equal(status);
  expect(res.contentType).to.match(/^application\/problem\+json/);
  expect(res.body).to.include({ status, code, type: `urn:vahti:problem:${code}` });
  expect(res.body.title).to.be.a('string').and.not.empty;
  expect(res.body.detail).to.be.a('string').and.not.empty;
  expect(res.body.request_id).to.equal(res.headers.get('x-request-id'));
}

describe('bad input to POST /api/v0/result/{test}: a problem, and nothing written', () => {
  let app: ApiApp;
  let token: string;
  let baseline: string;

  const post = (body: { json?: unknown; raw?: string; contentType?: string }, test = 'existing') =>
    call(app.url, 'POST', `/api/v0/result/${test}`, { token, ...body });

  const withValue = (value: unknown) => [{ ...apiResult(9), metrics: [{ name: 'latency', unit: 'ms', value }] }];

  before(async () => {
    app = await startApiApp();
    token = await app.tokenFor('alice');
    await post({ json: seriesResults([1, 2, 3]) });
  });
  beforeEach(async () => {
    baseline = await snapshot(app);
  });
  afterEach(async () => {
    expect(await snapshot(app)).to.equal(baseline);
  });
  after(async () => app.close());

  it('rejects malformed JSON with malformed_json', async () => {
    expectProblem(await post({ raw: '[{"timestamp": 1,' }), 400, 'malformed_json');
  });

  it('rejects NaN (not JSON) with malformed_json', async () => {
    const raw = JSON.stringify(withValue(0)).replace('"value":0', '"value":NaN');
    expectProblem(await post({ raw }), 400, 'malformed_json');
  });

  it('rejects Infinity (1e999) with validation_failed pointing at the value', async () => {
    const raw = JSON.stringify(withValue(0)).replace('"value":0', '"value":1e999');
    const res = await post({ raw });
    expectProblem(res, 400, 'validation_failed');
    expect(res.body.errors).to.deep.include({ detail: res.body.errors[0].detail, pointer: '#/0/metrics/0/value' });
  });

  it('rejects a string as a value', async () => {
    const res = await post({ json: withValue('12.5') });
    expectProblem(res, 400, 'validation_failed');
    expect(res.body.errors[0].pointer).to.equal('#/0/metrics/0/value');
  });

  it('rejects wrong types (timestamp as a string, metrics as an object)', async () => {
    const res = await post({ json: [{ ...apiResult(9), timestamp: 'yesterday', metrics: {} }] });
    expectProblem(res, 400, 'validation_failed');
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).to.have.members(['#/0/timestamp', '#/0/metrics']);
  });

  it('rejects missing keys (attributes.git_commit, metrics)', async () => {
    const { metrics: _metrics, ...noMetrics } = apiResult(9);
    const noCommit = { ...apiResult(10), attributes: { git_repo: 'r', branch: 'main' } };
    const res = await post({ json: [noMetrics, noCommit] });
    expectProblem(res, 400, 'validation_failed');
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).to.have.members(['#/0/metrics', '#/1/attributes/git_commit']);
  });

  it('rejects a body that is not an array', async () => {
    expectProblem(await post({ json: apiResult(9) }), 400, 'validation_failed');
  });

  for (const [label, timestamp] of [
    ['below 0', -1],
    ['with a fraction', 1.5],
    ['in milliseconds', 1_767_225_600_000],
  ] as const) {
    it(`rejects a timestamp ${label} as out of range`, async () => {
      const res = await post({ json: [{ ...apiResult(9), timestamp }] });
      expectProblem(res, 400, 'validation_failed');
      expect(res.body.errors[0].pointer).to.equal('#/0/timestamp');
    });
  }

  it('writes none of a batch whose last result is invalid', async () => {
    const batch = [...seriesResults([1, 2, 3], 10), { ...apiResult(13), timestamp: -5 }];
    expectProblem(await post({ json: batch }), 400, 'validation_failed');
  });

  it('rejects a body over the 10 MB default limit with payload_too_large', async () => {
    const big = [{ ...apiResult(9), extra_info: { blob: 'x'.repeat(10 * 1024 * 1024) } }];
    expectProblem(await post({ json: big }), 413, 'payload_too_large');
  });

  it('rejects more than 10,000 results with too_many_results', async () => {
    const batch = Array.from({ length: 10_001 }, (_, i) => apiResult(100 + i));
    expectProblem(await post({ json: batch }), 413, 'too_many_results');
  });

  it('accepts exactly 10,000 results', async () => {
    const batch = Array.from({ length: 10_000 }, (_, i) => apiResult(100 + i));
    const res = await post({ json: batch }, 'max-batch');
    expect(res.status).to.equal(200);
    expect((await app.store.getTest(owner('alice'), 'max-batch'))?.result_count).to.equal(10_000);
    baseline = await snapshot(app);
  });

  it('rejects a body that is not application/json with unsupported_media_type', async () => {
    expectProblem(await post({ raw: JSON.stringify([apiResult(9)]), contentType: 'text/plain' }), 415, 'unsupported_media_type');
  });

  describe('test names', () => {
    for (const [label, path] of [
      ['a space', 'bad%20name'],
      ['a character outside [A-Za-z0-9._/-]', 'caf%C3%A9'],
      ['an empty segment', 'a//b'],
      ['more than 200 characters', 'n'.repeat(201)],
    ] as const) {
      it(`rejects ${label} with invalid_test_name`, async () => {
        const res = await call(app.url, 'POST', `/api/v0/result/${path}`, { token, json: [apiResult(9)] });
        expectProblem(res, 400, 'invalid_test_name');
      });
    }

    for (const [label, path] of [
      ['a .. segment', 'a/../b'],
      ['an encoded .. segment', 'a/%2E%2E/b'],
      ['a . segment', 'a/./b'],
    ] as const) {
      it(`rejects ${label} (sent without URL normalisation) with invalid_test_name`, async () => {
        expectProblem(await rawPathCall(app.url, 'GET', `/api/v0/result/${path}`, token), 400, 'invalid_test_name');
      });
    }

    it('accepts a name of exactly 200 characters', async () => {
      const res = await call(app.url, 'POST', `/api/v0/result/${'n'.repeat(200)}`, { token, json: [apiResult(9)] });
      expect(res.status).to.equal(200);
      baseline = await snapshot(app);
    });
  });
});
