/**
 * Differential test: Vahti's Otava-compatible mode against the real Apache Otava 0.8.0.
 *
 * Hundreds of seeded random series of many shapes go through Otava in one Python call (see
 * test/support/otava.ts) and through `detectChangePoints(…, { mode: 'otava' })`. Indices must be
 * equal; every statistic must agree to 1e-9 relative. Set VAHTI_DIFF_SEED to replay a run.
 */
import { expect } from 'chai';
import { detectChangePoints } from '../../algorithms/index.ts';
import type { ChangePoint } from '../../algorithms/types.ts';
import { type OtavaCase, runOtava } from '../support/otava.ts';
import { type Random, seededRandom, stepSeries } from '../support/random-series.ts';

const RELATIVE_TOLERANCE = 1e-9;
const TINY = 1e-300;
const MAX_PVALUES = [1e-5, 0.001, 0.01, 0.05, 0.2, 0.6, 1] as const;
const MIN_MAGNITUDES = [0, 0.01, 0.05, 0.2] as const;
const STATS = [
  'pvalue',
  'magnitude',
  'forward_change_percent',
  'mean_before',
  'mean_after',
  'stddev_before',
  'stddev_after',
] as const satisfies ReadonlyArray<keyof ChangePoint>;

interface Kind {
  /** Describes the series in the test's name. */
  name: string;
  count: number;
  make(rng: Random): OtavaCase;
}

/** Window and thresholds drawn from the ranges the issue names, small windows more often. */
function params(rng: Random, series: Array<number | null>, windowLen = drawWindow(rng)): OtavaCase {
  return { series, windowLen, maxPvalue: rng.pick(MAX_PVALUES), minMagnitude: rng.pick(MIN_MAGNITUDES) };
}

function drawWindow(rng: Random): number {
  return rng.uniform() < 0.5 ? rng.int(2, 12) : rng.pick([rng.int(2, 80), 30, 50, 80]);
}

function noise(rng: Random, n: number, sd: number, base = 0): number[] {
  return Array.from({ length: n }, () => base + sd * rng.gaussian());
}

/** Segments of small integers (0..3 shifted per segment): exact ties everywhere. */
function tiedIntegers(rng: Random, n: number): number[] {
  const top = rng.int(1, 3);
  const series: number[] = [];
  while (series.length < n) {
    const offset = rng.uniform() < 0.5 ? 0 : rng.int(0, 3);
    const length = rng.int(1, Math.max(1, Math.ceil(n / 2)));
    for (let i = 0; i < length && series.length < n; i++) series.push(offset + rng.int(0, top));
  }
  return series;
}

function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

const KINDS: readonly Kind[] = [
  {
    name: 'integers 0..3 with ties, 0..60 points',
    count: 170,
    make: (rng) => params(rng, tiedIntegers(rng, rng.int(0, 60))),
  },
  {
    name: 'integers with ties, 60..400 points',
    count: 40,
    make: (rng) => params(rng, tiedIntegers(rng, rng.int(60, 400))),
  },
  {
    name: 'short series of 0..10 points',
    count: 60,
    make: (rng) => {
      const n = rng.int(0, 10);
      const series = rng.uniform() < 0.5 ? tiedIntegers(rng, n) : noise(rng, n, 1, rng.pick([0, 1, 10]));
      return params(rng, series, rng.int(2, 12));
    },
  },
  {
    name: 'series shorter than the window',
    count: 50,
    make: (rng) => {
      const windowLen = rng.int(3, 80);
      const n = rng.int(0, windowLen - 1);
      const shape = { meanStepEvery: Math.max(2, n / 3), maxStep: 20, noise: 1, outlierRate: 0, outlierSize: 0, base: 10 };
      return params(rng, stepSeries(rng, n, shape), windowLen);
    },
  },
  {
    name: 'step changes of many sizes',
    count: 120,
    make: (rng) => {
      const n = rng.int(10, 400);
      const shape = {
        meanStepEvery: rng.int(3, 150),
        maxStep: 10 ** (rng.uniform() * 6 - 3),
        noise: rng.pick([0.001, 0.1, 1, 5]),
        outlierRate: 0,
        outlierSize: 0,
        base: rng.pick([0, 1, 100, -50, 1e6]),
      };
      const series = stepSeries(rng, n, shape);
      const decimals = rng.pick([null, 0, 1, 2]);
      return params(rng, decimals === null ? series : series.map((x) => roundTo(x, decimals)));
    },
  },
  {
    name: 'noise with outliers',
    count: 50,
    make: (rng) => {
      const n = rng.int(10, 400);
      const shape = {
        meanStepEvery: rng.pick([n, 100]),
        maxStep: 3,
        noise: 1,
        outlierRate: rng.pick([0.01, 0.03, 0.1]),
        outlierSize: rng.pick([-50, 10, 100, 1000]),
        base: rng.pick([0, 20, 1000]),
      };
      return params(rng, stepSeries(rng, n, shape));
    },
  },
  {
    name: 'linear trends',
    count: 50,
    make: (rng) => {
      const n = rng.int(5, 400);
      const slope = (rng.uniform() < 0.5 ? -1 : 1) * 10 ** (rng.uniform() * 3 - 3);
      const sd = rng.pick([0, 0.1, 1]);
      const base = rng.pick([0, 5, 100]);
      return params(rng, Array.from({ length: n }, (_, i) => base + slope * i + sd * rng.gaussian()));
    },
  },
  {
    name: 'noisy floats without a change',
    count: 50,
    make: (rng) => params(rng, noise(rng, rng.int(3, 400), rng.pick([1e-6, 1, 1e3]), rng.pick([0, 1, -3, 1e9]))),
  },
  {
    name: 'constant and near-zero series',
    count: 20,
    make: (rng) => {
      const n = rng.int(0, 120);
      const value = rng.pick([0, 1, -2.5, 1e-310]);
      return params(rng, Array.from({ length: n }, () => (rng.uniform() < 0.1 ? value + rng.pick([1e-12, -1]) : value)));
    },
  },
  {
    name: 'series with missing values (null)',
    count: 30,
    make: (rng) => {
      const n = rng.int(1, 200);
      const shape = { meanStepEvery: 40, maxStep: 10, noise: 1, outlierRate: 0, outlierSize: 0, base: 50 };
      const series = stepSeries(rng, n, shape).map((x) => (rng.uniform() < 0.15 ? null : x));
      return params(rng, series);
    },
  },
  {
    name: 'long step series of 1,000..3,000 points',
    count: 6,
    make: (rng) => {
      const shape = { meanStepEvery: 300, maxStep: 6, noise: 1, outlierRate: 0.005, outlierSize: 20, base: 100 };
      return params(rng, stepSeries(rng, rng.int(1000, 3000), shape), rng.pick([30, 50, 80]));
    },
  },
];

function sameNumber(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (a === b) return true;
  if (Math.abs(a) < TINY && Math.abs(b) < TINY) return true;
  return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/** The first difference between Vahti's and Otava's change points, or null when they agree. */
function firstDifference(vahti: readonly ChangePoint[], otava: readonly ChangePoint[]): string | null {
  const vahtiIndices = vahti.map((p) => p.index);
  const otavaIndices = otava.map((p) => p.index);
  if (JSON.stringify(vahtiIndices) !== JSON.stringify(otavaIndices)) {
    return `indices: vahti ${JSON.stringify(vahtiIndices)}, otava ${JSON.stringify(otavaIndices)}`;
  }
  for (const [i, o] of otava.entries()) {
    const v = vahti[i] as ChangePoint;
    for (const stat of STATS) {
      if (!sameNumber(v[stat], o[stat])) return `index ${o.index} ${stat}: vahti ${v[stat]}, otava ${o[stat]}`;
    }
  }
  return null;
}

function reproduction(c: OtavaCase): string {
  const options = { windowLen: c.windowLen, maxPvalue: c.maxPvalue, minMagnitude: c.minMagnitude, mode: 'otava' };
  return `detectChangePoints(${JSON.stringify(c.series)}, ${JSON.stringify(options)})`;
}

function diffSeed(): number {
  const raw = process.env.VAHTI_DIFF_SEED;
  if (raw === undefined || raw === '') return 20_251_122;
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed)) throw new Error(`VAHTI_DIFF_SEED must be an integer, got "${raw}"`);
  return seed;
}

describe('detectChangePoints in otava mode against Apache Otava 0.8.0', function () {
  const seed = diffSeed();
  const rng = seededRandom(seed);
  const cases = KINDS.map((kind) => Array.from({ length: kind.count }, () => kind.make(rng)));
  let expected: ChangePoint[][][] = [];

  before(async function () {
    this.timeout(120_000);
    console.log(`      differential seed ${seed} (replay with VAHTI_DIFF_SEED=${seed})`);
    const flat = await runOtava(cases.flat());
    expected = cases.map((group) => flat.splice(0, group.length));
  });

  KINDS.forEach((kind, k) => {
    it(`matches on ${kind.name} (${kind.count} series)`, function () {
      const group = cases[k] as OtavaCase[];
      const failures: Array<{ c: OtavaCase; why: string }> = [];
      group.forEach((c, i) => {
        const actual = detectChangePoints(c.series, {
          windowLen: c.windowLen,
          maxPvalue: c.maxPvalue,
          minMagnitude: c.minMagnitude,
          mode: 'otava',
        });
        const why = firstDifference(actual, expected[k]?.[i] ?? []);
        if (why !== null) failures.push({ c, why });
      });
      failures.sort((a, b) => a.c.series.length - b.c.series.length);
      const report = failures
        .slice(0, 3)
        .map(({ c, why }) => `  ${why}\n    ${reproduction(c)}`)
        .join('\n');
      expect(failures.length, `${failures.length} of ${group.length} differ (seed ${seed}); smallest:\n${report}\n`).to.equal(0);
    });
  });
});
