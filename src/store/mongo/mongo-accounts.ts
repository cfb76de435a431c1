import { randomUUID } from 'node:crypto';
import { bindGithubLogin, bindMembership, byOrg, uniqueMemberships } from '../account-rules.ts';
import type { AccountStore, GithubIdentity, GithubMembership, Membership, Org, StaleMemberships } from '../account-types.ts';
import type { Clock } from '../clock.ts';
import { ConflictError } from '../errors.ts';
import type { User } from '../types.ts';
import type { Collections } from './collections.ts';
import { userFromDoc, type MembershipDoc, type OrgDoc, type UserDoc } from './documents.ts';
import { isDuplicateKey, retryDuplicateUpsert } from './mongo-errors.ts';

/**
 * Users from GitHub, organisations, memberships and sessions in MongoDB (the `AccountStore` half
 * of `MongoStore`). Needs no transactions: a user's memberships are embedded in the user
 * document, so a refresh is one single-document write; the binding rules
 * (`../account-rules.ts`) are enforced by unique indexes (user login; org GitHub id and login)
 * and by claiming an unbound login with a conditional update, each lost race retried once
 * against what the winner wrote.
 *
 * @example
 * const accounts = new MongoAccountStore(collections, clock);
 * const memberships = await accounts.replaceMemberships(user.id, listed, now);
 */
export class MongoAccountStore implements AccountStore {
  constructor(
    private readonly c: Collections,
    private readonly clock: Clock,
  ) {}

  async recordGithubLogin(identity: GithubIdentity, credential: string | null): Promise<User> {
    const profile: Partial<UserDoc> = {
      github_id: identity.github_id,
      name: identity.name,
      email: identity.email,
      avatar_url: identity.avatar_url,
      ...(credential === null ? {} : { github_credential: credential }),
    };
    for (let attempt = 1; ; attempt += 1) {
      const byGithubId = await this.c.users.findOne({ github_id: identity.github_id });
      const byLogin = byGithubId ? null : await this.c.users.findOne({ login: identity.login });
      const binding = bindGithubLogin(
        identity.github_id,
        byGithubId && { id: byGithubId._id },
        byLogin && { id: byLogin._id, github_id: byLogin.github_id ?? null },
      );
      if (binding.kind === 'create') {
        const doc: UserDoc = { _id: randomUUID(), login: identity.login, created_at: this.clock(), ...profile };
        try {
          await this.c.users.insertOne(doc);
          return userFromDoc(doc);
        } catch (error) {
          if (!isDuplicateKey(error) || attempt > 1) throw error;
          continue;
        }
      }
      const filter = binding.kind === 'claim' ? { _id: binding.id, github_id: null } : { _id: binding.id };
      const updated = await this.c.users.findOneAndUpdate(filter, { $set: profile }, { returnDocument: 'after' });
      if (updated) return userFromDoc(updated);
      if (attempt > 1) throw new ConflictError('this login belongs to another GitHub account');
    }
  }

  async findUserById(id: string): Promise<User | null> {
    const doc = await this.c.users.findOne({ _id: id });
    return doc ? userFromDoc(doc) : null;
  }

  async replaceMemberships(userId: string, memberships: readonly GithubMembership[], now: number): Promise<Membership[]> {
    if ((await this.c.users.countDocuments({ _id: userId }, { limit: 1 })) === 0) return [];
    const stored: MembershipDoc[] = [];
    for (const m of uniqueMemberships(memberships)) {
      const org = await this.orgOf(m, now);
      if (org) stored.push({ org_id: org.id, org: org.login, role: m.role });
    }
    byOrg(stored);
    await this.c.users.updateOne({ _id: userId }, { $set: { memberships: stored, memberships_refreshed_at: now } });
    return stored.map(({ org, role }) => ({ org, role }));
  }

  async listMemberships(userId: string): Promise<Membership[]> {
    const doc = await this.c.users.findOne({ _id: userId }, { projection: { memberships: 1 } });
    return (doc?.memberships ?? []).map(({ org, role }) => ({ org, role }));
  }

  async findOrgByLogin(login: string): Promise<Org | null> {
    const doc = await this.c.orgs.findOne({ login });
    return doc && orgFromDoc(doc);
  }

  async staleMemberships(before: number, limit: number): Promise<StaleMemberships[]> {
    const docs = await this.c.users
      .find(
        { github_credential: { $type: 'string' }, $or: [{ memberships_refreshed_at: null }, { memberships_refreshed_at: { $lt: before } }] },
        { projection: { github_credential: 1, memberships_refreshed_at: 1 } },
      )
      .sort({ memberships_refreshed_at: 1, _id: 1 })
      .limit(limit)
      .toArray();
    return docs.map((doc) => ({ user_id: doc._id, credential: doc.github_credential as string }));
  }

  async forgetGithubCredential(userId: string): Promise<void> {
    await this.c.users.updateOne({ _id: userId }, { $set: { github_credential: null } });
  }

  async getSession(sid: string, nowMs: number): Promise<string | null> {
    const doc = await this.c.sessions.findOne({ _id: sid, expires_at: { $gt: nowMs } });
    return doc?.data ?? null;
  }

  async setSession(sid: string, data: string, expiresAtMs: number): Promise<void> {
    await retryDuplicateUpsert(() => this.c.sessions.replaceOne({ _id: sid }, { data, expires_at: expiresAtMs }, { upsert: true }));
  }

  async touchSession(sid: string, expiresAtMs: number): Promise<void> {
    await this.c.sessions.updateOne({ _id: sid }, { $set: { expires_at: expiresAtMs } });
  }

  async destroySession(sid: string): Promise<void> {
    await this.c.sessions.deleteOne({ _id: sid });
  }

  async deleteExpiredSessions(nowMs: number): Promise<number> {
    const { deletedCount } = await this.c.sessions.deleteMany({ expires_at: { $lte: nowMs } });
    return deletedCount;
  }

  /** The organisation a listed membership binds to (created on first sight), or null when its name is taken by another. */
  private async orgOf(m: GithubMembership, now: number): Promise<Org | null> {
    for (let attempt = 1; ; attempt += 1) {
      const byGithubId = await this.c.orgs.findOne({ github_id: m.github_id });
      const byLogin = byGithubId ? null : await this.c.orgs.findOne({ login: m.login });
      const binding = bindMembership(m.github_id, byGithubId && orgFromDoc(byGithubId), byLogin && orgFromDoc(byLogin));
      if (binding.kind === 'known') return binding.org;
      if (binding.kind === 'skip') return null;
      const doc: OrgDoc = { _id: randomUUID(), github_id: m.github_id, login: m.login, created_at: now };
      try {
        await this.c.orgs.insertOne(doc);
        return orgFromDoc(doc);
      } catch (error) {
        if (!isDuplicateKey(error) || attempt > 1) throw error;
      }
    }
  }
}

function orgFromDoc(doc: OrgDoc): Org {
  return { id: doc._id, github_id: doc.github_id, login: doc.login, created_at: doc.created_at };
}
