import type { ChangeStore } from './change-types.ts';

/**
 * The `ChangeStore` half of a `Store`, forwarded to the object the backend builds for it in
 * `init()` (`SqliteChangeStore`, `MongoChangeStore`): written once here instead of in each backend.
 * O(1) per call on top of the backend's.
 *
 * @example class SqliteStore extends ChangeStoreMethods implements Store { protected changes() { ... } }
 */
export abstract class ChangeStoreMethods implements ChangeStore {
  /** The backend's change store; throws when used before `init()`. */
  protected abstract changes(): ChangeStore;

  async syncChanges(...args: Parameters<ChangeStore['syncChanges']>): ReturnType<ChangeStore['syncChanges']> {
    return this.changes().syncChanges(...args);
  }

  async listChanges(...args: Parameters<ChangeStore['listChanges']>): ReturnType<ChangeStore['listChanges']> {
    return this.changes().listChanges(...args);
  }

  async claimDeliveries(...args: Parameters<ChangeStore['claimDeliveries']>): ReturnType<ChangeStore['claimDeliveries']> {
    return this.changes().claimDeliveries(...args);
  }

  async completeDelivery(...args: Parameters<ChangeStore['completeDelivery']>): ReturnType<ChangeStore['completeDelivery']> {
    return this.changes().completeDelivery(...args);
  }

  async listDeliveries(...args: Parameters<ChangeStore['listDeliveries']>): ReturnType<ChangeStore['listDeliveries']> {
    return this.changes().listDeliveries(...args);
  }

  async retryDelivery(...args: Parameters<ChangeStore['retryDelivery']>): ReturnType<ChangeStore['retryDelivery']> {
    return this.changes().retryDelivery(...args);
  }
}
