/**
 * Dashboard benchmark (`npm run bench:web`): the real app (SQLite in a temp DATA_DIR) on
 * loopback and Debian's headless Chromium (scripts/setup-chromium.sh) driven by playwright-core.
 *
 * Measures (1) a test page with the demo data (80 results, two metrics): first contentful paint
 * and the moment every chart is drawn, cold (a fresh tab each run, assets from the server);
 * (2) a 100,000-result series: time until its chart is drawn, then how interactive it stays —
 * the time from a pointer move to the next frame (tooltip updated) over 200 moves, from a zoom
 * key to the redrawn frame, and the long tasks (> 50 ms) during those interactions.
 * Writes the section "## Dashboard (npm run bench:web)" of docs/benchmarks.md.
 *
 * Env: VAHTI_BENCH_RUNS (default 10) cold loads of the small page.
 */
import os from 'node:os';
import type { Page } from 'playwright-core';
import { benchmarksFile, writeBenchmarkSection } from '../../../bench/benchmarks-file.ts';
import { startApiApp } from '../../support/api-app.ts';
import { call } from '../../support/api-client.ts';
import { T0 } from '../../support/api-factories.ts';
import { launchBrowser } from '../support/browser.ts';
import { seedDemo } from '../support/seed.ts';
import type { TestResult } from '../../../src/store/types.ts';

const SECTION = '## Dashboard (npm run bench:web)';
const runs = Number(process.env.VAHTI_BENCH_RUNS || 10);
const BIG = 100_000;
const UPLOAD_BATCH = 10_000;

function progress(line: string): void {
  process.stderr.write(`bench:web: ${line}\n`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** A noisy series stepping up 20 % at every 25,000th result. */
function bigBatch(from: number, count: number): TestResult[] {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const value = 100 * (1 + 0.2 * Math.floor(i / 25_000)) + Math.sin(i * 12.9898) * 2;
    return {
      timestamp: T0 + i * 60,
      metrics: [{ name: 'latency', unit: 'ms', value, direction: 'lower_is_better' as const }],
      attributes: { git_repo: 'https://github.com/acme/shop', branch: 'main', git_commit: `c${i}` },
      extra_info: {},
    };
  });
}

/** Loads `path` in a fresh tab signed in with `token`; ms from navigation start to FCP and to every chart drawn. */
async function coldLoad(newPage: () => Promise<Page>, url: string, token: string, charts: number): Promise<{ page: Page; fcp: number; drawn: number }> {
  const page = await newPage();
  await page.addInitScript((t) => sessionStorage.setItem('vahti.token', t), token);
  await page.goto(url);
  await page.locator('.chart canvas').nth(charts - 1).waitFor({ timeout: 120_000 });
  const drawn = (await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))))')) as number;
  const fcp = (await page.evaluate(`performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN`)) as number;
  return { page, fcp, drawn };
}

/**
 * Runs in the page: pointer moves across the first chart and zoom keys, each timed to the next
 * frame, and the long tasks meanwhile. A string, so no helper of the Node-side transpiler leaks in.
 */
const INTERACT = `(async () => {
  const longTasks = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
  observer.observe({ type: 'longtask', buffered: false });
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  const over = document.querySelector('.u-over');
  const chart = document.querySelector('.chart');
  const box = over.getBoundingClientRect();
  const hover = [];
  for (let k = 0; k < 200; k++) {
    const start = performance.now();
    over.dispatchEvent(new MouseEvent('mousemove', { clientX: box.left + ((k * 37) % box.width), clientY: box.top + box.height / 2, bubbles: true }));
    await frame();
    hover.push(performance.now() - start);
  }
  const tooltip = !document.querySelector('.chart-tooltip').hidden;
  const zoom = [];
  for (const key of ['+', '+', '+', '-', '-', '-', '0', 'ArrowLeft', 'ArrowRight', '0']) {
    const start = performance.now();
    chart.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    await frame();
    await frame();
    zoom.push(performance.now() - start);
  }
  await new Promise((r) => setTimeout(r, 100));
  observer.disconnect();
  return { hover, zoom, longTasks, tooltip };
})()`;

/** Pointer moves and zoom keys on the first chart: frame latencies and long tasks. */
async function interact(page: Page): Promise<{ hover: number[]; zoom: number[]; longTasks: number[]; tooltip: boolean }> {
  return page.evaluate(INTERACT) as Promise<{ hover: number[]; zoom: number[]; longTasks: number[]; tooltip: boolean }>;
}

const loadAverage = os.loadavg().map((l) => l.toFixed(2)).join(' / ');
const app = await startApiApp();
const browser = await launchBrowser();
try {
  const token = await app.tokenFor('bench');
  await seedDemo(app.url, token, ['shop/checkout/api']);
  let uploadMs = 0;
  for (let from = 0; from < BIG; from += UPLOAD_BATCH) {
    const start = performance.now();
    const res = await call(app.url, 'POST', '/api/v0/result/bench/big', { token, json: bigBatch(from, UPLOAD_BATCH) });
    uploadMs += performance.now() - start;
    if (res.status !== 200) throw new Error(`upload failed: ${res.status}`);
  }
  progress(`uploaded ${BIG} results in ${uploadMs.toFixed(0)} ms`);
  const bigBytes = Number((await fetch(`${app.url}/api/v0/result/bench/big`, { headers: { authorization: `Bearer ${token}` } })).headers.get('content-length') ?? Number.NaN);

  const small: { fcp: number; drawn: number }[] = [];
  for (let r = 0; r < runs + 1; r++) {
    const { page, fcp, drawn } = await coldLoad(() => browser.newPage(), `${app.url}/tests/shop/checkout/api`, token, 2);
    await page.close();
    if (r > 0) small.push({ fcp, drawn });
    progress(`small page run ${r}${r === 0 ? ' (warm-up, not counted)' : ''}: FCP ${fcp.toFixed(0)} ms, charts drawn ${drawn.toFixed(0)} ms`);
  }
  const big = await coldLoad(() => browser.newPage(), `${app.url}/tests/bench/big`, token, 1);
  progress(`100k page: FCP ${big.fcp.toFixed(0)} ms, chart drawn ${big.drawn.toFixed(0)} ms`);
  const marks = await big.page.locator('.change-count').innerText();
  const { hover, zoom, longTasks, tooltip } = await interact(big.page);
  progress(`100k hover p50 ${median(hover).toFixed(1)} ms p95 ${percentile(hover, 95).toFixed(1)} ms; zoom p50 ${median(zoom).toFixed(1)} ms max ${Math.max(...zoom).toFixed(1)} ms; long tasks ${longTasks.length}`);
  await big.page.close();

  const fcp = median(small.map((s) => s.fcp));
  const drawn = median(small.map((s) => s.drawn));
  const worstDrawn = Math.max(...small.map((s) => s.drawn));
  const cpus = os.cpus();
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
  const section = [
    SECTION,
    '',
    `Measured ${new Date().toISOString()} with \`npm run bench:web\`; ${runs} cold loads of the small page after one warm-up.`,
    '',
    `Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${os.type()} ${os.release()}; Node ${process.version}; Debian Chromium (headless, --disable-gpu) via playwright-core. Load average when the run started: ${loadAverage}.`,
    '',
    'Setup: the app with SQLite in a temp DATA_DIR on 127.0.0.1, client assets built in memory by esbuild at start; every load is a new tab, signed in with an API token; times are from navigation start (`performance.now()` in the page).',
    '"Charts drawn" is when every chart canvas exists and two animation frames have passed, after the results, change points and settings were fetched.',
    'Pointer and key latencies are counted to the next animation frame, so one 60 Hz frame (16.7 ms) is the floor; the key measure waits two frames (33.3 ms floor).',
    '',
    '| measurement | data | median | worst |',
    '|---|---|---:|---:|',
    `| test page: first contentful paint | shop/checkout/api, 80 results × 2 metrics | ${ms(fcp)} | ${ms(Math.max(...small.map((s) => s.fcp)))} |`,
    `| test page: every chart drawn | same | ${ms(drawn)} | ${ms(worstDrawn)} |`,
    `| 100k-point page: chart drawn (one load) | bench/big, ${BIG.toLocaleString('en-US')} results (${(bigBytes / 2 ** 20).toFixed(1)} MiB of JSON), ${marks} | ${ms(big.drawn)} | |`,
    `| 100k: pointer move → next frame (tooltip shown: ${tooltip ? 'yes' : 'no'}) | 200 moves across the chart | ${median(hover).toFixed(1)} ms | p95 ${percentile(hover, 95).toFixed(1)} ms |`,
    `| 100k: zoom / pan / reset key → redrawn frame | 10 keys | ${median(zoom).toFixed(1)} ms | ${Math.max(...zoom).toFixed(1)} ms |`,
    `| 100k: long tasks (> 50 ms) during those interactions | | ${longTasks.length} | ${longTasks.length ? ms(Math.max(...longTasks)) : '—'} |`,
    '',
    '| target (from the issue) | measured | |',
    '|---|---|---|',
    `| first paint of a test page under 1 s in headless Chromium | FCP ${ms(fcp)}; charts drawn ${ms(drawn)} (worst ${ms(worstDrawn)}) | ${verdict(worstDrawn < 1000)} |`,
    `| a 100,000-point series renders and stays interactive | drawn in ${ms(big.drawn)}; pointer p95 ${percentile(hover, 95).toFixed(1)} ms, zoom max ${Math.max(...zoom).toFixed(1)} ms | ${verdict(percentile(hover, 95) < 50 && Math.max(...zoom) < 200)} |`,
    '',
  ].join('\n');
  writeBenchmarkSection(SECTION, section);
  progress(`wrote ${benchmarksFile}`);
} finally {
  await browser.close();
  await app.close();
}
