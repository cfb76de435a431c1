import { expect } from 'chai';
import { permutationChangePoints, seededRandom } from '../../algorithms/index.ts';
import { otavaExpectations } from './fixtures.ts';

const unit = (name: string) => otavaExpectations.unit_level_asserts.find((u) => u.name === name)!;

describe('permutation E-divisive (--orig-edivisive)', () => {
  it('splits SEQUENCE at [5, 8] with 100 permutations, p 0.01, seed 1 (test_permutation_test)', () => {
    const c = unit('detector_permutation_SEQUENCE');
    expect(permutationChangePoints(c.series!, { maxPvalue: 0.01, random: seededRandom(1) }).map((p) => p.index)).to.deep.equal(c.expected_indexes);
  });

  it('finds [10] in the analysis_test series at p 0.0001 (test_single_series_original)', () => {
    const c = unit('single_series_original');
    for (const seed of [1, 2, 3]) {
      expect(permutationChangePoints(c.series!, { maxPvalue: 0.0001, random: seededRandom(seed) }).map((p) => p.index)).to.deep.equal(c.expected_indexes);
    }
  });

  it('gives the same result for the same seed', () => {
    const s = Array.from({ length: 60 }, (_, i) => (i < 30 ? 10 : 11) + ((i * 37) % 7) / 3);
    const a = permutationChangePoints(s, { maxPvalue: 0.05, random: seededRandom(9) });
    const b = permutationChangePoints(s, { maxPvalue: 0.05, random: seededRandom(9) });
    expect(a).to.deep.equal(b);
  });

  it('reports the permutation p-value, #{q̂* ≥ q̂}/(permutations + 1)', () => {
    const [cp] = permutationChangePoints([1, 1, 1, 1, 1, 1, 1, 1, 9, 9, 9, 9, 9, 9, 9, 9], { maxPvalue: 0.05, permutations: 50, random: seededRandom(3) });
    expect(cp!.index).to.equal(8);
    expect(cp!.pvalue * 51).to.be.closeTo(Math.round(cp!.pvalue * 51), 1e-9);
  });

  it('finds nothing in a constant series', () => {
    expect(permutationChangePoints(Array(30).fill(2), { maxPvalue: 0.05, random: seededRandom(1) })).to.deep.equal([]);
  });
});
