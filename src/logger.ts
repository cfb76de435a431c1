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
