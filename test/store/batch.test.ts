import { expect } from 'chai';
import { checkBatch, checkWindow } from '../../src/store/batch.ts';
import { ConflictError } from '../../src/store/errors.ts';
import { result } from './contract/fixtures.ts';

describe('batch and window checks', () => {
  it('rejects a non-finite timestamp before anything is written', () => {
    for (const timestamp of [NaN, Infinity]) {
      expect(() => checkBatch([result(1), { ...result(2), timestamp }], 'upsert')).to.throw(TypeError, /finite/);
    }
  });

  it('rejects a key repeated within an append batch, and allows it in an upsert batch', () => {
    const batch = [result(1, { commit: 'a' }), result(2), result(1, { commit: 'a' })];
    expect(() => checkBatch(batch, 'append')).to.throw(ConflictError, /timestamp 1 for commit a/);
    expect(() => checkBatch(batch, 'upsert')).not.to.throw();
  });

  it('accepts the same timestamp with different commits', () => {
    expect(() => checkBatch([result(1, { commit: 'a' }), result(1, { commit: 'b' })], 'append')).not.to.throw();
  });

  it('rejects a negative, fractional or unsafe limit and non-finite bounds', () => {
    for (const limit of [-1, 1.5, Number.MAX_VALUE]) expect(() => checkWindow({ limit })).to.throw(RangeError, /limit/);
    expect(() => checkWindow({ since: -Infinity })).to.throw(RangeError, /bounds/);
    expect(() => checkWindow({ until: NaN })).to.throw(RangeError, /bounds/);
    expect(checkWindow({ since: 0, until: 10, limit: 0 })).to.deep.equal({ since: 0, until: 10, limit: 0 });
  });
});
