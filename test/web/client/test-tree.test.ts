import { expect } from 'chai';
import type { CommitChange } from '../../../src/web/client/series.ts';
import { buildTree, filterTests } from '../../../src/web/client/test-tree.ts';

function change(time: number, metric = 'latency'): CommitChange {
  return { metric, unit: 'ms', index: 1, time, forward_change_percent: 10, magnitude: 0.1, mean_before: 1, stddev_before: 0, mean_after: 1.1, stddev_after: 0, pvalue: 0, commit: `c${time}` };
}

describe('web/client/test-tree', () => {
  it('splits names on / into sorted folders', () => {
    const root = buildTree(Object.freeze(['shop/search', 'shop/checkout/api', 'parser']), new Map());
    expect(root.children.map((n) => n.label)).to.deep.equal(['parser', 'shop']);
    const shop = root.children[1];
    expect(shop?.isTest).to.equal(false);
    expect(shop?.children.map((n) => n.path)).to.deep.equal(['shop/checkout', 'shop/search']);
    expect(shop?.children[0]?.children[0]).to.include({ label: 'api', path: 'shop/checkout/api', isTest: true });
  });

  it('keeps a name that is both a test and a folder', () => {
    const root = buildTree(['a', 'a/b'], new Map());
    expect(root.children).to.have.length(1);
    expect(root.children[0]).to.include({ isTest: true });
    expect(root.children[0]?.children[0]).to.include({ path: 'a/b', isTest: true });
  });

  it('sums change points up the tree and keeps the newest with its test', () => {
    const summaries = new Map([
      ['shop/a', { count: 2, newest: change(200) }],
      ['shop/b', { count: 1, newest: change(300, 'cpu') }],
    ]);
    const root = buildTree(['shop/a', 'shop/b', 'other'], summaries);
    const shop = root.children.find((n) => n.label === 'shop');
    expect(shop?.changeCount).to.equal(3);
    expect(shop?.newest?.test).to.equal('shop/b');
    expect(shop?.newest?.change.metric).to.equal('cpu');
    expect(root.pending).to.equal(1);
    expect(shop?.pending).to.equal(0);
  });

  it('filters by every word, ignoring case', () => {
    expect(filterTests(['shop/checkout/api', 'shop/search', 'parser'], 'SHOP api')).to.deep.equal(['shop/checkout/api']);
    expect(filterTests(['a', 'b'], '  ')).to.deep.equal(['a', 'b']);
  });
});
