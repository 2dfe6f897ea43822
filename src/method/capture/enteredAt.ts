// Entered at for a lead that has none: never later than the lead's own history (SPEC §13.1), so
// cycle days are never negative.

import { dateOf, textOf } from '../../sheet/cells';

type Row = Readonly<Record<string, unknown>>;

/** Each lead's earliest follow-up Time or Conversions Decided at, by Lead ID. */
export function earliestHistory(
  followUps: readonly Row[],
  conversions: readonly Row[],
): Map<string, Date> {
  const earliest = new Map<string, Date>();
  const note = (id: unknown, value: unknown) => {
    const key = textOf(id);
    const date = dateOf(value);
    if (key === '' || !date) return;
    const known = earliest.get(key);
    if (!known || date.getTime() < known.getTime()) earliest.set(key, date);
  };
  for (const row of followUps) note(row.leadId, row.time);
  for (const row of conversions) note(row.leadId, row.decidedAt);
  return earliest;
}

/** Now for a lead without history; else the earliest of its history, when that is earlier. */
export function enteredAtFor(id: string, history: ReadonlyMap<string, Date>, now: Date): Date {
  const first = id === '' ? undefined : history.get(id);
  return first && first.getTime() < now.getTime() ? first : now;
}
