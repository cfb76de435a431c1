/**
 * Login sessions as the HTTP layer's session store needs them: opaque data by session id, with
 * an expiry in Unix ms, kept in the same database as everything else. Expired sessions read as
 * absent; `sweep` deletes them.
 */
import type { Clock } from '../store/clock.ts';
import type { Store } from '../store/types.ts';

/** Reads and writes login sessions. Each call is one store operation. */
export class SessionService {
  readonly #store: Store;
  readonly #clock: Clock;

  /** @param clock Unix seconds; session expiry is compared in ms from it. */
  constructor(store: Store, clock: Clock) {
    this.#store = store;
    this.#clock = clock;
  }

  /** The wall clock in Unix ms, as session cookies count. */
  nowMs(): number {
    return this.#clock() * 1000;
  }

  /** The session's data, or null when it is missing or expired. */
  async get(sid: string): Promise<string | null> {
    return this.#store.getSession(sid, this.nowMs());
  }

  /** Creates or replaces a session. */
  async save(sid: string, data: string, expiresAtMs: number): Promise<void> {
    await this.#store.setSession(sid, data, expiresAtMs);
  }

  /** Moves a session's expiry. */
  async touch(sid: string, expiresAtMs: number): Promise<void> {
    await this.#store.touchSession(sid, expiresAtMs);
  }

  async destroy(sid: string): Promise<void> {
    await this.#store.destroySession(sid);
  }

  /** Deletes the expired sessions; returns how many. */
  async sweep(): Promise<number> {
    return this.#store.deleteExpiredSessions(this.nowMs());
  }
}
