/**
 * Public shapes of accounts: the logged-in user with their organisations, and API tokens
 * (the secret only in the answer that creates one; never the hash).
 */
import type { z } from 'zod';
import { parseOwner, type IssuedToken, type Profile } from '../../services/index.ts';
import type { ApiToken } from '../../store/types.ts';
import type { TokenCreatedSchema, TokenSchema, UserSchema } from '../schemas/account-schemas.ts';

/**
 * `GET /user`: profile fields GitHub gave (absent ones left out), the organisations, and the
 * session's CSRF token ('' for a token-authenticated request).
 *
 * @example presentUser(profile, token).orgs // [{ login: 'acme', role: 'admin' }]
 */
export function presentUser({ user, memberships }: Profile, csrfToken: string | null): z.input<typeof UserSchema> {
  return {
    login: user.login,
    ...(user.name === null ? {} : { name: user.name }),
    ...(user.email === null ? {} : { email: user.email }),
    ...(user.avatar_url === null ? {} : { avatar_url: user.avatar_url }),
    orgs: memberships.map((m) => ({ login: m.org, role: m.role })),
    csrf_token: csrfToken ?? '',
  };
}

/**
 * A token as listed.
 *
 * @example presentToken(record) // { id, name: 'ci', org: 'acme', created_at, expires_at: null, last_used: null }
 */
export function presentToken(token: ApiToken): z.input<typeof TokenSchema> {
  const owner = parseOwner(token.owner);
  return {
    id: token.id,
    name: token.name,
    org: owner.kind === 'org' ? owner.name : null,
    created_at: token.created_at,
    expires_at: token.expires_at,
    last_used: token.last_used,
  };
}

/**
 * A new token with its secret.
 *
 * @example presentIssuedToken(issued).token // 'vahti_…'
 */
export function presentIssuedToken({ secret, record }: IssuedToken): z.input<typeof TokenCreatedSchema> {
  return { ...presentToken(record), token: secret };
}
