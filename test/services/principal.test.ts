import { expect } from 'chai';
import { allows, ownerOfOrg, ownerOfUser, parseOwner } from '../../src/services/principal.ts';

describe('principals', () => {
  it('lets members read and write but not configure; admins and owners do everything', () => {
    const table = (['self', 'admin', 'member'] as const).map((standing) => (['read', 'write', 'configure'] as const).map((access) => allows(standing, access)));
    expect(table).to.deep.equal([
      [true, true, true],
      [true, true, true],
      [true, true, false],
    ]);
  });

  it('builds and parses owner ids', () => {
    expect(ownerOfUser('alice')).to.equal('u:alice');
    expect(ownerOfOrg('acme')).to.equal('o:acme');
    expect(parseOwner('o:acme')).to.deep.equal({ kind: 'org', name: 'acme' });
    expect(parseOwner('u:alice')).to.deep.equal({ kind: 'user', name: 'alice' });
  });
});
