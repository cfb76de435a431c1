import { expect } from 'chai';
import fc from 'fast-check';
import { decodeExactJson, encodeExactJson } from '../../src/store/exact-json.ts';

describe('exact JSON', () => {
  it('writes negative zero as -0 and reads it back as -0', () => {
    expect(encodeExactJson({ v: -0, list: [-0, 0] })).to.equal('{"v":-0,"list":[-0,0]}');
    const back = decodeExactJson<{ v: number }>(encodeExactJson({ v: -0 }));
    expect(Object.is(back.v, -0)).to.equal(true);
  });

  it('round-trips every finite double bit for bit', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        expect(Object.is(decodeExactJson<number[]>(encodeExactJson([value]))[0], value)).to.equal(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes exactly what JSON.stringify writes when there is no negative zero', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const withoutNegativeZero: unknown = JSON.parse(JSON.stringify(value));
        expect(encodeExactJson(withoutNegativeZero)).to.equal(JSON.stringify(withoutNegativeZero));
      }),
    );
  });

  it('follows JSON.stringify for toJSON, undefined and functions', () => {
    const value = { when: new Date(0), gone: undefined, fn: () => 1, list: [undefined, () => 1] };
    expect(encodeExactJson(value)).to.equal(JSON.stringify(value));
  });

  it('refuses NaN, infinities and BigInts instead of turning them into null', () => {
    for (const bad of [NaN, Infinity, -Infinity]) expect(() => encodeExactJson({ metrics: [bad] })).to.throw(TypeError, /non-finite/);
    expect(() => encodeExactJson({ big: 1n })).to.throw(TypeError, /BigInt/);
    expect(() => encodeExactJson(undefined)).to.throw(TypeError, /JSON-compatible/);
  });
});
