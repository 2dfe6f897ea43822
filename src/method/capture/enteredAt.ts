// Entered at for a lead that has none: never later than the lead's own history (SPEC §13.1), so
// cycle days are never negative.

import { dateOf, textOf } from '../../sheet/cells';
import type { FollowUpTouches } from '../followUp/touches';

type Row = Readonly<Record<string, unknown>>;

/** Each lead's earliest follow-up Time or Conversions Decided at, looked up by Lead ID. */
export interface FirstDates {
  get(id: string): Date | undefined;
}

/**
 * Each lead's earliest follow-up Time or Conversions Decided at. Looked up when asked rather than
 * kept as a date per lead: only a lead without Entered at ever asks.
 */
export function earliestHistory(
  followUps: FollowUpTouches,
  conversions: readonly Row[],
): FirstDates {
  const decided = new Map<string, Date>();
  for (const row of conversions) {
    const id = textOf(row.leadId);
    const date = dateOf(row.decidedAt);
    if (id === '' || !date) continue;
    const known = decided.get(id);
    if (!known || date.getTime() < known.getTime()) decided.set(id, date);
  }
  return {
    get: (id) => {
      const touched = followUps.get(id)?.[0];
      const decision = decided.get(id);
      if (touched === undefined) return decision;
      return decision && decision.getTime() <= touched ? decision : new Date(touched);
    },
  };
}

/** Now for a lead without history; else the earliest of its history, when that is earlier. */
export function enteredAtFor(id: string, history: FirstDates, now: Date): Date {
  const first = id === '' ? undefined : history.get(id);
  return first && first.getTime() < now.getTime() ? first : now;
}
