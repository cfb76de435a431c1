import { expect } from 'chai';
import fc from 'fast-check';
import { NOW, rejection, result, type ContractContext } from './fixtures.ts';

const ALICE = 'u:alice';

/** Float64 values and odd keys survive a round trip bit for bit. */
export function exactnessContract(ctx: ContractContext): void {
  describe('exact values', () => {
    it('keeps float64 metric values exactly, negative zero included', async () => {
      const values = [0.1 + 0.2, 1e-300, -0, 5e-324, Number.MAX_VALUE, -Number.MIN_VALUE, 2 ** 53 + 2, 123456789.123456789];
      await ctx.store.writeResults(ALICE, 'floats', values.map((value, i) => result(i, { value })), 'append', NOW);
      const stored = await ctx.store.listResults(ALICE, 'floats');
      const back = stored.map((r) => r.metrics[0]?.value);
      values.forEach((value, i) => expect(Object.is(back[i], value), `value ${i}: ${back[i]} vs ${value}`).to.equal(true));
    });

    it('keeps keys with dots, dollar signs and unicode in attributes and extra_info', async () => {
      const uploaded = result(1, { extra: { 'a.b': 1, $where: 'x', 'ünï/cødé': [{ '': -0 }] } });
      uploaded.attributes['ci.run'] = '42';
      await ctx.store.writeResults(ALICE, 'keys', [uploaded], 'append', NOW);
      const [stored] = await ctx.store.listResults(ALICE, 'keys');
      expect(stored?.extra_info).to.deep.equal(uploaded.extra_info);
      expect(stored?.attributes['ci.run']).to.equal('42');
      const nested = stored?.extra_info['ünï/cødé'] as Array<Record<string, number>>;
      expect(Object.is(nested[0]?.[''], -0)).to.equal(true);
    });

    it('refuses a NaN or infinite value instead of storing null, and writes nothing of the batch', async () => {
      for (const value of [NaN, Infinity]) {
        const error = await rejection(ctx.store.writeResults(ALICE, 'bad', [result(1), result(2, { value })], 'append', NOW));
        expect(error).to.be.instanceOf(TypeError);
      }
      expect(await ctx.store.getTest(ALICE, 'bad')).to.equal(null);
    });

    it('round-trips any finite doubles and JSON extra_info', async () => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 5 }),
          fc.jsonValue(),
          async (values, extra) => {
            const test = `property/${run++}`;
            const uploaded = values.map((value, i) => result(i, { value, extra: { extra } }));
            await ctx.store.writeResults(ALICE, test, uploaded, 'append', NOW);
            const stored = await ctx.store.listResults(ALICE, test);
            stored.forEach((r, i) => {
              expect(Object.is(r.metrics[0]?.value, values[i])).to.equal(true);
              expect(r.extra_info).to.deep.equal({ extra });
            });
          },
        ),
        { numRuns: 25 },
      );
    });
  });
}
