import { expect } from 'chai';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SessionData } from 'express-session';
import { DatabaseSessionStore } from '../../../src/http/auth/session-store.ts';
import { SessionService } from '../../../src/services/session-service.ts';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';

/** Calls a callback-style store method and resolves with what it passed back. */
function settle<T>(run: (callback: (err?: unknown, value?: T) => void) => void): Promise<T | undefined> {
  return new Promise((resolve, reject) => run((err, value) => (err ? reject(err as Error) : resolve(value))));
}

function session(expires: Date | null, data: Record<string, unknown> = {}): SessionData {
  return { cookie: { originalMaxAge: null, expires, httpOnly: true, path: '/' }, ...data } as unknown as SessionData;
}

describe('DatabaseSessionStore (express-session over the Store)', () => {
  let dir: string;
  let store: SqliteStore;
  let now: number;
  let sessions: DatabaseSessionStore;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vahti-sessions-'));
    store = new SqliteStore({ dataDir: dir });
    await store.init();
    now = 1_767_225_600;
    sessions = new DatabaseSessionStore(new SessionService(store, () => now), 60_000);
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('gives back what was set until the cookie expires', async () => {
    await settle((cb) => sessions.set('s1', session(new Date((now + 30) * 1000), { csrfToken: 't' }), cb));
    const read = await settle<SessionData | null>((cb) => sessions.get('s1', cb));
    expect(read).to.deep.include({ csrfToken: 't' });
    now += 30;
    expect(await settle<SessionData | null>((cb) => sessions.get('s1', cb))).to.equal(null);
  });

  it('keeps a session without a cookie expiry for the default lifetime', async () => {
    await settle((cb) => sessions.set('s1', session(null), cb));
    now += 59;
    expect(await settle((cb) => sessions.get('s1', cb))).to.not.equal(null);
    now += 1;
    expect(await settle((cb) => sessions.get('s1', cb))).to.equal(null);
  });

  it('moves the expiry on touch and forgets the session on destroy', async () => {
    await settle((cb) => sessions.set('s1', session(new Date((now + 10) * 1000)), cb));
    await settle((cb) => sessions.touch('s1', session(new Date((now + 100) * 1000)), cb));
    now += 50;
    expect(await settle((cb) => sessions.get('s1', cb))).to.not.equal(null);
    await settle((cb) => sessions.destroy('s1', cb));
    expect(await settle((cb) => sessions.get('s1', cb))).to.equal(null);
  });

  it('passes a corrupt stored session as an error, not a crash', async () => {
    await store.setSession('bad', '{not json', (now + 100) * 1000);
    let failed: unknown;
    await settle((cb) => sessions.get('bad', cb)).catch((err: unknown) => (failed = err));
    expect(failed).to.be.instanceOf(SyntaxError);
  });
});
