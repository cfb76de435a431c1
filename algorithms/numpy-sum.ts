/**
 * Summation in exactly NumPy's order, so that means and standard deviations carry the same bits
 * as Apache Otava's (`np.mean`, `np.std` on float64).
 *
 * NumPy reduces a contiguous float64 array in chunks of 8,192 elements (its buffer size), adding
 * each chunk's pairwise sum to a running total that starts at 0. The pairwise sum
 * (`pairwise_sum_DOUBLE` in numpy/_core/src/umath/loops_utils.h.src) adds blocks under 8 elements
 * one by one, blocks of up to 128 with eight interleaved accumulators, and splits larger blocks
 * in two at a multiple of 8. Verified against NumPy 2.2 on random arrays up to 60,000 elements.
 *
 * Cost: O(n) time, O(log n) stack.
 */

const CHUNK = 8192;
const BLOCK = 128;

/** A read-only view of numbers indexed from 0 (an array or a typed array). */
export type Numbers = ArrayLike<number>;

function pairwiseSum(x: Numbers, lo: number, n: number): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += x[lo + i]!;
    return res;
  }
  if (n <= BLOCK) {
    let r0 = x[lo]!, r1 = x[lo + 1]!, r2 = x[lo + 2]!, r3 = x[lo + 3]!;
    let r4 = x[lo + 4]!, r5 = x[lo + 5]!, r6 = x[lo + 6]!, r7 = x[lo + 7]!;
    const full = n - (n % 8);
    let i = 8;
    for (; i < full; i += 8) {
      const b = lo + i;
      r0 += x[b]!; r1 += x[b + 1]!; r2 += x[b + 2]!; r3 += x[b + 3]!;
      r4 += x[b + 4]!; r5 += x[b + 5]!; r6 += x[b + 6]!; r7 += x[b + 7]!;
    }
    let res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
    for (; i < n; i++) res += x[lo + i]!;
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(x, lo, n2) + pairwiseSum(x, lo + n2, n - n2);
}

/** The same pairwise order over the squared deviations (x − m)², as `np.std` sums them. */
function pairwiseSquaredDeviations(x: Numbers, lo: number, n: number, m: number): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) {
      const d = x[lo + i]! - m;
      res += d * d;
    }
    return res;
  }
  if (n <= BLOCK) {
    // Written out (no helper closure): this is the innermost loop of every t-test.
    let d = x[lo]! - m;
    let r0 = d * d;
    d = x[lo + 1]! - m;
    let r1 = d * d;
    d = x[lo + 2]! - m;
    let r2 = d * d;
    d = x[lo + 3]! - m;
    let r3 = d * d;
    d = x[lo + 4]! - m;
    let r4 = d * d;
    d = x[lo + 5]! - m;
    let r5 = d * d;
    d = x[lo + 6]! - m;
    let r6 = d * d;
    d = x[lo + 7]! - m;
    let r7 = d * d;
    const full = n - (n % 8);
    let i = 8;
    for (; i < full; i += 8) {
      const b = lo + i;
      d = x[b]! - m;
      r0 += d * d;
      d = x[b + 1]! - m;
      r1 += d * d;
      d = x[b + 2]! - m;
      r2 += d * d;
      d = x[b + 3]! - m;
      r3 += d * d;
      d = x[b + 4]! - m;
      r4 += d * d;
      d = x[b + 5]! - m;
      r5 += d * d;
      d = x[b + 6]! - m;
      r6 += d * d;
      d = x[b + 7]! - m;
      r7 += d * d;
    }
    let res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
    for (; i < n; i++) {
      d = x[lo + i]! - m;
      res += d * d;
    }
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSquaredDeviations(x, lo, n2, m) + pairwiseSquaredDeviations(x, lo + n2, n - n2, m);
}

/**
 * `np.sum(x[lo:hi])` bit for bit.
 *
 * @example numpySum([0.1, 0.2, 0.3], 0, 3) // 0.6000000000000001
 */
export function numpySum(x: Numbers, lo: number, hi: number): number {
  let total = 0;
  for (let c = lo; c < hi; c += CHUNK) total += pairwiseSum(x, c, Math.min(CHUNK, hi - c));
  return total;
}

/**
 * `np.mean(x[lo:hi])` bit for bit (NaN for an empty range, as NumPy).
 *
 * @example numpyMean([1, 2, 4], 0, 3) // 2.3333333333333335
 */
export function numpyMean(x: Numbers, lo: number, hi: number): number {
  return numpySum(x, lo, hi) / (hi - lo);
}

/**
 * `np.std(x[lo:hi])` (population, ddof = 0) bit for bit, given `mean = numpyMean(x, lo, hi)`.
 *
 * @example numpyStd([1, 2, 4], 0, 3, numpyMean([1, 2, 4], 0, 3)) // 1.247219128924647
 */
export function numpyStd(x: Numbers, lo: number, hi: number, mean: number): number {
  let total = 0;
  for (let c = lo; c < hi; c += CHUNK) {
    total += pairwiseSquaredDeviations(x, c, Math.min(CHUNK, hi - c), mean);
  }
  return Math.sqrt(total / (hi - lo));
}
