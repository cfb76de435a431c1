/**
 * Signed generic webhooks: HMAC-SHA256 over `<timestamp>.<body>` with the webhook's secret, sent
 * as `Vahti-Signature: t=<unix seconds>,v1=<hex>` (the scheme Stripe uses). Receivers recompute
 * the HMAC and reject old timestamps, so a captured request cannot be replayed later.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header carrying the signature. */
export const SIGNATURE_HEADER = 'Vahti-Signature';

/**
 * The signature header value for a body sent at `timestamp` (Unix seconds).
 *
 * @example signPayload('s3cret', 1700000000, '{"a":1}') // 't=1700000000,v1=…'
 */
export function signPayload(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/**
 * Verifies a signature header against the raw body: the HMAC must match and the timestamp be
 * within `toleranceSeconds` of `now` (Unix seconds). For receivers, and for our tests.
 *
 * @example verifySignature('s3cret', header, rawBody, Date.now() / 1000) // true
 */
export function verifySignature(secret: string, header: string, body: string, now: number, toleranceSeconds = 300): boolean {
  const parts = new Map(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1');
  if (!Number.isInteger(t) || !v1 || Math.abs(now - t) > toleranceSeconds) return false;
  const want = Buffer.from(signPayload(secret, t, body).split('v1=')[1]!, 'hex');
  const got = Buffer.from(v1, 'hex');
  return got.length === want.length && timingSafeEqual(got, want);
}
