import { expect } from 'chai';
import { changeKind, changeMarks, metricSeries, summarizeChanges } from '../../../src/web/client/series.ts';
import type { Change, ChangeGroup, Result } from '../../../src/web/client/types.ts';

const attrs = (c: string) => ({ git_repo: 'https://github.com/acme/shop', branch: 'main', git_commit: c });

function change(metric: string, time: number, before: number, after: number): Change {
  return { metric, unit: 'ms', index: 0, time, forward_change_percent: 100 * (after / before - 1), magnitude: Math.abs(after / before - 1), mean_before: before, stddev_before: 1, mean_after: after, stddev_after: 1, pvalue: 1e-9 };
}

describe('web/client/series', () => {
  it('makes one column per metric, null where a result lacks it', () => {
    const results: Result[] = [
      { timestamp: 10, metrics: [{ name: 'a', unit: 'ms', value: 1 }], attributes: attrs('c1'), extra_info: {} },
      { timestamp: 20, metrics: [{ name: 'b', unit: 'ops', value: 5, direction: 'higher_is_better' }, { name: 'a', unit: 's', value: 2 }], attributes: attrs('c2'), extra_info: {} },
    ];
    const [a, b] = metricSeries(Object.freeze(results));
    expect(a).to.deep.include({ name: 'a', unit: 's', times: [10, 20], values: [1, 2] });
    expect(b).to.deep.include({ name: 'b', direction: 'higher_is_better', values: [null, 5] });
  });

  it('calls a rise a regression unless higher is better', () => {
    expect(changeKind({ mean_before: 1, mean_after: 2 })).to.equal('regression');
    expect(changeKind({ direction: 'lower_is_better', mean_before: 2, mean_after: 1 })).to.equal('improvement');
    expect(changeKind({ direction: 'higher_is_better', mean_before: 2, mean_after: 1 })).to.equal('regression');
    expect(changeKind({ direction: 'higher_is_better', mean_before: 1, mean_after: 2 })).to.equal('improvement');
  });

  it('marks one metric’s changes in time order with mean lines between neighbours', () => {
    const groups: ChangeGroup[] = [
      { time: 300, attributes: attrs('c3'), changes: [change('a', 300, 2, 3)] },
      { time: 100, attributes: attrs('c1'), changes: [change('a', 100, 1, 2), change('b', 100, 5, 4)] },
    ];
    const marks = changeMarks(groups, 'a');
    expect(marks.map((m) => [m.change.time, m.beforeFrom, m.afterTo, m.attributes.git_commit])).to.deep.equal([
      [100, null, 300, 'c1'],
      [300, 100, null, 'c3'],
    ]);
    expect(changeMarks(groups, 'b')[0]?.kind).to.equal('improvement');
    expect(changeMarks(groups, 'zzz')).to.deep.equal([]);
  });

  it('summarises a test: count and newest change with its commit', () => {
    const groups: ChangeGroup[] = [
      { time: 100, attributes: attrs('c1'), changes: [change('a', 100, 1, 2), change('b', 100, 5, 4)] },
      { time: 300, attributes: attrs('c3'), changes: [change('a', 300, 2, 3)] },
    ];
    const summary = summarizeChanges(groups);
    expect(summary.count).to.equal(3);
    expect(summary.newest).to.include({ time: 300, commit: 'c3' });
    expect(summarizeChanges([])).to.deep.equal({ count: 0, newest: null });
  });
});
