import { expect } from 'chai';
import { safeReturnPath } from '../../../src/http/auth/return-path.ts';

describe('safeReturnPath', () => {
  it('keeps same-origin paths with their query and fragment', () => {
    for (const path of ['/', '/tests/bench/parse', '/orgs/acme?tab=changes#c1', '/%2F%2Fencoded']) expect(safeReturnPath(path)).to.equal(path);
  });

  it('turns anything that could leave the site, or is not a path, into /', () => {
    const bad = ['//evil.example', '///evil.example', '/\\evil.example', '\\\\evil.example', 'https://evil.example/', 'javascript:alert(1)', 'evil', '', '/a\nb', '/a\tb', `/${'x'.repeat(2000)}`];
    for (const value of [...bad, undefined, 42, ['/a']]) expect(safeReturnPath(value), String(value)).to.equal('/');
  });
});
