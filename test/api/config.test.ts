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
      expect(res.body).to.deep.equal({
        core: { max_pvalue: 0.001, min_magnitude: 0.05, window_len: 50 },
        notifiers: { slack: null, since_days: 14, webhooks: [], muted_tests: [] },
      });
    });

    it('stores a config, filling absent core keys with defaults', async () => {
      const res = await call(app.url, 'PUT', '/api/v0/user/config', { token, json: { core: { window_len: 30 }, notifiers: { since_days: 3 } } });
      expect(res.status).to.equal(200);
      const read = await call(app.url, 'GET', '/api/v0/user/config', { token });
      expect(read.body).to.deep.equal({
        core: { max_pvalue: 0.001, min_magnitude: 0.05, window_len: 30 },
        notifiers: { slack: null, since_days: 3, webhooks: [], muted_tests: [] },
      });
    });

    it('never reads notifier secrets back, and keeps them when a PUT leaves them out', async () => {
      const notifiers = {
        slack: { webhook_url: 'https://hooks.example/services/T000/B000/XXXXsecretXXXXXXXXXXWXYZ', notify_on: 'both' },
        webhooks: [{ url: 'https://ci.example/hooks/abc123token', secret: 'whsec-0123456789abcdef' }],
      };
      const put = await call(app.url, 'PUT', '/api/v0/user/config', { token, json: { notifiers } });
      expect(JSON.stringify(put.body)).to.not.include('secret').and.to.not.include('abc123token');
      const read = await call(app.url, 'GET', '/api/v0/user/config', { token });
      expect(JSON.stringify(read.body)).to.not.include('XXXXsecret').and.to.not.include('whsec').and.to.not.include('abc123token');
      expect(read.body.notifiers.slack).to.deep.equal({ webhook_url: 'https://hooks.example/…WXYZ', notify_on: 'both' });
      const [hook] = read.body.notifiers.webhooks;
      expect(hook).to.deep.equal({ id: hook.id, url: 'https://ci.example/…', notify_on: 'both' });

      // Change only notify_on and the thresholds: the stored URL and secret stay.
      const again = await call(app.url, 'PUT', '/api/v0/user/config', {
        token,
        json: { core: { window_len: 40 }, notifiers: { slack: { notify_on: 'regressions' }, webhooks: [{ id: hook.id, notify_on: 'improvements' }] } },
      });
      expect(again.status).to.equal(200);
      const stored = await app.store.getOwnerConfig('u:alice');
      expect(stored!.notifiers).to.deep.include({ slack: { webhook_url: notifiers.slack.webhook_url, notify_on: 'regressions' } });
      expect((stored!.notifiers.webhooks as { secret: string; notify_on: string }[])[0]).to.include({ secret: 'whsec-0123456789abcdef', notify_on: 'improvements' });
    });

    it('refuses to set up Slack without a webhook URL, and writes nothing', async () => {
      const fresh = await app.tokenFor('slackless');
      const res = await call(app.url, 'PUT', '/api/v0/user/config', { token: fresh, json: { notifiers: { slack: { notify_on: 'both' } } } });
      expect(res.status).to.equal(400);
      expect(res.body.code).to.equal('validation_failed');
      expect(await app.store.getOwnerConfig('u:slackless')).to.equal(null);
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
