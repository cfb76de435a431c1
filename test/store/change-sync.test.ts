import { expect } from 'chai';
import { planSync, type KnownChange } from '../../src/store/change-sync.ts';
import { encodeExactJson } from '../../src/store/exact-json.ts';
import { deepFreeze, detected } from './contract/fixtures.ts';

const known = (id: string, metric: string, time: number, significant = true): KnownChange => ({
  id,
  metric,
  change_key: `commit:c${time}`,
  significant,
});

describe('planSync', () => {
  it('creates unknown changes with their deduplicated channels, asking only about those', () => {
    const asked: string[] = [];
    const plan = planSync(deepFreeze([known('k1', 'time', 100)]), ['time'], deepFreeze([detected('time', 100), detected('time', 200)]), (change) => {
      asked.push(change.change_key);
      return ['slack', 'slack', 'webhook:a'];
    });
    expect(asked).to.deep.equal(['commit:c200']);
    expect(plan.create.map(({ change, channels }) => [change.change_key, channels])).to.deep.equal([['commit:c200', ['slack', 'webhook:a']]]);
    expect(plan.create[0]?.details).to.equal(encodeExactJson(detected('time', 200).details));
    expect(plan.update.map(({ id, revive }) => [id, revive])).to.deep.equal([['k1', false]]);
    expect(plan.retire).to.deep.equal([]);
  });

  it('revives a non-significant record detected again', () => {
    const plan = planSync([known('k1', 'time', 100, false)], ['time'], [detected('time', 100)], () => []);
    expect(plan.update.map(({ id, revive }) => [id, revive])).to.deep.equal([['k1', true]]);
  });

  it('retires significant records of the metrics detection ran on, and no others', () => {
    const records = [known('t1', 'time', 100), known('t2', 'time', 200, false), known('m1', 'memory', 100)];
    const plan = planSync(records, ['time'], [], () => []);
    expect(plan).to.deep.equal({ create: [], update: [], retire: ['t1'] });
  });

  it('keys changes by metric and change key together', () => {
    const plan = planSync([known('k1', 'time', 100)], ['time', 'memory'], [detected('memory', 100)], () => ['slack']);
    expect(plan.create.map(({ change }) => change.metric)).to.deep.equal(['memory']);
    expect(plan.retire).to.deep.equal(['k1']);
  });

  it('refuses a non-finite statistic before anything is planned', () => {
    expect(() => planSync([], ['time'], [detected('time', 100, { magnitude: Infinity })], () => [])).to.throw(TypeError);
  });
});
