/**
 * Child-process body for the SQLite claim race: opens its own store on the shared file, waits for
 * the common start time, then works like a sender until no delivery is due: claims one, "sends"
 * it (a 1 ms pause, during which the other processes claim), completes it. Prints the ids it
 * claimed and how many completions it lost, as JSON.
 * Usage: node --import tsx claim-worker.ts '<json job>'
 */
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import { NOW_MS } from '../contract/fixtures.ts';

interface ClaimJob {
  file: string;
  /** Wall-clock ms at which every worker starts claiming. */
  startAt: number;
}

const job = JSON.parse(process.argv[2] ?? '{}') as ClaimJob;
const store = new SqliteStore({ file: job.file });
await store.init();
await new Promise((resolve) => setTimeout(resolve, Math.max(0, job.startAt - Date.now())));
const claimed: string[] = [];
let lost = 0;
for (;;) {
  const [next] = await store.claimDeliveries(NOW_MS, 60_000, 1);
  if (!next?.delivery.claim_token) break;
  claimed.push(next.delivery.id);
  await new Promise((resolve) => setTimeout(resolve, 1));
  if (!(await store.completeDelivery(next.delivery.id, next.delivery.claim_token, { kind: 'delivered', at: NOW_MS }))) lost += 1;
}
await store.close();
process.stdout.write(JSON.stringify({ claimed, lost }));
