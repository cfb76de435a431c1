import { expect } from 'chai';
import { startApiApp, type ApiApp } from '../support/api-app.ts';
import { call } from '../support/api-client.ts';

/** The routes of an owner's data, as (method, path); each is also under /api/v0/orgs/{org}. */
const OWNER_ROUTES = [
  'POST /api/v0/result/{test}',
  'PUT /api/v0/result/{test}',
  'GET /api/v0/result/{test}',
  'DELETE /api/v0/result/{test}',
  'GET /api/v0/results',
  'GET /api/v0/result/{test}/changes',
  'POST /api/v0/result/{test}/changes/disable',
  'POST /api/v0/result/{test}/changes/enable',
  'GET /api/v0/user/config',
  'PUT /api/v0/user/config',
  'GET /api/v0/config/{test}',
  'PUT /api/v0/config/{test}',
  'POST /api/v0/agent/performance',
  'GET /api/v0/agent/performance',
  'GET /api/v0/notifications',
  'POST /api/v0/notifications/{id}/retry',
];

/** The routes the issues ask for, as (method, path). */
const REQUIRED_ROUTES = [
  ...OWNER_ROUTES,
  ...OWNER_ROUTES.map((route) => route.replace(' /api/v0/', ' /api/v0/orgs/{org}/')),
  'GET /api/v0/user',
  'POST /api/v0/tokens',
  'GET /api/v0/tokens',
  'DELETE /api/v0/tokens/{id}',
  'GET /api/v0/public/results',
  'GET /api/v0/public/result/{owner}/{test}',
  'GET /api/v0/public/result/{owner}/{test}/changes',
  'GET /openapi.json',
  'GET /docs',
  'GET /healthz',
  'GET /metrics',
];

type Json = Record<string, any>;

/** Every `$ref` string anywhere in `value`. */
function refs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refs);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [v] : refs(v)));
  }
  return [];
}

describe('GET /openapi.json and GET /docs', () => {
  let app: ApiApp;
  let doc: Json;

  before(async () => {
    app = await startApiApp();
    const res = await call(app.url, 'GET', '/openapi.json');
    expect(res.status).to.equal(200);
    expect(res.contentType).to.match(/^application\/json/);
    doc = res.body;
  });
  after(async () => app.close());

  it('is an OpenAPI 3.1 document with info, a bearer and a session-cookie security scheme', () => {
    expect(doc.openapi).to.equal('3.1.0');
    expect(doc.info).to.include({ title: 'Vahti API' });
    expect(doc.components.securitySchemes.bearerAuth).to.deep.include({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes.sessionCookie).to.deep.include({ type: 'apiKey', in: 'cookie', name: 'vahti.sid' });
  });

  it('documents every route', () => {
    const documented = Object.entries(doc.paths as Json).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`));
    expect(documented).to.have.members(REQUIRED_ROUTES);
  });

  it('resolves every $ref to a component schema', () => {
    const all = refs(doc);
    expect(all).not.to.be.empty;
    for (const ref of all) {
      const name = ref.replace('#/components/schemas/', '');
      expect(ref, ref).to.match(/^#\/components\/schemas\//);
      expect(doc.components.schemas, ref).to.have.property(name);
    }
  });

  it('declares each path parameter, a success response and problem responses for every operation', () => {
    for (const [path, item] of Object.entries(doc.paths as Json)) {
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(item as Json)) {
        const where = `${method} ${path}`;
        const pathParams = (op.parameters ?? []).filter((p: Json) => p.in === 'path');
        expect(pathParams.map((p: Json) => p.name), where).to.deep.equal(templated);
        for (const p of pathParams) expect(p.required, where).to.equal(true);
        const statuses = Object.keys(op.responses);
        expect(statuses.some((s) => s.startsWith('2')), where).to.equal(true);
        for (const status of statuses.filter((s) => /^[45]/.test(s))) {
          expect(op.responses[status].content['application/problem+json'].schema, where).to.deep.equal({ $ref: '#/components/schemas/Problem' });
        }
      }
    }
  });

  it('describes the upload body with the limits the server enforces', () => {
    const body = doc.paths['/api/v0/result/{test}'].post.requestBody.content['application/json'].schema;
    expect(body).to.deep.include({ type: 'array', maxItems: 10000, minItems: 1 });
    const result = doc.components.schemas.Result;
    expect(result.required).to.include.members(['timestamp', 'metrics', 'attributes']);
    expect(doc.components.schemas.TestName.pattern).to.equal('^[A-Za-z0-9._/-]+$');
  });

  it('serves /docs as one self-contained HTML page listing every route and problem code', async () => {
    const res = await call(app.url, 'GET', '/docs');
    expect(res.status).to.equal(200);
    expect(res.contentType).to.match(/^text\/html/);
    const html: string = res.body;
    expect(html).to.match(/^<!doctype html>/);
    for (const route of REQUIRED_ROUTES) {
      const [method, path] = route.split(' ');
      expect(html, route).to.include(`${method} ${path}`);
    }
    expect(html).to.include('too_many_results');
    expect(html).not.to.match(/<script|<link|<img|<iframe|src=|url\(/i);
    expect(html).not.to.match(/href="(https?:)?\/\//);
  });
});
