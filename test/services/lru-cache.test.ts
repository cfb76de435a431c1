import { expect } from 'chai';
import { LruCache } from '../../src/services/lru-cache.ts';

describe('LruCache', () => {
  it('evicts the least recently used entry when full', () => {
    const cache = new LruCache<string, number>(2).set('a', 1).set('b', 2);
    expect(cache.get('a')).to.equal(1);
    cache.set('c', 3);
    expect(cache.get('b')).to.equal(undefined);
    expect(cache.get('a')).to.equal(1);
    expect(cache.get('c')).to.equal(3);
    expect(cache.size).to.equal(2);
  });

  it('refuses a capacity below 1', () => {
    expect(() => new LruCache(0)).to.throw(RangeError);
  });
});
