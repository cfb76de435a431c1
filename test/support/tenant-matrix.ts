/**
 * The cross-tenant matrix: every route the server has, called by every kind of caller, each
 * answer compared with a small independent oracle of who may do what, and every write checked
 * to have changed nothing but the owner it was allowed to change.
 *
 * The world: users alice (user A) and bob (user B) with private and public tests; organisation
 * acme with carol (admin) and dave (member); erin, admin of globex and not in acme (non-member);
 * acme's CI token (made by carol); and anonymous. People log in through the stand-in GitHub
 * with the real flow and call with their session cookie (plus the CSRF token on writes), or
 * with an API token of their own.
 *
 * The oracle keeps a model of which tests each owner has (writes that create tests add to it),
 * which are public, and which tokens exist, and decides each answer from the rules alone:
 * anonymous → 401 on authenticated routes; a route without `/orgs/{org}` acts for the caller
 * (a user's `u:<login>`, acme's token's `o:acme` as a member); under `/orgs/{org}` a user acts
 * for `o:<org>` with their role, or gets 404 outside it (the token: 404 outside acme); members
 * may not configure (403); a missing test is 404; public routes show public tests only.
 */
import { expect } from 'chai';
import type { ApiApp } from './api-app.ts';
import { Browser } from './browser.ts';
import { logIn, type LoginApp } from './login.ts';
import { membership } from './stand-in-github.ts';

/** How the people authenticate in one run of the matrix. */
export type Via = 'session' | 'token';

type Role = 'admin' | 'member';

/** One caller of the matrix. */
export interface Who {
  /** The role in the matrix: 'user A', 'org admin', … */
  name: string;
  kind: 'anonymous' | 'user' | 'org-token';
  login?: string;
  orgs: Record<string, Role>;
  /** Headers every request carries (Authorization), and those writes add (X-CSRF-Token). */
  headers: Record<string, string>;
  writeHeaders: Record<string, string>;
  browser?: Browser;
}

const PEOPLE = [
  { name: 'user A', id: 11, login: 'alice', orgs: {} },
  { name: 'user B', id: 12, login: 'bob', orgs: {} },
  { name: 'org admin', id: 13, login: 'carol', orgs: { acme: 'admin' } },
  { name: 'org member', id: 14, login: 'dave', orgs: { acme: 'member' } },
  { name: 'non-member', id: 15, login: 'erin', orgs: { globex: 'admin' } },
] as const satisfies readonly { name: string; id: number; login: string; orgs: Record<string, Role> }[];

const ORG_IDS: Record<string, number> = { acme: 500, globex: 501 };

/** Tests seeded for each owner: name → public. */
const SEEDED: Record<string, Record<string, boolean>> = {
  'u:alice': { 'alice/private': false, 'alice/public': true },
  'u:bob': { 'bob/private': false },
  'o:acme': { 'acme/private': false, 'acme/public': true },
  'o:globex': { 'globex/private': false },
};

/** Every owner whose data the snapshot watches. */
const OWNERS = ['u:alice', 'u:bob', 'u:carol', 'u:dave', 'u:erin', 'o:acme', 'o:globex'];

type Access = 'read' | 'write' | 'configure';

/** The model the oracle decides from. */
interface Model {
  tests: Map<string, Set<string>>;
  tokens: Map<string, string>;
  clock: number;
}

/** What the oracle expects of one call. */
interface Expectation {
  status: number;
  /** The owner the call may change (writes); null: none. */
  changes: string | null;
  /** Checks of a successful body. */
  check?: (body: any) => void;
  /** Updates the model after the call succeeded as expected. */
  apply?: (body: any) => void;
}

/** One concrete request of an operation: its URL, how to build its body, and the oracle's answer. */
export interface Instance {
  /** The documented operation it exercises, e.g. `GET /api/v0/orgs/{org}/result/{test}`. */
  operation: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  body?: (who: Who, model: Model) => unknown;
  expect(who: Who, model: Model): Expectation;
}

/** A result tagged with the owner the oracle expects it to land with. */
function taggedResult(model: Model, owner: string): unknown {
  model.clock += 60;
  return {
    timestamp: model.clock,
    metrics: [{ name: 'latency', unit: 'ms', value: 100 + (model.clock % 7), direction: 'lower_is_better' }],
    attributes: { git_repo: 'https://github.com/acme/shop', branch: 'main', git_commit: `c${model.clock}` },
    extra_info: { owner },
  };
}

/** Whom `who` acts for on a route (org null: the caller's own), or the refusal. */
function acting(who: Who, org: string | null, access: Access): { owner: string } | { status: number } {
  if (who.kind === 'anonymous') return { status: 401 };
  let owner: string;
  let standing: 'self' | Role;
  if (who.kind === 'org-token') {
    if (org !== null && org !== 'acme') return { status: 404 };
    owner = 'o:acme';
    standing = 'member';
  } else if (org === null) {
    owner = `u:${who.login}`;
    standing = 'self';
  } else {
    const role = who.orgs[org];
    if (!role) return { status: 404 };
    owner = `o:${org}`;
    standing = role;
  }
  if (access === 'configure' && standing === 'member') return { status: 403 };
  return { owner };
}

function hasTest(model: Model, owner: string, test: string): boolean {
  return model.tests.get(owner)?.has(test) ?? false;
}

function addTest(model: Model, owner: string, test: string): void {
  const tests = model.tests.get(owner) ?? new Set<string>();
  tests.add(test);
  model.tests.set(owner, tests);
}

/** What a route of an owner's data does. */
interface OwnerOp {
  method: Instance['method'];
  /** Path under /api/v0 (or /api/v0/orgs/{org}), with `{test}`. */
  path: string;
  access: Access;
  /** `existing`: 404 without the test; `create`: creates it; `none`: no test involved; `never`: the thing asked for never exists. */
  test: 'existing' | 'create' | 'none' | 'never';
  query?: string;
  body?: (model: Model, owner: string) => unknown;
  check?: (body: any, owner: string, test: string, model: Model) => void;
}

const OWNER_OPS: OwnerOp[] = [
  { method: 'POST', path: '/result/{test}/changes/disable', access: 'configure', test: 'existing', body: () => ['latency_p50'] },
  { method: 'POST', path: '/result/{test}/changes/enable', access: 'configure', test: 'existing', body: () => [] },
  { method: 'GET', path: '/result/{test}/changes', access: 'read', test: 'existing', check: (body, _o, test) => expect(Object.keys(body)).to.deep.equal([test]) },
  { method: 'POST', path: '/result/{test}', access: 'write', test: 'create', body: (model, owner) => [taggedResult(model, owner)] },
  { method: 'PUT', path: '/result/{test}', access: 'write', test: 'create', body: (model, owner) => [taggedResult(model, owner)] },
  {
    method: 'GET',
    path: '/result/{test}',
    access: 'read',
    test: 'existing',
    check: (body: { extra_info: { owner?: string } }[], owner) => {
      for (const result of body) expect(result.extra_info.owner, 'a result of another owner').to.equal(owner);
    },
  },
  { method: 'DELETE', path: '/result/{test}', access: 'write', test: 'existing', query: '?timestamp=1' },
  {
    method: 'GET',
    path: '/results',
    access: 'read',
    test: 'none',
    check: (body: { test_name: string }[], owner, _t, model) => expect(body.map((t) => t.test_name)).to.deep.equal([...(model.tests.get(owner) ?? [])].sort()),
  },
  { method: 'GET', path: '/user/config', access: 'read', test: 'none' },
  { method: 'PUT', path: '/user/config', access: 'configure', test: 'none', body: () => ({ core: { window_len: 40 } }) },
  { method: 'GET', path: '/config/{test}', access: 'read', test: 'existing', check: (body, _o, test) => expect(body.test_name).to.equal(test) },
  { method: 'PUT', path: '/config/{test}', access: 'configure', test: 'existing', body: () => ({ thresholds: { min_magnitude: 0.07 } }) },
  {
    method: 'POST',
    path: '/agent/performance',
    access: 'write',
    test: 'none',
    body: (model) => ({
      agentId: 'a1',
      assetId: 'web-1',
      timestamp: (model.clock += 60),
      performanceData: { cpu: { usage: 1 }, memory: { usagePercent: 2 }, system: { uptime: 3, processCount: 4, threadCount: 5 } },
    }),
  },
  { method: 'GET', path: '/agent/performance', access: 'read', test: 'existing', query: '?assetId=web-1' },
  { method: 'GET', path: '/notifications', access: 'read', test: 'none', check: (body) => expect(body).to.be.an('array') },
  { method: 'POST', path: '/notifications/{id}/retry', access: 'write', test: 'never' },
];

/** The instances of the owner routes: without an organisation on `test`, and under each organisation on its test. */
function ownerInstances(base: string): Instance[] {
  const targets: { org: string | null; test: string }[] = [
    { org: null, test: 'alice/private' },
    { org: 'acme', test: 'acme/private' },
    { org: 'globex', test: 'globex/private' },
  ];
  return targets.flatMap(({ org, test }) =>
    OWNER_OPS.map((op): Instance => {
      const prefix = org === null ? '/api/v0' : `/api/v0/orgs/${org}`;
      const subject = op.path === '/agent/performance' ? 'agents/web-1' : test;
      const path = op.path.replace('{test}', test).replace('{id}', '00000000-0000-4000-8000-000000000000');
      return {
        operation: `${op.method} ${org === null ? '/api/v0' : '/api/v0/orgs/{org}'}${op.path}`,
        method: op.method,
        url: `${base}${prefix}${path}${op.query ?? ''}`,
        body: op.body && ((who, model) => {
          const a = acting(who, org, op.access);
          return op.body?.(model, 'owner' in a ? a.owner : 'refused');
        }),
        expect: (who, model) => {
          const a = acting(who, org, op.access);
          if ('status' in a) return { status: a.status, changes: null };
          const changes = op.method === 'GET' ? null : a.owner;
          if (op.test === 'never') return { status: 404, changes: null };
          if (op.test === 'existing' && !hasTest(model, a.owner, subject)) return { status: 404, changes: null };
          return {
            status: op.path === '/notifications/{id}/retry' ? 202 : 200,
            changes,
            ...(op.check ? { check: (body: unknown) => op.check?.(body, a.owner, subject, model) } : {}),
            apply: () => {
              if (op.test === 'create') addTest(model, a.owner, subject);
              if (op.path === '/agent/performance' && op.method === 'POST') addTest(model, a.owner, 'agents/web-1');
            },
          };
        },
      };
    }),
  );
}

/** The public routes on each seeded test, public or not. */
function publicInstances(base: string): Instance[] {
  const seeded = Object.entries(SEEDED)
    .flatMap(([owner, tests]) => Object.entries(tests).map(([test, isPublic]) => ({ owner, test, isPublic })))
    .sort((a, b) => (a.owner === b.owner ? (a.test < b.test ? -1 : 1) : a.owner < b.owner ? -1 : 1));
  const publicList = seeded.filter((t) => t.isPublic).map((t) => ({ owner: t.owner.slice(2), test_name: t.test }));
  return [
    {
      operation: 'GET /api/v0/public/results',
      method: 'GET',
      url: `${base}/api/v0/public/results`,
      expect: () => ({
        status: 200,
        changes: null,
        check: (body: { owner: string; test_name: string }[]) => expect(body.map(({ owner, test_name }) => ({ owner, test_name }))).to.deep.equal(publicList),
      }),
    },
    ...seeded.flatMap(({ owner, test, isPublic }): Instance[] => [
      {
        operation: 'GET /api/v0/public/result/{owner}/{test}',
        method: 'GET',
        url: `${base}/api/v0/public/result/${owner.slice(2)}/${test}`,
        expect: () => ({
          status: isPublic ? 200 : 404,
          changes: null,
          check: (body: { extra_info: { owner?: string } }[]) => {
            for (const result of body) expect(result.extra_info.owner).to.equal(owner);
          },
        }),
      },
      {
        operation: 'GET /api/v0/public/result/{owner}/{test}/changes',
        method: 'GET',
        url: `${base}/api/v0/public/result/${owner.slice(2)}/${test}/changes`,
        expect: () => ({ status: isPublic ? 200 : 404, changes: null }),
      },
    ]),
  ];
}

/** The token ids `who` manages: their own, and those of organisations they administer. */
function managedTokens(who: Who, model: Model): string[] {
  const owners = [`u:${who.login}`, ...Object.entries(who.orgs).filter(([, r]) => r === 'admin').map(([o]) => `o:${o}`)];
  return [...model.tokens].filter(([, owner]) => owners.includes(owner)).map(([id]) => id).sort();
}

/** The account routes: who is logged in, and tokens (own, for an organisation, listing, revoking). */
function accountInstances(base: string, spares: { alice: string; acme: string }): Instance[] {
  const asUser = (who: Who): number | null => (who.kind === 'anonymous' ? 401 : who.kind === 'org-token' ? 403 : null);
  const create = (org: string | null): Instance => ({
    operation: 'POST /api/v0/tokens',
    method: 'POST',
    url: `${base}/api/v0/tokens`,
    body: () => ({ name: 'matrix', ...(org ? { org } : {}) }),
    expect: (who, model) => {
      const refused = asUser(who);
      if (refused !== null) return { status: refused, changes: null };
      const owner = org === null ? `u:${who.login}` : `o:${org}`;
      if (org !== null && !who.orgs[org]) return { status: 404, changes: null };
      if (org !== null && who.orgs[org] !== 'admin') return { status: 403, changes: null };
      return {
        status: 201,
        changes: owner,
        check: (body) => expect(body).to.include({ org }).and.have.property('token').that.matches(/^vahti_/),
        apply: (body: { id: string }) => model.tokens.set(body.id, owner),
      };
    },
  });
  const revoke = (id: string, owner: string): Instance => ({
    operation: 'DELETE /api/v0/tokens/{id}',
    method: 'DELETE',
    url: `${base}/api/v0/tokens/${id}`,
    expect: (who) => {
      const refused = asUser(who);
      if (refused !== null) return { status: refused, changes: null };
      const manages = owner === `u:${who.login}` || (owner.startsWith('o:') && who.orgs[owner.slice(2)] === 'admin');
      return manages ? { status: 204, changes: owner } : { status: 404, changes: null };
    },
  });
  return [
    {
      operation: 'GET /api/v0/user',
      method: 'GET',
      url: `${base}/api/v0/user`,
      expect: (who) => {
        const refused = asUser(who);
        if (refused !== null) return { status: refused, changes: null };
        const orgs = Object.entries(who.orgs).map(([login, role]) => ({ login, role }));
        return { status: 200, changes: null, check: (body) => expect(body).to.deep.include({ login: who.login, orgs }) };
      },
    },
    create(null),
    create('acme'),
    create('globex'),
    {
      operation: 'GET /api/v0/tokens',
      method: 'GET',
      url: `${base}/api/v0/tokens`,
      expect: (who, model) => {
        const refused = asUser(who);
        if (refused !== null) return { status: refused, changes: null };
        return {
          status: 200,
          changes: null,
          check: (body: { id: string; token?: string }[]) => {
            expect(body.map((t) => t.id).sort()).to.deep.equal(managedTokens(who, model));
            for (const t of body) expect(t).not.to.have.any.keys('token', 'hash');
          },
        };
      },
    },
    revoke(spares.alice, 'u:alice'),
    revoke(spares.acme, 'o:acme'),
  ];
}

/** The service routes and the login routes (logout last: it ends the sessions). */
function serviceInstances(base: string): Instance[] {
  const fixed = (operation: string, method: Instance['method'], url: string, status: number): Instance => ({ operation, method, url, expect: () => ({ status, changes: null }) });
  return [
    fixed('GET /healthz', 'GET', `${base}/healthz`, 200),
    fixed('GET /metrics', 'GET', `${base}/metrics`, 200),
    fixed('GET /openapi.json', 'GET', `${base}/openapi.json`, 200),
    fixed('GET /docs', 'GET', `${base}/docs`, 200),
    fixed('GET /auth/github', 'GET', `${base}/auth/github`, 302),
    fixed('GET /auth/github/callback', 'GET', `${base}/auth/github/callback?code=forged&state=forged`, 401),
  ];
}

/** A fingerprint of every owner's tests, config and tokens. */
async function snapshot(app: ApiApp): Promise<Map<string, string>> {
  const entries = await Promise.all(
    OWNERS.map(async (owner) => {
      const tests = (await app.store.listTests(owner)).map((t) => [t.name, t.public, t.result_count, t.version, t.config]);
      const tokens = (await app.store.listTokens(owner)).map((t) => [t.id, t.revoked]);
      return [owner, JSON.stringify([tests, await app.store.getOwnerConfig(owner), tokens])] as const;
    }),
  );
  return new Map(entries);
}

/** The matrix, ready to run against one app. */
export interface Matrix {
  callers: Who[];
  instances: Instance[];
  /** Calls `instance` as every caller; returns how many calls were checked. */
  run(instance: Instance): Promise<number>;
  /** Logs everyone out (the last row: POST /auth/logout, 204 for all). */
  logout(): Promise<number>;
}

/**
 * Sets up the world on a login app (people logged in through the stand-in, seeded tests,
 * acme's CI token) and builds the matrix.
 *
 * @example const matrix = await buildMatrix(env, 'session'); for (const i of matrix.instances) await matrix.run(i);
 */
export async function buildMatrix(env: LoginApp, via: Via): Promise<Matrix> {
  const { app } = env;
  const people = [];
  for (const p of PEOPLE) {
    const person = await logIn(env, p.id, p.login, Object.entries(p.orgs).map(([org, role]) => membership(org, ORG_IDS[org] ?? 0, role)));
    const token = via === 'token' ? await app.tokenFor(p.login) : null;
    people.push({ ...p, person, token });
  }
  const carol = people.find((p) => p.login === 'carol');
  const orgToken = await carol?.person.browser.request('POST', `${app.url}/api/v0/tokens`, { json: { name: 'acme-ci', org: 'acme' }, headers: { 'X-CSRF-Token': carol.person.csrf } });
  const acmeSpare = await carol?.person.browser.request('POST', `${app.url}/api/v0/tokens`, { json: { name: 'acme-spare', org: 'acme' }, headers: { 'X-CSRF-Token': carol.person.csrf } });
  const aliceSpare = (await app.services.tokens.create('alice', 'alice-spare')).record.id;
  if (orgToken?.status !== 201 || acmeSpare?.status !== 201) throw new Error('could not create acme’s tokens');

  const model: Model = { tests: new Map(), tokens: new Map(), clock: 1_767_225_600 };
  for (const [owner, tests] of Object.entries(SEEDED)) {
    for (const [test, isPublic] of Object.entries(tests)) {
      await app.store.writeResults(owner, test, [taggedResult(model, owner) as never], 'append', model.clock);
      if (isPublic) await app.store.updateTest(owner, test, { public: true });
      addTest(model, owner, test);
    }
  }
  for (const owner of OWNERS) for (const t of await app.store.listTokens(owner)) if (!t.revoked) model.tokens.set(t.id, owner);

  const callers: Who[] = [
    { name: 'anonymous', kind: 'anonymous', orgs: {}, headers: {}, writeHeaders: {} },
    ...people.map((p): Who => ({
      name: p.name,
      kind: 'user',
      login: p.login,
      orgs: p.orgs,
      headers: p.token ? { Authorization: `Bearer ${p.token}` } : {},
      writeHeaders: p.token ? {} : { 'X-CSRF-Token': p.person.csrf },
      ...(p.token ? {} : { browser: p.person.browser }),
    })),
    { name: 'acme CI token', kind: 'org-token', orgs: {}, headers: { Authorization: `Bearer ${orgToken.body.token as string}` }, writeHeaders: {} },
  ];

  const instances = [...ownerInstances(app.url), ...publicInstances(app.url), ...accountInstances(app.url, { alice: aliceSpare, acme: acmeSpare.body.id as string }), ...serviceInstances(app.url)];
  const anonymous = new Browser();

  const call = async (who: Who, instance: Instance) => {
    const browser = who.browser ?? anonymous;
    const write = instance.method !== 'GET';
    const json = instance.body?.(who, model);
    return browser.request(instance.method, instance.url, {
      follow: false,
      headers: { ...who.headers, ...(write ? who.writeHeaders : {}) },
      ...(json === undefined ? {} : { json }),
    });
  };

  let before = await snapshot(app);
  return {
    callers,
    instances,
    run: async (instance) => {
      for (const who of callers) {
        const expected = instance.expect(who, model);
        const res = await call(who, instance);
        const where = `${who.name} ${instance.method} ${instance.url.slice(app.url.length)}`;
        expect(res.status, `${where}: ${JSON.stringify(res.body).slice(0, 300)}`).to.equal(expected.status);
        if (res.status >= 400) expect(res.contentType, where).to.match(/^application\/problem\+json/);
        if (res.status < 300) {
          expected.check?.(res.body);
          expected.apply?.(res.body);
        }
        if (instance.method !== 'GET') {
          const after = await snapshot(app);
          const changed = OWNERS.filter((owner) => before.get(owner) !== after.get(owner));
          expect(changed, `${where} changed`).to.satisfy((owners: string[]) => owners.every((o) => o === expected.changes));
          before = after;
        }
      }
      return callers.length;
    },
    logout: async () => {
      for (const who of callers) {
        const res = await call(who, { operation: 'POST /auth/logout', method: 'POST', url: `${app.url}/auth/logout`, expect: () => ({ status: 204, changes: null }) });
        expect(res.status, `${who.name} logout`).to.equal(204);
        if (who.browser) expect((await who.browser.request('GET', `${app.url}/api/v0/user`)).status, `${who.name} after logout`).to.equal(401);
      }
      return callers.length;
    },
  };
}
