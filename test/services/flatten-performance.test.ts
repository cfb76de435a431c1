import { expect } from 'chai';
import { flattenPerformance, unitOf } from '../../src/services/flatten-performance.ts';

describe('flattenPerformance', () => {
  it('names numbers by their path and array elements by their name', () => {
    const metrics = flattenPerformance({
      cpu: { usage: 12, model: 'x86', loadAverage: [1.5, 0.5] },
      disk: [{ name: 'sda', usagePercent: 40, mounted: true }],
      network: { interfaces: [{ name: 'eth0', rxBytes: 10 }] },
      system: { uptime: 60, note: null },
    });
    expect(metrics).to.deep.equal([
      { name: 'cpu.usage', unit: '%', value: 12 },
      { name: 'cpu.loadAverage.0', unit: '', value: 1.5 },
      { name: 'cpu.loadAverage.1', unit: '', value: 0.5 },
      { name: 'disk.sda.usagePercent', unit: '%', value: 40 },
      { name: 'network.interfaces.eth0.rxBytes', unit: 'bytes', value: 10 },
      { name: 'system.uptime', unit: 's', value: 60 },
    ]);
  });

  it('leaves out non-finite numbers', () => {
    expect(flattenPerformance({ cpu: { usage: Number.NaN, idle: Number.POSITIVE_INFINITY } })).to.deep.equal([]);
  });

  it('derives units from names', () => {
    expect([unitOf('memory.usagePercent'), unitOf('memory.usedBytes'), unitOf('system.uptime'), unitOf('system.processCount')]).to.deep.equal([
      '%',
      'bytes',
      's',
      '',
    ]);
  });
});
