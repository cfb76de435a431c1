import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { startApiApp, type ApiApp } from '../support/api-app.ts';
import { call } from '../support/api-client.ts';
import { apiResult } from '../support/api-factories.ts';

const BIN = new URL('../../bin/vahti.js', import.meta.url).pathname;

function vahti(args: string[], env: Record<string, string>) {
  const { PORT: _port, MONGODB_URI: _uri, ...inherited } = process.env;
  return spawnSync(process.execPath, [BIN, ...args], { env: { ...inherited, ...env }, encoding: 'utf8', timeout: 30_000 });
}

describe('npx vahti token create --user LOGIN', () => {
  let dataDir: string;
  let app: ApiApp | undefined;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'vahti-cli-'));
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes a token into DATA_DIR’s store and prints only the token, which the server then accepts', async () => {
    const run = vahti(['token', 'create', '--user', 'alice'], { DATA_DIR: dataDir });
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stdout).to.match(/^vahti_[A-Za-z0-9_-]{43}\n$/);
    const token = run.stdout.trim();

    app = await startApiApp({ dataDir });
    const write = await call(app.url, 'POST', '/api/v0/result/cli/test', { token, json: [apiResult(0)] });
    expect(write.status).to.equal(200);
    expect(await app.store.getTest('u:alice', 'cli/test')).to.include({ result_count: 1 });
  });

  it('exits 2 with one line on stderr for an invalid login, writing nothing', () => {
    const run = vahti(['token', 'create', '--user', '-bad-'], { DATA_DIR: dataDir });
    expect(run.status).to.equal(2);
    expect(run.stdout).to.equal('');
    expect(run.stderr.trim().split('\n')).to.have.length(1);
    expect(readdirSync(dataDir)).to.deep.equal([]);
  });

  it('exits 2 with one line for the name of a known organisation (users and organisations share names)', async () => {
    app = await startApiApp({ dataDir });
    const carol = await app.store.recordGithubLogin({ github_id: 13, login: 'carol', name: null, email: null, avatar_url: null }, null);
    await app.store.replaceMemberships(carol.id, [{ github_id: 500, login: 'acme', role: 'admin' }], 0);
    await app.close({ keepData: true });
    app = undefined;
    const run = vahti(['token', 'create', '--user', 'acme'], { DATA_DIR: dataDir });
    expect(run.status).to.equal(2);
    expect(run.stderr.trim().split('\n')).to.have.length(1);
    expect(run.stderr).to.match(/organisation/);
  });

  it('exits 2 for an invalid environment', () => {
    const run = vahti(['token', 'create', '--user', 'alice'], { DATA_DIR: dataDir, LOG_LEVEL: 'loud' });
    expect(run.status).to.equal(2);
    expect(run.stderr).to.match(/LOG_LEVEL/);
  });
});
