import { expect } from 'chai';
import { DEFAULT_CORE, detectionPlan } from '../../src/services/detection-plan.ts';
import { emptyTestConfig } from '../../src/store/defaults.ts';

describe('detectionPlan', () => {
  it('uses the owner’s core thresholds, then the test’s, then the metric’s', () => {
    const plan = detectionPlan(
      { max_pvalue: 0.01, min_magnitude: 0.1, window_len: 40 },
      { thresholds: { min_magnitude: 0.2 }, metrics: { p99: { window_len: 20 } }, disabled_metrics: [] },
    );
    expect(plan.optionsFor('mean')).to.deep.equal({ maxPvalue: 0.01, minMagnitude: 0.2, windowLen: 40 });
    expect(plan.optionsFor('p99')).to.deep.equal({ maxPvalue: 0.01, minMagnitude: 0.2, windowLen: 20 });
  });

  it('returns null for a disabled metric', () => {
    expect(detectionPlan(DEFAULT_CORE, { ...emptyTestConfig(), disabled_metrics: ['p99'] }).optionsFor('p99')).to.equal(null);
  });

  it('keys equal configs equally whatever their key order, and different ones differently', () => {
    const a = detectionPlan(DEFAULT_CORE, { thresholds: { max_pvalue: 0.01, window_len: 9 }, metrics: {}, disabled_metrics: ['x', 'y'] });
    const b = detectionPlan(
      { window_len: 50, min_magnitude: 0.05, max_pvalue: 0.001 },
      { thresholds: { window_len: 9, max_pvalue: 0.01 }, metrics: {}, disabled_metrics: ['y', 'x'] },
    );
    expect(a.key).to.equal(b.key);
    expect(detectionPlan({ ...DEFAULT_CORE, window_len: 49 }, emptyTestConfig()).key).not.to.equal(detectionPlan(DEFAULT_CORE, emptyTestConfig()).key);
  });
});
