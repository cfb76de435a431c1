import { expect } from 'chai';
import { detectChangePoints } from '../../algorithms/index.ts';
import { DEFAULT_CORE } from '../../src/services/index.ts';
import { detectionPlan } from '../../src/services/detection-plan.ts';
import { startApiApp, owner, type ApiApp } from '../support/api-app.ts';
import { call } from '../support/api-client.ts';
import { T0, apiResult, seriesResults, stepSeries } from '../support/api-factories.ts';

const DEFAULTS = { windowLen: 50, maxPvalue: 0.001, minMagnitude: 0.05 };

/** The change points the API reports for one metric, as (index, stats) pairs. */
function metricChanges(body: Record<string, { changes: { metric: string }[] }[]>, test: string, metric: string) {
  return (body[test] ?? []).flatMap((g) => g.changes.filter((c) => c.metric === metric));
}

/** What the detector finds on `values`: the API's fields but metric and time, in any key order. */
function expected(values: readonly (number | null)[], options = DEFAULTS) {
  return detectChangePoints(values, options);
}

function stats(changes: Record<string, unknown>[]) {
  return changes.map(({ metric: _m, time: _t, unit: _u, direction: _d, notified: _n, ...rest }) => rest);
}

/** The GET body without the notification states (POST answers with detection alone). */
function withoutNotified(body: Record<string, { changes: Record<string, unknown>[] }[]>) {
  return Object.fromEntries(Object.entries(body).map(([test, groups]) => [test, groups.map((g) => ({ ...g, changes: g.changes.map(({ notified: _n, ...c }) => c) }))]));
}

describe('change points GET /api/v0/result/{test}/changes', () => {
  let app: ApiApp;
  let token: string;
  const values = stepSeries(30, 30, 0.5);

  before(async () => {
    app = await startApiApp();
    token = await app.tokenFor('alice');
  });
  after(async () => app.close());

  it('reports the step of a series with its time, commit and statistics as numbers', async () => {
    await call(app.url, 'POST', '/api/v0/result/step', { token, json: seriesResults(values) });
    const res = await call(app.url, 'GET', '/api/v0/result/step/changes', { token });
    expect(res.status).to.equal(200);
    const groups = res.body.step;
    expect(groups).to.have.length(1);
    expect(groups[0].time).to.equal(T0 + 30 * 60);
    expect(groups[0].attributes).to.deep.equal({ git_repo: 'https://github.com/acme/shop', branch: 'main', git_commit: 'c30' });
    const [change] = groups[0].changes;
    expect(change).to.include({ metric: 'latency', index: 30, time: T0 + 30 * 60 });
    for (const key of ['forward_change_percent', 'magnitude', 'mean_before', 'stddev_before', 'mean_after', 'stddev_after', 'pvalue']) {
      expect(change[key], key).to.be.a('number');
    }
    expect(stats(groups[0].changes)).to.deep.equal(expected(values));
  });

  it('answers POST with the same change points', async () => {
    const res = await call(app.url, 'POST', '/api/v0/result/step-post', { token, json: seriesResults(values) });
    const read = await call(app.url, 'GET', '/api/v0/result/step-post/changes', { token });
    expect(res.body).to.deep.equal(withoutNotified(read.body));
    expect(metricChanges(res.body, 'step-post', 'latency')).to.have.length(1);
  });

  it('gives appends in many batches the same answer as a full recomputation', async () => {
    const long = [...stepSeries(40, 35, 0.3), ...stepSeries(0, 45, -0.2).map((v) => v * 1.3)];
    for (let from = 0; from < long.length; from += 13) {
      await call(app.url, 'POST', '/api/v0/result/batches', { token, json: seriesResults(long.slice(from, from + 13), from) });
    }
    const res = await call(app.url, 'GET', '/api/v0/result/batches/changes', { token });
    expect(stats(metricChanges(res.body, 'batches', 'latency'))).to.deep.equal(expected(long));
    expect(metricChanges(res.body, 'batches', 'latency').length).to.be.greaterThan(1);
  });

  it('recomputes correctly when results arrive out of order', async () => {
    const test = 'out-of-order';
    await call(app.url, 'POST', `/api/v0/result/${test}`, { token, json: seriesResults(values.slice(20), 20) });
    await call(app.url, 'GET', `/api/v0/result/${test}/changes`, { token });
    await call(app.url, 'POST', `/api/v0/result/${test}`, { token, json: seriesResults(values.slice(0, 20), 0) });
    const res = await call(app.url, 'GET', `/api/v0/result/${test}/changes`, { token });
    expect(stats(metricChanges(res.body, test, 'latency'))).to.deep.equal(expected(values));
  });

  it('recomputes after a delete', async () => {
    const test = 'deleted';
    await call(app.url, 'POST', `/api/v0/result/${test}`, { token, json: seriesResults(values) });
    await call(app.url, 'GET', `/api/v0/result/${test}/changes`, { token });
    for (let i = 30; i < 60; i++) await call(app.url, 'DELETE', `/api/v0/result/${test}?timestamp=${T0 + i * 60}`, { token });
    const res = await call(app.url, 'GET', `/api/v0/result/${test}/changes`, { token });
    expect(res.body).to.deep.equal({ [test]: [] });
  });

  it('treats a result without the metric as a missing value, filled as Otava does', async () => {
    const test = 'gaps';
    const results = seriesResults(values).map((r, i) => (i % 5 === 2 ? apiResult(i, { other: 1 }) : r));
    await call(app.url, 'POST', `/api/v0/result/${test}`, { token, json: results });
    const res = await call(app.url, 'GET', `/api/v0/result/${test}/changes`, { token });
    const withGaps = values.map((v, i) => (i % 5 === 2 ? null : v));
    expect(stats(metricChanges(res.body, test, 'latency'))).to.deep.equal(expected(withGaps));
  });

  it('caches the change points in the store for the test’s version and thresholds', async () => {
    const meta = await app.store.getTest(owner('alice'), 'step');
    const key = detectionPlan(DEFAULT_CORE, meta!.config).key;
    const cached = await app.store.getCachedChanges(owner('alice'), 'step', key);
    expect(cached?.version).to.equal(meta?.version);
    const res = await call(app.url, 'GET', '/api/v0/result/step/changes', { token });
    expect(cached?.payload).to.deep.equal(withoutNotified(res.body).step);
  });

  it('serves the stored cache to a fresh server on the same data', async () => {
    const dataDir = app.dataDir;
    const before = (await call(app.url, 'GET', '/api/v0/result/step/changes', { token })).body;
    await app.close({ keepData: true });
    app = await startApiApp({ dataDir });
    token = await app.tokenFor('alice');
    expect((await call(app.url, 'GET', '/api/v0/result/step/changes', { token })).body).to.deep.equal(before);
  });

  it('recomputes with new thresholds after PUT /user/config', async () => {
    await call(app.url, 'PUT', '/api/v0/user/config', { token, json: { core: { min_magnitude: 0.9 } } });
    const strict = await call(app.url, 'GET', '/api/v0/result/step/changes', { token });
    expect(strict.body).to.deep.equal({ step: [] });
    await call(app.url, 'PUT', '/api/v0/user/config', { token, json: {} });
    const relaxed = await call(app.url, 'GET', '/api/v0/result/step/changes', { token });
    expect(metricChanges(relaxed.body, 'step', 'latency')).to.have.length(1);
  });

  it('applies per-test and per-metric threshold overrides', async () => {
    const test = 'overrides';
    const results = values.map((v, i) => apiResult(i, { latency: v, throughput: v }));
    await call(app.url, 'POST', `/api/v0/result/${test}`, { token, json: results });
    await call(app.url, 'PUT', `/api/v0/config/${test}`, {
      token,
      json: { thresholds: { min_magnitude: 0.9 }, metrics: { throughput: { min_magnitude: 0.1 } } },
    });
    const res = await call(app.url, 'GET', `/api/v0/result/${test}/changes`, { token });
    expect(metricChanges(res.body, test, 'latency')).to.have.length(0);
    expect(metricChanges(res.body, test, 'throughput')).to.have.length(1);
  });

  it('answers a matching If-None-Match with 304, and gives new data a new ETag', async () => {
    const test = 'etag';
    await call(app.url, 'POST', `/api/v0/result/${test}`, { token, json: seriesResults(values.slice(0, 40)) });
    const first = await call(app.url, 'GET', `/api/v0/result/${test}/changes`, { token });
    const etag = first.headers.get('etag') ?? '';
    expect(etag).to.match(/^W\/"/);
    // fetch adds "Cache-Control: no-cache" to conditional requests unless one is given
    const conditional = { 'if-none-match': etag, 'cache-control': 'max-age=0' };
    const again = await call(app.url, 'GET', `/api/v0/result/${test}/changes`, { token, headers: conditional });
    expect(again.status).to.equal(304);
    await call(app.url, 'POST', `/api/v0/result/${test}`, { token, json: seriesResults(values.slice(40), 40) });
    const changed = await call(app.url, 'GET', `/api/v0/result/${test}/changes`, { token, headers: conditional });
    expect(changed.status).to.equal(200);
    expect(changed.headers.get('etag')).not.to.equal(etag);
    expect(metricChanges(changed.body, test, 'latency')).to.have.length(1);
  });

  it('answers 404 for an unknown test', async () => {
    const res = await call(app.url, 'GET', '/api/v0/result/unknown/changes', { token });
    expect(res.status).to.equal(404);
    expect(res.body.code).to.equal('not_found');
  });

  describe('POST /result/{test}/changes/disable and /enable', () => {
    const test = 'toggle';

    before(async () => {
      const results = values.map((v, i) => apiResult(i, { latency: v, throughput: v }));
      await call(app.url, 'POST', `/api/v0/result/${test}`, { token, json: results });
    });

    it('stops reporting a disabled metric and reports it again once enabled', async () => {
      const disabled = await call(app.url, 'POST', `/api/v0/result/${test}/changes/disable`, { token, json: ['latency'] });
      expect(disabled.status).to.equal(200);
      expect(disabled.body.disabled_metrics).to.deep.equal(['latency']);
      let res = await call(app.url, 'GET', `/api/v0/result/${test}/changes`, { token });
      expect(metricChanges(res.body, test, 'latency')).to.have.length(0);
      expect(metricChanges(res.body, test, 'throughput')).to.have.length(1);

      const enabled = await call(app.url, 'POST', `/api/v0/result/${test}/changes/enable`, { token, json: ['latency'] });
      expect(enabled.body.disabled_metrics).to.deep.equal([]);
      res = await call(app.url, 'GET', `/api/v0/result/${test}/changes`, { token });
      expect(metricChanges(res.body, test, 'latency')).to.have.length(1);
    });

    it('enables every metric with an empty list', async () => {
      await call(app.url, 'POST', `/api/v0/result/${test}/changes/disable`, { token, json: ['latency', 'throughput'] });
      const res = await call(app.url, 'POST', `/api/v0/result/${test}/changes/enable`, { token, json: [] });
      expect(res.body.disabled_metrics).to.deep.equal([]);
    });

    it('refuses to disable nothing', async () => {
      const res = await call(app.url, 'POST', `/api/v0/result/${test}/changes/disable`, { token, json: [] });
      expect(res.status).to.equal(400);
      expect(res.body.code).to.equal('validation_failed');
    });

    it('refuses metric names that are not strings', async () => {
      const res = await call(app.url, 'POST', `/api/v0/result/${test}/changes/disable`, { token, json: [42] });
      expect(res.status).to.equal(400);
      expect(res.body.errors[0].pointer).to.equal('#/0');
    });

    it('answers 404 for an unknown test', async () => {
      const res = await call(app.url, 'POST', '/api/v0/result/unknown/changes/disable', { token, json: ['latency'] });
      expect(res.status).to.equal(404);
    });
  });
});
