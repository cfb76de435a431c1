/**
 * Seeded randomness for the permutation test. The core never reads a global generator: a
 * `RandomSource` is passed in, so results are reproducible from the seed.
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A source of uniform integers. */
export interface RandomSource {
  /** A uniform integer in [0, bound). */
  nextInt(bound: number): number;
}

/**
 * A RandomSource from a 32-bit seed (xoroshiro128+ from the pure-rand library).
 *
 * @example seededRandom(1).nextInt(6) // the same number for the same seed, every time
 */
export function seededRandom(seed: number): RandomSource {
  const rng = xoroshiro128plus(seed);
  return { nextInt: (bound) => uniformInt(rng, 0, bound - 1) };
}

/**
 * Fisher–Yates shuffle of x[lo:hi] in place (the caller owns x).
 *
 * Cost: O(hi − lo).
 */
export function shuffleRange(x: Float64Array, lo: number, hi: number, random: RandomSource): void {
  for (let i = hi - 1; i > lo; i--) {
    const j = lo + random.nextInt(i - lo + 1);
    const t = x[i]!;
    x[i] = x[j]!;
    x[j] = t;
  }
}
