import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectChangePoints } from '../../algorithms/index.ts';

const bin = fileURLToPath(new URL('../../bin/vahti.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'vahti-cli-'));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function vahti(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const steps = [...Array(30).fill(10), ...Array(30).fill(20)].map((v, i) => v + ((i * 7) % 5) / 10);

describe('vahti detect', function () {
  this.timeout(60000);

  it('prints the change points of a JSON series, with the file thresholds', () => {
    const r = vahti('detect', file('a.json', JSON.stringify({ series: steps, window_len: 20, max_pvalue: 0.01 })));
    expect(r.status, r.stderr).to.equal(0);
    expect(JSON.parse(r.stdout)).to.deep.equal({ change_points: detectChangePoints(steps, { windowLen: 20, maxPvalue: 0.01 }) });
  });

  it('lets flags override the file and selects the otava mode', () => {
    const path = file('b.json', JSON.stringify({ series: steps, window_len: 20, max_pvalue: 0.01 }));
    const r = vahti('detect', path, '--window-len', '10', '--max-pvalue', '0.2', '--min-magnitude', '0.01', '--mode', 'otava');
    expect(r.status, r.stderr).to.equal(0);
    const want = detectChangePoints(steps, { windowLen: 10, maxPvalue: 0.2, minMagnitude: 0.01, mode: 'otava' });
    expect(JSON.parse(r.stdout).change_points).to.deep.equal(want);
  });

  it('reads a CSV column by name, filling empty cells and null', () => {
    const rows = steps.map((v, i) => `${i},${i === 5 ? '' : i === 6 ? 'null' : v},x`);
    const r = vahti('detect', file('c.csv', `t,latency,label\n${rows.join('\n')}\n`), '--column', 'latency');
    expect(r.status, r.stderr).to.equal(0);
    const series = steps.map((v, i) => (i === 5 || i === 6 ? null : v));
    expect(JSON.parse(r.stdout).change_points).to.deep.equal(detectChangePoints(series));
  });

  it('uses the first numeric CSV column by default', () => {
    const rows = steps.map((v) => `build,${v}`);
    const r = vahti('detect', file('d.csv', `name,ms\n${rows.join('\n')}\n`));
    expect(r.status, r.stderr).to.equal(0);
    expect(JSON.parse(r.stdout).change_points).to.deep.equal(detectChangePoints(steps));
  });

  it('adds detect_ms with --time', () => {
    const r = vahti('detect', file('e.json', JSON.stringify({ series: steps })), '--time');
    const out = JSON.parse(r.stdout);
    expect(out.detect_ms).to.be.a('number').and.to.be.at.least(0);
    expect(out.change_points).to.have.length.greaterThan(0);
  });

  const bad: [string, () => string[], RegExp][] = [
    ['an unreadable file', () => [join(dir, 'missing.json')], /cannot read/],
    ['invalid JSON', () => [file('f.json', '{"series": [1, 2,')], /not valid JSON/],
    ['a string in the JSON series', () => [file('g.json', '{"series": [1, "2"]}')], /series\[1\] is not a number/],
    ['a non-numeric CSV cell', () => [file('h.csv', 'v\n1\nabc\n'), '--column', 'v'], /row 3.*not a finite number/],
    ['NaN in a CSV', () => [file('i.csv', 'v\n1\nNaN\n'), '--column', 'v'], /not a finite number/],
    ['Infinity in a CSV', () => [file('j.csv', 'v\n1\nInfinity\n'), '--column', 'v'], /not a finite number/],
    ['a missing CSV column', () => [file('k.csv', 'v\n1\n'), '--column', 'w'], /column "w" not found/],
    ['window_len below 2', () => [file('l.json', '{"series": [1]}'), '--window-len', '1'], /window_len/],
    ['a p-value of 0', () => [file('m.json', '{"series": [1]}'), '--max-pvalue', '0'], /max_pvalue/],
    ['a p-value above 1', () => [file('n.json', '{"series": [1], "max_pvalue": 1.5}')], /max_pvalue/],
    ['a negative magnitude', () => [file('o.json', '{"series": [1]}'), '--min-magnitude', '-0.1'], /min_magnitude/],
    ['an unknown mode', () => [file('p.json', '{"series": [1]}'), '--mode', 'fast'], /--mode/],
    ['an unknown option', () => [file('q.json', '{"series": [1]}'), '--bogus'], /unknown option/],
  ];
  for (const [what, args, message] of bad) {
    it(`exits 2 with one line on stderr for ${what}`, () => {
      const r = vahti('detect', ...args());
      expect(r.status).to.equal(2);
      expect(r.stdout).to.equal('');
      expect(r.stderr.trim().split('\n')).to.have.length(1);
      expect(r.stderr).to.match(message);
    });
  }
});
