/**
 * Child-process body for the SQLite concurrency test: opens its own store on the shared file and
 * appends `batches` batches of `size` results to one test, each batch its own transaction.
 * Usage: node --import tsx append-worker.ts '<json job>'
 */
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import { NOW, result } from '../contract/fixtures.ts';

interface AppendJob {
  file: string;
  writer: number;
  batches: number;
  size: number;
}

const job = JSON.parse(process.argv[2] ?? '{}') as AppendJob;
const store = new SqliteStore({ file: job.file });
await store.init();
for (let b = 0; b < job.batches; b++) {
  const batch = Array.from({ length: job.size }, (_, i) => result(job.writer * 1_000_000 + b * job.size + i));
  await store.writeResults('u:alice', 'bench/cpu', batch, 'append', NOW);
}
await store.close();
