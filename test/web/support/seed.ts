/**
 * Demo data for the dashboard's browser tests, screenshots and benchmark: tests with known
 * steps (so their change points are fixed), metrics in both directions, hex commits of one
 * GitHub repository. Uploaded through the API like a CI job would.
 */
import { call } from '../../support/api-client.ts';
import { T0, stepSeries } from '../../support/api-factories.ts';
import type { TestResult } from '../../../src/store/types.ts';

/** A commit id that looks like git's (deterministic). */
export function commitOf(i: number): string {
  return ((i + 1) * 2654435761).toString(16).padStart(8, '0').slice(-8) + (i * 40503).toString(16).padStart(6, '0').slice(-6);
}

/** One hourly result with the given metrics (name → [value, unit, direction]). */
function result(i: number, metrics: Record<string, [number, string, 'lower_is_better' | 'higher_is_better']>): TestResult {
  return {
    timestamp: T0 + i * 3600,
    metrics: Object.entries(metrics).map(([name, [value, unit, direction]]) => ({ name, unit, value, direction })),
    attributes: { git_repo: 'https://github.com/acme/shop', branch: 'main', git_commit: commitOf(i), runner: 'ubuntu-24.04' },
    extra_info: {},
  };
}

/** The demo tests: name → results. `shop/checkout/api` has a latency regression at result 40. */
export function demoResults(): Record<string, TestResult[]> {
  const latency = stepSeries(40, 40, 0.3);
  const throughput = stepSeries(55, 25, 0.15);
  const flat = stepSeries(80, 0, 0);
  const slower = stepSeries(50, 30, 0.12);
  return {
    'shop/checkout/api': latency.map((v, i) => result(i, { latency_p99: [v, 'ms', 'lower_is_better'], throughput: [(throughput[i] ?? 100) * 40, 'req/s', 'higher_is_better'] })),
    'shop/checkout/db': flat.map((v, i) => result(i, { query_ms: [v / 10, 'ms', 'lower_is_better'] })),
    'shop/search': slower.map((v, i) => result(i, { latency_p50: [v / 4, 'ms', 'lower_is_better'] })),
    'parser/json': throughput.map((v, i) => result(i, { parse_rate: [v * 3, 'MB/s', 'higher_is_better'] })),
  };
}

/**
 * Uploads the demo tests with `token`.
 *
 * @example await seedDemo(app.url, token)
 */
export async function seedDemo(baseUrl: string, token: string, only?: string[]): Promise<void> {
  for (const [test, results] of Object.entries(demoResults())) {
    if (only && !only.includes(test)) continue;
    const res = await call(baseUrl, 'POST', `/api/v0/result/${test}`, { token, json: results });
    if (res.status !== 200) throw new Error(`seeding ${test} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
}
