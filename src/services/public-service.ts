/**
 * Public tests, readable without logging in. A public path names an owner by its bare name,
 * `alice` for `u:alice` and `acme` for `o:acme`: users and organisations share GitHub's one
 * namespace, and where Vahti knows both a user and an organisation of one name (a user made by
 * `vahti token create`, or an account renamed on GitHub), the organisation has the name and the
 * user's public tests are not listed. A private test and a missing one are the same
 * `NotFoundError`, to everyone.
 */
import { NotFoundError } from '../store/errors.ts';
import type { OwnerId, ResultWindow, Store, StoredResult, TestMeta } from '../store/types.ts';
import type { ChangesService } from './changes-service.ts';
import { ownerOfOrg, ownerOfUser, parseOwner } from './principal.ts';
import type { ResultsService } from './results-service.ts';
import type { ChangeGroup } from './series-analysis.ts';

/** A public test with the name its owner goes by in public paths. */
export interface PublicTest {
  /** The owner's bare name: a user's login or an organisation's name. */
  ownerName: string;
  meta: TestMeta;
}

/** Reads public tests for anyone. */
export class PublicService {
  readonly #store: Store;
  readonly #results: ResultsService;
  readonly #changes: ChangesService;

  constructor(store: Store, results: ResultsService, changes: ChangesService) {
    this.#store = store;
    this.#results = results;
    this.#changes = changes;
  }

  /**
   * Every public test, by owner and name, except those of users shadowed by an organisation of
   * the same name. One read, plus one per distinct user owner.
   */
  async list(): Promise<PublicTest[]> {
    const tests = await this.#store.listPublicTests();
    const shadowed = new Map<string, boolean>();
    const listed: PublicTest[] = [];
    for (const meta of tests) {
      const { kind, name } = parseOwner(meta.owner);
      if (kind === 'user' && !shadowed.has(name)) shadowed.set(name, (await this.#store.findOrgByLogin(name)) !== null);
      if (kind === 'user' && shadowed.get(name)) continue;
      listed.push({ ownerName: name, meta });
    }
    return listed;
  }

  /** The public test's results within `window`, or `NotFoundError`. */
  async results(ownerName: string, test: string, window: ResultWindow): Promise<StoredResult[]> {
    return this.#results.list(await this.#publicOwner(ownerName, test), test, window);
  }

  /** The public test's change points, or `NotFoundError`. */
  async changes(ownerName: string, test: string): Promise<ChangeGroup[]> {
    return this.#changes.forTest(await this.#publicOwner(ownerName, test), test);
  }

  /** The owner of `ownerName`'s test `test` when that test is public, else `NotFoundError`. */
  async #publicOwner(ownerName: string, test: string): Promise<OwnerId> {
    const owner = (await this.#store.findOrgByLogin(ownerName)) ? ownerOfOrg(ownerName) : ownerOfUser(ownerName);
    const meta = await this.#store.getTest(owner, test);
    if (!meta?.public) throw new NotFoundError(`test "${ownerName}/${test}"`);
    return owner;
  }
}
