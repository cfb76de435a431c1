import { expect } from 'chai';
import fc from 'fast-check';
import { compareSegments, detectChangePoints, seededRandom, type DetectMode } from '../../algorithms/index.ts';

const stepSeries = fc
  .record({
    segments: fc.array(fc.record({ len: fc.integer({ min: 1, max: 60 }), level: fc.integer({ min: 1, max: 20 }) }), { minLength: 1, maxLength: 5 }),
    noise: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 300, maxLength: 300 }),
  })
  .map(({ segments, noise }) => segments.flatMap(({ len, level }) => Array.from({ length: len }, () => level * 8)).map((v, i) => v + noise[i % 300]!));

const options = fc.record({
  windowLen: fc.integer({ min: 2, max: 60 }),
  maxPvalue: fc.constantFrom(1e-4, 0.001, 0.01, 0.05, 0.3),
  mode: fc.constantFrom<DetectMode>('vahti', 'otava'),
});

const indexes = (s: readonly number[], o: object): number[] => detectChangePoints(s, o).map((c) => c.index);

describe('detector properties', () => {
  // Below 1e-100 squared deviations underflow to 0 (docs/algorithm.md, "Floating point").
  const ordinary = fc.double({ min: -1e9, max: 1e9, noNaN: true }).filter((v) => v === 0 || Math.abs(v) > 1e-100);

  it('finds no change point in a constant series (vahti mode)', () => {
    fc.assert(
      fc.property(ordinary, fc.integer({ min: 0, max: 300 }), options, (v, n, o) => {
        expect(indexes(Array(n).fill(v), { ...o, mode: 'vahti' })).to.deep.equal([]);
      }),
      { seed: 1, numRuns: 100 },
    );
  });

  it('does not move change points when a constant is added (min_magnitude 0)', () => {
    fc.assert(
      fc.property(stepSeries, fc.integer({ min: 1, max: 1000 }), options, (s, shift, o) => {
        expect(indexes(s.map((v) => v + shift), o)).to.deep.equal(indexes(s, o));
      }),
      { seed: 2, numRuns: 150 },
    );
  });

  it('does not move change points, p-values or magnitudes when scaled by a power of two', () => {
    fc.assert(
      fc.property(stepSeries, fc.integer({ min: -20, max: 20 }), options, (s, k, o) => {
        const f = 2 ** k;
        const scaled = detectChangePoints(s.map((v) => v * f), o);
        const plain = detectChangePoints(s, o);
        expect(scaled.map((c) => [c.index, c.pvalue, c.magnitude])).to.deep.equal(plain.map((c) => [c.index, c.pvalue, c.magnitude]));
      }),
      { seed: 3, numRuns: 150 },
    );
  });

  // Without exact ties: with few distinct values, scaling by a factor other than a power of two
  // rounds tied q̂ values apart and may pick another tie (Otava does the same).
  // The noise comes from a seeded generator so that shrinking cannot turn it into ties.
  const noisySteps = fc
    .record({ levels: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 4 }), len: fc.integer({ min: 5, max: 80 }), seed: fc.integer() })
    .map(({ levels, len, seed }) => {
      const rng = seededRandom(seed);
      return levels.flatMap((l) => Array.from({ length: len }, () => l * 4 + rng.nextInt(1_000_000) / 500_000 - 1));
    });

  it('does not move change points when noisy data is scaled by any positive factor (vahti mode)', () => {
    fc.assert(
      fc.property(noisySteps, fc.double({ min: 0.01, max: 100, noNaN: true }), options, (s, f, o) => {
        const v = { ...o, mode: 'vahti' };
        expect(indexes(s.map((x) => x * f), v)).to.deep.equal(indexes(s, v));
      }),
      { seed: 4, numRuns: 150 },
    );
  });

  it('never mutates its input', () => {
    fc.assert(
      fc.property(stepSeries, options, (s, o) => {
        const frozen = Object.freeze([...s]);
        detectChangePoints(frozen, o);
        expect(frozen).to.deep.equal(s);
      }),
      { seed: 5, numRuns: 50 },
    );
  });

  it('in vahti mode, reports only points that pass the thresholds when recomputed', () => {
    fc.assert(
      fc.property(stepSeries, options, fc.constantFrom(0, 0.01, 0.05), (s, o, minMagnitude) => {
        const cps = detectChangePoints(s, { ...o, minMagnitude, mode: 'vahti' });
        cps.forEach((cp, i) => {
          const l = i > 0 ? cps[i - 1]!.index : 0;
          const r = i + 1 < cps.length ? cps[i + 1]!.index : s.length;
          const fresh = compareSegments(s, l, cp.index, r, 'vahti');
          expect(fresh.pvalue).to.be.lessThan(o.maxPvalue);
          expect(fresh.magnitude).to.be.greaterThan(minMagnitude);
          const { index: _index, ...stored } = cp;
          expect(stored).to.deep.equal(fresh);
        });
      }),
      { seed: 6, numRuns: 200 },
    );
  });

  it('rejects NaN and Infinity with a RangeError', () => {
    expect(() => detectChangePoints([1, Number.NaN])).to.throw(RangeError, /finite/);
    expect(() => detectChangePoints([1, Number.POSITIVE_INFINITY])).to.throw(RangeError, /finite/);
  });

  it('rejects out-of-range options with a RangeError naming the option', () => {
    expect(() => detectChangePoints([1], { windowLen: 1 })).to.throw(RangeError, /window_len/);
    expect(() => detectChangePoints([1], { maxPvalue: 0 })).to.throw(RangeError, /max_pvalue/);
    expect(() => detectChangePoints([1], { maxPvalue: 1.5 })).to.throw(RangeError, /max_pvalue/);
    expect(() => detectChangePoints([1], { minMagnitude: -0.1 })).to.throw(RangeError, /min_magnitude/);
  });
});
