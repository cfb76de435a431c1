import { MongoBulkWriteError, MongoServerError } from 'mongodb';

const DUPLICATE_KEY = 11000;

/**
 * Whether a driver error is a unique-index violation (E11000), from a single write or a bulk
 * write. O(number of write errors).
 *
 * @example if (isDuplicateKey(error)) throw new ConflictError('...');
 */
export function isDuplicateKey(error: unknown): error is MongoServerError {
  if (error instanceof MongoBulkWriteError) {
    const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
    if (writeErrors.some((writeError) => writeError.code === DUPLICATE_KEY)) return true;
  }
  return error instanceof MongoServerError && error.code === DUPLICATE_KEY;
}

/**
 * Runs an upsert, and once more if it lost a race to insert the same unique key (the other
 * writer's document then exists, so the second try matches it). MongoDB 4.2+ retries such
 * upserts on the server; FerretDB does not. O(1) extra round trips.
 *
 * @example const doc = await retryDuplicateUpsert(() => users.findOneAndUpdate(filter, update, { upsert: true }));
 */
export async function retryDuplicateUpsert<T>(upsert: () => Promise<T>): Promise<T> {
  try {
    return await upsert();
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    return upsert();
  }
}
