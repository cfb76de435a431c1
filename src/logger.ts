/**
 * The process logger: pino JSON lines, with credentials redacted wherever they appear in a
 * logged object (request headers, tokens, secrets, the MongoDB URI).
 */
import { pino, type Logger } from 'pino';
import type { Config } from './config.ts';

/** Paths pino replaces with "[redacted]" in every log line, children included. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'token',
  'secret',
  'password',
  'mongodbUri',
  'sessionSecret',
  'clientSecret',
  '*.token',
  '*.secret',
  '*.password',
  '*.mongodbUri',
  '*.sessionSecret',
  '*.clientSecret',
];

/**
 * A logger at the configured level writing to `destination` (stdout by default).
 *
 * @example createLogger({ logLevel: 'info' }).info({ url }, 'listening')
 */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: pino.DestinationStream): Logger {
  const options = { level: config.logLevel, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}

/** Query parameters that carry one-time secrets (the OAuth callback's `code` and `state`). */
const SECRET_QUERY = /([?&](?:code|state)=)[^&#]*/g;

/**
 * pino-http's serialised request with OAuth `code` and `state` redacted from its URL and query,
 * so a login callback never leaves its one-time code in the log.
 *
 * @example redactRequestSecrets({ url: '/auth/github/callback?code=abc', query: { code: 'abc' } })
 *   // { url: '/auth/github/callback?code=[redacted]', query: { code: '[redacted]' } }
 */
export function redactRequestSecrets<R extends { url?: string; query?: Record<string, unknown> }>(req: R): R {
  const out = { ...req };
  if (out.url) out.url = out.url.replace(SECRET_QUERY, '$1[redacted]');
  if (out.query) {
    const query = { ...out.query };
    for (const key of ['code', 'state']) if (key in query) query[key] = '[redacted]';
    out.query = query;
  }
  return out;
}
