/**
 * Seeded random numbers and synthetic benchmark series for the differential test and the
 * detection benchmark, so every run with the same seed sees the same data.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A seeded source of uniform, integer, Gaussian and pick-one values (xoroshiro128+). */
export interface Random {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Uniform integer in [from, to], both included. */
  int(from: number, to: number): number;
  /** Standard normal (Box–Muller). */
  gaussian(): number;
  /** One element of a non-empty list, uniformly. */
  pick<T>(items: readonly T[]): T;
}

/**
 * A seeded {@link Random}. O(1) per draw.
 *
 * @example
 * const rng = seededRandom(42);
 * rng.int(0, 3); // always the same value for seed 42
 */
export function seededRandom(seed: number): Random {
  const rng = xoroshiro128plus(seed);
  const uniform = () => uniformFloat64(rng);
  return {
    uniform,
    int: (from, to) => uniformInt(rng, from, to),
    gaussian: () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform()),
    pick: (items) => {
      const item = items[uniformInt(rng, 0, items.length - 1)];
      if (item === undefined) throw new Error('pick requires a non-empty list');
      return item;
    },
  };
}

/** Shape of {@link stepSeries}: levels that step now and then, Gaussian noise, rare outliers. */
export interface StepSeriesShape {
  /** Mean distance between steps, in points. */
  meanStepEvery: number;
  /** Largest absolute step of the level, in noise standard deviations. */
  maxStep: number;
  /** Standard deviation of the noise. */
  noise: number;
  /** Probability that a point is an outlier. */
  outlierRate: number;
  /** Size of an outlier, in noise standard deviations. */
  outlierSize: number;
  /** Level of the first segment. */
  base: number;
}

/**
 * A benchmark-like series of `n` points: a level around `base` that steps by a random amount
 * every ~`meanStepEvery` points, Gaussian noise, and rare outliers. O(n).
 *
 * @example
 * stepSeries(seededRandom(1), 1000, { meanStepEvery: 200, maxStep: 5, noise: 1, outlierRate: 0, outlierSize: 0, base: 100 });
 */
export function stepSeries(rng: Random, n: number, shape: StepSeriesShape): number[] {
  const series = new Array<number>(n);
  let level = shape.base;
  let nextStep = rng.int(1, 2 * shape.meanStepEvery);
  for (let i = 0; i < n; i++) {
    if (i === nextStep) {
      level += (2 * rng.uniform() - 1) * shape.maxStep * shape.noise;
      nextStep += rng.int(1, 2 * shape.meanStepEvery);
    }
    const outlier = rng.uniform() < shape.outlierRate ? shape.outlierSize * shape.noise : 0;
    series[i] = level + shape.noise * rng.gaussian() + outlier;
  }
  return series;
}
