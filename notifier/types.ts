/**
 * Types of the notifier. The notifier imports nothing from `src/`: the service maps its stored
 * change records to these shapes (they match `src/store/change-types.ts` structurally).
 */
import type { SegmentStats } from '../algorithms/types.ts';

/** Nyrkiö's metric directions; a metric without one counts as lower-is-better. */
export type Direction = 'higher_is_better' | 'lower_is_better';

/** A change point as the notifier tells people about it: the detector's statistics and context. */
export interface ChangeNotice extends SegmentStats {
  /** Owner shown to people: a user login or an organisation name. */
  owner: string;
  test: string;
  metric: string;
  unit: string;
  direction?: Direction;
  /** Timestamp (Unix seconds) of the first result after the change. */
  time: number;
  attributes: { git_repo: string; branch: string; git_commit: string };
  /** Link to the change on the dashboard. */
  url: string;
}

/** Which changes a channel wants. */
export type NotifyOn = 'regressions' | 'improvements' | 'both';

/** How one attempt to send ended. Error texts never contain the target URL or a secret. */
export type SendResult =
  | { ok: true }
  | { ok: false; retryable: boolean; error: string; retryAfterMs?: number };
