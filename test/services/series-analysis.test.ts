import { expect } from 'chai';
import { detectChangePoints } from '../../algorithms/index.ts';
import { DEFAULT_CORE, detectionPlan } from '../../src/services/detection-plan.ts';
import { SeriesAnalysis } from '../../src/services/series-analysis.ts';
import { emptyTestConfig } from '../../src/store/defaults.ts';
import { apiResult, seriesResults, stepSeries } from '../support/api-factories.ts';

const plan = () => detectionPlan(DEFAULT_CORE, emptyTestConfig());
const OPTIONS = { windowLen: 50, maxPvalue: 0.001, minMagnitude: 0.05 };

function analysed(batches: Parameters<SeriesAnalysis['append']>[0][]): SeriesAnalysis {
  const analysis = new SeriesAnalysis(plan());
  for (const batch of batches) analysis.append(batch);
  return analysis;
}

describe('SeriesAnalysis', () => {
  const values = [...stepSeries(45, 40, 0.4), ...stepSeries(0, 40, 0).map((v) => v * 0.8)];
  const results = seriesResults(values);

  it('finds what the detector finds on the whole series', () => {
    const found = analysed([results]).changes().flatMap((g) => g.changes.map((c) => c.index));
    expect(found).to.deep.equal(detectChangePoints(values, OPTIONS).map((cp) => cp.index));
    expect(found).to.have.length.greaterThan(1);
  });

  it('gives the same groups whichever batches the results arrive in', () => {
    const whole = analysed([results]).changes();
    const single = analysed(results.map((r) => [r])).changes();
    const uneven = analysed([results.slice(0, 7), results.slice(7, 60), results.slice(60)]).changes();
    expect(single).to.deep.equal(whole);
    expect(uneven).to.deep.equal(whole);
  });

  it('sorts a batch by timestamp and accepts only results not older than the last', () => {
    const analysis = analysed([[...results.slice(0, 50)].reverse()]);
    expect(analysis.accepts(results.slice(49))).to.equal(true);
    expect(analysis.accepts(results.slice(48))).to.equal(false);
    analysis.append(results.slice(50));
    expect(analysis.changes()).to.deep.equal(analysed([results]).changes());
  });

  it('back-fills a metric that first appears late, as a recomputation would', () => {
    const late = results.map((r, i) => (i < 30 ? apiResult(i, { other: 1 }) : r));
    const incremental = analysed([late.slice(0, 30), late.slice(30)]).changes();
    expect(incremental).to.deep.equal(analysed([late]).changes());
    const expected = detectChangePoints(values.map((v, i) => (i < 30 ? null : v)), OPTIONS).map((cp) => cp.index);
    expect(incremental.flatMap((g) => g.changes.filter((c) => c.metric === 'latency').map((c) => c.index))).to.deep.equal(expected);
  });

  it('skips disabled metrics', () => {
    const analysis = new SeriesAnalysis(detectionPlan(DEFAULT_CORE, { ...emptyTestConfig(), disabled_metrics: ['latency'] }));
    analysis.append(results);
    expect(analysis.changes()).to.deep.equal([]);
  });

  it('does not mutate the results it is given', () => {
    const frozen = Object.freeze(results.map((r) => Object.freeze({ ...r, metrics: Object.freeze([...r.metrics]) })));
    expect(() => analysed([frozen as never])).not.to.throw();
  });
});
