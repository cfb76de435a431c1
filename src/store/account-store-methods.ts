import type { AccountStore } from './account-types.ts';
import { ChangeStoreMethods } from './change-store-methods.ts';

type Forwarded<K extends keyof AccountStore> = AccountStore[K];

/**
 * The `AccountStore` half of a `Store` (and, inherited, the `ChangeStore` half), forwarded to the
 * object the backend builds for it in `init()` (`SqliteAccountStore`, `MongoAccountStore`):
 * written once here instead of in each backend. O(1) per call on top of the backend's.
 *
 * @example class SqliteStore extends AccountStoreMethods implements Store { protected accounts() { ... } }
 */
export abstract class AccountStoreMethods extends ChangeStoreMethods implements AccountStore {
  /** The backend's account store; throws when used before `init()`. */
  protected abstract accounts(): AccountStore;

  recordGithubLogin: Forwarded<'recordGithubLogin'> = async (...args) => this.accounts().recordGithubLogin(...args);
  findUserById: Forwarded<'findUserById'> = async (...args) => this.accounts().findUserById(...args);
  replaceMemberships: Forwarded<'replaceMemberships'> = async (...args) => this.accounts().replaceMemberships(...args);
  listMemberships: Forwarded<'listMemberships'> = async (...args) => this.accounts().listMemberships(...args);
  findOrgByLogin: Forwarded<'findOrgByLogin'> = async (...args) => this.accounts().findOrgByLogin(...args);
  staleMemberships: Forwarded<'staleMemberships'> = async (...args) => this.accounts().staleMemberships(...args);
  forgetGithubCredential: Forwarded<'forgetGithubCredential'> = async (...args) => this.accounts().forgetGithubCredential(...args);
  getSession: Forwarded<'getSession'> = async (...args) => this.accounts().getSession(...args);
  setSession: Forwarded<'setSession'> = async (...args) => this.accounts().setSession(...args);
  touchSession: Forwarded<'touchSession'> = async (...args) => this.accounts().touchSession(...args);
  destroySession: Forwarded<'destroySession'> = async (...args) => this.accounts().destroySession(...args);
  deleteExpiredSessions: Forwarded<'deleteExpiredSessions'> = async (...args) => this.accounts().deleteExpiredSessions(...args);
}
