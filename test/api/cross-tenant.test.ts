import { expect } from 'chai';
import { freshDatabaseName } from '../store/mongo-factory.ts';
import { call } from '../support/api-client.ts';
import { startFerretDb, type FerretDb } from '../support/ferretdb.ts';
import { startLoginApp, type LoginApp } from '../support/login.ts';
import { buildMatrix, type Matrix, type Via } from '../support/tenant-matrix.ts';

/** Every documented operation, as `METHOD /path`. */
async function documentedOperations(env: LoginApp): Promise<string[]> {
  const doc = (await call(env.app.url, 'GET', '/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
}

/**
 * The matrix on one store, the people calling by session (cookie + CSRF token) or by their own
 * API tokens: one test per request, each made by every caller.
 */
function matrixSuite(store: 'SQLite' | 'MongoDB (FerretDB)', via: Via, mongodbUri: () => string | undefined): void {
  describe(`on ${store}, people calling with their ${via === 'session' ? 'login session' : 'API tokens'}`, function () {
    this.timeout(60_000);
    let env: LoginApp;
    let matrix: Matrix;
    let cells = 0;
    const done = new Set<string>();

    before(async () => {
      const uri = mongodbUri();
      env = await startLoginApp(uri ? { mongodbUri: uri, mongodbDb: freshDatabaseName('vahti_matrix') } : {});
      matrix = await buildMatrix(env, via);
    });
    after(async () => env?.close());

    it('has every caller: user A, user B, org admin, org member, non-member, an organisation token, anonymous', () => {
      expect(matrix.callers.map((w) => w.name)).to.deep.equal(['anonymous', 'user A', 'user B', 'org admin', 'org member', 'non-member', 'acme CI token']);
    });

    it('gives each caller exactly its answer on every request, and no write changes another owner', async () => {
      for (const instance of matrix.instances) {
        cells += await matrix.run(instance);
        done.add(instance.operation);
      }
      cells += await matrix.logout();
      done.add('POST /auth/logout');
    });

    it('covered every documented route and every login route', async () => {
      const expected = [...(await documentedOperations(env)), 'GET /auth/github', 'GET /auth/github/callback', 'POST /auth/logout'];
      expect([...done].sort()).to.deep.equal([...new Set(expected)].sort());
      expect(cells).to.equal((matrix.instances.length + 1) * matrix.callers.length);
      console.log(`      cross-tenant matrix (${store}, ${via}): ${matrix.instances.length + 1} requests × ${matrix.callers.length} callers = ${cells} checked calls over ${done.size} routes`);
    });
  });
}

describe('cross-tenant access matrix', () => {
  matrixSuite('SQLite', 'session', () => undefined);
  matrixSuite('SQLite', 'token', () => undefined);

  describe('MongoDB', function () {
    this.timeout(60_000);
    let ferret: FerretDb | undefined;
    before(async () => {
      ferret = await startFerretDb();
    });
    after(async () => ferret?.stop());
    matrixSuite('MongoDB (FerretDB)', 'session', () => ferret?.uri);
    matrixSuite('MongoDB (FerretDB)', 'token', () => ferret?.uri);
  });
});
