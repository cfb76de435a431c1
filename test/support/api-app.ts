/**
 * The real app for API tests: the SQLite store in a fresh temporary DATA_DIR, the real
 * services and routes, listening on an ephemeral loopback port. No mocks.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { createApp } from '../../src/http/app.ts';
import { close, listen, serverUrl } from '../../src/http/server.ts';
import { createLogger } from '../../src/logger.ts';
import { createServices, ownerOfUser, type NotificationOptions, type Services } from '../../src/services/index.ts';
import type { Clock } from '../../src/store/clock.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { OwnerId, Store } from '../../src/store/types.ts';
import { freePort } from './ferretdb.ts';
import { testNotificationOptions } from './notification-options.ts';

/** A running app and what tests need around it. */
export interface ApiApp {
  url: string;
  dataDir: string;
  store: Store;
  services: Services;
  readiness: { ready: boolean };
  /** Errors the background notification sender reported. */
  notificationErrors: unknown[];
  /** A new API token for `login` (`u:<login>` owns what it writes). */
  tokenFor(login: string): Promise<string>;
  /** Stops the server and closes the store; removes the data directory unless `keepData`. Idempotent. */
  close(options?: { keepData?: boolean }): Promise<void>;
}

/** Options of {@link startApiApp}. */
export interface ApiAppOptions {
  /** Reuse this DATA_DIR (e.g. one the CLI wrote into) instead of a fresh one. */
  dataDir?: string;
  bodyLimitBytes?: number;
  clock?: Clock;
  detectorCacheSize?: number;
  /** Where the app logs; silent by default. */
  logger?: Logger;
  /** Use MongoDB at this URI (e.g. FerretDB) instead of SQLite in DATA_DIR. */
  mongodbUri?: string;
  mongodbDb?: string;
  /** Overrides of the test notification options (fast retries by default). */
  notifications?: Partial<NotificationOptions>;
  /** GitHub login against a stand-in; the app then gets PUBLIC_URL http://127.0.0.1:<its port>. */
  login?: TestLogin;
}

/** A GitHub OAuth app on a stand-in GitHub, and the login's limits. */
export interface TestLogin {
  /** The stand-in's URL: both GITHUB_URL and GITHUB_API_URL. */
  githubUrl: string;
  clientId: string;
  clientSecret: string;
  /** Requests per minute to /auth (default: high enough never to matter). */
  rateLimit?: number;
  sessionTtlSeconds?: number;
}

const SESSION_SECRET = 'test-session-secret-0123456789abcdef';

/**
 * Starts the app on 127.0.0.1 with an ephemeral port.
 *
 * @example const app = await startApiApp(); const token = await app.tokenFor('alice');
 */
export async function startApiApp(options: ApiAppOptions = {}): Promise<ApiApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'vahti-api-'));
  const store = await openStore({ dataDir, mongodbUri: options.mongodbUri, mongodbDb: options.mongodbDb });
  const clock = options.clock ?? (() => Math.floor(Date.now() / 1000));
  const notifications = testNotificationOptions(options.notifications);
  const { login } = options;
  const port = login ? await freePort() : 0;
  const github = login && { apiUrl: login.githubUrl, sessionSecret: SESSION_SECRET };
  const services = createServices(store, { clock, detectorCacheSize: options.detectorCacheSize ?? 16, notifications, ...(github ? { github } : {}) });
  const readiness = { ready: true };
  const app = createApp({
    config: { bodyLimitBytes: options.bodyLimitBytes ?? 10 * 1024 * 1024 },
    ...(login && {
      login: {
        publicUrl: `http://127.0.0.1:${port}`,
        github: { clientId: login.clientId, clientSecret: login.clientSecret, url: login.githubUrl, apiUrl: login.githubUrl },
        sessionSecret: SESSION_SECRET,
        sessionTtlSeconds: login.sessionTtlSeconds ?? 3600,
        authRateLimit: login.rateLimit ?? 100_000,
      },
    }),
    services,
    logger: options.logger ?? createLogger({ logLevel: 'silent' }),
    readiness,
    version: 'test',
  });
  const server: Server = await listen(app, port, '127.0.0.1');
  return {
    url: serverUrl(server),
    dataDir,
    store,
    services,
    readiness,
    notificationErrors: notifications.errors,
    tokenFor: async (login) => (await services.tokens.create(login, 'test')).secret,
    close: async ({ keepData = false } = {}) => {
      if (!server.listening) return;
      server.closeAllConnections();
      await close(server);
      await services.notifications.idle();
      await store.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The owner id of a login, as the server derives it. */
export function owner(login: string): OwnerId {
  return ownerOfUser(login);
}
