import { Writable } from 'node:stream';
import { expect } from 'chai';
import { createLogger } from '../../src/logger.ts';
import { startApiApp, type ApiApp } from '../support/api-app.ts';
import { call } from '../support/api-client.ts';

describe('service routes and cross-cutting behaviour', () => {
  let app: ApiApp;

  before(async () => {
    app = await startApiApp();
  });
  after(async () => app.close());

  it('GET /healthz answers 200 when ready and 503 service_unavailable while not', async () => {
    expect((await call(app.url, 'GET', '/healthz')).body).to.deep.equal({ status: 'ok' });
    app.readiness.ready = false;
    const res = await call(app.url, 'GET', '/healthz');
    app.readiness.ready = true;
    expect(res.status).to.equal(503);
    expect(res.body.code).to.equal('service_unavailable');
  });

  it('GET /metrics exposes request counts per route template', async () => {
    const token = await app.tokenFor('alice');
    await call(app.url, 'GET', '/api/v0/result/some/test', { token });
    const res = await call(app.url, 'GET', '/metrics');
    expect(res.status).to.equal(200);
    expect(res.contentType).to.match(/^text\/plain/);
    expect(res.body).to.include('http_requests_total{method="GET",route="/result/{test}",status="404"} 1');
    expect(res.body).to.include('process_cpu_user_seconds_total');
  });

  it('answers an unknown route with a not_found problem', async () => {
    const res = await call(app.url, 'GET', '/api/v0/nothing-here');
    expect(res.status).to.equal(404);
    expect(res.contentType).to.match(/^application\/problem\+json/);
    expect(res.body).to.include({ code: 'not_found', instance: '/api/v0/nothing-here' });
  });

  it('gives every response a request id, reusing a well-formed incoming one', async () => {
    const fresh = await call(app.url, 'GET', '/healthz');
    expect(fresh.headers.get('x-request-id')).to.match(/^[0-9a-f-]{36}$/);
    const echoed = await call(app.url, 'GET', '/healthz', { headers: { 'x-request-id': 'ci-run-42' } });
    expect(echoed.headers.get('x-request-id')).to.equal('ci-run-42');
    const replaced = await call(app.url, 'GET', '/healthz', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(replaced.headers.get('x-request-id')).not.to.equal('bad id with spaces');
  });

  it('logs JSON lines with the request id and the token redacted', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().trim().split('\n'));
        done();
      },
    });
    const logged = await startApiApp({ logger: createLogger({ logLevel: 'info' }, sink) });
    try {
      const token = await logged.tokenFor('alice');
      const res = await call(logged.url, 'GET', '/api/v0/results', { token, headers: { 'x-request-id': 'trace-1' } });
      expect(res.status).to.equal(200);
    } finally {
      await logged.close();
    }
    const entry = lines.map((l) => JSON.parse(l)).find((e) => e.req?.url === '/api/v0/results');
    expect(entry).to.deep.include({ msg: 'request completed' });
    expect(entry.req.id).to.equal('trace-1');
    expect(entry.req.headers.authorization).to.equal('[redacted]');
    expect(lines.join('\n')).not.to.include('vahti_');
  });
});
