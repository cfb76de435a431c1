import { expect } from 'chai';
import { startApiApp, type ApiApp } from '../support/api-app.ts';
import { call } from '../support/api-client.ts';
import { seriesResults } from '../support/api-factories.ts';

describe('configuration routes', () => {
  let app: ApiApp;
  let token: string;

  before(async () => {
    app = await startApiApp();
    token = await app.tokenFor('alice');
  });
  after(async () => app.close());

  describe('GET/PUT /api/v0/user/config', () => {
    it('returns Nyrkiö’s defaults before anything is saved', async () => {
      const res = await call(app.url, 'GET', '/api/v0/user/config', { token });
      expect(res.status).to.equal(200);
      expect(res.body).to.deep.equal({ core: { max_pvalue: 0.001, min_magnitude: 0.05, window_len: 50 }, notifiers: {} });
    });

    it('stores a config, filling absent core keys with defaults', async () => {
      const res = await call(app.url, 'PUT', '/api/v0/user/config', { token, json: { core: { window_len: 30 }, notifiers: { slack: { channel: '#perf' } } } });
      expect(res.status).to.equal(200);
      const read = await call(app.url, 'GET', '/api/v0/user/config', { token });
      expect(read.body).to.deep.equal({ core: { max_pvalue: 0.001, min_magnitude: 0.05, window_len: 30 }, notifiers: { slack: { channel: '#perf' } } });
    });

    it('never reads notifier secrets back', async () => {
      const notifiers = { slack: { channel: '#perf', webhook_url: 'https://hooks.example/T000/B000/XXX', bot_token: 'xoxb-1' } };
      await call(app.url, 'PUT', '/api/v0/user/config', { token, json: { notifiers } });
      const read = await call(app.url, 'GET', '/api/v0/user/config', { token });
      expect(read.body.notifiers).to.deep.equal({ slack: { channel: '#perf', webhook_url: '[redacted]', bot_token: '[redacted]' } });
    });

    for (const [label, core] of [
      ['a p-value of 0', { max_pvalue: 0 }],
      ['a p-value above 1', { max_pvalue: 1.5 }],
      ['a negative magnitude', { min_magnitude: -0.1 }],
      ['a window of 1', { window_len: 1 }],
      ['a fractional window', { window_len: 10.5 }],
      ['an unknown key', { max_p: 0.01 }],
    ] as const) {
      it(`rejects ${label} and keeps the stored config`, async () => {
        const before = await call(app.url, 'GET', '/api/v0/user/config', { token });
        const res = await call(app.url, 'PUT', '/api/v0/user/config', { token, json: { core } });
        expect(res.status).to.equal(400);
        expect(res.body.code).to.equal('validation_failed');
        expect((await call(app.url, 'GET', '/api/v0/user/config', { token })).body).to.deep.equal(before.body);
      });
    }
  });

  describe('GET/PUT /api/v0/config/{test}', () => {
    before(async () => {
      await call(app.url, 'POST', '/api/v0/result/team/svc', { token, json: seriesResults([1, 2]) });
    });

    it('returns the settings of a new test: private, no overrides', async () => {
      const res = await call(app.url, 'GET', '/api/v0/config/team/svc', { token });
      expect(res.status).to.equal(200);
      expect(res.body).to.deep.equal({ test_name: 'team/svc', public: false, thresholds: {}, metrics: {}, disabled_metrics: [] });
    });

    it('sets the public flag and overrides, keeping absent keys', async () => {
      await call(app.url, 'PUT', '/api/v0/config/team/svc', { token, json: { thresholds: { max_pvalue: 0.01 } } });
      const res = await call(app.url, 'PUT', '/api/v0/config/team/svc', { token, json: { public: true, metrics: { latency: { window_len: 20 } } } });
      expect(res.status).to.equal(200);
      expect(res.body).to.deep.equal({
        test_name: 'team/svc',
        public: true,
        thresholds: { max_pvalue: 0.01 },
        metrics: { latency: { window_len: 20 } },
        disabled_metrics: [],
      });
    });

    it('rejects a wrongly typed flag', async () => {
      const res = await call(app.url, 'PUT', '/api/v0/config/team/svc', { token, json: { public: 'yes' } });
      expect(res.status).to.equal(400);
      expect(res.body.errors[0].pointer).to.equal('#/public');
    });

    it('answers 404 for an unknown test', async () => {
      expect((await call(app.url, 'GET', '/api/v0/config/none', { token })).status).to.equal(404);
      expect((await call(app.url, 'PUT', '/api/v0/config/none', { token, json: { public: true } })).status).to.equal(404);
    });
  });
});
