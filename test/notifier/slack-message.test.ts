import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSlackMessage, type ChangeNotice } from '../../notifier/index.ts';

const golden = (name: string): string => fileURLToPath(new URL(`./golden/${name}.json`, import.meta.url));

const base: ChangeNotice = {
  owner: 'alice',
  test: 'bench/parse',
  metric: 'latency',
  unit: 'ms',
  direction: 'lower_is_better',
  time: 1700003600,
  pvalue: 0.000012,
  magnitude: 0.2345,
  forward_change_percent: 23.45,
  mean_before: 100.04,
  mean_after: 123.5,
  stddev_before: 1.5,
  stddev_after: 2.25,
  attributes: { git_repo: 'https://github.com/acme/parser', branch: 'main', git_commit: 'c0ffee1234567890' },
  url: 'https://vahti.example/u/alice/bench/parse?metric=latency&commit=c0ffee1234567890',
};

const cases: Record<string, ChangeNotice> = {
  'regression-github': base,
  'improvement-higher-is-better': { ...base, metric: 'throughput', unit: 'ops/s', direction: 'higher_is_better', forward_change_percent: 12.5, mean_before: 800, mean_after: 900, pvalue: 0.0004 },
  'regression-no-direction-plain-repo': { ...base, direction: undefined, attributes: { git_repo: 'git@internal:acme/parser.git', branch: '', git_commit: 'abcdef0' } },
  'escapes-user-text': { ...base, owner: 'acme', test: 'x<y>&z', attributes: { ...base.attributes, branch: '<!channel>' } },
};

describe('Slack message builder', () => {
  for (const [name, notice] of Object.entries(cases)) {
    it(`matches the golden message ${name}`, () => {
      const built = JSON.stringify(buildSlackMessage(notice), null, 2) + '\n';
      // Regenerate after an intended change with UPDATE_GOLDEN=1, and review the diff.
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden(name), built);
      expect(built).to.equal(readFileSync(golden(name), 'utf8'));
    });
  }

  it('marks a rise of a lower-is-better metric as a regression, with the commit link', () => {
    const m = buildSlackMessage(base);
    expect(m.text).to.equal('🔴 Regression in bench/parse · latency: +23.4% (100 ms → 123.5 ms), p = 1.2e-5');
    expect(JSON.stringify(m.blocks)).to.include('<https://github.com/acme/parser/commit/c0ffee1234567890|c0ffee1>');
  });

  it('marks a rise of a higher-is-better metric as an improvement', () => {
    expect(buildSlackMessage(cases['improvement-higher-is-better']!).text).to.match(/^🟢 Improvement/);
  });

  it('never lets user text form Slack links or mentions', () => {
    const blocks = JSON.stringify(buildSlackMessage(cases['escapes-user-text']!).blocks);
    expect(blocks).to.not.include('<!channel>');
    expect(blocks).to.include('&lt;!channel&gt;');
  });

  it('does not mutate the notice', () => {
    const frozen = Object.freeze({ ...base, attributes: Object.freeze({ ...base.attributes }) });
    expect(() => buildSlackMessage(frozen)).to.not.throw();
  });
});
