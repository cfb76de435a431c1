import { expect } from 'chai';
import { numpyMean, numpyStd, numpySum } from '../../algorithms/numpy-sum.ts';

// Expected values printed by NumPy 2.2 (float(np.sum(a)), np.mean, np.std) for
// a[i] = ((i·7919) mod 1000 − 500) / 37 / [1, 8, 1000, 0.125][i mod 4].
const NUMPY: [number, number, number, number][] = [
  [1, -13.513513513513514, -13.513513513513514, 0.0],
  [5, 48.23548648648649, 9.647097297297297, 23.789357935236733],
  [8, 34.07032432432432, 4.25879054054054, 20.493484051011865],
  [17, 0.6461621621621463, 0.03800953895071449, 29.367125529584996],
  [128, 92.40843243243245, 0.7219408783783785, 31.29886544710522],
  [129, 95.976, 0.744, 31.178314869927558],
  [300, 22.726351351351376, 0.07575450450450459, 31.391341206294914],
  [8192, -600.7904864864862, -0.0733386824324324, 31.4402042866809],
  [9000, -600.5067567567564, -0.06672297297297294, 31.454646302623505],
  [20000, -1334.4594594594587, -0.06672297297297293, 31.4546463026235],
];
const DIV = [1, 8, 1000, 0.125];
const series = (n: number): number[] => Array.from({ length: n }, (_, i) => ((i * 7919) % 1000 - 500) / 37 / DIV[i % 4]!);

describe('numpy-sum', () => {
  for (const [n, sum, mean, std] of NUMPY) {
    it(`matches NumPy's sum, mean and std bit for bit at n = ${n}`, () => {
      const x = series(n);
      expect(numpySum(x, 0, n)).to.equal(sum);
      const m = numpyMean(x, 0, n);
      expect(m).to.equal(mean);
      expect(numpyStd(x, 0, n, m)).to.equal(std);
    });
  }

  it('sums a sub-range as NumPy sums the slice', () => {
    const x = [5, ...series(300)];
    expect(numpySum(x, 1, 301)).to.equal(22.726351351351376);
  });

  it('gives 0 for an empty range', () => {
    expect(numpySum([1, 2], 1, 1)).to.equal(0);
  });
});
