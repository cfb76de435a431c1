import { MongoClient } from 'mongodb';
import { MongoStore } from '../../src/store/mongo/mongo-store.ts';
import type { StoreFactory } from './contract.ts';

let databases = 0;

/**
 * A contract factory for MongoStore on the server at `uri()`: each store gets a database of its
 * own (`<prefix>_<n>`), dropped when the test is done.
 *
 * @example storeContract(mongoStoreFactory(() => ferret.uri, 'vahti_contract'));
 */
export function mongoStoreFactory(uri: () => string, prefix: string): StoreFactory {
  return async (clock) => {
    const dbName = freshDatabaseName(prefix);
    const open = async () => {
      const store = new MongoStore({ uri: uri(), dbName, clock });
      await store.init();
      return store;
    };
    return { store: await open(), openAnother: open, dispose: () => dropDatabase(uri(), dbName) };
  };
}

/** A database name not used before in this run. */
export function freshDatabaseName(prefix: string): string {
  databases += 1;
  return `${prefix}_${process.pid}_${databases}`;
}

/** Drops a database with a client of its own. */
export async function dropDatabase(uri: string, dbName: string): Promise<void> {
  const client = await MongoClient.connect(uri);
  try {
    await client.db(dbName).dropDatabase();
  } finally {
    await client.close();
  }
}
