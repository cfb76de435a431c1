/**
 * API tokens: created for a user (by `vahti token create`), presented as
 * `Authorization: Bearer <token>`, and stored only as their SHA-256 hash, so a leaked database
 * does not leak usable tokens. Each token acts for one owner; users own `u:<login>`.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { ApiToken, OwnerId, Store } from '../store/types.ts';
import type { Clock } from '../store/clock.ts';

/** GitHub's login rule: 1–39 letters, digits and single inner hyphens. */
export const LOGIN_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

/** How often (seconds) a token's `last_used` is written at most; reads stay read-only between. */
const TOUCH_INTERVAL_SECONDS = 60;

/**
 * The owner id of a user.
 *
 * @example ownerOfUser('alice') // 'u:alice'
 */
export function ownerOfUser(login: string): OwnerId {
  return `u:${login}`;
}

/**
 * SHA-256 of a token secret, hex-encoded: what the store keeps and looks tokens up by. O(length).
 *
 * @example hashToken('vahti_abc').length // 64
 */
export function hashToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A new token: the secret (shown once) and its stored record. */
export interface IssuedToken {
  secret: string;
  record: ApiToken;
}

/** Issues and checks API tokens. */
export class TokenService {
  readonly #store: Store;
  readonly #clock: Clock;
  readonly #lastTouched = new Map<string, number>();

  constructor(store: Store, clock: Clock) {
    this.#store = store;
    this.#clock = clock;
  }

  /**
   * Creates a token for `login` (creating the user on first use). The caller validates the login
   * against {@link LOGIN_PATTERN}.
   *
   * @example (await tokens.create('alice', 'ci')).secret // 'vahti_…'
   */
  async create(login: string, name: string): Promise<IssuedToken> {
    const user = await this.#store.ensureUser(login);
    const secret = `vahti_${randomBytes(32).toString('base64url')}`;
    const record = await this.#store.createToken({
      id: randomUUID(),
      owner: ownerOfUser(user.login),
      created_by: user.id,
      name,
      hash: hashToken(secret),
      created_at: this.#clock(),
      expires_at: null,
    });
    return { secret, record };
  }

  /**
   * The owner a presented secret acts for, or null when it is unknown, revoked or expired.
   * One store read; `last_used` is written at most once a minute per token.
   */
  async authenticate(secret: string): Promise<OwnerId | null> {
    const token = await this.#store.findTokenByHash(hashToken(secret));
    const now = this.#clock();
    if (!token || token.revoked || (token.expires_at !== null && token.expires_at <= now)) return null;
    const touched = this.#lastTouched.get(token.id);
    if (touched === undefined || now - touched >= TOUCH_INTERVAL_SECONDS) {
      this.#lastTouched.set(token.id, now);
      await this.#store.touchToken(token.id, now);
    }
    return token.owner;
  }
}
