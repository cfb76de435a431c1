import { expect } from 'chai';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSlackMessage, postSlack, postWebhook, retryDelayMs, SIGNATURE_HEADER, verifySignature, DEFAULT_BACKOFF, changeKind, wants } from '../../notifier/index.ts';
import { startStandInSlack, type StandInSlack } from '../support/stand-in-slack.ts';

const message = buildSlackMessage({
  owner: 'alice', test: 't', metric: 'm', unit: 'ms', time: 0, pvalue: 0, magnitude: 1, forward_change_percent: 100,
  mean_before: 1, mean_after: 2, stddev_before: 0, stddev_after: 0,
  attributes: { git_repo: '', branch: '', git_commit: '' }, url: 'http://localhost/x',
});

describe('notifier senders', () => {
  let slack: StandInSlack;
  beforeEach(async () => {
    slack = await startStandInSlack();
  });
  afterEach(async () => slack.close());

  it('posts the Block Kit message to the Slack webhook', async () => {
    const r = await postSlack(`${slack.url}/services/T/B/secret`, message, { timeoutMs: 2000, now: Date.now() });
    expect(r).to.deep.equal({ ok: true });
    expect(slack.posts).to.have.length(1);
    expect(slack.posts[0]!.path).to.equal('/services/T/B/secret');
    expect(JSON.parse(slack.posts[0]!.body)).to.deep.equal({ text: message.text, blocks: message.blocks });
  });

  it("reports Slack's 429 as retryable after Retry-After", async () => {
    slack.behave({ kind: 'rate-limit', retryAfter: '7' });
    expect(await postSlack(`${slack.url}/hook`, message, { timeoutMs: 2000, now: Date.now() })).to.deep.equal({ ok: false, retryable: true, error: 'HTTP 429', retryAfterMs: 7000 });
  });

  it('reports 5xx as retryable and 4xx as permanent', async () => {
    slack.behave({ kind: 'status', status: 503 });
    expect(await postSlack(`${slack.url}/hook`, message, { timeoutMs: 2000, now: Date.now() })).to.deep.equal({ ok: false, retryable: true, error: 'HTTP 503' });
    slack.behave({ kind: 'status', status: 404 });
    expect(await postSlack(`${slack.url}/hook`, message, { timeoutMs: 2000, now: Date.now() })).to.deep.equal({ ok: false, retryable: false, error: 'HTTP 404' });
  });

  it('gives up on a hanging Slack after the timeout, retryably, without the URL in the error', async () => {
    slack.behave({ kind: 'hang' });
    const r = await postSlack(`${slack.url}/services/T/B/secret`, message, { timeoutMs: 200, now: Date.now() });
    expect(r).to.deep.equal({ ok: false, retryable: true, error: 'request failed: timeout' });
  });

  it('reports a refused connection retryably, without the URL in the error', async () => {
    const url = `${slack.url}/services/T/B/secret`;
    await slack.close();
    const r = await postSlack(url, message, { timeoutMs: 1000, now: Date.now() });
    expect(r.ok).to.equal(false);
    if (!r.ok) {
      expect(r.retryable).to.equal(true);
      expect(r.error).to.not.include('secret').and.to.not.include('127.0.0.1');
    }
    slack = await startStandInSlack();
  });

  it('signs generic webhooks so that a receiver can verify them and reject replays', async () => {
    const secret = 'whsec-test';
    const seen: { ok: boolean; replayOk: boolean; tamperedOk: boolean }[] = [];
    // A receiver written here, checking the signature over the raw body as a user's would.
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const header = String(req.headers[SIGNATURE_HEADER.toLowerCase()]);
        const now = Date.now() / 1000;
        seen.push({
          ok: verifySignature(secret, header, raw, now),
          replayOk: verifySignature(secret, header, raw, now + 3600),
          tamperedOk: verifySignature(secret, header, raw.replace('"m"', '"x"'), now),
        });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const { port } = receiver.address() as AddressInfo;
    try {
      const r = await postWebhook(`http://127.0.0.1:${port}/hook`, secret, { event: 'change_point', metric: 'm' }, { timeoutMs: 2000, now: Date.now() });
      expect(r).to.deep.equal({ ok: true });
      expect(seen).to.deep.equal([{ ok: true, replayOk: false, tamperedOk: false }]);
    } finally {
      receiver.closeAllConnections();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });

  it('rejects a signature made with another secret', () => {
    const header = 't=1700000000,v1=' + 'ab'.repeat(32);
    expect(verifySignature('s', header, '{}', 1700000000)).to.equal(false);
  });
});

describe('notifier policy', () => {
  it('backs off exponentially with jitter, capped, and honours Retry-After', () => {
    const policy = { baseMs: 1000, maxMs: 8000, maxAttempts: 10 };
    expect(retryDelayMs(policy, 1, undefined, () => 0)).to.equal(500);
    expect(retryDelayMs(policy, 3, undefined, () => 0.999)).to.be.within(3990, 3999);
    expect(retryDelayMs(policy, 9, undefined, () => 0.5)).to.equal(6000);
    expect(retryDelayMs(policy, 1, 30000, () => 0.5)).to.equal(30000);
    expect(DEFAULT_BACKOFF.maxAttempts).to.be.greaterThan(1);
  });

  it('classifies by direction; no direction means lower is better', () => {
    expect(changeKind(undefined, 10, 12)).to.equal('regression');
    expect(changeKind('lower_is_better', 10, 8)).to.equal('improvement');
    expect(changeKind('higher_is_better', 10, 8)).to.equal('regression');
    expect(changeKind('higher_is_better', 0, 8)).to.equal('improvement');
  });

  it('filters by notify_on', () => {
    expect(wants('regressions', 'regression')).to.equal(true);
    expect(wants('regressions', 'improvement')).to.equal(false);
    expect(wants('improvements', 'improvement')).to.equal(true);
    expect(wants('improvements', 'regression')).to.equal(false);
    expect(wants('both', 'improvement')).to.equal(true);
  });
});
