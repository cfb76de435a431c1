/**
 * express-session's store interface over the session service, so login sessions live in the
 * same database as everything else (SQLite or MongoDB) and survive restarts and span instances.
 * A session is kept as its JSON with the cookie's expiry (Unix ms); an expired one reads as
 * absent, and the periodic sweep deletes it.
 */
import session from 'express-session';
import type { SessionData } from 'express-session';
import type { SessionService } from '../../services/index.ts';

/**
 * The session store. One store operation per call.
 *
 * @example session({ store: new DatabaseSessionStore(services.sessions, ttlMs), secret, … })
 */
export class DatabaseSessionStore extends session.Store {
  readonly #sessions: SessionService;
  readonly #ttlMs: number;

  /** @param ttlMs lifetime of a session whose cookie has no expiry. */
  constructor(sessions: SessionService, ttlMs: number) {
    super();
    this.#sessions = sessions;
    this.#ttlMs = ttlMs;
  }

  override get(sid: string, callback: (err: unknown, session?: SessionData | null) => void): void {
    this.#sessions
      .get(sid)
      .then((data) => (data === null ? null : (JSON.parse(data) as SessionData)))
      .then((session) => callback(null, session), callback);
  }

  override set(sid: string, data: SessionData, callback?: (err?: unknown) => void): void {
    this.#sessions.save(sid, JSON.stringify(data), this.#expiry(data)).then(() => callback?.(), (err: unknown) => callback?.(err));
  }

  override destroy(sid: string, callback?: (err?: unknown) => void): void {
    this.#sessions.destroy(sid).then(() => callback?.(), (err: unknown) => callback?.(err));
  }

  override touch(sid: string, data: SessionData, callback?: (err?: unknown) => void): void {
    this.#sessions.touch(sid, this.#expiry(data)).then(() => callback?.(), (err: unknown) => callback?.(err));
  }

  /** When the session's cookie expires (Unix ms). */
  #expiry(data: SessionData): number {
    const expires = data.cookie.expires;
    return expires ? new Date(expires).getTime() : this.#sessions.nowMs() + this.#ttlMs;
  }
}
