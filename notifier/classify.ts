/**
 * Regression or improvement: a change is a regression when the mean moved the wrong way for the
 * metric's direction (Nyrkiö's `direction`; a metric without one counts as lower-is-better).
 */
import type { Direction, NotifyOn } from './types.ts';

export type ChangeKind = 'regression' | 'improvement';

/**
 * Classifies a change by its means (not by its percentage, which Otava sets to 0 when the mean
 * before is 0).
 *
 * @example changeKind('lower_is_better', 100, 120) // 'regression'
 */
export function changeKind(direction: Direction | undefined, meanBefore: number, meanAfter: number): ChangeKind {
  const up = meanAfter > meanBefore;
  return (direction === 'higher_is_better') === up ? 'improvement' : 'regression';
}

/**
 * Whether a channel set to `notifyOn` wants a change of this kind.
 *
 * @example wants('regressions', 'improvement') // false
 */
export function wants(notifyOn: NotifyOn, kind: ChangeKind): boolean {
  return notifyOn === 'both' || (notifyOn === 'regressions') === (kind === 'regression');
}
