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
