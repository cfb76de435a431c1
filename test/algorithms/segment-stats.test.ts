import { expect } from 'chai';
import { compareSegments } from '../../algorithms/segment-stats.ts';
import { twoSidedPValue } from '../../algorithms/student-t.ts';
import { otavaExpectations } from './fixtures.ts';

const close = (a: number, b: number, rel = 1e-12): boolean => Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b));

describe('segment-stats', () => {
  it('reproduces SciPy ttest_ind_from_stats p-values', () => {
    // scipy.stats.ttest_ind_from_stats(1.0, 0.5, 10, 1.3, 0.7, 12).pvalue etc. (SciPy 1.16)
    const pooled = (m1: number, s1: number, n1: number, m2: number, s2: number, n2: number): number => {
      const df = n1 + n2 - 2;
      const svar = ((n1 - 1) * s1 * s1 + (n2 - 1) * s2 * s2) / df;
      return twoSidedPValue((m1 - m2) / Math.sqrt(svar * (1 / n1 + 1 / n2)), df);
    };
    expect(close(pooled(1.0, 0.5, 10, 1.3, 0.7, 12), 0.27035891021314606)).to.equal(true);
    expect(close(pooled(100, 1, 3, 101, 0.01, 2), 0.2722380323632706)).to.equal(true);
    expect(close(pooled(0, 1, 1000, 0.5, 1, 1000), 3.4280567802594304e-28, 1e-9)).to.equal(true);
  });

  for (const c of otavaExpectations.unit_level_asserts.filter((u) => u.expected_pvalue_range)) {
    it(`puts the p-value of ${c.name} in Otava's asserted range`, () => {
      const x = c.series!;
      const { pvalue } = compareSegments(x, 0, c.index!, x.length);
      expect(pvalue).to.be.greaterThan(c.expected_pvalue_range![0]!);
      expect(pvalue).to.be.lessThan(c.expected_pvalue_range![1]!);
    });
  }

  it('gives p = 0 when both sides are constant and differ', () => {
    expect(compareSegments([1, 1, 5], 0, 2, 3).pvalue).to.equal(0);
  });

  it('gives NaN (fails every threshold) in otava mode when both sides are the same constant', () => {
    expect(compareSegments([2, 2, 2, 2], 0, 2, 4, 'otava').pvalue).to.be.NaN;
  });

  it('gives p = 1 in vahti mode when the means differ only by rounding', () => {
    const x = Array(200).fill(0.1);
    expect(compareSegments(x, 7, 26, 57, 'otava').pvalue).to.be.lessThan(0.05);
    expect(compareSegments(x, 7, 26, 57, 'vahti').pvalue).to.equal(1);
    expect(compareSegments([2, 2, 2, 2], 0, 2, 4, 'vahti').pvalue).to.equal(1);
  });

  it('gives p = 1 for one point against one', () => {
    expect(compareSegments([1, 9], 0, 1, 2).pvalue).to.equal(1);
  });

  it('gives a forward change of 0 after a zero mean, as Otava does, keeping the backward one', () => {
    const s = compareSegments([0, 0, 0, 3, 3], 0, 3, 5);
    expect(s.forward_change_percent).to.equal(0);
    expect(s.magnitude).to.equal(1);
  });

  it('uses population standard deviations', () => {
    const s = compareSegments([1, 3, 10, 10], 0, 2, 4);
    expect(s.stddev_before).to.equal(1);
    expect(s.stddev_after).to.equal(0);
  });
});
