import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SIGNATURE_HEADER, verifySignature } from '../../notifier/index.ts';
import type { TestResult } from '../../src/store/types.ts';
import { startApiApp, type ApiApp, type ApiAppOptions } from '../support/api-app.ts';
import { call } from '../support/api-client.ts';
import { T0 } from '../support/api-factories.ts';
import { startFerretDb, type FerretDb } from '../support/ferretdb.ts';
import { startStandInSlack, type StandInSlack } from '../support/stand-in-slack.ts';

const WIGGLE = [0, 1.5, -1, 0.5, -1.5, 1, -0.5, 0.8, -0.3];

/**
 * A long history with a level step every 40 results, for `metric` (lower is better, so a rise
 * is a regression). Results are at T0 + i·60 unless `t0` says otherwise; commits `c<i>`.
 */
function history(n: number, { metric = 'latency', direction = 'lower_is_better' as const, t0 = T0, levels = [100, 140, 90, 150, 110, 160] } = {}): TestResult[] {
  return Array.from({ length: n }, (_, i) => ({
    timestamp: t0 + i * 60,
    metrics: [{ name: metric, unit: 'ms', value: (levels[Math.floor(i / 40) % levels.length] ?? 100) + (WIGGLE[i % WIGGLE.length] ?? 0), direction }],
    attributes: { git_repo: 'https://github.com/acme/shop', branch: 'main', git_commit: `c${i}` },
    extra_info: {},
  }));
}

/** Slack posts that reached the channel, as "metric@commit" keys. */
function sentKeys(slack: StandInSlack): string[] {
  return slack.delivered().map((p) => {
    const body = JSON.parse(p.body) as { blocks: { text?: { text?: string }; fields?: { text: string }[] }[] };
    const title = body.blocks[0]?.text?.text ?? '';
    const commit = /\|(\w+)>/.exec(body.blocks[1]?.fields?.[2]?.text ?? '')?.[1] ?? '?';
    return `${title.split(' · ')[1]}@${commit}`;
  });
}

async function configureSlack(app: ApiApp, token: string, slack: StandInSlack, notifiers: Record<string, unknown> = {}): Promise<void> {
  const res = await call(app.url, 'PUT', '/api/v0/user/config', {
    token,
    json: { notifiers: { slack: { webhook_url: `${slack.url}/services/T000/B000/secret`, notify_on: 'both' }, since_days: 3650, ...notifiers } },
  });
  expect(res.status, JSON.stringify(res.body)).to.equal(200);
}

/** Uploads `results` in batches of `batch`, alternating between the apps. */
async function upload(apps: ApiApp[], tokens: string[], test: string, results: TestResult[], batch: number, concurrently = false): Promise<void> {
  const calls: (() => Promise<unknown>)[] = [];
  for (let i = 0, k = 0; i < results.length; i += batch, k++) {
    const app = apps[k % apps.length]!;
    const token = tokens[k % tokens.length]!;
    const json = results.slice(i, i + batch);
    calls.push(async () => {
      const res = await call(app.url, 'POST', `/api/v0/result/${test}`, { token, json });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
    });
  }
  if (concurrently) {
    // Each app gets its uploads in order; the apps race each other.
    await Promise.all(apps.map((_, a) => (async () => { for (let k = a; k < calls.length; k += apps.length) await calls[k]!(); })()));
  } else {
    for (const c of calls) await c();
  }
}

/** Sends everything due on every app until nothing is left pending. */
async function drain(apps: ApiApp[]): Promise<void> {
  for (let round = 0; round < 200; round++) {
    await Promise.all(apps.map((a) => a.services.notifications.idle()));
    const reports = await Promise.all(apps.map((a) => a.services.notifications.dispatchNow()));
    const pending = await apps[0]!.services.notifications.list('u:alice', 'pending');
    if (reports.every((r) => r.claimed === 0) && pending.length === 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('deliveries still pending after 200 rounds');
}

/** Checks exactly-once: one message per delivered delivery, no change twice, every significant change sent. */
async function expectExactlyOnce(app: ApiApp, slack: StandInSlack, test: string): Promise<number> {
  const sent = sentKeys(slack);
  expect(new Set(sent).size, `duplicates in ${sent.join(', ')}`).to.equal(sent.length);
  const deliveries = await app.services.notifications.list('u:alice');
  expect(deliveries.filter((d) => d.delivery.state === 'delivered')).to.have.length(sent.length);
  expect(deliveries.filter((d) => ['pending', 'claimed', 'failed'].includes(d.delivery.state))).to.deep.equal([]);
  const changes = (await call(app.url, 'GET', `/api/v0/result/${test}/changes`, { token: await app.tokenFor('alice') })).body[test] as {
    attributes: { git_commit: string };
    changes: { metric: string; notified: Record<string, string> }[];
  }[];
  for (const g of changes) {
    for (const c of g.changes) {
      expect(c.notified, `${c.metric}@${g.attributes.git_commit}`).to.deep.equal({ slack: 'delivered' });
      expect(sent).to.include(`${c.metric}@${g.attributes.git_commit.slice(0, 7)}`);
    }
  }
  expect(changes.length).to.be.greaterThan(0);
  if (process.env.VAHTI_NOTIFY_REPORT) console.log(`      ${test}: ${slack.posts.length} posts, ${sent.length} delivered, ${changes.length} change groups now`);
  return sent.length;
}

describe('notifications end to end', function () {
  this.timeout(120_000);
  let slack: StandInSlack;
  const apps: ApiApp[] = [];
  const start = async (options: ApiAppOptions = {}): Promise<ApiApp> => {
    const app = await startApiApp(options);
    apps.push(app);
    return app;
  };

  beforeEach(async () => {
    slack = await startStandInSlack();
  });
  afterEach(async () => {
    const first = apps[0];
    for (const app of apps.splice(0).reverse()) await app.close({ keepData: app !== first });
    await slack.close();
  });

  it('sends each change point exactly once across 60 uploads', async () => {
    const app = await start();
    const token = await app.tokenFor('alice');
    await configureSlack(app, token, slack);
    await upload([app], [token], 'shop/checkout', history(240), 4);
    await drain([app]);
    const sent = await expectExactlyOnce(app, slack, 'shop/checkout');
    expect(sent).to.equal(5);
    expect(app.notificationErrors).to.deep.equal([]);
  });

  it('sends each change point once when two instances share one SQLite file and race', async () => {
    const a = await start();
    const b = await start({ dataDir: a.dataDir });
    const tokens = [await a.tokenFor('alice'), await b.tokenFor('alice')];
    await configureSlack(a, tokens[0]!, slack);
    await upload([a, b], tokens, 'shop/race', history(240), 3, true);
    await drain([a, b]);
    await expectExactlyOnce(a, slack, 'shop/race');
  });

  describe('on FerretDB', () => {
    let ferret: FerretDb;
    before(async () => {
      ferret = await startFerretDb();
    });
    after(async () => ferret.stop());

    it('sends each change point once when two instances share one database and race', async () => {
      const a = await start({ mongodbUri: ferret.uri, mongodbDb: 'race' });
      const b = await start({ mongodbUri: ferret.uri, mongodbDb: 'race' });
      const tokens = [await a.tokenFor('alice'), await b.tokenFor('alice')];
      await configureSlack(a, tokens[0]!, slack);
      await upload([a, b], tokens, 'shop/race', history(160), 4, true);
      await drain([a, b]);
      await expectExactlyOnce(a, slack, 'shop/race');
    });
  });

  it('keeps changes while Slack is down and sends each once when it is back', async () => {
    const app = await start({ notifications: { backoff: { baseMs: 20, maxMs: 100, maxAttempts: 1000 } } });
    const token = await app.tokenFor('alice');
    await configureSlack(app, token, slack);
    // Two outage windows: 503s, then hanging requests, each while changes arrive.
    slack.behave({ kind: 'status', status: 503 });
    await upload([app], [token], 'shop/outage', history(120), 6);
    await app.services.notifications.idle();
    expect(slack.delivered()).to.have.length(0);
    slack.behave({ kind: 'ok' });
    await upload([app], [token], 'shop/outage', history(160).slice(120), 6);
    slack.behave({ kind: 'hang' });
    await upload([app], [token], 'shop/outage', history(240).slice(160), 6);
    await app.services.notifications.idle();
    slack.behave({ kind: 'ok' });
    await drain([app]);
    expect(slack.posts.filter((p) => p.status !== 200).length).to.be.greaterThan(0);
    await expectExactlyOnce(app, slack, 'shop/outage');
  });

  it('waits for Retry-After when Slack rate-limits', async () => {
    const app = await start({ notifications: { backoff: { baseMs: 1, maxMs: 2, maxAttempts: 10 } } });
    const token = await app.tokenFor('alice');
    await configureSlack(app, token, slack);
    slack.behave({ kind: 'rate-limit', retryAfter: '1' });
    await upload([app], [token], 'shop/limited', history(80), 80);
    await app.services.notifications.idle();
    const limitedAt = slack.posts[0]!.at;
    slack.behave({ kind: 'ok' });
    await drain([app]);
    const firstOk = slack.delivered()[0]!;
    expect(firstOk.at - limitedAt).to.be.at.least(950);
  });

  it('marks a delivery failed after its attempts, lists it, and sends it on retry', async () => {
    const app = await start({ notifications: { backoff: { baseMs: 5, maxMs: 10, maxAttempts: 3 } } });
    const token = await app.tokenFor('alice');
    await configureSlack(app, token, slack);
    slack.behave({ kind: 'status', status: 500 });
    await upload([app], [token], 'shop/failing', history(80), 80);
    await drain([app]);
    const failed = await call(app.url, 'GET', '/api/v0/notifications?state=failed', { token });
    expect(failed.status).to.equal(200);
    expect(failed.body).to.have.length.greaterThan(0);
    expect(failed.body[0]).to.include({ channel: 'slack', state: 'failed', attempts: 3, test: 'shop/failing' });
    expect(failed.body[0].last_error).to.match(/HTTP 500/);
    expect(JSON.stringify(failed.body)).to.not.include('secret');

    slack.behave({ kind: 'ok' });
    for (const d of failed.body as { id: string }[]) {
      expect((await call(app.url, 'POST', `/api/v0/notifications/${d.id}/retry`, { token })).status).to.equal(202);
    }
    await drain([app]);
    expect(slack.delivered()).to.have.length(failed.body.length);
    const again = await call(app.url, 'POST', `/api/v0/notifications/${failed.body[0].id}/retry`, { token });
    expect(again.status).to.equal(404);
    const other = await call(app.url, 'POST', `/api/v0/notifications/${failed.body[0].id}/retry`, { token: await app.tokenFor('mallory') });
    expect(other.status).to.equal(404);
  });

  it('sends only regressions by default, using each metric’s direction', async () => {
    const app = await start();
    const token = await app.tokenFor('alice');
    await call(app.url, 'PUT', '/api/v0/user/config', { token, json: { notifiers: { slack: { webhook_url: `${slack.url}/hook` }, since_days: 3650 } } });
    // Both metrics rise at 40: latency (lower is better) regresses, throughput (higher is better) improves.
    const results = history(80, { levels: [100, 150] }).map((r, i) => ({
      ...r,
      metrics: [...r.metrics, { name: 'throughput', unit: 'ops/s', value: (i < 40 ? 1000 : 1500) + (WIGGLE[i % WIGGLE.length] ?? 0), direction: 'higher_is_better' as const }],
    }));
    await upload([app], [token], 'shop/direction', results, 80);
    await drain([app]);
    expect(sentKeys(slack)).to.deep.equal(['latency@c40']);
    expect(JSON.parse(slack.delivered()[0]!.body).text).to.match(/^🔴 Regression/);
  });

  it('does not send change points older than since_days', async () => {
    const app = await start();
    const token = await app.tokenFor('alice');
    const now = Math.floor(Date.now() / 1000);
    await configureSlack(app, token, slack, { since_days: 14 });
    await upload([app], [token], 'shop/old', history(80, { t0: now - 30 * 86400 }), 80);
    await upload([app], [token], 'shop/new', history(80, { t0: now - 3600 * 2 }), 80);
    await drain([app]);
    expect(sentKeys(slack)).to.deep.equal(['latency@c40']);
    expect(JSON.parse(slack.delivered()[0]!.body).blocks[0].text.text).to.include('shop/new');
  });

  it('sends nothing for a muted test', async () => {
    const app = await start();
    const token = await app.tokenFor('alice');
    await configureSlack(app, token, slack, { muted_tests: ['shop/quiet'] });
    await upload([app], [token], 'shop/quiet', history(80), 80);
    await drain([app]);
    expect(slack.posts).to.have.length(0);
  });

  it('re-sends a change claimed by a crashed instance only after the lease runs out', async () => {
    const app = await start();
    const token = await app.tokenFor('alice');
    await configureSlack(app, token, slack);
    // Upload with Slack refusing, so the delivery stays due; then a "crashed" instance claims it.
    slack.behave({ kind: 'status', status: 503 });
    await upload([app], [token], 'shop/crash', history(80), 80);
    await app.services.notifications.idle();
    slack.behave({ kind: 'ok' });
    const sleepUntil = async (t: number) => new Promise((r) => setTimeout(r, Math.max(0, t - Date.now())));
    const claimedAt = Date.now();
    // Due by then whatever the backoff chose; the lease runs to claimedAt + 2500.
    const claimed = await app.store.claimDeliveries(claimedAt + 1000, 1500, 10);
    expect(claimed).to.have.length.greaterThan(0);
    await app.services.notifications.dispatchNow();
    await sleepUntil(claimedAt + 2000);
    await app.services.notifications.dispatchNow();
    expect(slack.posts.filter((p) => p.at > claimedAt)).to.have.length(0);
    await sleepUntil(claimedAt + 2700);
    await drain([app]);
    expect(slack.delivered()).to.have.length(claimed.length);
    // The crashed holder's late completion is refused.
    const late = await app.store.completeDelivery(claimed[0]!.delivery.id, claimed[0]!.delivery.claim_token!, { kind: 'delivered', at: Date.now() });
    expect(late).to.equal(false);
  });

  it('does not send a change that stopped being significant while a send was under way', async () => {
    const app = await start();
    const token = await app.tokenFor('alice');
    await configureSlack(app, token, slack);
    slack.behave({ kind: 'status', status: 503 });
    await upload([app], [token], 'shop/fading', history(80), 80);
    await app.services.notifications.idle();
    // An instance claims the delivery and is still sending when new data makes the change go away.
    const [inFlight] = await app.store.claimDeliveries(Date.now() + 60_000, 60_000, 10);
    expect(inFlight).to.not.equal(undefined);
    await call(app.url, 'PUT', '/api/v0/config/shop/fading', { token, json: { thresholds: { max_pvalue: 1e-300 } } });
    await upload([app], [token], 'shop/fading', history(81).slice(80), 1);
    const [record] = await app.store.listChanges('u:alice', 'shop/fading');
    expect(record!.change.significant).to.equal(false);
    // Its send failed and is to be retried: the next claim must cancel it instead of sending.
    expect(await app.store.completeDelivery(inFlight!.delivery.id, inFlight!.delivery.claim_token!, { kind: 'retry', at: 0, error: 'HTTP 503' })).to.equal(true);
    slack.behave({ kind: 'ok' });
    const report = await app.services.notifications.dispatchNow();
    expect(report).to.include({ claimed: 1, cancelled: 1, delivered: 0 });
    expect(slack.delivered()).to.have.length(0);
    const [after] = await app.services.notifications.list('u:alice');
    expect(after!.delivery.state).to.equal('cancelled');
  });

  it('signs webhook deliveries so that the receiver can verify them', async () => {
    const app = await start();
    const token = await app.tokenFor('alice');
    const secret = 'whsec-0123456789abcdef';
    const received: { valid: boolean; body: Record<string, unknown> }[] = [];
    const receiver: Server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({ valid: verifySignature(secret, String(req.headers[SIGNATURE_HEADER.toLowerCase()]), raw, Date.now() / 1000), body: JSON.parse(raw) });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    try {
      const port = (receiver.address() as AddressInfo).port;
      await call(app.url, 'PUT', '/api/v0/user/config', { token, json: { notifiers: { since_days: 3650, webhooks: [{ url: `http://127.0.0.1:${port}/vahti`, secret }] } } });
      await upload([app], [token], 'shop/hooked', history(80), 80);
      await drain([app]);
      expect(received).to.have.length(1);
      expect(received[0]!.valid).to.equal(true);
      expect(received[0]!.body).to.include({ event: 'change_point', test: 'shop/hooked', metric: 'latency' });
    } finally {
      receiver.closeAllConnections();
      await new Promise<void>((r) => receiver.close(() => r()));
    }
  });
});
