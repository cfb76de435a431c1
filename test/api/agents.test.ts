import { expect } from 'chai';
import { startApiApp, owner, type ApiApp } from '../support/api-app.ts';
import { call } from '../support/api-client.ts';

const NOW = 1_767_225_600;

function report(timestamp: number | string, cpu = 12.5) {
  return {
    agentId: 'agent-7',
    assetId: 'web-1',
    timestamp,
    performanceData: {
      cpu: { usage: cpu, cores: 8, model: 'x86' },
      memory: { usagePercent: 41.5, usedBytes: 4_000_000 },
      disk: [
        { name: 'sda', usagePercent: 70 },
        { name: 'sdb', usagePercent: 10 },
      ],
      network: { interfaces: [{ name: 'eth0', rxBytes: 100, txBytes: 50 }] },
      system: { uptime: 3600, processCount: 120, threadCount: 900 },
    },
  };
}

describe('monitoring agents /api/v0/agent/performance', () => {
  let app: ApiApp;
  let token: string;
  let now = NOW;

  before(async () => {
    app = await startApiApp({ clock: () => now });
    token = await app.tokenFor('alice');
  });
  after(async () => app.close());

  it('stores a report as a result of agents/<assetId> with flattened metric names (strings are not metrics)', async () => {
    const res = await call(app.url, 'POST', '/api/v0/agent/performance', { token, json: report(NOW - 30) });
    expect(res.status).to.equal(200);
    expect(res.body).to.deep.equal({ test_name: 'agents/web-1', timestamp: NOW - 30, metrics: 11 });
    const [stored] = await app.store.listResults(owner('alice'), 'agents/web-1');
    expect(stored?.metrics.map((m) => m.name)).to.have.members([
      'cpu.usage',
      'cpu.cores',
      'memory.usagePercent',
      'memory.usedBytes',
      'disk.sda.usagePercent',
      'disk.sdb.usagePercent',
      'network.interfaces.eth0.rxBytes',
      'network.interfaces.eth0.txBytes',
      'system.uptime',
      'system.processCount',
      'system.threadCount',
    ]);
    expect(stored?.metrics.find((m) => m.name === 'cpu.usage')).to.include({ unit: '%', value: 12.5 });
  });

  it('moves the asset’s last_seen to the server time of the upload', async () => {
    now = NOW + 5;
    await call(app.url, 'POST', '/api/v0/agent/performance', { token, json: report(NOW - 20) });
    expect((await app.store.getTest(owner('alice'), 'agents/web-1'))?.last_seen).to.equal(NOW + 5);
  });

  it('accepts an ISO 8601 timestamp and stores a resent report once', async () => {
    const iso = new Date((NOW - 10) * 1000).toISOString();
    await call(app.url, 'POST', '/api/v0/agent/performance', { token, json: report(iso) });
    await call(app.url, 'POST', '/api/v0/agent/performance', { token, json: report(iso) });
    const stored = await app.store.listResults(owner('alice'), 'agents/web-1', { since: NOW - 10 });
    expect(stored).to.have.length(1);
  });

  it('returns the samples of a time window, newest limited, oldest first', async () => {
    now = NOW;
    await call(app.url, 'POST', '/api/v0/agent/performance', { token, json: report(NOW - 3600, 90) });
    const res = await call(app.url, 'GET', '/api/v0/agent/performance?assetId=web-1&timeWindow=1min&limit=2', { token });
    expect(res.status).to.equal(200);
    expect(res.body).to.include({ assetId: 'web-1', timeWindow: '1min', since: NOW - 60 });
    expect(res.body.samples.map((s: { timestamp: number }) => s.timestamp)).to.deep.equal([NOW - 20, NOW - 10]);
    expect(res.body.samples[0]).to.include({ agentId: 'agent-7' });
    expect(res.body.samples[0].metrics['disk.sda.usagePercent']).to.equal(70);
    const day = await call(app.url, 'GET', '/api/v0/agent/performance?assetId=web-1&timeWindow=1day', { token });
    expect(day.body.samples).to.have.length(4);
  });

  it('rejects a report with a string where a number belongs and stores nothing', async () => {
    const bad = report(NOW - 1);
    const res = await call(app.url, 'POST', '/api/v0/agent/performance', {
      token,
      json: { ...bad, assetId: 'web-2', performanceData: { ...bad.performanceData, cpu: { usage: '12%' } } },
    });
    expect(res.status).to.equal(400);
    expect(res.body.errors[0].pointer).to.equal('#/performanceData/cpu/usage');
    expect(await app.store.getTest(owner('alice'), 'agents/web-2')).to.equal(null);
  });

  it('rejects a report missing system counters', async () => {
    const bad = report(NOW - 1);
    const { system: _system, ...rest } = bad.performanceData;
    const res = await call(app.url, 'POST', '/api/v0/agent/performance', { token, json: { ...bad, performanceData: rest } });
    expect(res.status).to.equal(400);
    expect(res.body.code).to.equal('validation_failed');
  });

  it('rejects an asset id that cannot be a test name segment', async () => {
    const res = await call(app.url, 'POST', '/api/v0/agent/performance', { token, json: { ...report(NOW), assetId: '../x' } });
    expect(res.status).to.equal(400);
    expect(res.body.errors[0].pointer).to.equal('#/assetId');
  });

  it('rejects an unknown time window', async () => {
    const res = await call(app.url, 'GET', '/api/v0/agent/performance?assetId=web-1&timeWindow=2min', { token });
    expect(res.status).to.equal(400);
    expect(res.body.errors[0].parameter).to.equal('timeWindow');
  });

  it('answers 404 for another owner’s asset', async () => {
    const bob = await app.tokenFor('bob');
    const res = await call(app.url, 'GET', '/api/v0/agent/performance?assetId=web-1', { token: bob });
    expect(res.status).to.equal(404);
  });

  it('answers 404 for an asset that never reported', async () => {
    const res = await call(app.url, 'GET', '/api/v0/agent/performance?assetId=ghost', { token });
    expect(res.status).to.equal(404);
  });
});
