/**
 * Composition root of the server (`npm start`): reads the config, opens the store it names,
 * wires the services and the app, listens, and shuts down gracefully on SIGTERM/SIGINT.
 * Exits 1 with one line on stderr when the config is invalid or the store cannot be opened.
 */
import { readFileSync } from 'node:fs';
import { Cron } from 'croner';
import { createApp } from './http/app.ts';
import { close, listen, serverUrl } from './http/server.ts';
import { loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { createServices, systemClock } from './services/index.ts';
import { openStore } from './store/open-store.ts';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config);
  const store = await openStore({ dataDir: config.dataDir, mongodbUri: config.mongodbUri, mongodbDb: config.mongodbDb });
  const services = createServices(store, {
    clock: systemClock,
    detectorCacheSize: config.detectorCacheSize,
    notifications: {
      publicUrl: config.publicUrl,
      clockMs: Date.now,
      random: Math.random,
      timeoutMs: config.notifyTimeoutMs,
      onError: (err) => logger.error({ err }, 'notification delivery failed'),
    },
    ...(config.github && config.sessionSecret ? { github: { apiUrl: config.github.apiUrl, sessionSecret: config.sessionSecret } } : {}),
  });
  // The sweep sends what uploads left due: retries after backoff, claims whose lease ran out.
  const sweep = new Cron('* * * * * *', { interval: config.notifySweepSeconds, protect: true }, () => services.notifications.kick());
  // Once a minute: memberships older than MEMBERSHIP_REFRESH_SECONDS are asked of GitHub again
  // (a member removed there loses access here), and expired login sessions are deleted.
  const accountSweep = new Cron('0 * * * * *', { protect: true }, () =>
    Promise.all([services.accounts.refreshMemberships(config.membershipRefreshSeconds), services.sessions.sweep()]).then(
      ([memberships, expiredSessions]) => logger.debug({ memberships, expiredSessions }, 'accounts swept'),
      (err: unknown) => logger.error({ err }, 'account sweep failed'),
    ),
  );
  const readiness = { ready: false };
  const app = createApp({ config, login: config, services, logger, readiness, version });
  const server = await listen(app, config.port, config.host);
  readiness.ready = true;
  logger.info({ url: serverUrl(server), store: config.mongodbUri ? 'mongodb' : 'sqlite', version }, `Vahti listening on ${serverUrl(server)}`);
  if (config.github) logger.info({ github: config.github.url, callback: `${config.publicUrl}/auth/github/callback` }, 'GitHub login enabled');
  else logger.info('GitHub login is not configured (GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET): API tokens only');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    readiness.ready = false;
    logger.info({ signal }, 'shutting down');
    sweep.stop();
    accountSweep.stop();
    await close(server);
    await services.notifications.idle();
    await store.close();
    logger.info('stopped');
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      shutdown(signal).catch((err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exitCode = 1;
      });
    });
  }
}

try {
  await main();
} catch (err) {
  process.stderr.write(`vahti: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
