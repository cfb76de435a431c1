import { expect } from 'chai';
import { checkClaim, outcomeFields } from '../../src/store/delivery-rules.ts';

describe('outcomeFields', () => {
  it('marks a delivered attempt with its time', () => {
    expect(outcomeFields({ kind: 'delivered', at: 5 })).to.deep.equal({ state: 'delivered', delivered_at: 5 });
  });

  it('puts a retried attempt back to pending from its time, with the error', () => {
    expect(outcomeFields({ kind: 'retry', at: 7, error: 'HTTP 503' })).to.deep.equal({ state: 'pending', next_attempt_at: 7, last_error: 'HTTP 503' });
  });

  it('marks a failed attempt with the error', () => {
    expect(outcomeFields({ kind: 'failed', error: 'HTTP 404' })).to.deep.equal({ state: 'failed', last_error: 'HTTP 404' });
  });
});

describe('checkClaim', () => {
  it('accepts a finite time, a positive lease and a non-negative integer limit', () => {
    expect(() => checkClaim(0, 1, 0)).to.not.throw();
  });

  it('rejects a non-finite time, a lease that is not positive, or a bad limit', () => {
    expect(() => checkClaim(Number.NaN, 1000, 1)).to.throw(RangeError, /claim time/);
    expect(() => checkClaim(0, 0, 1)).to.throw(RangeError, /lease/);
    expect(() => checkClaim(0, Infinity, 1)).to.throw(RangeError, /lease/);
    expect(() => checkClaim(0, 1000, 1.5)).to.throw(RangeError, /limit/);
    expect(() => checkClaim(0, 1000, -1)).to.throw(RangeError, /limit/);
  });
});
