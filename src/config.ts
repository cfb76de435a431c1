/**
 * The server's configuration: read from the environment once, validated with zod, and passed in
 * to whatever needs it (Outline's one validated environment object; Otava's single config
 * dataclass). A bad value fails fast with one message naming every offending variable.
 */
import { z } from 'zod';

/** An http(s) URL, kept without a trailing slash. */
const httpUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).transform((url) => url.replace(/\/+$/, ''));

/** Decimal digits from the environment as an integer within [min, max]. */
function intVar(min: number, max: number) {
  return z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
}

const envSchema = z.object({
  PORT: intVar(0, 65_535).default(8080),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  MONGODB_URI: z
    .string()
    .trim()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional(),
  MONGODB_DB: z.string().trim().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: intVar(1024, 1024 ** 3).default(10 * 1024 * 1024),
  DETECTOR_CACHE_SIZE: intVar(1, 1_000_000).default(256),
  PUBLIC_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
  NOTIFY_SWEEP_SECONDS: intVar(1, 86_400).default(30),
  NOTIFY_TIMEOUT_MS: intVar(100, 120_000).default(10_000),
  GITHUB_CLIENT_ID: z.string().trim().min(1).optional(),
  GITHUB_CLIENT_SECRET: z.string().trim().min(1).optional(),
  GITHUB_URL: httpUrl.default('https://github.com'),
  GITHUB_API_URL: httpUrl.default('https://api.github.com'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_TTL_SECONDS: intVar(60, 365 * 86_400).default(7 * 86_400),
  MEMBERSHIP_REFRESH_SECONDS: intVar(60, 30 * 86_400).default(3600),
  AUTH_RATE_LIMIT: intVar(1, 1_000_000).default(30),
  TRUST_PROXY: z.string().trim().min(1).optional(),
}).superRefine((env, ctx) => {
  const github = ['GITHUB_CLIENT_ID', 'GITHUB_CLIENT_SECRET'] as const;
  const set = github.filter((name) => env[name] !== undefined);
  if (set.length === 1) {
    const missing = github.find((name) => env[name] === undefined) ?? github[0];
    ctx.addIssue({ code: 'custom', path: [missing], message: `must be set with ${set[0]}` });
  }
  if (set.length === 2 && env.SESSION_SECRET === undefined) {
    ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'must be set (32+ random characters) when GitHub login is configured' });
  }
});

/** An OAuth app on GitHub (or GitHub Enterprise Server) that users log in through. */
export interface GithubConfig {
  clientId: string;
  clientSecret: string;
  /** Where users authorize: `https://github.com` or the Enterprise server's URL. */
  url: string;
  /** The REST API: `https://api.github.com` or `https://HOST/api/v3`. */
  apiUrl: string;
}

/** The validated configuration, one object for the whole process. */
export interface Config {
  /** TCP port of the HTTP server; 0 picks a free one. Default 8080. */
  port: number;
  /** Interface the server binds to. Default 0.0.0.0. */
  host: string;
  /** Directory of the embedded SQLite database. Default ./data. */
  dataDir: string;
  /** When set, results live in MongoDB instead of SQLite. */
  mongodbUri: string | undefined;
  /** MongoDB database name (the store's default when unset). */
  mongodbDb: string | undefined;
  /** pino level. Default info. */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Largest accepted request body in bytes. Default 10 MiB. */
  bodyLimitBytes: number;
  /** How many series keep their incremental detector state in memory (LRU). Default 256. */
  detectorCacheSize: number;
  /** Where people reach this server (links in notifications, OAuth callback). Default http://localhost:PORT. */
  publicUrl: string;
  /** How often pending and retrying notifications are swept (s). Default 30. */
  notifySweepSeconds: number;
  /** Timeout of one notification attempt (ms). Default 10,000. */
  notifyTimeoutMs: number;
  /** GitHub login; null (GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET unset) means API tokens only. */
  github: GithubConfig | null;
  /** Signs session cookies and seals kept GitHub tokens; required with GitHub login. */
  sessionSecret: string | null;
  /** How long a login session lasts (s). Default 7 days. */
  sessionTtlSeconds: number;
  /** Memberships older than this (s) are refreshed from GitHub. Default 3600. */
  membershipRefreshSeconds: number;
  /** Requests per minute and client address to /auth routes. Default 30. */
  authRateLimit: number;
  /** Express's `trust proxy` setting: false (default), true, a hop count, or addresses/subnets. */
  trustProxy: boolean | number | string;
}

/** Thrown by {@link loadConfig} when the environment is invalid; the message lists every problem. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment into a {@link Config}. Empty variables count as unset.
 *
 * Cost: O(number of variables).
 *
 * @example loadConfig({ PORT: '9000' }).port // 9000
 */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    mongodbUri: e.MONGODB_URI,
    mongodbDb: e.MONGODB_DB,
    logLevel: e.LOG_LEVEL,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    detectorCacheSize: e.DETECTOR_CACHE_SIZE,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    notifySweepSeconds: e.NOTIFY_SWEEP_SECONDS,
    notifyTimeoutMs: e.NOTIFY_TIMEOUT_MS,
    github:
      e.GITHUB_CLIENT_ID && e.GITHUB_CLIENT_SECRET
        ? { clientId: e.GITHUB_CLIENT_ID, clientSecret: e.GITHUB_CLIENT_SECRET, url: e.GITHUB_URL, apiUrl: e.GITHUB_API_URL }
        : null,
    sessionSecret: e.SESSION_SECRET ?? null,
    sessionTtlSeconds: e.SESSION_TTL_SECONDS,
    membershipRefreshSeconds: e.MEMBERSHIP_REFRESH_SECONDS,
    authRateLimit: e.AUTH_RATE_LIMIT,
    trustProxy: trustProxySetting(e.TRUST_PROXY),
  };
}

/**
 * Express's `trust proxy` value from TRUST_PROXY: unset or "false" is false, "true" is true,
 * digits are a hop count, anything else is passed on (e.g. "loopback" or "10.0.0.0/8").
 *
 * @example trustProxySetting('1') // 1
 */
function trustProxySetting(value: string | undefined): boolean | number | string {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}
