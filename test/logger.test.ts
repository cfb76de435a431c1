import { expect } from 'chai';
import { Writable } from 'node:stream';
import { createLogger, redactRequestSecrets } from '../src/logger.ts';
import { startApiApp } from './support/api-app.ts';
import { call } from './support/api-client.ts';

describe('logger', () => {
  it('redacts the OAuth code and state from a request URL and query', () => {
    expect(redactRequestSecrets({ url: '/auth/github/callback?code=abc&state=s1&x=1', query: { code: 'abc', state: 's1', x: '1' } })).to.deep.equal({
      url: '/auth/github/callback?code=[redacted]&state=[redacted]&x=1',
      query: { code: '[redacted]', state: '[redacted]', x: '1' },
    });
    expect(redactRequestSecrets({ url: '/api/v0/results' })).to.deep.equal({ url: '/api/v0/results' });
  });

  it('never writes a bearer token or a login callback code to the request log', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const app = await startApiApp({ logger: createLogger({ logLevel: 'info' }, sink) });
    try {
      const token = await app.tokenFor('alice');
      await call(app.url, 'GET', '/api/v0/results', { token });
      await call(app.url, 'GET', '/auth/github/callback?code=SECRETCODE123&state=STATE456');
      const log = lines.join('');
      expect(log).to.include('/api/v0/results');
      expect(log).to.include('/auth/github/callback?code=[redacted]');
      expect(log).to.not.include(token).and.to.not.include('SECRETCODE123').and.to.not.include('STATE456');
    } finally {
      await app.close();
    }
  });
});
