/**
 * API benchmark (`npm run bench:api`): starts the real server (`src/main.ts`, SQLite in a temp
 * DATA_DIR) as a child process and loads it over loopback with autocannon from this process.
 *
 * Measures (1) the ingest rate in result-points per second (results × metrics) of appending
 * batches to one test from one connection, and (2) the throughput of the cached
 * `GET /api/v0/result/{test}/changes` against the bare `GET /healthz` in the same run.
 * Writes the section "## API (npm run bench:api)" of docs/benchmarks.md.
 *
 * The two reads alternate for a few rounds and the median ratio is reported, so a burst of other
 * load on the machine skews one round rather than the result.
 *
 * Env: VAHTI_BENCH_SECONDS (default 10) per measurement; VAHTI_BENCH_SEED overrides the data seed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { TokenService } from '../src/services/index.ts';
import { systemClock } from '../src/store/clock.ts';
import { openStore } from '../src/store/open-store.ts';
import type { TestResult } from '../src/store/types.ts';
import { seededRandom, type Random } from '../test/support/random-series.ts';
import { benchmarksFile, writeBenchmarkSection } from './benchmarks-file.ts';

const SECTION = '## API (npm run bench:api)';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const seconds = Number(process.env.VAHTI_BENCH_SECONDS || 10);
const seed = Number(process.env.VAHTI_BENCH_SEED || 20_251_122);

const BATCH = 100;
const METRICS = ['throughput', 'latency_p50', 'latency_p99', 'cpu', 'memory'] as const;
const INGEST_CONNECTIONS = 1;
const READ_CONNECTIONS = 10;
/** Bare and cached reads alternate this many times; the round with the median ratio is reported. */
const READ_ROUNDS = 3;
const CACHED_RESULTS = 2_000;
const T0 = 1_767_225_600;

function progress(line: string): void {
  process.stderr.write(`bench:api: ${line}\n`);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP port');
  return address.port;
}

/** Results `from…from+count-1` of a noisy series whose level steps every 500 results. */
function batch(rng: Random, from: number, count: number): TestResult[] {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const level = 100 * (1 + 0.2 * (Math.floor(i / 500) % 3));
    return {
      timestamp: T0 + i,
      metrics: METRICS.map((name) => ({ name, unit: 'ms', value: level * (1 + 0.01 * rng.gaussian()) })),
      attributes: { git_repo: 'https://github.com/acme/shop', branch: 'main', git_commit: `c${i}` },
      extra_info: {},
    };
  });
}

async function startServer(dataDir: string, port: number): Promise<{ child: ChildProcess; readyMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', MONGODB_URI: '' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    if (ok) return { child, readyMs: performance.now() - started };
    if (performance.now() - started > 30_000) throw new Error('server not ready after 30 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function load(options: autocannon.Options): Promise<autocannon.Result> {
  const result = await autocannon({ duration: seconds, ...options });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${options.url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result;
}

const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
const verdict = (met: boolean) => (met ? 'met' : '**not met**');

const loadAverage = os.loadavg().map((l) => l.toFixed(2)).join(' / ');
const dataDir = mkdtempSync(join(os.tmpdir(), 'vahti-bench-api-'));
const store = await openStore({ dataDir });
const token = (await new TokenService(store, systemClock).create('bench', 'bench')).secret;
await store.close();

const port = await freePort();
const { child, readyMs } = await startServer(dataDir, port);
const base = `http://127.0.0.1:${port}`;
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
progress(`server ready in ${readyMs.toFixed(0)} ms`);

try {
  const rng = seededRandom(seed);
  let next = 0;
  const ingest = await load({
    url: `${base}/api/v0/result/bench/ingest`,
    connections: INGEST_CONNECTIONS,
    requests: [
      {
        method: 'POST',
        headers,
        setupRequest: (req) => {
          const body = JSON.stringify(batch(rng, next, BATCH));
          next += BATCH;
          return { ...req, body };
        },
      },
    ],
  });
  const pointsPerSecond = (ingest.requests.total * BATCH * METRICS.length) / (ingest.duration || seconds);
  progress(`ingest: ${fmt(ingest.requests.average)} req/s, ${fmt(pointsPerSecond)} result-points/s`);

  const cachedUrl = `${base}/api/v0/result/bench/cached/changes`;
  const seeded = await fetch(`${base}/api/v0/result/bench/cached`, { method: 'POST', headers, body: JSON.stringify(batch(rng, 0, CACHED_RESULTS)) });
  if (!seeded.ok) throw new Error(`seeding failed: ${seeded.status}`);
  const groups = ((await (await fetch(cachedUrl, { headers })).json()) as Record<string, unknown[]>)['bench/cached']?.length ?? 0;

  await load({ url: `${base}/healthz`, connections: READ_CONNECTIONS, duration: 2 });
  await load({ url: cachedUrl, connections: READ_CONNECTIONS, headers, duration: 2 });
  const rounds: Array<{ bare: autocannon.Result; cached: autocannon.Result; ratio: number }> = [];
  for (let round = 1; round <= READ_ROUNDS; round++) {
    const bare = await load({ url: `${base}/healthz`, connections: READ_CONNECTIONS });
    const cached = await load({ url: cachedUrl, connections: READ_CONNECTIONS, headers });
    rounds.push({ bare, cached, ratio: cached.requests.average / bare.requests.average });
    progress(`round ${round}: GET /healthz ${fmt(bare.requests.average)} req/s; cached changes ${fmt(cached.requests.average)} req/s`);
  }
  const { bare, cached, ratio } = [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor(READ_ROUNDS / 2)] ?? rounds[0]!;
  progress(`median ratio ${(ratio * 100).toFixed(0)} %`);

  const cpus = os.cpus();
  const section = [
    SECTION,
    '',
    `Measured ${new Date().toISOString()} with \`npm run bench:api\`, ${seconds} s per measurement, data seed ${seed}.`,
    '',
    `Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${os.type()} ${os.release()}; Node ${process.version}.`,
    '',
    'Setup: the server (`node --import tsx src/main.ts`, SQLite in a fresh temp DATA_DIR, LOG_LEVEL=warn so request logs are not written) runs as a child process;',
    'autocannon loads it from the benchmark process over 127.0.0.1, with a bearer token on every API request.',
    `The server answered /healthz ${readyMs.toFixed(0)} ms after it was spawned (tsx compile included). Load average when the run started: ${loadAverage}.`,
    `The two reads alternate ${READ_ROUNDS} times (${seconds} s each); the table shows the round with the median ratio (ratios of all rounds: ${rounds.map((r) => `${(r.ratio * 100).toFixed(0)} %`).join(', ')}).`,
    '',
    '| measurement | load | requests/s | p50 / p99 latency ms | derived |',
    '|---|---|---:|---:|---|',
    `| ingest: POST /api/v0/result/bench/ingest | ${BATCH} new results × ${METRICS.length} metrics per request, ${INGEST_CONNECTIONS} connection; each response carries the test's change points (incremental detector) | ${fmt(ingest.requests.average)} | ${ingest.latency.p50} / ${ingest.latency.p99} | **${fmt(pointsPerSecond)} result-points/s**, ${fmt(ingest.requests.total * BATCH)} results stored |`,
    `| bare route: GET /healthz | ${READ_CONNECTIONS} connections | ${fmt(bare.requests.average)} | ${bare.latency.p50} / ${bare.latency.p99} | |`,
    `| cached change points: GET /api/v0/result/bench/cached/changes | ${READ_CONNECTIONS} connections; ${CACHED_RESULTS.toLocaleString('en-US')} results × ${METRICS.length} metrics, ${groups} change-point groups | ${fmt(cached.requests.average)} | ${cached.latency.p50} / ${cached.latency.p99} | **${(ratio * 100).toFixed(0)} % of the bare route** |`,
    '',
    '| target (from the issue) | measured | |',
    '|---|---|---|',
    `| ingest ≥ 20,000 result-points/s from one client | ${fmt(pointsPerSecond)} | ${verdict(pointsPerSecond >= 20_000)} |`,
    `| cached changes ≥ 50 % of the bare route's throughput | ${(ratio * 100).toFixed(0)} % | ${verdict(ratio >= 0.5)} |`,
    '',
  ].join('\n');
  writeBenchmarkSection(SECTION, section);
  progress(`wrote ${benchmarksFile}`);
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}

