import { expect } from 'chai';
import express from 'express';
import { close, listen, serverUrl } from '../../src/http/server.ts';
import { mountDashboard } from '../../src/web/index.ts';
import { startApiApp, type ApiApp } from '../support/api-app.ts';
import { call } from '../support/api-client.ts';

describe('web/mount-dashboard', () => {
  let app: ApiApp;
  before(async () => {
    app = await startApiApp();
  });
  after(async () => {
    await app.close();
  });

  it('serves the shell on every page path with a strict CSP', async () => {
    for (const path of ['/', '/signin', '/settings', '/tests/shop/checkout/api', '/orgs/acme/settings', '/public', '/public/alice/bench/parse']) {
      const res = await call(app.url, 'GET', path);
      expect(res.status, path).to.equal(200);
      expect(res.contentType).to.match(/^text\/html/);
      expect(res.headers.get('content-security-policy')).to.include("script-src 'self'");
      expect(res.body).to.include('<main id="main"');
    }
  });

  it('serves the hashed script and stylesheet the shell links, cacheable forever', async () => {
    const shell = (await call(app.url, 'GET', '/')).body as string;
    const paths = [...shell.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1] ?? '');
    expect(paths).to.have.length(3);
    for (const path of new Set(paths)) {
      const res = await call(app.url, 'GET', path);
      expect(res.status, path).to.equal(200);
      expect(res.headers.get('cache-control')).to.include('immutable');
      expect(res.contentType).to.match(path.endsWith('.js') ? /^text\/javascript/ : /^text\/css/);
    }
  });

  it('answers an unknown asset or page with the API’s 404 problem', async () => {
    for (const path of ['/assets/app-0000000000.js', '/nope']) {
      const res = await call(app.url, 'GET', path);
      expect(res.status, path).to.equal(404);
      expect(res.body.code).to.equal('not_found');
    }
  });

  it('leaves the API and service routes alone', async () => {
    expect((await call(app.url, 'GET', '/healthz')).body).to.deep.equal({ status: 'ok' });
    expect((await call(app.url, 'GET', '/api/v0/results')).status).to.equal(401);
  });

  it('tells the client when the server has no GitHub login', async () => {
    const bare = express();
    mountDashboard(bare, { githubLogin: false });
    const server = await listen(bare, 0, '127.0.0.1');
    try {
      expect((await call(serverUrl(server), 'GET', '/signin')).body).to.include('<body data-github-login="false">');
    } finally {
      await close(server);
    }
  });
});
