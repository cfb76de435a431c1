/**
 * Public shape of an owner's config: notifier secrets (webhook URLs, tokens, passwords) are
 * stored but read back as "[redacted]".
 */
import type { z } from 'zod';
import type { OwnerConfig } from '../../store/types.ts';
import type { OwnerConfigSchema } from '../schemas/config-schemas.ts';

const SECRET_KEY = /secret|token|password|webhook|api_?key/i;

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? '[redacted]' : redact(v)]));
  }
  return value;
}

/**
 * The config with every value under a secret-like key replaced, at any depth.
 *
 * @example presentOwnerConfig({ core, notifiers: { slack: { webhook_url: 'https://…' } } }).notifiers
 *   // { slack: { webhook_url: '[redacted]' } }
 */
export function presentOwnerConfig(config: OwnerConfig): z.input<typeof OwnerConfigSchema> {
  return { core: { ...config.core }, notifiers: redact(config.notifiers) as Record<string, unknown> };
}
