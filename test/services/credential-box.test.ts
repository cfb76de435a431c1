import { expect } from 'chai';
import { CredentialBox } from '../../src/services/credential-box.ts';

describe('CredentialBox', () => {
  const box = new CredentialBox('a-session-secret-of-32-characters!');

  it('opens what it sealed, and seals the same text differently each time', () => {
    const a = box.seal('gho_secret');
    const b = box.seal('gho_secret');
    expect(a).to.match(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/).and.not.include('gho_secret');
    expect(a).not.to.equal(b);
    expect(box.open(a)).to.equal('gho_secret');
    expect(box.open(b)).to.equal('gho_secret');
  });

  it('opens nothing sealed under another secret', () => {
    expect(new CredentialBox('another-session-secret-32-chars!!').open(box.seal('gho_secret'))).to.equal(null);
  });

  it('opens nothing altered, truncated or not sealed at all', () => {
    const sealed = box.seal('gho_secret');
    const [version, iv, body] = sealed.split('.') as [string, string, string];
    const flipped = `${body.slice(0, -2)}${body.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const bad of [`${version}.${iv}.${flipped}`, `${version}.${iv}`, `v2.${iv}.${body}`, 'gho_plain', '', `${version}.${iv.slice(2)}.${body}`]) {
      expect(box.open(bad), bad).to.equal(null);
    }
  });
});
