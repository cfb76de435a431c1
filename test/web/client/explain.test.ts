import { expect } from 'chai';
import { explainChange } from '../../../src/web/client/explain.ts';
import { commitUrl, formatNumber, formatPercent, formatPvalue, formatTime } from '../../../src/web/client/format.ts';
import { effectiveThresholds } from '../../../src/web/client/thresholds.ts';
import type { Change } from '../../../src/web/client/types.ts';

// The example of docs/api.md: 30 results around 100 ms, then 30 around 150 ms.
const change: Change = Object.freeze({
  metric: 'latency_p99',
  unit: 'ms',
  index: 30,
  time: 1767227400,
  forward_change_percent: 49.90837914376145,
  magnitude: 0.4990837914376145,
  mean_before: 100.05,
  stddev_before: 1.002912425555359,
  mean_after: 149.98333333333332,
  stddev_after: 0.9872802146413259,
  pvalue: 2.5259008336258906e-83,
});
const core = { max_pvalue: 0.001, min_magnitude: 0.05, window_len: 50 };

describe('web/client/explain', () => {
  it('says which way the metric moved and whether that is worse', () => {
    expect(explainChange(change, core)[0]).to.equal('latency_p99 rose by 49.9 % (from 100 ms to 150 ms): a regression, because lower is better.');
    expect(explainChange({ ...change, direction: 'higher_is_better' }, core)[0]).to.match(/an improvement, because higher is better/);
  });

  it('says how far each threshold was passed', () => {
    const [, pvalue, magnitude, window, width] = explainChange(change, core);
    expect(pvalue).to.equal('Its p-value 2.53e-83 is below the limit max_pvalue = 0.001, about 79 orders of magnitude below it: a shift this large is very unlikely to be noise.');
    expect(magnitude).to.equal('Its magnitude 49.9 % is above the minimum min_magnitude = 5 %, by 44.9 percentage points (9.98 times the minimum).');
    expect(window).to.equal('The detector compared windows of up to 50 results on each side of the change.');
    expect(width).to.match(/^The step is 50.2 standard deviations wide/);
  });

  it('gives a modest p-value as a ratio and a zero minimum magnitude plainly', () => {
    const sentences = explainChange({ ...change, pvalue: 0.0004 }, { ...core, min_magnitude: 0 });
    expect(sentences[1]).to.match(/2\.5 times below it/);
    expect(sentences[2]).to.equal('Its magnitude is 49.9 %; min_magnitude is 0, so any size counts.');
  });

  it('gives only the numbers when the thresholds are not known (public pages)', () => {
    expect(explainChange(change, null)[1]).to.equal('Its p-value is 2.53e-83 and its magnitude 49.9 %; both passed the owner’s thresholds.');
  });

  it('resolves thresholds: metric beats test beats owner', () => {
    const settings = { test_name: 't', public: false, thresholds: { min_magnitude: 0.02, window_len: 30 }, metrics: { a: { window_len: 10 } }, disabled_metrics: [] };
    expect(effectiveThresholds(core, settings, 'a')).to.deep.equal({ max_pvalue: 0.001, min_magnitude: 0.02, window_len: 10 });
    expect(effectiveThresholds(core, settings, 'b')).to.deep.equal({ max_pvalue: 0.001, min_magnitude: 0.02, window_len: 30 });
    expect(effectiveThresholds(core, null, 'a')).to.deep.equal(core);
  });
});

describe('web/client/format', () => {
  it('writes numbers, p-values, percentages and times', () => {
    expect(formatNumber(149.98333)).to.equal('150');
    expect(formatNumber(0.0012345)).to.equal('0.001234');
    expect(formatNumber(0.00001234)).to.equal('1.234e-5');
    expect(formatPvalue(2.5259e-83)).to.equal('2.53e-83');
    expect(formatPvalue(0.0123)).to.equal('0.0123');
    expect(formatPercent(49.908)).to.equal('+49.9 %');
    expect(formatPercent(-20)).to.equal('−20 %');
    expect(formatTime(1767225600)).to.equal('2026-01-01 00:00 UTC');
  });

  it('links commits on http(s) forges only', () => {
    expect(commitUrl('https://github.com/acme/shop.git', '3f2a9c1')).to.equal('https://github.com/acme/shop/commit/3f2a9c1');
    expect(commitUrl('https://gitlab.com/acme/shop', 'abc')).to.equal('https://gitlab.com/acme/shop/-/commit/abc');
    expect(commitUrl('javascript:alert(1)', 'abc')).to.equal(null);
    expect(commitUrl('git@github.com:acme/shop.git', 'abc')).to.equal(null);
    expect(commitUrl('https://github.com/acme/shop', 'a/../../x')).to.equal(null);
  });
});
