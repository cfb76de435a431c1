import { expect } from 'chai';
import fc from 'fast-check';
import { QhatCalculator } from '../../algorithms/qhat.ts';
import { otavaExpectations } from './fixtures.ts';

/** Q(τ, κ) straight from the definition (Matteson & James 2014, eq. 3 with α = 1): the slow oracle. */
function bruteQ(w: readonly number[], s: number, tau: number, kappa: number): number {
  const n = tau - s;
  const m = kappa - tau;
  let cross = 0;
  for (let i = s; i < tau; i++) for (let j = tau; j < kappa; j++) cross += Math.abs(w[i]! - w[j]!);
  let left = 0;
  for (let i = s; i < tau; i++) for (let k = i + 1; k < tau; k++) left += Math.abs(w[i]! - w[k]!);
  let right = 0;
  for (let j = tau; j < kappa; j++) for (let k = j + 1; k < kappa; k++) right += Math.abs(w[j]! - w[k]!);
  const a = (2 / (n + m)) * cross;
  const b = n > 1 ? ((2 * m) / ((n + m) * (n - 1))) * left : 0;
  const c = m > 1 ? ((2 * n) / ((n + m) * (m - 1))) * right : 0;
  return a - b - c;
}

function bruteBest(w: readonly number[], s: number, e: number): { best: number; taus: number[] } {
  let best = -Infinity;
  const all: [number, number][] = [];
  for (let tau = s + 1; tau < e; tau++) {
    for (let kappa = tau + 1; kappa <= e; kappa++) {
      const q = bruteQ(w, s, tau, kappa);
      all.push([tau, q]);
      best = Math.max(best, q);
    }
  }
  const tol = 1e-9 * Math.max(1, Math.abs(best));
  return { best, taus: all.filter(([, q]) => q >= best - tol).map(([t]) => t) };
}

describe('qhat', () => {
  it('finds the maximum of the brute-force Q on any interval of any window', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 40 }),
        fc.nat(),
        fc.nat(),
        (w, a, b) => {
          const s = a % (w.length - 1);
          const e = s + 2 + (b % (w.length - s - 1));
          const calc = new QhatCalculator();
          calc.reset(w, 0, w.length);
          const got = calc.candidate(s, e);
          const want = bruteBest(w, s, e);
          expect(got.qhat).to.be.closeTo(want.best, 1e-9 * Math.max(1, Math.abs(want.best)));
          expect(want.taus).to.include(got.index);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it('gives the same bits without coefficient tables (windows over 512 points)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 2, maxLength: 70 }), fc.nat(), (w, a) => {
        const s = a % (w.length - 1);
        const tabled = new QhatCalculator();
        const computed = new QhatCalculator(0);
        tabled.reset(w, 0, w.length);
        computed.reset(w, 0, w.length);
        expect(computed.candidate(s, w.length)).to.deep.equal(tabled.candidate(s, w.length));
        expect(computed.candidate(0, w.length)).to.deep.equal(tabled.candidate(0, w.length));
      }),
      { seed: 43, numRuns: 300 },
    );
  });

  it('reads the window from an offset into a longer array', () => {
    const x = [100, 200, 1, 1, 1, 9, 9, 9, 300];
    const calc = new QhatCalculator();
    calc.reset(x, 2, 6);
    expect(calc.candidate(0, 6).index).to.equal(3);
  });

  it("splits Otava's SEQUENCE where test_calculator_candidate does", () => {
    const seq = otavaExpectations.unit_level_asserts.find((u) => u.name === 'calculator_Q_matrix')!.series!;
    const calc = new QhatCalculator();
    calc.reset(seq, 0, seq.length);
    const want = bruteBest(seq, 0, seq.length);
    const got = calc.candidate(0, seq.length);
    expect(want.taus).to.deep.equal([got.index]);
    expect(got.qhat).to.be.closeTo(want.best, 1e-9 * want.best);
  });

  it('never reports a negative maximum', () => {
    const calc = new QhatCalculator();
    calc.reset([5, 5, 5, 5], 0, 4);
    expect(calc.candidate(0, 4)).to.deep.equal({ index: 1, qhat: 0 });
  });
});
