import { MongoStore } from './mongo/mongo-store.ts';
import { SqliteStore } from './sqlite/sqlite-store.ts';
import type { Store } from './types.ts';

/** The storage part of the process config (built once from the environment by the caller). */
export interface StoreConfig {
  /** Directory of the SQLite file `vahti.db`; used when no MongoDB URI is set. */
  dataDir: string;
  /** `MONGODB_URI`: when set, MongoDB is the store. */
  mongodbUri?: string;
  /** Database name on the MongoDB server; `vahti` by default. */
  mongodbDb?: string;
}

/** The MongoDB database used when the config names none. */
export const DEFAULT_MONGODB_DB = 'vahti';

/**
 * Opens the store the config asks for, initialised (tables or indexes created): MongoDB when a
 * URI is set, else SQLite at `<dataDir>/vahti.db`, so `npm start` needs no other server. For the
 * composition root; nothing else should choose a backend. O(1) plus the backend's `init()`.
 *
 * @example const store = await openStore({ dataDir: './data', mongodbUri: process.env.MONGODB_URI });
 */
export async function openStore(config: StoreConfig): Promise<Store> {
  const store: Store = config.mongodbUri
    ? new MongoStore({ uri: config.mongodbUri, dbName: config.mongodbDb ?? DEFAULT_MONGODB_DB })
    : new SqliteStore({ dataDir: config.dataDir });
  try {
    await store.init();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
