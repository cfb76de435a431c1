import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { hashToken } from '../../src/services/index.ts';
import { startApiApp, owner, type ApiApp } from '../support/api-app.ts';
import { call } from '../support/api-client.ts';
import { apiResult, seriesResults } from '../support/api-factories.ts';

interface Operation {
  method: string;
  path: string;
  secured: boolean;
}

async function operations(app: ApiApp): Promise<Operation[]> {
  const doc = (await call(app.url, 'GET', '/openapi.json')).body as { paths: Record<string, Record<string, { security?: unknown[] }>> };
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ method: method.toUpperCase(), path, secured: (op.security ?? []).length > 0 })),
  );
}

/** A concrete URL for an operation: `{test}` becomes `test`, the agent query names an asset. */
function concrete(path: string, test: string): string {
  const url = path.replace('{test}', test);
  return url === '/api/v0/agent/performance' ? `${url}?assetId=${test.split('/').at(-1)}` : url;
}

/** A valid body for each operation that takes one (the agent report is not needed here). */
function bodyFor(method: string, path: string): unknown {
  if (method === 'GET' || method === 'DELETE') return undefined;
  if (path.endsWith('/changes/disable') || path.endsWith('/changes/enable')) return ['latency'];
  if (path === '/api/v0/result/{test}') return [apiResult(50)];
  if (path === '/api/v0/user/config') return { core: { window_len: 10 } };
  if (path === '/api/v0/config/{test}') return { public: true };
  return undefined;
}

describe('authentication and owner isolation', () => {
  let app: ApiApp;
  let alice: string;
  let bob: string;
  let ops: Operation[];

  before(async () => {
    app = await startApiApp();
    alice = await app.tokenFor('alice');
    bob = await app.tokenFor('bob');
    ops = await operations(app);
    await call(app.url, 'POST', '/api/v0/result/team/private', { token: alice, json: seriesResults([1, 2, 3]) });
  });
  after(async () => app.close());

  it('documents every /api/v0 route but the public ones as requiring a token or session, and no service route', () => {
    for (const op of ops) expect(op.secured, `${op.method} ${op.path}`).to.equal(op.path.startsWith('/api/v0/') && !op.path.startsWith('/api/v0/public/'));
    expect(ops.filter((op) => op.secured)).to.have.length.greaterThan(10);
  });

  it('requires authentication on every /api/v0 route: no token, a malformed header, an unknown token', async () => {
    for (const op of ops.filter((o) => o.secured)) {
      const url = concrete(op.path, 'team/private');
      const variants: Record<string, string>[] = [{}, { authorization: 'Basic YWxpY2U6eA==' }, { authorization: 'Bearer vahti_not-a-real-token' }];
      for (const headers of variants) {
        const res = await call(app.url, op.method, url, { headers, json: bodyFor(op.method, op.path) });
        expect(res.status, `${op.method} ${url} ${JSON.stringify(headers)}`).to.equal(401);
        expect(res.body.code).to.equal('unauthorized');
        expect(res.headers.get('www-authenticate')).to.match(/^Bearer/);
      }
    }
  });

  it('refuses a revoked token', async () => {
    const { secret, record } = await app.services.tokens.create('carol', 'temp');
    expect((await call(app.url, 'GET', '/api/v0/results', { token: secret })).status).to.equal(200);
    await app.store.revokeToken(record.owner, record.id);
    expect((await call(app.url, 'GET', '/api/v0/results', { token: secret })).status).to.equal(401);
  });

  it('answers 404 on every test route for another owner’s test, and changes nothing', async () => {
    const before = await app.store.getTest(owner('alice'), 'team/private');
    for (const op of ops.filter((o) => o.path.includes('{test}') && !(o.method === 'POST' && o.path === '/api/v0/result/{test}') && o.method !== 'PUT')) {
      const url = concrete(op.path, 'team/private');
      const res = await call(app.url, op.method, url, { token: bob, json: bodyFor(op.method, op.path) });
      expect(res.status, `${op.method} ${url}`).to.equal(404);
      expect(res.body.code).to.equal('not_found');
    }
    expect((await call(app.url, 'PUT', '/api/v0/config/team/private', { token: bob, json: { public: true } })).status).to.equal(404);
    expect(await app.store.getTest(owner('alice'), 'team/private')).to.deep.equal(before);
  });

  it('keeps a write to the same test name in the writer’s own namespace', async () => {
    await call(app.url, 'POST', '/api/v0/result/team/private', { token: bob, json: [apiResult(7, { latency: 999 })] });
    expect((await app.store.listResults(owner('alice'), 'team/private')).map((r) => r.metrics[0]?.value)).to.deep.equal([1, 2, 3]);
    expect((await app.store.listResults(owner('bob'), 'team/private')).map((r) => r.metrics[0]?.value)).to.deep.equal([999]);
  });

  it('lists only the owner’s tests in GET /results', async () => {
    await call(app.url, 'POST', '/api/v0/result/bob/only', { token: bob, json: [apiResult(1)] });
    const res = await call(app.url, 'GET', '/api/v0/results', { token: alice });
    expect(res.body.map((t: { test_name: string }) => t.test_name)).to.deep.equal(['team/private']);
  });

  it('stores tokens only as their SHA-256 hash', async () => {
    expect(await app.store.findTokenByHash(hashToken(alice))).to.include({ owner: 'u:alice' });
    const files = readdirSync(app.dataDir).map((f) => readFileSync(join(app.dataDir, f)).toString('latin1'));
    for (const content of files) expect(content).not.to.include(alice);
  });
});
