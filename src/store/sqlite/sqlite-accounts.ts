import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { bindGithubLogin, bindMembership, uniqueMemberships } from '../account-rules.ts';
import type { AccountStore, GithubIdentity, GithubMembership, Membership, Org, StaleMemberships } from '../account-types.ts';
import type { Clock } from '../clock.ts';
import type { User } from '../types.ts';
import { prepareAccountStatements, type AccountStatements } from './account-statements.ts';

/**
 * Users from GitHub, organisations, memberships and sessions in the SQLite file (the
 * `AccountStore` half of `SqliteStore`). A login and a membership refresh are each one
 * `BEGIN IMMEDIATE` transaction, so the binding rules (`../account-rules.ts`) see and write one
 * consistent state even with several processes on the file. Session reads are one indexed
 * lookup; sessions are plain rows with an expiry in Unix ms.
 *
 * @example
 * const accounts = new SqliteAccountStore(db, clock); // on a migrated database
 * const user = await accounts.recordGithubLogin(identity, null);
 */
export class SqliteAccountStore implements AccountStore {
  private readonly s: AccountStatements;

  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock,
  ) {
    this.s = prepareAccountStatements(db);
  }

  async recordGithubLogin(identity: GithubIdentity, credential: string | null): Promise<User> {
    return this.write(() => {
      const binding = bindGithubLogin(identity.github_id, this.s.userByGithubId.get(identity.github_id) ?? null, this.s.userByLogin.get(identity.login) ?? null);
      const profile = {
        githubId: identity.github_id,
        name: identity.name,
        email: identity.email,
        avatarUrl: identity.avatar_url,
        credential,
      };
      const id = binding.kind === 'create' ? randomUUID() : binding.id;
      if (binding.kind === 'create') this.s.insertGithubUser.run({ id, login: identity.login, createdAt: this.clock(), ...profile });
      else this.s.updateProfile.run({ id, ...profile });
      return required(this.s.userById.get(id));
    });
  }

  async findUserById(id: string): Promise<User | null> {
    return this.s.userById.get(id) ?? null;
  }

  async replaceMemberships(userId: string, memberships: readonly GithubMembership[], now: number): Promise<Membership[]> {
    return this.write(() => {
      if (!this.s.userById.get(userId)) return [];
      this.s.deleteMemberships.run(userId);
      for (const m of uniqueMemberships(memberships)) {
        const binding = bindMembership(m.github_id, this.s.orgByGithubId.get(m.github_id) ?? null, this.s.orgByLogin.get(m.login) ?? null);
        if (binding.kind === 'skip') continue;
        const orgId = binding.kind === 'known' ? binding.org.id : randomUUID();
        if (binding.kind === 'create') this.s.insertOrg.run(orgId, m.github_id, m.login, now);
        this.s.insertMembership.run(userId, orgId, m.role);
      }
      this.s.markRefreshed.run(now, userId);
      return this.s.membershipsOf.all(userId);
    });
  }

  async listMemberships(userId: string): Promise<Membership[]> {
    return this.s.membershipsOf.all(userId);
  }

  async findOrgByLogin(login: string): Promise<Org | null> {
    return this.s.orgByLogin.get(login) ?? null;
  }

  async staleMemberships(before: number, limit: number): Promise<StaleMemberships[]> {
    return this.s.staleMemberships.all(before, limit);
  }

  async forgetGithubCredential(userId: string): Promise<void> {
    this.write(() => this.s.forgetCredential.run(userId));
  }

  async getSession(sid: string, nowMs: number): Promise<string | null> {
    return this.s.session.get(sid, nowMs)?.data ?? null;
  }

  async setSession(sid: string, data: string, expiresAtMs: number): Promise<void> {
    this.write(() => this.s.putSession.run(sid, data, expiresAtMs));
  }

  async touchSession(sid: string, expiresAtMs: number): Promise<void> {
    this.write(() => this.s.touchSession.run(expiresAtMs, sid));
  }

  async destroySession(sid: string): Promise<void> {
    this.write(() => this.s.deleteSession.run(sid));
  }

  async deleteExpiredSessions(nowMs: number): Promise<number> {
    return this.write(() => this.s.deleteExpiredSessions.run(nowMs).changes);
  }

  /** Runs `work` as one BEGIN IMMEDIATE transaction: all of it or none. */
  private write<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }
}

/** A row the same transaction just wrote; its absence would be a bug in the store. */
function required<T>(row: T | undefined): T {
  if (row === undefined) throw new Error('SqliteAccountStore: a row written in this transaction is missing');
  return row;
}
