import type { DetectedChange } from './change-types.ts';
import { encodeExactJson } from './exact-json.ts';

/** A stored change record, as much of it as reconciling needs. */
export interface KnownChange {
  id: string;
  metric: string;
  change_key: string;
  significant: boolean;
}

/** A detected change with its details already encoded as exact JSON. */
export interface EncodedChange {
  change: DetectedChange;
  /** `encodeExactJson(change.details)`. */
  details: string;
}

/** What `syncChanges` does to one test's records; each backend applies it in one transaction. */
export interface SyncPlan {
  /** Changes never recorded: a record each, with a pending delivery per channel (deduplicated). */
  create: (EncodedChange & { channels: string[] })[];
  /** Recorded changes detected again: details updated; `revive` when the record had stopped being significant. */
  update: (EncodedChange & { id: string; revive: boolean })[];
  /** Ids of significant records, of a metric detection ran on, that detection no longer reports. */
  retire: string[];
}

/**
 * Plans the reconciliation of one test's stored change records with the latest detection, as
 * `ChangeStore.syncChanges` documents it. Pure, so both backends share the semantics and differ
 * only in how they write. Every change's details are encoded here, before either backend writes
 * anything, so a non-finite statistic fails the whole sync (a `TypeError`) with nothing written.
 * A key detected twice counts once (the last one wins). `channelsFor` is called only for changes
 * never seen before. O(k + d) for k known and d detected changes.
 *
 * @example
 * const plan = planSync(known, ['time'], detected, () => ['slack']);
 * plan.create.length; // changes to record, each with a pending Slack delivery
 */
export function planSync(
  known: readonly KnownChange[],
  metrics: readonly string[],
  detected: readonly DetectedChange[],
  channelsFor: (change: DetectedChange) => string[],
): SyncPlan {
  const byKey = new Map(known.map((record) => [changeKey(record.metric, record.change_key), record]));
  const latest = new Map(detected.map((change) => [changeKey(change.metric, change.change_key), change]));
  const plan: SyncPlan = { create: [], update: [], retire: [] };
  for (const [key, change] of latest) {
    const details = encodeExactJson(change.details);
    const record = byKey.get(key);
    if (record) plan.update.push({ id: record.id, change, details, revive: !record.significant });
    else plan.create.push({ change, details, channels: [...new Set(channelsFor(change))] });
  }
  const ranOn = new Set(metrics);
  for (const [key, record] of byKey) {
    if (record.significant && ranOn.has(record.metric) && !latest.has(key)) plan.retire.push(record.id);
  }
  return plan;
}

function changeKey(metric: string, changeKey: string): string {
  return JSON.stringify([metric, changeKey]);
}
