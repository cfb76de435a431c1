import { expect } from 'chai';
import { SESSION_COOKIE, sessionCookie } from '../../../src/http/auth/sessions.ts';

describe('the session cookie', () => {
  it('is vahti.sid, httpOnly, SameSite=Lax and site-wide', () => {
    expect(SESSION_COOKIE).to.equal('vahti.sid');
    expect(sessionCookie('http://127.0.0.1:8080')).to.deep.include({ httpOnly: true, sameSite: 'lax', path: '/' });
  });

  it('is Secure exactly when PUBLIC_URL is https', () => {
    expect(sessionCookie('https://vahti.example.com').secure).to.equal(true);
    expect(sessionCookie('http://localhost:8080').secure).to.equal(false);
  });
});
