import { expect } from 'chai';
import fc from 'fast-check';
import { detectChangePoints, IncrementalDetector, type DetectMode } from '../../algorithms/index.ts';

const value = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 4 }) },
  { weight: 6, arbitrary: fc.double({ min: -50, max: 50, noNaN: true }) },
  { weight: 1, arbitrary: fc.constant(null) },
);
// Series with levels that step, so there are change points to keep and to lose.
const series = fc
  .array(fc.record({ len: fc.integer({ min: 1, max: 80 }), level: fc.integer({ min: 0, max: 300 }), values: fc.array(value, { minLength: 80, maxLength: 80 }) }), {
    minLength: 1,
    maxLength: 6,
  })
  .map((segs) => segs.flatMap(({ len, level, values }) => values.slice(0, len).map((v) => (v === null ? null : v + level))));

const options = fc.record({
  windowLen: fc.integer({ min: 2, max: 40 }),
  maxPvalue: fc.constantFrom(1e-4, 0.001, 0.01, 0.05, 0.3, 1),
  minMagnitude: fc.constantFrom(0, 0.01, 0.1),
  mode: fc.constantFrom<DetectMode>('vahti', 'otava'),
});

describe('IncrementalDetector', () => {
  it('equals a full recompute after every append, whatever the chunking', () => {
    fc.assert(
      fc.property(series, options, fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 30 }), (s, o, chunks) => {
        const d = new IncrementalDetector(o);
        let at = 0;
        for (let k = 0; at < s.length; k++) {
          const size = chunks[k % chunks.length]!;
          const got = d.append(s.slice(at, at + size));
          at = Math.min(s.length, at + size);
          expect(got).to.deep.equal(detectChangePoints(s.slice(0, at), o));
        }
        expect(d.length).to.equal(s.length);
      }),
      { seed: 7, numRuns: 250 },
    );
  });

  it('equals a full recompute when points arrive one at a time', () => {
    fc.assert(
      fc.property(series, options, (s, o) => {
        const d = new IncrementalDetector(o);
        s.forEach((v, i) => expect(d.append([v])).to.deep.equal(detectChangePoints(s.slice(0, i + 1), o)));
      }),
      { seed: 8, numRuns: 40 },
    );
  });

  it('waits for a first number when the series starts with missing values', () => {
    const d = new IncrementalDetector({ windowLen: 10 });
    expect(d.append([null, null])).to.deep.equal([]);
    expect(d.length).to.equal(2);
    const rest = [1, 1, 1, 1, 9, 9, 9, 9];
    expect(d.append(rest)).to.deep.equal(detectChangePoints([null, null, ...rest], { windowLen: 10 }));
  });

  it('appends nothing when a point is not finite', () => {
    const d = new IncrementalDetector();
    d.append([1, 2, 3]);
    expect(() => d.append([4, Number.NaN])).to.throw(RangeError);
    expect(d.length).to.equal(3);
  });

  it('rejects bad options at construction', () => {
    expect(() => new IncrementalDetector({ windowLen: 1 })).to.throw(RangeError, /window_len/);
  });
});
