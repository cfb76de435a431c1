import { expect } from 'chai';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('loadConfig', () => {
  it('applies the defaults to an empty environment', () => {
    expect(loadConfig({})).to.deep.equal({
      port: 8080,
      host: '0.0.0.0',
      dataDir: './data',
      mongodbUri: undefined,
      mongodbDb: undefined,
      logLevel: 'info',
      bodyLimitBytes: 10 * 1024 * 1024,
      detectorCacheSize: 256,
      publicUrl: 'http://localhost:8080',
      notifySweepSeconds: 30,
      notifyTimeoutMs: 10_000,
      github: null,
      sessionSecret: null,
      sessionTtlSeconds: 7 * 86_400,
      membershipRefreshSeconds: 3600,
      authRateLimit: 30,
      trustProxy: false,
    });
  });

  describe('GitHub login', () => {
    const secret = 's'.repeat(32);

    it('is configured by the client id and secret, with github.com by default', () => {
      const config = loadConfig({ GITHUB_CLIENT_ID: 'id', GITHUB_CLIENT_SECRET: 'shh', SESSION_SECRET: secret });
      expect(config.github).to.deep.equal({ clientId: 'id', clientSecret: 'shh', url: 'https://github.com', apiUrl: 'https://api.github.com' });
      expect(config.sessionSecret).to.equal(secret);
    });

    it('points at GitHub Enterprise (or a stand-in) through GITHUB_URL and GITHUB_API_URL, without trailing slashes', () => {
      const config = loadConfig({
        GITHUB_CLIENT_ID: 'id',
        GITHUB_CLIENT_SECRET: 'shh',
        SESSION_SECRET: secret,
        GITHUB_URL: 'https://ghe.example.com/',
        GITHUB_API_URL: 'https://ghe.example.com/api/v3',
      });
      expect(config.github).to.include({ url: 'https://ghe.example.com', apiUrl: 'https://ghe.example.com/api/v3' });
    });

    it('needs both the client id and the secret, and then a session secret of 32+ characters', () => {
      expect(() => loadConfig({ GITHUB_CLIENT_ID: 'id' })).to.throw(ConfigError, /GITHUB_CLIENT_SECRET: must be set with GITHUB_CLIENT_ID/);
      expect(() => loadConfig({ GITHUB_CLIENT_SECRET: 'shh' })).to.throw(ConfigError, /GITHUB_CLIENT_ID/);
      expect(() => loadConfig({ GITHUB_CLIENT_ID: 'id', GITHUB_CLIENT_SECRET: 'shh' })).to.throw(ConfigError, /SESSION_SECRET/);
      expect(() => loadConfig({ GITHUB_CLIENT_ID: 'id', GITHUB_CLIENT_SECRET: 'shh', SESSION_SECRET: 'short' })).to.throw(ConfigError, /SESSION_SECRET: must be at least 32/);
    });

    it('reads TRUST_PROXY as Express’s setting', () => {
      expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).to.equal(true);
      expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).to.equal(2);
      expect(loadConfig({ TRUST_PROXY: 'loopback' }).trustProxy).to.equal('loopback');
      expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).to.equal(false);
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '9000',
      HOST: '127.0.0.1',
      DATA_DIR: '/var/lib/vahti',
      MONGODB_URI: 'mongodb://db:27017',
      MONGODB_DB: 'perf',
      LOG_LEVEL: 'debug',
      BODY_LIMIT_BYTES: '2048',
      DETECTOR_CACHE_SIZE: '8',
    });
    expect(config).to.include({ port: 9000, host: '127.0.0.1', dataDir: '/var/lib/vahti', mongodbUri: 'mongodb://db:27017', mongodbDb: 'perf' });
    expect(config).to.include({ logLevel: 'debug', bodyLimitBytes: 2048, detectorCacheSize: 8 });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', MONGODB_URI: '' })).to.include({ port: 8080, mongodbUri: undefined });
  });

  it('fails fast naming every bad variable', () => {
    expect(() => loadConfig({ PORT: '80a', LOG_LEVEL: 'loud', MONGODB_URI: 'postgres://x' }))
      .to.throw(ConfigError)
      .with.property('message')
      .that.matches(/PORT/)
      .and.matches(/LOG_LEVEL/)
      .and.matches(/MONGODB_URI/);
  });

  it('refuses a port out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).to.throw(ConfigError, /PORT/);
  });
});
