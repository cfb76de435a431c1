/**
 * Detection benchmark (`npm run bench:detect`): Vahti's detector against Apache Otava 0.8.0 on
 * seeded step series of 1k to 1M points, incremental append against a full recompute, and peak
 * memory at 1M. Writes the section "## Detection (npm run bench:detect)" of docs/benchmarks.md.
 *
 * Env: VAHTI_BENCH_OTAVA_1M=1 also runs Otava at 1M points (about a minute or more);
 * VAHTI_BENCH_SEED overrides the data seed.
 */
import os from 'node:os';
import { detectChangePoints, IncrementalDetector } from '../algorithms/index.ts';
import type { DetectMode } from '../algorithms/types.ts';
import { benchOtava, otavaPythonVersion } from '../test/support/otava.ts';
import { seededRandom, stepSeries } from '../test/support/random-series.ts';
import { benchmarksFile, writeBenchmarkSection } from './benchmarks-file.ts';

const SIZES = [1_000, 10_000, 50_000, 200_000, 1_000_000] as const;
const MODES: readonly DetectMode[] = ['vahti', 'otava'];
const APPEND_BASE = 100_000;
const APPENDS = 201;
const SECTION = '## Detection (npm run bench:detect)';
const seed = Number(process.env.VAHTI_BENCH_SEED || 20_251_122);
const otavaAt1M = process.env.VAHTI_BENCH_OTAVA_1M === '1';

interface SizeResult {
  n: number;
  vahtiMs: Record<DetectMode, number>;
  otavaMs: number | null;
  sameIndices: boolean | null;
  changePoints: number;
}

function progress(line: string): void {
  process.stderr.write(`bench:detect: ${line}\n`);
}

/** Otava's defaults; a level step every ~1,000 points of up to ±6 sd, 0.1 % outliers of 10 sd. */
function series(n: number): number[] {
  const shape = { meanStepEvery: 1_000, maxStep: 6, noise: 1, outlierRate: 0.001, outlierSize: 10, base: 100 };
  return stepSeries(seededRandom(seed + n), n, shape);
}

function timeMs(run: () => void): number {
  const started = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Best wall time of `runs` calls after one warm-up call. */
function bestMs(runs: number, run: () => void): number {
  run();
  return Math.min(...Array.from({ length: runs }, () => timeMs(run)));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function measureSize(n: number): Promise<SizeResult> {
  const data = series(n);
  const runs = n <= 50_000 ? 7 : 3;
  const vahtiMs = {} as Record<DetectMode, number>;
  for (const mode of MODES) {
    vahtiMs[mode] = bestMs(runs, () => detectChangePoints(data, { mode }));
    progress(`n=${n} vahti mode=${mode}: ${vahtiMs[mode].toFixed(2)} ms (best of ${runs})`);
  }
  const indices = detectChangePoints(data, { mode: 'otava' }).map((p) => p.index);
  if (n === 1_000_000 && !otavaAt1M) {
    progress(`n=${n} Otava skipped (VAHTI_BENCH_OTAVA_1M=1 to include)`);
    return { n, vahtiMs, otavaMs: null, sameIndices: null, changePoints: indices.length };
  }
  const repeat = n <= 10_000 ? 5 : n <= 50_000 ? 3 : 1;
  progress(`n=${n} Otava 0.8.0 (best of ${repeat})…`);
  const otava = await benchOtava({ series: data, windowLen: 50, maxPvalue: 0.001, minMagnitude: 0 }, repeat);
  const otavaMs = otava.bestSeconds * 1000;
  const sameIndices = JSON.stringify(otava.indices) === JSON.stringify(indices);
  progress(`n=${n} Otava: ${otavaMs.toFixed(1)} ms, same indices: ${sameIndices}`);
  return { n, vahtiMs, otavaMs, sameIndices, changePoints: indices.length };
}

function measureMemoryAt1M(): { rssMiB: number; heapUsedMiB: number; maxRssMiB: number } {
  const data = series(1_000_000);
  detectChangePoints(data);
  const { rss, heapUsed } = process.memoryUsage();
  const mib = 1024 * 1024;
  return { rssMiB: rss / mib, heapUsedMiB: heapUsed / mib, maxRssMiB: (process.resourceUsage().maxRSS * 1024) / mib };
}

function measureAppend(): { appendMs: number; fullMs: number } {
  const data = series(APPEND_BASE + APPENDS);
  const detector = new IncrementalDetector({});
  detector.append(data.slice(0, APPEND_BASE));
  const appendTimes = data.slice(APPEND_BASE).map((x) => timeMs(() => detector.append([x])));
  const appendMs = median(appendTimes);
  const fullMs = bestMs(3, () => detectChangePoints(data.slice(0, APPEND_BASE + 1)));
  progress(`append 1 point to ${APPEND_BASE}: ${appendMs.toFixed(3)} ms (median of ${APPENDS}); full: ${fullMs.toFixed(1)} ms`);
  return { appendMs, fullMs };
}

const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
const ratio = (otavaMs: number | null, vahtiMs: number) => (otavaMs === null ? '—' : `${fmt(otavaMs / vahtiMs)}×`);
const verdict = (met: boolean) => (met ? 'met' : '**not met**');

function report(results: SizeResult[], append: { appendMs: number; fullMs: number }, memory: ReturnType<typeof measureMemoryAt1M>, python: string): string {
  const cpus = os.cpus();
  const at = (n: number) => results.find((r) => r.n === n) as SizeResult;
  const at50k = at(50_000);
  const speedup50k = Math.min(...MODES.map((m) => (at50k.otavaMs ?? 0) / at50k.vahtiMs[m]));
  const slowest1M = Math.max(...MODES.map((m) => at(1_000_000).vahtiMs[m]));
  const appendRatio = append.fullMs / append.appendMs;
  const rows = results.map((r) => {
    const same = r.sameIndices === null ? '— (Otava not run)' : r.sameIndices ? 'yes' : '**no**';
    const otava = r.otavaMs === null ? '—' : fmt(r.otavaMs);
    return `| ${r.n.toLocaleString('en-US')} | ${fmt(r.vahtiMs.vahti)} | ${fmt(r.vahtiMs.otava)} | ${otava} | ${ratio(r.otavaMs, r.vahtiMs.vahti)} | ${ratio(r.otavaMs, r.vahtiMs.otava)} | ${same} | ${r.changePoints} |`;
  });
  return [
    SECTION,
    '',
    `Measured ${new Date().toISOString()} with \`npm run bench:detect\`${otavaAt1M ? ' (VAHTI_BENCH_OTAVA_1M=1)' : ''}, data seed ${seed}.`,
    '',
    `Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${os.type()} ${os.release()}; Node ${process.version}; Python ${python} with apache-otava 0.8.0 (scripts/setup-otava.sh). Load average when the run started: ${loadAtStart}.`,
    '',
    'Data: seeded step series, Gaussian noise (sd 1) around a level that steps every ~1,000 points by up to ±6 sd, 0.1 % outliers of +10 sd. Otava defaults: window 50, max p-value 0.001, min magnitude 0.',
    'Vahti: best of 7 runs (3 from 200k up) after a warm-up, detection only. Otava: `compute_change_points` alone timed inside Python, best of 5 (≤ 10k), 3 (50k) or 1 run.',
    '"Same indices" compares Vahti\'s otava mode with Otava.',
    '',
    '| n | Vahti ms (vahti mode) | Vahti ms (otava mode) | Otava 0.8.0 ms | speed-up, vahti mode | speed-up, otava mode | same indices? | change points (otava mode) |',
    '|---:|---:|---:|---:|---:|---:|:---:|---:|',
    ...rows,
    '',
    `Append 1 point to ${APPEND_BASE.toLocaleString('en-US')} points (\`IncrementalDetector.append\`, median of ${APPENDS}): ${fmt(append.appendMs)} ms; full recompute of ${(APPEND_BASE + 1).toLocaleString('en-US')} points: ${fmt(append.fullMs)} ms; ratio ${fmt(appendRatio)}×.`,
    '',
    `Memory after detecting 1,000,000 points (vahti mode): rss ${memory.rssMiB.toFixed(0)} MiB, heapUsed ${memory.heapUsedMiB.toFixed(0)} MiB; peak rss of the whole benchmark process ${memory.maxRssMiB.toFixed(0)} MiB.`,
    '',
    '| target (from the issue) | measured | |',
    '|---|---|---|',
    `| ≥ 20× faster than Otava at n = 50k (both modes) | ${fmt(speedup50k)}× | ${verdict(at50k.otavaMs !== null && speedup50k >= 20)} |`,
    `| 1M points under 2 s (both modes) | ${fmt(slowest1M)} ms | ${verdict(slowest1M < 2000)} |`,
    `| append to 100k ≥ 100× faster than a full recompute | ${fmt(appendRatio)}× | ${verdict(appendRatio >= 100)} |`,
    '',
  ].join('\n');
}


const loadAtStart = os.loadavg().map((x) => x.toFixed(2)).join(' / ');
const python = await otavaPythonVersion();
const results: SizeResult[] = [];
for (const n of SIZES) results.push(await measureSize(n));
const memory = measureMemoryAt1M();
progress(`memory at 1M: rss ${memory.rssMiB.toFixed(0)} MiB, heapUsed ${memory.heapUsedMiB.toFixed(0)} MiB`);
const append = measureAppend();
writeBenchmarkSection(SECTION, report(results, append, memory, python));
progress(`wrote ${benchmarksFile}`);
